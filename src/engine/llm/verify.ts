/**
 * Checks a generated answer against the passages the model was given, before anyone sees it.
 * The verifier is the real guard against invented facts and prompt injection: it accepts only text
 * in which every sentence cites given passages and says only what those passages say — every
 * content word supported (see support.ts), every number with its unit, month and name found, every
 * quotation verbatim, no link, mention, command, markup, negation or rule talk of its own. It errs
 * on the side of rejecting (the caller then falls back to the extractive answer).
 */

import { MONTH_WORDS } from "../language/calendar.js";
import { ARTICLE_LIKE, NUMERALS } from "../language/numerals.js";
import { ABBREVIATIONS as CORPUS_ABBREVIATIONS } from "../sentences.js";
import { CYRILLIC_LATIN } from "../text.js";
import { checkSupport, type PassageSupport, passageSupport, prepareGlossary, type TranslateFn } from "./support.js";

export type { TranslateFn } from "./support.js";

/** One retrieved passage as shown to the model: `[n] «quote» (title, date)`. */
export interface Passage {
  /** 1-based number the model cites as [n]. */
  n: number;
  /** Verbatim corpus text. */
  quote: string;
  /** Document id. */
  doc: string;
  title: string;
  date?: string;
}

export type VerifyResult = { ok: true; used: number[] } | { ok: false; reasons: string[] };

export interface VerifyOptions {
  /**
   * Groups of equivalent terms across languages (e.g. the corpus glossary:
   * `["Foreign Minister", "министр иностранных дел", "xarici işlər naziri"]`). A word of the answer
   * is supported when the sentence uses a term of a group (all its words) one of whose terms occurs
   * in a cited passage.
   */
  equivalents?: readonly (readonly string[])[];
  /** Longest acceptable answer, in characters (default 3000). */
  maxChars?: number;
  /** Language the answer is written in (ru, en, az); guessed from the script when absent. */
  lang?: string;
  /**
   * Cross-language lexicon: corpus-language words that translate an answer word (see
   * {@link TranslateFn}). Tried after the stem, the transliteration and the glossary.
   */
  translate?: TranslateFn;
}

const CITATION = /\[(\d+(?:\s*[,;]\s*\d+)*)\]/g;
const CITATIONS_ONLY = /^(?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])+/;

/** What checking one answer needs: the passages by number, their facts and support (computed once each), the glossary. */
interface VerifyContext {
  byN: Map<number, Passage>;
  factsOf: (n: number) => PassageFacts;
  supportOf: (n: number) => PassageSupport;
  groups: string[][][][];
  glossary: ReturnType<typeof prepareGlossary>;
  options: VerifyOptions;
  reasons: string[];
  used: Set<number>;
  phantoms: Set<number>;
}

/** A function of a passage number, computed once per number. */
function perPassage<T>(f: (n: number) => T): (n: number) => T {
  const cache = new Map<number, T>();
  return (n) => {
    let v = cache.get(n);
    if (!v) {
      v = f(n);
      cache.set(n, v);
    }
    return v;
  };
}

function verifyContext(passages: Passage[], options: VerifyOptions, reasons: string[]): VerifyContext {
  const byN = new Map(passages.map((p) => [p.n, p]));
  const glossary = prepareGlossary(options.equivalents);
  return {
    byN,
    factsOf: perPassage((n) => {
      const p = byN.get(n);
      return extractFacts(p ? [p.title, p.quote, p.date ?? ""].join(" \n ") : "");
    }),
    supportOf: perPassage((n) => {
      const p = byN.get(n);
      return passageSupport(p ? `${p.title} \n ${p.quote}` : "", p?.date, glossary);
    }),
    groups: (options.equivalents ?? []).map((g) => g.map((term) => words(term).map(nameKeys))),
    glossary,
    options,
    reasons,
    used: new Set<number>(),
    phantoms: new Set<number>(),
  };
}

/** The given passages a sentence cites; numbers of passages not given are phantoms. */
function citedIn(ctx: VerifyContext, sentence: string): number[] {
  const cited: number[] = [];
  for (const m of sentence.matchAll(CITATION)) {
    for (const part of (m[1] ?? "").split(/[,;]/)) {
      const n = Number(part.trim());
      if (ctx.byN.has(n)) cited.push(n);
      else ctx.phantoms.add(n);
    }
  }
  return cited;
}

