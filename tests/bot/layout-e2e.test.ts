// End to end: the real program (src/main.ts, real engine and corpus) against the fake Bot API on
// 127.0.0.1 — the layout of answers, the buttons through callback queries, inline titles, and
// rich messages with the server accepting them or (an older server) rejecting them.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InlineKeyboardButton } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { type MainProcess, spawnMain } from "../e2e/spawn-main.js";
import { type ApiCall, type FakeBotApi, startFakeBotApi } from "../support/fake-bot-api.js";
import { checkTelegramHtml } from "./telegram-html.js";

let api: FakeBotApi | undefined;
let main: MainProcess | undefined;
afterEach(async () => {
  main?.cleanup();
  await api?.close();
  api = main = undefined;
});

const buttons = (call: ApiCall) =>
  (call.params.reply_markup as { inline_keyboard: InlineKeyboardButton.CallbackButton[][] }).inline_keyboard;
/** Calls made after the first `t` calls (a call count, not a time: two calls can share a millisecond). */
const afterCall = (t: number, method: string, chatId: number) => (c: ApiCall) =>
  c.method === method && c.params.chat_id === chatId && c.response.ok && api!.calls.indexOf(c) >= t;

async function start(richMessages: "accept" | "reject") {
  api = await startFakeBotApi({ richMessages });
  const feedbackFile = join(mkdtempSync(join(tmpdir(), "e2e-feedback-")), "feedback.jsonl");
  main = spawnMain({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url, FEEDBACK_FILE: feedbackFile, ADMIN_IDS: "21" });
  await main.waitForLog((l) => typeof l.msg === "string" && l.msg.startsWith("polling"), 60_000);
  return { api, feedbackFile };
}

