import { beforeAll, describe, expect, it } from "vitest";
import { createLanguageDetector, detectByScript, type LanguageDetector } from "../../src/engine/lang.js";

describe("createLanguageDetector", () => {
  let detect: LanguageDetector;
  beforeAll(async () => {
    detect = await createLanguageDetector();
  });

  it.each([
    "Сколько компаний было представлено в делегации?",
    "Кто возглавлял делегацию Торговой палаты США?",
    "Где прошла встреча?",
    "Что такое TRIPP?",
  ])("should detect Russian: %s", (q) => {
    expect(detect(q)).toBe("ru");
    expect(detect(q, "en")).toBe("ru");
  });

  it.each([
    "How many companies were in the delegation?",
    "Who led the US delegation?",
    "Where did the meeting take place?",
    "What is TRIPP?",
  ])("should detect English: %s", (q) => {
    expect(detect(q)).toBe("en");
    expect(detect(q, "ru")).toBe("en");
  });

  it.each([
    "Nümayəndə heyətində neçə şirkət var idi?",
    "Görüş harada keçirilib?",
    "TRIPP nədir?",
    "Kim görüşüb?",
    "Bakıda kim ilə görüşüb?",
  ])("should detect Azerbaijani: %s", (q) => {
    expect(detect(q)).toBe("az");
    expect(detect(q, "ru")).toBe("az");
  });

  it("should use the hint for text without letters, else Russian", () => {
    expect(detect("😀😀")).toBe("ru");
    expect(detect("😀😀", "en")).toBe("en");
    expect(detect("😀😀", "az-AZ")).toBe("az");
    expect(detect("123 !!!", "de")).toBe("ru");
    expect(detect("")).toBe("ru");
  });

  it("should ignore links and mentions when counting letters", () => {
    expect(detect("https://example.com/path @somebody")).toBe("ru");
    expect(detect("https://example.com/path @somebody Где прошла встреча?")).toBe("ru");
  });
});

describe("detectByScript (no model)", () => {
  it("should call mostly-Cyrillic text Russian", () => {
    expect(detectByScript("Где прошла встреча с Choksi?")).toBe("ru");
  });

  it("should call a Russian sentence around long Latin names Russian, and an English one around a Russian name English", () => {
    expect(detectByScript("Кто основал McKinsey & Company?")).toBe("ru");
    expect(detectByScript("Что сказал CEO Goldman Sachs?")).toBe("ru");
    expect(detectByScript("What did Байрамов say?")).toBe("en");
  });

  it("should call Latin text with ə or other Azerbaijani letters Azerbaijani", () => {
    expect(detectByScript("TRIPP nədir?")).toBe("az");
    expect(detectByScript("Görüş harada keçirilib?")).toBe("az");
  });

  it("should call plain Latin text English unless the hint says az", () => {
    expect(detectByScript("Where was the meeting held?")).toBe("en");
    expect(detectByScript("Where was the meeting held?", "ru")).toBe("en");
    expect(detectByScript("Harada kecirilib?", "az")).toBe("az");
  });

  it("should fall back to the hint, then Russian, for text without letters", () => {
    expect(detectByScript("😀😀")).toBe("ru");
    expect(detectByScript("😀😀", "EN")).toBe("en");
    expect(detectByScript("42", "fr")).toBe("ru");
  });

  it("should use a model's scores for Latin text, counting Turkish as Azerbaijani", () => {
    const model = (scores: Record<string, number>) => () => new Map(Object.entries(scores));
    expect(detectByScript("Gorus harada kecirilib", undefined, model({ tr: 0.6, en: 0.1 }))).toBe("az");
    expect(detectByScript("Gorus harada kecirilib", undefined, model({ az: 0.3, en: 0.2 }))).toBe("az");
    expect(detectByScript("Where was it", undefined, model({ en: 0.9, tr: 0.05 }))).toBe("en");
    // The script rule for ə wins over the model.
    expect(detectByScript("nədir", undefined, model({ en: 0.99 }))).toBe("az");
  });
});

describe("language of short Latin messages", () => {
  it("should take the user's language for one or two Latin words, and read longer ones themselves", () => {
    expect(detectByScript("TRIPP?", "ru")).toBe("ru");
    expect(detectByScript("Middle Corridor?", "az")).toBe("az");
    expect(detectByScript("Who is Kush Choksi?", "az", () => new Map([["en", 0.9]]))).toBe("en");
    expect(detectByScript("TRIPP?")).toBe("en");
  });
});

describe("Azerbaijani typed without diacritics", () => {
  it("should be told by its question and function words, and English by its own", () => {
    expect(detectByScript("Bayramov kimle gorusdu")).toBe("az");
    expect(detectByScript("gorus harada olub", "en")).toBe("az");
    expect(detectByScript("Who is Kim?")).toBe("en");
  });
});
