/**
 * The short answer in the reader's language: a Russian span ("31 компании", "10 февраля",
 * "Хушем Чокси") written for an English or Azerbaijani reader ("31 companies", "10 February",
 * "Khush Choksi"). Glossary terms first, then numbers and dates, names transliterated from
 * their base form, other words through the cross-language lexicon, else transliterated.
 * It is the bot's own wording of the fact, never presented as a quote.
 */

import { findGlossaryTerms, type GlossaryTerm } from "../lexical.js";
import { CYRILLIC_LATIN, isInitial, type Token, tokenize } from "../text.js";
import type { Lang } from "../types.js";
import { durationInWord, MONTH_NAMES, russianMonth, seasonOf, type TimeUnit } from "./calendar.js";
import type { CrossLexicon } from "./crosslang.js";
import { ARTICLE_LIKE, NUMERALS } from "./numerals.js";

/** Russian function words in English; Azerbaijani keeps only "and" (its grammar puts the rest in suffixes). */
const FUNCTION_WORDS: Record<string, { en: string; az: string }> = {
  в: { en: "in", az: "" },
  во: { en: "in", az: "" },
  на: { en: "on", az: "" },
  с: { en: "with", az: "" },
  со: { en: "with", az: "" },
  и: { en: "and", az: "və" },
  по: { en: "on", az: "" },
  для: { en: "for", az: "" },
  из: { en: "from", az: "" },
  о: { en: "about", az: "" },
  об: { en: "about", az: "" },
  к: { en: "to", az: "" },
  между: { en: "between", az: "" },
  до: { en: "until", az: "" },
  после: { en: "after", az: "" },
  при: { en: "at", az: "" },
  без: { en: "without", az: "" },
  через: { en: "through", az: "" },
  от: { en: "from", az: "" },
  за: { en: "for", az: "" },
  под: { en: "under", az: "" },
  над: { en: "over", az: "" },
  а: { en: "and", az: "və" },
  также: { en: "also", az: "həmçinin" },
  как: { en: "as", az: "kimi" },
  включая: { en: "including", az: "o cümlədən" },
  его: { en: "its", az: "onun" },
  ее: { en: "its", az: "onun" },
  их: { en: "their", az: "onların" },
  не: { en: "not", az: "deyil" },
  года: { en: "", az: "" },
  году: { en: "", az: "" },
  год: { en: "", az: "" },
  г: { en: "", az: "" },
  который: { en: "which", az: "" },
  которая: { en: "which", az: "" },
  которой: { en: "which", az: "" },
  которые: { en: "which", az: "" },
  этот: { en: "this", az: "bu" },
  эта: { en: "this", az: "bu" },
  это: { en: "this", az: "bu" },
  эти: { en: "these", az: "bu" },
  ряде: { en: "a number of", az: "bir sıra" },
  ряд: { en: "a number of", az: "bir sıra" },
};

/** Readers' transliteration: the shared table with English and Azerbaijani conventions on top. */
const LATIN: Record<"en" | "az", Record<string, string>> = {
  en: { ...CYRILLIC_LATIN, ё: "yo", щ: "shch" },
  az: { ...CYRILLIC_LATIN, г: "q", ё: "yo", ж: "j", х: "x", ч: "ç", ш: "ş", щ: "şç", ы: "ı" },
};

/** Latin letters for a Russian word ("Чокси" → "Choksi"; Azerbaijani: "Çoksi"), keeping its capital. */
export function transliterate(word: string, lang: "en" | "az"): string {
  const table = LATIN[lang];
  let out = "";
  const lower = word.toLowerCase();
  for (let k = 0; k < lower.length; k++) {
    const ch = lower[k]!;
    const prev = lower[k - 1];
    if (lang === "az" && ch === "д" && lower[k + 1] === "ж") {
      out += "c";
      k++;
      continue;
    }
    // "е" after a vowel or at the start is "ye" in English ("Ереван" → "Yerevan").
    if (ch === "е" && lang === "en" && (k === 0 || (prev !== undefined && "аеёиоуыэюяьъ".includes(prev)))) out += "ye";
    else out += table[ch] ?? ch;
  }
  if (lang === "en") out = out.replace(/^dzh/, "j").replace(/([aeiou])dzh/g, "$1j");
  return word[0] && word[0] !== word[0].toLowerCase() ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}

/**
 * A name's base form: instrumental, dative and prepositional endings removed
 * ("Хушем" → "Хуш", "Трампом" → "Трамп", "Байрамову" → "Байрамов"). Genitive -а is left alone:
 * it cannot be told from a nominative feminine name.
 */