/** Numbers (digits and words) and months of a sentence that its cited passages do not hold. */
function numberReasons(body: string, pool: PassageFacts[], out: (what: string) => void): void {
  for (const num of numbersIn(body)) {
    if (!pool.some((f) => numberGrounded(num, f))) out(`number ${num.raw}`);
  }
  for (const nw of numberWordsIn(body)) {
    const ok = pool.some((f) => (nw.scale ? f.scales.has(nw.value) || f.maxNumber >= nw.value : f.numbers.has(String(nw.value))));
    if (!ok) out(`number "${nw.raw}"`);
  }
  for (const mo of monthsIn(body)) {
    if (!pool.some((f) => f.months.has(mo.month))) out(`month "${mo.raw}"`);
  }
}

/** Whether a capitalised name is in the cited passages: as written, transliterated, a built-in or glossary equivalent, or a generic title word. */
function nameGrounded(ctx: VerifyContext, name: string, pool: PassageFacts[]): boolean {
  if (pool.some((f) => f.acronyms.has(name.toUpperCase()) || hasName(f, nameKeys(name)))) return true;
  if (builtinEquivalent(name, pool)) return true;
  if (GENERIC_TITLE_WORDS.has(name.toLowerCase())) return true;
  return glossaryEquivalent(name, ctx.groups, pool);
}

/** Checks one sentence (the `i`-th): its citations, numbers, months, names and what it says. */
function verifySentence(ctx: VerifyContext, sentence: string, i: number): void {
  const { reasons } = ctx;
  const label = `sentence ${i + 1} «${clip(sentence)}»`;
  const cited = citedIn(ctx, sentence);
  if (cited.length === 0) {
    reasons.push(`${label} cites no given passage`);
    return;
  }
  for (const n of cited) ctx.used.add(n);
  const body = sentence.replace(CITATION, " ");
  const pool = cited.map(ctx.factsOf);
  const where = cited.map((n) => `[${n}]`).join("");
  numberReasons(body, pool, (what) => reasons.push(`${label}: ${what} is not in the cited passages ${where}`));
  for (const name of namesIn(body)) {
    if (!nameGrounded(ctx, name, pool)) reasons.push(`${label}: name "${name}" is not in the cited passages ${where}`);
  }
  const { lang, translate } = ctx.options;
  for (const problem of checkSupport(body, cited.map(ctx.supportOf), ctx.glossary, { lang, translate }))
    reasons.push(`${label}: ${problem} ${where}`);
}

/**
 * Verifies a generated answer (the refusal token is the caller's business).
 * - every [n] names a given passage; every sentence carries at least one [n];
 * - every number (any script's digits), month and capitalised name in a sentence occurs in the
 *   passages that sentence cites (title and date included); names may be transliterated
 *   Latin ↔ Cyrillic (Bayramov ↔ Байрамова) and inflected;
 * - what the sentence says is supported by those passages ({@link checkSupport}): content words,
 *   quantities with units, quotations, links/mentions/commands/markup, negation, rule talk.
 * @returns `{ ok: true, used }` with the cited passage numbers in order, or every reason it failed.
 */
export function verifyGeneration(text: string, passages: Passage[], options: VerifyOptions = {}): VerifyResult {
  const reasons: string[] = [];
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, reasons: ["empty answer"] };
  const maxChars = options.maxChars ?? 3000;
  if (trimmed.length > maxChars) reasons.push(`answer too long (${trimmed.length} > ${maxChars} characters)`);
  const ctx = verifyContext(passages, options, reasons);
  const sentences = splitSentences(trimmed);
  for (const [i, sentence] of sentences.entries()) verifySentence(ctx, sentence, i);
  for (const n of [...ctx.phantoms].sort((a, b) => a - b))
    reasons.unshift(`phantom citation [${n}] (passages given: ${passages.map((p) => p.n).join(", ") || "none"})`);
  if (sentences.length === 0) reasons.push("answer has no sentences");
  return reasons.length ? { ok: false, reasons } : { ok: true, used: [...ctx.used].sort((a, b) => a - b) };
}

