import { describe, expect, it } from "vitest";
import { russianMonth } from "../../../src/engine/language/calendar.js";
import { type CrossLexicon, EMPTY_LEXICON } from "../../../src/engine/language/crosslang.js";
import { glossSpan, nameBaseForm, transliterate } from "../../../src/engine/language/gloss.js";
import { prepareGlossary } from "../../../src/engine/lexical.js";

const lexicon: CrossLexicon = {
  ...EMPTY_LEXICON,
  fromRussian: (w, lang) =>
    (
      ({
        компании: { en: ["company"], az: ["şirkət"] },
        палаты: { en: ["chamber"], az: ["palata"] },
        министерством: { en: ["ministry"], az: ["nazirlik"] },
        сельского: { en: ["rural"], az: ["kənd"] },
        хозяйства: { en: ["farm"], az: ["təsərrüfat"] },
      }) as Record<string, Record<string, string[]>>
    )[w]?.[lang] ?? [],
};
const deps = { lexicon, glossaryTerms: [] };

describe("glossSpan", () => {
  it("should write an initial as its letter, not as the word it spells", () => {
    expect(glossSpan("А. Н. Туполев", "en", deps, "person")).toBe("A. N. Tupolev");
    expect(glossSpan("Николай Э. Головин", "az", deps, "person")).toBe("Nikolay E. Qolovin");
  });

  it("should leave a span for a Russian reader as it is", () => {
    expect(glossSpan("31 компании", "ru", deps)).toBe("31 компании");
  });

  it("should write a range of days as one range in the reader's language", () => {
    expect(glossSpan("с 8 по 17 мая", "en", deps, "date")).toBe("8–17 May");
    expect(glossSpan("8 по 17 мая", "az", deps, "date")).toBe("8–17 may");
  });

  it("should write counts with the noun in the reader's language, plural after a number", () => {
    expect(glossSpan("31 компании", "en", deps)).toBe("31 companies");
    expect(glossSpan("31 компании", "az", deps)).toBe("31 şirkət");
  });

  it("should write lengths of time as digits and the reader's unit, not a dictionary's guess", () => {
    expect(glossSpan("два года", "en", deps)).toBe("2 years");
    expect(glossSpan("три часа", "az", deps)).toBe("3 saat");
    expect(glossSpan("один год", "en", deps)).toBe("1 year");
    expect(glossSpan("шестимесячную", "en", deps, "duration")).toBe("6-month");
    expect(glossSpan("шестимесячную", "az", deps, "duration")).toBe("6 aylıq");
    expect(glossSpan("11-летний Рамин", "en", deps, "duration")).toMatch(/^11-year /);
    expect(glossSpan("6-месячную стажировку", "az", deps, "duration")).toMatch(/^6 aylıq /);
  });

  it("should prefer the news vocabulary's English, and take a name only for a name", () => {
    const news: CrossLexicon = {
      ...lexicon,
      fromRussian: (w) => (w === "китая" ? ["cathay"] : w === "открылась" ? ["unblock"] : []),
      newsEnglish: (w) => (w === "Китая" ? ["China"] : w === "открылась" ? ["open"] : []),
    };
    expect(glossSpan("лаборатория открылась", "en", { lexicon: news, glossaryTerms: [] })).toMatch(/open$/);
    expect(glossSpan("оборудование из Китая", "en", { lexicon: news, glossaryTerms: [] })).toMatch(/China$/);
    const az: CrossLexicon = { ...lexicon, newsAzerbaijaniName: (w) => (w === "Гяндже" ? ["Gəncə"] : []) };
    expect(glossSpan("в Гяндже", "az", { lexicon: az, glossaryTerms: [] }, "place")).toBe("Gəncə");
  });

  it("should write dates with the reader's month names", () => {
    expect(glossSpan("10 февраля", "en", deps)).toBe("10 February");
    expect(glossSpan("8 августа 2025 года", "az", deps)).toBe("8 avqust 2025");
  });

  it("should transliterate names from their base form", () => {
    expect(glossSpan("Хушем Чокси", "en", deps, "person")).toBe("Khush Choksi");
    expect(glossSpan("Хушем Чокси", "az", deps, "person")).toBe("Xuş Çoksi");
  });

  it("should use the glossary's spelling of a term first", () => {
    const glossaryTerms = prepareGlossary([
      {
        type: "place",
        terms: [
          { lang: "ru", text: "Средний коридор" },
          { lang: "en", text: "Middle Corridor" },
          { lang: "az", text: "Orta Dəhliz" },
        ],
      },
    ]);
    expect(glossSpan("в рамках Среднего коридора", "az", { lexicon, glossaryTerms })).toContain("Orta Dəhliz");
  });

  it("should never leave Cyrillic in an English or Azerbaijani answer", () => {
    for (const lang of ["en", "az"] as const)
      expect(glossSpan("неизвестное слово Ёлкино", lang, { lexicon: EMPTY_LEXICON, glossaryTerms: [] })).not.toMatch(
        /\p{Script=Cyrillic}/u,
      );
  });
});

