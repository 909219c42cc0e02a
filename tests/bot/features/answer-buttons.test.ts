import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InlineKeyboardMarkup, Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import type { CorpusDocument } from "../../../src/engine/types.js";
import { createFakeEngine, TEST_DOCS, toAnswer, toRefusal } from "../../support/fake-engine.js";
import { createHarness } from "../../support/harness.js";
import { groupText, privateChat, privateText, toUser } from "../../support/updates.js";

const BODY =
  "\nFirst paragraph about the talks.\n\nThe delegation included representatives of 31 companies. It was led by Khush Choksi.\n\nLast paragraph.";
const QUOTE = "The delegation included representatives of 31 companies.";
const DOCS: CorpusDocument[] = [{ ...TEST_DOCS[0]!, body: BODY }, TEST_DOCS[1]!];

function engineWithBody() {
  const start = BODY.indexOf(QUOTE);
  const engine = createFakeEngine((q) =>
    /weather/i.test(q)
      ? toRefusal()
      : toAnswer({
          lead: QUOTE,
          short: "31 companies",
          span: { n: 1, start: QUOTE.indexOf("31"), end: QUOTE.indexOf("31") + "31 companies".length, kind: "count" },
          citations: [{ ...toAnswer().citations[0]!, quote: QUOTE, start, end: start + QUOTE.length }],
        }),
  );
  engine.documents = () => DOCS;
  return engine;
}

const keyboardOf = (payload: Record<string, unknown>) => (payload.reply_markup as InlineKeyboardMarkup).inline_keyboard;
let nextQuery = 1;
function press(
  data: string,
  from = toUser(42, "en"),
  chat: { id: number; type: "private" | "supergroup" } = privateChat(42),
  messageId = 5001,
): Update {
  return {
    update_id: 900000 + nextQuery,
    callback_query: {
      id: `cb${nextQuery++}`,
      from,
      chat_instance: "ci",
      data,
      message: { message_id: messageId, date: 0, chat, text: "answer" },
    },
  } as unknown as Update;
}

describe("the keyboard under answers", () => {
  it("should offer the whole paragraph, 👍/👎 and related questions, and answer the paragraph button", async () => {
    const h = createHarness({ engine: engineWithBody() });
    await h.send(privateText("How many companies?"));
    const sent = h.of("sendMessage")[0]!.payload;
    expect(
      String(sent.text).startsWith("<b>31 companies</b>\n\n[1] «The delegation included representatives of <b>31 companies</b>.»"),
    ).toBe(true);
    const rows = keyboardOf(sent);
    expect(rows.map((r) => r.map((b) => b.text))).toEqual([
      ["📄 Whole paragraph"],
      ["How many companies were in the delegation?"],
      ["Who led the US Chamber of Commerce delegation?"],
      ["Which areas of cooperation were discussed?"],
      ["👍", "👎"],
    ]);
    for (const b of rows.flat()) expect(Buffer.byteLength((b as { callback_data: string }).callback_data)).toBeLessThanOrEqual(64);

    await h.send(press((rows[0]![0] as { callback_data: string }).callback_data));
    expect(h.of("answerCallbackQuery")).toHaveLength(1);
    expect(h.sentTexts()[1]).toBe(
      '<b>The delegation included representatives of 31 companies.</b> It was led by Khush Choksi.\n\n— <a href="https://example.org/a?x=1&amp;y=2">Talks &lt;in&gt; Baku &amp; &quot;partners&quot;</a>, 10 February 2026',
    );
  });

  it("should not offer the question just asked, and ask a related question when its button is pressed", async () => {
    const engine = engineWithBody();
    const h = createHarness({ engine });
    await h.send(privateText("How many companies were in the delegation?"));
    const rows = keyboardOf(h.of("sendMessage")[0]!.payload);
    expect(rows.slice(1, -1).map((r) => r[0]!.text)).not.toContain("How many companies were in the delegation?");
    await h.send(press((rows[1]![0] as { callback_data: string }).callback_data));
    expect(engine.asked.map((a) => a.question)).toEqual([
      "How many companies were in the delegation?",
      "Who led the US Chamber of Commerce delegation?",
    ]);
    expect(h.of("answerCallbackQuery")[0]!.payload.text).toBe("Who led the US Chamber of Commerce delegation?");
    expect(h.of("sendMessage")).toHaveLength(2);
  });

  it("should reply in the group to the message whose button was pressed", async () => {
    const h = createHarness({ engine: engineWithBody() });
    await h.send(groupText("/ask How many companies?"));
    const rows = keyboardOf(h.of("sendMessage")[0]!.payload);
    await h.send(
      press((rows[0]![0] as { callback_data: string }).callback_data, toUser(43), { id: -1001234567890, type: "supergroup" }, 777),
    );
    expect(h.of("sendMessage")[1]!.payload).toMatchObject({ chat_id: -1001234567890, reply_parameters: { message_id: 777 } });
  });

  it("should offer related questions as buttons under a refusal, with what the corpus covers", async () => {
    const h = createHarness({ engine: engineWithBody() });
    await h.send(privateText("What is the weather?"));
    const sent = h.of("sendMessage")[0]!.payload;
    expect(String(sent.text)).toContain("\nI can answer questions about: «Talks &lt;in&gt; Baku");
    expect(String(sent.text)).toContain("<i>You can also ask:</i>");
    expect(keyboardOf(sent).map((r) => r[0]!.text)).toHaveLength(3);
  });
});

