import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { azStem, azTokens, buildAzLexicon, foldAz, loadAzLexicon } from "../../../src/engine/language/az.js";

const FILE = path.resolve("data/lexicon/az-ru.tsv");
const lex = loadAzLexicon();
const ru = (w: string) => lex.toRussian(w).map((t) => t.text);

describe("foldAz", () => {
  it("should lower-case the Azerbaijani way and fold the diacritics", () => {
    expect(foldAz("Şirkət")).toBe("sirket");
    expect(foldAz("GÖRÜŞ")).toBe("gorus");
    expect(foldAz("İlham Əliyev")).toBe("ilham eliyev");
    expect(foldAz("BAKI")).toBe("baki");
    expect(foldAz("Çağırış")).toBe("cagiris");
    expect(foldAz("Ümumdünya")).toBe("umumdunya");
  });

  it("should fold a dotted İ that a generic lower-casing left with a combining dot", () => {
    expect(foldAz("i\u0307ran")).toBe("iran");
  });

  it("should leave text without diacritics as it is", () => {
    expect(foldAz("gorusub")).toBe("gorusub");
  });
});

describe("azStem", () => {
  it("should reduce verb forms of görüşmək to the stem of görüş, with or without diacritics", () => {
    const stem = azStem("görüş");
    expect(stem).toBe("gorus");
    for (const w of ["görüşüb", "gorusub", "görüşdü", "gorusdu", "görüşmək", "görüşəcək", "görüşür", "görüşmüş", "görüşüblər"]) {
      expect(azStem(w), w).toBe(stem);
    }
  });

  it("should strip case, plural and possessive endings", () => {
    expect(azStem("şirkətlər")).toBe("sirket");
    expect(azStem("sirketler")).toBe("sirket");
    expect(azStem("şirkətin")).toBe("sirket");
    expect(azStem("şirkətlərdə")).toBe("sirket");
    expect(azStem("şirkətlərin")).toBe("sirket");
    expect(azStem("dəhlizdən")).toBe("dehliz");
    expect(azStem("dəhlizlə")).toBe("dehliz");
    expect(azStem("Dehlizler")).toBe("dehliz");
    expect(azStem("ticarətdə")).toBe("ticaret");
    expect(azStem("investisiyalar")).toBe(azStem("investisiya"));
    expect(azStem("nümayəndələri")).toBe(azStem("nümayəndə"));
  });

  it("should undo the softening of a final k/q before a vowel in longer words", () => {
    expect(azStem("təhlükəsizliyi")).toBe(azStem("təhlükəsizlik"));
    expect(azStem("ürəyi")).toBe("urek");
    expect(azStem("bayrağı")).toBe("bayraq");
    expect(azStem("əməkdaşlığa")).toBe(azStem("əməkdaşlıq"));
    expect(azStem("dağı")).toBe("dag");
    expect(azStem("Dubayda")).toBe("dubay");
  });

  it("should treat buffer consonants as buffers only after a vowel", () => {
    expect(azStem("Vaşinqtonda")).toBe("vasinqton");
    expect(azStem("Bakının")).toBe(azStem("Bakı"));
    expect(azStem("ölkəyə")).toBe(azStem("ölkə"));
  });

  it("should strip the copula and the question particle", () => {
    expect(azStem("kimdir")).toBe("kim");
    expect(azStem("gorusdumu")).toBe("gorus");
  });

  it("should never leave fewer than three letters", () => {
    expect(azStem("ildə")).toBe("ild");
    expect(azStem("evdə")).toBe("evd");
    expect(azStem("kimin")).toBe("kim");
    expect(azStem("on")).toBe("on");
    for (const w of ["edib", "oldu", "ada", "ona"]) expect(azStem(w).length).toBeGreaterThanOrEqual(3);
  });
});

describe("azTokens", () => {
  it("should keep an ending after a hyphen or apostrophe with its word", () => {
    expect(azTokens("ABŞ-ın nümayəndəsi Bakı'da")).toEqual(["absin", "numayendesi", "bakida"]);
    expect(azTokens("Bakı-Tbilisi-Ceyhan")).toEqual(["baki", "tbilisi", "ceyhan"]);
    expect(azTokens("2025-ci ildə")).toEqual(["2025ci", "ilde"]);
  });
});

