import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { HashedNgramEmbeddings, type IdentifiedEmbeddings } from "../../../src/engine/embeddings.js";
import { IndexError, MANIFEST_FILE } from "../../../src/engine/index-store.js";
import { type Sentence, toSentences } from "../../../src/engine/sentences.js";
import type { CorpusDocument } from "../../../src/engine/types.js";
import { openVectorIndex, toHits, type VectorHit } from "../../../src/engine/vector/index.js";
import { buildMemoryVectorIndex } from "../../../src/engine/vector/memory.js";
import { tempDirs } from "../../fixtures/paths.js";

const DOCS: CorpusDocument[] = [
  {
    id: "a",
    file: "a.md",
    title: "Встреча в Баку",
    lang: "ru",
    body: "Министр встретился с делегацией. В делегацию вошли представители 31 компании.\n\nОбсуждали энергетику и транспорт.",
  },
];
const SENTENCES = toSentences(DOCS);

const cosineDistance = (a: number[], b: number[]) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let j = 0; j < a.length; j++) {
    dot += a[j]! * b[j]!;
    na += a[j]! * a[j]!;
    nb += b[j]! * b[j]!;
  }
  return 1 - dot / Math.sqrt(na * nb);
};

/** A seeded generator, so the random vectors are the same on every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

/** An embedder whose document vectors are given: sentence text "s<n>" gets vectors[n]. */
function fixedEmbeddings(vectors: number[][]): IdentifiedEmbeddings {
  return {
    info: { id: "fixed", version: 1, dim: vectors[0]!.length },
    embedDocuments: async (texts) => texts.map((t) => vectors[Number(t.slice(1))]!),
    embedQuery: async () => vectors[0]!,
  };
}
const fakeSentences = (n: number): Sentence[] =>
  Array.from({ length: n }, (_, index) => ({ ...SENTENCES[0]!, index, id: `s${index}`, text: `s${index}` }));

