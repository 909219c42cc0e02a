/**
 * What a generated sentence says, checked against the passages it cites (issue 10):
 * - content words: every word that is not a function or meta word (the per-language lists below
 *   and lexicon.ts: articles, prepositions, copulas, "took place", "sides", "position"…) must be
 *   supported by a cited passage — by its stem (Snowball ru/en, 5-letter prefix for az), by a long
 *   common beginning (представлял ↔ представители), by its phonetic skeleton (names inflect freely;
 *   loanwords by one letter: logistics ↔ логистика), by a glossary group whose term the sentence
 *   uses and the passage holds ("discussed" ↔ "обсуждались"), or by a translation from the
 *   injectable lexicon (`translate`). No budget for anything else: "отменена" absent → rejected;
 * - quantities: a number together with the word it counts or measures ("31 компании", "2 млрд
 *   долларов") must stand in a passage with the same scale and an equivalent unit; a bound or an
 *   estimate next to a number ("more than 31") must be the passage's too;
 * - quotation marks only around passage text (verbatim in the passage's language; translated only
 *   from a quotation of the passage);
 * - no URLs, @mentions, /commands, markup, negations or talk about the rules that the passages do
 *   not contain.
 */
import { monthOf } from "../language/calendar.js";
import { NUMERALS } from "../language/numerals.js";
import { detectIntent, isStopword } from "../lexicon.js";
import { AZ_LETTERS, foldText, normalizeText, prefixKey, stemWord, type Token } from "../text.js";
import { nameKeys } from "./verify.js";

/**
 * Cross-language lexicon hook: words or phrases of the corpus language (any inflected form: they
 * are matched by stem) that translate `word` from `lang`. `word` is one content word of the answer
 * as written, lower-cased (ё→е, possessive 's dropped), inflected ("received", "görüşüblər");
 * `lang` is the word's language ("ru" for Cyrillic words, otherwise the answer's "en" or "az").
 * Return [] when the word is unknown. A phrase supports the word only when all its words are in a
 * cited passage. Called only for words that stem, transliteration and the glossary did not support,
 * and for the unit of a number ("31 companies").
 */
export type TranslateFn = (word: string, lang: AnswerLang) => readonly string[];
export type AnswerLang = "ru" | "en" | "az" | (string & {});

export interface SupportOptions {
  equivalents?: readonly (readonly string[])[];
  translate?: TranslateFn;
  /** Language of the answer; words are also classified by their script. */
  lang?: string;
}

// ---------- words ----------

type Script = Token["script"];

interface Word {
  text: string;
  lower: string;
  script: Script;
  start: number;
  end: number;
}

const WORD_RE = /\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)?|\p{Nd}+(?:[.,]\p{Nd}+)*/gu;

function scriptOf(w: string): Script {
  if (/^\p{Nd}/u.test(w)) return "digit";
  if (/\p{Script=Cyrillic}/u.test(w)) return "cyrillic";
  if (/\p{Script=Latin}/u.test(w)) return "latin";
  return "other";
}

