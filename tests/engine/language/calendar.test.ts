import { describe, expect, it } from "vitest";
import { durationInWord, MONTH_IN_TEXT, MONTH_NAMES, monthOf, russianMonth } from "../../../src/engine/language/calendar.js";

describe("calendar", () => {
  it("should read a month in any of the three languages and its inflected forms", () => {
    expect(monthOf("февраля")).toBe(2);
    expect(monthOf("february")).toBe(2);
    expect(monthOf("fevralda")).toBe(2);
    expect(monthOf("mayor")).toBeUndefined();
  });

  it("should find a month named in a sentence, and not inside other words", () => {
    expect(MONTH_IN_TEXT.test("обсуждения состоялись 10 февраля")).toBe(true);
    expect(MONTH_IN_TEXT.test("the mayor said")).toBe(false);
  });

  it("should write each month for every reader, and read Russian ones back", () => {
    for (const lang of ["ru", "en", "az"] as const) expect(MONTH_NAMES[lang]).toHaveLength(12);
    expect(russianMonth(MONTH_NAMES.ru[7]!)).toBe(7);
  });
});

describe("durationInWord", () => {
  it("should read a length of time written as one word", () => {
    expect(durationInWord("шестимесячную")).toEqual({ n: 6, unit: "month" });
    expect(durationInWord("трёхдневный")).toEqual({ n: 3, unit: "day" });
    expect(durationInWord("10-летний")).toEqual({ n: 10, unit: "year" });
    expect(durationInWord("six-month")).toEqual({ n: 6, unit: "month" });
  });

  it("should not read a number or a unit alone", () => {
    expect(durationInWord("шести")).toBeUndefined();
    expect(durationInWord("2025")).toBeUndefined();
    expect(durationInWord("месячный")).toBeUndefined();
  });
});
