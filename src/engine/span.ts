/**
 * The direct answer inside a cited sentence: the span that states the fact asked for
 * ("31 компании", "10 февраля", "Хушем Чокси", "в Баку"), chosen as the fact of the asked kind
 * closest to the question's matched words and not already in the question; for other
 * questions the shortest clause that holds the matched concepts.
 */
import {
  AMOUNT,
  DURATION_UNIT,
  datePart,
  inPlaceList,
  LOCATIVE,
  MONTHS,
  measuredAt,
  NUMBER_STEM,
  NUMBER_WORDS,
  ORG_WORDS,
  PLACE_WORDS,
  peopleAfter,
  placeAfter,
  QUOTATION,
  ROLE_WORDS,
  startsOfficialName,
} from "./evidence.js";
import { durationInWord, MONTH_ABBREVIATION, relativeYearAt, seasonOf } from "./language/calendar.js";
import { MEASURE_UNIT, NUMERALS, PERCENT_SIGN, SCALE_WORD } from "./language/numerals.js";
import {
  asksSeveral,
  givesOtherName,
  introducesName,
  isNamingWord,
  isQuantifier,
  looksLikeAdjective,
  looksLikeVerb,
  namesPeople,
  opensExample,
  questionWordAt,
} from "./language/packs.js";
import { type LexicalIndex, sentenceTokens } from "./lexical.js";
import type { AnswerType } from "./lexicon.js";
import { COMPARATIVE, isStopword } from "./lexicon.js";
import { type AnalyzedQuestion, countNounConcepts } from "./question.js";
import { type ReaderInput, readSpan } from "./reader.js";
import { isInitial, stemWord, type Token, tokenize } from "./text.js";
import { TUNING } from "./tuning.js";

export interface AnswerSpan {
  /** Character offsets inside the sentence's text. */
  start: number;
  end: number;
  /** The kind of fact the span states ("clause" for other questions). */
  kind: AnswerType | "clause";
}

interface Piece {
  from: number; // token index
  to: number; // inclusive
}

const isNumberToken = (t: Token) => t.script === "digit" || NUMBER_STEM.test(t.lower) || NUMBER_WORDS.test(t.lower);
const isName = (toks: Token[], j: number) => j > 0 && toks[j]!.capitalized && toks[j]!.script !== "digit" && toks[j]!.text.length > 1;

/** Stems of the question (its own words and their translations): a span repeating them answers nothing. */
function questionStems(q: AnalyzedQuestion): Set<string> {
  const out = new Set<string>();
  for (const c of q.concepts) for (const a of c.alternatives) for (const s of a.stems) out.add(s);
  return out;
}

/** Token positions of the sentence that match the question's concepts. */
function anchors(toks: Token[], stems: Set<string>): number[] {
  const out: number[] = [];
  toks.forEach((t, k) => {
    if (stems.has(stemWord(t.lower, t.script))) out.push(k);
  });
  return out;
}

/** Where each concept of the question stands in the sentence, with its weight. */
function conceptAnchors(toks: Token[], q: AnalyzedQuestion): { weight: number; at: number[] }[] {
  const stemsAt = toks.map((t) => stemWord(t.lower, t.script));
  return q.concepts.flatMap((c) => {
    const stems = new Set(c.alternatives.flatMap((a) => a.stems));
    const at = stemsAt.flatMap((st, k) => (stems.has(st) ? [k] : []));
    return at.length > 0 ? [{ weight: c.weight, at }] : [];
  });
}

/** How closely the question's concepts surround a piece: each concept's weight over one plus its distance. */
function proximity(p: Piece, concepts: { weight: number; at: number[] }[]): number {
  let sum = 0;
  for (const c of concepts) sum += c.weight / (1 + distance(p, c.at));
  return sum;
}

function distance(p: Piece, at: number[]): number {
  if (at.length === 0) return 0;
  let best = Infinity;
  for (const a of at) best = Math.min(best, a < p.from ? p.from - a : a > p.to ? a - p.to : 0);
  return best;
}

/** What the piece finders see: the sentence's tokens and text. */
interface PieceInput {
  toks: Token[];
  text: string;
  kind: AnswerType;
  countNoun?: Set<string>;
  yearOnly: boolean;
}

/** Whether only blank space separates tokens `a` and `a + 1`. */
const adjacent = (s: { toks: Token[]; text: string }, a: number) => s.text.slice(s.toks[a]!.end, s.toks[a + 1]!.start).trim() === "";

/** Whether tokens `a` and `a + 1` are one name: only blank space or a hyphen between them ("Нью-Ингленд", "Сан-Диего"). */
const sameName = (s: PieceInput, a: number) => adjacent(s, a) || /^[-‐]$/u.test(s.text.slice(s.toks[a]!.end, s.toks[a + 1]!.start));

/** The last token of the number starting at `j`: its decimals ("2,8%", "1.5 млн": split by the tokenizer) and scale words ("1,5 млн"). */
function numberEnd(s: PieceInput, j: number): number {
  const { toks, text } = s;
  const n = toks.length;
  let to = j;
  while (to + 1 < n && toks[to + 1]!.script === "digit" && /^[.,]$/.test(text.slice(toks[to]!.end, toks[to + 1]!.start))) to++;
  while (to + 1 < n && (isNumberToken(toks[to + 1]!) || SCALE_WORD.test(toks[to + 1]!.lower))) to++;
  return to;
}

/** The piece of the number at `j` for a count, amount or duration, or undefined when it is none. */
function numberPiece(s: PieceInput, j: number): Piece | undefined {
  const { toks, text, kind, countNoun } = s;
  if (!isNumberToken(toks[j]!)) return undefined;
  if (kind === "count" && toks[j]!.script === "digit" && toks[j]!.text.length === 4) return undefined; // a year
  let to = numberEnd(s, j);
  const next = toks[to + 1];
  if (!fitsKind(s, j, to)) return undefined;
  // "31 компании": the number with what it counts, a whole fact for the reader; "40%" is whole with its sign.
  if (PERCENT_SIGN.test(text.slice(toks[to]!.end))) return { from: j, to };
  // "640 квадратных метров": a unit of two words stays whole.
  if (next && MEASURE_UNIT.test(next.lower) && toks[to + 2] && MEASURE_UNIT.test(toks[to + 2]!.lower)) to++;
  // What the number counts follows it — a lower-case word, not the name of the next phrase ("$114 million Kutaisi airport").
  if (next && next.script !== "digit" && !next.capitalized) to++;
  if (kind === "count" && countNoun && !(next && countNoun.has(stemWord(next.lower, next.script)))) return measured(s, j);
  return { from: j, to };
}

/** A number not next to the counted thing: the number, with its unit of measure ("1 850 тонн" of tea, "587 000 квадратных километров"). */
function measured(s: PieceInput, j: number): Piece {
  const unit = (k: number) => MEASURE_UNIT.test(s.toks[k]?.lower ?? "");
  let to = numberEnd(s, j);
  // "587 000 квадратных километров": a unit of two words stays whole.
  if (unit(to + 1)) to += unit(to + 2) ? 2 : 1;
  return { from: j, to };
}

/** Whether the number at `j…to` can be the fact asked for: not a date's day, a duration with its unit, an amount with money. */
function fitsKind(s: PieceInput, j: number, to: number): boolean {
  const { toks, text, kind } = s;
  const next = toks[to + 1];
  // "8 августа" is a date, not a count.
  if (next && MONTHS.test(next.lower)) return false;
  // "в апреле 2024 года" is a date, not two thousand years.
  if (kind === "duration" && (!(next && DURATION_UNIT.test(next.lower)) || datePart(toks, j))) return false;
  // "за последние два года число домов выросло": a length of time counts no houses.
  if (kind === "count" && next && DURATION_UNIT.test(next.lower) && !s.countNoun?.has(stemWord(next.lower, next.script))) return false;
  return kind !== "amount" || AMOUNT.test(text.slice(toks[j]!.start, (toks[to + 2] ?? toks[to + 1] ?? toks[to]!).end));
}

function numberPieces(s: PieceInput): Piece[] {
  const out: Piece[] = [];
  for (let j = 0; j < s.toks.length; j++) {
    if (!isNumberToken(s.toks[j]!)) continue;
    const p = numberPiece(s, j);
    if (p) out.push(p);
    // "587 000": the rest of the number is no number of its own.
    j = numberEnd(s, j);
  }
  return out;
}

/** A month with its day and year ("10 февраля 2026"), or a year alone (the year only for "which year"). */
/** "в 1519 году", "6 октября 1973 года": a date ending in a year keeps the word that says it is one. */
function withYearWord(s: { toks: Token[]; text: string }, p: Piece): Piece {
  const { toks, text } = s;
  const year = toks[p.to]!;
  if (year.script !== "digit" || year.text.length !== 4) return p;
  // "в 1950-х годах": a decade.
  const decade = toks[p.to + 1]?.lower === "х" && text.slice(year.end, toks[p.to + 1]!.start) === "-" ? 1 : 0;
  const word = p.to + decade + 1;
  if (RU_YEAR_WORD.test(toks[word]?.lower ?? "") && adjacent(s, word - 1)) return { from: p.from, to: word };
  return { from: p.from, to: p.to + decade };
}

const RU_YEAR_WORD = /^(год|года|году|годах|годов|г)$/u;

