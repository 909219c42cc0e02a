// TEMPORARY STUB so the bot can be built in parallel; the real engine replaces this file.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { AskOptions, CorpusDocument, Engine, EngineResult, Lang } from "./types.js";

export interface EngineDeps {
  logger?: Logger;
  /** Progress lines while the index is (re)built. */
  onProgress?: (message: string) => void;
}

export async function createEngine(config: Pick<Config, "CORPUS_DIR" | "INDEX_DIR"> & Partial<Config>, _deps: EngineDeps = {}): Promise<Engine> {
  const docs: CorpusDocument[] = readdirSync(config.CORPUS_DIR)
    .filter((f) => f.endsWith(".md"))
    .map((file) => {
      const raw = readFileSync(join(config.CORPUS_DIR, file), "utf8");
      const m = /^---\n([\s\S]*?)\n---\n/.exec(raw);
      const title = /title:\s*"?(.*?)"?$/m.exec(m?.[1] ?? "")?.[1] ?? file;
      return { id: file.replace(/\.md$/, ""), file, title, date: "2026-02-10", lang: "ru", body: raw.slice(m?.[0].length ?? 0) };
    });
  const detectLang = (text: string, hint?: string): Lang =>
    /[а-яё]/i.test(text) ? "ru" : /[əğışçöü]/i.test(text) ? "az" : /[a-z]/i.test(text) ? "en" : hint === "en" || hint === "az" ? hint : "ru";
  return {
    documents: () => docs,
    detectLang,
    t: (lang, key) => `${lang}:${key}`,
    async ask(question: string, options?: AskOptions): Promise<EngineResult> {
      const lang = detectLang(question, options?.langHint);
      const words = question.toLowerCase().match(/[\p{L}\d]{4,}/gu) ?? [];
      for (const d of docs) {
        const sentences = d.body.split(/(?<=[.!?])\s+/);
        const hit = sentences.find((s) => words.some((w) => s.toLowerCase().includes(w.slice(0, 5))));
        if (hit) {
          const start = d.body.indexOf(hit);
          return { kind: "answer", lang, lead: hit, text: `${hit} [1]`, mode: "extractive", ms: 0,
            citations: [{ n: 1, quote: hit, doc: d.id, title: d.title, date: d.date, part: "body", start, end: start + hit.length }] };
        }
      }
      return { kind: "refusal", lang, reason: "off_topic", text: "stub refusal", ms: 0 };
    },
    async close() {},
  };
}
