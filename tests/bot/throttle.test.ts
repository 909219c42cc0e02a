import { describe, expect, it, vi } from "vitest";
import { createThrottler, isThrottledMethod } from "../../src/bot/throttle.js";

describe("isThrottledMethod", () => {
  it("should throttle the methods that post into chats", () => {
    for (const m of ["sendMessage", "sendPhoto", "editMessageText", "editMessageReplyMarkup", "copyMessage", "forwardMessage"])
      expect(isThrottledMethod(m), m).toBe(true);
  });

  it("should let chat actions, inline answers, polling and set-up calls through", () => {
    for (const m of ["sendChatAction", "answerInlineQuery", "getUpdates", "getMe", "setMyCommands", "setWebhook", "deleteWebhook"])
      expect(isThrottledMethod(m), m).toBe(false);
  });
});

describe("createThrottler", () => {
  it("should pass an unthrottled call straight to the API, with its payload and signal", async () => {
    const prev = vi.fn(async () => ({ ok: true as const, result: true as const }));
    const signal = new AbortController().signal as never;
    const throttler = createThrottler();
    // biome-ignore lint/suspicious/noExplicitAny: the transformer's generic payload type is not needed here
    await expect(throttler(prev as any, "sendChatAction", { chat_id: 1, action: "typing" } as any, signal)).resolves.toEqual({
      ok: true,
      result: true,
    });
    expect(prev).toHaveBeenCalledExactlyOnceWith("sendChatAction", { chat_id: 1, action: "typing" }, signal);
  });

  it("should space out messages to one chat (about one per second)", async () => {
    const at: number[] = [];
    const prev = vi.fn(async () => {
      at.push(Date.now());
      return { ok: true as const, result: true as const };
    });
    const throttler = createThrottler();
    // biome-ignore lint/suspicious/noExplicitAny: as above
    const send = (text: string) => throttler(prev as any, "sendMessage", { chat_id: 7, text } as any);
    await Promise.all([send("one"), send("two")]);
    expect(prev).toHaveBeenCalledTimes(2);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(900);
  });
});
