/**
 * Retrieval against a peer on XQuAD ru (issue 9, `npm run bench -- --peers`): the engine and
 * MiniSearch (BM25+, with the Snowball Russian stemmer from `snowball-stemmers`) index the same
 * citation units (the engine's sentences of the 48 articles) and answer all 1,190 Russian
 * questions. One process per peer, so peak RSS is each one's own:
 *
 *   node --import tsx bench/peers.ts --peer engine|minisearch --corpus DIR --index DIR --questions FILE
 *
 * top1: the first citation (engine) or the best hit (MiniSearch) is a sentence of the gold
 * paragraph; the engine's refusals count as misses. Last stdout line: `BENCH_RESULT {json}`.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import MiniSearch from "minisearch";
import snowball from "snowball-stemmers";
import { loadCorpus } from "../src/engine/corpus.js";
import { toSentences } from "../src/engine/sentences.js";
import { foldText } from "../src/engine/text.js";

/** Nearest-rank percentile of an ascending-sorted list (as in engine-bench.ts). */
function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export interface PeerQuestion {
  question: string;
  /** The gold paragraph, folded as by ../shared/bench/xquad.mjs. */
  context: string;
}

export interface PeerResult {
  peer: string;
  sentences: number;
  questions: number;
  buildMs: number;
  top1: number;
  answered: number;
  p50Ms: number;
  p95Ms: number;
  peakRssMb: number;
}

/** ../shared/bench/xquad.mjs's normalisation: the scorers' fold, byte-order marks removed. */
export const fold = (s: string) => foldText(String(s).replace(/\ufeff/g, ""));

async function main() {
  const { values } = parseArgs({
    options: { peer: { type: "string" }, corpus: { type: "string" }, index: { type: "string" }, questions: { type: "string" } },
  });
  const questions = JSON.parse(readFileSync(values.questions!, "utf8")) as PeerQuestion[];
  const times: number[] = [];
  let hits = 0;
  let answered = 0;
  let buildMs: number;
  let sentences: number;
  if (values.peer === "engine") {
    const { createEngine } = await import("../src/engine/engine.js");
    const t0 = performance.now();
    const engine = await createEngine({ CORPUS_DIR: values.corpus!, INDEX_DIR: values.index! });
    buildMs = performance.now() - t0;
    sentences = engine.lexical.sentences.length;
    for (const q of questions) {
      const t = performance.now();
      const r = await engine.ask(q.question, { extractiveOnly: true });
      times.push(performance.now() - t);
      if (r.kind !== "answer") continue;
      answered++;
      if (r.citations[0] && q.context.includes(fold(r.citations[0].quote))) hits++;
    }
  } else if (values.peer === "minisearch") {
    const stemmer = snowball.newStemmer("russian");
    const t0 = performance.now();
    const units = toSentences(loadCorpus(values.corpus!).documents);
    const ms = new MiniSearch<{ id: number; text: string }>({
      fields: ["text"],
      processTerm: (term) => stemmer.stem(term.toLowerCase().replace(/ё/g, "е")),
    });
    ms.addAll(units.map((s, id) => ({ id, text: s.text })));
    buildMs = performance.now() - t0;
    sentences = units.length;
    for (const q of questions) {
      const t = performance.now();
      const top = ms.search(q.question)[0];
      times.push(performance.now() - t);
      if (!top) continue;
      answered++;
      if (q.context.includes(fold(units[top.id as number]!.text))) hits++;
    }
  } else throw new Error(`unknown --peer ${values.peer}`);
  times.sort((a, b) => a - b);
  const result: PeerResult = {
    peer: values.peer,
    sentences,
    questions: questions.length,
    buildMs,
    top1: hits / questions.length,
    answered: answered / questions.length,
    p50Ms: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
}

if (process.argv[1]?.endsWith("peers.ts")) {
  main().catch((e: unknown) => {
    process.stderr.write(`peers failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