function datePieces(s: PieceInput): Piece[] {
  const { toks, yearOnly } = s;
  const words = toks.map((x) => x.lower);
  const out: Piece[] = [];
  for (let j = 0; j < toks.length; j++) {
    const t = toks[j]!;
    if (yearOnly && relativeYearAt(words, j) !== undefined) {
      // "в каком году?" — «прошлого года»: the year, made absolute from the article's date in the short answer.
      out.push({ from: j, to: j + 1 });
    } else if ((MONTHS.test(t.lower) || (MONTH_ABBREVIATION.test(t.lower) && toks[j + 1]?.script === "digit")) && !yearOnly) {
      out.push(monthPiece(toks, words, j));
    } else if (t.script === "digit" && t.text.length === 4 && (yearOnly || !(j > 0 && MONTHS.test(toks[j - 1]!.lower)))) {
      out.push({ from: j, to: j });
    } else if (!yearOnly && seasonOf(t.lower) && (t.script !== "latin" || /^(in|the|this|next|last)$/u.test(words[j - 1] ?? ""))) {
      // "пройдет осенью", "in the autumn of 2026": a season, with its year.
      out.push({ from: j, to: /^\d{4}$/u.test(toks[j + 1]?.text ?? "") ? j + 1 : j });
    }
  }
  return out;
}

/** The date around the month at `j`: its day before ("10 февраля") or after ("April 21"), its year or relative year. */
function monthPiece(toks: Token[], words: string[], j: number): Piece {
  const day = (k: number) => toks[k]?.script === "digit" && toks[k]!.text.length <= 2;
  let from = j > 0 && day(j - 1) ? j - 1 : j;
  // "с 8 по 17 мая", "from 8 to 17 May": a range of days keeps its first day.
  if (from < j && /^(по|до|to|till|until)$/u.test(words[from - 1] ?? "") && day(from - 2)) from -= 2;
  if (from < j && /^(с|со|from)$/u.test(words[from - 1] ?? "") && from - 1 < j - 2) from -= 1;
  // "April 21", "May 1, 2026": English writes the day after the month.
  let to = from === j && day(j + 1) ? j + 1 : j;
  if (toks[to + 1]?.script === "digit" && toks[to + 1]!.text.length === 4) to++;
  // "8 августа прошлого года": the relative year belongs to the date.
  else if (to === j && relativeYearAt(words, j + 1) !== undefined) to = j + 2;
  return { from, to };
}

/** Capitalised words in a row that are not an organisation, a state or after "в/in". */
function personPieces(s: PieceInput): Piece[] {
  const { toks } = s;
  const n = toks.length;
  const out: Piece[] = [];
  for (let j = 1; j < n; j++) {
    const t = toks[j]!;
    if (!isName(toks, j) || ORG_WORDS.test(t.lower) || PLACE_WORDS.test(t.lower) || (j > 0 && LOCATIVE.test(toks[j - 1]!.text))) continue;
    let to = j;
    for (;;) {
      // An initial between names ("Николаса Э. Головина", "John F. Kennedy").
      if (toks[to + 1] && isInitial(toks[to + 1]!, s.text) && isName(toks, to + 2)) to += 2;
      if (
        !(
          to + 1 < n &&
          isName(toks, to + 1) &&
          !ORG_WORDS.test(toks[to + 1]!.lower) &&
          !PLACE_WORDS.test(toks[to + 1]!.lower) &&
          sameName(s, to)
        )
      )
        break;
      to++;
    }
    // Initials before the name ("Н. Э. Головин", "J. Smith").
    let from = j;
    while (from > 1 && isInitial(toks[from - 1]!, s.text)) from--;
    out.push({ from, to });
    j = to;
  }
  return out;
}

/** Capitalised words after "в/in" ("в Баку", "в клиниках Анкары"; not "в Министерстве"). */
function placePieces(s: PieceInput): Piece[] {
  const { toks } = s;
  const n = toks.length;
  const out: Piece[] = [];
  for (let j = 0; j + 1 < n; j++) {
    const from = placeAfter(toks, j);
    if (from < 0) continue;
    let to = from;
    // "в Вашингтоне Президент Азербайджана…": a title starts the next phrase, not the place's name.
    while (to + 1 < n && toks[to + 1]!.capitalized && sameName(s, to) && !ROLE_WORDS.test(toks[to + 1]!.lower)) to++;
    out.push({ from, to: placeList(s, headNounAfter(s, to)) });
  }
  return out;
}

/** Where the next item of a list starts after token `k`: past a comma or "и/and/və"; -1 when no list goes on. */
function listNext({ toks, text }: PieceInput, k: number): number {
  if (!toks[k + 1]) return -1;
  if (/^(и|and|və)$/u.test(toks[k + 1]!.lower)) return toks[k + 2] ? k + 2 : -1;
  return /^,\s*$/u.test(text.slice(toks[k]!.end, toks[k + 1]!.start)) ? k + 1 : -1;
}

/** "из Германии и Южной Кореи", "в Шеки, Габале и Гяндже": the places listed with the first, to the last one's end. */
function placeList(s: PieceInput, to: number): number {
  const { toks } = s;
  const named = (k: number) => toks[k]?.capitalized === true && !ROLE_WORDS.test(toks[k]!.lower) && !ORG_WORDS.test(toks[k]!.lower);
  for (let next = listNext(s, to); next >= 0 && named(next); next = listNext(s, to)) {
    to = next;
    while (named(to + 1) && sameName(s, to)) to++;
  }
  return to;
}

/**
 * "в зале Шекинского олимпийского спортивного комплекса": a name ending in an adjective goes on through
 * the lower-case adjectives after it to the noun they describe; the index of that noun, else `to`.
 */
function headNounAfter(s: PieceInput, to: number): number {
  const { toks } = s;
  const t = toks[to]!;
  if (t.script !== "cyrillic") return to;
  const word = (j: number) =>
    toks[j] && !toks[j]!.capitalized && toks[j]!.script === t.script && adjacent(s, j - 1) && !isStopword(toks[j]!.lower);
  const noun = (j: number) => word(j) && !looksLikeVerb(toks[j]!.lower, t.script) && !looksLikeAdjective(toks[j]!.lower, t.script);
  let k = to + 1;
  if (looksLikeAdjective(t.lower, t.script)) {
    while (k - to <= 3 && word(k) && looksLikeAdjective(toks[k]!.lower, t.script)) k++;
    return noun(k) ? k : to;
  }
  // "в Институте генетических ресурсов", "в Министерстве иностранных дел": a noun and its genitive complement.
  while (k - to <= 3 && word(k) && GENITIVE_ADJECTIVE.test(toks[k]!.lower)) k++;
  return k > to + 1 && noun(k) ? k : to;
}

/** Russian adjective endings of the genitive ("генетических", "иностранных", "государственного"). */
const GENITIVE_ADJECTIVE = /\p{L}{3,}(ого|его|ых|их)$/u;

/** An organisation word with a capitalised word before it and up to four words after it. */
function orgPieces(s: PieceInput): Piece[] {
  const { toks } = s;
  const n = toks.length;
  const out: Piece[] = [];
  for (let j = 0; j < n; j++) {
    if (!ORG_WORDS.test(toks[j]!.lower)) continue;
    let from = j;
    if (j > 0 && toks[j - 1]!.capitalized && j - 1 > 0) from = j - 1;
    let to = j;
    while (to + 1 < n && to - j < 4 && adjacent(s, to) && !LOCATIVE.test(toks[to + 1]!.text)) to++;
    out.push({ from, to });
  }
  return out;
}

/** A title and up to five words after it, stopping before a person's full name. */
function rolePieces(s: PieceInput): Piece[] {
  const { toks, text } = s;
  const n = toks.length;
  const out: Piece[] = [];
  const fullName = (k: number) => isName(toks, k) && !ORG_WORDS.test(toks[k]!.lower) && toks[k + 1] && isName(toks, k + 1);
  for (let j = 0; j < n; j++) {
    if (!ROLE_WORDS.test(toks[j]!.lower)) continue;
    let to = j;
    while (to + 1 < n && to - j < 5 && /^[\s\-‐]*$/.test(text.slice(toks[to]!.end, toks[to + 1]!.start)) && !fullName(to + 1)) to++;
    out.push({ from: j, to });
  }
  return out;
}

/** Numbers with their unit, or one word for both ("шестимесячную стажировку" → "шестимесячную"). */
function durationPieces(s: PieceInput): Piece[] {
  const out = numberPieces(s);
  s.toks.forEach((t, j) => {
    const word = s.text.slice(
      s.toks[j - 1] && /^\d+-$/.test(s.text.slice(s.toks[j - 1]!.start, t.start)) ? s.toks[j - 1]!.start : t.start,
      t.end,
    );
    if (durationInWord(word)) out.push({ from: word === t.text ? j : j - 1, to: j });
  });
  return out;
}

/** One finder per kind of fact that has pieces; other kinds have none. */
const PIECE_FINDERS: Partial<Record<AnswerType, (s: PieceInput) => Piece[]>> = {
  count: numberPieces,
  amount: numberPieces,
  duration: durationPieces,
  date: datePieces,
  person: personPieces,
  place: placePieces,
  org: orgPieces,
  role: rolePieces,
};

/** Candidate pieces of a sentence for one kind of fact. */
function piecesOf(toks: Token[], text: string, kind: AnswerType, countNoun?: Set<string>, yearOnly = false): Piece[] {
  const find = PIECE_FINDERS[kind];
  const out = find ? find({ toks, text, kind, countNoun, yearOnly }) : [];
  return out.filter((p) => p.to >= p.from || p.to === -1).map((p) => (p.to === -1 ? { from: p.from, to: p.from } : p));
}

/** Participle endings that agree in case with a noun ending (Russian): "делегацией, возглавляемой". */
const AGREEMENT: [RegExp, RegExp][] = [
  [/(ой|ей|ью)$/, /(ой|ей)$/],
  [/(ы|и|а|я)$/, /(ого|его|ой|ей|ых|их)$/],
  [/(у|ю)$/, /(ую|юю|ому|ему)$/],
  [/(ом|ем|ами|ями)$/, /(ым|им|ыми|ими)$/],
  [/е$/, /(ом|ем|ой|ей)$/],
];

