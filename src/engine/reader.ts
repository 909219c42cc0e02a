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
  /** The question word as written, lower case ("какую", "чем", "кто"): its ending tells the case of the answer. */
  qword?: string;
  /** On which side of the question word token k's word stands in the question (-1 before, 1 after, 0 neither or both). */
  side?: (k: number) => number;
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

/** Whether a stretch holds only the question's words — its own, or the noun its question word governs ("which city" → "city"). */
function allAsked(s: ReaderInput, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (!s.asked(k) && !s.head.includes(k)) return false;
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
  contextFeatures(s, p, f);
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
  typedFeatures(s, p, f);
}

/** The candidate against the typed finders' pieces: one of them, holding one, inside one, inside the nearest. */
function typedFeatures(s: ReaderInput, p: Piece, f: Features): void {
  const near = nearestTyped(s);
  if (near && p.from >= near.from && p.to <= near.to) f.set("typedNearest", 1);
  if (s.typed.some((t) => t.from === p.from && t.to === p.to)) f.set("typedExact", 1);
  else if (s.typed.some((t) => t.from >= p.from && t.to <= p.to)) f.set("typedInside", 1);
  else if (s.typed.some((t) => p.from >= t.from && p.to <= t.to)) f.set("typedPart", 1);
}

/** Distance from a piece to the nearest of the question's words in the sentence. */
function anchorDistance(s: ReaderInput, p: Piece): number {
  let best = Infinity;
  for (const a of s.at) best = Math.min(best, a < p.from ? p.from - a : a > p.to ? a - p.to : 0);
  return best;
}

const NEAREST = new WeakMap<ReaderInput, Piece | undefined>();

/** The typed piece nearest the question's words (the finders' own choice), if any; once per sentence. */
function nearestTyped(s: ReaderInput): Piece | undefined {
  if (NEAREST.has(s)) return NEAREST.get(s);
  let best: Piece | undefined;
  for (const t of s.typed) if (!best || anchorDistance(s, t) < anchorDistance(s, best)) best = t;
  NEAREST.set(s, best);
  return best;
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

/** Glue between two tokens that makes them one word ("Нью-Йорк", "X.25", "д'Артаньян", "6,5", "1 850"). */
const glued = (s: ReaderInput, a: number) => {
  const next = s.toks[a + 1];
  const gap = next ? s.text.slice(s.toks[a]!.end, next.start) : " ";
  // "6,5", "38,5 млн": a comma between digits is a decimal point; "1 850": a space before three digits groups thousands.
  const digits = s.toks[a]!.script === "digit" && next?.script === "digit";
  if (digits && (gap === "," || (/^[^\S\n]$/u.test(gap) && /^\d{3}$/.test(next!.text)))) return true;
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

/** The ending of a word (its last two letters; "#" for a number): in Russian, its case and part of speech. */
const ending = (t: Token) => (t.script === "digit" ? "#" : t.lower.slice(-2));

/** What stands right before or after the candidate: a punctuation mark, a function word as written, or some other word. */
function neighbour(s: ReaderInput, k: number, gapFrom: number, gapTo: number): string {
  const t = s.toks[k];
  if (!t) return "edge";
  const gap = s.text.slice(gapFrom, gapTo).trim();
  if (gap) return `punct${gap[0]}`;
  return isStopword(t.lower) ? t.lower : "word";
}

/**
 * The candidate's context as words: its endings crossed with the question word's form ("какую" asks
 * for an accusative), the function word or mark before and after it, and how many of the question's
 * words stand within three words on either side (Rajpurkar et al.'s lexical and window features, kept
 * to endings and function words so that a few hundred questions can fit them).
 */
function contextFeatures(s: ReaderInput, p: Piece, f: Features): void {
  const first = s.toks[p.from]!;
  const last = s.toks[p.to]!;
  const prev = neighbour(s, p.from - 1, s.toks[p.from - 1]?.end ?? 0, first.start);
  const next = neighbour(s, p.to + 1, last.end, s.toks[p.to + 1]?.start ?? last.end);
  f.set(`prev:${prev}`, 1);
  f.set(`next:${next}`, 1);
  f.set(`end1:${ending(first)}`, 1);
  f.set(`end2:${ending(last)}`, 1);
  // "Какую роль…" — the question word's form against the candidate's last ending (its case).
  if (s.qword) f.set(`${s.qword}×end2:${ending(last)}`, 1);
  // The ending of the content word on either side: the word that governs the candidate, or what it governs.
  if (prev === "word") f.set(`prevEnd:${ending(s.toks[p.from - 1]!)}`, 1);
  if (next === "word") f.set(`nextEnd:${ending(s.toks[p.to + 1]!)}`, 1);
  let left = 0;
  let right = 0;
  for (let k = 1; k <= 3; k++) {
    if (s.asked(p.from - k)) left++;
    if (s.asked(p.to + k)) right++;
  }
  f.set("askedLeft3", left);
  f.set("askedRight3", right);
  orderFeatures(s, p, f);
}

/**
 * Word order: the question's words that follow its question word ("Что финансировали Лейн и Вейл?")
 * tend to follow the answer in the sentence too, those before it to precede it. The share of the
 * sentence's matched words on the side the question puts them, and on the other side.
 */
function orderFeatures(s: ReaderInput, p: Piece, f: Features): void {
  if (!s.side || s.at.length === 0) return;
  let agree = 0;
  let disagree = 0;
  for (const a of s.at) {
    const side = s.side(a);
    const where = a < p.from ? -1 : a > p.to ? 1 : 0;
    if (side === 0 || where === 0) continue;
    if (side === where) agree++;
    else disagree++;
  }
  f.set("orderAgree", agree / s.at.length);
  f.set("orderDisagree", disagree / s.at.length);
  const clause = s.clauses.find((c) => c.from <= p.from && c.to >= p.to);
  if (clause) f.set("clauseAskedShare", s.at.filter((a) => a >= clause.from && a <= clause.to).length / s.at.length);
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
