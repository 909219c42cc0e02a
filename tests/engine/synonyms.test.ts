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
