import { describe, expect, it } from "vitest";
import { TYPING_DELAY_MS } from "../../../src/bot/answer.js";
import { htmlToPlainText } from "../../../src/bot/html.js";
import { createFakeEngine, toAnswer, toRefusal } from "../../support/fake-engine.js";
import { createHarness } from "../../support/harness.js";
import { privateText } from "../../support/updates.js";

describe("private questions", () => {
  const slowly = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), TYPING_DELAY_MS + 150));

  it("should answer any text with the engine's answer, citations and 'typing' first when the answer takes a while", async () => {
    const engine = createFakeEngine((q) => slowly(toAnswer({ lead: `Answer to: ${q}` })));
    const h = createHarness({ engine });
    await h.send(privateText("How many companies <were> there?", { languageCode: "az" }));
    expect(engine.asked).toEqual([{ question: "How many companies <were> there?", options: expect.objectContaining({ langHint: "az" }) }]);
    expect(h.calls.map((c) => c.method)).toEqual(["sendChatAction", "sendMessage"]);
    expect(h.calls[0]!.payload).toMatchObject({ chat_id: 42, action: "typing" });
    const sent = h.of("sendMessage")[0]!.payload;
    expect(sent).toMatchObject({ chat_id: 42, parse_mode: "HTML" });
    expect(sent.text).toContain("Answer to: How many companies &lt;were&gt; there?");
    expect(htmlToPlainText(sent.text as string)).toMatch(/\[1\] «Answer to: .*»\n— Talks <in> Baku/);
  });

  it("should not send 'typing' for an answer that is ready at once", async () => {
    const h = createHarness({ engine: createFakeEngine(() => toAnswer()) });
    await h.send(privateText("How many companies?"));
    expect(h.calls.map((c) => c.method)).toEqual(["sendMessage"]);
  });

  it("should send the refusal, worded from its reason and naming the documents, as the reply", async () => {
    const h = createHarness({ engine: createFakeEngine(() => toRefusal({ reason: "off_topic" })) });
    await h.send(privateText("What is the capital of France?"));
    const [text] = h.sentTexts();
    expect(h.sentTexts()).toHaveLength(1);
    expect(text).toBe(
      "Sorry, my sources have nothing on that.\n" +
        "I can answer questions about: «Talks &lt;in&gt; Baku &amp; &quot;partners&quot;» (2026-02-10); «Summit notes» (2025-08-08).\n\n" +
        "<i>You can also ask:</i>",
    );
  });

  it("should split a long answer into several valid messages", async () => {
    const long = "A long verbatim sentence from the article about the talks. ".repeat(30);
    const engine = createFakeEngine(() =>
      toAnswer({
        lead: long,
        generated: `${[long, long, long].join("\n\n")} [1]`,
        mode: "generative",
      }),
    );
    const h = createHarness({ engine });
    await h.send(privateText("Tell me everything"));
    const texts = h.sentTexts();
    expect(texts.length).toBeGreaterThanOrEqual(2);
    expect(texts.at(-1)).toContain("— <a href=");
    // The keyboard sits under the last part only.
    const sends = h.of("sendMessage");
    expect(sends.slice(0, -1).every((c) => c.payload.reply_markup === undefined)).toBe(true);
    expect(sends.at(-1)!.payload.reply_markup).toBeDefined();
  });

  it("should still answer when sendChatAction fails", async () => {
    const h = createHarness({
      engine: createFakeEngine(() => slowly(toAnswer())),
      respond: (c) =>
        c.method === "sendChatAction" ? { ok: false, error_code: 400, description: "Bad Request: chat action failed" } : undefined,
    });
    await h.send(privateText("Who led the delegation?"));
    expect(h.of("sendChatAction")).toHaveLength(1);
    expect(h.of("sendMessage")).toHaveLength(1);
  });

  it("should not treat a command as a question", async () => {
    const engine = createFakeEngine();
    const h = createHarness({ engine });
    await h.send(privateText("/nonsense"));
    expect(engine.asked).toHaveLength(0);
    expect(h.sentTexts()).toEqual(["I don't know that command. See /help."]);
  });

  it("should answer /ask in a private chat and explain /ask without a question", async () => {
    const engine = createFakeEngine();
    const h = createHarness({ engine });
    await h.send(privateText("/ask Who led the delegation?"));
    await h.send(privateText("/ask"));
    expect(engine.asked.map((a) => a.question)).toEqual(["Who led the delegation?"]);
    expect(h.sentTexts()[1]).toContain("/ask@event_qa_bot");
  });
});
