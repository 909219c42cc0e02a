import { describe, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context.js";
import { quoteInGroups, quoting } from "../../src/bot/reply.js";
import { createHarness } from "../support/harness.js";
import { groupText, privateText } from "../support/updates.js";

describe("quoting", () => {
  it("should quote the message and still send when it was deleted", () => {
    expect(quoting(9)).toEqual({ reply_parameters: { message_id: 9, allow_sending_without_reply: true } });
  });
});

describe("quoteInGroups", () => {
  const ctx = (type: string) => ({ msg: { message_id: 4 }, chat: { id: 1, type } }) as unknown as BotContext;

  it("should quote in groups and supergroups, not in private chats or without a message", () => {
    expect(quoteInGroups(ctx("group"))).toEqual(quoting(4));
    expect(quoteInGroups(ctx("supergroup"))).toEqual(quoting(4));
    expect(quoteInGroups(ctx("private"))).toEqual({});
    expect(quoteInGroups({ chat: { id: 1, type: "group" } } as unknown as BotContext)).toEqual({});
  });
});

describe("replyAskUsage", () => {
  it("should explain /ask with the bot's name and the first example, quoting in groups only", async () => {
    const h = createHarness();
    await h.send(groupText("/ask"));
    await h.send(privateText("/ask", { languageCode: "en" }));
    const [inGroup, inPrivate] = h.of("sendMessage").map((c) => c.payload);
    expect(inGroup?.text).toBe(
      "Put the question after the command, for example: /ask@event_qa_bot How many companies were in the delegation?",
    );
    expect(inGroup?.reply_parameters).toMatchObject({ message_id: expect.any(Number) });
    expect(inPrivate?.text).toBe(inGroup?.text);
    expect(inPrivate?.reply_parameters).toBeUndefined();
  });
});
