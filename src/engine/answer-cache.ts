/**
 * Answers remembered for questions asked again: /start's examples, the related-question buttons
 * under every answer, the questions everyone asks. An extractive answer is a function of the
 * question, the language hint and — only for a message that may continue the previous one
 * (AnalyzedQuestion.mayFollowUp) — the chat's earlier questions, over a corpus fixed for the
 * engine's life. So the key is the question and the hint, plus the whole history where the answer
 * depends on it. Model answers are not remembered (engine.ts asks this cache for extractive ones only).
 */
import type { EngineResult } from "./types.js";

export interface AnswerCache {
  /** The answer given before to the same question, hint and (where it matters) history. */
  get(question: string, hint: string | undefined, history: readonly string[]): EngineResult | undefined;
  /** Remembers an answer; `dependsOnHistory`: the question may continue the previous one. */
  set(question: string, hint: string | undefined, history: readonly string[], result: EngineResult, dependsOnHistory: boolean): void;
  readonly size: number;
}

/** Stands in a question's entry when its answers are kept per history. */
const PER_HISTORY = Symbol("per history");

/** Unambiguous keys (a question may hold any character, the separator included). */
const questionKey = (question: string, hint: string | undefined) => JSON.stringify([hint ?? "", question]);
const historyKey = (base: string, history: readonly string[]) => `${base}${JSON.stringify(history)}`;

/** A least-recently-used cache of at most `capacity` entries (0: remembers nothing). */
export function createAnswerCache(capacity: number): AnswerCache {
  // A Map iterates in insertion order: each read moves its entry to the end, the first is the oldest.
  const entries = new Map<string, EngineResult | typeof PER_HISTORY>();
  const read = (key: string) => {
    const v = entries.get(key);
    if (v !== undefined) {
      entries.delete(key);
      entries.set(key, v);
    }
    return v;
  };
  const put = (key: string, v: EngineResult | typeof PER_HISTORY) => {
    entries.delete(key);
    entries.set(key, v);
    for (const oldest of entries.keys()) {
      if (entries.size <= capacity) break;
      entries.delete(oldest);
    }
  };
  return {
    get(question, hint, history) {
      if (capacity <= 0) return undefined;
      const base = questionKey(question, hint);
      const v = read(base);
      if (v !== PER_HISTORY) return v;
      const r = read(historyKey(base, history));
      return r === PER_HISTORY ? undefined : r;
    },
    set(question, hint, history, result, dependsOnHistory) {
      if (capacity <= 0) return;
      const base = questionKey(question, hint);
      if (!dependsOnHistory) return put(base, result);
      put(base, PER_HISTORY);
      put(historyKey(base, history), result);
    },
    get size() {
      return entries.size;
    },
  };
}