describe("name and date helpers", () => {
  it("should find the base form of inflected names", () => {
    expect(nameBaseForm("Хушем")).toBe("Хуш");
    expect(nameBaseForm("Трампом")).toBe("Трамп");
    expect(nameBaseForm("Чокси")).toBe("Чокси");
  });

  it("should leave surnames that do not decline as they are", () => {
    for (const name of ["Гусейнзаде", "Беридзе", "Гелашвили", "Мамедоглу", "Шевченко"]) expect(nameBaseForm(name)).toBe(name);
  });

  it("should give a feminine name its nominative, and leave an adjective of a place's name as it is", () => {
    expect(nameBaseForm("Анной")).toBe("Анна");
    expect(nameBaseForm("Петровой")).toBe("Петрова");
    for (const word of ["Восточной", "Центральной", "Московской"]) expect(nameBaseForm(word)).toBe(word);
  });

  it("should transliterate for English and Azerbaijani readers", () => {
    expect(transliterate("Ереван", "en")).toBe("Yerevan");
    expect(transliterate("Нахчыван", "az")).toBe("Naxçıvan");
    expect(transliterate("Джалил", "az")).toBe("Calil");
  });

  it("should know Russian months in any case", () => {
    expect(russianMonth("февраля")).toBe(1);
    expect(russianMonth("мая")).toBe(4);
    expect(russianMonth("встреча")).toBe(-1);
  });
});

describe("glossSpan: official names", () => {
  it("should translate a capitalised common noun that opens an official name, and transliterate a name", () => {
    expect(glossSpan("финансируется Министерством сельского хозяйства", "en", deps)).toContain("Ministry rural farm");
    expect(glossSpan("сказал Байрамов журналистам", "en", deps)).toContain("Bayramov");
  });
});

describe("glossSpan: units, seasons, places and quoted names", () => {
  it("should write a unit of size after a number in the reader's words", () => {
    expect(glossSpan("640 квадратных метров", "en", deps)).toBe("640 square metres");
    expect(glossSpan("640 квадратных метров", "az", deps)).toBe("640 kvadrat metr");
  });

  it("should write an English plural that takes no -s", () => {
    const kids = { ...lexicon, fromRussian: (w: string) => (w === "детей" ? ["child"] : []) };
    expect(glossSpan("400 детей", "en", { lexicon: kids, glossaryTerms: [] })).toBe("400 children");
  });

  it("should keep a percent sign with its number", () => {
    expect(glossSpan("около 40% оборудования", "en", deps)).toContain("40%");
  });

  it("should write a season as a time", () => {
    expect(glossSpan("осенью", "en", deps, "date")).toBe("In autumn");
    expect(glossSpan("осенью", "az", deps, "date")).toBe("payızda");
  });

  it("should write a country opening the span by its news name, not the dictionary's sense", () => {
    const news = {
      ...lexicon,
      newsEnglish: (w: string) => (w === "Китае" ? ["China"] : []),
      fromRussian: (w: string) => (w === "китае" ? ["Cathay"] : []),
    };
    expect(glossSpan("Китае", "en", { lexicon: news, glossaryTerms: [] })).toBe("China");
  });

  it("should keep a name in quotation marks as written, not in a guessed nominative", () => {
    expect(glossSpan("Азинтехстрой", "ru", { ...deps, quoted: true }, "person")).toBe("Азинтехстрой");
    expect(glossSpan("Азинтехстрой", "en", { ...deps, quoted: true }, "person")).toBe("Azintekhstroy");
    expect(glossSpan("Хушем Чокси", "ru", deps, "person")).toBe("Хуш Чокси");
  });
});
