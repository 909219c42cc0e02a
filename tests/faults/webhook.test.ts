// Fault suite (issue 10): the webhook server under bad requests and during shutdown.

import type { Update } from "grammy/types";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/create-bot.js";
import { type RunningBot, startBot } from "../../src/bot/start-bot.js";
import { parseConfig } from "../../src/config.js";
import type { EngineResult } from "../../src/engine/types.js";
import { freePort } from "../e2e/spawn-main.js";
import { type FakeBotApi, startFakeBotApi } from "../support/fake-bot-api.js";
import { createFakeEngine, type FakeEngine, toAnswer } from "../support/fake-engine.js";

let api: FakeBotApi | undefined;
let running: RunningBot | undefined;
afterEach(async () => {
  await running?.stop({ drainTimeoutMs: 100 });
  running = undefined;
  await api?.close();
  api = undefined;
});

const SECRET = "hook_secret";

async function start(opts: { path?: string; engine?: FakeEngine; lines?: string[] } = {}) {
  api = await startFakeBotApi();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}${opts.path ?? "/hook"}`;
  const config = parseConfig({
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.url,
    PORT: String(port),
    HOST: "127.0.0.1",
    BOT_MODE: "webhook",
    WEBHOOK_URL: url,
    WEBHOOK_SECRET: SECRET,
  });
  const logger = pino({ level: "debug" }, { write: (l: string) => void opts.lines?.push(l) });
  const bot = createBot(api.token, { config, logger, engine: opts.engine ?? createFakeEngine(), throttle: false });
  running = await startBot(bot, { config, logger });
  return { url };
}

const update = (id: number, chatId: number, text = "How many companies?"): Update => ({
  update_id: id,
  message: {
    message_id: id,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chatId, type: "private", first_name: "U" },
    from: { id: chatId, is_bot: false, first_name: "U" },
    text,
  },
});

const post = (url: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET, ...headers },
    body,
  }).then(async (r) => {
    await r.arrayBuffer();
    return r.status;
  });

describe("webhook faults", () => {
  it("should serve a WEBHOOK_URL with a query string", async () => {
    const { url } = await start({ path: "/hook?bot=qa&v=1" });
    expect(api!.webhook?.url).toBe(url);
    expect(await api!.deliver(update(1, 81), SECRET)).toBe(200);
    await api!.waitFor((c) => c.method === "sendMessage" && c.params.chat_id === 81 && c.response.ok, 5000);
    // The path alone (or another query) is not the webhook.
    expect(await post(url.replace(/\?.*/, ""), JSON.stringify(update(2, 82)))).toBe(404);
  });

  it("should refuse a body over 1 MB with 413 and not handle it", async () => {
    const { url } = await start();
    const big = JSON.stringify({ ...update(3, 83), message: { ...update(3, 83).message, text: "x".repeat(1_100_000) } });
    expect(await post(url, big)).toBe(413);
    // Also without a content-length (chunked): the limit counts what arrives.
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 12; i++) c.enqueue(new Uint8Array(100_000).fill(32));
        c.close();
      },
    });
    const chunked = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
      body: stream,
      duplex: "half",
    } as RequestInit).then(
      (r) => r.status,
      () => 413, // the server may close the connection while the client is still sending
    );
    expect(chunked).toBe(413);
    expect(api!.calls.filter((c) => c.params.chat_id === 83)).toEqual([]);
    expect(await post(url, JSON.stringify(update(4, 84)))).toBe(200); // and the server still works
  });

  it("should answer 400 to a malformed body and never log its content", async () => {
    const lines: string[] = [];
    const { url } = await start({ lines });
    expect(await post(url, "{not json SECRET-CONTENT-1")).toBe(400);
    expect(await post(url, '"SECRET-CONTENT-2"')).toBe(400);
    expect(await post(url, '{"update_id":"SECRET-CONTENT-3"}')).toBe(400);
    expect(lines.join("\n")).not.toMatch(/SECRET-CONTENT/);
    expect(lines.some((l) => l.includes("malformed webhook request"))).toBe(true);
  });

  it("should answer the same update delivered twice once", async () => {
    await start();
    expect(await api!.deliver(update(5, 85), SECRET)).toBe(200);
    expect(await api!.deliver(update(5, 85), SECRET)).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(api!.sent(85)).toHaveLength(1);
  });

  it("should send the 200 of a request in flight before the server closes", async () => {
    let release: (r: EngineResult) => void = () => {};
    const engine = createFakeEngine(() => new Promise<EngineResult>((res) => (release = res)));
    const { url } = await start({ engine });
    const status = post(url, JSON.stringify(update(6, 86))).catch((e: unknown) => `failed: ${String(e)}`);
    await expect.poll(() => engine.asked.length, { timeout: 5000 }).toBe(1);
    const stopped = running!.stop({ drainTimeoutMs: 5000 });
    running = undefined;
    setTimeout(() => release(toAnswer()), 100);
    await stopped;
    expect(await status).toBe(200);
    expect(api!.sent(86)).toHaveLength(1);
  });
});
