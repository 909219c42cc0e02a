import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EMPTY_LEXICON, loadCrossLexicon } from "../../../src/engine/language/crosslang.js";

describe("loadCrossLexicon", () => {
  it("should give Russian synonyms both ways, for inflected forms too", () => {
    const dir = mkdtempSync(join(tmpdir(), "lexicon-"));
    writeFileSync(join(dir, "ru-syn.tsv"), "руководить\tвозглавлять|управлять\nстроительство\tстройка|постройка\n");
    const lexicon = loadCrossLexicon(dir);
    expect(lexicon.synonyms("руководил")).toEqual(["возглавлять", "управлять"]);
    expect(lexicon.synonyms("стройку")).toContain("строительство");
    expect(lexicon.synonyms("абракадабра")).toEqual([]);
    expect(EMPTY_LEXICON.synonyms("стройка")).toEqual([]);
  });

  it("should give English synonyms (WordNet) for inflected forms too", () => {
    const dir = mkdtempSync(join(tmpdir(), "lexicon-"));
    writeFileSync(join(dir, "en-syn.tsv"), "kid\tchild|youngster\nwin\tacquire|gain\n");
    const lexicon = loadCrossLexicon(dir);
    expect(lexicon.englishSynonyms("kids")).toEqual(["child", "youngster"]);
    expect(lexicon.englishSynonyms("won")).toEqual(["acquire", "gain"]);
    expect(lexicon.englishSynonyms("abracadabra")).toEqual([]);
    expect(EMPTY_LEXICON.englishSynonyms("kid")).toEqual([]);
    expect(loadCrossLexicon().englishSynonyms("champion")).toContain("champ");
  });

  it("should give a Russian word's news-vocabulary English before the dictionary's reverse index", () => {
    const senses = loadCrossLexicon()
      .toEnglish("кредит", "ru")
      .map((t) => t.text);
    expect(senses.slice(0, 2)).toEqual(["credit", "loan"]);
  });

  it("should give an English word the news vocabulary's senses after the dictionary's first, and only the dictionary's when asked", () => {
    const lexicon = loadCrossLexicon();
    const points = lexicon.toRussian("points", "en").map((t) => t.text);
    const dictionary = lexicon.toRussian("points", "en", true).map((t) => t.text);
    expect(points[0]).toBe(dictionary[0]);
    expect(points.slice(0, 3)).toContain("очко");
    expect(dictionary).not.toContain("очко");
    expect(lexicon.toRussian("champions", "en")[1]?.text).toBe("чемпион");
  });

  it("should read a participle the reverse index lacks as its verb («назначена» → appoint)", () => {
    expect(loadCrossLexicon().fromRussian("назначена", "en")).toContain("appoint");
  });

  it("should read an adjective the reverse index lacks through its noun («шахматный» → chess)", () => {
    expect(loadCrossLexicon().fromRussian("шахматный", "en")).toContain("chess");
  });

  it("should read a form Snowball cuts short of the index's key («финансируется» → finance)", () => {
    expect(loadCrossLexicon().fromRussian("финансируется", "en")).toContain("finance");
  });

  it("should not give one word of a Russian term the term's English («сельского» is not 'villager')", () => {
    expect(loadCrossLexicon().newsEnglish("сельского")).not.toContain("villager");
  });

  it("should give English for Russian multiword terms only", () => {
    const lexicon = loadCrossLexicon();
    expect(lexicon.englishOfRussianTerm(["рабоч", "мест"]).map((t) => t.text)).toContain("jobs");
    expect(lexicon.englishOfRussianTerm(["кредит"])).toEqual([]);
    expect(EMPTY_LEXICON.englishOfRussianTerm(["рабоч", "мест"])).toEqual([]);
  });

  it("should know the thesaurus shipped in data/lexicon", () => {
    expect(loadCrossLexicon().synonyms("стройка")).toContain("строительство");
  });

  it("should translate English and Azerbaijani words into Russian, inflected forms too", () => {
    const lexicon = loadCrossLexicon();
    expect(lexicon.toRussian("companies", "en").map((t) => t.text)).toContain("компания");
    expect(lexicon.toRussian("şirkətlər", "az").map((t) => t.text)).toContain("компании");
    expect(lexicon.toRussian("sirketler", "az").length).toBeGreaterThan(0);
  });

  it("should give English and Azerbaijani words for Russian ones, the usual sense first", () => {
    const lexicon = loadCrossLexicon();
    expect(lexicon.fromRussian("компании", "en")[0]).toBe("company");
    expect(lexicon.fromRussian("делегации", "az").length).toBeGreaterThan(0);
    expect(lexicon.toEnglish("встречи", "ru").map((t) => t.text)).toContain("meeting");
  });

  it("should know which words belong to which language", () => {
    const lexicon = loadCrossLexicon();
    expect(lexicon.knows("meeting", "en")).toBe(true);
    expect(lexicon.knows("vstrecha", "en")).toBe(false);
    expect(lexicon.knowsRussian("встреча")).toBe(true);
  });

  it("should find Azerbaijani multiword terms in a text", () => {
    const found = loadCrossLexicon().phrases("Nümayəndə heyətində neçə şirkət var idi?", "az");
    expect(found.map((p) => p.words.join(" "))).toContain("nümayəndə heyəti");
  });

  it("should be empty, not failing, where the dictionaries are missing", () => {
    const empty = loadCrossLexicon(mkdtempSync(join(tmpdir(), "no-lexicon-")));
    expect(empty.toRussian("meeting", "en")).toEqual([]);
    expect(empty.fromRussian("встреча", "en")).toEqual([]);
    expect(EMPTY_LEXICON.knows("meeting", "en")).toBe(false);
  });

  it("should read a reverse index it is given", () => {
    const dir = mkdtempSync(join(tmpdir(), "lexicon-"));
    writeFileSync(join(dir, "ru-en.tsv"), "компан\tfirm|company\n");
    expect(loadCrossLexicon(dir).fromRussian("компаниями", "en")).toEqual(["firm", "company"]);
  });
});
