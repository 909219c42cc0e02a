// What a 👍/👎 button needs to know about its answer, kept in memory under a short key (callback data
// holds 64 bytes at most). Bounded; after a restart old buttons answer "too old".
import { randomBytes } from "node:crypto";

export interface RememberedAnswer {
  question: string;
  short: string;
  lang: string;
  /** Who asked (never stored on disk): only their vote carries the question text. */
  askerId: number | undefined;
  /** Who has voted already (never stored on disk). */
  voters: Set<number>;
}

export interface AnswerMemory {
  remember(answer: Omit<RememberedAnswer, "voters">): string;
  get(key: string): RememberedAnswer | undefined;
}

/** Random bytes per key (12 characters in base64url), drawn in batches: one system call per 256 keys. */
const KEY_BYTES = 9;
const KEYS_PER_BATCH = 256;

export function createAnswerMemory(limit = 5_000): AnswerMemory {
  const map = new Map<string, RememberedAnswer>();
  let batch = Buffer.alloc(0);
  let at = 0;
  const newKey = () => {
    if (at + KEY_BYTES > batch.length) {
      batch = randomBytes(KEY_BYTES * KEYS_PER_BATCH);
      at = 0;
    }
    at += KEY_BYTES;
    return batch.toString("base64url", at - KEY_BYTES, at);
  };
  return {
    remember(answer) {
      const key = newKey();
      map.set(key, { ...answer, voters: new Set() });
      while (map.size > limit) map.delete(map.keys().next().value as string);
      return key;
    },
    get: (key) => map.get(key),
  };
}
