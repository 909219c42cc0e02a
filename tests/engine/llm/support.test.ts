import { describe, expect, it } from "vitest";
import { checkSupport, passageSupport, prepareGlossary, stripAzSuffixes } from "../../../src/engine/llm/support.js";

const PASSAGE = "В состав делегации вошли руководители и представители 31 компании.";
const pool = [passageSupport(PASSAGE, "2026-02-10", prepareGlossary(undefined))];
const check = (body: string, lang = "ru") => checkSupport(body, pool, prepareGlossary(undefined), { lang });

describe("checkSupport", () => {
  it("should accept a sentence whose words the passage supports", () => {
    expect(check("В делегацию вошли представители 31 компании")).toEqual([]);
  });

  it("should reject a content word the passage does not have", () => {
    expect(check("Представители 31 компании отменили встречу").length).toBeGreaterThan(0);
  });

  it("should reject a number the passage does not give for that thing", () => {
    expect(check("В делегацию вошли представители 45 компаний").length).toBeGreaterThan(0);
  });

  it("should reject links and @mentions the passage does not contain", () => {
    expect(check("Подробнее: https://evil.example/login").some((p) => /link/.test(p))).toBe(true);
    expect(check("Пишите @evil_channel").some((p) => /mention/.test(p))).toBe(true);
  });

  it("should accept English through the translate hook", () => {
    const translate = (w: string) => ({ companies: ["компании"], delegation: ["делегации"], representatives: ["представители"] })[w] ?? [];
    expect(
      checkSupport("Representatives of 31 companies were in the delegation", pool, prepareGlossary(undefined), { lang: "en", translate }),
    ).toEqual([]);
  });
});

describe("stripAzSuffixes", () => {
  it("should strip Azerbaijani case endings", () => {
    expect(stripAzSuffixes("şirkətlərin").length).toBeLessThan("şirkətlərin".length);
  });
});
