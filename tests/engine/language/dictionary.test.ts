import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Dictionary,
  defaultLexiconPath,
  englishLemmas,
  loadDictionary,
  parseDictionary,
  sharedDictionary,
  spellingVariants,
} from "../../../src/engine/language/dictionary.js";

const texts = (d: Dictionary, w: string) => d.toRussian(w).map((t) => t.text);

describe("dictionary loader (fixture)", () => {
  // deliberately unsorted, with a CRLF line, upper case and ё, and a line without a TAB
  const FIXTURE = [
    "meeting\tсобрание|встреча|митинг",
    "company\tобщество|Компания|гости",
    "encounter\tвстреча|столкновение",
    "lead\tсвинец|руководство|вести",
    "meet\tвстречать|встречаться|место сбора",
    "say\tговорить|сказать",
    "said\tвышеупомянутый\r",
    "study\tизучать|учеба",
    "stop\tостанавливать|остановка",
    "make\tделать|производить",
    "big\tбольшой",
    "large\tбольшой|крупный",
    "get-together\tвстреча|вечеринка",
    "spruce\tЁлка|ель",
    "a line without a tab",
    "",
  ].join("\n");
  let dir = "";
  let dict: Dictionary;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "lexicon-"));
    const file = path.join(dir, "en-ru.tsv");
    fs.writeFileSync(file, FIXTURE);
    dict = loadDictionary(file);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("should count the lines that have a headword and a TAB", () => {
    expect(dict.size).toBe(14);
    expect(dict.has("Meeting")).toBe(true);
    expect(dict.has("a line without a tab")).toBe(false);
  });

  it("should give translations in file order with 1-based ranks", () => {
    expect(dict.toRussian("meeting")).toEqual([
      { text: "собрание", rank: 1 },
      { text: "встреча", rank: 2 },
      { text: "митинг", rank: 3 },
    ]);
  });

  it("should fold case and ё on the Russian side and strip a CR", () => {
    expect(texts(dict, "company")).toEqual(["общество", "компания", "гости"]);
    expect(texts(dict, "spruce")).toEqual(["елка", "ель"]);
    expect(texts(dict, "said")).toEqual(["вышеупомянутый", "говорить", "сказать"]);
  });

  it("should find lemmas of regular inflections", () => {
    expect(texts(dict, "companies")[1]).toBe("компания");
    expect(texts(dict, "meetings")[0]).toBe("собрание");
    expect(texts(dict, "studied")[0]).toBe("изучать");
    expect(texts(dict, "stopped")[0]).toBe("останавливать");
    expect(texts(dict, "making")[0]).toBe("делать");
    expect(texts(dict, "bigger")).toEqual(["большой"]);
    expect(texts(dict, "largest")[1]).toBe("крупный");
    expect(texts(dict, "Company's")[0]).toBe("общество");
  });

  it("should find lemmas of irregular forms", () => {
    expect(texts(dict, "met")[0]).toBe("встречать");
    expect(texts(dict, "led")).toContain("вести");
    expect(texts(dict, "made")[0]).toBe("делать");
  });

  it("should try British/American spelling variants when nothing else is found", () => {
    const d = parseDictionary("colour\tцвет\ncentre\tцентр\norganize\tорганизовывать\ndefence\tоборона\n");
    expect(d.toRussian("colors")[0]?.text).toBe("цвет");
    expect(d.toRussian("centers")[0]?.text).toBe("центр");
    expect(d.toRussian("organised")[0]?.text).toBe("организовывать");
    expect(d.toRussian("defense")[0]?.text).toBe("оборона");
    expect(spellingVariants("analyze")).toContain("analyse");
  });

  it("should prefer a headword in the other spelling to a lemma guessed from the word", () => {
    const d = parseDictionary("cent\tцент\ncentre\tцентр\n");
    expect(d.toRussian("center")[0]?.text).toBe("центр");
    expect(d.toRussian("cent")[0]?.text).toBe("цент");
  });

  it("should fold upper-case English headwords on load", () => {
    const d = parseDictionary("Zebra\tЗебра\nApple\tЯблоко|Яблоня\n");
    expect(d.has("apple")).toBe(true);
    expect(d.toRussian("APPLES")).toEqual([
      { text: "яблоко", rank: 1 },
      { text: "яблоня", rank: 2 },
    ]);
    expect(d.toEnglish("яблоки")).toEqual(["apple"]);
  });

  it("should return an empty list for an unknown word", () => {
    expect(dict.toRussian("qwertyuiop")).toEqual([]);
    expect(dict.toRussian("")).toEqual([]);
    expect(dict.toEnglish("абракадабра")).toEqual([]);
  });

  it("should find English headwords for an inflected Russian word, primary senses first", () => {
    // встреча is the 1st translation of encounter and get-together, the 2nd of meeting
    expect(dict.toEnglish("встречи")).toEqual(["encounter", "get-together", "meeting"]);
    expect(dict.toEnglish("Встречу", 1)).toEqual(["encounter"]);
    expect(dict.toEnglish("компанией")).toEqual(["company"]);
    expect(dict.toEnglish("елки")).toEqual(["spruce"]);
    expect(dict.toEnglish("ёлки")).toEqual(["spruce"]);
  });

  it("should prefer an exact form over another word with the same stem at the same rank", () => {
    const d = parseDictionary("gather\tвстречаться\nmeet\tвстречать\n");
    expect(d.toEnglish("встречать")[0]).toBe("meet");
  });

  it("should prefer the exact form at a later rank over a stem collision at the first ('кредит' is not 'кредо')", () => {
    const d = parseDictionary("creed\tкредо\nloan\tзаём|ссуда|кредит\n");
    expect(d.toEnglish("кредит")[0]).toBe("loan");
  });

  it("should look up multi-word translations from the English side only", () => {
    expect(texts(dict, "meet")).toContain("место сбора");
    expect(dict.toEnglish("сбора")).toEqual([]);
  });
});

