// Load benchmark of the bot layer: simulated users ask questions through the fake Bot API server
// on loopback (long polling, the production start-up path), and every reply is counted. The server
// runs in a child process, as Telegram would run elsewhere: the bot has this process to itself, and
// its CPU time per reply (cpuMsPerReply) is a steadier figure than replies/s on a shared machine.
//
// Outgoing throttling is OFF by default here: with it, Telegram's own limits (30 messages/s overall,
// ~1/s per chat) cap the bot at 30 replies/s by design. Pass `throttle: true` to measure that path.
//
// The ceiling (issue 9, §4): the same stack — plugins, server, users — with an instant echo in place of
// the engine and the renderers (createBot's `answer` option). compareBotLoad() runs the real bot and
// its ceiling in interleaved repetitions in one process and reports the medians and the ratio.
//
// Alone: `npm run bench:bot` (real engine from src/engine/engine.js, CORPUS_DIR, default corpus/);
// `-- --reps N` repetitions of each (default 3), `-- --stub` adds the engine stub (the real bot with
// every answer computed beforehand: the renderers and the bot's own work without the engine);
// `-- --questions eval` asks the 162 questions of eval/gold.jsonl and eval/dev2.jsonl instead of the
// 11 example ones; `-- --no-cache` turns the engine's answer cache off (every question answered anew).
import { fork } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createBot } from "../src/bot/create-bot.js";
import type { QuestionHandler } from "../src/bot/features/deps.js";
import { textsFor } from "../src/bot/i18n.js";
import { startBot } from "../src/bot/start-bot.js";
import { parseConfig } from "../src/config.js";
import type { Engine, EngineResult } from "../src/engine/types.js";
import { silentLogger } from "../src/logger.js";
import type { FromWorker, ToWorker } from "./fake-api-worker.js";

export interface BotLoadOptions {
  engine: Engine;
  questions: readonly string[];
  /** Simulated users; each asks, waits for the reply, asks again (closed loop). */
  users?: number;
  /** Questions in all. */
  total?: number;
  /** Outgoing throttling (off: measures the bot, not Telegram's limits). */
  throttle?: boolean;
  /** A question without a reply after this long counts as lost. */
  replyTimeoutMs?: number;
  /** Replaces the engine and the renderers (createBot's `answer`): the ceiling's echo. */
  answer?: QuestionHandler;
}

