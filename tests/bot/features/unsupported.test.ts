import { describe, expect, it } from "vitest";
import { createFakeEngine } from "../../support/fake-engine.js";
import { loadUpdate } from "../../support/fixtures.js";
import { createHarness } from "../../support/harness.js";

describe("updates the bot does not answer", () => {
  it.each([
    ["sticker", "I only understand text questions. Please type your question."],
    ["voice", "Я понимаю только текстовые вопросы. Напишите, пожалуйста, вопрос словами."],
    ["forwarded-text", "I answer questions, not forwarded messages. Please type your own question."],
  ])("should reply to a private %s with one polite line in the user's language", async (fixture, line) => {
    const engine = createFakeEngine();
    const h = createHarness({ engine });
    await h.send(loadUpdate(fixture));
    expect(engine.asked).toHaveLength(0);
    expect(h.calls.map((c) => [c.method, c.payload.text])).toEqual([["sendMessage", line]]);
  });

  it.each(["edited-message", "channel-post", "my-chat-member", "unknown-kind", "group-sticker"])(
    "should ignore %s by design without calling the API or throwing",
    async (fixture) => {
      const engine = createFakeEngine();
      const h = createHarness({ engine });
      await expect(h.send(loadUpdate(fixture))).resolves.toBeUndefined();
      expect(engine.asked).toHaveLength(0);
      expect(h.calls).toEqual([]);
    },
  );
});
