// Telegram HTML parse mode: the direct answer first, then the numbered quotes with the answer span in
// <b>, long quotes folded in <blockquote expandable>, and each document named once after its quotes.
// Every dynamic piece is escaped here.

import { escapeHtml } from "../bot/html.js";
import type { AnswerResult, CorpusDocument, RefusalResult } from "../engine/types.js";
import { textsFor } from "./i18n.js";
import { type AnswerView, formatDate, type QuoteView, refusalText, type SourceView, splitQuote, toAnswerView } from "./view.js";

function linked(title: string, url: string | undefined): string {
  return url ? `<a href="${escapeHtml(url)}">${escapeHtml(title)}</a>` : escapeHtml(title);
}

/** `«before<b>span</b>after»` */
export function quoteHtml(q: QuoteView): string {
  const [before, mark, after] = splitQuote(q);
  return `«${escapeHtml(before)}${mark ? `<b>${escapeHtml(mark)}</b>` : ""}${escapeHtml(after)}»`;
}

/** `— Title (linked), 10 February 2026` */
export function creditHtml(source: Pick<SourceView, "title" | "url" | "date">, lang: AnswerResult["lang"]): string {
  const date = formatDate(source.date, lang);
  return `— ${linked(source.title, source.url)}${date ? `, ${escapeHtml(date)}` : ""}`;
}

function sourceHtml(source: SourceView, lang: AnswerResult["lang"]): string {
  const lines = source.quotes.map((q) =>
    q.long ? `<blockquote expandable>[${q.n}] ${quoteHtml(q)}</blockquote>` : `[${q.n}] ${quoteHtml(q)}`,
  );
  return `${lines.join("\n")}\n${creditHtml(source, lang)}`;
}

/** The whole answer as one HTML string (may exceed one message: split with `splitHtml`); `view`: its view, when already made. */
export function answerHtml(result: AnswerResult, view: AnswerView = toAnswerView(result)): string {
  const head: string[] = [];
  if (view.lead) head.push(view.leadKind === "short" ? `<b>${escapeHtml(view.lead)}</b>` : escapeHtml(view.lead));
  if (view.note) head.push(`<i>${escapeHtml(view.note)}</i>`);
  const blocks = [head.join("\n"), ...view.sources.map((s) => sourceHtml(s, result.lang))].filter((b) => b !== "");
  return blocks.join("\n\n");
}

/**
 * A refusal: its polite text (the reason and the scope line), then what the corpus covers (document
 * titles) unless the text already names them; related questions follow as buttons under the message.
 */
export function refusalHtml(result: RefusalResult, docs: readonly CorpusDocument[], withRelated = false): string {
  const ui = textsFor(result.lang);
  const text = refusalText(result, docs).trim();
  const parts = [escapeHtml(text)];
  const titles = docs.map((d) => ({ title: d.title.trim().replace(/(?<![.])\.$/, ""), url: d.url, date: d.date }));
  const named = titles.length > 0 && titles.every((t) => text.includes(t.title));
  if (!named && titles.length > 0)
    parts.push(
      `${escapeHtml(ui.coversTitle)}\n` +
        titles
          .slice(0, 5)
          .map(
            (t) =>
              `• ${linked(t.title, t.url && /^https?:\/\//i.test(t.url) ? t.url : undefined)}${t.date ? `, ${escapeHtml(formatDate(t.date, result.lang))}` : ""}`,
          )
          .join("\n"),
    );
  if (withRelated) parts.push(`<i>${escapeHtml(ui.relatedTitle)}</i>`);
  return parts.join("\n\n");
}

/** The paragraph around a quote, the quote in <b>, and its document. */
export function paragraphHtml(
  paragraph: string,
  quote: { start: number; end: number } | undefined,
  doc: CorpusDocument,
  lang: AnswerResult["lang"],
): string {
  const body = quote
    ? `${escapeHtml(paragraph.slice(0, quote.start))}<b>${escapeHtml(paragraph.slice(quote.start, quote.end))}</b>${escapeHtml(paragraph.slice(quote.end))}`
    : escapeHtml(paragraph);
  const url = doc.url && /^https?:\/\//i.test(doc.url) ? doc.url : undefined;
  return `${body}\n\n${creditHtml({ title: doc.title.trim().replace(/(?<![.])\.$/, ""), url, date: doc.date }, lang)}`;
}