export interface BotLoadResult {
  questions: number;
  replies: number;
  lost: number;
  duplicated: number;
  seconds: number;
  repliesPerSec: number;
  p50Ms: number;
  p95Ms: number;
  /** CPU time of the bot's process (the server runs in another) per reply, during the questions. */
  cpuMsPerReply: number;
  /** Bot API calls the server received, by method (getUpdates included). */
  calls: Record<string, number>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

export async function runBotLoad(options: BotLoadOptions): Promise<BotLoadResult> {
  const { engine, questions } = options;
  const users = options.users ?? 200;
  const total = options.total ?? 1000;
  const replyTimeoutMs = options.replyTimeoutMs ?? 10_000;
  if (questions.length === 0) throw new Error("runBotLoad needs at least one question");

  // The server runs in a child process (TypeScript through tsx), as Telegram would run elsewhere.
  const worker = fork(fileURLToPath(new URL("./fake-api-worker.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const send = (m: ToWorker) => worker.send(m);
  const api = await new Promise<{ url: string; token: string }>((resolve, reject) => {
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the fake Bot API process exited with code ${code}`)));
    worker.on("message", (m: FromWorker) => m.type === "ready" && resolve(m));
  });
  const config = parseConfig({
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.url,
    PORT: "0",
    HOST: "127.0.0.1",
    RATE_LIMIT_PER_MINUTE: String(Math.max(20, Math.ceil(total / users))),
  });
  const bot = createBot(api.token, {
    config,
    logger: silentLogger,
    engine,
    throttle: options.throttle ?? false,
    ...(options.answer ? { answer: options.answer } : {}),
  });
  const running = await startBot(bot, { config, logger: silentLogger });

  // Replies per chat, and who is waiting for the next one.
  const received = new Map<number, number>();
  const waiting = new Map<number, (at: number) => void>();
  worker.on("message", (m: FromWorker) => {
    if (m.type !== "reply") return;
    received.set(m.chatId, (received.get(m.chatId) ?? 0) + 1);
    const resolve = waiting.get(m.chatId);
    waiting.delete(m.chatId);
    resolve?.(m.at);
  });

  const latencies: number[] = [];
  let lost = 0;
  let asked = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      const userId = 100_000 + u;
      for (let k = u; k < total; k += users) {
        const question = questions[k % questions.length] ?? "";
        const reply = new Promise<number | undefined>((resolve) => {
          const timer = setTimeout(() => resolve(undefined), replyTimeoutMs);
          waiting.set(userId, (at) => {
            clearTimeout(timer);
            resolve(at);
          });
        });
        const sentAt = Date.now();
        asked++;
        send({ type: "inject", userId, text: question });
        const at = await reply;
        if (at === undefined) lost++;
        else latencies.push(at - sentAt);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);

  // Let anything still on its way arrive before counting duplicates.
  await running.stop({ drainTimeoutMs: replyTimeoutMs });
  const calls = await new Promise<Record<string, number>>((resolve) => {
    worker.on("message", (m: FromWorker) => m.type === "closed" && resolve(m.calls));
    send({ type: "close" });
  });
  if (worker.exitCode === null) await new Promise((resolve) => worker.once("exit", resolve));
  let replies = 0;
  let duplicated = 0;
  for (let u = 0; u < users; u++) {
    const expected = Math.floor(total / users) + (u < total % users ? 1 : 0);
    const got = received.get(100_000 + u) ?? 0;
    replies += got;
    duplicated += Math.max(0, got - expected);
  }
  latencies.sort((a, b) => a - b);
  return {
    questions: asked,
    replies,
    lost,
    duplicated,
    seconds: Math.round(seconds * 100) / 100,
    repliesPerSec: Math.round((latencies.length / seconds) * 10) / 10,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    cpuMsPerReply: latencies.length ? Math.round(((cpu.user + cpu.system) / 1000 / latencies.length) * 1000) / 1000 : Number.NaN,
    calls,
  };
}

/** The bot's example questions in every language, plus off-topic ones (refusals are replies too). */
export function defaultQuestions(): string[] {
  return [...(["ru", "en", "az"] as const).flatMap((l) => textsFor(l).examples), "What is the capital of France?", "Напиши стихотворение"];
}

/**
 * A varied set: every question of eval/gold.jsonl and eval/dev2.jsonl (162, all kinds, ru/en/az, typos,
 * Latin-typed Russian; dev2's follow-ups without their history: each user's own questions are its history).
 */
export function evalQuestions(root = fileURLToPath(new URL("..", import.meta.url))): string[] {
  return ["gold", "dev2"].flatMap((name) =>
    readFileSync(join(root, "eval", `${name}.jsonl`), "utf8")
      .split("\n")
      .filter((l) => l.trim().startsWith("{"))
      .map((l) => String((JSON.parse(l) as { question: unknown }).question)),
  );
}

/** The ceiling's handler: replies with the question itself, no engine, no rendering. */
export const echoAnswer: QuestionHandler = async (ctx, question) => {
  await ctx.reply(question);
};

/** An engine that returns the given engine's answer to each question, computed once beforehand (history ignored). */
export async function stubEngine(engine: Engine, questions: readonly string[], langHint = "ru"): Promise<Engine> {
  const answers = new Map<string, EngineResult>();
  for (const q of new Set(questions)) answers.set(q, await engine.ask(q, { langHint }));
  return {
    ...engine,
    ask: async (question, options) => answers.get(question) ?? engine.ask(question, options),
  };
}

export type BotLoadMode = "real" | "stub" | "ceiling";

/** ms per question of the engine alone: `count` questions in turn (no history), answered in a loop. */
export async function timeEngine(engine: Engine, questions: readonly string[], count: number): Promise<number> {
  const started = performance.now();
  for (let k = 0; k < count; k++) await engine.ask(questions[k % questions.length] ?? "", { langHint: "ru" });
  return (performance.now() - started) / Math.max(count, 1);
}

export interface BotLoadComparison {
  /** Every run in the order it ran. */
  runs: (BotLoadResult & { mode: BotLoadMode; rep: number })[];
  /** Median replies/s of each mode. */
  median: Partial<Record<BotLoadMode, number>>;
  /** Median CPU ms of the bot's process per reply, by mode. */
  cpuMsPerReply: Partial<Record<BotLoadMode, number>>;
  /** The engine alone: ms per question of `engine.ask` over the same questions, in a loop, between the repetitions. */
  engineMsPerQuestion: number;
  /** Median of the per-repetition ratios real/ceiling (and stub/ceiling). */
  ratio: number;
  stubRatio?: number;
  /** Replies lost or duplicated in any run. */
  lost: number;
  duplicated: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? Number.NaN : s.length % 2 ? (s[m] ?? Number.NaN) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

/**
 * The real bot and its ceiling (and optionally the engine stub) in `reps` interleaved repetitions,
 * the order rotating each repetition so that neither always runs first on a warming process.
 */
export async function compareBotLoad(
  options: Omit<BotLoadOptions, "answer"> & {
    reps?: number;
    stub?: boolean;
    /** One unmeasured run of each mode with a quarter of the questions first (JIT, lazy loads); default on. */
    warmUp?: boolean;
    onRun?: (run: BotLoadComparison["runs"][number]) => void;
  },
): Promise<BotLoadComparison> {
  const reps = options.reps ?? 3;
  const stub = options.stub ? await stubEngine(options.engine, options.questions) : undefined;
  const modes: BotLoadMode[] = stub ? ["real", "stub", "ceiling"] : ["real", "ceiling"];
  const runs: BotLoadComparison["runs"] = [];
  const engineMs: number[] = [];
  const engineFor = (mode: BotLoadMode) => (mode === "stub" && stub ? { engine: stub } : {});
  const answerFor = (mode: BotLoadMode) => (mode === "ceiling" ? { answer: echoAnswer } : {});
  if (!stub) await timeEngine(options.engine, options.questions, options.questions.length); // lazy loads, as the stub's answers do
  if (options.warmUp ?? true)
    for (const mode of modes) {
      const total = Math.max(1, Math.floor((options.total ?? 1000) / 4));
      await runBotLoad({ ...options, total, users: Math.min(options.users ?? 200, total), ...engineFor(mode), ...answerFor(mode) });
    }
  for (let rep = 0; rep < reps; rep++) {
    engineMs.push(await timeEngine(options.engine, options.questions, options.total ?? 1000));
    const order = modes.map((_, i) => modes[(i + rep) % modes.length] as BotLoadMode);
    for (const mode of order) {
      const r = await runBotLoad({ ...options, ...engineFor(mode), ...answerFor(mode) });
      const run = { ...r, mode, rep };
      runs.push(run);
      options.onRun?.(run);
    }
  }
  const rps = (mode: BotLoadMode, rep: number) => runs.find((r) => r.mode === mode && r.rep === rep)?.repliesPerSec ?? Number.NaN;
  const ratios = (mode: BotLoadMode) => Array.from({ length: reps }, (_, rep) => rps(mode, rep) / rps("ceiling", rep));
  const med: BotLoadComparison["median"] = {};
  const cpu: BotLoadComparison["cpuMsPerReply"] = {};
  for (const mode of modes) {
    med[mode] = median(runs.filter((r) => r.mode === mode).map((r) => r.repliesPerSec));
    cpu[mode] = median(runs.filter((r) => r.mode === mode).map((r) => r.cpuMsPerReply));
  }
  return {
    runs,
    median: med,
    cpuMsPerReply: cpu,
    engineMsPerQuestion: Math.round(median(engineMs) * 1000) / 1000,
    ratio: Math.round(median(ratios("real")) * 1000) / 1000,
    ...(stub ? { stubRatio: Math.round(median(ratios("stub")) * 1000) / 1000 } : {}),
    lost: runs.reduce((a, r) => a + r.lost, 0),
    duplicated: runs.reduce((a, r) => a + r.duplicated, 0),
  };
}

/** The bar of issue 9: replies/s at least this share of the ceiling's. */
export const CEILING_RATIO_TARGET = 0.6;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const repsAt = args.indexOf("--reps");
  const reps = repsAt >= 0 ? Math.max(1, Number(args[repsAt + 1]) || 3) : 3;
  const setAt = args.indexOf("--questions");
  const set = setAt >= 0 ? args[setAt + 1] : "examples";
  if (set !== "examples" && set !== "eval") throw new Error("--questions takes examples or eval");
  const questions = set === "eval" ? evalQuestions() : defaultQuestions();
  const { createEngine } = await import("../src/engine/engine.js");
  const indexDir = mkdtempSync(join(tmpdir(), "bot-load-index-"));
  const config = parseConfig({ CORPUS_DIR: process.env.CORPUS_DIR ?? "corpus", INDEX_DIR: indexDir });
  // --no-cache: the engine answers every question anew (what a question never asked before costs).
  const engine = await createEngine(config, { logger: silentLogger, ...(args.includes("--no-cache") ? { answerCache: 0 } : {}) });
  console.log(
    `questions: ${set} (${questions.length}, ${new Set(questions).size} distinct); answer cache ${args.includes("--no-cache") ? "off" : "on"}`,
  );
  try {
    const c = await compareBotLoad({
      engine,
      questions,
      users: 200,
      total: 1000,
      reps,
      stub: args.includes("--stub"),
      onRun: (r) =>
        console.log(
          `bot load ${r.mode.padEnd(7)} #${r.rep + 1}: ${r.replies}/${r.questions} replies, lost ${r.lost}, duplicated ${r.duplicated}, ${r.repliesPerSec} replies/s, p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms, CPU ${r.cpuMsPerReply} ms/reply; calls ${JSON.stringify(r.calls)}`,
        ),
    });
    const { median: med, cpuMsPerReply, engineMsPerQuestion, ratio, stubRatio, lost, duplicated } = c;
    console.log(JSON.stringify({ median: med, cpuMsPerReply, engineMsPerQuestion, ratio, stubRatio, lost, duplicated }));
    console.log(
      `bot load (medians of ${reps}, throttling off): real ${c.median.real} replies/s, ceiling ${c.median.ceiling}/s` +
        (c.median.stub !== undefined ? `, engine stub ${c.median.stub}/s (ratio ${c.stubRatio})` : "") +
        `; bot CPU per reply: real ${c.cpuMsPerReply.real} ms, ceiling ${c.cpuMsPerReply.ceiling} ms` +
        (c.cpuMsPerReply.stub !== undefined ? `, stub ${c.cpuMsPerReply.stub} ms` : "") +
        `; engine alone ${c.engineMsPerQuestion} ms/question` +
        `; real/ceiling ${c.ratio} (target ≥ ${CEILING_RATIO_TARGET}: ${c.ratio >= CEILING_RATIO_TARGET ? "met" : "MISSED"}); lost ${c.lost}, duplicated ${c.duplicated}`,
    );
    process.exitCode = c.lost === 0 && c.duplicated === 0 ? 0 : 1;
  } finally {
    await engine.close();
    rmSync(indexDir, { recursive: true, force: true });
  }
}
