/**
 * English↔Russian word lexicon for cross-language matching, read from
 * `data/lexicon/en-ru.tsv` (derived from the Müller dictionary, GPL-2+: see
 * data/lexicon/README.md; built by scripts/build-en-ru-lexicon.mjs).
 *
 * File format: `headword<TAB>translation|translation|…`, one English headword per line
 * (lower case), Russian translations most primary first.
 *
 * Loading is one read and one pass over the bytes (see "Loading and lookup" below); nothing
 * is decoded or stemmed until a word is looked up, so a process that never asks pays ~10 ms.
 */
import fs from "node:fs";
import path from "node:path";
import snowball from "snowball-stemmers";

/** Where the lexicon lives, relative to the repository root. */
export const DEFAULT_LEXICON_FILE = "data/lexicon/en-ru.tsv";

/** {@link DEFAULT_LEXICON_FILE} resolved against the working directory (the repo root when run via npm). */
export function defaultLexiconPath(): string {
  return path.resolve(DEFAULT_LEXICON_FILE);
}

export interface RussianTranslation {
  /** A Russian word or short phrase, lower case, ё folded to е. */
  text: string;
  /** 1-based position in the entry it came from: 1 = main sense. */
  rank: number;
}

export interface Dictionary {
  /** Number of English headwords. */
  readonly size: number;
  /** Whether the exact (lower-cased) English headword is in the lexicon. */
  has(englishWord: string): boolean;
  /**
   * Russian translations of an English word, most primary first. Tolerant of inflection:
   * the word itself, else its lemma (plural, -ed, -ing, -er/-est, -ly, irregular forms),
   * else the same for its British/American spelling variant ({@link spellingVariants}).
   * An irregular form (met, led, said, left …) gets its lemma's translations; when it also
   * has an entry of its own (left, found, ground), both, interleaved by rank, its own first
   * on each rank. Empty when unknown.
   */
  toRussian(englishWord: string): RussianTranslation[];
  /**
   * English headwords that have the given Russian word (any inflected form: matched by
   * Snowball stem of single-word translations) among their translations, the most primary
   * first: headwords where it is the first translation, then second, and so on.
   */
  toEnglish(russianWord: string, limit?: number): string[];
}

const ruStemmer = snowball.newStemmer("russian");

/** Lower case, ё→е, trimmed; the fold applied to every Russian string here. */
export function foldRussian(s: string): string {
  return s.trim().toLowerCase().replace(/ё/g, "е");
}

function foldEnglish(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s$|s'$/, (m) => (m === "'s" ? "" : "s"));
}

// ---------------------------------------------------------------------------------------
// English lemmas

