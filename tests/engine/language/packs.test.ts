import { describe, expect, it } from "vitest";
import {
  aboutArticleSpan,
  askedFor,
  asksSeveral,
  introducesName,
  isMetaWord,
  isPersonCounter,
  isPronoun,
  isQuantifier,
  looksLikeAdjective,
  looksLikeVerb,
  namesPeople,
  opensExample,
  opensFollowUp,
  PACKS,
  questionWordAt,
  writtenForm,
} from "../../../src/engine/language/packs.js";

describe("language packs", () => {
  it("should read 'каков' and the oblique forms of 'чей' as question words", () => {
    expect(askedFor(["какова", "температура"])).toBe("which");
    expect(askedFor(["в", "чьей", "штаб", "квартире"])).toBe("whose");
    expect(questionWordAt(["в", "каком", "году"])).toBe(1);
    expect(questionWordAt(["тесла", "умер"])).toBe(-1);
  });

  it("should read a request to name or list something as asking what", () => {
    expect(askedFor(["назовите", "второй", "по", "загруженности", "аэропорт"])).toBe("what");
    expect(askedFor(["приведите", "пример", "вируса"])).toBe("what");
    expect(askedFor(["перечисли", "компании"])).toBe("what");
  });

  it("should know the words that open examples, introduce a name or only say how many, in all three languages", () => {
    for (const w of ["частности", "например", "such", "including", "kimi"]) expect(opensExample(w), w).toBe(true);
    for (const w of ["названием", "called", "adlı"]) expect(introducesName(w), w).toBe(true);
    for (const w of ["многих", "several", "bəzi"]) expect(isQuantifier(w), w).toBe(true);
    expect(opensExample("город")).toBe(false);
    expect(isQuantifier("автомобилестроении")).toBe(false);
  });

  it("should read 'как' with a verb of naming a few words on as asking what, and 'как' alone as asking how", () => {
    expect(askedFor(["как", "еще", "называется", "йосемитское", "шоссе"])).toBe("what");
    expect(askedFor(["как", "в", "германии", "называются", "частные", "школы"])).toBe("what");
    expect(askedFor(["how", "is", "it", "called"])).toBe("what");
    expect(askedFor(["как", "лютер", "характеризовал", "мессу"])).toBe("how");
  });

  it("should read an indefinite pronoun as no question word and 'при чём' as asking how", () => {
    expect(askedFor(["про", "возобновляемку", "что", "нибудь", "было"])).toBeUndefined();
    expect(askedFor(["кто", "то", "приезжал"])).toBeUndefined();
    expect(askedFor(["при", "чем", "тут", "трамп"])).toBe("how");
    expect(askedFor(["что", "подписали"])).toBe("what");
  });

  it("should tell a plural question word, which asks for several things", () => {
    expect(asksSeveral(["из", "каких", "районов"])).toBe(true);
    expect(asksSeveral(["какие", "сферы"])).toBe(true);
    expect(asksSeveral(["какой", "театр"])).toBe(false);
    expect(asksSeveral(["кто", "приезжал"])).toBe(false);
  });

  it("should have one pack per language the bot speaks", () => {
    expect(PACKS.map((p) => p.lang).sort()).toEqual(["az", "en", "ru"]);
  });

  it("should treat every inflected form of a meta word as meta (matched by stem)", () => {
    for (const w of ["упоминался", "упоминается", "упоминались", "материале", "материалы"]) expect(isMetaWord(w, "cyrillic"), w).toBe(true);
    expect(isMetaWord("mentioned", "latin")).toBe(true);
    expect(isMetaWord("коридор", "cyrillic")).toBe(false);
    expect(isMetaWord("delegation", "latin")).toBe(false);
  });

  it("should apply a pack only to words of its script", () => {
    // "article" is English meta, but a Cyrillic word is judged by the Russian pack only.
    expect(isMetaWord("article", "latin")).toBe(true);
    expect(isMetaWord("article", "cyrillic")).toBe(false);
    expect(isMetaWord("чё", "cyrillic")).toBe(true);
    expect(isMetaWord("чё", "latin")).toBe(false);
  });

  it("should know follow-up openers and pronouns in all three languages", () => {
    expect(opensFollowUp("а сколько их было?")).toBe(true);
    expect(opensFollowUp("and who signed it?")).toBe(true);
    expect(opensFollowUp("bəs naxçıvan?")).toBe(true);
    expect(opensFollowUp("сколько компаний было?")).toBe(false);
    expect(isPronoun("их", "cyrillic")).toBe(true);
    expect(isPronoun("they", "latin")).toBe(true);
  });

  it("should find requests about an article as a whole", () => {
    expect(aboutArticleSpan("what is the article about?")).toBeDefined();
    expect(aboutArticleSpan("summarize the news in one line")).toBeDefined();
    expect(aboutArticleSpan("о чем эта статья?")).toBeDefined();
    expect(aboutArticleSpan("xeber neden behs edir qisaca")).toBeDefined();
    expect(aboutArticleSpan("xəbər nə haqqındadır?")).toBeDefined();
    expect(aboutArticleSpan("who led the delegation?")).toBeUndefined();
  });

  it("should tell verb forms by their endings", () => {
    expect(looksLikeVerb("приезжали", "cyrillic")).toBe(true);
    expect(looksLikeVerb("прошла", "cyrillic")).toBe(true);
    expect(looksLikeVerb("нашли", "cyrillic")).toBe(true);
    // past forms of consonant stems: "привезли", "принесли", "смогли"; not the noun "мысли"
    expect(looksLikeVerb("привезли", "cyrillic")).toBe(true);
    expect(looksLikeVerb("принесли", "cyrillic")).toBe(true);
    expect(looksLikeVerb("смогли", "cyrillic")).toBe(true);
    expect(looksLikeVerb("мысли", "cyrillic")).toBe(false);
    expect(looksLikeVerb("открыли", "cyrillic")).toBe(true);
    // Azerbaijani plural verb forms, with or without diacritics
    expect(looksLikeVerb("gəlmişdilər", "latin")).toBe(true);
    expect(looksLikeVerb("gelmisdiler", "latin")).toBe(true);
    expect(looksLikeVerb("ediblər", "latin")).toBe(true);
    expect(looksLikeVerb("вернулся", "cyrillic")).toBe(true);
    expect(looksLikeVerb("attended", "latin")).toBe(true);
    expect(looksLikeVerb("görüşüb", "latin")).toBe(true);
    expect(looksLikeVerb("меморандум", "cyrillic")).toBe(false);
    // Azerbaijani present tense ("işləyir", "göstərir"), not short nouns in -ir ("nazir", "tədbir")
    expect(looksLikeVerb("işləyir", "latin")).toBe(true);
    expect(looksLikeVerb("göstərir", "latin")).toBe(true);
    expect(looksLikeVerb("nazir", "latin")).toBe(false);
    expect(looksLikeVerb("tədbir", "latin")).toBe(false);
  });
});

