/**
 * The span reader: which words of a cited sentence answer the question. Every short stretch of
 * the sentence (up to TUNING.reader.maxTokens words, not across a clause boundary, not starting
 * or ending with a function word) is a candidate; each is described by a few general features
 * (its length, how far it stands from the words the question matched and on which side, whether
 * it is a name, a number or a piece of the kind of fact asked for, where its clause begins and
 * ends) and scored by a log-linear model over the candidates of the sentence (a conditional
 * logit, as the logistic-regression reader of Rajpurkar et al. 2016, without lexical features).
 * The weights (reader-weights.ts, written by `npm run eval -- --fit-reader`) are fitted on
 * XQuAD's odd-numbered questions and checked on the even ones (README, "The short answer").
 */
import { MONTH_IN_TEXT } from "./language/calendar.js";
import { looksLikeVerb } from "./language/packs.js";
import type { AnswerType } from "./lexicon.js";
import { isStopword } from "./lexicon.js";
import { READER_WEIGHTS } from "./reader-weights.js";
import type { Token } from "./text.js";
import { TUNING } from "./tuning.js";

/** A stretch of tokens, `from` to `to` inclusive. */
export interface Piece {
  from: number;
  to: number;
}

/** What the reader sees of one sentence and the question. */
export interface ReaderInput {
  toks: Token[];
  text: string;
  /** Whether token k is one of the question's own words (or their translations). */
  asked: (k: number) => boolean;
  /** Token positions matching the question. */
  at: number[];
  /** The kind of fact the question asks for. */
  type: AnswerType;
  /** What its question word asks for ("which", "why"…), or "none". */
  asks: string;
  /** Clauses of the sentence (between commas, dashes, brackets…). */
  clauses: Piece[];
  /** Pieces of the asked kind found by the typed finders (numbers, dates, names…). */
  typed: Piece[];
  /** The preposition before the question word ("в каком году" → "в"): the answer often follows the same one. */
  prep?: string;
  /** Token positions matching the word the question word governs ("какой театр" → "театр"). */
  head: number[];
  /** Token positions matching the word just before the question word ("диверсификация чего" → "диверсификацию"): the answer follows it. */
  owner?: number[];
}

export type Features = Map<string, number>;

const PREPOSITION = /^(в|во|на|с|со|из|по|к|ко|для|от|до|о|об|при|за|под|над|у|через|после|между|in|on|at|by|for|from|to|of|with)$/u;
/** Openers of a reason or purpose ("из-за…", "because…", "чтобы…"). */
const CAUSE = /^(из|потому|так|поскольку|благодаря|ради|чтобы|для|because|due|since|as|so|to|in order|səbəbindən|görə|üçün)$/u;

const LENGTH_BUCKETS = [1, 2, 3, 4, 6, Infinity];
const DISTANCE_BUCKETS = [0, 1, 2, 4, 8, Infinity];
const bucket = (n: number, edges: number[]) => edges.findIndex((e) => n <= e);

/** Candidate spans of a sentence. */
export function candidates(s: ReaderInput): Piece[] {
  const out: Piece[] = [];
  const max = TUNING.reader.maxTokens;
  for (const c of s.clauses) {
    for (let from = c.from; from <= c.to; from++) {
      if (edgeWord(s.toks[from]!)) continue;
      for (let to = from; to <= Math.min(c.to, from + max - 1); to++) {
        if (edgeWord(s.toks[to]!)) continue;
        if (!allAsked(s, from, to)) out.push({ from, to });
      }
    }
  }
  return out;
}

const edgeWord = (t: Token) => t.script !== "digit" && isStopword(t.lower);

function allAsked(s: ReaderInput, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (!s.asked(k)) return false;
  return true;
}

