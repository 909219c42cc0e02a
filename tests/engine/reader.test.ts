import { describe, expect, it } from "vitest";
import { candidates, features, type Piece, type ReaderInput, readSpan } from "../../src/engine/reader.js";
import { tokenize } from "../../src/engine/text.js";

/** A reader input for `text`, the question's words given as lower-case words of the sentence. */
function input(text: string, askedWords: string[], extra: Partial<ReaderInput> = {}): ReaderInput {
  const toks = tokenize(text);
  const asked = (k: number) => k >= 0 && k < toks.length && askedWords.includes(toks[k]!.lower);
  const clauses: Piece[] = [];
  let from = 0;
  toks.forEach((t, k) => {
    const gap = k + 1 < toks.length ? text.slice(t.end, toks[k + 1]!.start) : "";
    if (k + 1 === toks.length || /[,;:]/.test(gap)) {
      clauses.push({ from, to: k });
      from = k + 1;
    }
  });
  return {
    toks,
    text,
    asked,
    at: toks.map((_, k) => k).filter(asked),
    type: "none",
    asks: "what",
    clauses,
    typed: [],
    head: [],
    ...extra,
  };
}

const textOf = (s: ReaderInput, p: Piece) => s.text.slice(s.toks[p.from]!.start, s.toks[p.to]!.end);

describe("candidates", () => {
  it("should not start or end with a function word, cross a clause or repeat only the question", () => {
    const s = input("Леди Гага исполнила гимн, а Марли Мэтлин обеспечила перевод", ["гага"]);
    const texts = candidates(s).map((p) => textOf(s, p));
    expect(texts).toContain("исполнила гимн");
    expect(texts).toContain("Марли Мэтлин");
    expect(texts).not.toContain("гимн, а Марли");
    expect(texts.some((t) => /^(а|и) /.test(t) || / (а|и)$/.test(t))).toBe(false);
    expect(texts).not.toContain("Гага");
  });

  it("should not offer the noun the question word governs alone ('which city' → not 'city')", () => {
    const s = input("Jacksonville is the largest city in the state", ["largest", "state"], { head: [4] });
    const texts = candidates(s).map((p) => textOf(s, p));
    expect(texts).not.toContain("city");
    expect(texts).toContain("Jacksonville");
    expect(texts).not.toContain("largest city");
  });

  it("should keep candidates within the length limit", () => {
    const s = input("один два три четыре пять шесть семь восемь девять десять одиннадцать", []);
    for (const p of candidates(s)) expect(p.to - p.from + 1).toBeLessThanOrEqual(8);
  });
});

describe("features", () => {
  it("should describe distance, side and the asked kind of piece", () => {
    const s = input("Леди Гага исполнила государственный гимн", ["гага", "исполнила"], { type: "person", typed: [{ from: 0, to: 1 }] });
    const gimn = features(s, { from: 3, to: 4 });
    expect(gimn.get("askedBefore")).toBe(1);
    expect(gimn.get("dist1")).toBe(1);
    expect(gimn.get("anchorsLeft")).toBe(1);
    expect(gimn.get("clauseEnd")).toBe(1);
    expect(features(s, { from: 0, to: 1 }).get("typedExact")).toBe(1);
    expect(gimn.get("what×is:lower")).toBe(1);
  });
});

describe("cue features", () => {
  it("should mark a candidate after the question's preposition and before the word its question word governs", () => {
    const s = input("Театр построили в 1905 году на средства города", ["театр", "построили"], { prep: "в", head: [4] });
    const year = features(s, { from: 3, to: 3 });
    expect(year.get("prepMatch")).toBe(1);
    expect(year.get("headNext")).toBe(1);
    const withNoun = features(s, { from: 3, to: 4 });
    expect(withNoun.get("headLast")).toBe(1);
    expect(features(s, { from: 6, to: 6 }).get("prepMatch")).toBeUndefined();
  });

  it("should mark a candidate right after the word before the question word, or ending with it", () => {
    // "Диверсификация чего обсуждалась?": the answer follows "диверсификацию".
    const s = input("Обсуждалась диверсификацию торговых маршрутов в регионе", ["обсуждалась"], { owner: [1] });
    expect(features(s, { from: 2, to: 3 }).get("ownerPrev")).toBe(1);
    expect(features(s, { from: 3, to: 3 }).get("ownerPrev")).toBeUndefined();
    expect(features(s, { from: 1, to: 1 }).get("ownerLast")).toBe(1);
  });

  it("should mark what follows the question's own verb, by its question word", () => {
    const s = input("Президенты подписали совместную декларацию о мире", ["президенты", "подписали"], { asks: "which" });
    expect(features(s, { from: 2, to: 3 }).get("which×afterAskedVerb")).toBe(1);
    expect(features(s, { from: 3, to: 3 }).get("which×afterAskedVerb")).toBeUndefined();
    expect(features(s, { from: 1, to: 3 }).get("which×afterAskedVerb")).toBeUndefined();
  });

  it("should mark a candidate that cuts a hyphenated word or a name in two", () => {
    const s = input("Кубок выиграла команда Нью-Ингленд Пэтриотс из Бостона", ["кубок", "выиграла"]);
    expect(features(s, { from: 4, to: 5 }).get("cutWord")).toBe(1);
    expect(features(s, { from: 3, to: 4 }).get("cutName")).toBe(1);
    const whole = features(s, { from: 3, to: 5 });
    expect(whole.get("cutWord")).toBeUndefined();
    expect(whole.get("cutName")).toBeUndefined();
  });
});

