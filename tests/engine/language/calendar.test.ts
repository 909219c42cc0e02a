import { describe, expect, it } from "vitest";
import {
  durationInWord,
  MONTH_IN_TEXT,
  MONTH_NAMES,
  monthOf,
  relativeYearAt,
  resolveRelativeYear,
  russianMonth,
} from "../../../src/engine/language/calendar.js";

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

describe("relative years", () => {
  it.each([
    ["8 августа прошлого года", "8 августа 2025 года"],
    ["в прошлом году", "в 2025 году"],
    ["в марте этого года", "в марте 2026 года"],
    ["in March last year", "in March 2025"],
    ["keçən il avqustda", "2025 avqustda"],
    ["10 февраля 2026 года", "10 февраля 2026 года"],
  ])("should write '%s' of an article of 2026 as '%s'", (span, want) => {
    expect(resolveRelativeYear(span, "2026-02-10")).toBe(want);
  });

  it("should leave the span as it is without the article's date", () => {
    expect(resolveRelativeYear("8 августа прошлого года", undefined)).toBe("8 августа прошлого года");
  });

  it("should find the relative year only as two words", () => {
    expect(relativeYearAt(["прошлого", "года"], 0)).toBe(-1);
    expect(relativeYearAt(["next", "year"], 0)).toBe(1);
    expect(relativeYearAt(["прошлого", "месяца"], 0)).toBeUndefined();
  });
});

describe("MONTH_IN_TEXT", () => {
  it("should find May in every case («в мае», «к маю»)", () => {
    expect(MONTH_IN_TEXT.test("группы планируется принять в мае.")).toBe(true);
    expect(MONTH_IN_TEXT.test("к маю всё будет готово")).toBe(true);
    expect(MONTH_IN_TEXT.test("мама")).toBe(false);
  });
});