/** Common irregular verbs: base, past, past participle ("a/b" for variants). */
const IRREGULAR_VERBS = `
arise arose arisen|awake awoke awoken|be was/were been|bear bore borne/born|beat beat beaten|become became become
begin began begun|bend bent bent|bet bet bet|bid bid bid|bind bound bound|bite bit bitten|bleed bled bled|blow blew blown
break broke broken|breed bred bred|bring brought brought|broadcast broadcast broadcast|build built built|burn burnt burnt
burst burst burst|buy bought bought|cast cast cast|catch caught caught|choose chose chosen|cling clung clung|come came come
cost cost cost|creep crept crept|cut cut cut|deal dealt dealt|dig dug dug|do did done|draw drew drawn|dream dreamt dreamt
drink drank drunk|drive drove driven|eat ate eaten|fall fell fallen|feed fed fed|feel felt felt|fight fought fought
find found found|flee fled fled|fling flung flung|fly flew flown|forbid forbade forbidden|forecast forecast forecast
foresee foresaw foreseen|forget forgot forgotten|forgive forgave forgiven|freeze froze frozen|get got got/gotten
give gave given|go went gone|grind ground ground|grow grew grown|hang hung hung|have had had|hear heard heard|hide hid hidden
hit hit hit|hold held held|hurt hurt hurt|keep kept kept|kneel knelt knelt|know knew known|lay laid laid|lead led led
lean leant leant|leap leapt leapt|learn learnt learnt|leave left left|lend lent lent|let let let|lie lay lain|light lit lit
lose lost lost|make made made|mean meant meant|meet met met|mislead misled misled|mistake mistook mistaken|outdo outdid outdone
overcome overcame overcome|overtake overtook overtaken|overthrow overthrew overthrown|pay paid paid|prove proved proven
put put put|quit quit quit|read read read|rebuild rebuilt rebuilt|rid rid rid|ride rode ridden|ring rang rung|rise rose risen
run ran run|saw sawed sawn|say said said|see saw seen|seek sought sought|sell sold sold|send sent sent|set set set
sew sewed sewn|shake shook shaken|shed shed shed|shine shone shone|shoot shot shot|show showed shown|shrink shrank shrunk
shut shut shut|sing sang sung|sink sank sunk|sit sat sat|sleep slept slept|slide slid slid|sling slung slung|slit slit slit
smell smelt smelt|sow sowed sown|speak spoke spoken|speed sped sped|spell spelt spelt|spend spent spent|spill spilt spilt
spin spun spun|spit spat spat|split split split|spoil spoilt spoilt|spread spread spread|spring sprang sprung|stand stood stood
steal stole stolen|stick stuck stuck|sting stung stung|stink stank stunk|stride strode stridden|strike struck struck
string strung strung|strive strove striven|swear swore sworn|sweep swept swept|swell swelled swollen|swim swam swum
swing swung swung|take took taken|teach taught taught|tear tore torn|tell told told|think thought thought|throw threw thrown
thrust thrust thrust|tread trod trodden|undergo underwent undergone|understand understood understood|undertake undertook undertaken
uphold upheld upheld|upset upset upset|wake woke woken|wear wore worn|weave wove woven|weep wept wept|win won won|wind wound wound
withdraw withdrew withdrawn|withhold withheld withheld|withstand withstood withstood|wring wrung wrung|write wrote written
`;

/** Other irregular forms: form → lemma. */
const IRREGULAR_OTHER: Record<string, string> = {
  is: "be",
  are: "be",
  am: "be",
  being: "be",
  has: "have",
  having: "have",
  does: "do",
  doing: "do",
  goes: "go",
  men: "man",
  women: "woman",
  children: "child",
  feet: "foot",
  teeth: "tooth",
  mice: "mouse",
  geese: "goose",
  oxen: "ox",
  lives: "life",
  wives: "wife",
  knives: "knife",
  leaves: "leaf",
  halves: "half",
  selves: "self",
  thieves: "thief",
  shelves: "shelf",
  wolves: "wolf",
  loaves: "loaf",
  analyses: "analysis",
  crises: "crisis",
  theses: "thesis",
  bases: "basis",
  hypotheses: "hypothesis",
  criteria: "criterion",
  phenomena: "phenomenon",
  media: "medium",
  data: "datum",
  better: "good",
  best: "good",
  worse: "bad",
  worst: "bad",
  more: "much",
  most: "much",
  less: "little",
  least: "little",
  further: "far",
  furthest: "far",
  farther: "far",
  farthest: "far",
  elder: "old",
  eldest: "old",
};

const IRREGULAR: Map<string, string[]> = (() => {
  const m = new Map<string, string[]>();
  const add = (form: string, lemma: string) => {
    if (form === lemma) return;
    const l = m.get(form);
    if (!l) m.set(form, [lemma]);
    else if (!l.includes(lemma)) l.push(lemma);
  };
  for (const row of IRREGULAR_VERBS.trim().split(/\s*[|\n]\s*/)) {
    const [base, past, pp] = row.split(/\s+/);
    if (!base || !past || !pp) continue;
    for (const f of [...past.split("/"), ...pp.split("/")]) add(f, base);
  }
  for (const [f, l] of Object.entries(IRREGULAR_OTHER)) add(f, l);
  return m;
})();

const VOWEL = /[aeiou]/;
/** Ends consonant–vowel–consonant (hop, mak, visit): a stripped -ing/-ed may have lost an "e". */
const CVC = /[^aeiou][aeiou][^aeiouwxy]$/;

