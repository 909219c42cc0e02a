/**
 * Months in ru, en and az: one module for every use — reading a month in a word (dates in model
 * answers, "в мае"), finding one in a sentence (date questions), writing one for a reader.
 */
import { ub } from "../lexicon.js";
import { NUMERALS } from "./numerals.js";

/** A word naming a month, with its number (1–12): English, Russian and Azerbaijani, inflected forms too. */
export const MONTH_WORDS: [RegExp, number][] = [
  [/^(january|jan|январ\p{L}*|yanvar\p{L}*)$/u, 1],
  [/^(february|feb|феврал\p{L}*|fevral\p{L}*)$/u, 2],
  [/^(march|mar|март\p{L}?|mart\p{L}*)$/u, 3],
  [/^(april|apr|апрел\p{L}*|aprel\p{L}*)$/u, 4],
  [/^(may|ма[йяюе]|mayın|mayda|mayın)$/u, 5],
  [/^(june|jun|июн\p{L}*|iyun\p{L}*)$/u, 6],
  [/^(july|jul|июл\p{L}*|iyul\p{L}*)$/u, 7],
  [/^(august|aug|август\p{L}{0,2}|avqust\p{L}*)$/u, 8],
  [/^(september|sept?|сентябр\p{L}*|sentyabr\p{L}*)$/u, 9],
  [/^(october|oct|октябр\p{L}*|oktyabr\p{L}*)$/u, 10],
  [/^(november|nov|ноябр\p{L}*|noyabr\p{L}*)$/u, 11],
  [/^(december|dec|декабр\p{L}*|dekabr\p{L}*)$/u, 12],
];

/** The month (1–12) a lower-case word names, if any. */
export function monthOf(lower: string): number | undefined {
  return MONTH_WORDS.find(([re]) => re.test(lower))?.[1];
}

/** An English month abbreviation ("Feb. 20"): a month only before a number. */
export const MONTH_ABBREVIATION = /^(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)$/u;

/** A season as a time ("осенью", "in the autumn", "payızda"), and how each reader says it. */
export const SEASONS: readonly { re: RegExp; en: string; az: string }[] = [
  { re: /^(осенью|осени|autumn|fall|payızda|payizda)$/u, en: "in autumn", az: "payızda" },
  { re: /^(летом|лета|summer|yayda)$/u, en: "in summer", az: "yayda" },
  { re: /^(зимой|зимы|winter|qışda|qisda)$/u, en: "in winter", az: "qışda" },
  { re: /^(весной|весны|spring|yazda)$/u, en: "in spring", az: "yazda" },
];
export const seasonOf = (lower: string) => SEASONS.find((x) => x.re.test(lower));
/** A season named in a text as a time. */
export const SEASON_IN_TEXT = /(осенью|летом|зимой|весной|in (the )?(spring|summer|autumn|fall|winter)|payızda|yayda|qışda|yazda)/iu;

/** A month named anywhere in a text (a sentence that can answer "when?"). */
export const MONTH_IN_TEXT = ub(
  /(январ|феврал|\bмарт|апрел|\bма[йяюе]\b|\bиюн|\bиюл|август|сентябр|октябр|ноябр|декабр|january|february|\bmarch\b|april|\bmay\b|\bjune\b|\bjuly\b|august|september|october|november|december|\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b(?=\.? ?\d)|yanvar|fevral|aprel|\biyun|\biyul|avqust|sentyabr|oktyabr|noyabr|dekabr)/i,
);

const MONTH_STEMS = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"];
export const MONTH_NAMES: Record<"en" | "az" | "ru", string[]> = {
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  az: ["yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr", "noyabr", "dekabr"],
  ru: ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
};

/** The month a Russian word names (0-based), or -1. */
export function russianMonth(lower: string): number {
  if (/^ма[йяюе]$/.test(lower)) return 4;
  return MONTH_STEMS.findIndex((m, k) => k !== 4 && lower.startsWith(m));
}

export type TimeUnit = "minute" | "hour" | "day" | "week" | "month" | "year";

