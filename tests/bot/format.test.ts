import { describe, expect, it } from "vitest";
import {
  answerBody,
  formatAnswerHtml,
  formatCitation,
  formatResultHtml,
  formatSourcesHtml,
  formatWelcomeHtml,
  toMessages,
} from "../../src/bot/format.js";
import { htmlToPlainText } from "../../src/bot/html.js";
import { textsFor } from "../../src/bot/i18n.js";
import { TEST_DOCS, toAnswer, toRefusal } from "../support/fake-engine.js";
import { assertTelegramHtml } from "./telegram-html.js";

describe("answerBody", () => {
  it("should drop the engine's plain-text sources block and its heading", () => {
    expect(
      answerBody({
        text: "Lead. [1] More. [2]\n\nИсточники:\n[1] «Lead.» — T, 2026\n[2] «More.» — T",
        citations: toAnswer().citations.concat({ ...toAnswer().citations[0]!, n: 2 }),
      }),
    ).toBe("Lead. [1] More. [2]");
  });

  it("should keep text that has no sources block", () => {
    expect(answerBody({ text: "Only [1] inline marks.", citations: toAnswer().citations })).toBe("Only [1] inline marks.");
  });
});

describe("formatAnswerHtml", () => {
  it("should list citations as [n] «quote» — linked title, date with everything escaped", () => {
    const html = formatAnswerHtml(toAnswer({ lead: 'A <b> & "c"', languageNote: "The evidence is in Russian." }));
    assertTelegramHtml(html);
    expect(html).toContain(
      '[1] «A &lt;b&gt; &amp; &quot;c&quot;» — <a href="https://example.org/a?x=1&amp;y=2">Talks &lt;in&gt; Baku &amp; &quot;partners&quot;</a>, 2026-02-10',
    );
    expect(html).toContain("<i>The evidence is in Russian.</i>");
    expect(html).toContain("<b>Sources</b>");
    expect(htmlToPlainText(html).match(/\[1\]/g)).toHaveLength(1); // extractive body is the lead-in; the quote is in the list
    expect(html.startsWith("Here is what the source says:")).toBe(true);
  });

  it("should not link a title without a url and take the heading from the answer's language", () => {
    const answer = toAnswer({ lang: "ru" });
    answer.citations = [{ ...answer.citations[0]!, url: undefined, title: "Без ссылки" }];
    const html = formatAnswerHtml(answer);
    expect(html).not.toContain("<a ");
    expect(html).toContain("<b>Источники</b>");
    expect(html).toContain("— Без ссылки, 2026-02-10");
  });

  it("should not turn a javascript: url into a link", () => {
    expect(formatCitation({ ...toAnswer().citations[0]!, url: "javascript:alert(1)" })).not.toContain("<a ");
  });
});

describe("formatResultHtml and toMessages", () => {
  it("should escape a refusal", () => {
    expect(formatResultHtml(toRefusal({ text: "No <answer> & that's it" }))).toBe("No &lt;answer&gt; &amp; that's it");
  });

  it("should split an answer longer than 4096 characters into valid messages", () => {
    const long = "Очень длинное предложение из статьи, которое повторяется. ".repeat(40);
    const text = Array.from({ length: 4 }, () => long).join("\n\n");
    const answer = toAnswer({ lead: long, text, body: text, mode: "generative" });
    const messages = toMessages(formatAnswerHtml(answer));
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) assertTelegramHtml(m);
    expect(messages.at(-1)).toContain("<b>Sources</b>");
  });
});

describe("welcome and sources", () => {
  it("should name every document with its date and three examples in the user's language", () => {
    for (const lang of ["ru", "en", "az"] as const) {
      const texts = textsFor(lang);
      const html = formatWelcomeHtml(texts, TEST_DOCS, "event_qa_bot", true);
      assertTelegramHtml(html);
      for (const d of TEST_DOCS) expect(htmlToPlainText(html)).toContain(d.title);
      expect(html).toContain("2026-02-10");
      for (const q of texts.examples) expect(html).toContain(q);
      expect(html).toContain("/ask@event_qa_bot");
    }
  });

  it("should link sources that have a url", () => {
    const html = formatSourcesHtml(textsFor("en"), TEST_DOCS);
    assertTelegramHtml(html);
    expect(html).toContain('<a href="https://example.org/a?x=1&amp;y=2">');
    expect(html).toContain("• Summit notes (2025-08-08)");
  });
});
