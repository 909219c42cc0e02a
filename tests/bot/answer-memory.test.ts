import { describe, expect, it } from "vitest";
import { createAnswerMemory } from "../../src/bot/answer-memory.js";

describe("createAnswerMemory", () => {
  it("should give every answer its own 12-character key, also across batches of random bytes", () => {
    const memory = createAnswerMemory(1_000);
    const keys = Array.from({ length: 600 }, (_, i) => memory.remember({ question: `q${i}`, short: `a${i}`, lang: "en", askerId: i }));
    expect(new Set(keys).size).toBe(600);
    for (const k of keys) expect(k).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(memory.get(keys[599]!)).toMatchObject({ question: "q599", short: "a599", askerId: 599 });
    expect(memory.get(keys[0]!)?.voters.size).toBe(0);
  });

  it("should forget the oldest answers beyond its limit", () => {
    const memory = createAnswerMemory(3);
    const keys = ["a", "b", "c", "d"].map((q) => memory.remember({ question: q, short: q, lang: "ru", askerId: undefined }));
    expect(memory.get(keys[0]!)).toBeUndefined();
    expect(keys.slice(1).map((k) => memory.get(k)?.question)).toEqual(["b", "c", "d"]);
  });
});