export function nameBaseForm(word: string): string {
  // Surnames that do not decline: Гусейнзаде, Беридзе, Гелашвили, Мамедоглу, Шевченко, Черных.
  if (INDECLINABLE_NAME.test(word)) return word;
  const m = /^(.{2,}?[бвгджзклмнпрстфхцчшщ])(ом|ем|ым|у|е)$/u.exec(word);
  if (m) return m[1]!;
  // «Восточной», «Центральной», «Московской»: an adjective of a place's name, no feminine name («Анной» → «Анна»).
  if (/(ск|цк|[^аеёиоуыэюян]н)ой$/u.test(word)) return word;
  const f = /^(.{3,}?)(ой)$/u.exec(word);
  if (f && /^[А-ЯЁ]/u.test(word)) return `${f[1]}а`;
  return word;
}

const INDECLINABLE_NAME = /(заде|дзе|швили|оглу|кызы|енко|ых|их)$/u;

/** English plurals that take no "-s" ("children", not "childrens"). */
const IRREGULAR_PLURAL: Readonly<Record<string, string>> = {
  child: "children",
  children: "children",
  person: "people",
  people: "people",
  man: "men",
  woman: "women",
  men: "men",
  women: "women",
  foot: "feet",
  tooth: "teeth",
  sheep: "sheep",
  fish: "fish",
  series: "series",
  species: "species",
};

