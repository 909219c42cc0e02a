import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/engine/corpus.js";
import { createLexicalIndex } from "../../src/engine/lexical.js";
import { analyzeQuestion } from "../../src/engine/question.js";
import type { ReaderInput } from "../../src/engine/reader.js";
import { toSentences } from "../../src/engine/sentences.js";
import { answerSpan, readerInput } from "../../src/engine/span.js";
import { READER_CORPUS_DIR } from "../fixtures/paths.js";

const corpus = loadCorpus(READER_CORPUS_DIR);
const sentences = toSentences(corpus.documents);
const index = createLexicalIndex(sentences, corpus.glossary, () => "ru");

/** What the reader sees of the sentence containing `anchor` for `question`. */
function view(question: string, anchor: string): ReaderInput {
  const i = sentences.findIndex((s) => s.text.includes(anchor));
  expect(i, anchor).toBeGreaterThanOrEqual(0);
  return readerInput(index, analyzeQuestion(index, question, "ru"), i)!;
}

const wordsAt = (s: ReaderInput, ks: number[]) => ks.map((k) => s.toks[k]!.lower);

describe("readerInput", () => {
  it("should keep a decimal number inside one clause", () => {
    const s = view("Какая доля жителей была рабочими?", "56,2%");
    const at56 = s.toks.findIndex((t) => t.text === "56");
    const clause = s.clauses.find((c) => c.from <= at56 && c.to >= at56)!;
    expect(clause.to).toBeGreaterThan(at56 + 1);
    expect(s.toks[at56 + 1]!.text).toBe("2");
  });

  it("should take the preposition before the question word", () => {
    expect(view("В каком году построили театр?", "построенный").prep).toBe("в");
    expect(view("Какой театр стал лучшим примером?", "построенный").prep).toBeUndefined();
  });

  it("should find the word the question word governs in the sentence", () => {
    const s = view("Какой театр стал лучшим примером нового стиля?", "построенный");
    expect(wordsAt(s, s.head)).toEqual(["театр"]);
    expect(view("Кто построил театр?", "построенный").head).toEqual([]);
  });

  it("should find the word before the question word in the sentence", () => {
    // "Зрители каких районов…": where they came from is told right after "зрители".
    const s = view("Зрители каких районов приехали на премьеру?", "11 районов");
    expect(wordsAt(s, s.owner ?? [])).toEqual(["зрители"]);
    expect(view("Каких зрителей собрала премьера?", "11 районов").owner).toEqual([]);
  });
});

describe("answerSpan and the reader", () => {
  const spanText = (question: string, anchor: string) => {
    const i = sentences.findIndex((s) => s.text.includes(anchor));
    const span = answerSpan(index, analyzeQuestion(index, question, "ru"), i);
    return span && { text: sentences[i]!.text.slice(span.start, span.end), kind: span.kind };
  };

  it("should answer a question the reader is unsure of with the clause it points to, next to the matched words", () => {
    // "Как построили…?": not the clause that repeats the question's words, the one next to it that tells more.
    expect(spanText("Как построили театр Нью-Васюки Драма?", "построенный")).toEqual({ text: "построенный в 1905 году", kind: "clause" });
  });

  it("should take a less sure piece of the reader when it stands next to the question's words", () => {
    // "…театр Нью-Васюки Драма": the reader is not sure of "Драма", but it follows the matched name.
    expect(spanText("Как назывался театр Нью-Васюков?", "построенный")?.text).toBe("Драма");
  });

  it("should not answer a plural question with the reader's one short piece", () => {
    // "Из каких районов…" asks for several districts: the clause that names them, not a number.
    const span = spanText("Из каких районов приехали зрители?", "11 районов");
    expect(span?.kind).toBe("clause");
    expect(span?.text).toMatch(/районов/);
  });
});

describe("answerSpan and hyphenated names", () => {
  it("should keep a hyphenated first name whole", () => {
    const i = sentences.findIndex((s) => s.text.includes("Жан-Поль"));
    const span = answerSpan(index, analyzeQuestion(index, "Кто поставил юбилейный спектакль?", "ru"), i);
    expect(span && sentences[i]!.text.slice(span.start, span.end)).toBe("Жан-Поль Остапов");
  });

  it("should keep the first name of a name that opens the sentence", () => {
    const i = sentences.findIndex((s) => s.text.startsWith("Остап Бендер"));
    const span = answerSpan(index, analyzeQuestion(index, "Кто открыл сезон?", "ru"), i);
    expect(span && sentences[i]!.text.slice(span.start, span.end)).toBe("Остап Бендер");
  });
});