describe("context features", () => {
  it("should describe the endings, the neighbouring words and the question word's form", () => {
    const s = input("Роль играет исполнительный директор, а не тренер", ["роль", "играет"], { qword: "какую" });
    const f = features(s, { from: 2, to: 3 });
    expect(f.get("end1:ый")).toBe(1);
    expect(f.get("end2:ор")).toBe(1);
    expect(f.get("какую×end2:ор")).toBe(1);
    expect(f.get("prevEnd:ет")).toBe(1);
    expect(f.get("next:punct,")).toBe(1);
    expect(features(s, { from: 6, to: 6 }).get("prev:не")).toBe(1);
    expect(features(s, { from: 6, to: 6 }).get("next:edge")).toBe(1);
  });

  it("should count the question's words within three words on either side", () => {
    const s = input("Роль играет исполнительный директор клуба", ["роль", "играет", "клуба"]);
    const f = features(s, { from: 2, to: 3 });
    expect(f.get("askedLeft3")).toBe(2);
    expect(f.get("askedRight3")).toBe(1);
  });

  it("should tell whether the question's words stand on the side of the answer its question word puts them", () => {
    // "Что финансировали Лейн и Вейл?": "финансировали" follows the question word, so the answer follows it in the sentence.
    const s = input("Лейн финансировали компанию", ["лейн", "финансировали"], { side: (k) => (k === 0 || k === 1 ? 1 : 0) });
    expect(features(s, { from: 2, to: 2 }).get("orderAgree")).toBe(0);
    expect(features(s, { from: 2, to: 2 }).get("orderDisagree")).toBe(1);
    const before = input("Компанию финансировали Лейн", ["лейн", "финансировали"], { side: (k) => (k === 1 || k === 2 ? 1 : 0) });
    expect(features(before, { from: 0, to: 0 }).get("orderAgree")).toBe(1);
  });

  it("should mark the typed piece nearest the question's words", () => {
    const s = input("В 1990 году открыли музей, а в 2005 году театр", ["открыли", "музей"], {
      type: "date",
      typed: [
        { from: 1, to: 1 },
        { from: 8, to: 8 },
      ],
    });
    expect(features(s, { from: 1, to: 1 }).get("typedNearest")).toBe(1);
    expect(features(s, { from: 8, to: 8 }).get("typedNearest")).toBeUndefined();
  });

  it("should mark a candidate that cuts a number in two", () => {
    const s = input("Она набрала 6,5 очка и собрала 1 850 тонн", ["набрала"]);
    expect(features(s, { from: 3, to: 4 }).get("cutWord")).toBe(1);
    expect(features(s, { from: 2, to: 3 }).get("cutWord")).toBeUndefined();
    expect(features(s, { from: 7, to: 7 }).get("cutWord")).toBe(1);
    expect(features(s, { from: 7, to: 8 }).get("cutWord")).toBeUndefined();
  });
});

describe("readSpan", () => {
  it("should pick the candidate the weights favour, with its share of the softmax", () => {
    const s = input("Леди Гага исполнила государственный гимн", ["гага", "исполнила"]);
    const atEnd = readSpan(s, { clauseEnd: 5, askedBefore: 3, len1: 1 });
    expect(atEnd && textOf(s, atEnd.piece)).toBe("государственный гимн");
    expect(atEnd!.p).toBeGreaterThan(0.5);
    const first = readSpan(s, { sentenceStart: 5 });
    expect(first && textOf(s, first.piece)).toMatch(/^Леди/);
  });

  it("should find nothing in a sentence made only of the question's words", () => {
    expect(readSpan(input("Леди Гага", ["леди", "гага"]), {})).toBeUndefined();
  });
});