/**
 * For streaming: the complete sentences at the start of a growing model text that pass
 * verification, joined by spaces ("" when none). A sentence counts as complete only once the next
 * one has begun (so citations written after its full stop are attached), and the prefix stops at
 * the first sentence that fails — so a draft built from it never shows unverified text.
 */
export function verifiedPrefix(text: string, passages: Passage[], options: VerifyOptions = {}): string {
  const complete = completeSentences(text);
  let ok = 0;
  for (const sentence of complete) {
    if (!verifyGeneration(sentence, passages, options).ok) break;
    ok++;
  }
  return complete.slice(0, ok).join(" ");
}

/**
 * The sentences of a growing text that can no longer change: all but the last piece, and not the
 * one before it while the last piece has no letter yet (its [n] may still be arriving).
 */
export function completeSentences(text: string): string[] {
  const sentences = splitSentences(text);
  const last = sentences[sentences.length - 1] ?? "";
  const complete = sentences.slice(0, -1);
  return /\p{L}/u.test(last.replace(/\[[\d,;\s]*\]?/g, "")) ? complete : complete.slice(0, -1);
}

function clip(s: string): string {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

// ---------- sentences ----------

/** The corpus splitter's abbreviations (months written short among them), and those model answers add ("e.g.", "U.S."). */
const ABBREVIATIONS: ReadonlySet<string> = new Set([...CORPUS_ABBREVIATIONS, "е", "проф", "ltd", "u.s", "e.g", "i.e", "gov"]);

/**
 * Splits into sentences at . ! ? … followed by space, and at line breaks. Citation marks written
 * after the full stop ("… Baku. [1]") stay with the sentence before. Initials and common
 * abbreviations do not end a sentence.
 */
export function splitSentences(text: string): string[] {
  const pieces: string[] = [];
  for (const line of text.split(/\n+/)) {
    let start = 0;
    const re = /[.!?…]+["»”')]*(?=\s+)/g;
    for (const m of line.matchAll(re)) {
      const end = (m.index ?? 0) + m[0].length;
      const before = line.slice(start, m.index ?? 0);
      const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1] ?? "";
      if (m[0].startsWith(".") && (/^\p{Lu}$/u.test(lastWord) || ABBREVIATIONS.has(lastWord.toLowerCase()))) continue;
      pieces.push(line.slice(start, end));
      start = end;
    }
    pieces.push(line.slice(start));
  }
  const out: string[] = [];
  for (let piece of pieces) {
    const lead = CITATIONS_ONLY.exec(piece);
    if (lead && out.length > 0) {
      out[out.length - 1] += lead[0];
      piece = piece.slice(lead[0].length);
    }
    // Bullets, dashes and stray punctuation are not sentences.
    if (/[\p{L}\p{N}]/u.test(piece.replace(CITATION, ""))) out.push(piece.trim());
  }
  return out;
}

// ---------- facts of a passage ----------

interface PassageFacts {
  /** Normalised numbers: every digit run without leading zeros, and grouped numbers collapsed. */
  numbers: Set<string>;
  maxNumber: number;
  /** Scale words present (1e3, 1e6, 1e9, 1e12). */
  scales: Set<number>;
  months: Set<number>;
  /** Name keys (see nameKeys) of every word, for inflection-tolerant prefix matching. */
  keys: string[];
  acronyms: Set<string>;
}

function extractFacts(text: string): PassageFacts {
  const t = normaliseDigits(text);
  const numbers = new Set<string>();
  let maxNumber = 0;
  for (const m of t.matchAll(/\d+/g)) {
    const v = stripZeros(m[0]);
    numbers.add(v);
    maxNumber = Math.max(maxNumber, Number(v));
  }
  for (const m of t.matchAll(/\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?!\d)/g)) {
    const v = stripZeros(m[0].replace(/\D/g, ""));
    numbers.add(v);
    maxNumber = Math.max(maxNumber, Number(v));
  }
  for (const m of t.matchAll(/\d+[.,]\d+/g)) numbers.add(m[0].replace(",", "."));
  const scales = new Set<number>();
  for (const nw of numberWordsIn(t)) {
    if (nw.scale) scales.add(nw.value);
    else numbers.add(String(nw.value));
  }
  const months = new Set<number>();
  for (const mo of monthsIn(t, true)) months.add(mo.month);
  // ISO (2026-02-10) and dotted (10.02.2026) dates give their month.
  for (const m of t.matchAll(/\b\d{4}-(\d{2})-\d{2}\b/g)) months.add(Number(m[1]));
  for (const m of t.matchAll(/\b\d{1,2}\.(\d{1,2})\.\d{4}\b/g)) months.add(Number(m[1]));
  const ws = words(t);
  return {
    numbers,
    maxNumber,
    scales,
    months,
    keys: ws.flatMap(nameKeys),
    acronyms: new Set(ws.filter((w) => /^\p{Lu}{2,}$/u.test(w))),
  };
}

