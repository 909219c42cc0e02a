/**
 * One benchmark phase for one corpus, run by bench/bench.ts in a fresh process so that
 * peak RSS and cold start belong to this corpus alone:
 *
 *   node --import tsx bench/engine-bench.ts --phase build --name NAME --corpus DIR --index DIR
 *     createEngine on an empty INDEX_DIR (indexStatus.rebuilt must be true): build time.
 *   node --import tsx bench/engine-bench.ts --phase serve --name NAME --corpus DIR --index DIR --questions FILE [--rounds N]
 *     a new process that loads the existing index and answers the first question (cold
 *     start, measured from the process's time origin), then answers every question in a
 *     sequential loop (latency p50/p95, answers per second).
 *
 * Progress goes to stderr; the result is the last stdout line: `BENCH_RESULT {json}`.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { createEngine } from "../src/engine/engine.js";
import { toSentences } from "../src/engine/sentences.js";

export const RESULT_PREFIX = "BENCH_RESULT ";

export interface BuildResult {
  phase: "build";
  name: string;
  buildMs: number;
  /** CPU time of the build (user + system, this process): steadier than wall time on a shared machine. */
  buildCpuMs: number;
  rebuilt: boolean;
  reason?: string;
  documents: number;
  paragraphs: number;
  sentences: number;
  peakRssMb: number;
}

export interface ServeResult {
  phase: "serve";
  name: string;
  rebuilt: boolean;
  /** Process time origin → first answer returned (Node start, module loading, index load, first ask). */
  coldStartMs: number;
  /** Part of it: module imports done → engine ready (index loaded from disk). */
  loadMs: number;
  firstAskMs: number;
  questions: number;
  rounds: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  meanMs: number;
  /** CPU time (user + system) of the question loop, per question. */
  cpuMsPerQuestion: number;
  /** The machine's 1-minute load average at the end of the loop (wall times mean little above the core count). */
  loadAverage: number;
  answersPerSec: number;
  answered: number;
  refused: number;
  peakRssMb: number;
}

export type PhaseResult = BuildResult | ServeResult;

