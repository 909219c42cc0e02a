import snowball from "snowball-stemmers";
import { describe, expect, it } from "vitest";
import { enStem, normalizeText, prefixKey, ruStem, skeleton, stemWord, tokenize, toLatin } from "../../src/engine/text.js";

describe("normalizeText", () => {
  it("should fold case, ё, quotes, dashes and spaces", () => {
    expect(normalizeText("  «Ёлка»  — „Tree“\t’s\n`x`  ")).toBe('"елка" - "tree" \'s \'x\'');
  });

  it("should compose decomposed letters (NFC)", () => {
    expect(normalizeText("e\u0301")).toBe("\u00e9");
    expect(normalizeText("Ə")).toBe("ə");
  });
});

describe("tokenize", () => {
  it("should give words with offsets into the text", () => {
    const text = "В Баку — 31 компания, Mr. Smith!";
    const toks = tokenize(text);
    expect(toks.map((t) => t.text)).toEqual(["В", "Баку", "31", "компания", "Mr", "Smith"]);
    for (const t of toks) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it("should tag script, case and lower-case form", () => {
    const [a, b, c, d] = tokenize("Ёжик smith 2025 Bakı");
    expect(a).toMatchObject({ lower: "ежик", script: "cyrillic", capitalized: true });
    expect(b).toMatchObject({ lower: "smith", script: "latin", capitalized: false });
    expect(c).toMatchObject({ lower: "2025", script: "digit", capitalized: false });
    expect(d).toMatchObject({ lower: "bakı", script: "latin", capitalized: true });
  });

  it("should give a word seen before the same facts in a token of its own, at its own offsets", () => {
    const [a] = tokenize("İlham Ёжик");
    const again = tokenize("… Ёжик и İlham");
    expect(again.map((t) => [t.text, t.lower, t.start, t.script, t.capitalized])).toEqual([
      ["Ёжик", "ежик", 2, "cyrillic", true],
      ["и", "и", 7, "cyrillic", false],
      ["İlham", "ilham", 9, "latin", true],
    ]);
    expect(again[2]).not.toBe(a);
    expect(tokenize("12 x")[0]).toMatchObject({ script: "digit", start: 0, end: 2 });
  });

  it("should split on hyphens and apostrophes", () => {
    expect(tokenize("вице-президент Smith's").map((t) => t.text)).toEqual(["вице", "президент", "Smith", "s"]);
  });
});

describe("stemWord", () => {
  it("should give Russian inflections one stem", () => {
    const s = stemWord("компании", "cyrillic");
    expect(s).toBe(stemWord("компаний", "cyrillic"));
    expect(s).toBe(stemWord("компания", "cyrillic"));
    expect(stemWord("делегацией", "cyrillic")).toBe(stemWord("делегации", "cyrillic"));
    expect(s).not.toBe(stemWord("делегации", "cyrillic"));
  });

  it("should give English inflections one stem", () => {
    expect(stemWord("companies", "latin")).toBe(stemWord("company", "latin"));
    expect(stemWord("meetings", "latin")).toBe(stemWord("meeting", "latin"));
    expect(stemWord("smith's", "latin")).toBe(stemWord("smith", "latin"));
  });

  it("should truncate Azerbaijani words to five letters", () => {
    expect(stemWord("şirkətlər", "latin")).toBe("şirkə");
    expect(stemWord("şirkətin", "latin")).toBe("şirkə");
    expect(stemWord("bakıda", "latin")).toBe("bakıd");
    // Without an Azerbaijani letter the language decides.
    expect(stemWord("sirketler", "latin", "az")).toBe("sirke");
    expect(stemWord("ev", "latin", "az")).toBe("ev");
  });

  it("should strip leading zeros from digits only", () => {
    expect(stemWord("007", "digit")).toBe("7");
    expect(stemWord("0", "digit")).toBe("0");
    expect(stemWord("2025", "digit")).toBe("2025");
  });

  it("should leave other scripts as they are", () => {
    expect(stemWord("東京", "other")).toBe("東京");
  });
});

describe("ruStem / enStem", () => {
  it("should give Snowball's stems, the same on a second call", () => {
    const ru = snowball.newStemmer("russian");
    const en = snowball.newStemmer("english");
    for (const w of ["делегации", "компаний", "встречи", "обсуждались"]) {
      expect(ruStem(w)).toBe(ru.stem(w));
      expect(ruStem(w)).toBe(ru.stem(w));
      expect(ruStem(w)).toBe(stemWord(w, "cyrillic"));
    }
    for (const w of ["companies", "meetings", "discussed"]) expect(enStem(w)).toBe(en.stem(w));
  });
});

describe("prefixKey / toLatin", () => {
  it("should cut to five code points", () => {
    expect(prefixKey("şirkətlər")).toBe("şirkə");
    expect(prefixKey("baku")).toBe("baku");
  });

  it("should transliterate Cyrillic and pass Latin through", () => {
    expect(toLatin("байрамов")).toBe("bayramov");
    expect(toLatin("чокси")).toBe("choksi");
    expect(toLatin("abc 12")).toBe("abc 12");
  });
});

describe("skeleton", () => {
  it.each([
    ["bayramov", "байрамов"],
    ["choksi", "choksy"],
    ["choksi", "чокси"],
    ["nakhchivan", "нахчыван"],
    ["jeyhun", "ceyhun"],
  ])("should give %s and %s the same key", (a, b) => {
    expect(skeleton(a)).toBe(skeleton(b));
    expect(skeleton(a).length).toBeGreaterThanOrEqual(3);
  });

  it("should give the documented keys", () => {
    expect(skeleton("bayramov")).toBe("brmv");
    expect(skeleton("choksi")).toBe("chks");
    expect(skeleton("nakhchivan")).toBe("nhchvn");
    expect(skeleton("jeyhun")).toBe("jhn");
  });

  it.each([
    ["naxçıvan", "нахчыван"],
    ["джейхун", "jeyhun"],
    ["şuşa", "шуша"],
  ])("should fold Azerbaijani letters and Cyrillic х like their Latin spellings (%s ~ %s)", (a, b) => {
    expect(skeleton(a)).toBe(skeleton(b));
  });

  it("should tell different names apart", () => {
    expect(skeleton("smith")).not.toBe(skeleton("байрамов"));
    expect(skeleton("baku")).not.toBe(skeleton("bayramov"));
  });
});