describe("vector store adapters", () => {
  const tmp = tempDirs();
  afterEach(() => tmp.cleanup());
  const emb = new HashedNgramEmbeddings();

  it("should return the exact nearest sentences, sorted by cosine distance, from the memory store", async () => {
    // MemoryVectorStore's own sort (a comparator that never returns 1) breaks on the NaN similarity
    // of an all-zero vector (a sentence the embedder has no features for): with a few among 300,
    // its own top k is not the nearest ten.
    const rnd = random(7);
    const vectors = Array.from({ length: 300 }, (_, i) => Array.from({ length: 16 }, () => (i % 37 === 5 ? 0 : rnd())));
    const index = await buildMemoryVectorIndex(fakeSentences(300), fixedEmbeddings(vectors));
    const query = Array.from({ length: 16 }, rnd);
    const hits = await index.search(query, 10);
    const expected = vectors
      .map((v, i) => ({ i, distance: cosineDistance(query, v) }))
      .filter((h) => Number.isFinite(h.distance))
      .sort((a, b) => a.distance - b.distance)
      .slice(0, 10);
    expect(hits.map((h) => h.i)).toEqual(expected.map((h) => h.i));
    for (const [k, h] of hits.entries()) expect(h.distance).toBeCloseTo(expected[k]!.distance, 6);
    // The zero vectors come last (no direction: infinitely far).
    const all = await index.search(query, 300);
    expect(all.slice(-8).map((h) => h.distance)).toEqual(Array(8).fill(Number.POSITIVE_INFINITY));
  });

  it("should give distance 0 for a sentence's own vector and name the sentence index from the metadata", async () => {
    const index = await buildMemoryVectorIndex(SENTENCES, emb);
    expect(index.size).toBe(SENTENCES.length);
    expect(index.dimensions).toBe((await emb.embedQuery("x")).length);
    const target = SENTENCES.find((s) => s.text.includes("31"))!;
    const [top] = await index.search(await emb.embedQuery(target.text), 1);
    expect(top).toEqual({ i: target.index, distance: expect.closeTo(0, 6) as number });
  });

  it("should find the same nearest sentences with the same distances in hnswlib and memory", async () => {
    const hnsw = await openVectorIndex("hnswlib", {
      dir: join(tmp.make(), "index"),
      sentences: SENTENCES,
      embeddings: emb,
      corpusHash: "h",
    });
    const memory = await openVectorIndex("memory", {
      dir: join(tmp.make(), "index"),
      sentences: SENTENCES,
      embeddings: emb,
      corpusHash: "h",
    });
    expect(hnsw.vectors.store).toBe("hnswlib");
    expect(memory.vectors.store).toBe("memory");
    expect(memory.vectors.dimensions).toBe(hnsw.vectors.dimensions);
    for (const q of ["представители компаний", "энергетика транспорт", "министр делегация"]) {
      const v = await emb.embedQuery(q);
      const a = await hnsw.vectors.search(v, SENTENCES.length);
      const b = await memory.vectors.search(v, SENTENCES.length);
      expect(b.map((h) => h.i)).toEqual(a.map((h) => h.i));
      for (const [k, h] of b.entries()) expect(h.distance).toBeCloseTo(a[k]!.distance, 4);
    }
  });

  it("should keep the hnswlib index in INDEX_DIR and write nothing for the memory store", async () => {
    const hnswDir = join(tmp.make(), "index");
    const memDir = join(tmp.make(), "index");
    const first = await openVectorIndex("hnswlib", { dir: hnswDir, sentences: SENTENCES, embeddings: emb, corpusHash: "h" });
    expect(first.rebuilt).toBe(true);
    expect(readdirSync(hnswDir)).toContain(MANIFEST_FILE);
    expect((await openVectorIndex("hnswlib", { dir: hnswDir, sentences: SENTENCES, embeddings: emb, corpusHash: "h" })).rebuilt).toBe(
      false,
    );
    const mem = await openVectorIndex("memory", { dir: memDir, sentences: SENTENCES, embeddings: emb, corpusHash: "h" });
    expect(mem.rebuilt).toBe(true);
    expect(existsSync(memDir)).toBe(false);
  });

  it("should return at most k hits, and none for k = 0", async () => {
    for (const store of ["hnswlib", "memory"] as const) {
      const { vectors } = await openVectorIndex(store, {
        dir: join(tmp.make(), "index"),
        sentences: SENTENCES,
        embeddings: emb,
        corpusHash: "h",
      });
      const v = await emb.embedQuery("компании");
      expect(await vectors.search(v, 2)).toHaveLength(2);
      expect(await vectors.search(v, 100)).toHaveLength(SENTENCES.length);
      expect(await vectors.search(v, 0)).toEqual([]);
    }
  });

  it("should fail with an IndexError when the memory store gets no sentences or a failing embedder", async () => {
    await expect(openVectorIndex("memory", { dir: "unused", sentences: [], embeddings: emb, corpusHash: "h" })).rejects.toThrow(IndexError);
    const failing: IdentifiedEmbeddings = {
      info: emb.info,
      embedQuery: (q) => emb.embedQuery(q),
      embedDocuments: async () => {
        throw new Error("embedding service is down");
      },
    };
    await expect(openVectorIndex("memory", { dir: "unused", sentences: SENTENCES, embeddings: failing, corpusHash: "h" })).rejects.toThrow(
      /embedding service is down/,
    );
  });

  it("should sort hits by distance, drop results without a sentence index and cut at k", () => {
    const hits: VectorHit[] = toHits(
      [
        { metadata: { i: 2 }, distance: 0.5 },
        { metadata: {}, distance: 0 },
        { metadata: { i: 0 }, distance: 0.1 },
        { metadata: { i: 1 }, distance: Number.NaN },
        { metadata: { i: 3 }, distance: 0.3 },
      ],
      3,
    );
    expect(hits).toEqual([
      { i: 0, distance: 0.1 },
      { i: 3, distance: 0.3 },
      { i: 2, distance: 0.5 },
    ]);
  });
});
