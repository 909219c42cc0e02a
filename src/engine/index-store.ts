/**
 * The persisted vector index: LangChain's HNSWLib (hnswlib-node, cosine space) in
 * `INDEX_DIR`, with a manifest that says what it was built from. A manifest that does not
 * match the corpus, the embedder or the chunking, or files that fail their checksums,
 * mean a rebuild. Builds go to a temporary folder that is renamed into place, so a good
 * index is never replaced by a half-built one.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { SynchronousInMemoryDocstore } from "@langchain/community/stores/doc/in_memory";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { Document } from "@langchain/core/documents";
import type { HierarchicalNSW } from "hnswlib-node";
import { GLOSSARY_CACHE, type GlossaryGroup } from "./corpus.js";
import type { EmbedderInfo, IdentifiedEmbeddings } from "./embeddings.js";
import { createLexicalIndex, type LexicalIndex, restoreLexicalIndex, serializeLexicalIndex } from "./lexical.js";
import { CHUNKING_VERSION, type Sentence } from "./sentences.js";
import { TUNING } from "./tuning.js";

export const MANIFEST_FILE = "manifest.json";
/** Names this application in the manifest: only a folder with our manifest is ever replaced. */
export const MANIFEST_APP = "event-qa-bot";
/** 4: `app`, `dimensions`, `hnsw` and the lexical index's file. 5: no docstore.json (SentenceDocstore). */
const MANIFEST_VERSION = 5;
/** The lexical index's file in INDEX_DIR (listed in the manifest like the vector store's). */
export const LEXICAL_FILE = "lexical.bin";
/** The vector store's files: hnswlib's graph and LangChain's args (space, dimensions). */
const HNSW_FILES = ["hnswlib.index", "args.json"];
/** The files an index of ours holds or held (what is left of it when its manifest was deleted). */
// The parsed glossary (corpus.ts) is kept beside the index too.
const INDEX_FILES = new Set(["hnswlib.index", "docstore.json", "args.json", LEXICAL_FILE, GLOSSARY_CACHE]);

/** What the lexical index needs besides the sentences (see createLexicalIndex). */
export interface LexicalInputs {
  glossary: GlossaryGroup[];
  docLang: (doc: string) => string;
  docDates?: Map<string, string | undefined>;
}

export interface IndexOptions {
  hnsw?: HnswParams;
  /** Given: the lexical index is built and saved with the vector index, and loaded with it. */
  lexical?: LexicalInputs;
}

/**
 * HNSW graph parameters (hnswlib's M, efConstruction, and ef at search time), chosen by
 * measured recall@20 against exact search and build time (`npm run bench:recall`, figures in
 * bench/README.md). On 20,000 synthetic paragraphs (56k sentences): LangChain's defaults
 * (M 16, efConstruction 200, search ef 20 since k = 20) reach recall 0.77; M 24 /
 * efConstruction 100 / ef 100 reaches 0.86 and builds about 3× faster (efConstruction
 * dominates insertion cost; ef 100 costs ~1 ms a query). Part of the manifest: a change
 * rebuilds the index.
 */
export interface HnswParams {
  m: number;
  efConstruction: number;
  efSearch: number;
}
export const HNSW_PARAMS: HnswParams = TUNING.hnsw;

export interface IndexManifest {
  app: typeof MANIFEST_APP;
  manifestVersion: number;
  /** Vector size: part of the index identity (an embedder can keep its name and change it). */
  dimensions: number;
  corpusHash: string;
  embedder: EmbedderInfo;
  hnsw: HnswParams;
  chunkingVersion: number;
  /** Sentence ids in index order (the vector store's labels). */
  count: number;
  /** sha256 of each stored file, checked before loading. */
  files: Record<string, string>;
  builtAt: string;
}

export class IndexError extends Error {
  override name = "IndexError";
}

export interface LoadedIndex {
  store: HNSWLib;
  /** The lexical index, when `lexical` inputs were given. */
  lexical?: LexicalIndex;
  manifest: IndexManifest;
  /** True when this call built the index (missing, stale or corrupt before). */
  rebuilt: boolean;
  /** Why it was rebuilt, for logs. */
  reason?: string;
}

/**
 * LangChain's docstore for the HNSW store, read from the engine's sentence table: label n is
 * sentence n, and its Document (the sentence's text, metadata `{ i, id }`) is made when a search
 * returns it. InMemoryDocstore held a Document with every sentence's text beside the engine's own
 * sentences (and its JSON file was parsed at every start). Documents added later through
 * LangChain's `addVectors` get labels past the sentences and are kept in the usual map.
 */
