/**
 * `npm run eval -- --fit-reader`: fits the span reader on XQuAD (48 Russian Wikipedia articles,
 * CC BY-SA 4.0, from ../shared/bench/xquad) and reports it beside the engine's current spans.
 *
 * The engine answers each question over the whole XQuAD corpus; the reader is then trained on the
 * sentence of the gold paragraph that holds the gold answer, with the question as the engine
 * analysed it. Odd-numbered questions train; even-numbered ones only measure (F1 of the pick
 * against the gold answers, in Russian and English questions alike).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EngineInternals } from "../engine/engine.js";
import { READER_WEIGHTS } from "../engine/reader-weights.js";
import { answerSpan, readerInput } from "../engine/span.js";
import { TUNING } from "../engine/tuning.js";
import { fitReader, type ReaderExample, readerExample, readerF1, tokenF1 } from "./reader-fit.js";

interface XquadFile {
  data: { title: string; paragraphs: { context: string; qas: { question: string; answers: { text: string }[] }[] }[] }[];
}

interface Row {
  half: 0 | 1;
  lang: "ru" | "en";
  type: string;
  example?: ReaderExample;
  /** F1 of the span the engine marks today. */
  current: number;
}

const fold = (s: string) => s.normalize("NFC").toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();

/** The sentence of the corpus inside `context` that holds one of the answers. */
function goldSentence(engine: EngineInternals, context: string, answers: string[]): number {
  const c = fold(context);
  return engine.lexical.sentences.findIndex((s) => {
    const t = fold(s.text);
    return c.includes(t) && answers.some((a) => t.includes(fold(a)));
  });
}

async function collect(engine: EngineInternals, ru: XquadFile["data"], en: XquadFile["data"]): Promise<Row[]> {
  const rows: Row[] = [];
  let n = 0;
  for (const [ai, art] of ru.entries())
    for (const [pi, p] of art.paragraphs.entries())
      for (const [qi, qa] of p.qas.entries()) {
        const half = (n++ % 2) as 0 | 1;
        const answers = qa.answers.map((a) => a.text);
        const i = goldSentence(engine, p.context, answers);
        if (i < 0) continue;
        for (const lang of ["ru", "en"] as const) {
          const question = lang === "ru" ? qa.question : en[ai]!.paragraphs[pi]!.qas[qi]!.question;
          const { trace } = await engine.askWithTrace(question);
          if (!trace) continue;
          const q = trace.question;
          const input = readerInput(engine.lexical, q, i);
          const span = answerSpan(engine.lexical, q, i);
          const text = engine.lexical.sentences[i]!.text;
          const current = Math.max(...answers.map((a) => tokenF1(span ? text.slice(span.start, span.end) : text, a)));
          rows.push({ half, lang, type: q.kind.type, example: input && readerExample(input, answers), current });
        }
      }
  return rows;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);

function report(rows: Row[], weights: Readonly<Record<string, number>>): void {
  const f1Of = (r: Row) => (r.example ? readerF1([r.example], weights) : 0);
  const line = (label: string, rs: Row[]) =>
    console.log(
      `  ${label.padEnd(22)} n=${String(rs.length).padStart(4)}  current ${mean(rs.map((r) => r.current)).toFixed(3)}  reader ${mean(rs.map(f1Of)).toFixed(3)}`,
    );
  for (const half of [1, 0] as const)
    for (const lang of ["ru", "en"] as const)
      line(
        `${half ? "fit" : "check"} ${lang}`,
        rows.filter((r) => r.half === half && r.lang === lang),
      );
  const oracle = rows.filter((r) => r.half === 0 && r.lang === "ru").map((r) => (r.example ? Math.max(...r.example.f1) : 0));
  console.log(`  best candidate (ceiling), check ru: ${mean(oracle).toFixed(3)}`);
  const types = [...new Set(rows.map((r) => r.type))];
  for (const t of types)
    line(
      `check ru ${t}`,
      rows.filter((r) => r.half === 0 && r.lang === "ru" && r.type === t),
    );
}

/** Fits and prints the reader's weights for tuning.ts, with F1 on the fit and check halves. */
export async function fitReaderOnXquad(
  start: (corpusDir: string, indexDir: string) => Promise<EngineInternals>,
  write = false,
): Promise<void> {
  const dir = process.env.XQUAD_DIR ?? "../shared/bench/xquad";
  if (!existsSync(join(dir, "xquad.ru.json"))) throw new Error(`XQuAD not found in ${dir} (set XQUAD_DIR)`);
  const load = (lang: string) => (JSON.parse(readFileSync(join(dir, `xquad.${lang}.json`), "utf8")) as XquadFile).data;
  const ru = load("ru");
  const en = load("en");
  const work = mkdtempSync(join(tmpdir(), "fit-reader-"));
  mkdirSync(join(work, "corpus"));
  for (const [ai, art] of ru.entries())
    writeFileSync(
      join(work, "corpus", `${String(ai).padStart(2, "0")}.md`),
      `---\ntitle: ${JSON.stringify(art.title.replace(/_/g, " "))}\nlang: ru\n---\n\n${art.paragraphs.map((p) => p.context.trim()).join("\n\n")}\n`,
    );
  const engine = await start(join(work, "corpus"), join(work, "index"));
  const rows = await collect(engine, ru, en);
  await engine.close();
  rmSync(work, { recursive: true, force: true });
  const train = rows.filter((r) => r.half === 1 && r.lang === "ru" && r.example).map((r) => r.example!);
  const weights = fitReader(train, { l2: TUNING.reader.l2 });
  console.log(`reader fitted on ${train.length} sentences (F1 on the gold sentence; "current" = the engine's span today):`);
  console.log("now (tuning.ts):");
  report(rows, READER_WEIGHTS);
  console.log("fitted:");
  report(rows, weights);
  if (write) {
    writeFileSync(WEIGHTS_FILE, weightsModule(weights, train.length));
    console.log(`wrote ${Object.keys(weights).length} weights to ${WEIGHTS_FILE}`);
  } else console.log(`(--write saves them to ${WEIGHTS_FILE})`);
}

const WEIGHTS_FILE = "src/engine/reader-weights.ts";

function weightsModule(weights: Record<string, number>, n: number): string {
  const lines = Object.entries(weights)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `  ${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${v},`);
  return [
    "/**",
    " * The span reader's weights (reader.ts): fitted data, not hand-set. Written by",
    ` * \`npm run eval -- --fit-reader --write\` on ${n} sentences of XQuAD ru (odd-numbered questions;`,
    " * XQuAD: Artetxe et al. 2020, CC BY-SA 4.0). Do not edit by hand: refit.",
    " */",
    "export const READER_WEIGHTS: Readonly<Record<string, number>> = {",
    ...lines,
    "};",
    "",
  ].join("\n");
}
