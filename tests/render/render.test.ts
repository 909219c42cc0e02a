import { describe, expect, it } from "vitest";
import { htmlToPlainText } from "../../src/bot/html.js";
import type { AnswerResult, Citation } from "../../src/engine/types.js";
import { textsFor } from "../../src/render/i18n.js";
import { inlineView } from "../../src/render/inline.js";
import { answerRich } from "../../src/render/rich.js";
import { answerHtml, paragraphHtml, refusalHtml } from "../../src/render/telegram-html.js";
import { resultText } from "../../src/render/text.js";
import { formatDate, toAnswerView } from "../../src/render/view.js";
import { assertTelegramHtml } from "../bot/telegram-html.js";
import { TEST_DOCS, toAnswer, toRefusal } from "../support/fake-engine.js";

const LONG =
  "Как сообщили в Министерстве иностранных дел Азербайджана, обсуждения состоялись 10 февраля в ходе встречи министра с делегацией, возглавляемой старшим вице-президентом Торговой палаты США по международным отношениям с членами, Ближнему Востоку и Турции, в состав которой вошли руководители и представители 31 компании.";
const SHORT = "Во время встречи обсуждались шаги по установлению стратегического партнерства <между> странами & США.";
const cite = (n: number, quote: string, over: Partial<Citation> = {}): Citation => ({
  n,
  quote,
  doc: "delegation",
  title: "Talks <in> Baku.",
  date: "2026-02-10",
  url: "https://example.org/a?x=1&y=2",
  part: "body",
  start: 0,
  end: quote.length,
  ...over,
});

function answer(over: Partial<AnswerResult> = {}): AnswerResult {
  const start = LONG.indexOf("31 компании");
  return toAnswer({
    lang: "en",
    short: "31 companies",
    span: { n: 1, start, end: start + "31 компании".length, kind: "count" },
    citations: [
      cite(1, LONG),
      cite(2, SHORT),
      cite(3, "Summit text.", { doc: "summit", title: "Summit notes", url: undefined, date: "2025-08-08" }),
    ],
    evidenceLangs: ["ru", "en"],
    ...over,
  });
}

describe("Telegram HTML answer", () => {
  it("should lead with the short answer, mark the span in bold, fold long quotes and name each document once", () => {
    const html = answerHtml(answer());
    assertTelegramHtml(html);
    expect(html.startsWith("<b>31 companies</b>\n<i>The source is in Russian; quotes are given in the original.</i>\n\n")).toBe(true);
    expect(html).toContain("<blockquote expandable>[1] «Как сообщили");
    expect(html).toContain("представители <b>31 компании</b>.»</blockquote>");
    expect(html).toContain(
      "[2] «Во время встречи обсуждались шаги по установлению стратегического партнерства &lt;между&gt; странами &amp; США.»",
    );
    expect(html).not.toContain("<blockquote expandable>[2]"); // short quotes stay inline
    // Document named once, after its quotes; dates in the reader's language.
    expect(html.match(/Talks &lt;in&gt; Baku/g)).toHaveLength(1);
    expect(html).toContain('«\n— <a href="https://example.org/a?x=1&amp;y=2">Talks &lt;in&gt; Baku</a>, 10 February 2026'.slice(1));
    expect(html).toContain("[3] «Summit text.»\n— Summit notes, 8 August 2025");
    // The engine's prose is not parsed: its text never appears.
    expect(html).not.toContain("Sources:");
  });

  it("should let the first quote lead when there is no short answer", () => {
    const html = answerHtml(answer({ short: undefined, evidenceLangs: ["en"] }));
    expect(html.startsWith("<blockquote expandable>[1] «Как сообщили")).toBe(true);
    assertTelegramHtml(html);
  });

  it("should lead with the verified model text in generative mode", () => {
    const html = answerHtml(answer({ short: undefined, mode: "generative", generated: "There were 31 companies [1]." }));
    expect(html.startsWith("There were 31 companies [1].\n<i>")).toBe(true); // the model's sentences: plain, not bold
  });

  it("should ignore a span outside the quote and not link javascript: urls", () => {
    const html = answerHtml(
      answer({ span: { n: 2, start: 5, end: 9999, kind: "count" }, citations: [cite(2, SHORT, { url: "javascript:alert(1)" })] }),
    );
    expect(html).not.toContain("<a ");
    expect(html.match(/<b>/g)).toHaveLength(1); // only the short answer
  });

  it("should word a refusal from its reason, escaped, naming the documents it covers", () => {
    const html = refusalHtml(toRefusal({ reason: "weak_evidence" }), TEST_DOCS, true);
    assertTelegramHtml(html);
    expect(html).toBe(
      "Sorry, I couldn't find the answer to that in my sources.\n" +
        "I can answer questions about: «Talks &lt;in&gt; Baku &amp; &quot;partners&quot;» (2026-02-10); «Summit notes» (2025-08-08).\n\n" +
        "<i>You can also ask:</i>",
    );
  });

  it("should list what the corpus covers under a refusal whose scope line cannot name every document", () => {
    const docs = Array.from({ length: 6 }, (_, i) => ({ ...TEST_DOCS[1]!, id: `d${i}`, title: `Doc ${i}.` }));
    const html = refusalHtml(toRefusal(), docs);
    assertTelegramHtml(html);
    expect(html).toContain(
      "«Doc 0» (2025-08-08); «Doc 1» (2025-08-08); «Doc 2» (2025-08-08); «Doc 3» (2025-08-08); «Doc 4» (2025-08-08) … (+1).",
    );
    expect(html).toContain("\n\nMy materials cover:\n• Doc 0, 8 August 2025\n");
    expect(html).not.toContain("You can also ask");
  });

  it("should show a paragraph with the quote in bold and its document", () => {
    const html = paragraphHtml("One. Two <b>. Three.", { start: 5, end: 13 }, TEST_DOCS[1]!, "ru");
    assertTelegramHtml(html);
    expect(html).toBe("One. <b>Two &lt;b&gt;.</b> Three.\n\n— Summit notes, 8 августа 2025 г.");
  });
});

