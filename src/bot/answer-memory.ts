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

export function createAnswerMemory(limit = 5_000): AnswerMemory {
  const map = new Map<string, RememberedAnswer>();
  return {
    remember(answer) {
      const key = randomBytes(9).toString("base64url"); // 12 characters
      map.set(key, { ...answer, voters: new Set() });
      while (map.size > limit) map.delete(map.keys().next().value as string);
      return key;
    },
    get: (key) => map.get(key),
  };
}
