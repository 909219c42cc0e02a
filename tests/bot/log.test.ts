import type { MiddlewareFn } from "grammy";
import type { Update } from "grammy/types";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context.js";
import { DEFAULT_LANG, textsFor } from "../../src/bot/i18n.js";
import { createContextMiddleware, createSafeLogger, redact, updateType } from "../../src/bot/log.js";
import { groupText, inlineQuery, privateText } from "../support/updates.js";

function capture(level = "debug") {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level }, { write: (l: string) => void lines.push(JSON.parse(l) as Record<string, unknown>) });
  return { logger, lines };
}

describe("redact", () => {
  it("should replace every occurrence of each secret", () => {
    expect(redact("GET /bot123:ABC/getMe and again 123:ABC; s3cret", ["123:ABC", "s3cret"])).toBe(
      "GET /bot[redacted]/getMe and again [redacted]; [redacted]",
    );
  });

  it("should leave secrets shorter than 4 characters alone (they would mangle ordinary text)", () => {
    expect(redact("a bc abc", ["bc"])).toBe("a bc abc");
  });
});

describe("createSafeLogger", () => {
  it("should keep the token out of a logged error, in its message and its stack", () => {
    const { logger, lines } = capture();
    const safe = createSafeLogger(logger, ["123:SECRET", undefined]);
    safe.error({ err: new Error("request to https://api.telegram.org/bot123:SECRET/sendMessage failed") }, "failed");
    const err = lines[0]?.err as { message: string; stack: string; type: string };
    expect(err.type).toBe("Error");
    expect(err.message).toBe("request to https://api.telegram.org/bot[redacted]/sendMessage failed");
    expect(err.stack).not.toContain("123:SECRET");
    expect(JSON.stringify(lines)).not.toContain("123:SECRET");
  });

  it("should redact a non-Error err value too", () => {
    const { logger, lines } = capture();
    createSafeLogger(logger, ["123:SECRET"]).warn({ err: { url: "/bot123:SECRET/getUpdates" } }, "odd");
    expect(lines[0]?.err).toEqual({ url: "/bot[redacted]/getUpdates" });
  });
});

describe("updateType", () => {
  it("should name the one update kind", () => {
    expect(updateType(privateText("hi"))).toBe("message");
    expect(updateType(inlineQuery("hi"))).toBe("inline_query");
    expect(updateType({ update_id: 1 } as Update)).toBe("unknown");
  });
});

describe("createContextMiddleware", () => {
  const run = async (update: Update, languageCode?: string) => {
    const { logger, lines } = capture();
    const message = "message" in update ? update.message : undefined;
    const from = message?.from ?? ("inline_query" in update ? update.inline_query?.from : undefined);
    const ctx = {
      update,
      chat: message?.chat,
      from: from && { ...from, language_code: languageCode },
      msg: message,
      inlineQuery: "inline_query" in update ? update.inline_query : undefined,
    } as unknown as BotContext;
    let seen: BotContext | undefined;
    await (createContextMiddleware(logger) as MiddlewareFn<BotContext>)(ctx, async () => {
      seen = ctx;
      ctx.log.info("inside");
    });
    return { ctx: seen, lines };
  };

  it("should give each update a child logger with its id, kind and chat", async () => {
    const update = groupText("@event_qa_bot hello", { chatId: -100 });
    const { lines } = await run(update, "en");
    const inside = lines.find((l) => l.msg === "inside");
    expect(inside).toMatchObject({ update_id: update.update_id, update_type: "message", chat_type: "supergroup", chat_id: -100 });
  });

  it("should pick the user's language for the bot's wording, the default language when unknown", async () => {
    expect((await run(privateText("hi"), "en")).ctx?.ui).toEqual(textsFor("en"));
    expect((await run(privateText("hi"), "az-AZ")).ctx?.uiLang).toBe("az");
    expect((await run(privateText("hi"), "de")).ctx?.uiLang).toBe(DEFAULT_LANG);
  });

  it("should log the text at debug only, then the time taken", async () => {
    const { lines } = await run(inlineQuery("Who led the delegation?"), "en");
    const received = lines.find((l) => l.msg === "update received");
    expect(received).toMatchObject({ level: 20, text: "Who led the delegation?" });
    expect(lines.at(-1)).toMatchObject({ msg: "update handled", level: 20 });
    expect(lines.filter((l) => (l.level as number) > 20 && "text" in l)).toEqual([]);
  });
});