/** Nearest-rank percentile of an ascending-sorted list. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

const peakRssMb = () => process.resourceUsage().maxRSS / 1024; // maxRSS is in kilobytes
const round2 = (x: number) => Math.round(x * 100) / 100;
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

async function main(): Promise<void> {
  const importedAt = performance.now();
  const { values } = parseArgs({
    options: {
      phase: { type: "string" },
      name: { type: "string", default: "corpus" },
      corpus: { type: "string" },
      index: { type: "string" },
      questions: { type: "string" },
      rounds: { type: "string", default: "1" },
    },
    strict: true,
  });
  const name = values.name ?? "corpus";
  const log = (m: string) => process.stderr.write(`[bench:${name}] ${m}\n`);
  if (!values.corpus || !values.index || (values.phase !== "build" && values.phase !== "serve")) {
    process.stderr.write(
      "usage: engine-bench.ts --phase build|serve --corpus DIR --index DIR [--questions FILE] [--rounds N] [--name NAME]\n",
    );
    process.exit(2);
  }
  const config = { CORPUS_DIR: values.corpus, INDEX_DIR: values.index };
  let lastProgress = 0;
  const onProgress = (m: string) => {
    // The index store reports often on big corpora; keep stderr readable (at most every 2 s, plus phase lines).
    const now = performance.now();
    if (!/^embedded \d/.test(m) || now - lastProgress > 2000) {
      log(`index: ${m}`);
      lastProgress = now;
    }
  };

  if (values.phase === "build") {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const engine = await createEngine(config, { onProgress });
    const buildMs = performance.now() - t0;
    const buildCpuMs = cpuMs(process.cpuUsage(cpu0));
    const sentences = toSentences(engine.corpus.documents);
    const paragraphs = new Set(sentences.filter((s) => s.part === "body").map((s) => `${s.doc}\0${s.paragraph}`)).size;
    if (!engine.indexStatus.rebuilt)
      log(`WARNING: the index was not rebuilt (${engine.indexStatus.reason ?? "loaded"}): build time is not a build`);
    await engine.close();
    emit({
      phase: "build",
      name,
      buildMs: round2(buildMs),
      buildCpuMs: round2(buildCpuMs),
      rebuilt: engine.indexStatus.rebuilt,
      reason: engine.indexStatus.reason,
      documents: engine.corpus.documents.length,
      paragraphs,
      sentences: sentences.length,
      peakRssMb: round2(peakRssMb()),
    });
    return;
  }

  if (!values.questions) {
    process.stderr.write("--questions FILE is required for --phase serve\n");
    process.exit(2);
  }
  const questions = JSON.parse(readFileSync(values.questions, "utf8")) as unknown;
  if (!Array.isArray(questions) || questions.length === 0 || !questions.every((q) => typeof q === "string"))
    throw new Error(`${values.questions}: expected a non-empty JSON array of question strings`);
  const list = questions as string[];
  const rounds = Math.max(1, Number.parseInt(values.rounds ?? "1", 10) || 1);

  const t0 = performance.now();
  // The engine's own work per question: its answer cache off (the rounds repeat the questions).
  const engine = await createEngine(config, { onProgress, answerCache: 0 });
  const loadMs = performance.now() - t0;
  if (engine.indexStatus.rebuilt) log(`WARNING: the index was rebuilt (${engine.indexStatus.reason ?? "?"}): cold start includes a build`);
  const t1 = performance.now();
  await engine.ask(list[0]!);
  const firstAskMs = performance.now() - t1;
  const coldStartMs = performance.now(); // since the process's time origin
  log(
    `cold start ${coldStartMs.toFixed(0)} ms (imports ${importedAt.toFixed(0)} ms, index load ${loadMs.toFixed(0)} ms, first ask ${firstAskMs.toFixed(1)} ms); ${list.length * rounds} questions…`,
  );

  const latencies: number[] = [];
  let answered = 0,
    refused = 0;
  const loopStart = performance.now();
  const loopCpu = process.cpuUsage();
  let lastReport = loopStart;
  for (let r = 0; r < rounds; r++) {
    for (const q of list) {
      const s = performance.now();
      const res = await engine.ask(q);
      const e = performance.now();
      latencies.push(e - s);
      if (res.kind === "answer") answered++;
      else refused++;
      if (e - lastReport > 3000) {
        log(`  ${latencies.length}/${list.length * rounds} answered`);
        lastReport = e;
      }
    }
  }
  const loopMs = performance.now() - loopStart;
  const loopCpuMs = cpuMs(process.cpuUsage(loopCpu));
  await engine.close();
  const sorted = [...latencies].sort((a, b) => a - b);
  emit({
    phase: "serve",
    name,
    rebuilt: engine.indexStatus.rebuilt,
    coldStartMs: round2(coldStartMs),
    loadMs: round2(loadMs),
    firstAskMs: round2(firstAskMs),
    questions: latencies.length,
    rounds,
    p50Ms: round2(percentile(sorted, 0.5)),
    p95Ms: round2(percentile(sorted, 0.95)),
    maxMs: round2(sorted[sorted.length - 1] ?? Number.NaN),
    meanMs: round2(latencies.reduce((a, b) => a + b, 0) / latencies.length),
    cpuMsPerQuestion: round2(loopCpuMs / latencies.length),
    loadAverage: round2(loadavg()[0] ?? 0),
    answersPerSec: round2(latencies.length / (loopMs / 1000)),
    answered,
    refused,
    peakRssMb: round2(peakRssMb()),
  });
}

function emit(result: PhaseResult): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

// bench.ts imports only this file's types (erased), so running it is always intended.
main().catch((e: unknown) => {
  process.stderr.write(`engine-bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
