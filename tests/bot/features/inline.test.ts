import { describe, expect, it } from "vitest";
import { htmlToPlainText } from "../../../src/bot/html.js";
import { createFakeEngine, toAnswer, toRefusal } from "../../support/fake-engine.js";
import { createHarness } from "../../support/harness.js";
import { inlineQuery } from "../../support/updates.js";

type Article = {
  type: string;
  id: string;
  title: string;
  description?: string;
  input_message_content: { message_text: string; parse_mode?: string };
};
const resultsOf = (h: ReturnType<typeof createHarness>) => h.of("answerInlineQuery")[0]!.payload.results as Article[];

describe("inline mode", () => {
  it("should answer with one article: the short answer as title, the marked span as description, the full answer as message", async () => {
    const quote = "The delegation included 31 companies.";
    const engine = createFakeEngine(() =>
      toAnswer({ lead: quote, short: "31 companies", span: { n: 1, start: 24, end: 36, kind: "count" } }),
    );
    const h = createHarness({ engine, env: { INLINE_CACHE_SECONDS: "123" } });
    const update = inlineQuery("how many companies?");
    await h.send(update);
    expect(engine.asked[0]!.options).toMatchObject({ extractiveOnly: true });
    const call = h.of("answerInlineQuery")[0]!.payload;
    expect(call).toMatchObject({ inline_query_id: update.inline_query!.id, cache_time: 123 });
    const results = resultsOf(h);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ type: "article", title: "31 companies", description: "31 companies" });
    expect(results[0]!.input_message_content.parse_mode).toBe("HTML");
    expect(
      results[0]!.input_message_content.message_text.startsWith(
        "<b>31 companies</b>\n\n[1] «The delegation included <b>31 companies</b>.»",
      ),
    ).toBe(true);
    expect(htmlToPlainText(results[0]!.input_message_content.message_text)).toContain("— Talks <in> Baku");
    expect(Buffer.byteLength(results[0]!.id)).toBeLessThanOrEqual(64);
  });

  it("should fall back to the quote as title and never send an empty description when nothing is marked", async () => {
    const h = createHarness({ engine: createFakeEngine(() => toAnswer({ lead: "The delegation included 31 companies.", short: "  " })) });
    await h.send(inlineQuery("q"));
    expect(resultsOf(h)[0]).toMatchObject({ title: "The delegation included 31 companies." });
    expect(resultsOf(h)[0]!.description?.trim()).toBeTruthy();
  });

  it("should trim a long lead to a short title", async () => {
    const h = createHarness({ engine: createFakeEngine(() => toAnswer({ lead: "word ".repeat(200) })) });
    await h.send(inlineQuery("long"));
    expect(resultsOf(h)[0]!.title.length).toBeLessThanOrEqual(120);
  });

  it("should answer a refusal with one result saying the question is outside the corpus", async () => {
    const h = createHarness({ engine: createFakeEngine(() => toRefusal()) });
    await h.send(inlineQuery("capital of France?"));
    const results = resultsOf(h);
    expect(results).toHaveLength(1);
    expect(results[0]!.title).toBe("The question is outside my materials");
    expect(results[0]!.input_message_content.message_text).toMatch(
      /^Sorry, my sources have nothing on that\.\nI can answer questions about: «/,
    );
    expect(results[0]!.description).toMatch(/^Sorry, my sources have nothing on that\. I can answer/);
  });

  it("should answer an empty query with a help result without asking the engine", async () => {
    const engine = createFakeEngine();
    const h = createHarness({ engine });
    await h.send(inlineQuery("   ", { languageCode: "ru" }));
    expect(engine.asked).toHaveLength(0);
    const results = resultsOf(h);
    expect(results).toHaveLength(1);
    expect(results[0]!.title).toBe("Задайте вопрос о событии");
    expect(results[0]!.description).toContain("Сколько компаний");
    // In the asker's language, so Telegram must not serve it to other users from its cache.
    expect(h.of("answerInlineQuery")[0]!.payload).toMatchObject({ is_personal: true });
  });

  it("should answer within the deadline even when the engine hangs", async () => {
    const h = createHarness({ engine: createFakeEngine(() => new Promise(() => {})), inlineDeadlineMs: 200 });
    const started = Date.now();
    await h.send(inlineQuery("slow question"));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(resultsOf(h)[0]!.title).toBe("No answer in time");
    expect(h.of("answerInlineQuery")[0]!.payload.cache_time).toBe(0);
  });

  it("should give different queries different result ids", async () => {
    const h = createHarness();
    await h.send(inlineQuery("one"));
    await h.send(inlineQuery("two"));
    const ids = h.of("answerInlineQuery").map((c) => (c.payload.results as Article[])[0]!.id);
    expect(new Set(ids).size).toBe(2);
  });
});

describe("inline results from unusual answers", () => {
  it("should never send an empty title", async () => {
    const h = createHarness({ engine: createFakeEngine(() => ({ ...toAnswer(), lead: "  " })) });
    await h.send(inlineQuery("q"));
    expect(resultsOf(h)[0]!.title).toBe("The delegation included representatives of 31 companies.");
  });
});
