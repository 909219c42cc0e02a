/**
 * A vector store kept in memory: LangChain's `MemoryVectorStore` (exact cosine search over every
 * vector), rebuilt from the corpus at every start; it writes nothing to INDEX_DIR. Its score is a
 * cosine similarity, returned here as a distance (1 − similarity) like the other adapters. Its own
 * sort is broken (the comparator never returns 1: Node's sort happens to order finite similarities,
 * but the NaN of an all-zero vector scrambles the order and the top k it slices), so every vector
 * is fetched and the results are sorted here (an all-zero vector last, at distance Infinity).
 */
import { MemoryVectorStore } from "@langchain/classic/vectorstores/memory";
import { Document } from "@langchain/core/documents";
import type { IdentifiedEmbeddings } from "../embeddings.js";
import { IndexError } from "../index-store.js";
import type { Sentence } from "../sentences.js";
import { toHits, type VectorAdapter, type VectorIndex } from "./index.js";

/** Sentences embedded per call (as the HNSW build does). */
const BATCH = 64;

/** Embeds `sentences` into a new MemoryVectorStore; metadata `{ i, id }` as in the HNSW docstore. */
export async function buildMemoryVectorIndex(sentences: readonly Sentence[], embeddings: IdentifiedEmbeddings): Promise<VectorIndex> {
  if (sentences.length === 0) throw new IndexError("no sentences to index");
  const store = new MemoryVectorStore(embeddings);
  let dimensions = 0;
  for (let start = 0; start < sentences.length; start += BATCH) {
    const part = sentences.slice(start, start + BATCH);
    const vectors = await embeddings.embedDocuments(part.map((s) => s.text));
    if (vectors.length !== part.length)
      throw new IndexError(`the embedder returned ${vectors.length} vectors for ${part.length} sentences`);
    if (!dimensions) dimensions = vectors[0]?.length ?? 0;
    if (!dimensions) throw new IndexError("the embedder returned no vectors");
    for (const v of vectors)
      if (v.length !== dimensions) throw new IndexError(`the embedder returned vectors of ${v.length} and ${dimensions} dimensions`);
    await store.addVectors(
      vectors,
      part.map((s) => new Document({ pageContent: s.text, metadata: { i: s.index, id: s.id } })),
    );
  }
  const size = store.memoryVectors.length;
  return {
    store: "memory",
    dimensions,
    size,
    async search(vector, k) {
      if (k <= 0) return [];
      // All of them: the store's own top k is taken after its broken sort.
      const results = await store.similaritySearchVectorWithScore(vector, size);
      return toHits(
        results.map(([doc, similarity]) => ({ metadata: doc.metadata, distance: 1 - similarity })),
        k,
      );
    },
  };
}

export const openMemoryIndex: VectorAdapter = async ({ sentences, embeddings, onProgress }) => {
  onProgress?.(`embedding ${sentences.length} sentences into memory…`);
  try {
    return { vectors: await buildMemoryVectorIndex(sentences, embeddings), rebuilt: true, reason: "kept in memory" };
  } catch (cause) {
    throw cause instanceof IndexError
      ? cause
      : new IndexError(`building the in-memory vector index failed: ${(cause as Error).message}`, { cause });
  }
};