describe("answer layout end to end", () => {
  it("should answer in HTML when the server has no sendRichMessage: short answer first, span marked, long quote folded, working buttons", async () => {
    const { api, feedbackFile } = await start("reject");
    let t = api.calls.length;
    await api.injectText("Сколько компаний было в делегации?", { userId: 21, languageCode: "ru" });
    const answer = await api.waitFor(afterCall(t, "sendMessage", 21), 20_000);
    const html = String(answer.params.text);
    expect(checkTelegramHtml(html).ok).toBe(true);
    expect(html.startsWith("<b>31 компании</b>\n\n<blockquote expandable>[1] «Как сообщили")).toBe(true);
    expect(html).toContain("представители <b>31 компании</b>.»</blockquote>");
    expect(html).toContain("— В Баку обсуждено стратегическое партнерство Азербайджана и США, 10 февраля 2026 г.");
    // The server said 404 once; the bot fell back and stopped trying.
    expect(api.calls.filter((c) => c.method === "sendRichMessage").map((c) => c.response.ok)).toEqual([false]);
    const rows = buttons(answer);
    expect(rows.map((r) => r.map((b) => b.text))).toEqual([
      ["📄 Весь абзац"],
      ["Где прошла встреча?"],
      ["Когда состоялась встреча?"],
      ["Какие области сотрудничества обсуждались?"],
      ["👍", "👎"],
    ]);
    const messageId = (answer.response as { result: { message_id: number } }).result.message_id;

    // Whole paragraph.
    t = api.calls.length;
    await api.injectCallbackQuery(rows[0]![0]!.callback_data, { chatId: 21, messageId }, { userId: 21, languageCode: "ru" });
    const paragraph = String((await api.waitFor(afterCall(t, "sendMessage", 21), 20_000)).params.text);
    expect(paragraph.startsWith("<b>Как сообщили")).toBe(true);
    expect(paragraph).toContain("31 компании.</b>\n\n— В Баку");

    // A related question is asked when pressed.
    t = api.calls.length;
    await api.injectCallbackQuery(rows[1]![0]!.callback_data, { chatId: 21, messageId }, { userId: 21, languageCode: "ru" });
    const where = String((await api.waitFor(afterCall(t, "sendMessage", 21), 20_000)).params.text);
    expect(where.startsWith("<b>Баку</b>")).toBe(true);

    // 👍 is stored and counted.
    t = api.calls.length;
    await api.injectCallbackQuery(rows.at(-1)![0]!.callback_data, { chatId: 21, messageId }, { userId: 21, languageCode: "ru" });
    const thanks = await api.waitFor(
      (c) => c.method === "answerCallbackQuery" && api.calls.indexOf(c) >= t && c.params.text !== undefined,
      20_000,
    );
    expect(thanks.params.text).toBe("Спасибо за оценку!");
    expect(JSON.parse(readFileSync(feedbackFile, "utf8").trim())).toMatchObject({
      vote: "up",
      question: "Сколько компаний было в делегации?",
      short: "31 компании",
    });
    t = api.calls.length;
    await api.injectText("/feedback", { userId: 21, languageCode: "ru" });
    expect(String((await api.waitFor(afterCall(t, "sendMessage", 21), 20_000)).params.text)).toContain("👍 1 · 👎 0");

    // A refusal: what the corpus covers, related questions as buttons.
    t = api.calls.length;
    await api.injectText("What is the weather in Baku?", { userId: 22, languageCode: "en" });
    const refusal = await api.waitFor(afterCall(t, "sendMessage", 22), 20_000);
    expect(String(refusal.params.text)).toContain("В Баку обсуждено стратегическое партнерство");
    expect(buttons(refusal).map((r) => r[0]!.text)).toEqual([
      "How many companies were in the delegation?",
      "Where did the meeting take place?",
      "When did the meeting take place?",
    ]);

    // Groups: the same layout, quoting the asker.
    t = api.calls.length;
    const group = await api.inject({
      message: {
        message_id: 501,
        date: 0,
        chat: { id: -100777, type: "supergroup", title: "G" },
        from: { id: 23, is_bot: false, first_name: "U", language_code: "en" },
        text: "/ask How many companies were in the delegation?",
        entities: [{ type: "bot_command", offset: 0, length: 4 }],
      },
    } as never);
    const groupReply = await api.waitFor(afterCall(t, "sendMessage", -100777), 20_000);
    expect(String(groupReply.params.text).startsWith("<b>31 companies</b>\n<i>")).toBe(true);
    expect(groupReply.params.reply_parameters).toMatchObject({ message_id: group.message!.message_id });

    // Inline: the short answer as title, the marked span as description.
    t = api.calls.length;
    await api.inject({
      inline_query: {
        id: "iq1",
        from: { id: 24, is_bot: false, first_name: "U", language_code: "en" },
        query: "How many companies were in the delegation?",
        offset: "",
      },
    } as never);
    const inline = await api.waitFor((c) => c.method === "answerInlineQuery" && api.calls.indexOf(c) >= t, 20_000);
    expect(inline.response.ok).toBe(true);
    const [result] = inline.params.results as { title: string; description: string }[];
    expect(result).toMatchObject({ title: "31 companies", description: "31 компании" });
    for (const c of api.calls) if (c.method === "sendMessage") expect(checkTelegramHtml(String(c.params.text)).errors).toEqual([]);
  }, 90_000);

  it("should send a rich message when the server has them, with the keyboard under it", async () => {
    const { api } = await start("accept");
    const t = api.calls.length;
    await api.injectText("How many companies were in the delegation?", { userId: 31, languageCode: "en" });
    const rich = await api.waitFor(afterCall(t, "sendRichMessage", 31), 20_000);
    const blocks = (rich.params.rich_message as { blocks: { type: string }[] }).blocks;
    expect(blocks[0]).toMatchObject({
      type: "paragraph",
      text: [{ type: "bold", text: "31 companies" }, " ", { type: "reference_link", text: "[1]" }],
    });
    expect(blocks.map((b) => b.type)).toEqual(["paragraph", "paragraph", "expandable_blockquote"]);
    expect(JSON.stringify(blocks[2])).toContain('{"type":"marked","text":"31 компании"}');
    expect(buttons(rich).map((r) => r.map((b) => b.text))).toEqual([
      ["📄 Whole paragraph"],
      ["Where did the meeting take place?"],
      ["When did the meeting take place?"],
      ["Which areas of cooperation were discussed?"],
      ["👍", "👎"],
    ]);
    expect(api.sent(31)).toHaveLength(0); // no HTML copy
  }, 90_000);
});
