/**
 * `npm run bench`: cost of the answering engine on three corpora of growing size —
 *   article    the repository's corpus/ (one news article), questions of eval/gold.jsonl;
 *   xquad      48 Russian Wikipedia articles of XQuAD (../shared/bench/xquad), 300 Russian questions;
 *   synthetic  ~5,000 generated paragraphs from a fixed seed (bench/synthetic-corpus.ts),
 *              questions made from its own sentences plus off-topic ones.
 * For each: index build time (fresh INDEX_DIR), cold start to first answer (a new process
 * that loads the index), latency p50/p95, answers per second of a sequential loop on one
 * core, and peak RSS — each corpus in its own child processes (bench/engine-bench.ts).
 * Targets (issue 2, section 8): p95 ≤ 20 ms and build ≤ 60 s at 5,000 paragraphs; peak RSS ≤ 300 MB.
 * If bench/bot-load.ts exists, its bot load test runs at the end on the article corpus.
 *
 * Then the cold start of the compiled path (node dist/bin/ask.js) beside the tsx path, interleaved.
 *
 *   npm run bench [-- --only article,synthetic] [-- --no-pin] [-- --strict] [-- --peers] [-- --scale]
 *     --only    run a subset of the corpora (also synthetic-10k, synthetic-20k, synthetic-50k)
 *     --peers   the engine and MiniSearch (+ Snowball) on all XQuAD ru questions (bench/peers.ts)
 *     --scale   adds synthetic corpora of 10k, 20k and 50k paragraphs (minutes; not in CI)
 *     --soak    5,000 questions through the bot under Bot API faults (bench/soak.ts; ~2 minutes)
 *     --no-start  skip the cold-start comparison
 *     --no-pin  do not pin the serving process to one CPU with taskset
 *     --strict  exit 1 when a target is missed (default: report only; exit 1 only on errors)
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { BuildResult, PhaseResult, ServeResult } from "./engine-bench.js";
import { generateSyntheticCorpus } from "./synthetic-corpus.js";

const ROOT = process.cwd();
const SHARED = resolve(ROOT, "../shared");
const XQUAD_RU = join(SHARED, "bench", "xquad", "xquad.ru.json");
const RESULT_PREFIX = "BENCH_RESULT ";
const TARGETS = { p95Ms: 20, buildMs: 60_000, peakRssMb: 300, botRepliesPerSec: 300, botCeilingRatio: 0.6 };
/** Latency samples wanted per corpus; a short question list is repeated in rounds to reach it. */
const SAMPLES = 300;
/** A child that runs longer than this is stopped (the whole bench should stay near 3 minutes). */
const CHILD_TIMEOUT_MS = 240_000;
const CORPORA = ["article", "xquad", "synthetic"] as const;
/** `--scale` (not in CI): larger synthetic corpora, paragraphs each. */
const SCALE: Record<string, number> = { "synthetic-10k": 10_000, "synthetic-20k": 20_000, "synthetic-50k": 50_000 };
/** Issue 9's bars for the scale corpora (defined at 50,000 paragraphs). */
const SCALE_TARGETS = { p95Ms: 20, buildMs: 90_000, peakRssMb: 700, coldStartMs: 5_000 };
type CorpusName = string;

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

interface Prepared {
  name: CorpusName;
  corpusDir: string;
  indexDir: string;
  questionsFile: string;
  questionCount: number;
  rounds: number;
  note: string;
}

interface Outcome {
  prepared: Prepared;
  build?: BuildResult;
  serve?: ServeResult;
  error?: string;
}

// ---------------------------------------------------------------------------------------
// Corpora and questions

function prepareArticle(work: string): Prepared {
  const goldFile = join(ROOT, "eval", "gold.jsonl");
  const questions = readFileSync(goldFile, "utf8")
    .split("\n")
    .filter((l) => l.trim().startsWith("{"))
    .map((l) => (JSON.parse(l) as { question?: unknown }).question)
    .filter((q): q is string => typeof q === "string" && q.length > 0);
  if (questions.length === 0) throw new Error(`${goldFile}: no questions`);
  return finish(work, "article", join(ROOT, "corpus"), questions, `eval/gold.jsonl (${questions.length} questions, all kinds)`);
}