function pluralize(noun: string): string {
  const irregular = IRREGULAR_PLURAL[noun];
  if (irregular) return irregular;
  if (/(s|x|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

export interface GlossDeps {
  lexicon: CrossLexicon;
  glossaryTerms: GlossaryTerm[];
  /** The span is a name in quotation marks («Азинтехстрой»): Russian writes it so in every case. */
  quoted?: boolean;
}

/**
 * Writes a Russian span for a reader of `lang`. Russian readers get the span itself.
 * @param kind the kind of fact (names are transliterated, not translated).
 */
/** "с 8 по 17 мая" → "8–17 мая": a range of days, written the way every reader reads it. */
const dayRange = (span: string) => span.replace(/(?:(?<![\p{L}])(?:с|со)\s+)?(\d{1,2})\s+(?:по|до)\s+(\d{1,2})(?=\s+\p{L})/gu, "$1–$2");

export function glossSpan(span: string, lang: Lang, deps: GlossDeps, kind?: string): string {
  // Russian readers, and spans that are not Russian (an English article's), get the span itself.
  if (!/\p{Script=Cyrillic}/u.test(span)) return span.trim();
  // A person named for a Russian reader: in the nominative ("Хушем Чокси" → "Хуш Чокси").
  if (lang === "ru")
    return kind === "person" && !deps.quoted ? span.trim().replace(/\p{Lu}\p{Ll}+/gu, (w) => nameBaseForm(w)) : span.trim();
  const source = dayRange(span);
  const toks = tokenize(source);
  const out: string[] = [];
  const used = glossaryWords(toks, lang, deps, out);
  let lastNumber = -1;
  let lastValue = Number.NaN;
  toks.forEach((t, k) => {
    if (used.has(k)) return;
    // Number words are written as digits ("два года" → "2 years").
    const value = t.script === "digit" ? Number(t.text) : NUMERALS[t.lower];
    // An initial ("А. Н. Туполев"): its letter, not the conjunction "а".
    const initial = isInitial(t, source) && toks[k + 1]?.capitalized === true;
    out[k] = initial
      ? `${transliterate(t.text, lang)}.`
      : glossWord(t, toks, k, lang, deps, kind, lastNumber >= 0 && lastNumber === k - 1 ? lastValue : undefined);
    // "один" is a number before a unit of time ("один год"), else an article or a pronoun.
    const counts = !ARTICLE_LIKE.has(t.lower) || TIME_UNITS.some(([re]) => re.test(toks[k + 1]?.lower ?? ""));
    if (value !== undefined && counts) {
      lastNumber = k;
      lastValue = value;
      if (t.script !== "digit") out[k] = String(value);
    }
    // "640 квадратных метров": a unit of two words both follow the number.
    if (lastNumber === k - 1 && sizeUnit(t.lower) && sizeUnit(toks[k + 1]?.lower ?? "")) lastNumber = k;
  });
  // Digits split by the tokenizer ("1,5") keep their separator.
  const parts: string[] = [];
  toks.forEach((t, k) => {
    const word = out[k];
    if (word === undefined || word === "") return;
    const gap = k > 0 ? source.slice(toks[k - 1]!.end, t.start) : "";
    if (k > 0 && t.script === "digit" && toks[k - 1]!.script === "digit" && /^[.,–]$/.test(gap)) parts[parts.length - 1] += gap + word;
    else parts.push(word);
    // "40%" keeps its sign.
    if (t.script === "digit" && /^\s?%/u.test(source.slice(t.end))) parts[parts.length - 1] += "%";
  });
  const text = parts
    .join(" ")
    .replace(/\s+/g, " ")
    .replace(/(\d) -(?=\p{L})/gu, "$1-")
    .trim();
  return lang === "en" && text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** Glossary terms of the span in the operator's own spelling for the reader's language, into `out`; the tokens they cover. */
function glossaryWords(toks: Token[], lang: "en" | "az", deps: GlossDeps, out: string[]): Set<number> {
  const used = new Set<number>();
  // Glossary terms: the operator's own spelling in the reader's language.
  for (const m of findGlossaryTerms(toks, deps.glossaryTerms)) {
    // Numbers stay digits ("31", not "thirty-one").
    if (toks.slice(m.from, m.to + 1).some((t) => t.script === "digit")) continue;
    const group = deps.glossaryTerms.filter((t) => t.group === m.term.group);
    // The term of the reader's language with as many words as the matched one ("Среднего коридора" → "Orta Dəhliz").
    const size = m.to - m.from + 1;
    const inLang = group.filter((t) => t.lang === lang);
    const target =
      inLang.find((t) => t.raw.length === size) ?? inLang[0] ?? (lang === "az" ? group.find((t) => t.lang === "en") : undefined);
    if (!target) continue;
    for (let k = m.from; k <= m.to; k++) used.add(k);
    out[m.from] = target.text;
  }
  return used;
}

/** Units of time by their Russian stem: after a number they are the reader's word, not a dictionary's guess ("года" is not "ages"). */
const TIME_UNITS: [RegExp, { en: [string, string]; az: string }][] = [
  [/^(год|года|году|годом|лет|годы|годов)$/, { en: ["year", "years"], az: "il" }],
  [/^месяц/, { en: ["month", "months"], az: "ay" }],
  [/^недел/, { en: ["week", "weeks"], az: "həftə" }],
  [/^(день|дня|дней|дню|днем|днём|сутки|суток)$/, { en: ["day", "days"], az: "gün" }],
  [/^час(а|ов|ам)?$/, { en: ["hour", "hours"], az: "saat" }],
  [/^минут/, { en: ["minute", "minutes"], az: "dəqiqə" }],
];

function timeUnit(lower: string, lang: "en" | "az", afterNumber?: number): string | undefined {
  const unit = TIME_UNITS.find(([re]) => re.test(lower))?.[1];
  // "2025 года" is a date: the year says it all.
  if (!unit || (afterNumber !== undefined && afterNumber >= 1000)) return undefined;
  if (lang === "az") return unit.az;
  return afterNumber === 1 ? unit.en[0] : unit.en[1];
}

/** Units of size by their Russian stem: after a number, the reader's word ("640 square metres", "640 kvadrat metr"). */
const SIZE_UNITS: [RegExp, { en: [string, string]; az: string }][] = [
  [/^квадратн/, { en: ["square", "square"], az: "kvadrat" }],
  [/^кубическ/, { en: ["cubic", "cubic"], az: "kub" }],
  [/^(километр|км$)/, { en: ["kilometre", "kilometres"], az: "kilometr" }],
  [/^(метр|м$)/, { en: ["metre", "metres"], az: "metr" }],
  [/^(гектар|га$)/, { en: ["hectare", "hectares"], az: "hektar" }],
  [/^(тонн|т$)/, { en: ["tonne", "tonnes"], az: "ton" }],
  [/^(килограмм|кг$)/, { en: ["kilogram", "kilograms"], az: "kiloqram" }],
  [/^литр/, { en: ["litre", "litres"], az: "litr" }],
  [/^кубометр/, { en: ["cubic metre", "cubic metres"], az: "kubmetr" }],
  [/^(мегаватт|мвт$)/, { en: ["megawatt", "megawatts"], az: "meqavat" }],
  [/^киловатт/, { en: ["kilowatt", "kilowatts"], az: "kilovat" }],
];

const sizeUnit = (lower: string) => SIZE_UNITS.find(([re]) => re.test(lower))?.[1];

function unitWord(lower: string, lang: "en" | "az", afterNumber?: number): string | undefined {
  const unit = afterNumber !== undefined ? sizeUnit(lower) : undefined;
  if (!unit) return undefined;
  return lang === "az" ? unit.az : unit.en[afterNumber === 1 ? 0 : 1];
}

/** Azerbaijani adjectives of the units of time ("6 aylıq"). */
const AZ_DURATION: Record<TimeUnit, string> = {
  minute: "dəqiqəlik",
  hour: "saatlıq",
  day: "günlük",
  week: "həftəlik",
  month: "aylıq",
  year: "illik",
};

/** A length of time in one word ("шестимесячную" → "6-month", "6 aylıq"). */
function durationWord(lower: string, lang: "en" | "az"): string | undefined {
  const d = durationInWord(lower);
  if (!d) return undefined;
  return lang === "en" ? `${d.n}-${d.unit}` : `${d.n} ${AZ_DURATION[d.unit]}`;
}

/** Words of time the gloss writes itself: units after a number, one-word durations, month names beside a number. */
function timeWord(toks: Token[], k: number, lang: "en" | "az", afterNumber?: number): string | undefined {
  const lower = toks[k]!.lower;
  // "11-летний", "6-месячный": the number is written already; its unit follows as one word ("11 -year").
  const unit = afterNumber !== undefined ? durationInWord(`1-${lower}`)?.unit : undefined;
  if (unit) return lang === "en" ? `-${unit}` : AZ_DURATION[unit];
  const fixed = timeUnit(lower, lang, afterNumber) ?? durationWord(lower, lang) ?? unitWord(lower, lang, afterNumber);
  if (fixed) return fixed;
  const month = russianMonth(lower);
  if (month >= 0 && (toks[k - 1]?.script === "digit" || toks[k + 1]?.script === "digit")) return MONTH_NAMES[lang][month]!;
  // "осенью" is a time ("in autumn"), not a dictionary's adverb.
  if (/^(осенью|летом|зимой|весной)$/u.test(lower)) return seasonOf(lower)![lang];
  return undefined;
}

/**
 * A capitalised word: the news vocabulary's spelling of a country or city ("Китая" → China); a common noun
 * that opens an official name before a lower-case word ("Министерством сельского хозяйства") as the word;
 * else a name, its base form transliterated.
 */
function glossCapitalised(t: Token, next: Token | undefined, lang: "en" | "az", deps: GlossDeps, kind: string | undefined): string {
  const name = lang === "en" ? deps.lexicon.newsEnglish(t.text)[0] : deps.lexicon.newsAzerbaijaniName(t.text)[0];
  if (name) return name;
  const opensName = next !== undefined && !next.capitalized && next.script === t.script && kind !== "person";
  const common = opensName ? deps.lexicon.fromRussian(t.lower, lang)[0] : undefined;
  if (common) return common.replace(/^\p{Ll}/u, (c) => c.toLocaleUpperCase(lang));
  return transliterate(deps.quoted ? t.text : nameBaseForm(t.text), lang);
}

function glossWord(
  t: Token,
  toks: Token[],
  k: number,
  lang: "en" | "az",
  deps: GlossDeps,
  kind: string | undefined,
  afterNumber?: number,
): string {
  if (t.script === "digit" || t.script === "latin") return t.text;
  const lower = t.lower;
  const fixed = timeWord(toks, k, lang, afterNumber) ?? FUNCTION_WORDS[lower]?.[lang];
  if (fixed !== undefined) return fixed;
  // Capitalised inside the span, or the span is a name.
  if (t.capitalized && (k > 0 || kind === "person" || kind === "place")) return glossCapitalised(t, toks[k + 1], lang, deps, kind);
  // A span opening with a country or city the news vocabulary knows ("Китае" → China, not Cathay).
  const place = t.capitalized
    ? (lang === "en" ? deps.lexicon.newsEnglish(t.text) : deps.lexicon.newsAzerbaijaniName(t.text))[0]
    : undefined;
  if (place) return place;
  // The news vocabulary first: its English is the news sense ("Китая" → China, not Cathay).
  const word = (lang === "en" ? deps.lexicon.newsEnglish(lower)[0] : undefined) ?? deps.lexicon.fromRussian(lower, lang)[0];
  if (word) return lang === "en" && afterNumber !== undefined && afterNumber !== 1 ? pluralize(word) : word;
  return transliterate(t.capitalized && !deps.quoted ? nameBaseForm(t.text) : t.text, lang);
}
