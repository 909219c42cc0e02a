import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeBotApi, startFakeBotApi } from "./fake-bot-api.js";

let api: FakeBotApi;
beforeEach(async () => {
  api = await startFakeBotApi();
});
afterEach(() => api.close());

const call = async (method: string, body: unknown = {}) =>
  (await (
    await fetch(`${api.url}/bot${api.token}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    })
  ).json()) as {
    ok: boolean;
    result?: unknown;
    error_code?: number;
    description?: string;
  };

describe("fake Bot API server", () => {
  it("should reject a wrong token like Telegram", async () => {
    const r = (await (await fetch(`${api.url}/bot1:BAD/getMe`)).json()) as { ok: boolean; error_code: number };
    expect(r).toMatchObject({ ok: false, error_code: 401 });
  });

  it("should reject what Telegram rejects in sendMessage", async () => {
    expect(await call("sendMessage", { chat_id: 1, text: "x".repeat(4097) })).toMatchObject({
      ok: false,
      error_code: 400,
      description: "Bad Request: message is too long",
    });
    expect((await call("sendMessage", { chat_id: 1, text: "<p>x</p>", parse_mode: "HTML" })).description).toMatch(
      /^Bad Request: can't parse entities/,
    );
    expect((await call("sendMessage", { chat_id: 1, text: "a < b", parse_mode: "HTML" })).description).toMatch(/can't parse entities/);
    expect((await call("sendMessage", { chat_id: 1, text: "  " })).description).toBe("Bad Request: message text is empty");
    // 4096 characters after parsing are fine even when the HTML is longer.
    expect(await call("sendMessage", { chat_id: 1, text: `<b>${"&amp;".repeat(4096)}</b>`, parse_mode: "HTML" })).toMatchObject({
      ok: true,
    });
  });

  it("should reject too many inline results and long or duplicate ids", async () => {
    const article = (id: string) => ({ type: "article", id, title: "t", input_message_content: { message_text: "m" } });
    expect(
      (await call("answerInlineQuery", { inline_query_id: "1", results: Array.from({ length: 51 }, (_, i) => article(String(i))) }))
        .description,
    ).toBe("Bad Request: RESULTS_TOO_MUCH");
    expect((await call("answerInlineQuery", { inline_query_id: "1", results: [article("x".repeat(65))] })).description).toBe(
      "Bad Request: RESULT_ID_INVALID",
    );
    expect((await call("answerInlineQuery", { inline_query_id: "1", results: [article("a"), article("a")] })).description).toBe(
      "Bad Request: RESULT_ID_DUPLICATE",
    );
    expect(await call("answerInlineQuery", { inline_query_id: "1", results: [article("a")] })).toMatchObject({ ok: true });
  });

  it("should long-poll: wait up to timeout, wake on a new update, and honour offset", async () => {
    const started = Date.now();
    expect(await call("getUpdates", { timeout: 1 })).toMatchObject({ ok: true, result: [] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);

    const waiting = call("getUpdates", { timeout: 10 });
    const u = await api.injectText("hello");
    const got = (await waiting).result as { update_id: number }[];
    expect(got.map((x) => x.update_id)).toEqual([u.update_id]);
    // Not confirmed yet: delivered again; confirmed by offset: gone.
    expect(((await call("getUpdates", { timeout: 0 })).result as unknown[]).length).toBe(1);
    expect(await call("getUpdates", { offset: u.update_id + 1, timeout: 0 })).toMatchObject({ result: [] });
  });

  it("should refuse getUpdates while a webhook is set and edits of unknown or unchanged messages", async () => {
    await call("setWebhook", { url: "http://127.0.0.1:9/hook" });
    expect(await call("getUpdates")).toMatchObject({ ok: false, error_code: 409 });
    const sent = (await call("sendMessage", { chat_id: 5, text: "hi" })).result as { message_id: number };
    expect((await call("editMessageText", { chat_id: 5, message_id: sent.message_id, text: "hi" })).description).toMatch(
      /message is not modified/,
    );
    expect((await call("editMessageText", { chat_id: 5, message_id: 999, text: "x" })).description).toBe(
      "Bad Request: message to edit not found",
    );
  });
});

describe("fake Bot API: rich messages and keyboards", () => {
  it("should answer sendRichMessage with 404 by default (an older server) and check it when accepting", async () => {
    expect(await call("sendRichMessage", { chat_id: 1, rich_message: { blocks: [{ type: "paragraph", text: "x" }] } })).toMatchObject({
      ok: false,
      error_code: 404,
    });
    api.richMessages = "accept";
    expect(await call("sendRichMessage", { chat_id: 1, rich_message: { blocks: [{ type: "paragraph", text: "x" }] } })).toMatchObject({
      ok: true,
      result: { message_id: 1 },
    });
    expect((await call("sendRichMessage", { chat_id: 1 })).description).toBe("Bad Request: rich_message is required");
    expect((await call("sendRichMessage", { chat_id: 1, rich_message: { blocks: [], html: "<p>x</p>" } })).description).toMatch(
      /exactly one of/,
    );
    expect(
      (await call("sendRichMessage", { chat_id: 1, rich_message: { blocks: [{ type: "paragraph", text: " " }] } })).description,
    ).toMatch(/empty/);
  });

  it("should reject callback data over 64 bytes and answer callback queries", async () => {
    const kb = (data: string) => ({ inline_keyboard: [[{ text: "b", callback_data: data }]] });
    expect(await call("sendMessage", { chat_id: 1, text: "x", reply_markup: kb("a".repeat(64)) })).toMatchObject({ ok: true });
    expect((await call("sendMessage", { chat_id: 1, text: "x", reply_markup: kb("a".repeat(65)) })).description).toBe(
      "Bad Request: BUTTON_DATA_INVALID",
    );
    expect(await call("answerCallbackQuery", { callback_query_id: "1", text: "ok" })).toMatchObject({ ok: true });
    expect(await call("answerCallbackQuery", { callback_query_id: "1", text: "x".repeat(201) })).toMatchObject({
      ok: false,
      error_code: 400,
    });
  });
});