describe("the az-ru file", () => {
  const lines = readFileSync(FILE, "utf8")
    .split("\n")
    .filter((l) => l !== "");

  it("should hold at least 2,500 entries", () => {
    expect(lines.length).toBeGreaterThanOrEqual(2500);
    expect(lex.size).toBe(lines.length);
  });

  it("should have every line well-formed", () => {
    const lemma = /^[a-zəşçğıöü0-9]+(?:[ -][a-zəşçğıöü0-9]+)*$/;
    for (const line of lines) {
      const cols = line.split("\t");
      expect(cols.length === 2 || cols.length === 3, line).toBe(true);
      expect(cols[0], line).toMatch(lemma);
      const rus = cols[1]!.split("|");
      expect(rus.length, line).toBeLessThanOrEqual(5);
      for (const r of rus) {
        expect(r, line).toBe(r.trim());
        expect(r, line).toMatch(/[А-Яа-яЁё]|^[A-Z0-9][A-Za-z0-9 +-]*$/);
      }
      if (cols.length === 3) {
        const ens = cols[2]!.split("|");
        expect(ens.length, line).toBeGreaterThanOrEqual(1);
        expect(ens.length, line).toBeLessThanOrEqual(3);
        for (const e of ens) expect(e, line).toMatch(/^\S(.*\S)?$/);
      }
    }
  });

  it("should have no duplicate lemmas", () => {
    const lemmas = lines.map((l) => l.split("\t")[0]);
    expect(new Set(lemmas).size).toBe(lemmas.length);
  });

  it("should cover the question words, months, numbers and the main countries", () => {
    for (const w of ["kim", "nə", "harada", "nə vaxt", "niyə", "necə", "neçə", "hansı", "nə qədər", "kimlə"])
      expect(ru(w), w).not.toEqual([]);
    for (const w of ["yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr", "noyabr", "dekabr"])
      expect(ru(w), w).not.toEqual([]);
    for (const w of ["bir", "iki", "üç", "on", "yüz", "min", "milyon", "milyard"]) expect(ru(w), w).not.toEqual([]);
    for (const w of [
      "ABŞ",
      "Türkiyə",
      "Rusiya",
      "Ermənistan",
      "Gürcüstan",
      "İran",
      "Çin",
      "Avropa İttifaqı",
      "Bakı",
      "Vaşinqton",
      "Naxçıvan",
    ])
      expect(ru(w), w).not.toEqual([]);
  });
});