/**
 * Candidate lemmas of an English word form, most likely first, without the word itself
 * (irregular lemmas first, then suffix rules). Candidates need not be words: the caller
 * keeps the first one found in the lexicon.
 */
export function englishLemmas(word: string): string[] {
  const w = foldEnglish(word);
  const out: string[] = [];
  const add = (c: string) => {
    if (c.length >= 2 && c !== w && !out.includes(c)) out.push(c);
  };
  for (const l of IRREGULAR.get(w) ?? []) add(l);
  // A possessive typed without its apostrophe ("womens", "childrens"): the irregular plural's lemma.
  if (w.endsWith("s")) for (const l of IRREGULAR.get(w.slice(0, -1)) ?? []) add(l);
  const undouble = (s: string) => (/([bdgklmnprtz])\1$/.test(s) ? s.slice(0, -1) : "");
  const stripped = (stem: string) => {
    // stem after removing -ing/-ed/-er/-est: try as is, with a final e, undoubled
    const withE = `${stem}e`;
    if (CVC.test(stem)) {
      add(withE);
      add(stem);
    } else {
      add(stem);
      add(withE);
    }
    const u = undouble(stem);
    if (u) add(u);
  };
  for (const rule of LEMMA_RULES) rule(w, add, stripped);
  return out;
}

/** One suffix rule of {@link englishLemmas}: adds candidates for `w` (`stripped` adds a stem after -ing/-ed/-er/-est). */
type LemmaRule = (w: string, add: (c: string) => void, stripped: (stem: string) => void) => void;

/** Plurals and third persons: -ies, -ves, -es, -s. */
const pluralLemmas: LemmaRule = (w, add) => {
  if (w.endsWith("ies") && w.length > 4) {
    add(`${w.slice(0, -3)}y`);
    add(w.slice(0, -1));
  } else if (w.endsWith("ves") && w.length > 4) {
    add(w.slice(0, -1));
    add(`${w.slice(0, -3)}f`);
    add(`${w.slice(0, -3)}fe`);
  } else if (w.endsWith("es") && w.length > 3) {
    add(w.slice(0, -1));
    add(w.slice(0, -2));
  } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is") && w.length > 3) {
    add(w.slice(0, -1));
  }
};

/** Past forms: -ied, -ed. */
const pastLemmas: LemmaRule = (w, add, stripped) => {
  if (w.endsWith("ied") && w.length > 4) add(`${w.slice(0, -3)}y`);
  else if (w.endsWith("ed") && w.length > 3) {
    add(w.slice(0, -1)); // based → base
    stripped(w.slice(0, -2));
  }
};

/** Gerunds: -ying, -ing. */
const gerundLemmas: LemmaRule = (w, add, stripped) => {
  if (w.endsWith("ying") && w.length > 5) {
    add(w.slice(0, -3)); // studying → study
    add(`${w.slice(0, -4)}ie`); // dying → die
  } else if (w.endsWith("ing") && w.length > 4 && VOWEL.test(w.slice(0, -3))) stripped(w.slice(0, -3));
};

/** Superlatives and comparatives: -iest, -est, -ier, -er. */
const degreeLemmas: LemmaRule = (w, add, stripped) => {
  if (w.endsWith("iest") && w.length > 5) add(`${w.slice(0, -4)}y`);
  else if (w.endsWith("est") && w.length > 4) stripped(w.slice(0, -3));
  if (w.endsWith("ier") && w.length > 4) add(`${w.slice(0, -3)}y`);
  else if (w.endsWith("er") && w.length > 3) {
    add(w.slice(0, -1)); // larger → large
    stripped(w.slice(0, -2));
  }
};

/** Adverbs: -ily, -ly. */
const adverbLemmas: LemmaRule = (w, add) => {
  if (w.endsWith("ily") && w.length > 4) add(`${w.slice(0, -3)}y`);
  else if (w.endsWith("ly") && w.length > 3) add(w.slice(0, -2));
};

/** The suffix rules in the order their candidates are tried. */
const LEMMA_RULES: LemmaRule[] = [pluralLemmas, pastLemmas, gerundLemmas, degreeLemmas, adverbLemmas];