function lowerOf(w: string): string {
  return w
    .replace(/İ/g, "I")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/['’]s$/u, "");
}

function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD_RE)].map((m) => ({
    text: m[0],
    lower: lowerOf(m[0]),
    script: scriptOf(m[0]),
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
}

function isAz(w: Word, lang?: string): boolean {
  return w.script === "latin" && (AZ_LETTERS.test(w.lower) || lang === "az");
}

/** The matching key of a word: Snowball stem (ru/en) or 5-letter prefix (az). */
function keyOf(w: Word, lang?: string): string {
  if (w.script === "latin" && isAz(w, lang)) return `az:${prefixKey(w.lower)}`;
  if (w.script === "latin") return `en:${stemWord(w.lower, "latin", "en")}`;
  if (w.script === "cyrillic") return `ru:${stemWord(w.lower, "cyrillic")}`;
  return w.lower;
}

/** Keys under which a passage word can be found: its stem in each reading of its script. */
function passageKeys(w: Word): string[] {
  if (w.script === "cyrillic") return [`ru:${stemWord(w.lower, "cyrillic")}`];
  if (w.script === "latin") return [`en:${stemWord(w.lower, "latin", "en")}`, `az:${prefixKey(w.lower)}`];
  return [w.lower];
}

// ---------- function words (free in any sentence) ----------

const list = (s: string) => s.trim().split(/\s+/);

/** Function and meta words an answer may use in any sentence, per language (beyond lexicon.ts). */
const FUNCTION_WORDS = new Set(
  list(`
  в во на с со к ко по о об обо от из у за до для при через над под про между после перед около среди вокруг без
  и а но или либо да также тоже ещё еще же ли бы то это эта этот эти этого этой этом этим этих этому этими тот та те того той тех том
  он она оно они его ее её их ему ей им ими них нем ней ним нему
  был была было были будет будут быть является являются являлся являлась являлось являлись стал стала стали
  свой своя свое своё свои своего своей своих своим своими своему
  который которая которое которые которого которой которых котором которым которыми которую
  как так там тогда где когда что чтобы чем кто весь вся все всё всех всем всеми
  именно в частности кроме того помимо того при этом а также в том числе включая
  прошла прошел прошло прошли проходила проходил состоялась состоялся состоялось состоялись
  речь шла идет идёт шла касалась касался касались
  the a an and or but nor of in on at by for with from to into onto over under about as than then
  this that these those it its they them their there here he him his she her we
  is are was were be been being am has have had do does did will would shall should can could may might must
  also too as well both either neither not only such same other another including included along with
  which who whom whose what when where while whether how so yes
  took place take held hold there
  və ilə ya yaxud həm həmçinin da də ki bu o onun onların bunun həmin isə amma lakin də
  üçün üzrə haqqında barədə barəsində arasında sonra əvvəl qarşı kimi görə ərzində zamanı vaxtı naminə tərəfindən
  bəli idi imiş olub olunub oldu olur olan olmuş edib edilib etdi etdilər edirdi edilir edir ediblər edərək edilərək etmiş
  olunur olundu olunmuş olunan edilən o cümlədən cümlədən orada burada həmin ibarət sıra
  toward towards since until via per among within across upon number
  mr mrs ms dr mister madam господин госпожа г-н cənab xanım var
  пост поста посту должность должности должностью титул position post title role vəzifə vəzifəsi vəzifədə
  стороны сторон сторонам сторонами tərəflər tərəflərin tərəf sides side parties participants
  касается касаются касалась касались посвящена посвящен посвящено
  `),
);

/** A negation: the sentence then says the opposite of a passage that lacks one. */
const NEGATION = new Set(list("не нет ни никогда ничего никто not no never nobody nothing none cannot neither nor deyil yox heç"));
/** Words that turn an exact number into a bound or an estimate ("more than 31", "около 30", "30-dan çox"). */
const COMPARATORS = new Set(
  list(`more over above less fewer under below about around approximately almost nearly roughly least most some upwards
  более больше менее меньше свыше около почти примерно порядка приблизительно минимум максимум до
  çox artıq az təxminən təqribən ən azı yaxın qədər`),
);
const AZ_NEGATIVE_VERB = /m[aə](y[ıiuü]b|d[ıi]|z|y[ıiuü]r|y[ıi]ncaq|y[aə]c[aə][kq])(l[aə]r|d[ıi]r)?$/;

/** Words about the conversation itself — the rules, the prompt, the passages, the speaker. */
const META = new Set(
  list(`
  i me my mine myself you your yours yourself we us our
  я мне меня мой моя мое моё мои мною ты тебе тебя твой твоя твои вы вас вам ваш ваша ваши
  mən məni mənə mənim sən səni sənə sənin siz sizə sizin biz bizə bizim
  `),
);
const META_STEMS = [
  "instruct",
  "rule",
  "prompt",
  "passag",
  "system",
  "assist",
  "инструкц",
  "правил",
  "промпт",
  "отрывк",
  "фрагмент",
  "систем",
  "ассистент",
  "указани",
  "təlim",
  "qayda",
  "parça",
  "sistem",
  "göstəriş",
];

/** Words of lexicon.ts's question stop list that carry content in an answer ("31 страны"). */
const CONTENT_NOUNS = new Set(
  list(`
  организация организации организацию организаций город города городе городами стране страна страны странами место места
  года году год дата дату даты число числа имя имени фамилия жизнь
  organization organisation organizations organisations city cities country countries place places year years date dates
  day days month months name names person persons
  təşkilat təşkilatı təşkilatının təşkilatdan şəhər şəhərdə şəhərlər ölkə ölkələr yer yerdə il ildə tarix tarixdə gün ad adı adları
  `),
);

function isFunctionWord(w: Word): boolean {
  if (FUNCTION_WORDS.has(w.lower)) return true;
  if (CONTENT_NOUNS.has(w.lower) || NEGATION.has(w.lower)) return false;
  if (isStopword(w.lower)) return true;
  return w.script === "latin" && azForms(w.lower).some((f) => f !== w.lower && FUNCTION_WORDS.has(f));
}

/** The word and each shorter form left by stripping Azerbaijani endings one at a time. */
function azForms(lower: string): string[] {
  const out = [lower];
  let w = lower;
  for (let i = 0; i < 3; i++) {
    const next = stripAzSuffixes(w, 1);
    if (next === w) break;
    out.push((w = next));
  }
  return out;
}

/** Azerbaijani case, possessive and copula endings, for matching by stem ("rolunu" → "rol", "haqqındadır" → "haqqında"). */
export function stripAzSuffixes(lower: string, steps = 3): string {
  let w = lower;
  for (let i = 0; i < steps; i++) {
    const next = w.replace(/(d[ıiuü]r|nd[aə]n?|d[aə]n|d[aə]|n[ıiuü]n|[ıiuü]n|n[aə]|l[aə]r|s[ıiuü]|y[aə]|n[ıiuü]|[ıiuü]|[aə])$/u, "");
    if (next === w || [...next].length < 3) break;
    w = next;
  }
  return w;
}

// ---------- passages ----------

export interface PassageSupport {
  raw: string;
  folded: string;
  keys: Set<string>;
  /** Script and first 7 letters of each long word. */
  prefixes: Set<string>;
  skeletons: SkeletonIndex;
  /** Quoted spans of the passage (folded), and their support facts. */
  quotes: string[];
  quoteFacts?: PassageSupport;
  quantities: Quantity[];
  negated: boolean;
  /** Indices of glossary groups one of whose terms the passage holds. */
  groups: Set<number>;
}

export function passageSupport(text: string, date: string | undefined, glossary: Glossary, withQuotes = true): PassageSupport {
  const key = `${withQuotes ? 1 : 0}${date ?? ""}\u0000${text}`;
  const cached = glossary.supports.get(key);
  if (cached) return cached;
  if (glossary.supports.size >= 256) glossary.supports.clear();
  const support = computeSupport(text, date, glossary, withQuotes);
  glossary.supports.set(key, support);
  return support;
}

function computeSupport(text: string, date: string | undefined, glossary: Glossary, withQuotes: boolean): PassageSupport {
  const ws = wordsOf(text);
  const keys = new Set(ws.flatMap(passageKeys));
  const skeletons = new SkeletonIndex(ws.filter((w) => w.script !== "digit").flatMap((w) => nameKeys(w.text)));
  const quotes = quotedSpans(text).map((q) => foldQuote(q.text));
  const quantities = quantitiesIn(text, undefined, glossary);
  if (date) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (m) {
      quantities.push({ value: Number(m[3]), scale: 1, unit: { month: Number(m[2]) }, raw: date });
      quantities.push({ value: Number(m[1]), scale: 1, unit: { year: true }, raw: date });
    }
  }
  const support: PassageSupport = {
    raw: text,
    folded: foldQuote(text),
    keys,
    prefixes: new Set(ws.filter((w) => w.lower.length >= 7).map((w) => `${w.script}:${[...w.lower].slice(0, 7).join("")}`)),
    skeletons,
    quotes,
    quantities,
    negated: ws.some((w) => NEGATION.has(w.lower)),
    groups: new Set(),
  };
  glossary.groups.forEach((g, i) => {
    if (g.some((term) => term.length > 0 && term.every((tw) => tw.keys.some((k) => keys.has(k)) || skeletons.matches(tw.skeletons, 3))))
      support.groups.add(i);
  });
  if (withQuotes && quotes.length > 0) support.quoteFacts = passageSupport(quotes.join(" \n "), undefined, glossary, false);
  return support;
}

// ---------- glossary ----------

interface TermWord {
  keys: string[];
  skeletons: string[];
}

export interface Glossary {
  groups: TermWord[][][];
  /** Passage facts already computed against this glossary (streaming verifies the same passages again and again). */
  supports: Map<string, PassageSupport>;
}

const glossaries = new WeakMap<object, Glossary>();
const NO_GLOSSARY: readonly (readonly string[])[] = [];

/** Keys of the glossary's term words (prepared once per `equivalents` array). */
export function prepareGlossary(equivalents: readonly (readonly string[])[] | undefined): Glossary {
  const eq = equivalents ?? NO_GLOSSARY;
  let g = glossaries.get(eq);
  if (!g) glossaries.set(eq, (g = buildGlossary(eq)));
  return g;
}

function buildGlossary(equivalents: readonly (readonly string[])[]): Glossary {
  return {
    supports: new Map(),
    groups: (equivalents ?? []).map((group) =>
      group.map((term) =>
        wordsOf(term)
          .filter((w) => w.script === "digit" || !isFunctionWord(w))
          .map((w) => ({
            keys: [...new Set([keyOf(w), ...passageKeys(w)])],
            skeletons: w.script === "digit" ? [w.lower] : nameKeys(w.text),
          })),
      ),
    ),
  };
}

const consonants = (s: string) => s.replace(/^V/, "").length;

/**
 * Phonetic skeletons of a text, indexed for the prefix match of {@link skeletonsMatch}: equal
 * (at least 2 consonants), or one a prefix of the other by at most `maxDiff` letters (at least 3).
 */
class SkeletonIndex {
  private readonly exact = new Set<string>();
  /** Prefix → the fewest letters a skeleton of the text has beyond it. */
  private readonly prefixes = new Map<string, number>();
  constructor(skeletons: Iterable<string>) {
    for (const s of skeletons) {
      this.exact.add(s);
      for (let d = 1; d <= 3 && d < s.length; d++) {
        const p = s.slice(0, -d);
        this.prefixes.set(p, Math.min(d, this.prefixes.get(p) ?? 9));
      }
    }
  }
  /** maxDiff 3 for names (inflection), 1 for ordinary words (loanwords). */
  matches(keys: readonly string[], maxDiff: number): boolean {
    return keys.some((a) => {
      if (this.exact.has(a)) return consonants(a) >= 2;
      if (consonants(a) >= 3 && (this.prefixes.get(a) ?? 9) <= maxDiff) return true;
      for (let d = 1; d <= maxDiff && d < a.length; d++) {
        const p = a.slice(0, -d);
        if (consonants(p) >= 3 && this.exact.has(p)) return true;
      }
      return false;
    });
  }
}

/** Prefix match of phonetic skeletons: inflection and transliteration add or change a few letters at the end. */
function skeletonsMatch(a: string, p: string): boolean {
  if (a === p) return consonants(a) >= 2;
  if (p.startsWith(a)) return consonants(a) >= 3 && p.length - a.length <= 3;
  if (a.startsWith(p)) return consonants(p) >= 3 && a.length - p.length <= 3;
  return false;
}

// ---------- quantities ----------

interface Unit {
  month?: number;
  year?: boolean;
  /** Keys of the counted/measured word (stems, skeletons, glossary groups, translations). */
  keys?: string[];
  /** 1 for a bare number. */
  bare?: boolean;
}

interface Quantity {
  value: number;
  scale: number;
  unit: Unit;
  raw: string;
}

const YEAR_WORD = /^(год\p{L}*|г|гг|years?|il|ili|ildə|ilin|ilində)$/u;
const SCALES: [RegExp, number][] = [
  [/^(thousands?|тысяч\p{L}*|тыс|min)$/u, 1e3],
  [/^(millions?|миллион\p{L}*|млн|milyon\p{L}*|mln)$/u, 1e6],
  [/^(billions?|миллиард\p{L}*|млрд|milyard\p{L}*|mlrd|bn)$/u, 1e9],
  [/^(trillions?|триллион\p{L}*|трлн|trilyon\p{L}*)$/u, 1e12],
];
const scaleOf = (lower: string) => SCALES.find(([re]) => re.test(lower))?.[1];
const NUMBER_WORDS = NUMERALS;
const CURRENCY_SIGNS: Record<string, string> = { $: "доллар", "€": "евро", "₼": "манат", "₽": "рубл", "£": "фунт" };
/** Ordinal/case endings written after a hyphen ("2025-ci", "8-də", "10-го"): not the unit. */
const NUMBER_SUFFIX = /^(ci|cı|cu|cü|ci|da|də|dan|dən|a|ə|ya|yə|u|ü|ı|i|nci|ncı|го|й|я|е|м|х|th|st|nd|rd)$/u;

/** The value of the number at word `i` and the index after it ("thirty-one", "тридцати одной", "otuz bir"), or undefined. */
function numberAt(ws: Word[], i: number): { value: number; j: number } | undefined {
  const w = ws[i] as Word;
  let value: number | undefined;
  let j = i + 1;
  if (w.script === "digit") {
    value = Number(w.lower.replace(/[,\s]/g, "").replace(/^0+(?=\d)/, ""));
    if (/[.,]\d{3}$/.test(w.lower)) value = Number(w.lower.replace(/\D/g, ""));
  } else {
    // "thirty-one", "тридцати одной", "otuz bir"
    const parts = w.lower.split("-");
    const vals = parts.map((p) => NUMBER_WORDS[p]);
    if (vals.every((v) => v !== undefined) && !(parts.length === 1 && (vals[0] === 1 || parts[0] === "on"))) {
      value = vals.reduce<number>((a, v) => a + (v ?? 0), 0);
      const next = ws[j];
      const nv = next ? NUMBER_WORDS[next.lower] : undefined;
      if (next && nv !== undefined && nv < 10 && value % 10 === 0 && value >= 20) {
        value += nv;
        j++;
      }
    }
  }
  if (value === undefined || Number.isNaN(value)) return undefined;
  return { value, j };
}

/** The unit of a number: a currency sign before it, else the word after it (a month, a year, a bare number or a noun's keys). */
function unitOf(
  text: string,
  w: Word,
  value: number,
  unitWord: Word | undefined,
  lang: string | undefined,
  glossary: Glossary,
  translate?: TranslateFn,
): Unit {
  const before = text.slice(Math.max(0, w.start - 2), w.start).trim();
  if (before && CURRENCY_SIGNS[before]) return { keys: [`ru:${CURRENCY_SIGNS[before]}`, ...currencyKeys(CURRENCY_SIGNS[before]!)] };
  if (!unitWord) return value >= 1900 && value <= 2100 ? { year: true } : { bare: true };
  const month = monthOf(unitWord.lower);
  if (month) return { month };
  if (YEAR_WORD.test(unitWord.lower) || (value >= 1900 && value <= 2100)) return { year: true };
  if (FUNCTION_WORDS.has(unitWord.lower) || (isStopword(unitWord.lower) && !CONTENT_NOUNS.has(unitWord.lower))) return { bare: true };
  return { keys: unitKeys(unitWord, lang, glossary, translate) };
}

/** Numbers of a text with the word after them (the unit), their scale and their value. */
function quantitiesIn(text: string, lang: string | undefined, glossary: Glossary, translate?: TranslateFn): Quantity[] {
  const ws = wordsOf(text);
  const out: Quantity[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] as Word;
    const num = numberAt(ws, i);
    if (!num) continue;
    const { value } = num;
    let { j } = num;
    // Hyphenated suffixes stay with the number.
    while (ws[j] && NUMBER_SUFFIX.test(ws[j]!.lower) && /^[-‐‑–]$/.test(text.slice(ws[j - 1]!.end, ws[j]!.start).trim())) j++;
    let scale = 1;
    const sw = ws[j];
    const sc = sw ? scaleOf(sw.lower) : undefined;
    if (sw && sc && text.slice(ws[j - 1]!.end, sw.start).trim() === "") {
      scale = sc;
      j++;
    }
    const unitWord = ws[j] && /^[\s\u00a0]*$/.test(text.slice(ws[j - 1]!.end, ws[j]!.start)) ? ws[j] : undefined;
    const unit = unitOf(text, w, value, unitWord, lang, glossary, translate);
    out.push({
      value,
      scale,
      unit,
      raw: ws
        .slice(i, j + (unit.keys ? 1 : 0))
        .map((x) => x.text)
        .join(" "),
    });
    i = j - 1;
  }
  return out;
}

