/**
 * Units of citation: the headline and every sentence of the body, each with character
 * offsets into its source field, so a quote is always `field.slice(start, end)`.
 */
import { hash } from "node:crypto";
import type { CorpusDocument } from "./types.js";

/** Bumped whenever splitting (or what a sentence indexes: "%" as «процент», version 4) changes, so old indexes are rebuilt. */
export const CHUNKING_VERSION = 4;

export interface Sentence {
  /** Stable id: document id + hash of the text + occurrence number. */
  id: string;
  /** Position in the global sentence table. */
  index: number;
  doc: string;
  part: "title" | "body";
  /** 0 = headline, 1… = body paragraphs (blank-line separated). */
  paragraph: number;
  /** Order within the document (headline = 0). */
  position: number;
  start: number;
  end: number;
  text: string;
}

// Words after which a period does not end a sentence (lower-cased, without the dot).
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  "г",
  "гг",
  "т",
  "д",
  "п",
  "ул",
  "им",
  "др",
  "пр",
  "см",
  "стр",
  "млн",
  "млрд",
  "тыс",
  "руб",
  "долл",
  "ст",
  "рис",
  "табл",
  "e",
  "g",
  "i",
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "vs",
  "etc",
  "inc",
  "jr",
  "sr",
  "no",
  "approx",
  "prof",
  "gen",
  "col",
  // Months written short ("on Feb. 20", «с 5 янв. по…»); not "may", a whole word.
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "янв",
  "фев",
  "февр",
  "апр",
  "авг",
  "сент",
  "окт",
  "нояб",
  "дек",
]);

/** Splits a paragraph into sentence spans [start, end) relative to the paragraph. */
export function splitSentences(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const re = /[.!?…]+["»”')\]]*(?=\s+["«“([]?[\p{Lu}\p{N}])/gu;
  let from = 0;
  for (const m of text.matchAll(re)) {
    const endPunct = m.index + m[0].length;
    // The word before the mark, from the last 32 characters only: the end-anchored pattern tries
    // every start position, which on whole sentences cost most of a 50k-paragraph start. A word
    // cut at 32 letters is still no abbreviation and no initial, so the decision is the same.
    const before = text.slice(Math.max(from, m.index - 32), m.index);
    const lastWord = /([\p{L}]+)$/u.exec(before)?.[1] ?? "";
    if (m[0].startsWith(".") && m[0].length === 1) {
      if (ABBREVIATIONS.has(lastWord.toLowerCase())) continue;
      if (lastWord.length === 1 && lastWord === lastWord.toUpperCase()) continue; // an initial: "А. С. Пушкин"
    }
    pushTrimmed(text, from, endPunct, spans);
    from = endPunct;
  }
  pushTrimmed(text, from, text.length, spans);
  // A news dateline ("Губа, 14 мая. В Губинском районе…") dates the report, not the event: it stays
  // with the sentence it opens, never a quote of its own.
  if (spans.length > 1 && DATELINE.test(text.slice(spans[0]![0], spans[0]![1]))) spans.splice(0, 2, [spans[0]![0], spans[1]![1]]);
  return spans;
}

/** "Губа, 14 мая.", "Шеки, 18 мая 2026 г.", "Ленкорань, 14 сентября, Report.": a place, a day and a month, an agency. */
const DATELINE = /^\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)?, \d{1,2} \p{L}+(?: \d{4}(?: г)?)?(?:, \p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)?)?\.$/u;

function pushTrimmed(text: string, start: number, end: number, out: [number, number][]) {
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  if (end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end))) out.push([start, end]);
}

/** Cuts documents into citation units: headline first, then body sentences in order. */
export function toSentences(documents: readonly CorpusDocument[]): Sentence[] {
  const out: Sentence[] = [];
  for (const doc of documents) {
    const seen = new Map<string, number>();
    let position = 0;
    const add = (part: Sentence["part"], paragraph: number, start: number, end: number, field: string) => {
      const text = field.slice(start, end);
      const h = hash("sha1", text).slice(0, 12); // one-shot: a third of createHash's cost per sentence
      const k = seen.get(h) ?? 0;
      seen.set(h, k + 1);
      out.push({ id: `${doc.id}:${h}:${k}`, index: out.length, doc: doc.id, part, paragraph, position: position++, start, end, text });
    };
    add("title", 0, 0, doc.title.length, doc.title);
    let paragraph = 0;
    const body = doc.body;
    const re = /\n[ \t]*\n/g;
    let from = 0;
    const paragraphs: [number, number][] = [];
    for (const m of body.matchAll(re)) {
      paragraphs.push([from, m.index]);
      from = m.index + m[0].length;
    }
    paragraphs.push([from, body.length]);
    for (const [ps, pe] of paragraphs) {
      const para = body.slice(ps, pe);
      const spans = splitSentences(para);
      if (spans.length === 0) continue;
      paragraph++;
      for (const [s, e] of spans) add("body", paragraph, ps + s, ps + e, body);
    }
  }
  return out;
}