/**
 * British/American spelling variants of a word form (organised → organized, color → colour,
 * center → centre, defense → defence, analyze → analyse, catalog → catalogue). The lexicon
 * mostly spells British with -ize; these are tried only when the form and its lemmas are
 * not found, so a variant that is not a word costs nothing.
 */
export function spellingVariants(word: string): string[] {
  const w = foldEnglish(word);
  const out: string[] = [];
  const sub = (re: RegExp, to: string) => {
    const v = w.replace(re, to);
    if (v !== w && !out.includes(v)) out.push(v);
  };
  sub(/is(e|ed|es|ing|ation|ations|er|ers|able)$/, "iz$1");
  sub(/iz(e|ed|es|ing|ation|ations|er|ers|able)$/, "is$1");
  sub(/ys(e|ed|es|ing|er|ers)$/, "yz$1");
  sub(/yz(e|ed|es|ing|er|ers)$/, "ys$1");
  sub(/([^aeiou])or(s|ed|ing|able|ite|ites|ful)?$/, "$1our$2");
  sub(/our(s|ed|ing|able|ite|ites|ful)?$/, "or$1");
  sub(/([bt])er(s)?$/, "$1re$2");
  sub(/([bt])re(s)?$/, "$1er$2");
  sub(/ense$/, "ence");
  sub(/ence$/, "ense");
  sub(/og(s)?$/, "ogue$1");
  sub(/ogue(s)?$/, "og$1");
  sub(/^program(s)?$/, "programme$1");
  sub(/^programme(s)?$/, "program$1");
  return out;
}

// ---------------------------------------------------------------------------------------
// Loading and lookup
//
// The file is kept as one UTF-8 buffer, folded in place (lower case, ё→е; both keep the
// byte length; the Russian side only before the first Russian lookup). Loading records
// where each line and its TAB are, and checks that the headwords are sorted (the build
// script sorts them; any other file gets a sorted order of line numbers). English lookup is a binary search over headwords; only the found line is
// decoded. Russian lookup scans the buffer for the query's Snowball stem at the start of a
// translation (after TAB or "|"): a Russian stem only ever cuts a suffix, so every
// translation with that stem starts with it, and only those few candidates are stemmed.
// That costs a few milliseconds per new word instead of stemming all ~34k Russian words up
// front (~0.3-0.5 s here); results are memoised.

const NL = 0x0a;
const CR = 0x0d;
const TAB = 0x09;
const BAR = 0x7c;
const SPACE = 0x20;

/** Byte order of buf[a0, a1) against buf[b0, b1): < 0, 0 or > 0. */
function compareRanges(buf: Buffer, a0: number, a1: number, b0: number, b1: number): number {
  const la = a1 - a0;
  const lb = b1 - b0;
  const len = Math.min(la, lb);
  for (let k = 0; k < len; k++) {
    const d = buf[a0 + k]! - buf[b0 + k]!;
    if (d !== 0) return d;
  }
  return la - lb;
}

let shared: { file: string; dict: Dictionary } | null = null;

/**
 * One {@link Dictionary} per process, loaded on the first call (default file:
 * {@link defaultLexiconPath}); a call with another file loads and keeps that one instead.
 */
export function sharedDictionary(file: string = defaultLexiconPath()): Dictionary {
  if (!shared || shared.file !== file) shared = { file, dict: loadDictionary(file) };
  return shared.dict;
}

/** Reads a lexicon file (default: {@link defaultLexiconPath}). Synchronous. */
export function loadDictionary(file: string = defaultLexiconPath()): Dictionary {
  return dictionaryFromBuffer(fs.readFileSync(file));
}

/** A {@link Dictionary} over the text of a lexicon file (copied; the argument is not changed). */
export function parseDictionary(text: string | Uint8Array): Dictionary {
  return dictionaryFromBuffer(typeof text === "string" ? Buffer.from(text, "utf8") : Buffer.from(text));
}

