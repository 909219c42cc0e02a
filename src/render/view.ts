// Engine results → a surface-neutral view: the lead line, the quotes grouped by document with the
// answer span marked, and the wording every surface shares. The renderers (text, Telegram HTML,
// inline, rich messages) only decide how each piece looks; none of them parses the engine's text.
import { displayTitle } from "../engine/corpus.js";
import type { AnswerResult, Citation, Lang } from "../engine/types.js";

/** Quotes longer than this (characters) are folded: `<blockquote expandable>` in Telegram. */
export const LONG_QUOTE = 300;

export interface QuoteView {
  n: number;
  quote: string;
  /** The answer span inside `quote` (character offsets), when the engine marked one here. */
  mark?: { start: number; end: number };
  long: boolean;
}

export interface SourceView {
  doc: string;
  /** The title without its closing period. */
  title: string;
  date?: string;
  /** Only http(s) addresses. */
  url?: string;
  quotes: QuoteView[];
}

export interface AnswerView {
  lang: Lang;
  /**
   * The first line: the direct answer in the reader's language (`short`), or in generative mode the
   * model's verified text. Undefined when there is neither: the first quote leads.
   */
  lead?: string;
  /** "short": a phrase shown in bold; "generated": the model's sentences, shown as plain text. */
  leadKind?: "short" | "generated";
  note?: string;
  sources: SourceView[];
  /** The marked part of the quote (the span), else undefined. */
  marked?: string;
}

/** `[before, marked, after]` of a quote; the middle part is empty when nothing is marked. */
export function splitQuote(q: QuoteView): [string, string, string] {
  if (!q.mark) return [q.quote, "", ""];
  return [q.quote.slice(0, q.mark.start), q.quote.slice(q.mark.start, q.mark.end), q.quote.slice(q.mark.end)];
}

function toMark(c: Citation, span: AnswerResult["span"]): QuoteView["mark"] {
  if (!span || span.n !== c.n) return undefined;
  const quote = c.quote;
  // Offsets are into the verbatim quote; reject anything outside it or empty after trimming.
  if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.end <= quote.length && span.end > span.start))
    return undefined;
  let { start, end } = span;
  while (start < end && /\s/.test(quote[start]!)) start++;
  while (end > start && /\s/.test(quote[end - 1]!)) end--;
  return end > start ? { start, end } : undefined;
}

export function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/\S+$/i.test(url) ? url : undefined;
}

export function toAnswerView(result: AnswerResult): AnswerView {
  const sources: SourceView[] = [];
  const byDoc = new Map<string, SourceView>();
  let marked: string | undefined;
  for (const c of [...result.citations].sort((a, b) => a.n - b.n)) {
    const quote = c.quote.trim() === c.quote ? c.quote : c.quote.trim();
    const mark = quote === c.quote ? toMark(c, result.span) : undefined;
    const view: QuoteView = { n: c.n, quote, long: quote.length > LONG_QUOTE, ...(mark ? { mark } : {}) };
    if (mark) marked = quote.slice(mark.start, mark.end);
    let source = byDoc.get(c.doc);
    if (!source) {
      const url = safeUrl(c.url);
      source = { doc: c.doc, title: displayTitle(c.title), quotes: [], ...(c.date ? { date: c.date } : {}), ...(url ? { url } : {}) };
      byDoc.set(c.doc, source);
      sources.push(source);
    }
    source.quotes.push(view);
  }
  const short = result.short?.trim();
  const generated = result.mode === "generative" ? result.body?.trim() : undefined;
  const lead = short || generated || undefined;
  return {
    lang: result.lang,
    sources,
    ...(lead ? { lead, leadKind: short ? ("short" as const) : ("generated" as const) } : {}),
    ...(result.languageNote?.trim() ? { note: result.languageNote.trim() } : {}),
    ...(marked ? { marked } : {}),
  };
}

const LOCALES: Record<Lang, string> = { ru: "ru-RU", en: "en-GB", az: "az-Latn-AZ" };

/** One formatter per language: building an Intl.DateTimeFormat costs far more than formatting with it. */
const formatters = new Map<Lang, Intl.DateTimeFormat | null>();
/** Formatted dates by language and date (a corpus has few dates; bounded all the same). */
const formatted = new Map<string, string>();
const FORMATTED_MAX = 1_000;

function formatterFor(lang: Lang): Intl.DateTimeFormat | null {
  let f = formatters.get(lang);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat(LOCALES[lang], { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    } catch {
      f = null; // an unknown language: dates stay as they are
    }
    formatters.set(lang, f);
  }
  return f;
}

/** "2026-02-10" → "10 February 2026" / "10 февраля 2026 г." / "10 fevral 2026"; anything else as it is. */
export function formatDate(date: string | undefined, lang: Lang): string {
  if (!date) return "";
  const key = `${lang}|${date}`;
  const known = formatted.get(key);
  if (known !== undefined) return known;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  let out = date;
  try {
    out = formatterFor(lang)?.format(d) ?? date;
  } catch {
    out = date;
  }
  if (formatted.size >= FORMATTED_MAX) formatted.clear();
  formatted.set(key, out);
  return out;
}