/** Russian participles ("возглавляемой", "организованный", "построенные"). */
const PARTICIPLE = /(ющ|ящ|ащ|ущ|вш|ем|им|енн|анн|нн)(ий|ый|ая|ое|ие|ые|его|ого|ей|ему|ому|им|ым|ыми|ими|ой|ую|ых|их)$/;

/** A participle agreeing with the word before it, or a relative pronoun, opens a clause about that word ("…делегацией, возглавляемой…", "…, which…"). */
function describesPrevious(t: Token, noun: Token): boolean {
  if (/^(котор|чей|чья|чье|чьи)/.test(t.lower) || /^(which|who|whose|led|headed)$/.test(t.lower)) return true;
  if (!PARTICIPLE.test(t.lower)) return false;
  const rule = AGREEMENT.find(([n]) => n.test(noun.lower));
  return rule === undefined || rule[1].test(t.lower);
}

/** Clauses: stretches between commas, semicolons, colons, dashes and brackets. */
function clauses(toks: Token[], text: string): Piece[] {
  const out: Piece[] = [];
  let from = 0;
  for (let j = 0; j < toks.length; j++) {
    const gap = j + 1 < toks.length ? text.slice(toks[j]!.end, toks[j + 1]!.start) : "";
    // "56,2%", "1,5 млн": a comma between digits is a decimal point, not a clause's end.
    const decimal = gap === "," && toks[j]!.script === "digit" && toks[j + 1]!.script === "digit";
    if (j + 1 === toks.length || (!decimal && /[,;:()—–]|\s-\s/.test(gap))) {
      out.push({ from, to: j });
      from = j + 1;
    }
  }
  return out;
}

/** The sentence being read for a span, and what of the question it holds. */
interface SpanInput {
  toks: Token[];
  text: string;
  /** The question's stems. */
  stems: Set<string>;
  /** Token positions matching the question. */
  at: number[];
  /** Whether a word is in a dictionary (a title or a country, not a person's name). */
  isCommonWord: (lower: string) => boolean;
  /** The numbers the question itself gives ("два года назад" → 2): no answer. */
  numbers?: Set<number>;
  /** Each question concept found in the sentence: its weight and where its words stand. */
  concepts?: { weight: number; at: number[] }[];
}

/** The value of a number token ("85", "два"), if it is one. */
const numberValue = (t: Token) => (t.script === "digit" ? Number(t.text) : NUMERALS[t.lower]);

/** The numbers a question gives ("скок домов было два года назад?" → {2}). */
function questionNumbers(q: AnalyzedQuestion): Set<number> {
  return new Set(tokenize(q.normalized).flatMap((t) => (numberValue(t) === undefined ? [] : [numberValue(t)!])));
}

/** Whether token `k` is one of the question's own words. */
const asked = (s: SpanInput, k: number) => s.stems.has(stemWord(s.toks[k]!.lower, s.toks[k]!.script));

/** A piece without the question's own words at its edges ("Эдисона Тесла" for a question about Tesla → "Эдисона"). */
function trimAsked(s: SpanInput, p: Piece): Piece {
  let { from, to } = p;
  while (from <= to && asked(s, from)) from++;
  while (to >= from && asked(s, to)) to--;
  return { from, to };
}

/**
 * A person's piece whose surname the question gives ("кто был на встрече Алиева?" — "Президент
 * Азербайджана Ильхам Алиев"): its first name goes with the surname, and what is left (a title and a
 * country) names nobody, so the piece goes (to > from by nothing left).
 */
function withoutAskedPerson(s: SpanInput, p: Piece): Piece {
  const after = s.toks[p.to + 1];
  if (p.from > p.to || !after || !asked(s, p.to + 1) || !after.capitalized) return p;
  const to = isFirstName(s, p.to) ? p.to - 1 : p.to;
  const named = s.toks.slice(p.from, to + 1).some((t) => !s.isCommonWord(t.lower) && !ROLE_WORDS.test(t.lower));
  return named ? { from: p.from, to } : { from: p.to + 1, to: p.to };
}

/** Whether token `k` is a first name (before a surname): a name, no title, no dictionary word, not the question's own. */
function isFirstName(s: SpanInput, k: number): boolean {
  const t = s.toks[k]!;
  return isName(s.toks, k) && !ROLE_WORDS.test(t.lower) && !s.isCommonWord(t.lower) && !asked(s, k);
}

/** Whether a piece holds only the question's own words (and function words). */
function inQuestion(s: SpanInput, p: Piece): boolean {
  for (let k = p.from; k <= p.to; k++) {
    const t = s.toks[k]!;
    // A number word ("три дня") says what the question asks, even where it is a function word — unless the question gives it.
    if (isNumberToken(t) && s.numbers?.has(numberValue(t) ?? Number.NaN)) continue;
    if ((!isStopword(t.lower) || isNumberToken(t)) && !s.stems.has(stemWord(t.lower, t.script))) return false;
  }
  return true;
}

/** Stems of the concept of the counted noun ("Сколько компаний…" → the stems of "компаний"). */
function countNounStems(q: AnalyzedQuestion): Set<string> | undefined {
  if (!q.kind.countNoun) return undefined;
  return new Set(countNounConcepts(q.kind.countNoun, q.concepts).flatMap((c) => c.alternatives.flatMap((a) => a.stems)));
}

/** "Кто такой Чокси?", "Who is Jeyhun Bayramov?": the title written before the name the question gives. */
function roleBeforeName(s: SpanInput, q: AnalyzedQuestion): AnswerSpan | undefined {
  const { toks, at } = s;
  const type = q.kind.type;
  const onlyNames = q.concepts.filter((c) => c.known && !c.inherited).every((c) => /^\p{Lu}/u.test(c.label));
  if (!((type === "definition" || type === "person" || type === "role") && onlyNames)) return undefined;
  const name = at.find((k) => isName(toks, k));
  if (name === undefined) return undefined;
  const from = titleStart(s, name);
  // Not the first name before the surname the question gives ("Economy Minister [Tamar] Gelashvili").
  const to = name - 1 > from && isFirstName(s, name - 1) ? name - 2 : name - 1;
  if (from >= 0 && !at.some((a) => a >= from && a < name && !isName(toks, a))) return toSpan(toks, { from, to }, "role");
  return undefined;
}

/**
 * Where the nearest title before the name at `name` starts, with its title words and one adjective right
 * before it ("старшим вице-президентом") or the capitalised words of an English title ("Economy Minister"); -1 if none.
 */
function titleStart({ toks, text }: SpanInput, name: number): number {
  const spaced = (k: number) => /^[^\S\n]+$/u.test(text.slice(toks[k - 1]!.end, toks[k]!.start));
  for (let k = name - 1; k >= Math.max(0, name - TUNING.span.maxRoleTokens); k--) {
    if (!ROLE_WORDS.test(toks[k]!.lower)) continue;
    let from = k;
    while (from > 0 && ROLE_WORDS.test(toks[from - 1]!.lower)) from--;
    if (from > 0 && !toks[from - 1]!.capitalized && /(им|ым|ий|ый|ая|ой|ого|его|ому|ему)$/u.test(toks[from - 1]!.lower)) from--;
    for (let n = 0; n < 2 && from > 1 && toks[from]!.script === "latin" && toks[from - 1]!.capitalized && spaced(from); n++) from--;
    return from;
  }
  return -1;
}

/** A name without the dictionary words before it ("Турции Хушем Чокси" → "Хушем Чокси", "Президент Азербайджана Ильхам Алиев" → "Ильхам Алиев"). */
function bareName(s: SpanInput, p: Piece): Piece {
  let { from } = p;
  // Not the first half of a hyphenated name ("Нью-Ингленд").
  while (p.to - from >= 2 && s.isCommonWord(s.toks[from]!.lower) && s.toks[from]!.text.length > 1 && adjacent(s, from)) from++;
  return { from, to: p.to };
}

/** "Ильхам Алиев и премьер-министр Армении Никол Пашинян": people named together answer together. */
function joinNamedTogether(s: SpanInput, best: Piece, pieces: Piece[]): Piece {
  const { toks, text } = s;
  // Only full names (two words or more) join: "Ближнему Востоку и Турции" are places.
  for (const other of pieces.slice(1).sort((a, b) => a.from - b.from)) {
    if (other.to === other.from || best.to === best.from) continue;
    const lo = Math.min(best.to, other.to);
    const hi = Math.max(best.from, other.from);
    const between = text.slice(toks[lo]!.end, toks[hi]!.start);
    if (hi - lo <= TUNING.span.maxListGap && /(^|\s)(и|and|və|,)(\s|$)/u.test(between) && !/[.;:]/.test(between))
      best = { from: Math.min(best.from, other.from), to: Math.max(best.to, other.to) };
  }
  return best;
}

const TYPED_KINDS = ["count", "amount", "duration", "date", "person", "place", "org", "role"];
const YEAR_ONLY = /(в как(ом|ой) году|как(ой|ого|ому) год|\b(what|which) year\b|hansı il|neçənci il)/u;

/**
 * "Пейтон Мэннинг стал…": the finders skip the sentence's first word (every sentence starts with a
 * capital), so a name opening the sentence loses its first name; it is one when no dictionary knows it.
 */
