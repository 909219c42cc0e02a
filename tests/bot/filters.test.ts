import type { Message } from "grammy/types";
import { describe, expect, it } from "vitest";
import { isTypedText } from "../../src/bot/filters.js";
import { createFakeEngine } from "../support/fake-engine.js";
import { createHarness } from "../support/harness.js";
import { BOT_INFO, groupText, privateText, toUser } from "../support/updates.js";

const message = (extra: Partial<Message>) => ({ message: { text: "Who led the delegation?", ...extra } });
const forwarded = { forward_origin: { type: "hidden_user", sender_user_name: "Bob", date: 0 } } as const;
const viaBot = { via_bot: { ...toUser(9, undefined), is_bot: true } };

describe("isTypedText", () => {
  it("should accept plain text the user typed", () => {
    expect(isTypedText(message({}))).toBe(true);
    expect(isTypedText(message({ text: "what about /ask?" }))).toBe(true); // a slash later in the text is not a command
  });

  it("should reject commands, forwards, messages sent via an inline bot and messages without text", () => {
    expect(isTypedText(message({ text: "/help" }))).toBe(false);
    expect(isTypedText(message(forwarded))).toBe(false);
    expect(isTypedText(message(viaBot))).toBe(false);
    expect(isTypedText({ message: {} })).toBe(false);
  });
});

describe("the question features with isTypedText", () => {
  const withExtra = (update: ReturnType<typeof privateText>, extra: object) =>
    ({ ...update, message: { ...update.message, ...extra } }) as ReturnType<typeof privateText>;

  it("should not ask the engine about a forwarded private message (it gets the 'forwarded' line)", async () => {
    const engine = createFakeEngine();
    const h = createHarness({ engine });
    await h.send(withExtra(privateText("Who led the delegation?"), forwarded));
    expect(engine.asked).toHaveLength(0);
    expect(h.sentTexts()).toHaveLength(1);
  });

  it("should not ask the engine about text sent via an inline bot, in private or when it mentions the bot in a group", async () => {
    const engine = createFakeEngine();
    const h = createHarness({ engine });
    await h.send(withExtra(privateText("Who led the delegation?"), viaBot));
    await h.send(withExtra(groupText(`@${BOT_INFO.username} who led the delegation?`), viaBot));
    await h.send(withExtra(groupText(`@${BOT_INFO.username} who led the delegation?`), forwarded));
    expect(engine.asked).toHaveLength(0);
    // The same texts typed by the user are questions.
    await h.send(privateText("Who led the delegation?"));
    await h.send(groupText(`@${BOT_INFO.username} who led the delegation?`));
    expect(engine.asked.map((a) => a.question)).toEqual(["Who led the delegation?", "who led the delegation?"]);
  });
});
