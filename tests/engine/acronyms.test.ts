import { describe, expect, it } from "vitest";
import { namesAbbreviated } from "../../src/engine/acronyms.js";
import { loadCrossLexicon } from "../../src/engine/language/crosslang.js";
import { createLexicalIndex, type LexicalIndex } from "../../src/engine/lexical.js";
import { analyzeQuestion } from "../../src/engine/question.js";
import { toSentences } from "../../src/engine/sentences.js";
import type { CorpusDocument } from "../../src/engine/types.js";

function indexOf(body: string, lang: "ru" | "en"): LexicalIndex {
  const doc: CorpusDocument = { id: "doc", file: "doc.md", title: "Test", date: "2026-03-11", lang, body };
  return createLexicalIndex(toSentences([doc]), [], () => lang, new Map());
}

const EN = indexOf(
  "The project cost $210 million, of which $150 million came from an Asian Development Bank loan. The Bank of Georgia was not involved.",
  "en",
);
const RU = indexOf("Проект финансировал Азиатский банк развития. Об этом сообщили в Министерстве иностранных дел.", "ru");

describe("namesAbbreviated", () => {
  it("should find the capitalised English name an acronym stands for, in any case", () => {
    expect(namesAbbreviated(EN, "ADB")).toEqual([["asian", "develop", "bank"]]);
    expect(namesAbbreviated(EN, "adb")).toEqual([["asian", "develop", "bank"]]);
  });

  it("should skip function words inside a name", () => {
    expect(namesAbbreviated(EN, "BG")).toEqual([["bank", "georgia"]]);
  });

  it("should let a Russian name go on in lower case after its first word", () => {
    expect(namesAbbreviated(RU, "АБР").length).toBe(1);
    expect(namesAbbreviated(RU, "мид").length).toBe(1);
  });

  it("should not start a Cyrillic name at a sentence's first word, whose capital says nothing", () => {
    const index = indexOf("Вместе с фирмой работали инженеры. Об этом сообщили в Министерстве иностранных дел.", "ru");
    expect(namesAbbreviated(index, "ВФР")).toEqual([]);
    expect(namesAbbreviated(index, "МИД").length).toBe(1);
  });

  it("should not read lower-case English words or words across punctuation as a name", () => {
    expect(namesAbbreviated(EN, "pcm")).toEqual([]);
    expect(namesAbbreviated(EN, "blg")).toEqual([]);
  });

  it("should not take a long word or one with digits for an acronym", () => {
    expect(namesAbbreviated(EN, "asiandevelopment")).toEqual([]);
    expect(namesAbbreviated(EN, "a1")).toEqual([]);
  });
});

describe("analyzeQuestion with acronyms", () => {
  it("should not read a dictionary word typed in lower case as an acronym", () => {
    const index = indexOf("Проект финансировал Азиатский банк развития. Об этом сообщили в Министерстве иностранных дел.", "ru");
    const lexicon = loadCrossLexicon();
    // «банк» is a word; its letters would not be initials even if a name spelled them.
    expect(
      analyzeQuestion(index, "какой банк?", "ru", { lexicon }).concepts.find((c) => c.label === "банк")?.alternatives.length,
    ).toBeGreaterThan(0);
    expect(analyzeQuestion(index, "что сказал МИД?", "ru", { lexicon }).concepts.find((c) => c.label === "МИД")?.known).toBe(true);
  });

  it("should make an acronym a known concept whose alternative is the spelt-out name", () => {
    const q = analyzeQuestion(EN, "How much did the ADB lend?", "en", { lexicon: loadCrossLexicon() });
    const adb = q.concepts.find((c) => c.label === "ADB");
    expect(adb?.known).toBe(true);
    expect(adb?.alternatives.some((a) => a.stems.join(" ") === "asian develop bank")).toBe(true);
  });
});
