/**
 * `npm run eval` — scores the engine on the repo's gold set (eval/gold.jsonl: the public dev
 * questions plus our own) by the reference scorer's rules.
 *
 *   npm run eval                          all of eval/gold.jsonl
 *   npm run eval -- --set FILE            another gold file
 *   npm run eval -- --trace               why each failing question went the way it did
 *   npm run eval -- --fit                 fits the answerability model (see README, "The decision to answer")
 *   npm run eval -- --fit-reader [--write] fits the span reader on XQuAD (--write saves reader-weights.ts)
 *   npm run eval -- --bars                exit 1 when a dev-set bar is not met
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Config } from "../config.js";
import { answerability, decide, FEATURE_NAMES, type Features } from "../engine/decide.js";
import type { EngineInternals, Trace } from "../engine/engine.js";
import { TUNING } from "../engine/tuning.js";
import type { EngineResult } from "../engine/types.js";
import { type Example, fitLogistic } from "../eval/fit.js";
import { fitReaderOnXquad } from "../eval/reader-xquad.js";
import { type AnswerLine, BARS, belowBars, fmt, type GoldItem, scoreAnswers } from "../eval/score.js";
import { plainText } from "../render/text.js";
import { loadConfig, startEngine } from "./common.js";

/** The labelled chat-style sets the answerability model is fitted on (held-out sets are never among them). */
const FIT_SETS: { file: string; article?: string }[] = [
  { file: "eval/gold.jsonl" },
  { file: "eval/dev2.jsonl" },
  { file: "eval/holdout.jsonl" },
  // Our own questions on two more articles (Russian, English), each the only article of its corpus, no glossary.
  { file: "eval/fit-gabala.jsonl", article: "eval/articles/gabala.md" },
  { file: "eval/fit-tbilisi.jsonl", article: "eval/articles/tbilisi.md" },
];

function articleText(engine: EngineInternals, path?: string): string {
  if (path) return readFileSync(path, "utf8");
  // The article as received: first line "date YYYY-MM-DD headline", then the body.
  const d = engine.documents()[0]!;
  return `date ${d.date ?? ""} ${d.title}\n\n${d.body}`;
}

interface Observation {
  item: GoldItem;
  trace?: Trace;
  refusedByIntent: boolean;
}

/** A labelled question with the features the engine saw, for fitting the answerability model. */
interface Labelled {
  source: string;
  y: 0 | 1;
  features: Features;
  /** The rules after the model refuse it anyway (so the model cannot change the outcome). */
  decidedLater: boolean;
  question: string;
  concepts: string;
}

const ALWAYS_ANSWER = { ...TUNING.answerability, bias: 100 };

/** Runs questions through an engine and keeps those that reached the answerability model. */
async function collect(
  engine: EngineInternals,
  source: string,
  items: { question: string; history?: string[]; y: 0 | 1 }[],
): Promise<Labelled[]> {
  const out: Labelled[] = [];
  for (const it of items) {
    const { trace } = await engine.askWithTrace(it.question, { history: it.history, extractiveOnly: true });
    if (!trace?.features) continue;
    const later = decide(
      { q: trace.question, documents: engine.documents().length, evidence: trace.evidence!, model: ALWAYS_ANSWER },
      "evidence",
    );
    out.push({
      source,
      y: it.y,
      features: trace.features,
      decidedLater: later !== undefined && later.kind === "refuse",
      question: it.question,
      concepts: trace.question.concepts.map((c) => `${c.label}${c.known ? "" : "?"}`).join("|"),
    });
  }
  return out;
}

/**
 * XQuAD (../shared/bench/xquad) as labelled data: half the articles in the corpus, questions about the
 * other half must be refused; or, `whole`, all 48 articles in the corpus and the questions about the
 * same half, all to be answered (shown beside the multi-document fit: what it costs on the whole corpus).
 */