/** Mirrors ../shared/bench/xquad.mjs: one corpus file per article, paragraphs joined by blank lines. */
function prepareXquad(work: string): Prepared | string {
  if (!existsSync(XQUAD_RU)) return `skipped: ${XQUAD_RU} not found (the shared folder is ../shared relative to ${ROOT})`;
  interface Squad {
    data: { title: string; paragraphs: { context: string; qas: { id: string; question: string }[] }[] }[];
  }
  const ru = (JSON.parse(readFileSync(XQUAD_RU, "utf8")) as Squad).data;
  const dir = join(work, "xquad", "corpus");
  mkdirSync(dir, { recursive: true });
  const all: string[] = [];
  ru.forEach((art, ai) => {
    const title = art.title.replace(/_/g, " ");
    const body = art.paragraphs.map((p) => p.context.replace(/\ufeff/g, "").trim()).join("\n\n");
    const file = `${String(ai).padStart(2, "0")}-${art.title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.md`;
    writeFileSync(join(dir, file), `---\ntitle: ${JSON.stringify(title)}\nlang: ru\nsource: "XQuAD (CC BY-SA 4.0)"\n---\n\n${body}\n`);
    for (const p of art.paragraphs) for (const qa of p.qas) all.push(qa.question);
  });
  // Same sample as xquad.mjs's default (--q ru --limit 300): every step-th question.
  const limit = Math.min(SAMPLES, all.length);
  const step = Math.max(1, Math.floor(all.length / limit));
  const picked = all.filter((_, i) => i % step === 0).slice(0, limit);
  return finish(work, "xquad", dir, picked, `XQuAD ru (${ru.length} articles), ${picked.length} of ${all.length} ru questions`);
}

function prepareSynthetic(work: string, name = "synthetic", paragraphs?: number): Prepared {
  const t0 = performance.now();
  const size = paragraphs ? { documents: 30, paragraphsPerDocument: Math.round(paragraphs / 30) } : {};
  const syn = generateSyntheticCorpus(join(work, name, "corpus"), { questions: SAMPLES, ...size });
  const fact = syn.questions.filter((q) => q.kind === "fact").length;
  log(
    `${name}: generated ${syn.documents} documents, ${syn.paragraphs} paragraphs, ${(syn.bytes / 1e6).toFixed(1)} MB in ${(performance.now() - t0).toFixed(0)} ms`,
  );
  return finish(
    work,
    name,
    syn.dir,
    syn.questions.map((q) => q.question),
    `seed 20260210, ${fact} questions from its sentences + ${syn.questions.length - fact} off-topic`,
  );
}

function finish(work: string, name: CorpusName, corpusDir: string, questions: string[], note: string): Prepared {
  mkdirSync(join(work, name), { recursive: true });
  const questionsFile = join(work, name, "questions.json");
  writeFileSync(questionsFile, JSON.stringify(questions));
  return {
    name,
    corpusDir,
    indexDir: join(work, name, "index"),
    questionsFile,
    questionCount: questions.length,
    rounds: Math.max(1, Math.ceil(SAMPLES / questions.length)),
    note,
  };
}

// ---------------------------------------------------------------------------------------
// Child processes

function canPin(): boolean {
  try {
    return spawnSync("taskset", ["-c", "0", "true"], { stdio: "ignore" }).status === 0;
  } catch {
    return false;
  }
}

