/**
 * The verifier's planted-error and injection set (eval/verifier.jsonl): model replies that must be
 * rejected and honest replies that must be shown, each with the verbatim passages it was given.
 */
import { readFileSync } from "node:fs";
import { type Passage, type VerifyOptions, verifyGeneration } from "./verify.js";

export interface VerifierCase {
  id: string;
  lang: "ru" | "en" | "az";
  question: string;
  /** Verbatim corpus sentences, cited as [1], [2], … in this order. */
  passages: string[];
  reply: string;
  expected: "reject" | "accept";
  note: string;
}

export interface VerifierSetResult {
  rejects: number;
  honest: number;
  caught: number;
  shown: number;
  /** Cases that went the wrong way, with the verifier's reasons for rejected honest ones. */
  misses: { id: string; expected: VerifierCase["expected"]; reply: string; reasons: string[] }[];
}

export function loadVerifierSet(file = "eval/verifier.jsonl"): VerifierCase[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as VerifierCase);
}

/** Passages as the answerer gives them: numbered from 1, with the document's title and date. */
export function casePassages(c: VerifierCase, doc: { id: string; title: string; date?: string }): Passage[] {
  return c.passages.map((quote, i) => ({ n: i + 1, quote, doc: doc.id, title: doc.title, date: doc.date }));
}

export function runVerifierSet(
  cases: readonly VerifierCase[],
  doc: { id: string; title: string; date?: string },
  options: VerifyOptions = {},
): VerifierSetResult {
  const out: VerifierSetResult = { rejects: 0, honest: 0, caught: 0, shown: 0, misses: [] };
  for (const c of cases) {
    const r = verifyGeneration(c.reply, casePassages(c, doc), { ...options, lang: c.lang });
    if (c.expected === "reject") {
      out.rejects++;
      if (!r.ok) out.caught++;
      else out.misses.push({ id: c.id, expected: c.expected, reply: c.reply, reasons: [] });
    } else {
      out.honest++;
      if (r.ok) out.shown++;
      else out.misses.push({ id: c.id, expected: c.expected, reply: c.reply, reasons: r.reasons });
    }
  }
  return out;
}

/** The one-line summary: `verifier: caught=0.xx honest_shown=0.xx rejects=N honest=N`. */
export function formatVerifierLine(r: VerifierSetResult): string {
  const rate = (a: number, b: number) => (b === 0 ? 0 : a / b).toFixed(2);
  return `verifier: caught=${rate(r.caught, r.rejects)} honest_shown=${rate(r.shown, r.honest)} rejects=${r.rejects} honest=${r.honest}`;
}