export class SentenceDocstore extends SynchronousInMemoryDocstore {
  constructor(private readonly sentences: readonly Sentence[]) {
    super();
  }

  override search(id: string): Document {
    const added = this._docs.get(id);
    if (added) return added;
    const s = /^\d+$/.test(id) ? this.sentences[Number(id)] : undefined;
    if (!s) throw new Error(`ID ${id} not found.`);
    return new Document({ pageContent: s.text, metadata: { i: s.index, id: s.id } });
  }
}

/** Saves the graph and LangChain's args.json (the documents are the sentence table's: no docstore.json). */
async function saveStore(store: HNSWLib, dir: string): Promise<void> {
  await store.index.writeIndex(join(dir, "hnswlib.index"));
  writeFileSync(join(dir, "args.json"), JSON.stringify(store.args));
}

/** Reads a store written by {@link saveStore}, its documents from `sentences`. */
async function loadStore(
  dir: string,
  sentences: readonly Sentence[],
  embeddings: IdentifiedEmbeddings,
  efSearch: number,
): Promise<HNSWLib> {
  const args = JSON.parse(readFileSync(join(dir, "args.json"), "utf8")) as { space: "cosine"; numDimensions: number };
  const { HierarchicalNSW } = await HNSWLib.imports();
  const index = new HierarchicalNSW(args.space, args.numDimensions);
  await index.readIndex(join(dir, "hnswlib.index"));
  index.setEf(efSearch); // ef is not stored in hnswlib's file
  return new HNSWLib(embeddings, { ...args, index, docstore: new SentenceDocstore(sentences) });
}

/**
 * sha256 of a file, read in 1 MB chunks: hnswlib.index is hundreds of MB at 50,000 paragraphs,
 * and reading it whole doubled the peak memory of every start and build (the copy sat beside
 * the graph hnswlib reads).
 */
export function sha256(path: string): string {
  const hash = createHash("sha256");
  const chunk = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, "r");
  try {
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) hash.update(chunk.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
}

/**
 * Whether a parsed manifest.json is this application's: `app: "event-qa-bot"`, or the shape of
 * our version-1 manifests (written before `app` existed). Any other manifest.json belongs to
 * someone else.
 */
export function isOurManifest(m: unknown): boolean {
  if (!m || typeof m !== "object" || Array.isArray(m)) return false;
  const r = m as Record<string, unknown>;
  if (r.app === MANIFEST_APP) return true;
  return (
    r.manifestVersion === 1 &&
    typeof r.corpusHash === "string" &&
    typeof r.chunkingVersion === "number" &&
    !!r.embedder &&
    typeof r.embedder === "object" &&
    !!r.files &&
    typeof r.files === "object"
  );
}

function readManifest(dir: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(readFileSync(join(dir, MANIFEST_FILE), "utf8")) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Refuses to replace a folder that is not our index: INDEX_DIR pointing at the corpus, the
 * project or another application's data by mistake must not delete it. Fine: an empty folder,
 * a folder with our manifest (or a broken one of ours: unreadable, `null`), and a folder that
 * holds nothing but our index files (its manifest was deleted).
 */
export function assertReplaceable(dir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new IndexError(`INDEX_DIR ${dir} is a file, not a folder`);
  const entries = readdirSync(dir);
  if (entries.length === 0) return;
  if (!entries.includes(MANIFEST_FILE)) {
    if (entries.every((e) => INDEX_FILES.has(e))) return;
    throw new IndexError(
      `INDEX_DIR ${dir} holds other files (no ${MANIFEST_FILE}): refusing to replace it; point INDEX_DIR at an empty or index folder`,
    );
  }
  const m = readManifest(dir);
  // An unreadable or null manifest among nothing but index files is ours, damaged.
  const damaged = !m.ok || m.value === null;
  if (damaged && entries.every((e) => e === MANIFEST_FILE || INDEX_FILES.has(e))) return;
  if (!m.ok || !isOurManifest(m.value))
    throw new IndexError(
      `INDEX_DIR ${dir} has a ${MANIFEST_FILE} that is not ${MANIFEST_APP}'s: refusing to replace it; point INDEX_DIR at an empty or index folder`,
    );
}

/** What an index must match to be used. */
interface Expected {
  corpusHash: string;
  embedder: EmbedderInfo;
  count: number;
  dimensions?: number;
  hnsw?: HnswParams;
}

/** The manifest file, parsed, or why it cannot be read. */
function readOurManifest(dir: string): IndexManifest | string {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file))
    return existsSync(dir) && readdirSync(dir).some((e) => INDEX_FILES.has(e) && e !== GLOSSARY_CACHE)
      ? "manifest missing"
      : "no index yet";
  try {
    const m = JSON.parse(readFileSync(file, "utf8")) as IndexManifest;
    if (!m || typeof m !== "object") return "manifest is not an object";
    return isOurManifest(m) ? m : `${MANIFEST_FILE} is not ${MANIFEST_APP}'s`;
  } catch {
    return "manifest is not valid JSON";
  }
}