/** Lower-cases ASCII and Cyrillic and folds ё/Ё→е, in place; UTF-8 byte lengths do not change. */
function foldBufferInPlace(buf: Buffer): void {
  const n = buf.length;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b < 0x80) {
      if (b >= 0x41 && b <= 0x5a) buf[i] = b + 0x20;
    } else if (b === 0xd0 && i + 1 < n) {
      const c = buf[i + 1]!;
      if (c === 0x81)
        buf[i + 1] = 0xb5; // Ё → е
      else if (c >= 0x90 && c <= 0x9f)
        buf[i + 1] = c + 0x20; // А-П → а-п
      else if (c >= 0xa0 && c <= 0xaf) {
        buf[i] = 0xd1; // Р-Я → р-я
        buf[i + 1] = c - 0x20;
      }
      i++;
    } else if (b === 0xd1 && i + 1 < n) {
      if (buf[i + 1] === 0x91) {
        buf[i] = 0xd0; // ё → е
        buf[i + 1] = 0xb5;
      }
      i++;
    }
  }
}

/** The headword lines of a lexicon buffer: where each line starts and its first TAB, in headword byte order. */
interface HeadwordTable {
  buf: Buffer;
  starts: Int32Array;
  tabs: Int32Array;
  count: number;
  /** order[i]: the line holding the i-th headword in byte order (null when the file is sorted). */
  order: Int32Array | null;
}

/** Doubles the capacity of a growing line table. */
function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Line starts and first TABs of the lines that have a headword and a TAB (`text` is `buf` seen as
 * Latin-1), and the headwords' byte order.
 */
function scanHeadwords(buf: Buffer, text: string): HeadwordTable {
  let starts: Int32Array = new Int32Array(1024);
  let tabs: Int32Array = new Int32Array(1024);
  let count = 0;
  let sorted = true;
  for (let pos = 0; pos < text.length; ) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    const tab = text.indexOf("\t", pos);
    if (tab > pos && tab < end) {
      if (count === starts.length) {
        starts = grow(starts);
        tabs = grow(tabs);
      }
      if (sorted && count > 0 && compareRanges(buf, starts[count - 1]!, tabs[count - 1]!, pos, tab) > 0) sorted = false;
      starts[count] = pos;
      tabs[count] = tab;
      count++;
    }
    pos = end + 1;
  }
  let order: Int32Array | null = null;
  if (!sorted) {
    const idx = Array.from({ length: count }, (_, i) => i);
    idx.sort((a, b) => buf.compare(buf, starts[b]!, tabs[b]!, starts[a]!, tabs[a]!) || a - b);
    order = Int32Array.from(idx);
  }
  return { buf, starts, tabs, count, order };
}

const lineAt = (t: HeadwordTable, i: number) => (t.order ? t.order[i]! : i);

/** `key` compared with the headword of the i-th line in byte order (> 0: the headword sorts after it). */
function compareHeadword(t: HeadwordTable, key: Buffer, i: number): number {
  const line = lineAt(t, i);
  return t.buf.compare(key, 0, key.length, t.starts[line]!, t.tabs[line]!);
}

/** Line number of an English headword (already folded), or -1. */
function findHeadword(t: HeadwordTable, word: string): number {
  const key = Buffer.from(word, "utf8");
  let lo = 0;
  let hi = t.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compareHeadword(t, key, mid);
    if (c === 0) {
      // the first of equal headwords, for an unsorted file with duplicates
      let first = mid;
      while (first > 0 && compareHeadword(t, key, first - 1) === 0) first--;
      return lineAt(t, first);
    }
    // compare() orders the source range against `key`: > 0 means the headword sorts after it
    if (c > 0) hi = mid - 1;
    else lo = mid + 1;
  }
  return -1;
}

/** The translations of a headword line, folded, in rank order. */
function lineTranslations(t: HeadwordTable, line: number): string[] | null {
  const e = t.buf.indexOf(NL, t.tabs[line]!);
  const end = e < 0 ? t.buf.length : e;
  const list = t.buf
    .toString("utf8", t.tabs[line]! + 1, end)
    .split("|")
    .map((x) => foldRussian(x))
    .filter(Boolean);
  return list.length ? list : null;
}

const ranked = (list: string[]): RussianTranslation[] => list.map((text, i) => ({ text, rank: i + 1 }));