function runPhase(args: string[], pin: boolean, timeoutMs = CHILD_TIMEOUT_MS): Promise<PhaseResult> {
  const nodeArgs = ["--import", "tsx", join("bench", "engine-bench.ts"), ...args];
  const [cmd, argv] = pin ? (["taskset", ["-c", "0", process.execPath, ...nodeArgs]] as const) : ([process.execPath, nodeArgs] as const);
  return new Promise((resolvePhase, reject) => {
    const child = spawn(cmd, argv, { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    const timer = setTimeout(() => {
      log(`child ${child.pid} ran past ${timeoutMs / 1000} s: stopping it`);
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const line = out
        .split("\n")
        .reverse()
        .find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) {
        reject(new Error(`engine-bench ${args.slice(0, 2).join(" ")} exited ${code ?? signal}${line ? "" : " without a result"}`));
        return;
      }
      resolvePhase(JSON.parse(line.slice(RESULT_PREFIX.length)) as PhaseResult);
    });
  });
}

async function benchCorpus(p: Prepared, pin: boolean): Promise<Outcome> {
  const outcome: Outcome = { prepared: p };
  try {
    log(`${p.name}: building the index in a fresh INDEX_DIR (new process)…`);
    const timeout = p.name in SCALE ? 4 * CHILD_TIMEOUT_MS : CHILD_TIMEOUT_MS;
    const build = await runPhase(["--phase", "build", "--name", p.name, "--corpus", p.corpusDir, "--index", p.indexDir], false, timeout);
    if (build.phase !== "build") throw new Error("unexpected result from the build phase");
    outcome.build = build;
    log(
      `${p.name}: built in ${(build.buildMs / 1000).toFixed(1)} s; cold start + ${p.questionCount * p.rounds} questions (new process${pin ? ", pinned to CPU 0" : ""})…`,
    );
    const serve = await runPhase(
      [
        "--phase",
        "serve",
        "--name",
        p.name,
        "--corpus",
        p.corpusDir,
        "--index",
        p.indexDir,
        "--questions",
        p.questionsFile,
        "--rounds",
        String(p.rounds),
      ],
      pin,
      timeout,
    );
    if (serve.phase !== "serve") throw new Error("unexpected result from the serve phase");
    outcome.serve = serve;
  } catch (e) {
    outcome.error = e instanceof Error ? e.message : String(e);
    log(`${p.name}: FAILED: ${outcome.error}`);
  }
  return outcome;
}

// ---------------------------------------------------------------------------------------
// Report

const fmt = (x: number | undefined, digits = 0): string => (x === undefined || Number.isNaN(x) ? "n/a" : x.toFixed(digits));

function table(rows: string[][], rightAlign: boolean[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (rightAlign[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

const peakRss = (o: Outcome): number | undefined =>
  o.build || o.serve ? Math.max(o.build?.peakRssMb ?? 0, o.serve?.peakRssMb ?? 0) : undefined;

/** "target met" / "TARGET MISSED" for one figure, or "n/a" when it was not measured. */
function verdict(value: number | undefined, limit: number, atMost = true): string {
  if (value === undefined || Number.isNaN(value)) return "n/a";
  return (atMost ? value <= limit : value >= limit) ? "target met" : "TARGET MISSED";
}

function report(outcomes: Outcome[], skipped: string[], pin: boolean): boolean {
  const cpu = cpus();
  console.log("");
  console.log(
    `event-qa-bot engine benchmark — Node ${process.version}, ${process.platform} ${process.arch}, ${cpu.length} CPU (${cpu[0]?.model.trim() ?? "?"})`,
  );
  console.log(
    `serving loop: sequential, ${pin ? "pinned to one core (taskset -c 0)" : "not pinned"}; peak RSS = max of the build and serve processes`,
  );
  console.log("");
  const header = [
    "corpus",
    "docs",
    "paragraphs",
    "sentences",
    "questions",
    "build_ms",
    "cold_start_ms",
    "p50_ms",
    "p95_ms",
    "answers/s",
    "peak_rss_mb",
  ];
  const rows = [header];
  for (const o of outcomes) {
    const b = o.build,
      s = o.serve,
      p = o.prepared;
    rows.push([
      p.name,
      fmt(b?.documents),
      fmt(b?.paragraphs),
      fmt(b?.sentences),
      s ? `${s.questions}${p.rounds > 1 ? ` (${p.questionCount}×${p.rounds})` : ""}` : "n/a",
      fmt(b?.buildMs),
      fmt(s?.coldStartMs),
      fmt(s?.p50Ms, 2),
      fmt(s?.p95Ms, 2),
      fmt(s?.answersPerSec, 1),
      fmt(peakRss(o), 1),
    ]);
  }
  console.log(
    table(
      rows,
      header.map((_, i) => i > 0),
    ),
  );
  for (const line of skipped) console.log(line);

  console.log("");
  console.log("details:");
  for (const o of outcomes) {
    const b = o.build,
      s = o.serve;
    console.log(`  ${o.prepared.name}: ${o.prepared.note}`);
    if (o.error) console.log(`    ERROR: ${o.error}`);
    if (b)
      console.log(
        `    build: ${fmt(b.buildMs)} ms (CPU ${fmt(b.buildCpuMs)} ms), rebuilt=${b.rebuilt}${b.reason ? ` (${b.reason})` : ""}, rss ${fmt(b.peakRssMb, 1)} MB`,
      );
    if (s)
      console.log(
        `    serve: cold start ${fmt(s.coldStartMs)} ms = node+imports ${fmt(s.coldStartMs - s.loadMs - s.firstAskMs)} + index load ${fmt(s.loadMs)} + first ask ${fmt(s.firstAskMs, 1)} (rebuilt=${s.rebuilt}); ` +
          `mean ${fmt(s.meanMs, 2)} ms (CPU ${fmt(s.cpuMsPerQuestion, 2)} ms), load average ${fmt(s.loadAverage, 1)}, max ${fmt(s.maxMs, 1)} ms; ${s.answered} answers, ${s.refused} refusals; rss ${fmt(s.peakRssMb, 1)} MB`,
      );
  }

  console.log("");
  console.log(
    `targets (issue 2 §8: p95 ≤ ${TARGETS.p95Ms} ms and build ≤ ${TARGETS.buildMs / 1000} s at 5,000 paragraphs; peak RSS ≤ ${TARGETS.peakRssMb} MB; checked on every corpus):`,
  );
  let allMet = true;
  for (const o of outcomes) {
    const scale = o.prepared.name in SCALE;
    const t = scale ? SCALE_TARGETS : TARGETS;
    const checks: [string, number | undefined, number][] = [
      ["build_ms", o.build?.buildMs, t.buildMs],
      ["p95_ms", o.serve?.p95Ms, t.p95Ms],
      ["peak_rss_mb", peakRss(o), t.peakRssMb],
      ...(scale ? [["cold_start_ms", o.serve?.coldStartMs, SCALE_TARGETS.coldStartMs] as [string, number | undefined, number]] : []),
    ];
    const parts = checks.map(([k, v, limit]) => {
      const verdictText = verdict(v, limit);
      if (verdictText !== "target met") allMet = false;
      return `${k}=${fmt(v, k === "build_ms" ? 0 : 1)} (≤ ${limit}) ${verdictText}`;
    });
    console.log(`  ${o.prepared.name.padEnd(13)} ${parts.join(" | ")}${scale ? " (issue 9's 50k bars)" : ""}`);
  }

  console.log("");
  for (const o of outcomes) {
    const b = o.build,
      s = o.serve;
    console.log(
      `bench ${o.prepared.name}: build_ms=${fmt(b?.buildMs)} cold_start_ms=${fmt(s?.coldStartMs)} p50_ms=${fmt(s?.p50Ms, 2)} p95_ms=${fmt(s?.p95Ms, 2)} ` +
        `answers_per_s=${fmt(s?.answersPerSec, 1)} peak_rss_mb=${fmt(peakRss(o), 1)}${o.error ? " ERROR" : ""}`,
    );
  }
  return allMet;
}

// ---------------------------------------------------------------------------------------
// Bot load (optional, bench/bot-load.ts from the bot's issue)

interface BotLoadComparison {
  runs: { mode: string; questions: number; replies: number; p95Ms: number }[];
  median: { real?: number; ceiling?: number };
  cpuMsPerReply: { real?: number; ceiling?: number };
  engineMsPerQuestion: number;
  ratio: number;
  lost: number;
  duplicated: number;
}

async function botLoad(article: Outcome | undefined): Promise<boolean> {
  const file = join(ROOT, "bench", "bot-load.ts");
  if (!existsSync(file)) {
    console.log("bot load: not available (bench/bot-load.ts missing)");
    return true;
  }
  if (!article?.build) {
    console.log("bot load: not run (the article corpus was not benchmarked or its index failed to build)");
    return true;
  }
  let engine: { close(): Promise<void> } | undefined;
  try {
    log("bot load: bench/bot-load.ts with 200 users, 1,000 questions on the article corpus, real and ceiling interleaved 3 times…");
    const mod = (await import(pathToFileURL(file).href)) as { runBotLoad?: unknown; compareBotLoad?: unknown };
    if (typeof mod.compareBotLoad !== "function") throw new Error("bench/bot-load.ts does not export compareBotLoad()");
    const compareBotLoad = mod.compareBotLoad as (o: {
      engine: unknown;
      questions: string[];
      users: number;
      total: number;
      reps: number;
    }) => Promise<BotLoadComparison>;
    // The gold questions (all kinds, ru/en/az) as the users' questions.
    const questions = readFileSync(join(ROOT, "eval", "gold.jsonl"), "utf8")
      .split("\n")
      .filter((l) => l.trim().startsWith("{"))
      .map((l) => String((JSON.parse(l) as { question: unknown }).question));
    const { createEngine } = await import("../src/engine/engine.js");
    const eng = await createEngine({ CORPUS_DIR: article.prepared.corpusDir, INDEX_DIR: article.prepared.indexDir });
    engine = eng;
    const c = await Promise.race([
      compareBotLoad({ engine: eng, questions, users: 200, total: 1000, reps: 3 }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("bot load ran past 300 s")), 300_000).unref()),
    ]);
    const num = (x: unknown) => (typeof x === "number" ? x : Number.NaN);
    const real = c.runs.filter((r) => r.mode === "real");
    const replies = real.reduce((a, r) => a + num(r.replies), 0);
    const asked = real.reduce((a, r) => a + num(r.questions), 0);
    const [lost, duplicated, rps, ceiling, ratio] = [
      num(c.lost),
      num(c.duplicated),
      num(c.median.real),
      num(c.median.ceiling),
      num(c.ratio),
    ];
    const p95 = [...real.map((r) => num(r.p95Ms))].sort((a, b) => a - b)[real.length >> 1];
    console.log(
      `bot load (medians of 3 interleaved runs each): replies=${fmt(replies)}/${fmt(asked)} lost=${fmt(lost)} duplicated=${fmt(duplicated)} replies_per_s=${fmt(rps, 1)} p95_ms=${fmt(p95, 1)} ceiling_per_s=${fmt(ceiling, 1)} real/ceiling=${fmt(ratio, 2)}`,
    );
    const met = [
      `replies_per_s ≥ ${TARGETS.botRepliesPerSec} ${verdict(rps, TARGETS.botRepliesPerSec, false)}`,
      `real/ceiling ≥ ${TARGETS.botCeilingRatio} ${verdict(ratio, TARGETS.botCeilingRatio, false)}`,
      `lost = 0 ${verdict(lost, 0)}`,
      `duplicated = 0 ${verdict(duplicated, 0)}`,
    ];
    console.log(
      `  bot CPU per reply: real ${fmt(num(c.cpuMsPerReply.real), 3)} ms, ceiling ${fmt(num(c.cpuMsPerReply.ceiling), 3)} ms; engine alone ${fmt(num(c.engineMsPerQuestion), 3)} ms/question`,
    );
    console.log(`  targets (issue 3 §9, issue 9): ${met.join(" | ")}`);
    return !met.some((m) => !m.endsWith("target met"));
  } catch (e) {
    console.log(`bot load: ERROR ${e instanceof Error ? e.message : String(e)}`);
    return false;
  } finally {
    await engine?.close().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------
// Cold start: the compiled path (what `npm run ask` runs) beside the tsx path, interleaved

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

async function coldStart(work: string, runs = 5): Promise<void> {
  const build = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) {
    console.log(`cold start: ERROR building dist/: ${build.stderr}`);
    return;
  }
  const env = { ...process.env, CORPUS_DIR: join(ROOT, "corpus"), INDEX_DIR: join(work, "start-index"), LOG_LEVEL: "warn" };
  const question = "Сколько компаний было представлено в делегации?";
  const paths = {
    compiled: [process.execPath, "dist/bin/ask.js", question],
    tsx: [process.execPath, "--import", "tsx", "src/cli/ask.ts", question],
  };
  spawnSync(paths.compiled[0]!, paths.compiled.slice(1), { cwd: ROOT, env, stdio: "ignore" }); // builds the index once
  const times: Record<string, number[]> = { compiled: [], tsx: [] };
  const ratios: number[] = [];
  log(`cold start: ${runs} interleaved runs of each path, one question to its printed answer…`);
  for (let r = 0; r < runs; r++) {
    const pair: Record<string, number> = {};
    for (const [name, argv] of Object.entries(paths)) {
      const t0 = performance.now();
      const out = spawnSync(argv[0]!, argv.slice(1), { cwd: ROOT, env, encoding: "utf8" });
      pair[name] = performance.now() - t0;
      if (out.status !== 0 || !out.stdout.includes("[1]")) log(`cold start: ${name} run failed: ${out.stderr.slice(-300)}`);
      times[name]!.push(pair[name]!);
    }
    ratios.push(pair.compiled! / pair.tsx!);
  }
  const c = median(times.compiled!),
    t = median(times.tsx!),
    ratio = median(ratios);
  console.log(
    `cold start to the first answer (article, built index, medians of ${runs}): compiled (node dist/bin/ask.js) ${fmt(c)} ms, tsx ${fmt(t)} ms, ratio ${fmt(ratio, 2)}`,
  );
  console.log(`  targets (issue 9): compiled ≤ 1000 ms ${verdict(c, 1000)} | ratio ≤ 0.4 ${verdict(ratio, 0.4)}`);
  console.log(`bench start: compiled_ms=${fmt(c)} tsx_ms=${fmt(t)} ratio=${fmt(ratio, 2)}`);
}

// ---------------------------------------------------------------------------------------
// Peers: the engine and MiniSearch (+ Snowball) on all XQuAD ru questions, one process each

interface PeerResult {
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

function runPeer(args: string[]): Promise<PeerResult> {
  return new Promise((resolvePeer, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join("bench", "peers.ts"), ...args], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), CHILD_TIMEOUT_MS);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const line = out
        .split("\n")
        .reverse()
        .find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) reject(new Error(`peers ${args[1]} exited ${code ?? signal}`));
      else resolvePeer(JSON.parse(line.slice(RESULT_PREFIX.length)) as PeerResult);
    });
  });
}