/** The manifest's fields against what is expected, in order: the first mismatch names the reason. */
const MANIFEST_CHECKS: [reason: (m: IndexManifest, e: Expected) => string, ok: (m: IndexManifest, e: Expected) => boolean][] = [
  [() => "manifest version changed", (m) => m.manifestVersion === MANIFEST_VERSION],
  [() => "corpus changed", (m, e) => m.corpusHash === e.corpusHash],
  [() => "embedder changed", (m, e) => JSON.stringify(m.embedder) === JSON.stringify(e.embedder)],
  [
    (m, e) => `embedder vector size changed (${String(m.dimensions)} → ${e.dimensions})`,
    (m, e) => e.dimensions === undefined || m.dimensions === e.dimensions,
  ],
  [() => "HNSW parameters changed", (m, e) => JSON.stringify(m.hnsw) === JSON.stringify(e.hnsw ?? HNSW_PARAMS)],
  [() => "chunking changed", (m) => m.chunkingVersion === CHUNKING_VERSION],
  [() => "sentence count differs", (m, e) => m.count === e.count],
];

/** Whether every file the manifest lists is there with its checksum; else which is not. */
function checkFiles(dir: string, m: IndexManifest): string | null {
  for (const [name, hash] of Object.entries(m.files ?? {})) {
    const p = join(dir, name);
    if (!existsSync(p)) return `missing ${name}`;
    if (sha256(p) !== hash) return `${name} is corrupt (checksum mismatch)`;
  }
  return !m.files || Object.keys(m.files).length === 0 ? "manifest lists no files" : null;
}

/** Reads and checks the manifest; returns why the index cannot be used, or null if it can. */
export function checkIndex(dir: string, expected: Expected): string | null {
  const m = readOurManifest(dir);
  if (typeof m === "string") return m;
  const failed = MANIFEST_CHECKS.find(([, ok]) => !ok(m, expected));
  return failed ? failed[0](m, expected) : checkFiles(dir, m);
}

/**
 * Builds the index for `sentences` into a temporary sibling of `dir`, then swaps it in.
 * @param onProgress called with short progress lines (embedding can take a while).
 */
export async function buildIndex(
  dir: string,
  sentences: readonly Sentence[],
  embeddings: IdentifiedEmbeddings,
  corpusHash: string,
  onProgress?: (message: string) => void,
  options: IndexOptions = {},
): Promise<{ store: HNSWLib; manifest: IndexManifest; lexical?: LexicalIndex }> {
  const hnsw = options.hnsw ?? HNSW_PARAMS;
  const target = resolve(dir);
  assertReplaceable(target);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    const store = await embedAll(sentences, embeddings, hnsw, onProgress);
    mkdirSync(tmp, { recursive: true });
    await saveStore(store, tmp);
    let lexical: LexicalIndex | undefined;
    if (options.lexical) {
      const { glossary, docLang, docDates } = options.lexical;
      lexical = createLexicalIndex(sentences, glossary, docLang, docDates);
      writeFileSync(join(tmp, LEXICAL_FILE), serializeLexicalIndex(lexical));
    }
    const manifest = writeManifest(tmp, store, { corpusHash, embedder: embeddings.info, count: sentences.length, hnsw });
    // Swap: the old index (if any) moves aside only once the new one is complete.
    const old = `${target}.old-${process.pid}-${randomBytes(4).toString("hex")}`;
    if (existsSync(target)) renameSync(target, old);
    renameSync(tmp, target);
    rmSync(old, { recursive: true, force: true });
    return { store, manifest, lexical };
  } catch (cause) {
    rmSync(tmp, { recursive: true, force: true });
    throw cause instanceof IndexError
      ? cause
      : new IndexError(`building the index in ${dir} failed: ${(cause as Error).message}`, { cause });
  }
}

/**
 * Embeds the sentences and inserts them into one hnswlib graph. In small batches: few vectors are
 * alive at once, so the heap stays small (512-sentence batches cost ~60 MB more peak memory at
 * 5,000 paragraphs). The graph is sized once; the documents are the sentence table's
 * ({@link SentenceDocstore}).
 */