/** Two translation lists interleaved by rank, `own` first on each rank, without repeats. */
function interleave(own: string[], lemma: string[]): RussianTranslation[] {
  const out: RussianTranslation[] = [];
  const seen = new Set<string>();
  for (let r = 0; r < Math.max(lemma.length, own.length); r++) {
    for (const list of [own, lemma]) {
      const text = list[r];
      if (text !== undefined && !seen.has(text)) {
        seen.add(text);
        out.push({ text, rank: r + 1 });
      }
    }
  }
  return out;
}

/** {@link Dictionary.toRussian} for one spelling: the form, else its lemmas. */
function lookupForm(translations: (hw: string) => string[] | undefined, w: string): RussianTranslation[] {
  const own = translations(w);
  const irregular = IRREGULAR.get(w);
  if (own && !irregular) return ranked(own);
  let lemma: string[] | undefined;
  for (const c of englishLemmas(w)) {
    lemma = translations(c);
    if (lemma) break;
  }
  if (!lemma) return own ? ranked(own) : [];
  if (!own) return ranked(lemma);
  // irregular form with an entry of its own (left, found, ground): both, interleaved by
  // rank, the form's own entry first on each rank
  return interleave(own, lemma);
}

interface Hit {
  rank: number;
  exact: boolean;
  /** How many translations the headword has. */
  n: number;
}

/** The end of the single-word translation starting at `pos` in a line, or -1 when it has several words. */
function singleWordEnd(buf: Buffer, pos: number): number {
  let end = pos;
  while (end < buf.length) {
    const b = buf[end]!;
    if (b === BAR || b === NL || b === CR) break;
    if (b === SPACE) return -1;
    end++;
  }
  return end;
}

/** The headword and rank of the translation at `pos..end` (rank: its place on the line; n: the line's translations). */
function hitAt(buf: Buffer, pos: number, end: number): { headword: string; rank: number; n: number } | undefined {
  const start = buf.lastIndexOf(NL, pos) + 1;
  const tab = buf.indexOf(TAB, start);
  if (tab < 0 || tab >= pos) return undefined;
  let rank = 1;
  for (let i = tab + 1; i < pos; i++) if (buf[i] === BAR) rank++;
  let n = rank;
  for (let i = end; i < buf.length && buf[i] !== NL; i++) if (buf[i] === BAR) n++;
  return { headword: buf.toString("utf8", start, tab).trim(), rank, n };
}

/**
 * The English headwords whose translations include the folded Russian word `w` (by its stem `s`
 * when `byStem`), each with its best rank.
 */
function reverseHits(buf: Buffer, w: string, s: string, byStem: boolean, stem: (w: string) => string): Map<string, Hit> {
  const needle = Buffer.from(byStem ? s : w, "utf8");
  const hits = new Map<string, Hit>();
  for (let pos = buf.indexOf(needle); pos >= 0; pos = buf.indexOf(needle, pos + 1)) {
    const before = buf[pos - 1];
    if (before !== TAB && before !== BAR) continue;
    const end = singleWordEnd(buf, pos + needle.length);
    if (end < 0) continue;
    const word = buf.toString("utf8", pos, end);
    if (byStem ? stem(word) !== s : word !== w) continue;
    const hit = hitAt(buf, pos, end);
    if (!hit) continue;
    const { headword, rank, n } = hit;
    const exact = word === w;
    const prev = hits.get(headword);
    if (!prev || rank < prev.rank || (rank === prev.rank && exact && !prev.exact)) hits.set(headword, { rank, exact, n });
  }
  return hits;
}

/**
 * Headwords best first: the word itself among the translations before another word with the same
 * stem ("кредит" is not "кредо"), then by rank, without hyphens, shorter, with more translations,
 * then by spelling.
 */
function rankHits(hits: Map<string, Hit>): string[] {
  return [...hits]
    .sort(
      ([a, x], [b, y]) =>
        Number(y.exact) - Number(x.exact) ||
        x.rank - y.rank ||
        Number(a.includes("-")) - Number(b.includes("-")) ||
        a.length - b.length ||
        y.n - x.n ||
        (a < b ? -1 : a > b ? 1 : 0),
    )
    .map(([hw]) => hw);
}