function currencyKeys(stem: string): string[] {
  return [`en:${stem}`];
}

function unitKeys(w: Word, lang: string | undefined, glossary: Glossary, translate?: TranslateFn): string[] {
  const keys = new Set<string>([keyOf(w, lang), ...passageKeys(w), ...nameKeys(w.text).map((s) => `sk:${s}`)]);
  glossary.groups.forEach((g, i) => {
    if (g.some((term) => term.some((tw) => tw.keys.includes(keyOf(w, lang)) || tw.keys.some((k) => passageKeys(w).includes(k)))))
      keys.add(`g:${i}`);
  });
  for (const t of translate?.(w.lower, guessLang(w, lang)) ?? []) for (const tw of wordsOf(t)) for (const k of passageKeys(tw)) keys.add(k);
  return [...keys];
}

function unitsMatch(a: Unit, p: Unit): boolean {
  if (a.bare) return true;
  if (a.month) return p.month === a.month;
  if (a.year) return p.year === true || p.bare === true;
  if (!p.keys) return false;
  const pk = new Set(p.keys);
  return (a.keys ?? []).some(
    (k) => pk.has(k) || (k.startsWith("sk:") && p.keys!.some((q) => q.startsWith("sk:") && skeletonsMatch(k.slice(3), q.slice(3)))),
  );
}

