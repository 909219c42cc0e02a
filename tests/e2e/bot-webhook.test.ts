import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { htmlToPlainText } from "../../src/bot/html.js";
import { type FakeBotApi, startFakeBotApi } from "../support/fake-bot-api.js";
import { freePort, type MainProcess, spawnMain } from "./spawn-main.js";

let api: FakeBotApi | undefined;
let main: MainProcess | undefined;
afterEach(async () => {
  main?.cleanup();
  await api?.close();
});

const question = (updateId: number, chatId: number, text: string): Update => ({
  update_id: updateId,
  message: {
    message_id: updateId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chatId, type: "private", first_name: "U" },
    from: { id: chatId, is_bot: false, first_name: "U" },
    text,
  },
});

describe("the bot process in webhook mode", () => {
  it("should set the webhook, answer 401 without the right secret (not processed), answer with it, and serve /healthz", async () => {
    api = await startFakeBotApi();
    const port = await freePort();
    const secret = "e2e_secret-token";
    main = spawnMain({
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.url,
      BOT_MODE: "webhook",
      PORT: String(port),
      WEBHOOK_URL: `http://127.0.0.1:${port}/tg/hook`,
      WEBHOOK_SECRET: secret,
    });
    await main.waitForLog((l) => typeof l.msg === "string" && l.msg.startsWith("webhook server listening"));
    await api.waitFor((c) => c.method === "setWebhook" && c.response.ok);
    expect(api.webhook).toEqual({ url: `http://127.0.0.1:${port}/tg/hook`, secret });

    expect(await api.deliver(question(1, 21, "Сколько компаний было в делегации?"), undefined)).toBe(401);
    expect(await api.deliver(question(2, 22, "Сколько компаний было в делегации?"), "wrong")).toBe(401);
    expect(await api.deliver(question(3, 23, "Сколько компаний было в делегации?"), secret)).toBe(200);
    const reply = await api.waitFor((c) => c.method === "sendMessage" && c.params.chat_id === 23 && c.response.ok, 20_000);
    expect(htmlToPlainText(String(reply.params.text))).toMatch(/\[\d+\] «[^»]*31[^»]*»/);
    // The rejected updates were never handled.
    expect(api.calls.filter((c) => c.params.chat_id === 21 || c.params.chat_id === 22)).toEqual([]);

    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    main.child.kill("SIGTERM");
    expect((await main.exited).code).toBe(0);
  });
});
