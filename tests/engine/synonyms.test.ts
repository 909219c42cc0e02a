import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCrossLexicon } from "../../src/engine/language/crosslang.js";
import { createLexicalIndex } from "../../src/engine/lexical.js";
import { analyzeQuestion } from "../../src/engine/question.js";
import { toSentences } from "../../src/engine/sentences.js";
import type { CorpusDocument } from "../../src/engine/types.js";

describe("analyzeQuestion with English synonyms", () => {
  const doc: CorpusDocument = {
    id: "doc",
    file: "doc.md",
    title: "Chess",
    date: "2026-05-18",
    lang: "en",
    body: "The winner of the tournament was Fuad Nagiyev.",
  };
  const index = createLexicalIndex(toSentences([doc]), [], () => "en", new Map());
  const dir = mkdtempSync(join(tmpdir(), "lexicon-"));
  writeFileSync(join(dir, "en-syn.tsv"), "victor\twinner|master\n");

  it("should find an English word the article lacks through its WordNet synonym, as a less sure sense", () => {
    const victor = analyzeQuestion(index, "who was the victor?", "en", { lexicon: loadCrossLexicon(dir) }).concepts.find(
      (c) => c.label === "victor",
    );
    expect(victor?.known).toBe(true);
    expect(victor?.alternatives.some((a) => a.stems[0] === "winner")).toBe(true);
    expect(victor!.degree).toBeLessThan(1);
  });

  it("should leave the word unknown without the synonym list", () => {
    const victor = analyzeQuestion(index, "who was the victor?", "en", {
      lexicon: loadCrossLexicon(mkdtempSync(join(tmpdir(), "lexicon-"))),
    }).concepts.find((c) => c.label === "victor");
    expect(victor?.known).toBe(false);
  });
});

describe("analyzeQuestion with Russian terms on an English article", () => {
  const doc: CorpusDocument = {
    id: "doc",
    file: "doc.md",
    title: "Terminal",
    date: "2026-03-11",
    lang: "en",
    body: "The terminal will create 420 permanent jobs. Its freight terminal cost $210 million.",
  };
  const index = createLexicalIndex(toSentences([doc]), [], () => "en", new Map());
  const lexicon = loadCrossLexicon();

  it("should read a Russian multiword term as one concept in English", () => {
    const q = analyzeQuestion(index, "сколько рабочих мест создадут", "ru", { lexicon });
    const jobs = q.concepts.find((c) => c.label === "рабочих мест");
    expect(jobs?.known).toBe(true);
    expect(jobs?.alternatives.some((a) => a.stems.join(" ") === "job")).toBe(true);
  });

  it("should match a term's words one by one when the article words it otherwise", () => {
    const q = analyzeQuestion(index, "сколько стоит железная дорога до терминала", "ru", { lexicon });
    expect(q.concepts.some((c) => c.label === "железная дорога")).toBe(false);
    expect(q.concepts.find((c) => c.label === "терминала")?.known).toBe(true);
  });
});

describe("analyzeQuestion with Azerbaijani questions on an English article", () => {
  const doc: CorpusDocument = {
    id: "doc",
    file: "doc.md",
    title: "Depot",
    date: "2026-04-21",
    lang: "en",
    body: "The depot's solar panels have a capacity of 1.2 megawatts. Around 200 drivers and technicians completed training. The project will create new jobs.",
  };
  const index = createLexicalIndex(toSentences([doc]), [], () => "en", new Map());
  const lexicon = loadCrossLexicon();
  const concept = (q: string, label: string) => analyzeQuestion(index, q, "az", { lexicon }).concepts.find((c) => c.label === label);

  it("should read an international word through its English spelling", () => {
    expect(concept("neçə texnik təlim keçib?", "texnik")?.alternatives.some((a) => a.stems[0] === "technician")).toBe(true);
    expect(concept("gucu nece megavatdir", "megavatdir")?.alternatives.some((a) => a.stems[0] === "megawatt")).toBe(true);
    expect(concept("deponun paneli", "deponun")?.known).toBe(true);
  });

  it("should match a multiword term through its English", () => {
    const jobs = concept("yeni iş yerləri nə vaxt olacaq?", "yeni iş yerləri");
    expect(jobs?.known).toBe(true);
    expect(jobs?.alternatives.some((a) => a.stems.join(" ") === "new job")).toBe(true);
  });
});

describe("analyzeQuestion with a synonym's word family", () => {
  it("should reach the corpus's noun of a synonym verb ('выиграл' → win → 'победить' → «победителем»)", () => {
    const doc: CorpusDocument = {
      id: "d",
      file: "d.md",
      title: "Турнир",
      date: "2026-05-18",
      lang: "ru",
      body: "Победителем турнира стал гроссмейстер Фуад Нагиев.",
    };
    const index = createLexicalIndex(toSentences([doc]), [], () => "ru", new Map());
    const won = analyzeQuestion(index, "кто выиграл турнир?", "ru", { lexicon: loadCrossLexicon() }).concepts.find(
      (c) => c.label === "выиграл",
    );
    expect(won?.known).toBe(true);
    expect(won?.alternatives.some((a) => a.stems[0] === "победител")).toBe(true);
  });
});