/** The features of one candidate. */
export function features(s: ReaderInput, p: Piece): Features {
  const f: Features = new Map();
  const len = p.to - p.from + 1;
  f.set(`len${bucket(len, LENGTH_BUCKETS)}`, 1);
  let askedInside = 0;
  for (let k = p.from; k <= p.to; k++) if (s.asked(k)) askedInside++;
  f.set("askedShare", askedInside / len);
  if (askedInside > 0 && (s.asked(p.from) || s.asked(p.to))) f.set("askedEdge", 1);
  positionFeatures(s, p, f);
  shapeFeatures(s, p, f);
  cueFeatures(s, p, f);
  // The kind of fact asked for, crossed with what the candidate looks like.
  const shape = [...f.keys()].filter((k) => k.startsWith("is:"));
  for (const k of shape) {
    f.set(`${s.type}×${k}`, 1);
    f.set(`${s.asks}×${k}`, 1);
  }
  f.set(`${s.type}×len${bucket(len, LENGTH_BUCKETS)}`, 1);
  f.set(`${s.asks}×len${bucket(len, LENGTH_BUCKETS)}`, 1);
  return f;
}

/** Where the candidate stands: distance to the question's words, side, clause edges. */
function positionFeatures(s: ReaderInput, p: Piece, f: Features): void {
  if (s.at.length === 0) f.set("noAnchor", 1);
  else {
    let best = Infinity;
    for (const a of s.at) best = Math.min(best, a < p.from ? p.from - a : a > p.to ? a - p.to : 0);
    f.set(`dist${bucket(best, DISTANCE_BUCKETS)}`, 1);
    f.set("anchorsLeft", s.at.filter((a) => a < p.from).length / s.at.length);
    f.set("anchorsRight", s.at.filter((a) => a > p.to).length / s.at.length);
  }
  if (s.asked(p.from - 1)) f.set("askedBefore", 1);
  if (s.asked(p.to + 1)) f.set("askedAfter", 1);
  if (p.to === s.toks.length - 1) f.set("sentenceEnd", 1);
  if (p.from === 0) f.set("sentenceStart", 1);
  const before = s.toks[p.from - 1];
  if (before && PREPOSITION.test(before.lower)) f.set("afterPreposition", 1);
  if (before && /[,(:—–]/.test(s.text.slice(before.end, s.toks[p.from]!.start))) f.set("afterPunct", 1);
  clauseFeatures(s, p, f);
  if (s.typed.some((t) => t.from === p.from && t.to === p.to)) f.set("typedExact", 1);
  else if (s.typed.some((t) => t.from >= p.from && t.to <= p.to)) f.set("typedInside", 1);
  else if (s.typed.some((t) => p.from >= t.from && p.to <= t.to)) f.set("typedPart", 1);
}

/** The candidate within its clause: at its start, its end, the whole of it; a clause the question does not touch. */
function clauseFeatures(s: ReaderInput, p: Piece, f: Features): void {
  const clause = s.clauses.find((c) => c.from <= p.from && c.to >= p.to);
  if (!clause) return;
  if (clause.from === p.from) f.set("clauseStart", 1);
  if (clause.to === p.to) f.set("clauseEnd", 1);
  if (clause.from === p.from && clause.to === p.to) f.set("wholeClause", 1);
  if (!s.at.some((a) => a >= clause.from && a <= clause.to)) f.set("clauseUnasked", 1);
}

/** Both forms of a Russian preposition ("в"/"во", "с"/"со", "о"/"об"). */
const samePreposition = (a: string, b: string) => a.replace(/^(в|с|к|о)(о|б|бо)$/u, "$1") === b.replace(/^(в|с|к|о)(о|б|бо)$/u, "$1");

/** Glue between two tokens that makes them one word ("Нью-Йорк", "X.25", "д'Артаньян"). */
const glued = (s: ReaderInput, a: number) => {
  const gap = s.toks[a + 1] ? s.text.slice(s.toks[a]!.end, s.toks[a + 1]!.start) : " ";
  return gap !== "" && !/[\s,;:()«»"“”]/u.test(gap);
};

/** What the question's own cues say: the preposition before its question word, the word it governs, cut words and names. */
function cueFeatures(s: ReaderInput, p: Piece, f: Features): void {
  const before = s.toks[p.from - 1];
  if (s.prep && before && samePreposition(before.lower, s.prep)) f.set("prepMatch", 1);
  if (s.head.includes(p.from)) f.set("headFirst", 1);
  if (s.head.includes(p.to)) f.set("headLast", 1);
  if (s.head.includes(p.to + 1)) f.set("headNext", 1);
  if (s.head.includes(p.from - 1)) f.set("headPrev", 1);
  ownerFeatures(s, p, f);
  if ((p.from > 0 && glued(s, p.from - 1)) || glued(s, p.to)) f.set("cutWord", 1);
  const first = s.toks[p.from]!;
  const last = s.toks[p.to]!;
  const after = s.toks[p.to + 1];
  const spaced = (a: number) => /^[^\S\n]+$/u.test(s.text.slice(s.toks[a]!.end, s.toks[a + 1]!.start));
  if (before && p.from > 1 && before.capitalized && first.capitalized && spaced(p.from - 1)) f.set("cutName", 1);
  if (after?.capitalized && last.capitalized && spaced(p.to)) f.set("cutName", 1);
}

/** What stands before the candidate: the word before the question word, or the question's own verb. */
function ownerFeatures(s: ReaderInput, p: Piece, f: Features): void {
  if (s.owner?.includes(p.from - 1)) f.set("ownerPrev", 1);
  if (s.owner?.includes(p.to)) f.set("ownerLast", 1);
  // "Какой документ … подписали?" — "…подписали [совместную декларацию]": what follows the question's own verb.
  const before = s.toks[p.from - 1];
  if (before && s.asked(p.from - 1) && looksLikeVerb(before.lower, before.script)) f.set(`${s.asks}×afterAskedVerb`, 1);
}

/** What the candidate looks like: numbers, names, months, quotes, verbs. */
function shapeFeatures(s: ReaderInput, p: Piece, f: Features): void {
  const toks = s.toks.slice(p.from, p.to + 1);
  if (toks.some((t) => t.script === "digit")) f.set("is:digit", 1);
  if (toks.some((t) => MONTH_IN_TEXT.test(t.lower))) f.set("is:month", 1);
  const caps = toks.filter((t, k) => t.capitalized && t.script !== "digit" && (p.from + k > 0 || toks.length > 1)).length;
  if (caps === toks.length) f.set("is:allCaps", 1);
  else if (caps > 0) f.set("is:someCaps", 1);
  else f.set("is:lower", 1);
  if (toks.some((t) => t.script === "latin")) f.set("is:latin", 1);
  const before = s.toks[p.from - 1];
  if (CAUSE.test(toks[0]!.lower) || (before && CAUSE.test(before.lower))) f.set("is:cause", 1);
  // A span starting with a verb form is a predicate, rarely an answer (the language packs' verb endings).
  if (looksLikeVerb(toks[0]!.lower, toks[0]!.script)) f.set("is:verbFirst", 1);
  const last = toks[toks.length - 1]!;
  if (toks.length > 1 && looksLikeVerb(last.lower, last.script)) f.set("is:verbLast", 1);
  const inner = s.text.slice(toks[0]!.start, toks[toks.length - 1]!.end);
  if (/[«"“]/.test(inner) || /[«"“]$/.test(s.text.slice(0, toks[0]!.start).trimEnd())) f.set("is:quoted", 1);
}

/** The candidate's score under the weights. */
export function score(f: Features, weights: Readonly<Record<string, number>>): number {
  let z = 0;
  for (const [k, v] of f) z += (weights[k] ?? 0) * v;
  return z;
}

/** The best candidate and how sure the reader is of it (its share of the softmax), or undefined. */
export function readSpan(
  s: ReaderInput,
  weights: Readonly<Record<string, number>> = READER_WEIGHTS,
): { piece: Piece; p: number } | undefined {
  const all = candidates(s);
  if (all.length === 0) return undefined;
  const z = all.map((c) => score(features(s, c), weights));
  const top = Math.max(...z);
  let sum = 0;
  for (const v of z) sum += Math.exp(v - top);
  const k = z.indexOf(top);
  return { piece: all[k]!, p: 1 / sum };
}