function withInitialName(s: SpanInput, p: Piece): Piece {
  const first = s.toks[0]!;
  if (p.from !== 1 || !first.capitalized || first.script === "digit" || first.text.length < 2) return p;
  if (/\S/.test(s.text.slice(first.end, s.toks[1]!.start))) return p;
  if (isStopword(first.lower) || s.isCommonWord(first.lower) || asked(s, 0)) return p;
  if (ROLE_WORDS.test(first.lower) || ORG_WORDS.test(first.lower) || PLACE_WORDS.test(first.lower)) return p;
  return { from: 0, to: p.to };
}

/** The pieces of the asked kind in the sentence, without the question's own words. */
function typedPieces(s: SpanInput, q: AnalyzedQuestion): Piece[] {
  const { toks, text } = s;
  const type = q.kind.type;
  return (
    piecesOf(toks, text, type, countNounStems(q), YEAR_ONLY.test(q.normalized))
      .map((p) => (type === "person" ? withInitialName(s, p) : p))
      // Names lose the question's own words at their edges; a count keeps its noun ("31 компании").
      .map((p) => (type === "person" || type === "org" || type === "place" ? trimAsked(s, p) : p))
      // "Президент Азербайджана Ильхам [Алиев]": a name the question gives, with its first name, leaves no one new.
      .map((p) => (type === "person" ? withoutAskedPerson(s, p) : p))
      .filter((p) => p.from <= p.to && !inQuestion(s, p))
      // "открытие Регионального центра": a capitalised adjective before a lower-case noun starts an official name.
      .filter((p) => type !== "person" || p.from !== p.to || !(startsOfficialName(toks, p.from) || inPlaceList(toks, p.from)))
      // A lone acronym ("НФЛ") is rarely the person asked for.
      .filter((p, _k, all) => type !== "person" || !(p.from === p.to && /^\p{Lu}{2,5}$/u.test(toks[p.from]!.text)) || all.length === 1)
  );
}

/** The pieces that state the fact as the question asks it, of those `typedPieces` found. */
function preferredPieces(s: SpanInput, q: AnalyzedQuestion, pieces: Piece[]): Piece[] {
  const { toks } = s;
  const type = q.kind.type;
  const countNoun = type === "count" ? countNounStems(q) : undefined;
  if (type === "date")
    return (
      pieces
        // "BAKU, March 11 - Azerbaijan opened … on Tuesday, March 10": the dateline dates the report, not the event.
        .filter((p, _k, all) => !isDateline(s, p) || all.length === 1)
        // «Шелковый путь — 2026»: a year in a quoted name is part of the name.
        .filter((p, _k, all) => !inQuotedName(s, p) || all.length === 1)
    );
  if (type !== "count" && type !== "amount") return pieces;
  return (
    pieces
      // "How much heavier is oxygen 18 than oxygen 16?": a number the question gives is no answer ("кислород-16, испаряются").
      .filter((p) => !s.numbers?.has(numberValue(toks[p.from]!) ?? Number.NaN))
      // "выросло с 85 до 162": the figure now, or the one before when the question looks back (or gives the year the change starts at).
      .filter((p, _k, all) => !replacedBy(s, p, all, LOOKS_BACK.test(q.normalized) || asksRangeStart(s), BY_HOW_MUCH.test(q.normalized)))
      // "Из скольких академических единиц…?" — «из одиннадцати отдельных академических единиц – десяти факультетов»: the number of what is asked.
      .filter((p, _k, all) => !countNoun || countsNoun(s, p, countNoun) || !all.some((x) => countsNoun(s, x, countNoun)))
      // "How many people worked on it?" — "took 26 months, employing about 1,100 workers": a number of people.
      .filter((p, _k, all) => !q.kind.countsPeople || countsPeople(toks, p) || !all.some((x) => countsPeople(toks, x)))
      // "by how much…?" — «на 12% больше, чем годом ранее»: the size of the change.
      .filter((p, _k, all) => !BY_HOW_MUCH.test(q.normalized) || isChange(s, p) || !all.some((x) => isChange(s, x)))
  );
}

/** Whether the number of a piece is followed by the counted noun, directly or past up to three adjectives describing it. */
function countsNoun(s: SpanInput, p: Piece, noun: Set<string>): boolean {
  const { toks } = s;
  const counted = (k: number) => noun.has(stemWord(toks[k]!.lower, toks[k]!.script));
  for (let k = p.from; k <= p.to; k++) if (counted(k)) return true;
  for (let k = p.to + 1; k <= p.to + 4 && k < toks.length && adjacent(s, k - 1); k++) {
    if (counted(k)) return true;
    if (!looksLikeAdjective(toks[k]!.lower, toks[k]!.script)) return false;
  }
  return false;
}

/** Whether a piece stands inside quotation marks («…», "…", “…”). */
function inQuotedName(s: SpanInput, p: Piece): boolean {
  return quotedSpans(s).some((q) => q.from <= p.from && q.to >= p.to);
}

/** A date right after the place that opens a news report ("BAKU, March 11 -", «Шеки, 18 мая.»). */
function isDateline({ toks, text }: SpanInput, p: Piece): boolean {
  if (p.from === 0 || p.from > 3 || !toks.slice(0, p.from).every((t) => t.capitalized)) return false;
  const before = text.slice(toks[p.from - 1]!.end, toks[p.from]!.start);
  const after = text.slice(toks[p.to]!.end);
  // "… May 14 (Reuters) -", «…, 14 сентября, Report.»
  return /^,\s+$/u.test(before) && /^\s*(\(\p{L}+\)\s*|,\s*\p{Lu}[\p{L}-]*(\s\p{Lu}[\p{L}-]*)?\s*)?([-–—.](\s|$)|$)/u.test(after);
}

/** The preposition of a change's size ("на 30%", "by 500 metres"). */
const BY = /^(на|by)$/u;

/** A question about the past of a figure ("два года назад", "before", "əvvəl"). */
const LOOKS_BACK = /(назад|раньше|ранее|прежде|сначала|\bago\b|\bbefore\b|previously|earlier|at first|əvvəl|evvel)/u;

/**
 * Whether `p` is one end of a change and the other end is the one asked for: "с 85 до 162", "from 1.5
 * million to 4 million" (the figure now, or the one before for a question that looks back); "lengthened
 * by 500 metres to 3,500 metres", «на 30% до 120» (the figure now, or the change for "by how much").
 */
function replacedBy({ toks }: SpanInput, p: Piece, all: Piece[], back: boolean, byHowMuch = false): boolean {
  const word = (k: number) => toks[k]?.lower ?? "";
  for (const o of all) {
    const [x, y] = o.from > p.to ? [p, o] : [o, p];
    if (x === y || y.from !== x.to + 2 || !/^(до|to)$/u.test(word(x.to + 1))) continue;
    if (/^(с|со|from)$/u.test(word(x.from - 1))) return back ? p === y : p === x;
    if (BY.test(word(x.from - 1))) return byHowMuch ? p === y : p === x;
  }
  return false;
}

/**
 * Whether the question gives the year a range of the sentence starts with ("…потеряно к 1991 году?" —
 * «С 1991 по 2000 год … увеличилась со 415 000 до 587 000»): the figure then is the earlier one.
 */
function asksRangeStart({ text, numbers }: SpanInput): boolean {
  const m = /(?:^|\s)(?:с|со|from|between)\s+(\d{4})\s+(?:по|до|to|and|till|until)\s+(\d{4})/iu.exec(text);
  if (!m || !numbers) return false;
  return numbers.has(Number(m[1])) && !numbers.has(Number(m[2]));
}

/** "на сколько", "by how much", "nə qədər artıb": the size of a change is asked. */
const BY_HOW_MUCH = /(на сколько|насколько|by how much|how much (more|less|longer|higher|bigger)|nə qədər (art|az))/u;

/** Whether a piece is the size of a change: "на 12% больше", "by 500 metres", "12% more". */
function isChange({ toks }: SpanInput, p: Piece): boolean {
  return BY.test(toks[p.from - 1]?.lower ?? "") || COMPARATIVE.test(toks[p.to + 1]?.lower ?? "");
}

/** Distance from a piece to the nearest of the question's words in its own clause (Infinity when none). */
function clauseDistance(s: SpanInput, p: Piece): number {
  if (s.at.length === 0) return 0;
  const clause = clauses(s.toks, s.text).find((c) => c.from <= p.from && c.to >= p.to);
  const inClause = clause ? s.at.filter((a) => a >= clause.from && a <= clause.to) : [];
  return inClause.length > 0 ? distance(p, inClause) : Infinity;
}

/** Whether a number of the piece has a unit of size after it. */
function measuredPiece(toks: Token[], p: Piece): boolean {
  for (let k = p.from; k <= p.to; k++) if (measuredAt(toks, k)) return true;
  return false;
}

/** Whether a number of the piece stands before a noun for people ("1,100 workers", "148 шахматистов"). */
function countsPeople(toks: Token[], p: Piece): boolean {
  for (let k = p.from; k <= p.to; k++) if (toks[k]!.script === "digit" && peopleAfter(toks, k)) return true;
  return false;
}