/** A function memoised in a map that is cleared when it holds more than `max` entries. */
function memo<T>(max: number, f: (k: string) => T): (k: string) => T {
  const cache = new Map<string, T>();
  return (k) => {
    if (cache.has(k)) return cache.get(k) as T;
    const v = f(k);
    if (cache.size > max) cache.clear();
    cache.set(k, v);
    return v;
  };
}

/**
 * The buffer seen as a Latin-1 string (`text()`, one char per byte) lets the scans run on native
 * string search instead of a JS loop over ~3 MB. A UTF-8 lead byte (0xD0, 0xD1) never occurs
 * inside another character, so these byte patterns cannot match by accident. Folding the Russian
 * side (ё→е, upper case) is only needed by the byte scan of toEnglish, so it waits for the first
 * such call (`ensureFolded()`); English upper case (headwords) is folded at once, with everything
 * else, as binary search needs it. `scanned()`: the string is no longer needed for the scan.
 */
function lazyFolding(buf: Buffer): { text: () => string; scanned: () => void; ensureFolded: () => void } {
  let bytes: string | null = buf.toString("latin1");
  let folded = false;
  const ensureFolded = () => {
    if (folded || bytes === null) return;
    folded = true;
    const b = bytes;
    bytes = null; // not needed after this
    if (/\xd0[\x81\x90-\xaf]/.test(b)) foldBufferInPlace(buf);
    else
      for (let p = b.indexOf("\xd1\x91"); p >= 0; p = b.indexOf("\xd1\x91", p + 2)) {
        buf[p] = 0xd0; // ё → е
        buf[p + 1] = 0xb5;
      }
  };
  if (/[A-Z]/.test(bytes)) {
    foldBufferInPlace(buf);
    folded = true;
  }
  return {
    text: () => bytes ?? buf.toString("latin1"),
    scanned: () => {
      if (folded) bytes = null;
    },
    ensureFolded,
  };
}

function dictionaryFromBuffer(buf: Buffer): Dictionary {
  const folding = lazyFolding(buf);
  const table = scanHeadwords(buf, folding.text());
  folding.scanned();

  const splitCache = new Map<string, string[] | null>();
  const translations = (hw: string): string[] | undefined => {
    const cached = splitCache.get(hw);
    if (cached !== undefined) return cached ?? undefined;
    const line = findHeadword(table, hw);
    const t = line >= 0 ? lineTranslations(table, line) : null;
    if (splitCache.size > 20_000) splitCache.clear();
    splitCache.set(hw, t);
    return t ?? undefined;
  };

  const stem = memo(50_000, (w) => ruStemmer.stem(w));

  const toRussian = (englishWord: string): RussianTranslation[] => {
    const w = foldEnglish(englishWord);
    if (!w) return [];
    // A headword in the other spelling beats a lemma guessed from this one ("center" is "centre", not "cent" + "-er").
    if (!translations(w)) for (const v of spellingVariants(w)) if (translations(v)) return lookupForm(translations, v);
    const found = lookupForm(translations, w);
    if (found.length) return found;
    for (const v of spellingVariants(w)) {
      const r = lookupForm(translations, v);
      if (r.length) return r;
    }
    return [];
  };

  const reverseCache = new Map<string, string[]>();
  const toEnglish = (russianWord: string, limit?: number): string[] => {
    const w = foldRussian(russianWord);
    if (!w || /\s/.test(w)) return [];
    let result = reverseCache.get(w);
    if (!result) {
      folding.ensureFolded();
      const s = stem(w);
      // a stem under two letters would match too much: then the word itself, exactly
      result = rankHits(reverseHits(buf, w, s, s.length >= 2, stem));
      if (reverseCache.size > 10_000) reverseCache.clear();
      reverseCache.set(w, result);
    }
    return limit !== undefined ? result.slice(0, limit) : result.slice();
  };

  return {
    size: table.count,
    has: (englishWord) => findHeadword(table, foldEnglish(englishWord)) >= 0,
    toRussian,
    toEnglish,
  };
}
