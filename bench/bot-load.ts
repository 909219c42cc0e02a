// Load benchmark of the bot layer: simulated users ask questions through the fake Bot API server
// on loopback (long polling, the production start-up path), and every reply is counted. The server
// runs in a worker thread, as Telegram would run elsewhere; the bot has this thread to itself.
//
// Outgoing throttling is OFF by default here: with it, Telegram's own limits (30 messages/s overall,
// ~1/s per chat) cap the bot at 30 replies/s by design. Pass `throttle: true` to measure that path.
//
// Alone: `npx tsx bench/bot-load.ts` (real engine from src/engine/engine.js, CORPUS_DIR, default corpus/).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { createBot } from "../src/bot/create-bot.js";
import { textsFor } from "../src/bot/i18n.js";
import { startBot } from "../src/bot/start-bot.js";
import { parseConfig } from "../src/config.js";
import type { Engine } from "../src/engine/types.js";
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
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

export async function runBotLoad(options: BotLoadOptions): Promise<BotLoadResult> {
  const { engine, questions } = options;
  const users = options.users ?? 200;
  const total = options.total ?? 1000;
  const replyTimeoutMs = options.replyTimeoutMs ?? 10_000;
  if (questions.length === 0) throw new Error("runBotLoad needs at least one question");

  // The worker loads TypeScript through tsx's API (Node 20 workers do not inherit the tsx loader).
  const workerFile = new URL("./fake-api-worker.ts", import.meta.url).href;
  const worker = new Worker(`import("tsx/esm/api").then((m) => m.tsImport(${JSON.stringify(workerFile)}, ${JSON.stringify(workerFile)}))`, {
    eval: true,
  });
  const send = (m: ToWorker) => worker.postMessage(m);
  const api = await new Promise<{ url: string; token: string }>((resolve, reject) => {
    worker.once("error", reject);
    worker.on("message", (m: FromWorker) => m.type === "ready" && resolve(m));
  });
  const config = parseConfig({
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.url,
    PORT: "0",
    HOST: "127.0.0.1",
    RATE_LIMIT_PER_MINUTE: String(Math.max(20, Math.ceil(total / users))),
  });
  const bot = createBot(api.token, { config, logger: silentLogger, engine, throttle: options.throttle ?? false });
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

  // Let anything still on its way arrive before counting duplicates.
  await running.stop({ drainTimeoutMs: replyTimeoutMs });
  await new Promise<void>((resolve) => {
    worker.on("message", (m: FromWorker) => m.type === "closed" && resolve());
    send({ type: "close" });
  });
  await worker.terminate();
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
  };
}

/** The bot's example questions in every language, plus off-topic ones (refusals are replies too). */
export function defaultQuestions(): string[] {
  return [...(["ru", "en", "az"] as const).flatMap((l) => textsFor(l).examples), "What is the capital of France?", "Напиши стихотворение"];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { createEngine } = await import("../src/engine/engine.js");
  const indexDir = mkdtempSync(join(tmpdir(), "bot-load-index-"));
  const config = parseConfig({ CORPUS_DIR: process.env.CORPUS_DIR ?? "corpus", INDEX_DIR: indexDir });
  const engine = await createEngine(config, { logger: silentLogger });
  try {
    const result = await runBotLoad({ engine, questions: defaultQuestions(), users: 200, total: 1000 });
    console.log(JSON.stringify(result));
    console.log(
      `bot load: ${result.replies}/${result.questions} replies, lost ${result.lost}, duplicated ${result.duplicated}, ${result.repliesPerSec} replies/s, p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms (throttling off; target ≥ 300/s)`,
    );
    process.exitCode = result.lost === 0 && result.duplicated === 0 ? 0 : 1;
  } finally {
    await engine.close();
    rmSync(indexDir, { recursive: true, force: true });
  }
}