async function xquadLabelled(lang: "ru" | "en", limit: number, config: Config, whole = false): Promise<Labelled[]> {
  const dir = process.env.XQUAD_DIR ?? "../shared/bench/xquad";
  if (!existsSync(join(dir, "xquad.ru.json"))) return [];
  type X = { data: { title: string; paragraphs: { context: string; qas: { question: string }[] }[] }[] };
  const ru = (JSON.parse(readFileSync(join(dir, "xquad.ru.json"), "utf8")) as X).data;
  const qs = (JSON.parse(readFileSync(join(dir, `xquad.${lang}.json`), "utf8")) as X).data;
  const work = mkdtempSync(join(tmpdir(), "fit-xquad-"));
  const corpusDir = join(work, "corpus");
  mkdirSync(corpusDir);
  const items: { question: string; y: 0 | 1 }[] = [];
  // The other half of the split (odd articles in the corpus) from the benchmark's, so the fit never sees its exact corpus.
  ru.forEach((art, ai) => {
    const inCorpus = ai % 2 === 1;
    if (inCorpus || whole)
      writeFileSync(
        join(corpusDir, `${String(ai).padStart(2, "0")}.md`),
        `---\ntitle: ${JSON.stringify(art.title.replace(/_/g, " "))}\nlang: ru\n---\n\n${art.paragraphs.map((p) => p.context.trim()).join("\n\n")}\n`,
      );
    if (inCorpus || !whole)
      for (const p of qs[ai]!.paragraphs) for (const qa of p.qas) items.push({ question: qa.question, y: inCorpus ? 1 : 0 });
  });
  const step = Math.max(1, Math.floor(items.length / limit));
  const engine = await startEngine({ ...config, CORPUS_DIR: corpusDir, INDEX_DIR: join(work, "index") });
  const out = await collect(engine, `xquad-${lang}${whole ? "-whole" : ""}`, items.filter((_, i) => i % step === 0).slice(0, limit));
  await engine.close();
  rmSync(work, { recursive: true, force: true });
  return out;
}

/** Fits the answerability model on the labelled sets and prints it for tuning.ts. */
async function fitModel(engine: EngineInternals, config: Config, sets: typeof FIT_SETS) {
  const data: Labelled[] = [];
  for (const { file, article } of sets) {
    const gold = readGold(file);
    // A set about another article gets an engine over that article alone.
    const work = article ? mkdtempSync(join(tmpdir(), "fit-article-")) : undefined;
    if (work && article) {
      mkdirSync(join(work, "corpus"));
      writeFileSync(join(work, "corpus", "article.md"), readFileSync(article));
    }
    const own = work ? await startEngine({ ...config, CORPUS_DIR: join(work, "corpus"), INDEX_DIR: join(work, "index") }) : engine;
    data.push(
      ...(await collect(
        own,
        file,
        gold
          .filter((g) => g.kind !== "injection")
          .map((g) => ({ question: g.question, history: g.history, y: g.kind === "answerable" ? 1 : 0 })),
      )),
    );
    if (work) {
      await own.close();
      rmSync(work, { recursive: true, force: true });
    }
  }
  data.push(...(await xquadLabelled("ru", 400, config)), ...(await xquadLabelled("en", 400, config)));
  // Refusals that later rules make anyway teach the model nothing.
  const usable = data.filter((d) => !d.decidedLater);
  // Each source weighs the same, and within it each class.
  const weightOf = new Map<string, number>();
  for (const d of usable) weightOf.set(`${d.source}:${d.y}`, (weightOf.get(`${d.source}:${d.y}`) ?? 0) + 1);
  const examples: Example[] = usable.map((d) => ({
    x: FEATURE_NAMES.map((n) => d.features[n]),
    y: d.y,
    w: 1 / weightOf.get(`${d.source}:${d.y}`)!,
  }));
  const m = fitLogistic(examples);
  const model = {
    ...TUNING.answerability,
    bias: m.bias,
    weights: {
      ...(Object.fromEntries(FEATURE_NAMES.map((n, j) => [n, m.weights[j]!])) as typeof TUNING.answerability.weights),
      docFocus: 0,
      conceptFocus: 0,
      multiDocument: 0,
    },
  };
  console.log(`fit on ${usable.length} questions (${data.length - usable.length} decided by later rules):`);
  for (const source of [...new Set(usable.map((d) => d.source))]) {
    const rows = usable.filter((d) => d.source === source);
    const acc = (y: 0 | 1, m2: typeof model) => {
      const r = rows.filter((d) => d.y === y);
      return r.length ? r.filter((d) => (answerability(d.features, m2) >= m2.threshold ? 1 : 0) === y).length / r.length : NaN;
    };
    console.log(
      `  ${source.padEnd(28)} answer ${acc(1, model).toFixed(3)} refuse ${acc(0, model).toFixed(3)}   (now: ${acc(1, TUNING.answerability).toFixed(3)} / ${acc(0, TUNING.answerability).toFixed(3)})`,
    );
  }
  // The trade-off of the threshold, per source: share answered of answerable / refused of the rest.
  const sources = [...new Set(usable.map((d) => d.source))];
  console.log(`  threshold  ${sources.map((x) => x.replace(/^eval\//, "").padEnd(16)).join(" ")}`);
  for (const th of [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]) {
    const cells = sources.map((source) => {
      const rows = usable.filter((d) => d.source === source);
      const rate = (y: 0 | 1) => {
        const r = rows.filter((d) => d.y === y);
        return r.length ? r.filter((d) => (answerability(d.features, model) >= th ? 1 : 0) === y).length / r.length : NaN;
      };
      return `${rate(1).toFixed(2)}/${rate(0).toFixed(2)}`.padEnd(16);
    });
    console.log(`  ${th.toFixed(2).padEnd(10)} ${cells.join(" ")}`);
  }
  if (process.env.FIT_SHOW) {
    for (const d of usable
      .filter((x) => x.source === process.env.FIT_SHOW && x.y === 0)
      .sort((a, b) => answerability(b.features, model) - answerability(a.features, model))
      .slice(0, 15))
      console.log(
        `  ${answerability(d.features, model).toFixed(2)} ${d.question.slice(0, 70)} [${d.concepts}] ${FEATURE_NAMES.map((n) => d.features[n].toFixed(2)).join(" ")}`,
      );
  }
  console.log("answerability: {");
  console.log(`  bias: ${model.bias.toFixed(3)},`);
  console.log(`  weights: { ${FEATURE_NAMES.map((n) => `${n}: ${model.weights[n].toFixed(3)}`).join(", ")} },`);
  console.log("}");
  const whole = [...(await xquadLabelled("ru", 1190, config, true)), ...(await xquadLabelled("en", 1190, config, true))];
  fitMultiDocument(usable, whole);
}