/** Combining forms that are not numerals on their own ("одно-месячный", "полу-годичный"); the rest are NUMERALS' keys ("шести", "six"). */
const COMBINING: Readonly<Record<string, number>> = { одно: 1, полу: 0.5 };
const DURATION_NUMBERS: Readonly<Record<string, number>> = { ...NUMERALS, ...COMBINING };
const NUMBER_PREFIXES = Object.keys(DURATION_NUMBERS).sort((a, b) => b.length - a.length);
const DURATION_UNIT_STEM: [RegExp, TimeUnit][] = [
  [/^-?(месячн|month)/, "month"],
  [/^-?(летн|годичн|year)/, "year"],
  [/^-?(дневн|day)/, "day"],
  [/^-?(недельн|week)/, "week"],
  [/^-?(часов|hour)/, "hour"],
  [/^-?(минутн|minute)/, "minute"],
];

/** A length of time written as one word: "шестимесячную" → 6 months, "10-летний" → 10 years, "six-month". */
export function durationInWord(word: string): { n: number; unit: TimeUnit } | undefined {
  const w = word.toLowerCase().replace(/ё/g, "е");
  const digits = /^(\d+)-?/.exec(w);
  // The longest number word the word starts with ("шести-месячную", "six-month").
  const numberWord = NUMBER_PREFIXES.find((p) => w.startsWith(p));
  const prefix = digits ? digits[0] : numberWord;
  if (!prefix) return undefined;
  const n = digits ? Number(digits[1]) : DURATION_NUMBERS[prefix]!;
  const unit = DURATION_UNIT_STEM.find(([re]) => re.test(w.slice(prefix.length)))?.[1];
  return unit ? { n, unit } : undefined;
}

/** A year named relative to the article's date ("прошлого года", "last year", "keçən il"): its words and offset. */
const RELATIVE_YEAR: [RegExp, number][] = [
  [/^(прошл(ого|ом|ый)|предыдущ(его|ем))$/u, -1],
  [/^(этого|этом|текущ(его|ем)|нынешн(его|ем))$/u, 0],
  [/^(следующ(его|ем)|будущ(его|ем))$/u, 1],
  [/^(last|previous)$/u, -1],
  [/^this$/u, 0],
  [/^next$/u, 1],
  [/^(keçən|kecen|ötən|oten)$/u, -1],
  [/^bu$/u, 0],
  [/^(gələn|gelen|növbəti|novbeti)$/u, 1],
];
const YEAR_WORD = /^(года?|году|year|il|ilin|ildə|ilde)$/u;

/** The offset of a relative year at words `k`, `k + 1` ("прошлого года" → -1), or undefined. */
export function relativeYearAt(words: readonly string[], k: number): number | undefined {
  if (!YEAR_WORD.test(words[k + 1] ?? "")) return undefined;
  return RELATIVE_YEAR.find(([re]) => re.test(words[k] ?? ""))?.[1];
}

/**
 * A date span with its relative year made absolute from the article's date: "8 августа прошлого года"
 * of an article of 2026 → "8 августа 2025 года", "in March last year" → "in March 2025". The bot's own
 * wording for the short answer; the quote keeps the article's words.
 */
export function resolveRelativeYear(span: string, docDate: string | undefined): string {
  const year = Number(docDate?.slice(0, 4));
  if (!Number.isFinite(year) || year < 1000) return span;
  const words = [...span.matchAll(/\p{L}+/gu)];
  let out = span;
  // Right to left, so earlier offsets stay valid.
  for (let k = words.length - 2; k >= 0; k--) {
    const [a, b] = [words[k]!, words[k + 1]!];
    if (span.slice(a.index! + a[0].length, b.index!).trim() !== "") continue;
    const offset = relativeYearAt([a[0].toLowerCase(), b[0].toLowerCase()], 0);
    if (offset === undefined) continue;
    // Russian keeps its case word ("2025 года", "в 2025 году"); English and Azerbaijani the number alone.
    const absolute = /\p{Script=Cyrillic}/u.test(b[0]) ? `${year + offset} ${b[0]}` : String(year + offset);
    out = out.slice(0, a.index!) + absolute + out.slice(b.index! + b[0].length);
  }
  return out;
}
