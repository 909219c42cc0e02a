import { describe, expect, it } from "vitest";
import type { Features } from "../../src/engine/reader.js";
import { fitReader, type ReaderExample, readerF1, tokenF1 } from "../../src/eval/reader-fit.js";

describe("tokenF1", () => {
  it("should score as SQuAD does: tokens without punctuation, case or ё", () => {
    expect(tokenF1("308 очков", "308")).toBeCloseTo(2 / 3, 5);
    expect(tokenF1("Нью-Ингленд Пэтриотс", "нью ингленд пэтриотс")).toBe(1);
    expect(tokenF1("Всё", "все")).toBe(1);
    expect(tokenF1("the Broncos", "Broncos")).toBe(1);
    expect(tokenF1("Бронкос", "Пэнтерс")).toBe(0);
  });
});

describe("fitReader", () => {
  const example = (good: number, n: number): ReaderExample => ({
    feats: Array.from(
      { length: n },
      (_, k): Features =>
        new Map(
          k === good
            ? [
                ["good", 1],
                ["noise", k % 2],
              ]
            : [["noise", k % 2]],
        ),
    ),
    f1: Array.from({ length: n }, (_, k) => (k === good ? 1 : 0)),
  });

  it("should learn the feature that marks the best candidate and pick it on unseen sentences", () => {
    const train = [example(0, 5), example(3, 6), example(2, 4), example(1, 7)];
    const weights = fitReader(train, { steps: 200 });
    expect(weights.good).toBeGreaterThan(1);
    expect(readerF1([example(4, 9), example(0, 3)], weights)).toBe(1);
    expect(readerF1([example(4, 9)], {})).toBeLessThan(1);
  });
});
