// Related questions offered as buttons under answers and refusals, and as the examples of /start,
// /help, "/ask needs a question" and the inline help: questions the corpus does answer.
// Source: an optional `questions:` field in an article's front matter (a list, or lists by language:
// `questions: { ru: [...], en: [...] }`), else the locale's examples and its questions any news answers
// ("When did it happen?"). Each is asked once, at first use, and offered only when the engine answers
// it: an operator who replaces the shipped article gets no questions about a delegation it never mentions.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import type { Engine, Lang } from "../engine/types.js";
import { BOT_LANGS, textsFor } from "./i18n.js";

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const MAX_PER_LANG = 8;

export interface RelatedQuestion {
  /** Index in the language's list (for callback data). */
  i: number;
  text: string;
}

export interface RelatedQuestions {
  /** Up to `count` questions in `lang`, not the one just asked. */
  pick(lang: Lang, asked?: string, count?: number): Promise<RelatedQuestion[]>;
  /** The question behind a button. */
  get(lang: Lang, i: number): Promise<string | undefined>;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** `questions:` of one article's front matter, by language (a plain list is sorted by detected language). */
export function parseQuestionsField(value: unknown, detect: (text: string) => Lang): Partial<Record<Lang, string[]>> {
  const out: Partial<Record<Lang, string[]>> = {};
  const add = (lang: Lang, q: unknown) => {
    if (typeof q !== "string" || !q.trim()) return;
    (out[lang] ??= []).push(q.trim());
  };
  if (Array.isArray(value)) for (const q of value) add(typeof q === "string" ? detect(q) : "ru", q);
  else if (value && typeof value === "object")
    for (const [lang, list] of Object.entries(value as Record<string, unknown>))
      if ((BOT_LANGS as readonly string[]).includes(lang) && Array.isArray(list)) for (const q of list) add(lang as Lang, q);
  return out;
}

export function createRelatedQuestions(engine: Engine, corpusDir: string): RelatedQuestions {
  // Read once, synchronously (a few small files): no I/O waits in the middle of an answer.
  let fromCorpus: Partial<Record<Lang, string[]>> | undefined;

  const readCorpus = () => {
    const out: Partial<Record<Lang, string[]>> = {};
    for (const doc of engine.documents()) {
      try {
        const m = FRONT_MATTER.exec(readFileSync(join(corpusDir, doc.file), "utf8"));
        const fm = m ? (parseYaml(m[1] ?? "") as Record<string, unknown> | null) : null;
        const found = parseQuestionsField(fm?.questions, (t) => engine.detectLang(t));
        for (const [lang, list] of Object.entries(found)) (out[lang as Lang] ??= []).push(...list);
      } catch {
        // A missing or unreadable file: the engine reports corpus problems; here it just adds nothing.
      }
    }
    return out;
  };

  // The questions the engine answers, in order, up to MAX_PER_LANG (all of them, untried, when it cannot tell).
  const answered = async (lang: Lang, candidates: readonly string[]) => {
    const out: string[] = [];
    for (const text of new Set(candidates)) {
      if (out.length >= MAX_PER_LANG) break;
      if (!engine.answers || (await engine.answers(text, lang).catch(() => false))) out.push(text);
    }
    return out;
  };

  // Each language's list with its normalised texts, made once (the corpus and the locales are fixed at start).
  const lists = new Map<Lang, Promise<{ text: string; i: number; norm: string }[]>>();
  const list = (lang: Lang) => {
    let l = lists.get(lang);
    if (!l) {
      fromCorpus ??= readCorpus();
      const own = fromCorpus[lang] ?? [];
      const texts = textsFor(lang);
      // Without a check, the locale's own examples only (the generic ones are for corpora the examples do not fit).
      const fallback = engine.answers ? [...texts.examples, ...texts.genericExamples] : texts.examples;
      l = answered(lang, own.length > 0 ? own : fallback).then((found) => found.map((text, i) => ({ text, i, norm: norm(text) })));
      lists.set(lang, l);
    }
    return l;
  };

  return {
    async pick(lang, asked = "", count = 3) {
      const a = norm(asked);
      const out: RelatedQuestion[] = [];
      for (const q of await list(lang)) {
        if (out.length >= count) break;
        if (q.norm !== a) out.push({ i: q.i, text: q.text });
      }
      return out;
    },
    async get(lang, i) {
      return (await list(lang))[i]?.text;
    },
  };
}