function stripZeros(s: string): string {
  return s.replace(/^0+(?=\d)/, "");
}

const DIGIT_ZEROS = [0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0e50, 0xff10];

/** Maps any script's decimal digits (Arabic-Indic, Devanagari, full-width …) to ASCII. */
export function normaliseDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (d) => {
    const cp = d.codePointAt(0) ?? 0;
    if (cp >= 0x30 && cp <= 0x39) return d;
    const zero = DIGIT_ZEROS.find((z) => cp >= z && cp <= z + 9);
    return zero === undefined ? d : String(cp - zero);
  });
}

// ---------- numbers in the answer ----------

interface NumberToken {
  raw: string;
  /** Normalised forms any of which, found in a passage, grounds the number. */
  alternatives: string[];
  /** For multi-part numbers (10.02.2026, "8, 2025"): grounded too when every part is. */
  runs?: string[];
}

function numbersIn(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of normaliseDigits(text).matchAll(/\d+(?:[.,\u00a0\u202f]\d+)*/g)) {
    const raw = m[0];
    const parts = raw.split(/[.,\u00a0\u202f]/);
    const runs = parts.map(stripZeros);
    if (runs.length === 1) {
      out.push({ raw, alternatives: runs });
      continue;
    }
    const alternatives = [stripZeros(raw.replace(/\D/g, ""))];
    if (parts.length === 2) alternatives.push(`${runs[0]}.${parts[1]}`);
    out.push({ raw, alternatives, runs });
  }
  return out;
}

function numberGrounded(num: NumberToken, f: PassageFacts): boolean {
  return num.alternatives.some((a) => f.numbers.has(a)) || (num.runs?.every((r) => f.numbers.has(r)) ?? false);
}

/** Cardinal number words; "one"/"один"/"bir" are left out: they double as articles/pronouns. */
const NUMBER_WORDS: Readonly<Record<string, number>> = Object.fromEntries(Object.entries(NUMERALS).filter(([w]) => !ARTICLE_LIKE.has(w)));
const SCALE_WORDS: [RegExp, number][] = [
  [/^(thousands?|тысяч\p{L}*|min)$/u, 1e3],
  [/^(millions?|миллион\p{L}*|milyon\p{L}*)$/u, 1e6],
  [/^(billions?|миллиард\p{L}*|milyard\p{L}*)$/u, 1e9],
  [/^(trillions?|триллион\p{L}*|trilyon\p{L}*)$/u, 1e12],
];

interface NumberWord {
  raw: string;
  value: number;
  scale: boolean;
}

function numberWordsIn(text: string): NumberWord[] {
  const out: NumberWord[] = [];
  for (const raw of words(text)) {
    const w = raw.toLowerCase();
    const scale = SCALE_WORDS.find(([re]) => re.test(w) && !(w === "min" && raw !== "min"));
    if (scale && w !== "min") {
      out.push({ raw, value: scale[1], scale: true });
      continue;
    }
    // English compounds: thirty-one.
    const parts = w.split("-");
    const values = parts.map((p) => NUMBER_WORDS[p] ?? (p === "one" ? 1 : undefined));
    if (values.every((v) => v !== undefined) && values.some((v) => v !== 1)) {
      const value = values.reduce<number>((a, v) => a + (v ?? 0), 0);
      out.push({ raw, value, scale: false });
    }
  }
  return out;
}

// ---------- months ----------

const MONTHS = MONTH_WORDS;
// English words that are months only when capitalised or next to a number.
const AMBIGUOUS_MONTHS = new Set(["may", "march", "mar", "jan", "dec", "sept", "sep", "oct", "nov", "jun", "jul", "aug", "apr", "feb"]);