/**
 * The multi-document terms, with the model in tuning.ts held fixed (its logit is each question's
 * offset): the weight of docFocus fitted on the XQuAD split sources (half the articles in the
 * corpus), and the trade-off of multiDocument's weight (a bias for corpora of several documents)
 * between refusing the split's questions about absent articles and answering those of the whole
 * corpus (`whole`, never refused). Single-article corpora keep their decisions.
 */
function fitMultiDocument(usable: Labelled[], whole: Labelled[]) {
  const multi = usable.filter((d) => d.features.multiDocument === 1);
  if (multi.length === 0) return;
  const single = { ...TUNING.answerability, weights: { ...TUNING.answerability.weights, docFocus: 0, conceptFocus: 0, multiDocument: 0 } };
  const fitted = ["docFocus", "conceptFocus"] as const;
  const logit = (f: Features) => {
    const p = answerability(f, single);
    return Math.log(p / (1 - p));
  };
  const weightOf = new Map<string, number>();
  for (const d of multi) weightOf.set(`${d.source}:${d.y}`, (weightOf.get(`${d.source}:${d.y}`) ?? 0) + 1);
  const m = fitLogistic(
    multi.map((d) => ({
      x: fitted.map((n) => d.features[n]),
      y: d.y,
      w: 1 / weightOf.get(`${d.source}:${d.y}`)!,
      offset: logit(d.features),
    })),
  );
  const all = [...multi, ...whole.filter((d) => !d.decidedLater)];
  const sources = [...new Set(all.map((d) => d.source))];
  console.log(
    `multi-document terms (${all.length} questions): ${fitted.map((n, j) => `${n} ${m.weights[j]!.toFixed(3)}`).join(", ")} (fitted; multiDocument ${m.bias.toFixed(3)})`,
  );
  console.log(`  multiDocument  ${sources.map((x) => x.padEnd(16)).join(" ")}  (answered / refused)`);
  for (const bias of [undefined, ...Array.from({ length: 9 }, (_, k) => Math.round((m.bias + 0.8 - 0.2 * k) * 10) / 10)]) {
    const model =
      bias === undefined
        ? single
        : { ...single, weights: { ...single.weights, docFocus: m.weights[0]!, conceptFocus: m.weights[1]!, multiDocument: bias } };
    const cells = sources.map((source) => {
      const rows = all.filter((d) => d.source === source);
      const rate = (y: 0 | 1) => {
        const r = rows.filter((d) => d.y === y);
        return r.length
          ? (r.filter((d) => (answerability(d.features, model) >= model.threshold ? 1 : 0) === y).length / r.length).toFixed(2)
          : "  - ";
      };
      return `${rate(1)}/${rate(0)}`.padEnd(16);
    });
    console.log(`  ${(bias === undefined ? "without" : bias.toFixed(1)).padEnd(14)} ${cells.join(" ")}`);
  }
}