describe("question words typed with a typo", () => {
  it("should read a long Cyrillic question word with one letter wrong as written, and nothing shorter", () => {
    expect(writtenForm("сколко")).toBe("сколько");
    expect(writtenForm("почиму")).toBe("почему");
    expect(writtenForm("колда")).toBe("колда");
    expect(writtenForm("сколько")).toBe("сколько");
  });
});

describe("adjectives", () => {
  it("should read a prepositional '-ом' after an adjective's suffix as an adjective, not a noun's instrumental", () => {
    for (const w of ["государственном", "лянкяранском", "аграрном"]) expect(looksLikeAdjective(w, "cyrillic"), w).toBe(true);
    for (const w of ["районом", "городом", "вагоном"]) expect(looksLikeAdjective(w, "cyrillic"), w).toBe(false);
  });
});

describe("people words", () => {
  it.each([
    ["человек", "cyrillic"],
    ["людей", "cyrillic"],
    ["people", "latin"],
    ["nəfər", "latin"],
  ])("should read '%s' as a general word for people", (w, script) => {
    expect(isPersonCounter(w, script)).toBe(true);
  });

  it.each([
    ["компаний", "cyrillic"],
    ["companies", "latin"],
    ["şirkət", "latin"],
  ])("should not read '%s' as one", (w, script) => {
    expect(isPersonCounter(w, script)).toBe(false);
  });

  it.each([
    ["шахматистов", "cyrillic"],
    ["жителей", "cyrillic"],
    ["сотрудников", "cyrillic"],
    ["детей", "cyrillic"],
    ["employees", "latin"],
    ["technicians", "latin"],
    ["drivers", "latin"],
    ["işçilər", "latin"],
    ["iştirakçı", "latin"],
    ["поэт", "cyrillic"],
    ["королю", "cyrillic"],
  ])("should know '%s' names people", (w, script) => {
    expect(namesPeople(w, script)).toBe(true);
  });

  it.each([
    ["досках", "cyrillic"],
    ["деталей", "cyrillic"],
    ["гостиниц", "cyrillic"],
    ["containers", "latin"],
    ["wagons", "latin"],
  ])("should know '%s' does not", (w, script) => {
    expect(namesPeople(w, script)).toBe(false);
  });
});
