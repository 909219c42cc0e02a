// The fixed wording of every surface (Telegram, inline, console, `ask`): one JSON file per language in locales/,
// checked at load (every language has every text). The engine has no wording: the renderers build it from its structure.
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Lang, RefusalReason } from "../engine/types.js";

const text = z.string().min(1);
/** One text per refusal reason: the record's keys are checked against RefusalReason at compile time. */
const REFUSALS = {
  empty: text,
  small_talk: text,
  task: text,
  injection: text,
  off_topic: text,
  weak_evidence: text,
  missing_fact: text,
} satisfies Record<RefusalReason, z.ZodString>;

const localeSchema = z.object({
  start: z.string().min(1),
  help: z.string().min(1),
  examplesTitle: z.string().min(1),
  /** Questions about the shipped article (the fallback when an article's front matter lists none). */
  examples: z.array(z.string().min(1)).length(3),
  /** Questions any news article answers ("When did it happen?"), offered when the examples do not fit the corpus. */
  genericExamples: z.array(z.string().min(1)).min(3),
  sourcesTitle: z.string().min(1),
  sourcesEmpty: z.string().min(1),
  citationsTitle: z.string().min(1),
  error: z.string().min(1),
  rateLimited: z.string().min(1),
  unsupported: z.string().min(1),
  forwarded: z.string().min(1),
  unknownCommand: z.string().min(1),
  askUsage: z.string().min(1),
  inlineHelpTitle: z.string().min(1),
  inlineHelpDescription: z.string().min(1),
  inlineRefusalTitle: z.string().min(1),
  inlineTimeoutTitle: z.string().min(1),
  inlineTimeout: z.string().min(1),
  paragraphButton: z.string().min(1).max(40),
  relatedTitle: z.string().min(1),
  coversTitle: z.string().min(1),
  feedbackThanks: z.string().min(1).max(200),
  feedbackAgain: z.string().min(1).max(200),
  feedbackExpired: z.string().min(1).max(200),
  feedbackSummary: z.string().min(1),
  feedbackWorst: z.string().min(1),
  feedbackEmpty: z.string().min(1),
  paragraphMissing: z.string().min(1),
  commands: z.object({
    start: z.string().min(1).max(256),
    help: z.string().min(1).max(256),
    sources: z.string().min(1).max(256),
    ask: z.string().min(1).max(256),
  }),
  /** Answers: the lead-in when there is no direct answer, the plain-text sources heading, the language note ({source}). */
  answer: z.object({ leadIn: text, sources: text, note: text }),
  /** Refusals by reason ({fact}: a `fact` text), then the line on what the corpus covers ({titles}). */
  refusal: z.object({ ...REFUSALS, scope: text }),
  /** The kinds of fact a "missing_fact" refusal can name; other kinds get the weak-evidence text. */
  fact: z.object({
    count: text,
    amount: text,
    date: text,
    person: text,
    place: text,
    org: text,
    list: text,
    duration: text,
    role: text,
    statement: text,
    source: text,
  }),
  /** Language names as the note uses them ("The source is in {source}"). */
  lang: z.object({ ru: text, en: text, az: text }),
});

export type BotTexts = z.infer<typeof localeSchema>;

export const BOT_LANGS = ["ru", "en", "az"] as const satisfies readonly Lang[];
export const DEFAULT_LANG: Lang = "ru";

/** A locale file that cannot be read or lacks a text. */
export class BotLocaleError extends Error {
  override name = "LocaleError";
}

function loadLocale(lang: Lang): BotTexts {
  const url = new URL(`../../locales/${lang}.json`, import.meta.url);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(url, "utf8"));
  } catch (cause) {
    throw new BotLocaleError(`locales/${lang}.json: ${(cause as Error).message}`, { cause });
  }
  const parsed = localeSchema.safeParse(data);
  if (!parsed.success)
    throw new BotLocaleError(`locales/${lang}.json: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

const locales: Record<Lang, BotTexts> = { ru: loadLocale("ru"), en: loadLocale("en"), az: loadLocale("az") };

/** Telegram's `language_code` ("en-US", "az", "ru") → one of the bot's languages, Russian by default. */
export function toBotLang(languageCode: unknown): Lang {
  // Updates are untrusted input: a language_code of the wrong type means "unknown".
  const base = typeof languageCode === "string" ? languageCode.toLowerCase().split(/[-_]/)[0] : undefined;
  return BOT_LANGS.find((l) => l === base) ?? DEFAULT_LANG;
}

export function textsFor(lang: Lang): BotTexts {
  return locales[lang];
}

/** Fills `{name}` placeholders; unknown ones stay as they are. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