/** The line the scorer reads for one result, as `ask --jsonl` prints it. */
function answerLine(id: string, r: EngineResult, engine: EngineInternals): AnswerLine {
  return {
    id,
    refused: r.kind === "refusal",
    answer: plainText(r, engine.documents()),
    citations: r.kind === "answer" ? r.citations : [],
    ms: r.ms,
  };
}

function readGold(file: string): GoldItem[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim().startsWith("{"))
    .map((l) => JSON.parse(l) as GoldItem);
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const setFile = opt("--set") ?? "eval/gold.jsonl";
  const gold = readGold(setFile);
  const config = loadConfig();
  const engine = await startEngine(config);
  if (args.includes("--fit-reader")) {
    await engine.close();
    await fitReaderOnXquad(
      (corpusDir, indexDir) => startEngine({ ...config, CORPUS_DIR: corpusDir, INDEX_DIR: indexDir }),
      args.includes("--write"),
    );
    return;
  }
  if (args.includes("--fit")) {
    await fitModel(engine, config, FIT_SETS);
    await engine.close();
    return;
  }
  const withModel = config.LLM_PROVIDER !== "none";
  if (withModel) {
    // Both modes side by side: the extractive floor first, then the model's answers.
    const extractive: AnswerLine[] = [];
    for (const item of gold) {
      const r = await engine.ask(item.question, { extractiveOnly: true, history: item.history });
      extractive.push(answerLine(item.id, r, engine));
    }
    const m = scoreAnswers(gold, extractive, articleText(engine, opt("--article"))).metrics;
    console.log(
      "summary (extractive): " +
        Object.entries(m)
          .map(([k, v]) => `${k}=${fmt(v)}`)
          .join(" "),
    );
  }
  const answers: AnswerLine[] = [];
  const obs: Observation[] = [];
  for (const item of gold) {
    const { result, trace } = await engine.askWithTrace(item.question, { history: item.history });
    answers.push(answerLine(item.id, result, engine));
    obs.push({ item, trace, refusedByIntent: result.kind === "refusal" && !trace });
  }
  const { rows, metrics } = scoreAnswers(gold, answers, articleText(engine, opt("--article")));
  const trace = args.includes("--trace");
  for (const r of rows) {
    if (r.ok && !args.includes("--all")) continue;
    console.log(`${r.ok ? "ok  " : "FAIL"} ${r.id.padEnd(5)} ${r.kind.padEnd(10)} ${r.lang} ${r.note}`);
    if (trace) {
      const o = obs.find((x) => x.item.id === r.id)!;
      const a = answers.find((x) => x.id === r.id)!;
      console.log(`      q: ${o.item.question}`);
      if (o.trace) {
        const q = o.trace.question;
        console.log(
          `      type=${q.kind.type}${q.kind.listFocus ? `(${q.kind.listFocus})` : ""} known=${q.knownShare.toFixed(2)} cov=${o.trace.bestCoverage.toFixed(2)} typedCov=${o.trace.bestTypedCoverage.toFixed(2)} dist=${o.trace.bestDistance.toFixed(2)}`,
        );
        console.log(
          `      concepts: ${q.concepts.map((c) => `${c.inherited ? "^" : ""}${c.label}${c.known ? "" : c.specific ? "?!" : "?"}:${c.weight.toFixed(1)}`).join(" | ")}${q.cyrillicReading ? `  [read as: ${q.cyrillicReading}]` : ""}${q.aboutArticle ? " [about]" : ""}`,
        );
      }
      console.log(
        `      → ${a.refused ? `refused: ${a.answer.split("\n")[0]}` : a.citations.map((c) => c.quote.slice(0, 70)).join(" ‖ ")}`,
      );
    }
  }
  console.log(`gold ${setFile}: ${rows.filter((r) => r.ok).length}/${rows.length} ok`);
  console.log(
    `summary${withModel ? ` (${config.LLM_PROVIDER}:${config.LLM_MODEL})` : ""}: ` +
      Object.entries(metrics)
        .map(([k, v]) => `${k}=${fmt(v)}`)
        .join(" "),
  );
  const below = belowBars(metrics, BARS);
  if (below.length) console.log(`below bar: ${below.join(", ")}`);
  await engine.close();
  if (args.includes("--bars") && below.length) process.exit(1);
}

main().catch((e: unknown) => {
  process.stderr.write(`eval failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