describe("👍/👎 and /feedback", () => {
  it("should store votes with the question only for the asker, once per person, and summarise them for admins", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "fb-")), "sub", "feedback.jsonl");
    const h = createHarness({ engine: engineWithBody(), env: { FEEDBACK_FILE: file, ADMIN_IDS: "42, 99" } });
    await h.send(groupText("/ask How many companies?", { userId: 43 }));
    const rows = keyboardOf(h.of("sendMessage")[0]!.payload);
    const up = (rows.at(-1)![0] as { callback_data: string }).callback_data;
    const down = (rows.at(-1)![1] as { callback_data: string }).callback_data;
    const group = { id: -1001234567890, type: "supergroup" as const };
    await h.send(press(up, toUser(43), group)); // the asker
    await h.send(press(down, toUser(44), group)); // someone else
    await h.send(press(down, toUser(44), group)); // again
    expect(h.of("answerCallbackQuery").map((c) => c.payload.text)).toEqual([
      "Thanks for the feedback!",
      "Thanks for the feedback!",
      "You have already rated this answer.",
    ]);
    const lines = readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ vote: "up", question: "How many companies?", short: "31 companies", lang: "en" });
    expect(lines[1]).toMatchObject({ vote: "down", question: null, short: "31 companies" });
    expect(Object.keys(lines[0]!).sort()).toEqual(["at", "lang", "question", "short", "vote"]); // no user ids

    await h.send(privateText("/feedback", { userId: 42 }));
    expect(h.sentTexts().at(-1)).toBe("Answer ratings: 👍 1 · 👎 1 (2 in all)\n\n<b>Most 👎:</b>\n• 1 — 31 companies");
    await h.send(privateText("/feedback", { userId: 7 }));
    expect(h.sentTexts().at(-1)).toBe("I don't know that command. See /help.");
  });

  it("should say a button is too old when the answer is not remembered, and write nothing", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "fb-")), "feedback.jsonl");
    const h = createHarness({ env: { FEEDBACK_FILE: file } });
    await h.send(press("v:1:unknownkey00"));
    expect(h.of("answerCallbackQuery")[0]!.payload.text).toBe("This answer is too old: the rating was not saved.");
    expect(existsSync(file)).toBe(false);
  });
});

describe("rich messages", () => {
  const richAnswer = () => createHarness({ engine: engineWithBody(), env: { TELEGRAM_RICH_MESSAGES: "auto" } });

  it("should send the answer as a rich message with the keyboard when the Bot API has them", async () => {
    const h = richAnswer();
    await h.send(privateText("How many companies?"));
    expect(h.calls.map((c) => c.method)).toEqual(["sendRichMessage"]);
    const p = h.calls[0]!.payload as { rich_message: { blocks: { type: string; text?: unknown }[] }; reply_markup: unknown };
    expect(p.rich_message.blocks[0]).toMatchObject({
      type: "paragraph",
      text: [{ type: "bold", text: "31 companies" }, " ", { type: "reference_link", reference_name: "q1" }],
    });
    expect(JSON.stringify(p.rich_message.blocks[1])).toContain('{"type":"marked","text":"31 companies"}');
    expect(p.reply_markup).toBeDefined();
  });

  it("should fall back to HTML on an error, and stop trying after a 404 (an older Bot API)", async () => {
    let status = 400;
    const h = createHarness({
      engine: engineWithBody(),
      env: { TELEGRAM_RICH_MESSAGES: "auto" },
      respond: (c) =>
        c.method === "sendRichMessage"
          ? {
              ok: false,
              error_code: status,
              description: status === 404 ? "Not Found: method not found" : "Bad Request: can't parse rich message",
            }
          : undefined,
    });
    await h.send(privateText("How many companies?"));
    status = 404;
    await h.send(privateText("How many companies?"));
    await h.send(privateText("How many companies?"));
    expect(h.calls.map((c) => c.method)).toEqual(["sendRichMessage", "sendMessage", "sendRichMessage", "sendMessage", "sendMessage"]);
    expect(h.of("sendMessage").every((c) => c.payload.reply_markup !== undefined)).toBe(true);
  });

  it("should try a single rich message when many chats are answered at once by a server without them", async () => {
    const h = createHarness({
      engine: engineWithBody(),
      env: { TELEGRAM_RICH_MESSAGES: "auto" },
      respond: (c) =>
        c.method === "sendRichMessage" ? { ok: false, error_code: 404, description: "Not Found: method not found" } : undefined,
    });
    await Promise.all([1, 2, 3, 4, 5].map((userId) => h.send(privateText("How many companies?", { userId }))));
    expect(h.of("sendRichMessage")).toHaveLength(1);
    expect(h.of("sendMessage").map((c) => c.payload.chat_id)).toEqual(expect.arrayContaining([1, 2, 3, 4, 5]));
    expect(h.of("sendMessage")).toHaveLength(5);
  });

  it("should send every answer of a burst as a rich message once the server has taken the first", async () => {
    const h = createHarness({ engine: engineWithBody(), env: { TELEGRAM_RICH_MESSAGES: "auto" } });
    await Promise.all([1, 2, 3].map((userId) => h.send(privateText("How many companies?", { userId }))));
    expect(h.calls.map((c) => c.method)).toEqual(["sendRichMessage", "sendRichMessage", "sendRichMessage"]);
  });

  it("should send refusals as HTML and never try rich messages when turned off", async () => {
    const h = richAnswer();
    await h.send(privateText("What is the weather?"));
    expect(h.calls.map((c) => c.method)).toEqual(["sendMessage"]);
    const off = createHarness({ engine: engineWithBody(), env: { TELEGRAM_RICH_MESSAGES: "off" } });
    await off.send(privateText("How many companies?"));
    expect(off.calls.map((c) => c.method)).toEqual(["sendMessage"]);
  });
});