describe("englishLemmas", () => {
  it("should propose singulars, stems and irregular lemmas", () => {
    expect(englishLemmas("companies")).toContain("company");
    expect(englishLemmas("discussed")).toContain("discuss");
    expect(englishLemmas("based")[0]).toBe("base");
    expect(englishLemmas("womens")).toContain("woman");
    expect(englishLemmas("childrens")).toContain("child");
    expect(englishLemmas("planned")).toContain("plan");
    expect(englishLemmas("hoping")[0]).toBe("hope");
    expect(englishLemmas("talking")[0]).toBe("talk");
    expect(englishLemmas("went")).toEqual(["go"]);
    expect(englishLemmas("were")).toContain("be");
    expect(englishLemmas("took")).toContain("take");
    expect(englishLemmas("led")).toContain("lead");
  });
});

describe("dictionary (data/lexicon/en-ru.tsv)", () => {
  let dict: Dictionary;
  beforeAll(() => {
    dict = loadDictionary(defaultLexiconPath());
  });

  it("should hold tens of thousands of headwords", () => {
    expect(dict.size).toBeGreaterThan(30_000);
  });

  it("should load the shared instance once", () => {
    expect(sharedDictionary()).toBe(sharedDictionary());
    expect(sharedDictionary().size).toBe(dict.size);
  });

  it("should translate meeting with встреча among the top 3", () => {
    expect(texts(dict, "meeting").slice(0, 3)).toContain("встреча");
  });

  it("should translate companies via company", () => {
    expect(texts(dict, "companies")).toContain("компания");
  });

  it("should translate led via lead", () => {
    const t = texts(dict, "led");
    expect(t.includes("возглавлять") || t.includes("вести")).toBe(true);
  });

  it("should translate delegation as делегация first", () => {
    expect(texts(dict, "delegation")[0]).toBe("делегация");
  });

  it("should find meeting for встречи and company for компании", () => {
    expect(dict.toEnglish("встречи")).toContain("meeting");
    expect(dict.toEnglish("компании")).toContain("company");
  });
});
