// Fault suite (issue 10): duplicates, ambiguous send failures and long 429s.
import { afterEach, describe, expect, it } from "vitest";
import { type CreateBotOptions, createBot } from "../../src/bot/create-bot.js";
import { createDuplicateFilter } from "../../src/bot/delivery.js";
import { textsFor } from "../../src/bot/i18n.js";
import { type RunningBot, startBot } from "../../src/bot/start-bot.js";
import { parseConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { type FakeBotApi, startFakeBotApi } from "../support/fake-bot-api.js";
import { createFakeEngine, toAnswer } from "../support/fake-engine.js";
import { createHarness } from "../support/harness.js";
import { privateText } from "../support/updates.js";

let api: FakeBotApi | undefined;
let running: RunningBot | undefined;
afterEach(async () => {
  await running?.stop({ drainTimeoutMs: 100 });
  running = undefined;
  await api?.close();
  api = undefined;
});

const ANSWER = "The delegation included representatives of 31 companies.";
const APOLOGY = textsFor("ru").error; // injectText sends no language_code: Russian

async function start(botOptions: Partial<CreateBotOptions> = {}) {
  api = await startFakeBotApi();
  const config = parseConfig({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url, PORT: "0", HOST: "127.0.0.1" });
  const bot = createBot(api.token, { config, logger: silentLogger, engine: createFakeEngine(), throttle: false, ...botOptions });
  running = await startBot(bot, { config, logger: silentLogger, polling: { backoffInitialMs: 5, backoffMaxMs: 40 } });
  return api;
}

const texts = (chatId: number) => api!.sent(chatId).map((c) => String(c.params.text));
const tooMany = (s: number) => ({
  ok: false as const,
  error_code: 429,
  description: `Too Many Requests: retry after ${s}`,
  parameters: { retry_after: s },
});

describe("re-delivered updates", () => {
  it("should answer the same update_id once, however often it arrives", async () => {
    const h = createHarness();
    const update = privateText("How many companies?");
    await h.send(update);
    await h.send(update);
    await h.send(structuredClone(update));
    expect(h.of("sendMessage")).toHaveLength(1);
    await h.send(privateText("How many companies?")); // a new update with the same text is a new question
    expect(h.of("sendMessage")).toHaveLength(2);
  });

  it("should still know an update_id after 50 newer ones (the window is bounded, and large)", async () => {
    const h = createHarness();
    const first = privateText("q0");
    await h.send(first);
    for (let i = 0; i < 50; i++) await h.send(privateText(`q${i + 1}`, { userId: 1000 + i }));
    await h.send(first);
    expect(h.of("sendMessage")).toHaveLength(51);
  });
});

describe("the duplicate filter", () => {
  it("should keep a bounded number of update_ids", async () => {
    const filter = createDuplicateFilter(3);
    const handled: number[] = [];
    const pass = (id: number) => filter({ update: { update_id: id } } as never, async () => void handled.push(id));
    for (const id of [1, 2, 3, 1, 4, 5, 1, 2]) await pass(id);
    // 1 was refreshed when seen again, so it outlived 2 and 3; 2 fell out and counts as new.
    expect(handled).toEqual([1, 2, 3, 4, 5, 2]);
  });
});

describe("a response lost after Telegram accepted the message", () => {
  it("should not send the answer twice (at most once for messages)", async () => {
    await start();
    api!.drops.set("sendMessage", ["after"]);
    await api!.injectText("How many companies?", { userId: 71 });
    await api!.waitFor((c) => c.method === "sendMessage" && c.params.chat_id === 71, 5000);
    await new Promise((r) => setTimeout(r, 2500)); // the old retry waited 0.5 s, then 1 s
    const answers = texts(71).filter((t) => t.includes(ANSWER));
    expect(answers).toHaveLength(1);
  });

  it("should still retry calls that are safe to repeat (chat actions, commands)", async () => {
    await start();
    api!.drops.set("setMyCommands", ["before"]);
    await running!.stop();
    running = undefined;
    // setMyCommands ran at start: its first attempt was dropped and repeated.
    expect(api!.calls.filter((c) => c.method === "setMyCommands" && c.response.ok).length).toBeGreaterThanOrEqual(3);
  });
});

describe("429 Too Many Requests", () => {
  it("should honour four retry_after waits in a row and deliver the answer once", async () => {
    await start();
    api!.failures.set("sendMessage", [tooMany(1), tooMany(1), tooMany(1), tooMany(1)]);
    await api!.injectText("How many companies?", { userId: 72 });
    await api!.waitFor((c) => c.method === "sendMessage" && c.params.chat_id === 72 && c.response.ok, 15_000);
    expect(texts(72).filter((t) => t.includes(ANSWER))).toHaveLength(1);
  }, 20_000);

  it("should apologise (never stay silent) when retry_after is over the bound", async () => {
    await start({ delivery: { maxRetryAfterS: 2, maxTotalWaitS: 3 } });
    api!.failures.set("sendMessage", [tooMany(30)]);
    await api!.injectText("How many companies?", { userId: 73 });
    await api!.waitFor((c) => c.method === "sendMessage" && c.params.chat_id === 73 && c.response.ok, 10_000);
    expect(texts(73)).toEqual([APOLOGY]);
  });

  it("should apologise when the waits add up past the bound, and wait for the apology's own 429", async () => {
    await start({ delivery: { maxRetryAfterS: 2, maxTotalWaitS: 2 } });
    api!.failures.set("sendMessage", [tooMany(1), tooMany(1), tooMany(1), tooMany(1)]);
    await api!.injectText("How many companies?", { userId: 74 });
    await api!.waitFor((c) => c.method === "sendMessage" && c.params.chat_id === 74 && c.response.ok, 15_000);
    expect(texts(74)).toEqual([APOLOGY]);
  }, 20_000);

  it("should deliver a late answer when the wait is within the bound", async () => {
    await start();
    api!.failures.set("sendMessage", [tooMany(3)]);
    const t = Date.now();
    await api!.injectText("How many companies?", { userId: 75 });
    const ok = await api!.waitFor((c) => c.method === "sendMessage" && c.params.chat_id === 75 && c.response.ok, 10_000);
    expect(ok.at - t).toBeGreaterThanOrEqual(2900);
    expect(texts(75).filter((x) => x.includes(ANSWER))).toHaveLength(1);
  });
});

void toAnswer;
