import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/engine/corpus.js";
import { createLexicalIndex } from "../../src/engine/lexical.js";
import { analyzeQuestion, cleanQuestion, MAX_QUESTION_CHARS } from "../../src/engine/question.js";
import { toSentences } from "../../src/engine/sentences.js";
import { CORPUS_DIR } from "../fixtures/paths.js";

describe("cleanQuestion", () => {
  it("should strip HTML tags and entities", () => {
    expect(cleanQuestion("<b>Сколько</b> <i>компаний</i>&nbsp;было?")).toBe("Сколько компаний было?");
    expect(cleanQuestion('<a href="https://x.org">Где</a> прошла встреча?<br/>')).toBe("Где прошла встреча?");
  });

  it("should strip Markdown marks", () => {
    expect(cleanQuestion("**Сколько** __компаний__ `было` ~~в~~ # делегации?")).toBe("Сколько компаний было в делегации?");
    expect(cleanQuestion("> [Кто] | возглавлял?")).toBe("Кто возглавлял?");
  });

  it("should strip control and invisible characters", () => {
    expect(cleanQuestion("Где\u0000 прошла\u0007 встреча\u200b?\u202e\ufeff")).toBe("Где прошла встреча ?");
  });

  it("should collapse whitespace and trim", () => {
    expect(cleanQuestion("  Кто\n\n\tвозглавлял   делегацию?  ")).toBe("Кто возглавлял делегацию?");
  });

  it("should make the same text of marked-up and clean questions", () => {
    expect(cleanQuestion("<b>Сколько</b> **компаний** было в делегации?")).toBe(cleanQuestion("Сколько компаний было в делегации?"));
  });

  it("should cap a 10,000-character input to at most 500 characters, cutting at a space", () => {
    const raw = "слово ".repeat(2000);
    expect(raw.length).toBe(12000);
    const out = cleanQuestion(raw);
    expect(MAX_QUESTION_CHARS).toBe(500);
    expect(out.length).toBeLessThanOrEqual(500);
    expect(out.length).toBeGreaterThan(300);
    expect(out.split(" ").every((w) => w === "слово")).toBe(true);
  });

  it("should cap a 10,000-character input without spaces", () => {
    const out = cleanQuestion("я".repeat(10_000));
    expect(out).toBe("я".repeat(500));
  });

  it("should not throw on non-string input", () => {
    expect(cleanQuestion(undefined as unknown as string)).toBe("");
    expect(cleanQuestion(null as unknown as string)).toBe("");
  });
});

describe("analyzeQuestion", () => {
  const corpus = loadCorpus(CORPUS_DIR);
  const index = createLexicalIndex(toSentences(corpus.documents), corpus.glossary, () => "ru");

  it("should call an emoji-only or empty message empty", () => {
    expect(analyzeQuestion(index, "😀😀", "ru").intent).toBe("empty");
    expect(analyzeQuestion(index, "", "ru").intent).toBe("empty");
    expect(analyzeQuestion(index, "<b></b> ** ??", "ru").intent).toBe("empty");
  });

  it("should find on-topic concepts in the corpus", () => {
    const q = analyzeQuestion(index, "Сколько компаний было представлено в делегации?", "ru");
    expect(q.intent).toBe("question");
    expect(q.kind.type).toBe("count");
    expect(q.knownShare).toBe(1);
    expect(q.concepts.length).toBeGreaterThan(0);
    expect(q.query.size).toBeGreaterThan(0);
    for (const stem of q.query.keys()) expect(index.df.has(stem)).toBe(true);
  });

  it("should know little of an off-topic question", () => {
    const q = analyzeQuestion(index, "What is the capital of France?", "en");
    expect(q.knownShare).toBeLessThan(0.5);
  });

  it("should analyse only the capped text of a huge message", () => {
    const q = analyzeQuestion(index, "компаний ".repeat(2000), "ru");
    expect(q.text.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
  });
});