describe("text, inline and rich renderings of the same structure", () => {
  it("should print the short answer, then each quote once, the document once", () => {
    const text = resultText(answer(), TEST_DOCS, { mark: (s) => `*${s}*` });
    expect(text.split("\n")[0]).toBe("31 companies");
    expect(text.match(/Как сообщили/g)).toHaveLength(1);
    expect(text).toContain("представители *31 компании*.»");
    expect(text.match(/Talks <in> Baku/g)).toHaveLength(1);
    expect(htmlToPlainText(answerHtml(answer())).match(/Как сообщили/g)).toHaveLength(1);
    expect(resultText(toRefusal({ lang: "ru", reason: "task" }), TEST_DOCS).split("\n")[0]).toBe(textsFor("ru").refusal.task);
  });

  it("should title inline results with the short answer and describe them with the marked span", () => {
    expect(inlineView(answer(), TEST_DOCS)).toEqual({ title: "31 companies", description: "31 компании" });
    const plain = inlineView(answer({ short: "", span: undefined }), TEST_DOCS);
    expect(plain.title).toMatch(/^Как сообщили/);
    expect(plain.description).not.toBe("");
    const refusal = inlineView(toRefusal(), TEST_DOCS);
    expect(refusal.title).toBe("The question is outside my materials");
    expect(refusal.description).toMatch(/^Sorry, my sources have nothing on that\. I can answer questions about: «Talks <in> Baku/);
  });

  it("should build a rich document: bold short answer with reference links, quotations with credits and marked text", () => {
    const rich = answerRich(answer());
    const blocks = rich.blocks!;
    expect(blocks[0]).toEqual({
      type: "paragraph",
      text: [
        { type: "bold", text: "31 companies" },
        " ",
        { type: "reference_link", text: "[1]", reference_name: "q1" },
        " ",
        { type: "reference_link", text: "[2]", reference_name: "q2" },
        " ",
        { type: "reference_link", text: "[3]", reference_name: "q3" },
      ],
    });
    const first = blocks[2] as { type: string; text: unknown[]; credit: unknown[] };
    expect(first.type).toBe("expandable_blockquote"); // holds the long quote
    expect(JSON.stringify(first.text)).toContain('{"type":"marked","text":"31 компании"}');
    expect(first.credit).toEqual([{ type: "url", text: "Talks <in> Baku", url: "https://example.org/a?x=1&y=2" }, ", 10 February 2026"]);
    expect(blocks[3]).toMatchObject({ type: "blockquote", credit: ["Summit notes", ", 8 August 2025"] });
  });

  it("should group quotes by document in first-appearance order and format dates per language", () => {
    const view = toAnswerView(answer());
    expect(view.sources.map((s) => [s.doc, s.quotes.map((q) => q.n)])).toEqual([
      ["delegation", [1, 2]],
      ["summit", [3]],
    ]);
    expect(formatDate("2026-02-10", "az")).toBe("10 fevral 2026");
    expect(formatDate("2026-02", "en")).toBe("2026-02");
  });

  it("should format a date the same way on every call and keep each language's own wording", () => {
    const first = (["ru", "en", "az"] as const).map((l) => formatDate("2026-02-10", l));
    const again = (["az", "en", "ru"] as const).map((l) => formatDate("2026-02-10", l)).reverse();
    expect(again).toEqual(first);
    expect(first).toEqual([expect.stringContaining("февраля 2026"), "10 February 2026", "10 fevral 2026"]);
    expect(formatDate("2025-08-08", "en")).toBe("8 August 2025");
    expect(formatDate(undefined, "en")).toBe("");
  });
});