describe("lookups", () => {
  it("should find inflected forms and forms typed without diacritics", () => {
    expect(ru("görüşüb")).toContain("встречаться");
    expect(ru("gorusub")).toContain("встречаться");
    expect(ru("görüşdü")[0]).toBe("встречаться");
    expect(ru("görüşdə")[0]).toBe("встреча");
    expect(ru("şirkətlər")[0]).toBe("компании");
    expect(ru("sirketler")[0]).toBe("компании");
    expect(ru("şirkətinin")[0]).toBe("компания");
    expect(ru("neçə")[0]).toBe("сколько");
    expect(ru("nece")).toContain("сколько");
    expect(ru("necə")[0]).toBe("как");
    expect(ru("kiminlə")[0]).toBe("с кем");
    expect(ru("harada")[0]).toBe("где");
    expect(ru("Dəhlizlə")[0]).toBe("коридор");
    expect(ru("dehlizden")[0]).toBe("коридор");
    expect(ru("ABŞ-ın")[0]).toBe("США");
    expect(ru("Bakıda")[0]).toBe("Баку");
    expect(ru("Türkiyənin")[0]).toBe("Турция");
    expect(ru("imzalanıb")).toContain("подписываться");
    expect(ru("imzaladı")[0]).toBe("подписать");
    expect(ru("investisiyaların")[0]).toBe("инвестиция");
    expect(ru("nazirinin")[0]).toBe("министр");
  });

  it("should resolve inflected forms to their lemma, with and without diacritics", () => {
    const pairs: [string, string][] = [
      ["imzaladılar", "imzalamaq"],
      ["imzalanacaq", "imzalanmaq"],
      ["keçiriləcək", "keçirilmək"],
      ["keçirdi", "keçirmək"],
      ["bildirdi", "bildirmək"],
      ["bildirib", "bildirmək"],
      ["vurğuladı", "vurğulamaq"],
      ["danışıqlarda", "danışıqlar"],
      ["sazişin", "saziş"],
      ["sazişə", "saziş"],
      ["müqaviləni", "müqavilə"],
      ["nazirlə", "nazir"],
      ["səfirliyində", "səfirlik"],
      ["ölkələrin", "ölkələr"],
      ["şəhərində", "şəhər"],
      ["investisiyalara", "investisiya"],
      ["layihəsi", "layihə"],
      ["dəhlizinə", "dəhliz"],
      ["marşrutu", "marşrut"],
      ["limanına", "liman"],
      ["Bakıdan", "bakı"],
      ["Türkiyəyə", "türkiyə"],
      ["Rusiyanın", "rusiya"],
      ["Ermənistanın", "ermənistan"],
      ["Gürcüstana", "gürcüstan"],
      ["İrandan", "iran"],
      ["Çinin", "çin"],
      ["Naxçıvanda", "naxçıvan"],
      ["Vaşinqtona", "vaşinqton"],
      ["yanvarın", "yanvar"],
      ["sentyabrda", "sentyabr"],
      ["həftəsində", "həftə"],
      ["milyonluq", "milyon"],
      ["prezidentinin", "prezident"],
      ["parlamentdə", "parlament"],
      ["palataya", "palata"],
      ["əməkdaşlığa", "əməkdaşlıq"],
      ["tərəfdaşlığı", "tərəfdaşlıq"],
      ["görüşlərində", "görüş"],
      ["görüşəcəklər", "görüşmək"],
      ["görüşmüşdü", "görüşmək"],
      ["görüşərkən", "görüşmək"],
      ["gedəcək", "getmək"],
      ["etdi", "etmək"],
      ["edəcəklər", "etmək"],
      ["oldu", "olmaq"],
      ["olacaq", "olmaq"],
    ];
    for (const [word, lemma] of pairs) {
      expect(lex.lookup(word)[0]?.lemma, word).toBe(lemma);
      // Without diacritics some words fall together (şəhər "city" / səhər "morning"): the lemma's fold must match.
      const bare = lex.lookup(foldAz(word)).map((e) => e.lemma);
      expect(bare.map(foldAz), foldAz(word)).toContain(foldAz(lemma));
      expect(foldAz(bare[0]!), foldAz(word)).toBe(foldAz(lemma));
    }
  });

  it("should find two-letter lemmas under their endings", () => {
    expect(ru("ildə")[0]).toBe("год");
    expect(ru("ayda")[0]).toBe("месяц");
    expect(ru("işdə")[0]).toBe("работа");
    expect(ru("ona")[0]).toBe("ему");
  });

  it("should rank the primary translation first", () => {
    const r = lex.toRussian("enerji");
    expect(r[0]).toEqual({ text: "энергия", rank: 1 });
    expect(r.map((t) => t.rank)).toEqual([...r.map((t) => t.rank)].sort((a, b) => a - b));
  });

  it("should give English translations", () => {
    expect(lex.toEnglish("şirkətlər")).toContain("companies");
    expect(lex.toEnglish("səfirə")).toContain("ambassador");
  });

  it("should look up multiword terms in inflected forms", () => {
    expect(ru("nümayəndə heyətində")[0]).toBe("делегация");
    expect(ru("numayende heyetinin")[0]).toBe("делегация");
    expect(ru("müzakirə olundu")[0]).toBe("обсуждаться");
    expect(ru("müzakirə edilib")[0]).toBe("обсуждаться");
    expect(ru("xarici işlər nazirinin")[0]).toBe("министр иностранных дел");
    expect(ru("Orta Dəhlizin")[0]).toBe("Средний коридор");
    expect(ru("bərpa olunan enerji mənbələrinin")[0]).toBe("возобновляемые источники энергии");
  });

  it("should accept sh, ch and gh typed for ş, ç and ğ", () => {
    expect(ru("shirketler")[0]).toBe("компании");
    expect(ru("gorushub")[0]).toBe("встречаться");
    expect(ru("chempionat")[0]).toBe("чемпионат");
  });

  it("should look past postpositions after the word asked about", () => {
    expect(ru("Türkiyə ilə")[0]).toBe("Турция");
    expect(ru("görüş haqqında")[0]).toBe("встреча");
    expect(ru("nümayəndə heyəti ilə")[0]).toBe("делегация");
    expect(ru("qwxyzz ilə")).toEqual([]);
  });

  it("should return nothing for unknown words and empty input", () => {
    expect(lex.toRussian("qwxyzz")).toEqual([]);
    expect(lex.toRussian("")).toEqual([]);
    expect(lex.toEnglish("   ")).toEqual([]);
  });
});