async function peers(work: string): Promise<void> {
  if (!existsSync(XQUAD_RU)) {
    console.log(`peers: skipped (${XQUAD_RU} not found)`);
    return;
  }
  const { fold } = await import("./peers.js");
  interface Squad {
    data: { title: string; paragraphs: { context: string; qas: { question: string }[] }[] }[];
  }
  const ru = (JSON.parse(readFileSync(XQUAD_RU, "utf8")) as Squad).data;
  const dir = join(work, "peers", "corpus");
  mkdirSync(dir, { recursive: true });
  const questions: { question: string; context: string }[] = [];
  ru.forEach((art, ai) => {
    const body = art.paragraphs.map((p) => p.context.replace(/\ufeff/g, "").trim()).join("\n\n");
    writeFileSync(
      join(dir, `${String(ai).padStart(2, "0")}.md`),
      `---\ntitle: ${JSON.stringify(art.title.replace(/_/g, " "))}\nlang: ru\n---\n\n${body}\n`,
    );
    for (const p of art.paragraphs) for (const qa of p.qas) questions.push({ question: qa.question, context: fold(p.context) });
  });
  const qfile = join(work, "peers", "questions.json");
  writeFileSync(qfile, JSON.stringify(questions));
  const results: PeerResult[] = [];
  for (const peer of ["engine", "minisearch"]) {
    log(`peers: ${peer} on ${questions.length} XQuAD ru questions (new process)…`);
    try {
      results.push(await runPeer(["--peer", peer, "--corpus", dir, "--index", join(work, "peers", `index-${peer}`), "--questions", qfile]));
    } catch (e) {
      console.log(`peers: ${peer} ERROR ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const header = ["peer", "sentences", "questions", "top1", "answered", "build_ms", "p50_ms", "p95_ms", "peak_rss_mb"];
  const rows = [
    header,
    ...results.map((r) => [
      r.peer,
      fmt(r.sentences),
      fmt(r.questions),
      fmt(r.top1, 3),
      fmt(r.answered, 3),
      fmt(r.buildMs),
      fmt(r.p50Ms, 2),
      fmt(r.p95Ms, 2),
      fmt(r.peakRssMb, 1),
    ]),
  ];
  const [e, m] = [results.find((r) => r.peer === "engine"), results.find((r) => r.peer === "minisearch")];
  if (e && m)
    rows.push([
      "engine/minisearch",
      "",
      "",
      fmt(e.top1 / m.top1, 2),
      "",
      fmt(e.buildMs / m.buildMs, 2),
      fmt(e.p50Ms / m.p50Ms, 2),
      fmt(e.p95Ms / m.p95Ms, 2),
      fmt(e.peakRssMb / m.peakRssMb, 2),
    ]);
  console.log(
    "peers on XQuAD ru (all questions; top1: the first citation / best hit is a sentence of the gold paragraph; both index sentences):",
  );
  console.log(
    table(
      rows,
      header.map((_, i) => i > 0),
    ),
  );
  if (e && m) console.log(`  target (issue 9): engine top1 ≥ MiniSearch's ${verdict(e.top1, m.top1, false)}`);
  for (const r of results)
    console.log(
      `bench peer ${r.peer}: top1=${fmt(r.top1, 3)} build_ms=${fmt(r.buildMs)} p50_ms=${fmt(r.p50Ms, 2)} p95_ms=${fmt(r.p95Ms, 2)} peak_rss_mb=${fmt(r.peakRssMb, 1)}`,
    );
}

// ---------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: "string" },
      "no-pin": { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
      peers: { type: "boolean", default: false },
      scale: { type: "boolean", default: false },
      soak: { type: "boolean", default: false },
      "no-start": { type: "boolean", default: false },
    },
    strict: true,
  });
  const known = [...CORPORA, ...Object.keys(SCALE)];
  const only = values.only ? values.only.split(",").map((s) => s.trim()) : [...CORPORA, ...(values.scale ? Object.keys(SCALE) : [])];
  const unknown = only.filter((n) => !known.includes(n));
  if (unknown.length) {
    process.stderr.write(`unknown corpus: ${unknown.join(", ")} (known: ${known.join(", ")})\n`);
    return 2;
  }
  const pin = !values["no-pin"] && canPin();
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), "event-qa-bench-"));
  const cleanup = () => rmSync(work, { recursive: true, force: true });
  const onSignal = (sig: NodeJS.Signals) => {
    cleanup();
    process.exit(sig === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  log(`work folder ${work} (removed at the end)`);

  try {
    const outcomes: Outcome[] = [];
    const skipped: string[] = [];
    for (const name of known) {
      if (!only.includes(name)) continue;
      let prepared: Prepared | string;
      try {
        prepared =
          name === "article" ? prepareArticle(work) : name === "xquad" ? prepareXquad(work) : prepareSynthetic(work, name, SCALE[name]);
      } catch (e) {
        prepared = `ERROR preparing the corpus: ${e instanceof Error ? e.message : String(e)}`;
      }
      if (typeof prepared === "string") {
        skipped.push(`bench ${name}: ${prepared}`);
        log(`${name}: ${prepared}`);
        continue;
      }
      outcomes.push(await benchCorpus(prepared, pin));
    }
    const allMet = report(outcomes, skipped, pin);
    console.log("");
    if (!values["no-start"]) {
      await coldStart(work);
      console.log("");
    }
    if (values.peers) {
      await peers(work);
      console.log("");
    }
    const botOk = await botLoad(outcomes.find((o) => o.prepared.name === "article"));
    let soakOk = true;
    if (values.soak) {
      // 5,000 questions through the real bot and engine while polls and sends fail (bench/soak.ts).
      log("soak: 200 users × 25 questions under Bot API faults…");
      const soak = spawnSync(process.execPath, ["--import", "tsx", join("bench", "soak.ts")], {
        cwd: ROOT,
        stdio: ["ignore", "inherit", "inherit"],
      });
      soakOk = soak.status === 0;
    }
    console.log(`bench total: ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const failed = outcomes.some((o) => o.error) || skipped.some((s) => s.includes("ERROR"));
    if (failed) return 1;
    if (values.strict && (!allMet || !botOk || !soakOk)) return 1;
    return 0;
  } finally {
    cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
