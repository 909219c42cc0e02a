import { afterEach, describe, expect, it } from "vitest";
import { htmlToPlainText } from "../../src/bot/html.js";
import { BOT_LANGS, textsFor } from "../../src/bot/i18n.js";
import { type FakeBotApi, startFakeBotApi } from "../support/fake-bot-api.js";
import { isNotInSourcesRefusal } from "../support/wording.js";
import { type MainProcess, spawnMain } from "./spawn-main.js";

let api: FakeBotApi | undefined;
let main: MainProcess | undefined;
afterEach(async () => {
  main?.cleanup();
  await api?.close();
});

const replyTo = (api: FakeBotApi, chatId: number, after: number) =>
  api.waitFor((c) => c.method === "sendMessage" && c.params.chat_id === chatId && c.response.ok && c.at >= after, 20_000);

describe("the bot process in polling mode", () => {
  it("should answer, refuse, serve /healthz, set commands, and stop on SIGTERM with exit 0", async () => {
    api = await startFakeBotApi();
    main = spawnMain({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url });
    const listening = await main.waitForLog((l) => typeof l.msg === "string" && l.msg.startsWith("polling"));
    const health = await fetch(`http://127.0.0.1:${String(listening.port)}/healthz`);
    expect(health.status).toBe(200);
    expect(api.commands.has("ru") && api.commands.has("en")).toBe(true);

    await api.injectText("/start", { userId: 11, languageCode: "ru" });
    const start = htmlToPlainText(String((await replyTo(api, 11, 0)).params.text));
    // The examples are the article's own questions (its front matter), which the engine answers.
    expect(start).toContain(textsFor("ru").examplesTitle);
    for (const q of ["Сколько компаний было в делегации?", "Где прошла встреча?", "Когда состоялась встреча?"]) expect(start).toContain(q);

    let t = Date.now();
    await api.injectText("Сколько компаний было в делегации?", { userId: 12 });
    const answer = htmlToPlainText(String((await replyTo(api, 12, t)).params.text));
    expect(answer).toMatch(/\[\d+\] «[^»]*31[^»]*»/);

    t = Date.now();
    await api.injectText("What is the capital of France?", { userId: 13 });
    const refusal = htmlToPlainText(String((await replyTo(api, 13, t)).params.text));
    // The engine's refusal, not the bot's error apology (which has no citations either).
    for (const lang of BOT_LANGS) expect(refusal).not.toContain(textsFor(lang).error);
    expect(isNotInSourcesRefusal(refusal, "en"), refusal).toBe(true);

    // Stop while the bot is replying (extractive answers take milliseconds, so "typing" is not
    // sent): the reply completes, then the process exits 0.
    await api.injectText("Кто возглавлял делегацию?", { userId: 14 });
    await api.waitFor((c) => c.method === "sendMessage" && c.params.chat_id === 14, 20_000);
    main.child.kill("SIGTERM");
    expect(await main.exited).toEqual({ code: 0, signal: null });
    expect(api.sent(14).length).toBeGreaterThanOrEqual(1); // the in-flight question was answered
    expect(main.stderr()).not.toContain(api.token);
  });

  it("should exit 1 with a clear message when getMe is rejected", async () => {
    api = await startFakeBotApi();
    main = spawnMain({ TELEGRAM_BOT_TOKEN: "999:WRONG", TELEGRAM_API_ROOT: api.url });
    expect((await main.exited).code).toBe(1);
    expect(main.stderr()).toMatch(/rejected the bot token.*TELEGRAM_BOT_TOKEN/);
    expect(main.stderr()).not.toContain("999:WRONG");
  });

  it("should exit 2 naming the variable when the configuration is invalid", async () => {
    main = spawnMain({ TELEGRAM_BOT_TOKEN: "1:X", PORT: "99999" });
    expect((await main.exited).code).toBe(2);
    expect(main.stderr()).toContain("PORT");
  });
});
