import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSyntheticCorpus, mulberry32 } from "../../bench/synthetic-corpus.js";
import { loadCorpus } from "../../src/engine/corpus.js";
import {
  bm25,
  bm25Exhaustive,
  createLexicalIndex,
  type LexicalIndex,
  restoreLexicalIndex,
  SentenceLookup,
  sentenceTokens,
  serializeLexicalIndex,
  topK,
} from "../../src/engine/lexical.js";
import { toSentences } from "../../src/engine/sentences.js";
import { tokenize } from "../../src/engine/text.js";

describe("bm25 (MaxScore, bounded heap)", () => {
  let dir: string;
  let index: LexicalIndex;
  let corpus: ReturnType<typeof loadCorpus>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "bm25-test-"));
    const syn = generateSyntheticCorpus(join(dir, "corpus"), { documents: 6, paragraphsPerDocument: 60, questions: 10 });
    corpus = loadCorpus(syn.dir);
    index = createLexicalIndex(toSentences(corpus.documents), corpus.glossary, () => "ru");
  });

  it("should read back from its file exactly what was built", () => {
    const again = restoreLexicalIndex(serializeLexicalIndex(index), index.sentences, corpus.glossary, () => "ru");
    const plain = (x: LexicalIndex) => ({
      ...x,
      postings: [...x.postings].map(([k, p]) => [k, [...p.ids], [...p.tf]]),
      prefixPostings: [...x.prefixPostings].map(([k, p]) => [k, [...p]]),
      df: [...x.df],
      prefixDf: [...x.prefixDf],
      stemsByHead: [...x.stemsByHead],
      skeletons: [...x.skeletons].map(([k, set]) => [k, [...set]]),
      features: x.features.map((f) => [f.length, f.types ? [...f.types] : null]),
    });
    expect(plain(again)).toEqual(plain(index));
    expect(() => restoreLexicalIndex(Buffer.from("nonsense"), index.sentences, corpus.glossary, () => "ru")).toThrow();
    expect(() => restoreLexicalIndex(serializeLexicalIndex(index), index.sentences.slice(1), corpus.glossary, () => "ru")).toThrow(
      /sentences/,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("should return exactly what scoring every posting returns, for rare, common and mixed queries", () => {
    const stems = [...index.postings.keys()].sort((a, b) => index.postings.get(b)!.ids.length - index.postings.get(a)!.ids.length);
    const common = stems.slice(0, 40);
    const rnd = mulberry32(7);
    const pick = (xs: string[]) => xs[Math.floor(rnd() * xs.length)]!;
    for (let n = 0; n < 300; n++) {
      const query = new Map<string, number>();
      const size = 1 + Math.floor(rnd() * 6);
      for (let t = 0; t < size; t++) query.set(rnd() < 0.5 ? pick(common) : pick(stems), rnd() < 0.3 ? 0.8 : 1);
      for (const k of [1, 5, 30]) expect(bm25(index, query, k)).toEqual(bm25Exhaustive(index, query, k));
    }
  });

  it("should find stems through the flat postings", () => {
    const [stem, list] = [...index.postings][0]!;
    const lookup = new SentenceLookup(index);
    expect(lookup.hasStem(stem, list.ids[0]!)).toBe(true);
    expect(lookup.hasStem("no-such-stem", 0)).toBe(false);
  });

  it("should give a sentence's tokens as tokenize does, tokenised once per index", () => {
    const first = sentenceTokens(index, 3);
    expect(first).toEqual(tokenize(index.sentences[3]!.text));
    expect(sentenceTokens(index, 3)).toBe(first);
    expect(sentenceTokens(index, 4)).toEqual(tokenize(index.sentences[4]!.text));
    const other = createLexicalIndex(index.sentences.slice(0, 5), corpus.glossary, () => "ru");
    expect(sentenceTokens(other, 3)).not.toBe(first);
  });
});

describe("topK", () => {
  it("should keep the best k, best first, ties by lower index", () => {
    const scores = new Float64Array([1, 5, 3, 5, 0.5, 4, 3]);
    expect(topK([0, 1, 2, 3, 4, 5, 6], scores, 4).map((h) => h.i)).toEqual([1, 3, 5, 2]);
    expect(topK([6, 2], scores, 1).map((h) => h.i)).toEqual([2]);
    expect(topK([0, 1], scores, 0)).toEqual([]);
    expect(topK([], scores, 3)).toEqual([]);
  });
});

describe("createLexicalIndex and the percent sign", () => {
  it("should index a sentence with '%' under «процент» and 'percent', and no other", () => {
    const doc = { id: "d", file: "d.md", title: "Цифры.", lang: "ru", body: "Около 40% оборудования из Германии. В центре 120 мест." };
    const index = createLexicalIndex(toSentences([doc]), [], () => "ru");
    const withSign = index.sentences.findIndex((s) => s.text.includes("%"));
    for (const stem of ["процент", "percent"]) expect([...(index.postings.get(stem)?.ids ?? [])]).toEqual([withSign]);
  });
});
