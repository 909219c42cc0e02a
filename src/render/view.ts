// Engine results → a surface-neutral view: the lead line, the quotes grouped by document with the
// answer span marked, and the wording every surface shares (the language note, the refusal). The
// engine returns structure only; the renderers (text, Telegram HTML, inline, rich messages) decide
// how each piece looks.
import { displayTitle } from "../engine/corpus.js";
import type { AnswerResult, Citation, CorpusDocument, Lang, RefusalResult } from "../engine/types.js";
import { fill, textsFor } from "./i18n.js";

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
  const generated = result.mode === "generative" ? result.generated?.trim() : undefined;
  const lead = short || generated || undefined;
  const note = languageNote(result);
  return {
    lang: result.lang,
    sources,
    ...(lead ? { lead, leadKind: short ? ("short" as const) : ("generated" as const) } : {}),
    ...(note ? { note } : {}),
    ...(marked ? { marked } : {}),
  };
}

/** One line when the evidence is in another language than the reader's: "The source is in Russian; …". */
export function languageNote(result: Pick<AnswerResult, "lang" | "evidenceLangs">): string | undefined {
  const foreign = result.evidenceLangs.filter((l) => l !== result.lang);
  if (foreign.length === 0) return undefined;
  const ui = textsFor(result.lang);
  const names: Record<string, string> = ui.lang;
  return fill(ui.answer.note, { source: foreign.map((l) => names[l] ?? l).join(", ") });
}

/** How many documents the refusal names before "… (+n)". */
const SCOPE_TITLES = 5;

/**
 * A refusal in the reader's language: why (for "missing_fact", which kind of fact is missing, where
 * the locale has words for it), then one line on what the corpus covers (its first documents).
 */
export function refusalText(result: Pick<RefusalResult, "lang" | "reason" | "fact">, docs: readonly CorpusDocument[]): string {
  const ui = textsFor(result.lang);
  const fact = result.fact ?? "count";
  const facts: Record<string, string> = ui.fact;
  const first =
    result.reason === "missing_fact" && Object.hasOwn(facts, fact)
      ? fill(ui.refusal.missing_fact, { fact: facts[fact]! })
      : ui.refusal[result.reason === "missing_fact" ? "weak_evidence" : result.reason];
  const list = docs.slice(0, SCOPE_TITLES).map((d) => `«${displayTitle(d.title)}»${d.date ? ` (${d.date})` : ""}`);
  const more = docs.length > SCOPE_TITLES ? ` … (+${docs.length - SCOPE_TITLES})` : "";
  return `${first}\n${fill(ui.refusal.scope, { titles: list.join("; ") + more })}`;
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
