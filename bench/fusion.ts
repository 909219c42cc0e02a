/**
 * Each retriever alone and fused, on XQuAD (issue 9 §3): all 1,190 questions, Russian and
 * English, over the 48 Russian articles. For each question: the top sentence of BM25 alone,
 * of the vector index alone, of their fusion, after the coverage re-scoring, and the engine's
 * first citation; a hit is a sentence of the gold paragraph.
 *
 *   node --import tsx bench/fusion.ts [--q ru|en] [--split even|odd] [--set gates.vectorWeight=0.5] [--dump FILE]
 *
 * --split keeps only the even (as xquad.mjs --split) or odd (as the fit) articles in the corpus
 * and dumps, per question, whether it is about the corpus with the answerability features and
 * a few candidate ones (for trying features before they go into decide.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Trace } from "../src/engine/ask.js";
import { decide } from "../src/engine/decide.js";
import { createEngine } from "../src/engine/engine.js";
import { fuseRankings } from "../src/engine/evidence.js";
import { bm25, type LexicalIndex } from "../src/engine/lexical.js";
import { TUNING } from "../src/engine/tuning.js";
import { fold } from "./peers.js";

const ALWAYS_ANSWER = { ...TUNING.answerability, bias: 100 };

interface Squad {
  data: { title: string; paragraphs: { context: string; qas: { question: string }[] }[] }[];
}

/** Candidate features of the answerability model, tried here before they go into decide.ts. */
function extraFeatures(
  index: LexicalIndex,
  trace: Trace,
  lex: { i: number; score: number }[],
  vec: { i: number; distance: number }[],
): Record<string, number> {
  const q = trace.question;
  const ranked = trace.evidence?.ranked ?? [];
  const total = q.concepts.reduce((a, c) => a + c.weight, 0) || 1;
  const top = ranked[0];
  const doc = (i: number) => index.sentences[i]!.doc;
  const para = (i: number) => `${doc(i)}:${index.sentences[i]!.paragraph}`;
  const topDoc = top ? doc(top.i) : "";
  const top10 = ranked.slice(0, 10);
  const maxW = Math.max(0, ...q.concepts.filter((c) => c.known).map((c) => c.weight));
  const ideal = [...q.query.values()].reduce((a, w) => a + w * 2.2, 0) || 1;
  const otherDoc = ranked.find((c) => doc(c.i) !== topDoc);
  return {
    coveredAbs: (top?.coverage ?? 0) * total,
    bestCovAbs: ranked.reduce((m, c) => Math.max(m, c.coverage), 0) * total,
    maxKnownIdf: maxW,
    total,
    docShare: top10.length ? top10.filter((c) => doc(c.i) === topDoc).length / top10.length : 0,
    bm25Top: lex[0]?.score ?? 0,
    bm25Share: (lex[0]?.score ?? 0) / ideal,
    bm25Gap: lex[0] ? (lex[0].score - (lex[1]?.score ?? 0)) / lex[0].score : 0,
    agree: lex[0] && vec[0] && doc(lex[0].i) === doc(vec[0].i) ? 1 : 0,
    vecGap: vec[0] ? (vec[1] ? vec[1].distance - vec[0].distance : 0) : 0,
    margin: top ? top.score - (otherDoc?.score ?? 0) : 0,
    concepts: q.concepts.length,
    paraShare: top10.length ? top10.filter((c) => para(c.i) === para(top!.i)).length / top10.length : 0,
    docMass: top10.length
      ? top10.filter((c) => doc(c.i) === topDoc).reduce((a, c) => a + c.score, 0) / top10.reduce((a, c) => a + c.score, 0)
      : 0,
    lexDocShare: lex.length ? lex.slice(0, 10).filter((h) => doc(h.i) === doc(lex[0]!.i)).length / Math.min(10, lex.length) : 0,
    vecDocShare: vec.length ? vec.slice(0, 10).filter((h) => doc(h.i) === doc(vec[0]!.i)).length / Math.min(10, vec.length) : 0,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      q: { type: "string", default: "ru" },
      dump: { type: "string" },
      set: { type: "string", multiple: true },
      split: { type: "string" },
    },
  });
  // --set gates.vectorWeight=0.5: try a tuned number without editing tuning.ts.
  for (const kv of values.set ?? []) {
    const [path, v] = kv.split("=");
    const keys = path!.split(".");
    let o = TUNING as unknown as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
    o[keys.at(-1)!] = Number(v);
  }
  const dir = process.env.XQUAD_DIR ?? "../shared/bench/xquad";
  const ru = (JSON.parse(readFileSync(join(dir, "xquad.ru.json"), "utf8")) as Squad).data;
  const qs = (JSON.parse(readFileSync(join(dir, `xquad.${values.q}.json`), "utf8")) as Squad).data;
  const work = mkdtempSync(join(tmpdir(), "fusion-"));
  mkdirSync(join(work, "corpus"));
  const questions: { question: string; context: string; inCorpus: boolean; article: number }[] = [];
  // --split even|odd: only those articles in the corpus (xquad.mjs --split keeps the even ones; the fit the odd ones).
  const kept = (ai: number) => !values.split || ai % 2 === (values.split === "even" ? 0 : 1);
  ru.forEach((art, ai) => {
    if (kept(ai)) {
      const body = art.paragraphs.map((p) => p.context.replace(/\ufeff/g, "").trim()).join("\n\n");
      writeFileSync(
        join(work, "corpus", `${String(ai).padStart(2, "0")}.md`),
        `---\ntitle: ${JSON.stringify(art.title.replace(/_/g, " "))}\nlang: ru\n---\n\n${body}\n`,
      );
    }
    for (const [pi, p] of art.paragraphs.entries())
      for (const qa of qs[ai]!.paragraphs[pi]!.qas)
        questions.push({ question: qa.question, context: fold(p.context), inCorpus: kept(ai), article: ai });
  });
  const engine = await createEngine({ CORPUS_DIR: join(work, "corpus"), INDEX_DIR: join(work, "index") }, { warmUp: false });
  const sentences = engine.lexical.sentences;
  const inGold = (i: number | undefined, context: string) => i !== undefined && context.includes(fold(sentences[i]!.text));
  const tally = { bm25: 0, vector: 0, fused: 0, rescored: 0, engine: 0, answered: 0 };
  const dump: unknown[] = [];
  for (const item of questions) {
    const { result, trace } = await engine.askWithTrace(item.question, { extractiveOnly: true });
    // The tally counts questions about articles in the corpus (with --split, the others are only dumped).
    const counted = item.inCorpus ? 1 : 0;
    if (result.kind === "answer") tally.answered += counted;
    const first = result.kind === "answer" ? result.citations[0] : undefined;
    if (first && item.context.includes(fold(first.quote))) tally.engine += counted;
    if (!trace) continue;
    const lex = bm25(engine.lexical, trace.question.query, TUNING.gates.bm25K);
    const vec = await engine.vectors.search(await engine.embeddings.embedQuery(trace.question.expanded), TUNING.gates.vectorK);
    const fusedTop = fuseRankings(lex, vec)[0];
    const hit = {
      bm25: inGold(lex[0]?.i, item.context),
      vector: inGold(vec[0]?.i, item.context),
      fused: inGold(fusedTop, item.context),
      rescored: inGold(trace.evidence?.ranked[0]?.i, item.context),
    };
    for (const k of ["bm25", "vector", "fused", "rescored"] as const) if (hit[k]) tally[k] += counted;
    if (values.dump)
      dump.push({
        q: item.question,
        y: item.inCorpus ? 1 : 0,
        article: item.article,
        extra: extraFeatures(engine.lexical, trace, lex, vec),
        hit,
        rule: trace.rule,
        later: trace.evidence
          ? (decide(
              { q: trace.question, documents: engine.corpus.documents.length, evidence: trace.evidence, model: ALWAYS_ANSWER },
              "evidence",
            )?.rule ?? null)
          : "analysis",
        answered: result.kind === "answer",
        first: first ? item.context.includes(fold(first.quote)) : false,
        typed: inGold(trace.evidence?.ranked.find((c) => c.typeOk)?.i, item.context),
        features: trace.features,
        type: trace.question.kind.type,
        lex: lex.slice(0, 10).map((h) => [h.i, +h.score.toFixed(3), inGold(h.i, item.context)]),
        vec: vec.slice(0, 10).map((h) => [h.i, +(1 - h.distance).toFixed(3), inGold(h.i, item.context)]),
      });
  }
  const n = questions.filter((x) => x.inCorpus).length;
  console.log(
    `fusion ${values.q}: n=${n} ` +
      Object.entries(tally)
        .map(([k, v]) => `${k}=${(v / n).toFixed(3)}`)
        .join(" "),
  );
  if (values.dump) writeFileSync(values.dump, dump.map((d) => JSON.stringify(d)).join("\n"));
  rmSync(work, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  process.stderr.write(`fusion failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
