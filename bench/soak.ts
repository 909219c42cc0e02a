/**
 * `npm run bench:soak [-- --users 200 --per-user 25]` — the fault soak: the real engine on the
 * article corpus behind the real bot, polling a loopback Bot API that fails every second poll
 * (502, a null result, a connection dropped before or after the call) and every eighth send
 * (429 with retry_after, 500). Prints how many questions were answered, lost and duplicated, the
 * faults injected, the wall time and the peak RSS; exits 1 when anything is lost or duplicated.
 * (tests/faults/soak.test.ts runs a small version of it with a fake engine in `npm test`.)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createBot } from "../src/bot/create-bot.js";
import { startBot } from "../src/bot/start-bot.js";
import { parseConfig } from "../src/config.js";
import { createEngine } from "../src/engine/engine.js";
import { silentLogger } from "../src/logger.js";
import { startFakeBotApi } from "../tests/support/fake-bot-api.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const users = arg("--users", 200);
const perUser = arg("--per-user", 25);
const QUESTIONS = [
  "Сколько компаний было в делегации?",
  "Who led the delegation?",
  "Görüş harada keçirilib?",
  "Что такое TRIPP?",
  "Какая погода в Баку?",
];

const api = await startFakeBotApi();
const indexDir = mkdtempSync(join(tmpdir(), "soak-index-"));
const config = parseConfig({
  TELEGRAM_BOT_TOKEN: api.token,
  TELEGRAM_API_ROOT: api.url,
  PORT: "0",
  HOST: "127.0.0.1",
  INDEX_DIR: indexDir,
  TELEGRAM_RICH_MESSAGES: "off",
});
const engine = await createEngine(config, { logger: silentLogger });
const bot = createBot(api.token, { config, logger: silentLogger, engine, throttle: false, rateLimit: false, draftIntervalMs: false });
const running = await startBot(bot, { config, logger: silentLogger, polling: { backoffInitialMs: 5, backoffMaxMs: 50 } });

let polls = 0;
let sends = 0;
let pollFaults = 0;
let sendFaults = 0;
const faultsForPoll = [
  () =>
    api.failures.set("getUpdates", [...(api.failures.get("getUpdates") ?? []), { ok: false, error_code: 502, description: "Bad Gateway" }]),
  () => api.failures.set("getUpdates", [...(api.failures.get("getUpdates") ?? []), { ok: true, result: null }]),
  () => api.drops.set("getUpdates", [...(api.drops.get("getUpdates") ?? []), "before"]),
  () => api.drops.set("getUpdates", [...(api.drops.get("getUpdates") ?? []), "after"]),
];
api.on("call", (c: { method: string }) => {
  if (c.method === "getUpdates" && ++polls % 2 === 0) faultsForPoll[pollFaults++ % faultsForPoll.length]?.();
  if (c.method === "sendMessage" && ++sends % 8 === 0) {
    sendFaults++;
    const fault =
      (sends / 8) % 2 === 0
        ? { ok: false as const, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } }
        : { ok: false as const, error_code: 500, description: "Internal Server Error" };
    api.failures.set("sendMessage", [...(api.failures.get("sendMessage") ?? []), fault]);
  }
});

const started = performance.now();
let peakRss = 0;
const rssTimer = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 200);
for (let q = 0; q < perUser; q++) {
  for (let u = 0; u < users; u++) await api.injectText(`${QUESTIONS[(q + u) % QUESTIONS.length]} #${q}`, { userId: 100_000 + u });
  await new Promise((r) => setTimeout(r, 50));
}
const total = users * perUser;
const answered = () => api.sent().filter((c) => Number(c.params.chat_id) >= 100_000).length;
const deadline = Date.now() + 10 * 60_000;
while (answered() < total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
await new Promise((r) => setTimeout(r, 1_000)); // late duplicates would show up here
clearInterval(rssTimer);

let lost = 0;
let duplicated = 0;
for (let u = 0; u < users; u++) {
  // One reply per question: fewer is a lost question, more an answer sent twice.
  const replies = api.sent(100_000 + u).length;
  if (replies < perUser) lost += perUser - replies;
  if (replies > perUser) duplicated += replies - perUser;
}
const seconds = (performance.now() - started) / 1000;
console.log(
  `soak: questions=${total} answered=${answered()} lost=${lost} duplicated=${duplicated} poll_faults=${pollFaults} send_faults=${sendFaults} wall_s=${seconds.toFixed(1)} peak_rss_mb=${(peakRss / 1e6).toFixed(0)}`,
);
await running.stop({ drainTimeoutMs: 2_000 });
await engine.close();
await api.close();
rmSync(indexDir, { recursive: true, force: true });
process.exit(lost === 0 && duplicated === 0 ? 0 : 1);
