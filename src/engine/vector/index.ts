/**
 * The vector store seam. The engine codes against `VectorIndex` (nearest sentences to a query
 * vector, as sentence indexes and cosine distances) and opens it with `openVectorIndex(name, …)`;
 * each store is one adapter file here, chosen by `VECTOR_STORE`:
 *
 * - `hnswlib` (default): LangChain's `HNSWLib`, saved in INDEX_DIR with a manifest (index-store.ts).
 * - `memory`: LangChain's `MemoryVectorStore`, rebuilt in memory at every start (no files).
 *
 * Another store (a shared one for several bot instances: Redis, Qdrant through LangChain) is one
 * more adapter file returning `OpenedVectorIndex`, its name in ADAPTERS and in config.ts.
 * Adapters are imported only when chosen, so a store's client library loads only when used.
 */
import type { Config } from "../../config.js";
import type { IdentifiedEmbeddings } from "../embeddings.js";
import type { LexicalInputs } from "../index-store.js";
import type { LexicalIndex } from "../lexical.js";
import type { Sentence } from "../sentences.js";

export type VectorStoreName = Config["VECTOR_STORE"];

/** One search result: `i` is the sentence's index (Sentence.index), `distance` is cosine distance (0 = same direction). */
export interface VectorHit {
  i: number;
  distance: number;
}

export interface VectorIndex {
  /** Which adapter this is (logs, tests). */
  readonly store: VectorStoreName;
  /** Vector size the index holds. */
  readonly dimensions: number;
  /** Number of vectors (sentences) it holds. */
  readonly size: number;
  /** The `k` nearest sentences to `vector`, nearest first. */
  search(vector: number[], k: number): Promise<VectorHit[]>;
}

export interface VectorIndexInput {
  /** INDEX_DIR (adapters that persist keep their files here). */
  dir: string;
  sentences: readonly Sentence[];
  embeddings: IdentifiedEmbeddings;
  corpusHash: string;
  onProgress?: (message: string) => void;
  /** Given: an adapter that persists may save and restore the lexical index with its own files. */
  lexical?: LexicalInputs;
}

export interface OpenedVectorIndex {
  vectors: VectorIndex;
  /** The lexical index, when the adapter restored or built it (else the engine builds it). */
  lexical?: LexicalIndex;
  /** True when this start built the vectors (always, for a store kept in memory). */
  rebuilt: boolean;
  reason?: string;
}

export type VectorAdapter = (input: VectorIndexInput) => Promise<OpenedVectorIndex>;

/** Store name → its adapter, loaded on demand. */
const ADAPTERS: Record<VectorStoreName, () => Promise<VectorAdapter>> = {
  hnswlib: async () => (await import("./hnswlib.js")).openHnswlibIndex,
  memory: async () => (await import("./memory.js")).openMemoryIndex,
};

/** Opens (loads or builds) the vector index of the configured store. */
export async function openVectorIndex(name: VectorStoreName, input: VectorIndexInput): Promise<OpenedVectorIndex> {
  const load = ADAPTERS[name];
  if (!load) throw new Error(`unknown VECTOR_STORE ${String(name)}`);
  return (await load())(input);
}

/**
 * LangChain search results → hits: the sentence index from the metadata (results without a valid
 * one are dropped), sorted by distance then sentence index, at most `k`.
 */
export function toHits(results: readonly { metadata: Record<string, unknown>; distance: number }[], k: number): VectorHit[] {
  return results
    .map((r) => ({ i: Number(r.metadata.i), distance: Number.isFinite(r.distance) ? r.distance : Number.POSITIVE_INFINITY }))
    .filter((h) => Number.isInteger(h.i) && h.i >= 0)
    .sort((a, b) => a.distance - b.distance || a.i - b.i)
    .slice(0, Math.max(0, k));
}
