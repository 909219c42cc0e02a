import { describe, expect, it } from "vitest";
import { createAnswerCache } from "../../src/engine/answer-cache.js";
import type { EngineResult } from "../../src/engine/types.js";

const refusal = (reason: "off_topic" | "weak_evidence", ms = 1): EngineResult => ({ kind: "refusal", lang: "ru", reason, ms });

describe("createAnswerCache", () => {
  it("should give back an answer for the same question and hint only", () => {
    const cache = createAnswerCache(10);
    const r = refusal("off_topic");
    cache.set("Где встреча?", "ru", [], r, false);
    expect(cache.get("Где встреча?", "ru", [])).toBe(r);
    expect(cache.get("Где встреча?", "en", [])).toBeUndefined();
    expect(cache.get("где встреча?", "ru", [])).toBeUndefined();
    expect(cache.get("Где встреча?", undefined, [])).toBeUndefined();
  });

  it("should ignore the history for a question that does not depend on it", () => {
    const cache = createAnswerCache(10);
    const r = refusal("off_topic");
    cache.set("Сколько компаний?", "ru", ["Кто возглавлял?"], r, false);
    expect(cache.get("Сколько компаний?", "ru", [])).toBe(r);
    expect(cache.get("Сколько компаний?", "ru", ["Что-то другое?", "ещё"])).toBe(r);
  });

  it("should key a question that may continue the previous one by the whole history", () => {
    const cache = createAnswerCache(10);
    const a = refusal("off_topic");
    const b = refusal("weak_evidence");
    cache.set("а сколько их?", "ru", ["Кто возглавлял?"], a, true);
    cache.set("а сколько их?", "ru", ["Какие области?"], b, true);
    expect(cache.get("а сколько их?", "ru", ["Кто возглавлял?"])).toBe(a);
    expect(cache.get("а сколько их?", "ru", ["Какие области?"])).toBe(b);
    expect(cache.get("а сколько их?", "ru", [])).toBeUndefined();
    expect(cache.get("а сколько их?", "ru", ["X", "Кто возглавлял?"])).toBeUndefined();
  });

  it("should not confuse keys whose parts hold the separators", () => {
    const cache = createAnswerCache(10);
    const r = refusal("off_topic");
    cache.set('b"]', "a", [], r, false);
    expect(cache.get('a","b"]', "", [])).toBeUndefined();
    cache.set("q", "ru", ["a", "b"], r, true);
    expect(cache.get("q", "ru", ['a","b'])).toBeUndefined();
  });

  it("should drop the least recently used entry beyond its capacity", () => {
    const cache = createAnswerCache(2);
    const [x, y, z] = [refusal("off_topic", 1), refusal("off_topic", 2), refusal("off_topic", 3)];
    cache.set("x", "ru", [], x, false);
    cache.set("y", "ru", [], y, false);
    expect(cache.get("x", "ru", [])).toBe(x); // x is now the most recent
    cache.set("z", "ru", [], z, false);
    expect(cache.size).toBe(2);
    expect(cache.get("y", "ru", [])).toBeUndefined();
    expect(cache.get("x", "ru", [])).toBe(x);
    expect(cache.get("z", "ru", [])).toBe(z);
  });

  it("should remember nothing at capacity 0", () => {
    const cache = createAnswerCache(0);
    cache.set("x", "ru", [], refusal("off_topic"), false);
    expect(cache.get("x", "ru", [])).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