describe("phrases", () => {
  it("should find the multiword entries of a text, longest match, in order", () => {
    const text =
      "Azərbaycanın xarici işlər naziri ABŞ nümayəndə heyəti ilə görüşüb, Orta Dəhliz və bərpa olunan enerji məsələləri müzakirə olunub.";
    const found = lex.phrases(text).map((p) => p.lemma);
    expect(found).toEqual(["xarici işlər naziri", "nümayəndə heyəti", "orta dəhliz", "bərpa olunan enerji", "müzakirə olunmaq"]);
  });

  it("should match without diacritics and with the light verb etmək in any form", () => {
    const found = lex.phrases("terefler emekdasligi muzakire edibler, enerji tehlukesizliyi meselesine toxunublar").map((p) => p.lemma);
    expect(found).toContain("müzakirə etmək");
    expect(found).toContain("enerji təhlükəsizliyi");
  });

  it("should report token positions", () => {
    const [m] = lex.phrases("Dünən nümayəndə heyətləri gəldi");
    expect(m).toMatchObject({ lemma: "nümayəndə heyəti", start: 1, end: 3 });
    expect(m!.russian[0]).toBe("делегация");
  });
});

describe("toAzerbaijani", () => {
  it("should find lemmas for inflected Russian words by stem, ё folded", () => {
    expect(lex.toAzerbaijani("делегации")).toContain("nümayəndə heyəti");
    expect(lex.toAzerbaijani("коридоре")).toContain("dəhliz");
    expect(lex.toAzerbaijani("Азербайджана")).toContain("azərbaycan");
    expect(lex.toAzerbaijani("министра иностранных дел")).toContain("xarici işlər naziri");
    expect(lex.toAzerbaijani("встретились")).toContain("görüşmək");
    expect(lex.toAzerbaijani("четвёртый")).toContain("dördüncü");
  });

  it("should list lemmas whose primary translation it is first", () => {
    expect(lex.toAzerbaijani("компания")[0]).toBe("şirkət");
  });

  it("should give one word of a term its word in the term, not the whole term", () => {
    expect(lex.toAzerbaijani("квадратных")).toEqual(["kvadrat"]);
    expect(lex.toAzerbaijani("генеральным")).not.toContain("baş assambleya");
    // a term in another word order gives no word («Ассоциация футбольных федераций» is not "futbol")
    expect(lex.toAzerbaijani("Ассоциацией")).not.toContain("futbol");
  });
});

describe("loadAzLexicon", () => {
  it("should accept an explicit path and cache by path", () => {
    expect(loadAzLexicon(FILE)).toBe(lex);
  });

  it("should build from entries too", () => {
    const small = buildAzLexicon([{ lemma: "görüş", russian: ["встреча"], english: ["meeting"] }]);
    expect(small.toRussian("görüşlərdə")).toEqual([{ text: "встреча", rank: 1 }]);
    expect(small.toAzerbaijani("встречи")).toEqual(["görüş"]);
  });
});

describe("englishOfRussian", () => {
  const small = buildAzLexicon([
    { lemma: "çin", russian: ["Китай"], english: ["China"] },
    { lemma: "qızılca", russian: ["корь"], english: ["measles"] },
    { lemma: "açılmaq", russian: ["открыться"], english: ["be opened", "open"] },
  ]);

  it("should give the vocabulary's English for a Russian word in any form", () => {
    expect(small.englishOfRussian("Китая")).toEqual(["China"]);
    expect(small.englishOfRussian("открылась")).toEqual(["be opened"]);
  });

  it("should give the Azerbaijani spelling of a Russian name, capitalised", () => {
    expect(small.nameOfRussian("Китая")).toEqual(["Çin"]);
    expect(small.nameOfRussian("кори")).toEqual([]);
  });

  it("should answer a capitalised word with names only", () => {
    expect(small.englishOfRussian("Кори")).toEqual([]);
    expect(small.englishOfRussian("кори")).toEqual(["measles"]);
  });
});
