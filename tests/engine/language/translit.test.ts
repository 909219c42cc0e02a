import { describe, expect, it } from "vitest";
import { isTranslitCandidate, latinReadings, latinToCyrillic, voteTranslit } from "../../../src/engine/language/translit.js";

describe("latinToCyrillic", () => {
  it("should read chat transliteration of Russian as Cyrillic", () => {
    expect(latinToCyrillic("kogda")).toBe("когда");
    expect(latinToCyrillic("vstrecha")).toBe("встреча");
    expect(latinToCyrillic("vstre4a")).toBe("встреча");
    expect(latinToCyrillic("obsuzhdali")).toBe("обсуждали");
    expect(latinToCyrillic("skolko")).toBe("сколко");
  });

  it("should read -iya and -iyu endings as one soft vowel", () => {
    expect(latinToCyrillic("diversifikaciya")).toBe("диверсификация");
  });
});

describe("latinReadings", () => {
  it("should offer the ambiguous readings too", () => {
    expect(latinReadings("delegacii")).toContain("делегации");
    expect(latinReadings("vashingtonskii")).toContain("вашингтонский");
    expect(latinReadings("takoi")).toContain("такой");
  });

  it("should add the soft sign that chat spelling drops", () => {
    expect(latinReadings("obsuzhdalas")).toContain("обсуждалась");
    expect(latinReadings("skolko")).toContain("сколько");
    expect(latinReadings("tolko")).toContain("только");
  });
});

describe("isTranslitCandidate", () => {
  it("should accept Latin words with digits inside and refuse others", () => {
    expect(isTranslitCandidate("4to")).toBe(false);
    expect(isTranslitCandidate("vstre4a")).toBe(true);
    expect(isTranslitCandidate("встреча")).toBe(false);
  });
});

describe("voteTranslit", () => {
  const russian = new Set(["когда", "была", "встреча", "кто"]);
  const english = new Set(["when", "was", "the", "meeting"]);
  it("should count words that read only as Russian against words known only elsewhere", () => {
    expect(
      voteTranslit(
        ["kogda", "byla", "vstrecha"],
        (c) => russian.has(c),
        (l) => english.has(l),
      ),
    ).toEqual({ russian: 3, other: 0, both: 0 });
    expect(
      voteTranslit(
        ["when", "was", "the", "meeting"],
        (c) => russian.has(c),
        (l) => english.has(l),
      ),
    ).toEqual({ russian: 0, other: 4, both: 0 });
  });

  it("should count words that read both ways apart ('rektor' is Russian and Azerbaijani)", () => {
    expect(
      voteTranslit(
        ["kto", "rektor"],
        (c) => c === "кто" || c === "ректор",
        (l) => l === "rektor",
      ),
    ).toEqual({ russian: 1, other: 0, both: 1 });
  });
});
