/**
 * Text primitives shared by indexing and question analysis: normalisation, tokens with
 * offsets, stems, 5-letter prefixes and a cross-script "skeleton" for names.
 */
import snowball from "snowball-stemmers";

const ruStemmer = snowball.newStemmer("russian");
const enStemmer = snowball.newStemmer("english");

/** Folds case, ё→е, typographic quotes/dashes and spaces — exactly as the reference scorer does. */
export function foldText(s: string): string {
  return String(s)
    .normalize("NFC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[«»„“”‟"]/g, '"')
    .replace(/[‘’`]/g, "'")
    .replace(/[‐‑‒–—―]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** {@link foldText} for questions: also the Azerbaijani capital İ, which lower-cases to i + a combining dot. */
export function normalizeText(s: string): string {
  return foldText(s.replace(/İ/g, "I"));
}

/** Whether token `t` of `text` is an initial ("А." of "А. Н. Туполев"): one capital letter and a full stop. */
export const isInitial = (t: Token, text: string) => /^\p{Lu}$/u.test(t.text) && text[t.end] === ".";

/** Latin letters drawn like Cyrillic ones, and back: "Симанcом" typed with a Latin "c". */
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: "а",
  c: "с",
  e: "е",
  o: "о",
  p: "р",
  x: "х",
  y: "у",
  k: "к",
  A: "А",
  B: "В",
  C: "С",
  E: "Е",
  H: "Н",
  K: "К",
  M: "М",
  O: "О",
  P: "Р",
  T: "Т",
  X: "Х",
  Y: "У",
};
const CYRILLIC_TO_LATIN = Object.fromEntries(Object.entries(LATIN_TO_CYRILLIC).map(([l, c]) => [c, l]));

/**
 * A word mixing Cyrillic and Latin letters, written in one script: the script most of its letters
 * are in, when the others have a look-alike there ("Симанcом" with a Latin "c" → Cyrillic throughout,
 * "Tеsla" with a Cyrillic "е" → Latin). A word whose odd letters have none stays as written.
 */
export function oneScript(s: string): string {
  return s.replace(/[\p{L}]+/gu, (w) => {
    const cyr = (w.match(/\p{Script=Cyrillic}/gu) ?? []).length;
    const lat = (w.match(/[a-zA-Z]/g) ?? []).length;
    if (cyr === 0 || lat === 0) return w;
    const [map, odd] = cyr >= lat ? [LATIN_TO_CYRILLIC, /[a-zA-Z]/g] : [CYRILLIC_TO_LATIN, /\p{Script=Cyrillic}/gu];
    const fixed = w.replace(odd, (ch) => map[ch] ?? ch);
    return (fixed.match(odd) ?? []).length === 0 ? fixed : w;
  });
}

export interface Token {
  /** The word as written. */
  text: string;
  /** Lower-cased, ё→е. */
  lower: string;
  start: number;
  end: number;
  script: "cyrillic" | "latin" | "digit" | "other";
  /** Written with a capital first letter (names, sentence starts). */
  capitalized: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const CYR = /\p{Script=Cyrillic}/u;
const LAT = /\p{Script=Latin}/u;

type WordFacts = Pick<Token, "lower" | "script" | "capitalized">;

/** What a word's tokens share wherever it stands: its lower-case form, script and capital. */
function wordFacts(w: string): WordFacts {
  const first = w[0] ?? "";
  return {
    lower: w.replace(/İ/g, "I").toLowerCase().replace(/ё/g, "е"),
    script: /^\p{N}+$/u.test(w) ? "digit" : CYR.test(w) ? "cyrillic" : LAT.test(w) ? "latin" : "other",
    capitalized: first !== first.toLowerCase(),
  };
}

// Words repeat (the corpus's sentences, the questions): their facts are worked out once (bounded).
const factsMemo = new Map<string, WordFacts>();

/** Splits text into word tokens (letters/digits; hyphens and apostrophes split words). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const w = m[0];
    let f = factsMemo.get(w);
    if (f === undefined) {
      if (factsMemo.size >= MEMO_SIZE) factsMemo.clear();
      factsMemo.set(w, (f = wordFacts(w)));
    }
    out.push({ text: w, lower: f.lower, start: m.index, end: m.index + w.length, script: f.script, capitalized: f.capitalized });
  }
  return out;
}

/** Azerbaijani-specific letters: a Latin word with one of these is Azerbaijani (or Turkish). */
export const AZ_LETTERS = /[əğışçöüƏĞİŞÇÖÜ]/;

/**
 * The stem used for matching. Russian and English use Snowball; Azerbaijani (agglutinative,
 * no Snowball stemmer) uses truncation to 5 letters, which works about as well as a real
 * stemmer for Turkic-language retrieval. Digits stay as written.
 */
export function stemWord(lower: string, script: Token["script"], lang?: string): string {
  if (script === "digit") return lower.replace(/^0+(?=\d)/, "");
  if (script === "cyrillic") return ruStem(lower);
  if (script === "latin") {
    if (lang === "az" || AZ_LETTERS.test(lower)) return prefixKey(lower);
    return memo(enMemo, lower, (w) => enStemmer.stem(w.replace(/'s$/, "")));
  }
  return lower;
}

// Snowball is the costliest step per word; words repeat, so stems are remembered (bounded).
const ruMemo = new Map<string, string>();
const enMemo = new Map<string, string>();
const enRawMemo = new Map<string, string>();

/** Snowball's Russian stem of a lower-cased word, remembered: the one memo for every module that stems Russian. */
export function ruStem(lower: string): string {
  return memo(ruMemo, lower, (w) => ruStemmer.stem(w));
}

/** Snowball's English stem of a lower-cased word as written (no "'s" removal, unlike {@link stemWord}), remembered. */
export function enStem(lower: string): string {
  return memo(enRawMemo, lower, (w) => enStemmer.stem(w));
}
const MEMO_SIZE = 50_000;
function memo(cache: Map<string, string>, word: string, stem: (w: string) => string): string {
  let s = cache.get(word);
  if (s === undefined) {
    if (cache.size >= MEMO_SIZE) cache.clear();
    cache.set(word, (s = stem(word)));
  }
  return s;
}

/** First five letters (whole word if shorter): a coarse key robust to inflection. */
export function prefixKey(lower: string): string {
  return [...lower].slice(0, 5).join("");
}

/**
 * The one Cyrillic → Latin table (BGN-like, simple). Other uses derive from it with their own
 * overrides: readers' transliteration (language/gloss.ts), the verifier's skeletons (llm/verify.ts).
 */
export const CYRILLIC_LATIN: Readonly<Record<string, string>> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "sh",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
  ё: "e",
  ә: "a",
  ғ: "g",
  ҹ: "j",
  һ: "h",
};

/** Cyrillic → Latin (simple, name-oriented). Latin and digits pass through. */
export function toLatin(lower: string): string {
  let out = "";
  for (const ch of lower) out += CYRILLIC_LATIN[ch] ?? ch;
  return out;
}

/**
 * A cross-script key for names: Latin-normalised, common digraphs folded, vowels dropped
 * after the first letter. Bayramov/Байрамов → "brmv", Choksi/Choksy/Чокси → "chks",
 * Nakhchivan/Naxçıvan/Нахчыван → "nhchvn", Jeyhun/Ceyhun/Джейхун → "jhn".
 */
export function skeleton(lower: string): string {
  let s = toLatin(lower)
    .replace(/ə/g, "a")
    .replace(/ı/g, "i")
    .replace(/ç/g, "ch")
    .replace(/ş/g, "sh")
    .replace(/ğ/g, "g")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/kh|x/g, "h")
    .replace(/dzh|dj/g, "j")
    .replace(/zh/g, "j")
    .replace(/c(?!h)/g, "j")
    .replace(/w/g, "v")
    .replace(/q/g, "k")
    .replace(/ph/g, "f")
    .replace(/[^a-z0-9]/g, "");
  const head = s.slice(0, 1);
  s = head + s.slice(1).replace(/[aeiouy]/g, "");
  return s.replace(/(.)\1+/g, "$1");
}