async function embedAll(
  sentences: readonly Sentence[],
  embeddings: IdentifiedEmbeddings,
  hnsw: HnswParams,
  onProgress?: (message: string) => void,
): Promise<HNSWLib> {
  onProgress?.(`embedding ${sentences.length} sentences…`);
  const { HierarchicalNSW } = await HNSWLib.imports();
  let index: HierarchicalNSW | undefined;
  let dim = 0;
  const batch = 64;
  for (let i = 0; i < sentences.length; i += batch) {
    const part = sentences.slice(i, i + batch);
    const vectors = await embeddings.embedDocuments(part.map((s) => s.text));
    if (!index) {
      dim = vectors[0]?.length ?? 0;
      if (!dim) throw new IndexError("the embedder returned no vectors");
      index = new HierarchicalNSW("cosine", dim);
      index.initIndex(sentences.length, hnsw.m, hnsw.efConstruction, 100);
    }
    if (vectors.length !== part.length)
      throw new IndexError(`the embedder returned ${vectors.length} vectors for ${part.length} sentences`);
    for (const [k, v] of vectors.entries()) {
      if (v.length !== dim) throw new IndexError(`the embedder returned vectors of ${v.length} and ${dim} dimensions`);
      index.addPoint(v, i + k);
    }
    if (sentences.length > 2000 && (i / batch) % 32 === 0)
      onProgress?.(`indexed ${Math.min(i + batch, sentences.length)}/${sentences.length}`);
  }
  if (!index) throw new IndexError("no sentences to index");
  index.setEf(hnsw.efSearch);
  const store = new HNSWLib(embeddings, { space: "cosine", numDimensions: dim, index, docstore: new SentenceDocstore(sentences) });
  // args.json holds the space and dimensions only
  delete (store.args as { index?: unknown }).index;
  delete (store.args as { docstore?: unknown }).docstore;
  return store;
}

/** Writes the manifest of the index saved in `dir`: what it was built from and each file's checksum. */
function writeManifest(
  dir: string,
  store: HNSWLib,
  built: { corpusHash: string; embedder: EmbedderInfo; count: number; hnsw: HnswParams },
): IndexManifest {
  const files: Record<string, string> = {};
  for (const name of [...HNSW_FILES, LEXICAL_FILE]) {
    if (existsSync(join(dir, name))) files[name] = sha256(join(dir, name));
  }
  const manifest: IndexManifest = {
    app: MANIFEST_APP,
    manifestVersion: MANIFEST_VERSION,
    dimensions: store.index.getNumDimensions(),
    corpusHash: built.corpusHash,
    embedder: built.embedder,
    hnsw: built.hnsw,
    chunkingVersion: CHUNKING_VERSION,
    count: built.count,
    files,
    builtAt: new Date().toISOString(),
  };
  writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  return manifest;
}

/**
 * The embedder's vector size, measured (its name may stay the same when it changes). Undefined
 * when the embedder cannot be reached now: the index is then checked without it.
 */
async function probeDimensions(embeddings: IdentifiedEmbeddings): Promise<number | undefined> {
  try {
    const v = await embeddings.embedQuery("index check");
    return v.length > 0 ? v.length : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Loads the index from `dir`, or (re)builds it when it is missing, stale or corrupt.
 * Never returns an index that does not match the given sentences.
 */
export async function loadOrBuildIndex(
  dir: string,
  sentences: readonly Sentence[],
  embeddings: IdentifiedEmbeddings,
  corpusHash: string,
  onProgress?: (message: string) => void,
  options: IndexOptions = {},
): Promise<LoadedIndex> {
  const reason = checkIndex(dir, {
    corpusHash,
    embedder: embeddings.info,
    count: sentences.length,
    dimensions: await probeDimensions(embeddings),
    hnsw: options.hnsw,
  });
  if (reason === null) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), "utf8")) as IndexManifest;
      let lexical: LexicalIndex | undefined;
      if (options.lexical) {
        if (!manifest.files[LEXICAL_FILE]) throw new Error(`no ${LEXICAL_FILE}`);
        const { glossary, docLang, docDates } = options.lexical;
        lexical = restoreLexicalIndex(readFileSync(join(dir, LEXICAL_FILE)), sentences, glossary, docLang, docDates);
      }
      const store = await loadStore(dir, sentences, embeddings, manifest.hnsw.efSearch);
      return { store, manifest, lexical, rebuilt: false };
    } catch (cause) {
      onProgress?.(`index in ${dir} could not be read (${(cause as Error).message}); rebuilding`);
      const built = await buildIndex(dir, sentences, embeddings, corpusHash, onProgress, options);
      return { ...built, rebuilt: true, reason: "unreadable" };
    }
  }
  onProgress?.(`building the index in ${dir} (${reason})`);
  const built = await buildIndex(dir, sentences, embeddings, corpusHash, onProgress, options);
  return { ...built, rebuilt: true, reason };
}
