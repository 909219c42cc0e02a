import type { Bot } from "grammy";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context.js";
import { createBot } from "../../src/bot/create-bot.js";
import { BotStartError, type RunningBot, startBot } from "../../src/bot/start-bot.js";
import { parseConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { type FakeBotApi, startFakeBotApi } from "../support/fake-bot-api.js";
import { createFakeEngine } from "../support/fake-engine.js";

let api: FakeBotApi;
let running: RunningBot | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
  await api?.close();
});

async function setUp(env: Record<string, string> = {}, botOptions: { throttle?: boolean } = {}) {
  api = await startFakeBotApi();
  const config = parseConfig({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url, PORT: "0", HOST: "127.0.0.1", ...env });
  const bot: Bot<BotContext> = createBot(api.token, {
    config,
    logger: silentLogger,
    engine: createFakeEngine(),
    throttle: botOptions.throttle ?? false,
  });
  return { bot, config };
}

describe("startBot in polling mode", () => {
  it("should set commands in ru and en, answer over long polling, serve /healthz and confirm the offset on stop", async () => {
    const { bot, config } = await setUp();
    running = await startBot(bot, { config, logger: silentLogger });
    expect(api.commands.get("ru")?.map((c) => c.command)).toEqual(["start", "help", "sources", "ask"]);
    expect(api.commands.get("en")?.[0]?.description).toBe("What I know and how to ask");
    expect(api.calls.some((c) => c.method === "deleteWebhook")).toBe(true);

    const update = await api.injectText("How many companies?");
    const reply = await api.waitFor((c) => c.method === "sendMessage");
    expect(reply.response.ok).toBe(true);
    expect(reply.params.chat_id).toBe(update.message!.chat.id);

    const health = await fetch(`http://127.0.0.1:${running.address!.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", mode: "polling" });

    await running.stop();
    running = undefined;
    const confirm = api.calls.filter((c) => c.method === "getUpdates").at(-1)!;
    expect(Number(confirm.params.offset)).toBe(update.update_id + 1);
  });

  it("should go on when setMyCommands and deleteWebhook fail", async () => {
    const { bot, config } = await setUp();
    const fail = { ok: false as const, error_code: 400, description: "Bad Request: nope" };
    api.failures.set("setMyCommands", [fail, fail, fail]);
    api.failures.set("deleteWebhook", [fail]);
    running = await startBot(bot, { config, logger: silentLogger });
    await api.injectText("still working?");
    await expect(api.waitFor((c) => c.method === "sendMessage")).resolves.toBeDefined();
  });

  it("should fail clearly, without the token, when getMe is rejected", async () => {
    const { config } = await setUp();
    const bot = createBot("999:WRONG", { config, logger: silentLogger, engine: createFakeEngine() });
    const err = await startBot(bot, { config, logger: silentLogger }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotStartError);
    expect((err as Error).message).toMatch(/rejected the bot token.*TELEGRAM_BOT_TOKEN.*@BotFather/);
    expect((err as Error).message).not.toContain("999:WRONG");
  });

  it("should give up within seconds, and never show the token, when the Bot API cannot be reached", async () => {
    const config = parseConfig({
      TELEGRAM_BOT_TOKEN: "123:SECRET-TOKEN-x",
      TELEGRAM_API_ROOT: "http://127.0.0.1:9",
      PORT: "0",
      HOST: "127.0.0.1",
    });
    const lines: string[] = [];
    const logger = pino({ level: "debug" }, { write: (l: string) => void lines.push(l) });
    const bot = createBot("123:SECRET-TOKEN-x", { config, logger, engine: createFakeEngine() });
    const started = Date.now();
    const err = await startBot(bot, { config, logger }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotStartError);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((err as Error).message).toMatch(/reach/i);
    expect(`${(err as Error).message} ${(err as Error).stack} ${lines.join("")}`).not.toContain("SECRET-TOKEN");
    api = await startFakeBotApi(); // for afterEach
  });

  it("should report a 409 Conflict from getUpdates as fatal, once, without crashing", async () => {
    const { bot, config } = await setUp();
    api.failures.set("getUpdates", [{ ok: false, error_code: 409, description: "Conflict: terminated by other getUpdates request" }]);
    const fatal: unknown[] = [];
    running = await startBot(bot, { config, logger: silentLogger, onFatal: (e) => fatal.push(e) });
    await expect.poll(() => fatal.length, { timeout: 5000 }).toBe(1);
    expect(String((fatal[0] as Error).message)).toContain("409");
  });

  it("should retry a 429 after retry_after and deliver the message once", async () => {
    const { bot, config } = await setUp();
    api.failures.set("sendMessage", [
      { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } },
    ]);
    running = await startBot(bot, { config, logger: silentLogger });
    await api.injectText("question");
    const ok = await api.waitFor((c) => c.method === "sendMessage" && c.response.ok);
    const attempts = api.calls.filter((c) => c.method === "sendMessage");
    expect(attempts).toHaveLength(2);
    expect(ok.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it("should keep at most about one message per second in a chat when throttling is on", async () => {
    const { bot, config } = await setUp({}, { throttle: true });
    running = await startBot(bot, { config, logger: silentLogger });
    await api.injectText("first");
    await api.injectText("second");
    await api.waitFor(() => api.sent(42).length === 2, 5000);
    const [a, b] = api.sent(42);
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(950);
  });
});

describe("startBot in webhook mode", () => {
  it("should set the webhook with the secret, refuse requests without it (401) and handle those with it", async () => {
    const { bot, config } = await setUp({
      BOT_MODE: "webhook",
      WEBHOOK_URL: "http://127.0.0.1:1/telegram/hook",
      WEBHOOK_SECRET: "s3cret_token",
    });
    running = await startBot(bot, { config, logger: silentLogger });
    const setWebhook = api.calls.find((c) => c.method === "setWebhook")!;
    expect(setWebhook.params).toMatchObject({ secret_token: "s3cret_token" });
    // The fake server delivers to where the bot really listens.
    api.webhook = { url: `http://127.0.0.1:${running.address!.port}/telegram/hook`, secret: "s3cret_token" };

    const base = {
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 7, type: "private" as const, first_name: "A" },
        from: { id: 7, is_bot: false, first_name: "A" },
        text: "hi",
      },
    };
    expect(await api.deliver({ update_id: 1, ...base }, undefined)).toBe(401);
    expect(await api.deliver({ update_id: 2, ...base }, "wrong")).toBe(401);
    expect(api.calls.filter((c) => c.method === "sendChatAction" || c.method === "sendMessage")).toEqual([]);

    expect(await api.deliver({ update_id: 3, ...base }, "s3cret_token")).toBe(200);
    await api.waitFor((c) => c.method === "sendMessage" && c.params.chat_id === 7);
    const health = await fetch(`http://127.0.0.1:${running.address!.port}/healthz`);
    expect(health.status).toBe(200);
  });
});