/** The piece of the asked kind nearest the question's words, or undefined when the sentence has none. */
function typedSpan(s: SpanInput, q: AnalyzedQuestion): AnswerSpan | undefined {
  const { toks } = s;
  const type = q.kind.type;
  if (!TYPED_KINDS.includes(type)) return undefined;
  const pieces = preferredPieces(s, q, typedPieces(s, q));
  // "делегацией, возглавляемой … Хушем Чокси": a question word followed by a participle clause about it
  // asks for who is in that clause.
  const described = type === "person" ? describedClause(s) : undefined;
  const body = described && bodyAnswer(s, pieces, described);
  if (body) return toSpan(toks, body, "org");
  const inClause = described ? pieces.filter((p) => p.from >= described.from && p.to <= described.to) : [];
  const candidates = inClause.length > 0 ? inClause : pieces;
  // People are named with first name and surname: a name of two or more words first, then the nearest.
  const single = (p: Piece) => (type === "person" && p.to === p.from ? 1 : 0);
  // "How big is it?": nearest within the clause of the question's word; of the pieces as near, one with a unit of size.
  const near = (p: Piece) => (q.kind.measure ? clauseDistance(s, p) : -proximity(p, s.concepts ?? []));
  const unmeasured = (p: Piece) => (q.kind.measure && !measuredPiece(toks, p) ? 1 : 0);
  candidates.sort((a, b) => single(a) - single(b) || near(a) - near(b) || unmeasured(a) - unmeasured(b) || a.from - b.from);
  const best = candidates[0];
  return best && toSpan(toks, wholeFact(s, type, best, pieces), type);
}

/** The piece as the answer states it: a person with everyone named together, a year with its year word. */
function wholeFact(s: SpanInput, type: AnswerType, best: Piece, pieces: Piece[]): Piece {
  if (type === "person")
    return joinNamedTogether(
      s,
      bareName(s, best),
      pieces.map((p) => bareName(s, p)),
    );
  return type === "date" ? withYearWord(s, best) : best;
}

const overlaps = (a: Piece, b: Piece) => a.from <= b.to && b.from <= a.to;

/**
 * "…, организованный Ассоциацией сельского туризма Азербайджана": who did it may be a body — the first
 * organisation the description names, when it names no person ("…, возглавляемой … Хушем Чокси" does).
 */
function bodyAnswer(s: SpanInput, people: Piece[], described: Piece): Piece | undefined {
  const org = piecesOf(s.toks, s.text, "org")
    .filter((p) => p.from >= described.from && p.to <= described.to)
    .sort((a, b) => a.from - b.from)[0];
  if (!org) return undefined;
  if (people.some((p) => p.from >= described.from && p.to <= described.to && p.to > p.from && !overlaps(p, org))) return undefined;
  const clause = clauses(s.toks, s.text).find((c) => c.from <= org.from && c.to >= org.from);
  let to = Math.min(org.to, clause?.to ?? org.to);
  // The name ends with its last capitalised word ("…туризма Азербайджана", not "…Азербайджана совместно").
  for (let k = to; k > org.from; k--)
    if (s.toks[k]!.capitalized) {
      to = k;
      break;
    }
  return { from: org.from, to };
}

/** The clause that follows a question word and describes it ("…с делегацией, возглавляемой …"), if any. */
function describedClause(s: SpanInput): Piece | undefined {
  const all = clauses(s.toks, s.text);
  for (const a of s.at) {
    const k = all.findIndex((c) => c.to === a);
    const next = all[k + 1];
    // The description runs to the end of the sentence: its list of titles and places has commas of its own.
    if (k >= 0 && next && describesPrevious(s.toks[next.from]!, s.toks[a]!)) return { from: next.from, to: s.toks.length - 1 };
    // "Кто их возглавлял?": the question's verb is the participle that opens the description ("…, возглавляемой … Чокси").
    const opens = all.find((c) => c.from === a);
    if (opens && a > 0 && PARTICIPLE.test(s.toks[a]!.lower)) return { from: a, to: s.toks.length - 1 };
  }
  return undefined;
}

/** "Делегация?": what the text says about a word at the end of its clause follows it ("…с делегацией, возглавляемой …"). */
function withDescription(s: SpanInput, all: Piece[], p: Piece): Piece {
  const last = Math.max(...s.at.filter((a) => a >= p.from && a <= p.to));
  const k0 = all.findIndex((c) => c.from === p.from);
  const following = all[k0 + 1];
  if (last >= p.to - 1 && following && describesPrevious(s.toks[following.from]!, s.toks[last]!)) return { from: last, to: following.to };
  return p;
}

/** "…в таких областях, как энергетика, торговля, транспорт": the list that follows belongs to the clause. */
function withList(s: SpanInput, all: Piece[], p: Piece): Piece {
  let k1 = all.findIndex((c) => c.from <= p.to && c.to >= p.to);
  if (all[k1 + 1] && opensExample(s.toks[all[k1 + 1]!.from]!.lower)) {
    k1++;
    while (all[k1 + 1] && all[k1 + 1]!.to - all[k1 + 1]!.from < TUNING.span.maxListItemTokens) k1++;
    return { from: p.from, to: all[k1]!.to };
  }
  return p;
}

/** Other questions: the clause holding most of the matched words, the shortest of those, not only the question's own words. */
function clauseSpan(s: SpanInput): AnswerSpan | undefined {
  const { toks, text, at } = s;
  const scored = clauses(toks, text)
    .map((p) => ({ p, hits: at.filter((a) => a >= p.from && a <= p.to).length, len: p.to - p.from + 1 }))
    .filter((c) => c.hits > 0 && !inQuestion(s, c.p));
  if (scored.length === 0) return undefined;
  scored.sort((a, b) => b.hits - a.hits || a.len - b.len);
  const all = clauses(toks, text);
  let p = withList(s, all, withDescription(s, all, scored[0]!.p));
  // A clause of one or two words says little: take its neighbour too.
  if (p.to - p.from < 2) {
    const k = all.findIndex((c) => c.from === p.from);
    const next = all[k + 1];
    if (next) p = { from: p.from, to: next.to };
  }
  return toSpan(toks, p, "clause");
}

/**
 * The span of sentence `i` that answers the question, or undefined when no piece of the asked
 * kind is there (the whole sentence then stands as the answer).
 */
export function answerSpan(
  index: LexicalIndex,
  q: AnalyzedQuestion,
  i: number,
  isCommonWord: (lower: string) => boolean = () => false,
): AnswerSpan | undefined {
  const text = index.sentences[i]!.text;
  const toks = sentenceTokens(index, i);
  if (toks.length === 0) return undefined;
  const stems = questionStems(q);
  const s: SpanInput = {
    toks,
    text,
    stems,
    at: anchors(toks, stems),
    isCommonWord,
    numbers: questionNumbers(q),
    concepts: conceptAnchors(toks, q),
  };
  // Questions for a thing, person, place or time that no typed piece answers: the reader's words, when it is sure.
  // "Кто такой Чокси?" asks for a description, not for a name: that is no reader's question.
  if (q.kind.type === "source") return sourceSpan(text) ?? clauseSpan(s);
  return withQuotes(text, withSign(text, pickSpan(s, q, index)));
}

/** A span that opens a quotation the sentence closes right after it takes the closing mark (and the reverse): no half-quoted names. */
function withQuotes(text: string, span: AnswerSpan | undefined): AnswerSpan | undefined {
  if (!span) return span;
  const inner = text.slice(span.start, span.end);
  const count = (mark: string) => inner.split(mark).length - 1;
  let { start, end } = span;
  const next = text[end] ?? "";
  const prev = text[start - 1] ?? "";
  for (const [open, close] of [
    ["«", "»"],
    ["“", "”"],
  ] as const) {
    if (count(open) > count(close) && next === close) end++;
    else if (count(close) > count(open) && prev === open) start--;
  }
  if (count('"') % 2 === 1) {
    if (next === '"') end++;
    else if (prev === '"') start--;
  }
  return start === span.start && end === span.end ? span : { ...span, start, end };
}

