/**
 * The default vector store: LangChain's `HNSWLib` (hnswlib-node, cosine space: the score is a
 * distance, 0 = same direction), kept in INDEX_DIR with its manifest, checksums and atomic
 * rebuilds (index-store.ts), and the lexical index saved beside it.
 */
import type { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { loadOrBuildIndex } from "../index-store.js";
import { toHits, type VectorAdapter, type VectorIndex } from "./index.js";

/** A VectorIndex over a built or loaded HNSWLib store. */
export function hnswlibVectorIndex(store: HNSWLib, dimensions: number, size: number): VectorIndex {
  return {
    store: "hnswlib",
    dimensions,
    size,
    async search(vector, k) {
      const n = Math.min(k, size);
      if (n <= 0) return [];
      const results = await store.similaritySearchVectorWithScore(vector, n);
      return toHits(
        results.map(([doc, distance]) => ({ metadata: doc.metadata, distance })),
        n,
      );
    },
  };
}

export const openHnswlibIndex: VectorAdapter = async ({ dir, sentences, embeddings, corpusHash, onProgress, lexical }) => {
  const loaded = await loadOrBuildIndex(dir, sentences, embeddings, corpusHash, onProgress, { lexical });
  return {
    vectors: hnswlibVectorIndex(loaded.store, loaded.manifest.dimensions, loaded.manifest.count),
    lexical: loaded.lexical,
    rebuilt: loaded.rebuilt,
    reason: loaded.reason,
  };
};
