import { describe, expect, it } from "vitest";
import { ARTICLE_LIKE, NUMBER_STEM, NUMERALS } from "../../../src/engine/language/numerals.js";

describe("numerals", () => {
  it("should give the value of number words in all three languages and Russian case forms", () => {
    expect(NUMERALS.two).toBe(2);
    expect(NUMERALS.двух).toBe(2);
    expect(NUMERALS.beş).toBe(5);
    // The teens and tens, so "одиннадцати" is glossed 11, not the ordinal "eleventh".
    expect(NUMERALS.одиннадцати).toBe(11);
    expect(NUMERALS.девятнадцать).toBe(19);
    expect(NUMERALS.девяноста).toBe(90);
  });

  it("should mark the numerals that double as articles or prepositions", () => {
    for (const w of ARTICLE_LIKE) expect(NUMERALS[w]).toBeDefined();
    expect(ARTICLE_LIKE.has("on")).toBe(true);
  });

  it("should tell a numeral token in any case form, not words that merely start like one", () => {
    expect(NUMBER_STEM.test("восьми")).toBe(true);
    expect(NUMBER_STEM.test("двадцати")).toBe(true);
    expect(NUMBER_STEM.test("транспорт")).toBe(false);
    expect(NUMBER_STEM.test("on")).toBe(false);
  });
});
