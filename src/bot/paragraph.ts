// "Whole paragraph": the blank-line paragraph of a document body around a quote.
import type { CorpusDocument } from "../engine/types.js";

export interface ParagraphView {
  paragraph: string;
  /** The quote's offsets inside `paragraph`, when found. */
  quote?: { start: number; end: number };
}

/**
 * The paragraph holding body[start, end) (or `quote`, searched when the offsets do not match);
 * start < 0 means the headline: then the first paragraph of the body.
 */
export function findParagraph(doc: Pick<CorpusDocument, "body">, start: number, end: number, quote?: string): ParagraphView | undefined {
  const body = doc.body;
  let s = start;
  let e = end;
  if (s < 0) {
    const first = body.split(/\n[ \t]*\n/).find((p) => p.trim() !== "");
    return first ? { paragraph: first.trim() } : undefined;
  }
  if (quote !== undefined && body.slice(s, e) !== quote) {
    s = body.indexOf(quote);
    e = s + quote.length;
  }
  if (s < 0 || e > body.length || e <= s) return undefined;
  const before = body.slice(0, s).search(/\n[ \t]*\n(?![\s\S]*\n[ \t]*\n)/); // last blank line before
  const from = before < 0 ? 0 : before + body.slice(before).match(/^\n[ \t]*\n/)![0].length;
  const after = body.slice(e).search(/\n[ \t]*\n/);
  const to = after < 0 ? body.length : e + after;
  const raw = body.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const paragraph = raw.trim();
  return { paragraph, quote: { start: s - from - lead, end: e - from - lead } };
}
