import { describe, expect, it } from "vitest";
import { formatSourcesHtml, formatWelcomeHtml } from "../../src/bot/format.js";
import { htmlToPlainText } from "../../src/bot/html.js";
import { textsFor } from "../../src/bot/i18n.js";
import { TEST_DOCS } from "../support/fake-engine.js";
import { assertTelegramHtml } from "./telegram-html.js";

describe("welcome and sources", () => {
  it("should name every document with its date and the example questions given, in the user's language", () => {
    for (const lang of ["ru", "en", "az"] as const) {
      const texts = textsFor(lang);
      const html = formatWelcomeHtml(texts, TEST_DOCS, "event_qa_bot", true, texts.genericExamples);
      assertTelegramHtml(html);
      for (const d of TEST_DOCS) expect(htmlToPlainText(html)).toContain(d.title);
      expect(html).toContain("2026-02-10");
      for (const q of texts.genericExamples) expect(html).toContain(q);
      expect(html).toContain(texts.examplesTitle);
      expect(html).toContain("/ask@event_qa_bot");
    }
  });

  it("should leave out the examples' heading when no question is given", () => {
    const texts = textsFor("en");
    expect(formatWelcomeHtml(texts, TEST_DOCS, "event_qa_bot", false, [])).not.toContain(texts.examplesTitle);
  });

  it("should link sources that have a url", () => {
    const html = formatSourcesHtml(textsFor("en"), TEST_DOCS);
    assertTelegramHtml(html);
    expect(html).toContain('<a href="https://example.org/a?x=1&amp;y=2">');
    expect(html).toContain("• Summit notes (2025-08-08)");
  });
});