/** The language of one word: its script decides, then the answer's language, then Azerbaijani letters. */
function guessLang(w: Word, lang?: string): string {
  if (w.script === "cyrillic") return "ru";
  if (lang === "en" || lang === "az") return lang;
  return AZ_LETTERS.test(w.lower) ? "az" : "en";
}

// ---------- quotations ----------

const QUOTE_PAIRS: [string, string][] = [
  ["«", "»"],
  ["“", "”"],
  ["„", "“"],
  ['"', '"'],
  ["„", "”"],
];

function quotedSpans(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let i = 0;
  while (i < text.length) {
    const pair = QUOTE_PAIRS.find(([open]) => text.startsWith(open, i));
    if (!pair) {
      i++;
      continue;
    }
    const close = text.indexOf(pair[1], i + 1);
    if (close < 0) break;
    out.push({ text: text.slice(i + 1, close), start: i, end: close + 1 });
    i = close + 1;
  }
  return out;
}

function foldQuote(s: string): string {
  return foldText(s)
    .replace(/["'«»]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

// ---------- surface ----------

const URL =
  /\b(?:https?|ftp):\/\/|\bwww\.|\b[\p{L}\d-]{2,}\.(?:[a-z]{2,24})\/|\b[a-z\d-]{2,}\.(?:com|org|net|info|io|ru|az|me|example|xyz|biz|app|dev|co|uk|us|su|gov|edu|link|site|online|top|club|tk|ly|gl|be)\b/iu;
const MENTION = /(^|[^\p{L}\p{N}_.])@[\p{L}\p{N}_]{2,}/u;
const COMMAND = /(^|\s)\/[a-z][a-z0-9_]{1,31}(@[a-z0-9_]+)?\b/iu;
const MARKUP = /<\/?[a-z!][^>]*>|\*\*|__|`|!\[|\]\(|^#{1,6}\s|&[a-z]+;|\|\s*---/imu;
const TOKEN_LIKE = /\b[A-Z]{2,}_[A-Z_]+\b/;

// ---------- the check ----------

export interface SentenceCheck {
  sentence: string;
  body: string;
  pool: PassageSupport[];
}

/** Surface: links, mentions, commands, markup, tokens the passages do not contain; an echoed instruction. */
function surfaceProblems(body: string, pool: PassageSupport[], problems: string[]): void {
  for (const [re, what] of [
    [URL, "a link"],
    [MENTION, "an @mention"],
    [COMMAND, "a command"],
    [MARKUP, "markup"],
    [TOKEN_LIKE, "a control token"],
  ] as const) {
    const m = re.exec(body);
    if (m && !pool.some((p) => re.test(p.raw))) problems.push(`${what} «${m[0].trim()}» that the cited passages do not contain`);
  }
  // An instruction or rule talk is never an answer.
  const isInjection = (t: string) => detectIntent(normalizeText(t)) === "injection";
  if (isInjection(body) && !pool.some((p) => isInjection(p.raw))) problems.push("echoes an instruction");
}

/** Whether a quotation is verbatim (same language) or a translation of a quotation of the passage. */
function quotationSupported(q: { text: string }, pool: PassageSupport[], glossary: Glossary, opts: SupportOptions): boolean {
  const folded = foldQuote(q.text);
  if (folded === "") return true;
  const qWords = wordsOf(q.text).filter((w) => w.script !== "digit");
  const samePassageScript = pool.some((p) => qWords.length > 0 && qWords.every((w) => scriptOfFolded(p.folded) === w.script));
  if (pool.some((p) => p.folded.includes(folded))) return true;
  if (!samePassageScript) {
    const facts = pool.map((p) => p.quoteFacts).filter((f): f is PassageSupport => f !== undefined);
    const qContent = qWords.filter((w) => !isFunctionWord(w));
    const missing = facts.length === 0 ? qContent.map((w) => w.text) : unsupportedWords(qContent, facts, glossary, opts, q.text);
    if (facts.length > 0 && missing.length === 0) return true;
  }
  return false;
}

/** Negation the passages do not have; talk about the speaker, the rules or the prompt. */
function negationAndMetaProblems(ws: Word[], pool: PassageSupport[], lang: string | undefined, problems: string[]): void {
  const passText = pool.map((p) => p.folded).join(" \n ");
  const negations = ws.filter(
    (w) => NEGATION.has(w.lower) || (isAz(w, lang) && w.lower.length > 5 && AZ_NEGATIVE_VERB.test(w.lower) && !isFunctionWord(w)),
  );
  if (negations.length > 0 && !pool.some((p) => p.negated))
    problems.push(`negation "${negations[0]!.text}" that the cited passages do not contain`);
  const meta = ws.filter((w) => !/^\p{Lu}{2,}$/u.test(w.text) && (META.has(w.lower) || META_STEMS.some((s) => w.lower.startsWith(s))));
  const metaOut = meta.filter((w) => !passText.includes(w.lower));
  if (metaOut.length > 0) problems.push(`talks about itself or the rules ("${metaOut.map((w) => w.text).join('", "')}")`);
}

/** Quantities: each number with its unit and scale, or a glossary phrase with a number that a cited passage holds. */
function quantityProblems(body: string, pool: PassageSupport[], glossary: Glossary, opts: SupportOptions, problems: string[]): void {
  const lang = opts.lang;
  const groupKeys = glossaryWordKeys(body, pool, glossary, lang);
  for (const q of quantitiesIn(body, lang, glossary, opts.translate)) {
    const ok = pool.some((p) => p.quantities.some((pq) => pq.value === q.value && pq.scale === q.scale && unitsMatch(q.unit, pq.unit)));
    // A glossary phrase with a number ("the two countries", "iki ölkə") that a cited passage holds.
    const phrase = wordsOf(q.raw).every((w) => w.script !== "digit" && [keyOf(w, lang), ...passageKeys(w)].some((k) => groupKeys.has(k)));
    if (!ok && !phrase) problems.push(`quantity "${q.raw}" is not in the cited passages`);
  }
}

/** A bound or an estimate around a number must be the passage's too. */
function boundProblems(ws: Word[], pool: PassageSupport[], problems: string[]): void {
  ws.forEach((w, i) => {
    if (w.script !== "digit" && !NUMBER_WORDS[w.lower]) return;
    const near = [ws[i - 2], ws[i - 1], ws[i + 1], ws[i + 2]].filter((x): x is Word => x !== undefined && COMPARATORS.has(x.lower));
    const unsupported = near.filter((c) => !pool.some((p) => passageKeys(c).some((k) => p.keys.has(k))));
    if (unsupported.length > 0) problems.push(`"${unsupported[0]!.text} ${w.text}": a bound or estimate the cited passages do not give`);
  });
}

/** The content words of the answer (not numbers, scales, months, years or words inside quotations). */
function contentWords(ws: Word[], inQuote: (w: { start: number }) => boolean): Word[] {
  return ws.filter(
    (w) =>
      w.script !== "digit" &&
      !inQuote(w) &&
      !isFunctionWord(w) &&
      !NUMBER_WORDS[w.lower] &&
      !scaleOf(w.lower) &&
      !monthOf(w.lower) &&
      !YEAR_WORD.test(w.lower),
  );
}

/**
 * Problems of one sentence's content against the passages it cites (empty when supported).
 * `body` is the sentence without its [n] markers.
 */
export function checkSupport(body: string, pool: PassageSupport[], glossary: Glossary, opts: SupportOptions): string[] {
  const problems: string[] = [];
  surfaceProblems(body, pool, problems);
  // Quotations: verbatim (same language) or a translation of a quotation of the passage.
  const quotes = quotedSpans(body);
  for (const q of quotes)
    if (!quotationSupported(q, pool, glossary, opts)) problems.push(`quotation «${clip(q.text)}» is not passage text`);
  const ws = wordsOf(body);
  negationAndMetaProblems(ws, pool, opts.lang, problems);
  quantityProblems(body, pool, glossary, opts, problems);
  boundProblems(ws, pool, problems);
  const inQuote = (w: { start: number }) => quotes.some((q) => w.start > q.start && w.start < q.end);
  const missing = unsupportedWords(contentWords(ws, inQuote), pool, glossary, opts, body);
  if (missing.length > 0) problems.push(`words not supported by the cited passages: ${missing.map((w) => `"${w}"`).join(", ")}`);
  return problems;
}

function scriptOfFolded(s: string): Script {
  const cyr = (s.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const lat = (s.match(/\p{Script=Latin}/gu) ?? []).length;
  return cyr >= lat ? "cyrillic" : "latin";
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/** Words of `candidates` that no passage of the pool supports. `context` is the sentence (for glossary terms). */
function glossaryWordKeys(context: string, pool: PassageSupport[], glossary: Glossary, lang?: string): Set<string> {
  const all = wordsOf(context);
  const sentenceKeys = new Set(all.flatMap((w) => [keyOf(w, lang), ...passageKeys(w)]));
  const sentenceSkeletons = new SkeletonIndex(all.filter((w) => w.script !== "digit").flatMap((w) => nameKeys(w.text)));
  // Glossary groups whose term the sentence uses (all its words) and a cited passage holds.
  const groupWordKeys = new Set<string>();
  glossary.groups.forEach((g, i) => {
    if (!pool.some((p) => p.groups.has(i))) return;
    for (const term of g) {
      if (term.length === 0) continue;
      const used = term.every((tw) => tw.keys.some((k) => sentenceKeys.has(k)) || sentenceSkeletons.matches(tw.skeletons, 3));
      if (used) for (const tw of term) for (const k of tw.keys) groupWordKeys.add(k);
    }
  });
  return groupWordKeys;
}

function unsupportedWords(candidates: Word[], pool: PassageSupport[], glossary: Glossary, opts: SupportOptions, context: string): string[] {
  const lang = opts.lang;
  const groupWordKeys = glossaryWordKeys(context, pool, glossary, lang);
  const out: string[] = [];
  for (const w of candidates) {
    const keys = [keyOf(w, lang), ...passageKeys(w)];
    if (pool.some((p) => keys.some((k) => p.keys.has(k)))) continue;
    if (keys.some((k) => groupWordKeys.has(k))) continue;
    // Same root, other derivation (представлял ↔ представители): a long common beginning.
    if (w.lower.length >= 7 && pool.some((p) => p.prefixes.has(`${w.script}:${[...w.lower].slice(0, 7).join("")}`))) continue;
    const stripped = isAz(w, lang) ? stripAzSuffixes(w.lower) : w.lower;
    const sk = stripped === w.lower ? nameKeys(w.text) : [...nameKeys(w.text), ...nameKeys(stripped)];
    // Names (capitalised) may inflect freely; ordinary words (loanwords: logistics ↔ логистика) only
    // by a letter, or "received" would pass as "руководители".
    const name = /^\p{Lu}/u.test(w.text);
    if (pool.some((p) => p.skeletons.matches(sk, name ? 3 : 1))) continue;
    const tr = opts.translate?.(w.lower, guessLang(w, lang)) ?? [];
    if (tr.some((t) => wordsOf(t).every((tw) => pool.some((p) => passageKeys(tw).some((k) => p.keys.has(k)))))) continue;
    out.push(w.text);
  }
  return out;
}
