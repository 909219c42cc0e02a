/**
 * Embedders behind LangChain's `Embeddings` interface. The default is built in and offline
 * (hashed character n-grams of stems); OpenAI-compatible endpoints and Transformers.js
 * models are optional and chosen in `.env`.
 */

import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { Embeddings } from "@langchain/core/embeddings";
import type { Config } from "../config.js";
import { isStopword } from "./lexicon.js";
import { skeleton, stemWord, type Token, tokenize, toLatin } from "./text.js";
import { TUNING } from "./tuning.js";

/** Identity of an embedder, stored in the index manifest: a change forces a rebuild. */
export interface EmbedderInfo {
  id: string;
  version: number;
  dim?: number;
}

export interface IdentifiedEmbeddings extends EmbeddingsInterface {
  info: EmbedderInfo;
}

export class EmbeddingsError extends Error {
  override name = "EmbeddingsError";
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Deterministic, dependency-free multilingual embedder: every content word is reduced to
 * its stem, transliterated to Latin (so Байрамов and Bayramov share features), and
 * represented by a word feature plus its character 3- and 4-grams, hashed into `dim`
 * buckets with a sign bit (feature hashing), then L2-normalised. Robust to Russian
 * inflection (stems), to typos and to script (n-grams of the Latin form).
 * Default TUNING.embedding.dims (256): few enough for 50,000 paragraphs (140k vectors) to fit
 * the memory and build-time bars, enough that collisions cost little (measured in tuning.ts).
 */
const FEATURE_MEMO_SIZE = 50_000;

export class HashedNgramEmbeddings extends Embeddings implements IdentifiedEmbeddings {
  readonly info: EmbedderInfo;
  constructor(readonly dim: number = TUNING.embedding.dims) {
    super({});
    this.info = { id: "hashed-ngram", version: 1, dim };
  }

  // A word's features (bucket, signed weight), in the order they are added, by script and capital:
  // the same word adds the same numbers in the same order wherever it stands (bounded).
  private readonly features = new Map<string, Map<string, number[]>>();

  /** The features of one token: [bucket, value, bucket, value, …]. */
  private tokenFeatures(t: Token): number[] {
    const kind = `${t.script}${t.capitalized ? "+" : ""}`;
    let memo = this.features.get(kind);
    if (!memo) this.features.set(kind, (memo = new Map()));
    let out = memo.get(t.lower);
    if (out) return out;
    out = [];
    const add = (feature: string, weight: number) => {
      const h = fnv1a(feature);
      out!.push(h % this.dim, (h & 0x80000000 ? -1 : 1) * weight);
    };
    const stem = stemWord(t.lower, t.script);
    add(`w:${stem}`, 1);
    if (t.capitalized && t.script !== "digit") add(`s:${skeleton(t.lower)}`, 0.7);
    const padded = `^${toLatin(stem)}$`;
    const grams: string[] = [];
    for (const n of [3, 4]) for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
    const w = grams.length ? 1 / Math.sqrt(grams.length) : 0;
    for (const g of grams) add(`g:${g}`, w);
    if (memo.size >= FEATURE_MEMO_SIZE) memo.clear();
    memo.set(t.lower, out);
    return out;
  }

  /** Synchronous core, used by both LangChain methods. */
  embed(text: string): number[] {
    const v = new Float64Array(this.dim);
    for (const t of tokenize(text)) {
      if (isStopword(t.lower)) continue;
      const f = this.tokenFeatures(t);
      for (let k = 0; k < f.length; k += 2) v[f[k]!]! += f[k + 1]!;
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    return Array.from(v, (x) => x / norm);
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((d) => this.embed(d));
  }

  async embedQuery(document: string): Promise<number[]> {
    return this.embed(document);
  }
}

/** Loaders for the optional embedders; tests replace them with fakes. */
export interface EmbedderLoaders {
  openai: (opts: { model: string; baseURL?: string; apiKey?: string }) => Promise<EmbeddingsInterface>;
  transformers: (opts: { model: string }) => Promise<EmbeddingsInterface>;
}

export const defaultLoaders: EmbedderLoaders = {
  async openai({ model, baseURL, apiKey }) {
    const { OpenAIEmbeddings } = await import("@langchain/openai").catch((cause: unknown) => {
      throw new EmbeddingsError("EMBEDDINGS_PROVIDER=openai needs the @langchain/openai package", { cause });
    });
    return new OpenAIEmbeddings({ model, apiKey: apiKey ?? "not-needed", configuration: baseURL ? { baseURL } : undefined });
  },
  async transformers({ model }) {
    const mod = await import("@langchain/community/embeddings/huggingface_transformers").catch((cause: unknown) => {
      throw new EmbeddingsError("EMBEDDINGS_PROVIDER=transformers needs: npm install @huggingface/transformers", { cause });
    });
    return new mod.HuggingFaceTransformersEmbeddings({ model });
  },
};

/**
 * Builds the embedder chosen in the configuration (default: {@link HashedNgramEmbeddings}).
 * Optional embedders are loaded lazily, so neither is needed to install or test the project.
 */
export async function createEmbeddings(
  config: Pick<Config, "EMBEDDINGS_PROVIDER" | "EMBEDDINGS_MODEL" | "EMBEDDINGS_BASE_URL" | "EMBEDDINGS_API_KEY">,
  loaders: EmbedderLoaders = defaultLoaders,
): Promise<IdentifiedEmbeddings> {
  const provider = config.EMBEDDINGS_PROVIDER ?? "hashed";
  if (provider === "hashed") return new HashedNgramEmbeddings();
  const model = config.EMBEDDINGS_MODEL;
  if (!model) throw new EmbeddingsError(`EMBEDDINGS_MODEL is required when EMBEDDINGS_PROVIDER=${provider}`);
  const inner =
    provider === "openai"
      ? await loaders.openai({ model, baseURL: config.EMBEDDINGS_BASE_URL, apiKey: config.EMBEDDINGS_API_KEY })
      : await loaders.transformers({ model });
  const info: EmbedderInfo = {
    id: `${provider}:${model}${config.EMBEDDINGS_BASE_URL ? `@${config.EMBEDDINGS_BASE_URL}` : ""}`,
    version: 1,
  };
  return {
    info,
    embedDocuments: (docs) => inner.embedDocuments(docs),
    embedQuery: (q) => inner.embedQuery(q),
  };
}