/** A quotation's span with the marks around it. */
function withMarks(text: string, span: AnswerSpan): AnswerSpan {
  const open = /[«"“]/u.test(text[span.start - 1] ?? "");
  const close = /[»"”]/u.test(text[span.end] ?? "");
  return open && close ? { ...span, start: span.start - 1, end: span.end + 1 } : span;
}

/** A number's "%" belongs to it ("40%", "40 %"): tokens leave it out. */
function withSign(text: string, span: AnswerSpan | undefined): AnswerSpan | undefined {
  const sign = span && PERCENT_SIGN.exec(text.slice(span.end));
  return span && sign ? { ...span, end: span.end + sign[0].length } : span;
}

function pickSpan(s: SpanInput, q: AnalyzedQuestion, index: LexicalIndex): AnswerSpan | undefined {
  // "Из каких районов…?", "Какие сферы…?": several things are asked for, more than one short piece says.
  const several = asksSeveral(tokenize(q.normalized).map((t) => t.lower)) || pluralHead(q);
  const factoid = q.asks !== undefined && FACTOID.includes(q.asks) && q.kind.type !== "definition" && !several;
  // The reader is fitted on questions typed in the corpus's language; translated or transliterated ones it reads less surely.
  const typedInCorpusLang = index.corpusLangs.has(q.lang) && !q.cyrillicReading;
  const { minConfidence, minConfidenceNear, minConfidenceTranslated } = TUNING.reader;
  const confidence = typedInCorpusLang
    ? { floor: minConfidenceNear, sure: minConfidence }
    : { floor: minConfidenceTranslated, sure: minConfidenceTranslated };
  // Other questions with a question word, as typed in the corpus's language: the clause the reader points to, near the matched words.
  // Not "Что такое Средний коридор?": a description is the clause about the thing itself.
  const readsClause = q.asks !== undefined && q.kind.type !== "definition" && typedInCorpusLang;
  return (
    (q.kind.type === "statement" ? quotedWords(s) : undefined) ??
    roleBeforeName(s, q) ??
    passiveAgent(s, q) ??
    typedSpan(s, q) ??
    whichSpan(s, q, several) ??
    namingSpan(s, q) ??
    (factoid ? readerSpan(s, q, confidence) : undefined) ??
    (readsClause ? readerClause(s, q) : undefined) ??
    clauseSpan(s)
  );
}

/** "как", "as", "kimi" after a verb of naming ("известный как", "known as"). */
const AS = /^(как|as|kimi)$/u;

/**
 * "Как ещё называется западная часть Фресно?": the name the sentence gives after its own verb of naming
 * («…который также часто называют «Юго-западным Фресно»», "known as", "called"), or across the dash of a
 * definition whose other side holds the question's words («Зарезервированные вопросы – вопросы, которые
 * выходят за пределы…»).
 */
function namingSpan(s: SpanInput, q: AnalyzedQuestion): AnswerSpan | undefined {
  if (!tokenize(q.normalized).some((t) => isNamingWord(t.lower))) return undefined;
  const { toks } = s;
  for (let k = 0; k < toks.length; k++) {
    const as = AS.test(toks[k + 1]?.lower ?? "");
    if (!(isNamingWord(toks[k]!.lower) || (as && givesOtherName(toks[k]!.lower))) || asked(s, k + 1)) continue;
    const from = as ? k + 2 : k + 1;
    const quote = quotedSpans(s).find((x) => x.from === from);
    // A quoted name keeps its marks («Маршрут Трампа…»).
    if (quote) return withMarks(s.text, toSpan(toks, quote, "clause"));
    const clause = clauses(toks, s.text).find((c) => c.from <= from && c.to >= from);
    const piece = clause && from <= clause.to ? { from, to: Math.min(clause.to, from + TUNING.reader.maxTokens - 1) } : undefined;
    if (piece && !inQuestion(s, piece)) return toSpan(toks, piece, "clause");
  }
  return bracketName(s) ?? definedAcrossDash(s);
}

/**
 * A name in brackets: "X (Y)" where X is the question's word («в его доктрине ненасилия (сатьяграха)»), or
 * "Y («X»)" where the brackets hold the question's words («тентиллами («маленькими щупальцами»)»).
 */
function bracketName(s: SpanInput): AnswerSpan | undefined {
  const { toks, text } = s;
  for (const m of text.matchAll(/\(([^()]+)\)/gu)) {
    const inside = toks.flatMap((t, k) => (t.start > m.index && t.end < m.index + m[0].length ? [k] : []));
    const before = toks.findLastIndex((t) => t.end <= m.index);
    if (inside.length === 0 || before < 0 || inside.length > TUNING.reader.maxTokens) continue;
    const piece = { from: inside[0]!, to: inside[inside.length - 1]! };
    if (asked(s, before) && !inQuestion(s, piece)) return toSpan(toks, piece, "clause");
    if (inQuestion(s, piece) && !asked(s, before)) return toSpan(toks, { from: before, to: before }, "clause");
  }
  return undefined;
}

/** A definition "A – B": the side without the question's words, when the other side holds them. */
function definedAcrossDash(s: SpanInput): AnswerSpan | undefined {
  const { toks, text } = s;
  const dash = toks.findIndex((t, k) => k > 0 && /^\s+[—–]\s+$/u.test(text.slice(toks[k - 1]!.end, t.start)));
  if (dash <= 0) return undefined;
  const before = s.at.filter((a) => a < dash).length;
  const after = s.at.filter((a) => a >= dash).length;
  if (before === 0 && after > 0) return toSpan(toks, { from: 0, to: dash - 1 }, "clause");
  if (after === 0 && before > 0) {
    const clause = clauses(toks, text).find((c) => c.from <= dash && c.to >= dash);
    const start = /^(это|this)$/u.test(toks[dash]!.lower) ? dash + 1 : dash;
    return clause && start <= clause.to
      ? toSpan(toks, { from: start, to: Math.min(clause.to, start + TUNING.reader.maxTokens - 1) }, "clause")
      : undefined;
  }
  return undefined;
}

/** A short passive participle ("организован", "профинансирована", "построено") or an English one before "by". */
const PASSIVE = /^\p{L}{3,}(ан|ян|ен|ён)(а|о|ы)?$/u;
/** Words that open another phrase after the agent ("при поддержке", "в рамках", "with the support"). */
const AFTER_AGENT = /^(при|в|во|на|для|с|со|по|после|до|in|on|at|for|with|after|under|since|during)$/u;

/**
 * "Кто организовал турнир?" — «Турнир организован Федерацией шахмат Азербайджана и Министерством…»;
 * "Who financed it?" — "was financed jointly by the city budget and…": the agent of the passive verb
 * the question asks about, up to the end of its clause or the next phrase.
 */
function passiveAgent(s: SpanInput, q: AnalyzedQuestion): AnswerSpan | undefined {
  if (q.kind.type !== "person") return undefined;
  for (const k of s.at) {
    const agent = agentAfter(s, k);
    if (agent) return { start: s.toks[agent.from]!.start, end: s.toks[agent.to]!.end, kind: "org" };
  }
  return undefined;
}

/** Where the agent of the passive verb at `k` starts: right after it in Russian, after "by" in English; or -1. */
function agentStart(toks: Token[], k: number): number {
  const t = toks[k]!;
  // (Not a name that ends like one: "Пашинян".)
  if (t.script === "cyrillic") return PASSIVE.test(t.lower) && !t.capitalized ? k + 1 : -1;
  if (t.script !== "latin" || !/ed$/u.test(t.lower)) return -1;
  const by = toks.findIndex((x, n) => n > k && n <= k + 3 && x.lower === "by");
  return by > 0 ? by + 1 : -1;
}

/** The agent after the passive verb at `k`, up to its clause's end or the next phrase, naming somebody (a capital). */
function agentAfter(s: SpanInput, k: number): Piece | undefined {
  const { toks, text } = s;
  let from = agentStart(toks, k);
  if (from < 0 || !toks[from]) return undefined;
  const end = clauses(toks, text).find((c) => c.from <= from && c.to >= from)?.to ?? from;
  let to = from;
  while (to + 1 <= end && to - from < 9 && !(to > from && AFTER_AGENT.test(toks[to + 1]!.lower))) to++;
  while (from < to && /^(the|a|an)$/u.test(toks[from]!.lower)) from++;
  const names = toks.slice(from, to + 1).some((x) => x.capitalized && x.script !== "digit");
  return names ? { from, to } : undefined;
}

/** "Какой X…?" (one thing): a person's name when X names people, else the noun phrase built on X. */
function whichSpan(s: SpanInput, q: AnalyzedQuestion, several: boolean): AnswerSpan | undefined {
  if (q.asks !== "which" || q.kind.type !== "none") return undefined;
  return (several ? undefined : whichPerson(s, q)) ?? headPhrase(s, q, several);
}

/** "Какой немецкий поэт…?", "Какой игрок…?": a noun for people asks for a person's name. */
function whichPerson(s: SpanInput, q: AnalyzedQuestion): AnswerSpan | undefined {
  const noun = governedNoun(q);
  if (!noun || !namesPeople(noun.lower, noun.script)) return undefined;
  return typedSpan(s, { ...q, kind: { ...q.kind, type: "person" } });
}

/** The noun a question word governs, past the adjectives after it ("какой французский король" → "король"). */
function governedNoun(q: AnalyzedQuestion): Token | undefined {
  const words = tokenize(q.normalized);
  const k = questionWordAt(words.map((t) => t.lower));
  if (k < 0) return undefined;
  const at = words.findIndex((t, n) => n > k && n < k + 4 && !isStopword(t.lower) && !looksLikeAdjective(t.lower, t.script));
  if (at < 0) return undefined;
  // "which bus routes": an English compound's head is its last noun.
  let head = at;
  const noun = (t: Token | undefined) =>
    t?.script === "latin" && !isStopword(t.lower) && !looksLikeVerb(t.lower, t.script) && !looksLikeAdjective(t.lower, t.script);
  while (q.lang === "en" && noun(words[head + 1])) head++;
  return words[head];
}

/** "which universities", "hansı universitetlərlə": the noun the question word governs is plural (English, Azerbaijani). */
function pluralHead(q: AnalyzedQuestion): boolean {
  if (q.asks !== "which") return false;
  const noun = governedNoun(q);
  return noun?.script === "latin" && /(\p{L}[^s']s|l[əa]r\p{L}*)$/u.test(noun.lower);
}

/** The stems a noun of the question has in the text: its own, and those of its concept's translations ("universities" → «университет»). */
function nounStems(q: AnalyzedQuestion, noun: Token, s: SpanInput): Set<string> {
  const own = stemWord(noun.lower, noun.script);
  const stems = new Set([own]);
  // A noun the sentence has is matched as itself ("коридор" is not the glossary's other words for the Middle Corridor).
  if (s.toks.some((t) => stemWord(t.lower, t.script) === own)) return stems;
  for (const c of q.concepts)
    if (c.group === undefined && c.label.toLowerCase() === noun.lower)
      for (const a of c.alternatives) for (const st of a.stems) stems.add(st);
  return stems;
}

/**
 * "Какой однополосный аэропорт…?" — «Международный аэропорт Сан-Диего»: the noun phrase the sentence
 * builds on the noun the question word governs — its adjectives before it and the name after it —
 * when that adds something the question does not say. Undefined when the sentence lacks the noun.
 */
function headPhrase(s: SpanInput, q: AnalyzedQuestion, several = false): AnswerSpan | undefined {
  const noun = governedNoun(q);
  if (!noun) return undefined;
  const stems = nounStems(q, noun, s);
  const { toks, text } = s;
  const p: PieceInput = { toks, text, kind: q.kind.type, yearOnly: false };
  const heads = toks.flatMap((t, n) => (stems.has(stemWord(t.lower, t.script)) ? [n] : []));
  // «представил работу под названием "Теория Земли"»: the name X is given.
  const named = several ? undefined : heads.map((n) => nameAfter(s, n)).find((x) => x !== undefined);
  if (named) return { start: toks[named.from]!.start, end: toks[named.to]!.end, kind: "clause" };
  const all = heads.map((n) => phraseOn(p, n));
  const phrases = all.filter((x) => addsToQuestion(s, x));
  // "во многих отраслях, в частности в автомобилестроении": the example names the one asked for.
  // "Jacksonville is the largest city": the question's own description of X, named across a copula.
  if (phrases.length === 0 && !several) {
    const other = all.map((x) => exampleAfter(s, x.to) ?? copulaPartner(s, x)).find((x) => x !== undefined);
    return other && toSpan(toks, other, "clause");
  }
  if (phrases.length === 0) return undefined;
  const best = nearestInForm(s, phrases, heads, noun);
  // «Самым полезным прибором … является индикатор парового двигателя»: a description of X names it across its copula.
  const partner = several || namesSomething(s, best) ? undefined : copulaPartner(s, best);
  if (partner) return toSpan(toks, partner, "clause");
  // "Какие университеты…?" — «с Грузинским аграрным университетом и Аньхойским … университетом»: the list of them.
  const { from, to } = several ? listOfPhrases(p, phrases, best) : best;
  // One phrase for several things says them only as a list of numbers ("Routes 12, 45 and 92").
  const numbers = toks.slice(from, to + 1).filter((t) => t.script === "digit").length;
  if (several && from === best.from && to === best.to && numbers < 2) return undefined;
  return { start: toks[from]!.start, end: toks[to]!.end, kind: "clause" };
}

/** The noun phrase on the noun at `j`: the adjectives before it, a name or numbers after it. */
function phraseOn(p: PieceInput, j: number): Piece {
  const { toks } = p;
  let from = j;
  while (from > 0 && looksLikeAdjective(toks[from - 1]!.lower, toks[from - 1]!.script) && adjacent(p, from - 1)) from--;
  let to = j;
  // A name after it ("музей Хорнимана", "аэропорт Сан-Диего", "Театр Войцеха Богуславского").
  while (to + 1 < toks.length && toks[to + 1]!.capitalized && toks[to + 1]!.script !== "digit" && sameName(p, to)) to++;
  // Numbers naming them ("Routes 12, 45 and 92", «маршруты № 12 и 45»).
  if (to === j) to = numberList(p, to);
  return { from, to };
}

/** Whether a phrase adds to the question — more than its words, function words and a quantifier ("во многих отраслях"). */
function addsToQuestion(s: SpanInput, x: Piece): boolean {
  for (let n = x.from; n <= x.to; n++) if (!asked(s, n) && !isStopword(s.toks[n]!.lower) && !isQuantifier(s.toks[n]!.lower)) return true;
  return false;
}

/**
 * Of the phrases on X, one with X in the question's own form — its case, so its role in the sentence
 * ("Какой университет…?" — «Нортумбрийский университет был признан "Лучшим новым университетом"»);
 * then the one nearest the question's other words ("самым загруженным аэропортом… считается
 * Международный аэропорт Сан-Диего").
 */
function nearestInForm(s: SpanInput, phrases: Piece[], heads: number[], noun: Token): Piece {
  const form = (x: Piece) => (heads.some((h) => h >= x.from && h <= x.to && s.toks[h]!.lower === noun.lower) ? 0 : 1);
  const near = (x: Piece) =>
    Math.min(Infinity, ...s.at.filter((a) => a < x.from || a > x.to).map((a) => Math.min(Math.abs(a - x.from), Math.abs(a - x.to))));
  return phrases.reduce((a, b) => ((form(b) - form(a) || near(b) - near(a)) < 0 ? b : a));
}

/** Verbs linking a thing to what it is ("является", "считается", "is"); a dash links them too ("Ван Найс — самый загруженный аэропорт"). */
const COPULA = /^(является|являлся|являлась|являлось|являются|являлись|считается|считался|считалась|считались|is|was|are|were|became)$/u;

/** Whether a phrase names something: a capitalised word past the sentence's first, a number or a quotation. */
function namesSomething({ toks, text }: SpanInput, x: Piece): boolean {
  for (let k = x.from; k <= x.to; k++) if ((k > 0 && toks[k]!.capitalized) || toks[k]!.script === "digit") return true;
  return /[«"“]/u.test(text.slice(toks[x.from]!.start, toks[x.to]!.end));
}

/**
 * What a description stands for across a copula: the name before it ("Аэропорт Ван Найс — самый загруженный
 * аэропорт…", "Фресно является крупнейшим городом") or the words after it, to the clause's end ("Самым полезным
 * прибором … является индикатор парового двигателя").
 */
function copulaPartner(s: SpanInput, x: Piece): Piece | undefined {
  const { toks, text } = s;
  const dashBefore = (k: number) => k > 0 && /^\s*[—–]\s*$/u.test(text.slice(toks[k - 1]!.end, toks[k]!.start));
  const subjectEnd = dashBefore(x.from) ? x.from - 1 : COPULA.test(toks[x.from - 1]?.lower ?? "") ? x.from - 2 : -1;
  if (subjectEnd >= 0 && toks[subjectEnd]!.capitalized) {
    let from = subjectEnd;
    while (from > 0 && toks[from - 1]!.capitalized && sameName({ toks, text, kind: "none", yearOnly: false }, from - 1)) from--;
    return { from, to: subjectEnd };
  }
  const clause = clauses(toks, text).find((c) => c.from <= x.from && c.to >= x.to);
  if (!clause) return undefined;
  for (let k = x.to + 1; k <= clause.to; k++) {
    const after = COPULA.test(toks[k]!.lower) ? k + 1 : dashBefore(k) ? k : -1;
    if (after >= 0 && after <= clause.to) return { from: after, to: Math.min(clause.to, after + TUNING.reader.maxTokens - 1) };
  }
  return undefined;
}

/** A quotation naming the noun at `n`: right after it («драму "Династия"») or after "под названием", "called". */
function nameAfter(s: SpanInput, n: number): Piece | undefined {
  const { toks, text } = s;
  let k = n + 1;
  if (isStopword(toks[k]?.lower ?? "") && introducesName(toks[k + 1]?.lower ?? "")) k += 2;
  else if (introducesName(toks[k]?.lower ?? "")) k += 1;
  const quote = quotedSpans(s).find((x) => x.from === k);
  if (!quote || !/^\s*[«"“]\s*$/u.test(text.slice(toks[k - 1]!.end, toks[k]!.start))) return undefined;
  return quote;
}

/** The clause that gives an example of the phrase ending at `to` (", в частности в автомобилестроении"), past its opening words. */
function exampleAfter(s: SpanInput, to: number): Piece | undefined {
  const { toks, text } = s;
  if (!/^\s*[,(—–-]\s*$/u.test(text.slice(toks[to]!.end, toks[to + 1]?.start ?? toks[to]!.end))) return undefined;
  const k = [to + 1, to + 2, to + 3].find((j) => opensExample(toks[j]?.lower ?? ""));
  if (k === undefined) return undefined;
  const clause = clauses(toks, text).find((c) => c.from <= k + 1 && c.to >= k + 1);
  return clause && clause.to > k ? { from: k + 1, to: clause.to } : undefined;
}

/** The numbers right after token `to` ("12, 45 and 92"), joined by commas and "и"/"and": the last one's index, else `to`. */
function numberList(s: PieceInput, to: number): number {
  const { toks, text } = s;
  const digit = (k: number) => toks[k]?.script === "digit";
  if (!digit(to + 1) || datePart(toks, to + 1) || !/^\s*(№\s*)?$/u.test(text.slice(toks[to]!.end, toks[to + 1]!.start))) return to;
  let end = to + 1;
  for (let next = listNext(s, end); next >= 0 && digit(next); next = listNext(s, end)) end = next;
  return end;
}

/** The phrases joined to `best` by "и", "and" or a comma, as one piece from the first to the last. */
function listOfPhrases(s: PieceInput, phrases: Piece[], best: Piece): Piece {
  const joined = (a: Piece, b: Piece) => listNext(s, a.to) === b.from;
  const sorted = [...phrases].sort((a, b) => a.from - b.from);
  let k = sorted.indexOf(best);
  let from = best.from;
  let to = best.to;
  for (let j = k; j > 0 && joined(sorted[j - 1]!, sorted[j]!); j--) from = sorted[j - 1]!.from;
  for (k = sorted.indexOf(best); k + 1 < sorted.length && joined(sorted[k]!, sorted[k + 1]!); k++) to = sorted[k + 1]!.to;
  return { from, to };
}

/**
 * The clause that holds the reader's best piece, when the reader is not sure enough of the piece
 * itself: a whole clause keeps the fact when the piece misses its edges. Only the clause with most of
 * the question's words or one next to it ("…, который [ответ]"), only one naming the word the question
 * word governs when the sentence has it ("какой коридор" → the clause with "коридора"), with its list.
 */
function readerClause(s: SpanInput, q: AnalyzedQuestion): AnswerSpan | undefined {
  const input = readerView(s, q);
  const best = readSpan(input);
  if (!best) return undefined;
  const all = clauses(s.toks, s.text);
  const k = all.findIndex((c) => c.from <= best.piece.from && c.to >= best.piece.to);
  const c = all[k];
  if (!c) return undefined;
  const hits = (x: Piece | undefined) => (x ? s.at.filter((a) => a >= x.from && a <= x.to).length : 0);
  const top = Math.max(...all.map(hits));
  if (top === 0 || ![all[k - 1], c, all[k + 1]].some((x) => hits(x) === top)) return undefined;
  if (!inHeadClause(input, c)) return undefined;
  return toSpan(s.toks, afterAsked(s, withList(s, all, c), best.piece), "clause");
}

/**
 * The clause from just after the last of the question's words before the reader's piece: what the
 * question already says is no answer ("…в настоящее время является [исполнительным вице-президентом…]").
 * A quoted name stays whole ("Маршрут Трампа для международного мира и процветания").
 */
function afterAsked(s: SpanInput, clause: Piece, piece: Piece): Piece {
  const before = s.at.filter((a) => a >= clause.from && a < piece.from);
  let from = Math.min(before.length ? Math.max(...before) + 1 : clause.from, piece.from);
  for (const q of quotedSpans(s)) if (q.from < from && q.to >= from) from = Math.max(clause.from, q.from);
  return { from, to: clause.to };
}

/**
 * "What did the minister say?": the words the sentence quotes — inside its quotation marks, or from its
 * start to the closing mark of a quotation opened in the sentence before ("It is the front door…," X told…).
 */
function quotedWords(s: SpanInput): AnswerSpan | undefined {
  // The quotation as it is: its function words are the speaker's ("It is the front door…").
  const whole = (p: Piece): AnswerSpan => ({ start: s.toks[p.from]!.start, end: s.toks[p.to]!.end, kind: "clause" });
  const inside = quotedSpans(s).sort((a, b) => b.to - b.from - (a.to - a.from))[0];
  if (inside && inside.to - inside.from >= 2) return whole(inside);
  const close = /^[^«“"]*?[»”"]/u.exec(s.text);
  if (!close) return undefined;
  const end = close.index + close[0].length - 1;
  const last = s.toks.findLastIndex((t) => t.end <= end);
  return last >= 2 ? whole({ from: 0, to: last }) : undefined;
}

/** The stretches of tokens inside quotation marks («…», "…", “…”). */
function quotedSpans({ toks, text }: SpanInput): Piece[] {
  const out: Piece[] = [];
  for (const m of text.matchAll(QUOTATION)) {
    const start = m.index;
    const end = start + m[0].length;
    const inside = toks.flatMap((t, k) => (t.start > start && t.end < end ? [k] : []));
    if (inside.length > 0) out.push({ from: inside[0]!, to: inside[inside.length - 1]! });
  }
  return out;
}

/**
 * Who the news comes from, as the sentence attributes it: «Как сообщили в [Министерстве иностранных
 * дел Азербайджана], …», «по данным [ведомства]», "according to [the department]", "[the city's
 * Department of Public Transport] said in a statement", «[Министерство] сообщило». Up to the clause's end.
 */
function sourceSpan(text: string): AnswerSpan | undefined {
  for (const re of SOURCE_AFTER) {
    const m = re.exec(text);
    if (m?.[1]) return trimmedSpan(text, m.index + m[0].length - m[1].length, m.index + m[0].length);
  }
  const m = SOURCE_BEFORE.exec(text);
  if (!m?.[1]) return undefined;
  // The subject: the last words before the verb, after the clause's start.
  const head = m[1].split(/[,;:«»"“”]/).pop()!;
  const words = head.trim().split(/\s+/).slice(-8).join(" ");
  const start = m.index + m[1].length - head.length + head.indexOf(words);
  return trimmedSpan(text, start, start + words.length);
}

/** The attributed party after the attribution: "сообщили в X", "по данным X", "according to X". */
const SOURCE_AFTER = [
  // A quotation, then its speaker: "«…», said Rauf Karimov, chief executive…".
  /["”»],?\s+(?:said|says|told|added)\s+([^,.;:]+)/iu,
  /сообщ(?:или|ил|ила|ило|ает|ают)\s+(?:в|во)\s+([^,.;:]+)/iu,
  /(?:по (?:данным|словам|информации|сообщению)|согласно)\s+([^,.;:]+)/iu,
  /(?:according to|as reported by)\s+([^,.;:]+)/iu,
];

/** The attributed party before the verb: "X said in a statement", «X сообщило», "X məlumat verib". */
const SOURCE_BEFORE =
  /^(.*?)\s+(?:said|announced|reported|stated|сообщил[аои]?|заявил[аои]?|məlumat verib|xəbər verib|bildirib|açıqlayıb)(?![\p{L}])/iu;

function trimmedSpan(text: string, start: number, end: number): AnswerSpan | undefined {
  const piece = text.slice(start, end);
  const lead = piece.length - piece.trimStart().length;
  const body = piece.trim();
  if (!/\p{L}/u.test(body)) return undefined;
  return { start: start + lead, end: start + lead + body.length, kind: "source" };
}

/** Question words asking for a thing, a person, a place or a time: the reader finds the words that name it. */
const FACTOID = ["what", "which", "who", "where", "when", "whose"];

/**
 * The reader's piece when it holds at least `sure` of the softmax; a less sure one (at least `floor`)
 * only next to the question's words and, for "which X" when the sentence names X, in X's clause.
 */
function readerSpan(s: SpanInput, q: AnalyzedQuestion, { floor, sure }: { floor: number; sure: number }): AnswerSpan | undefined {
  const input = readerView(s, q);
  const best = readSpan(input);
  if (!best || best.p < floor) return undefined;
  if (best.p < sure && !(distance(best.piece, s.at) <= TUNING.reader.nearTokens && inHeadClause(input, best.piece))) return undefined;
  const kind = TYPED_KINDS.includes(q.kind.type) ? q.kind.type : "clause";
  return toSpan(input.toks, best.piece, kind as AnswerSpan["kind"]);
}

/** Whether a piece stands in a clause naming the word the question word governs, or the sentence names it nowhere. */
function inHeadClause(input: ReaderInput, p: Piece): boolean {
  if (input.head.length === 0) return true;
  const c = input.clauses.find((x) => x.from <= p.from && x.to >= p.to);
  return c !== undefined && input.head.some((h) => h >= c.from && h <= c.to);
}

/** What the span reader sees of sentence `i` for a question. */
export function readerInput(index: LexicalIndex, q: AnalyzedQuestion, i: number): ReaderInput | undefined {
  const text = index.sentences[i]!.text;
  const toks = sentenceTokens(index, i);
  if (toks.length === 0) return undefined;
  const stems = questionStems(q);
  return readerView({ toks, text, stems, at: anchors(toks, stems), isCommonWord: () => false }, q);
}

function readerView(s: SpanInput, q: AnalyzedQuestion): ReaderInput {
  const { toks, text } = s;
  const type = q.kind.type;
  return {
    toks,
    text,
    at: s.at,
    type,
    asks: q.asks ?? "none",
    asked: (k) => k >= 0 && k < toks.length && asked(s, k),
    clauses: clauses(toks, text),
    typed: TYPED_KINDS.includes(type) ? piecesOf(toks, text, type, countNounStems(q), YEAR_ONLY.test(q.normalized)) : [],
    ...questionCues(s, q),
  };
}

/** Question words that govern a noun ("какой театр", "чей стадион", "сколько очков"). */
const GOVERNING = ["which", "whose", "howmany"];

/** The preposition before the question word, and where the sentence has the word it governs and the word before it. */
function questionCues(
  s: SpanInput,
  q: AnalyzedQuestion,
): { prep?: string; head: number[]; owner: number[]; qword?: string; side?: (k: number) => number } {
  const words = tokenize(q.normalized);
  const k = questionWordAt(words.map((t) => t.lower));
  if (k < 0) return { head: [], owner: [] };
  const prev = words[k - 1];
  const ownerStem = prev && !isStopword(prev.lower) ? stemWord(prev.lower, prev.script) : undefined;
  const prep = prev && isStopword(prev.lower) && prev.lower.length <= 3 ? prev.lower : undefined;
  const noun = GOVERNING.includes(q.asks ?? "") ? words.slice(k + 1, k + 3).find((t) => !isStopword(t.lower)) : undefined;
  const stem = noun && stemWord(noun.lower, noun.script);
  const head: number[] = [];
  const owner: number[] = [];
  s.toks.forEach((t, j) => {
    const st = stemWord(t.lower, t.script);
    if (stem && st === stem) head.push(j);
    if (ownerStem && st === ownerStem) owner.push(j);
  });
  return { prep, head, owner, qword: words[k]!.lower, side: sideOf(s, words, k) };
}

/** On which side of the question word (at `k` of `words`) each sentence token's word stands in the question. */
function sideOf(s: SpanInput, words: Token[], k: number): (j: number) => number {
  const stemsOf = (ws: Token[]) => new Set(ws.filter((t) => !isStopword(t.lower)).map((t) => stemWord(t.lower, t.script)));
  const before = stemsOf(words.slice(0, k));
  const after = stemsOf(words.slice(k + 1));
  const sides = s.toks.map((t) => {
    const st = stemWord(t.lower, t.script);
    return (before.has(st) ? -1 : 0) + (after.has(st) ? 1 : 0);
  });
  return (j) => sides[j] ?? 0;
}

/** The span of a piece, without function words at its edges ("… по", "и …"). */
function toSpan(toks: Token[], p: Piece, kind: AnswerSpan["kind"]): AnswerSpan {
  let { from, to } = p;
  // Function words off the edges — not a month that is one too ("May 1") or a year's «г.», a number word ("два года"),
  // an initial ("А. Н. Туполев").
  const kept = (t: Token) =>
    isNumberToken(t) ||
    (kind === "date" && (MONTHS.test(t.lower) || RU_YEAR_WORD.test(t.lower))) ||
    (kind === "person" && /^\p{Lu}$/u.test(t.text));
  const bare = (k: number) => isStopword(toks[k]!.lower) && !kept(toks[k]!);
  while (to > from && bare(to)) to--;
  while (from < to && bare(from)) from++;
  return { start: toks[from]!.start, end: toks[to]!.end, kind };
}