function monthsIn(text: string, lenient = false): { raw: string; month: number }[] {
  const out: { raw: string; month: number }[] = [];
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const raw = m[0];
    const w = raw.toLowerCase();
    const hit = MONTHS.find(([re]) => re.test(w));
    if (!hit) continue;
    if (AMBIGUOUS_MONTHS.has(w) && !lenient) {
      const i = m.index ?? 0;
      const near = text.slice(Math.max(0, i - 4), i + raw.length + 4);
      const capitalisedMidSentence = /^\p{Lu}/u.test(raw) && !/(^|[.!?…]\s*)$/u.test(`${text.slice(0, i).trimEnd()} `);
      if (!/\d/.test(near) && !capitalisedMidSentence) continue;
    }
    out.push({ raw, month: hit[1] });
  }
  return out;
}

// ---------- names ----------

/** Words: letters with inner hyphens/apostrophes/dots of acronyms ("U.S."), possessive 's dropped. */
function words(text: string): string[] {
  return [...text.matchAll(/\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*/gu)].map((m) => m[0].replace(/['’]s$/u, ""));
}

/**
 * Capitalised words that are not the first word of the sentence, and all-caps acronyms anywhere.
 * Month names are checked separately.
 */
function namesIn(sentence: string): string[] {
  const out: string[] = [];
  const re = /\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*/gu;
  let first = true;
  for (const m of sentence.matchAll(re)) {
    const w = m[0].replace(/['’]s$/u, "");
    const isFirst = first;
    first = false;
    if (!/^\p{Lu}/u.test(w)) continue;
    const acronym = /^\p{Lu}{2,}$/u.test(w);
    if (isFirst && !acronym) continue;
    // After a colon or an opening quote a capital letter starts a new phrase, not a name.
    const before = sentence.slice(0, m.index ?? 0).trimEnd();
    if (!acronym && /[:«“"(—–-]$/u.test(before)) continue;
    if (MONTHS.some(([re2]) => re2.test(w.toLowerCase()))) continue;
    out.push(w);
  }
  return out;
}

/** The shared table, with "щ" in full, Ukrainian letters and Azerbaijani Cyrillic as the verifier reads them. */
const CYRILLIC: Record<string, string> = {
  ...CYRILLIC_LATIN,
  щ: "shch",
  є: "ye",
  і: "i",
  ї: "yi",
  ґ: "g",
  ә: "e",
  ј: "y",
  ө: "o",
  ү: "u",
  ҝ: "g",
  ҳ: "h",
};

/**
 * Phonetic skeletons of a word, script-neutral: Cyrillic is romanised, Azerbaijani letters mapped,
 * similar sounds merged (g/k/q/h/x/kh; j/zh/dzh/c; v/w), vowels dropped after the first letter.
 * Latin words give two readings where letters differ by language (Azerbaijani c = dzh, x = kh).
 * "Bayramov", "Байрамова", "Bayramovun" all start with the skeleton "brmv".
 */
export function nameKeys(word: string): string[] {
  let keys = nameKeyMemo.get(word);
  if (!keys) {
    if (nameKeyMemo.size >= 50_000) nameKeyMemo.clear();
    nameKeyMemo.set(word, (keys = computeNameKeys(word)));
  }
  return keys;
}

// Every verification (and, while streaming, every sentence) computes the keys of the same words.
const nameKeyMemo = new Map<string, string[]>();

function computeNameKeys(word: string): string[] {
  let w = word.toLowerCase().replace(/ı/g, "i").replace(/ə/g, "e");
  w = [...w].map((ch) => CYRILLIC[ch] ?? ch).join("");
  w = w.replace(/ş/g, "sh").replace(/ç/g, "ch").replace(/ğ/g, "gh").normalize("NFKD").replace(/\p{M}/gu, "");
  w = w.replace(/[^a-z]/g, "");
  if (!w) return [];
  const readings = new Set([w]);
  if (/[cx]/.test(w)) readings.add(w.replace(/c(?!h)/g, "j").replace(/x/g, "kh")); // Azerbaijani Latin
  return [...readings].map(skeleton);
}

function skeleton(w: string): string {
  let s = w
    .replace(/shch|sch/g, "S")
    .replace(/dzh|dj|zh|j/g, "J")
    .replace(/tch|ch/g, "C")
    .replace(/sh/g, "S")
    .replace(/ph/g, "f")
    .replace(/th/g, "t")
    .replace(/kh|gh|ck|[gkqhx]/g, "K")
    .replace(/w/g, "v")
    .replace(/c/g, "K");
  const first = /^[aeiouy]/.test(s) ? "V" : "";
  s = s.replace(/[aeiouy]/g, "").replace(/(.)\1+/g, "$1");
  return first + s;
}

function keysMatch(a: string, p: string): boolean {
  if (a === p) return true;
  const consonants = (s: string) => s.replace(/^V/, "").length;
  // Inflection adds a few letters (Байрамов-ым, Вашингтон-ского); the stem must be substantial.
  if (p.startsWith(a)) return consonants(a) >= 2 && p.length - a.length <= 3;
  if (a.startsWith(p)) return consonants(p) >= 2 && a.length - p.length <= 2;
  return false;
}

function hasName(f: PassageFacts, keys: string[]): boolean {
  return keys.some((a) => f.keys.some((p) => keysMatch(a, p)));
}

function termInPassage(termWords: string[][], f: PassageFacts): boolean {
  return termWords.length > 0 && termWords.every((k) => hasName(f, k) || k.length === 0);
}

function glossaryEquivalent(name: string, groups: string[][][][], pool: PassageFacts[]): boolean {
  const keys = nameKeys(name);
  return groups.some(
    (group) =>
      group.some((term) => term.some((wk) => wk.some((k) => keys.some((a) => keysMatch(a, k))))) &&
      group.some((term) => pool.some((f) => termInPassage(term, f))),
  );
}

// Very common cross-language equivalents that no transliteration reaches.
const BUILTIN_EQUIVALENTS: string[][] = [
  ["US", "USA", "U.S", "American", "America", "Americans", "США", "Америка", "американский", "ABŞ", "Amerika"],
  ["Russia", "Russian", "Россия", "российский", "Rusiya", "РФ"],
  ["EU", "European", "ЕС", "Евросоюз", "AB", "Avropa"],
  ["UN", "ООН", "BMT"],
  ["Turkey", "Türkiye", "Turkish", "Турция", "турецкий", "Türkiyə", "Türk"],
  ["UK", "Britain", "British", "Великобритания", "британский", "Britaniya"],
];
const builtinGroups = BUILTIN_EQUIVALENTS.map((g) => g.map((term) => [nameKeys(term)]));

function builtinEquivalent(name: string, pool: PassageFacts[]): boolean {
  const upper = name.toUpperCase();
  return BUILTIN_EQUIVALENTS.some((group, i) => {
    const inGroup = group.some((t) => t.toUpperCase() === upper || (t.length > 3 && keysMatchAny(nameKeys(name), nameKeys(t))));
    if (!inGroup) return false;
    const g = builtinGroups[i] ?? [];
    return group.some((t, j) => pool.some((f) => f.acronyms.has(t.toUpperCase()) || (t.length > 3 && termInPassage(g[j] ?? [], f))));
  });
}

function keysMatchAny(a: string[], b: string[]): boolean {
  return a.some((x) => b.some((y) => keysMatch(x, y)));
}

/**
 * Capitalised in English (and Azerbaijani institution names) but not names: titles, institutions,
 * generic geography. They translate rather than transliterate, so they cannot be checked by spelling.
 */
const GENERIC_TITLE_WORDS = new Set(
  (
    "minister ministry ministers foreign affairs president presidential vice senior prime deputy chairman chair secretary " +
    "state states united republic government parliament council chamber commerce committee commission department office " +
    "agency embassy ambassador summit charter strategic partnership corridor middle east west north south eastern western " +
    "northern southern central international relations members member affairs trade energy security agreement declaration " +
    "peace route union nations national federal cabinet delegation company companies bank fund organization organisation " +
    "association forum conference business economic economy investment region regional private sector first second third " +
    "mr mrs ms dr mister sir madam " +
    "nazir naziri nazirliyi nazirlik xarici işlər prezident prezidenti respublika respublikası ticarət palata palatası " +
    "sammit sammiti xartiya dəhliz dəhlizi orta şərq strateji tərəfdaşlıq hökumət parlament səfir səfirlik"
  ).split(/\s+/),
);
