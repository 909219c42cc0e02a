import { describe, expect, it } from "vitest";
import { toAddressedQuestion } from "../../../src/bot/features/group-questions.js";
import { createFakeEngine } from "../../support/fake-engine.js";
import { createHarness } from "../../support/harness.js";
import { BOT_INFO, botMessage, groupText } from "../../support/updates.js";

describe("group questions", () => {
  it("should answer an @mention, without the mention, replying to the asking message", async () => {
    const engine = createFakeEngine();
    const h = createHarness({ engine });
    const update = groupText("@event_qa_bot how many companies came?");
    await h.send(update);
    expect(engine.asked.map((a) => a.question)).toEqual(["how many companies came?"]);
    const sent = h.of("sendMessage")[0]!.payload;
    expect(sent.reply_parameters).toEqual({ message_id: update.message!.message_id, allow_sending_without_reply: true });
    expect(sent.chat_id).toBe(update.message!.chat.id);
  });

  it("should answer a reply to one of the bot's messages", async () => {
    const engine = createFakeEngine();
    const h = createHarness({ engine });
    await h.send(groupText("and who led it?", { replyTo: botMessage("earlier answer") }));
    expect(engine.asked.map((a) => a.question)).toEqual(["and who led it?"]);
  });

  it("should answer /ask and /ask@botname, and ignore /ask@other_bot", async () => {
    const engine = createFakeEngine();
    const h = createHarness({ engine });
    await h.send(groupText("/ask first question"));
    await h.send(groupText("/ask@event_qa_bot second question"));
    await h.send(groupText("/ask@other_bot third question"));
    expect(engine.asked.map((a) => a.question)).toEqual(["first question", "second question"]);
    expect(h.of("sendMessage")).toHaveLength(2);
  });

  it("should explain /ask without a question instead of asking the engine", async () => {
    const engine = createFakeEngine();
    const h = createHarness({ engine });
    await h.send(groupText("/ask@event_qa_bot"));
    expect(engine.asked).toHaveLength(0);
    expect(h.sentTexts()[0]).toContain("/ask@event_qa_bot");
  });

  it("should ignore group chatter, other mentions and replies to other people", async () => {
    const engine = createFakeEngine();
    const h = createHarness({ engine });
    await h.send(groupText("how many companies were there?"));
    await h.send(groupText("@someone_else what do you think?"));
    await h.send(groupText("I agree", { replyTo: { ...botMessage("hi"), from: { id: 5, is_bot: false, first_name: "Carl" } } }));
    await h.send(groupText("/start@other_bot"));
    expect(engine.asked).toHaveLength(0);
    expect(h.calls).toEqual([]);
  });
});

describe("toAddressedQuestion", () => {
  it("should strip the mention wherever it is and match the username case-insensitively", () => {
    const text = "So, @Event_QA_Bot, who led the delegation?";
    const offset = text.indexOf("@");
    expect(toAddressedQuestion({ text, entities: [{ type: "mention", offset, length: 13 }] }, BOT_INFO)).toBe(
      "So, who led the delegation?",
    );
  });

  it("should accept a text_mention of the bot and reject a mention without an entity", () => {
    expect(
      toAddressedQuestion(
        {
          text: "Bot what?",
          entities: [{ type: "text_mention", offset: 0, length: 3, user: { id: BOT_INFO.id, is_bot: true, first_name: "Bot" } }],
        },
        BOT_INFO,
      ),
    ).toBe("what?");
    expect(toAddressedQuestion({ text: "@event_qa_bot what?" }, BOT_INFO)).toBeUndefined();
  });
});
