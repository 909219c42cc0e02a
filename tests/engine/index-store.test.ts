import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Document } from "@langchain/core/documents";
import { afterEach, describe, expect, it } from "vitest";
import { HashedNgramEmbeddings, type IdentifiedEmbeddings } from "../../src/engine/embeddings.js";
import {
  buildIndex,
  checkIndex,
  HNSW_PARAMS,
  IndexError,
  LEXICAL_FILE,
  loadOrBuildIndex,
  MANIFEST_FILE,
  SentenceDocstore,
  sha256,
} from "../../src/engine/index-store.js";
import { toSentences } from "../../src/engine/sentences.js";
import type { CorpusDocument } from "../../src/engine/types.js";
import { tempDirs } from "../fixtures/paths.js";

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

/** An embedder with the same identity as `base` whose document embedding fails. */
function failing(base: IdentifiedEmbeddings): IdentifiedEmbeddings {
  return {
    info: base.info,
    embedQuery: (q) => base.embedQuery(q),
    embedDocuments: async () => {
      throw new Error("embedding service is down");
    },
  };
}

const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString("base64")]));

describe("index store", () => {
  const tmp = tempDirs();
  afterEach(() => tmp.cleanup());
  const emb = new HashedNgramEmbeddings();

  it("should refuse to replace a folder that is not an index, and leave it untouched", async () => {
    const dir = tmp.make();
    writeFileSync(join(dir, "keep.txt"), "an article");
    await expect(loadOrBuildIndex(dir, SENTENCES, emb, "hash-1")).rejects.toThrow(IndexError);
    expect(readdirSync(dir)).toEqual(["keep.txt"]);
  });

  it("should rebuild when the manifest is valid JSON but not an object", async () => {
    const dir = join(tmp.make(), "index");
    await loadOrBuildIndex(dir, SENTENCES, emb, "hash-1");
    writeFileSync(join(dir, MANIFEST_FILE), "null");
    const again = await loadOrBuildIndex(dir, SENTENCES, emb, "hash-1");
    expect(again.rebuilt).toBe(true);
    expect(again.reason).toBe("manifest is not an object");
  });

  it("should save the lexical index with the vector index and read it back on load", async () => {
    const dir = join(tmp.make(), "index");
    const lexical = { glossary: [], docLang: () => "ru" };
    const first = await loadOrBuildIndex(dir, SENTENCES, emb, "hash-1", undefined, { lexical });
    expect(Object.keys(first.manifest.files)).toContain(LEXICAL_FILE);
    expect(first.manifest.hnsw).toEqual(HNSW_PARAMS);
    const second = await loadOrBuildIndex(dir, SENTENCES, emb, "hash-1", undefined, { lexical });
    expect(second.rebuilt).toBe(false);
    expect([...second.lexical!.df]).toEqual([...first.lexical!.df]);
    expect(second.lexical!.postings.get("компан")?.ids).toBeDefined();
    // Other HNSW parameters mean a rebuild.
    const third = await loadOrBuildIndex(dir, SENTENCES, emb, "hash-1", undefined, { lexical, hnsw: { ...HNSW_PARAMS, m: 8 } });
    expect(third.reason).toBe("HNSW parameters changed");
  });

  it("should build a missing index, then load it without rebuilding", async () => {
    const dir = join(tmp.make(), "index");
    const first = await loadOrBuildIndex(dir, SENTENCES, emb, "hash-1");
    expect(first.rebuilt).toBe(true);
    expect(first.reason).toBe("no index yet");
    expect(first.manifest).toMatchObject({ corpusHash: "hash-1", embedder: emb.info, count: SENTENCES.length });
    expect(Object.keys(first.manifest.files)).toContain("hnswlib.index");
    expect(checkIndex(dir, { corpusHash: "hash-1", embedder: emb.info, count: SENTENCES.length })).toBeNull();

    const before = snapshot(dir);
    const second = await loadOrBuildIndex(dir, SENTENCES, emb, "hash-1");
    expect(second.rebuilt).toBe(false);
    expect(second.manifest.builtAt).toBe(first.manifest.builtAt);
    expect(snapshot(dir)).toEqual(before);

    // The loaded store finds the sentence about the companies.
    const hits = await second.store.similaritySearchVectorWithScore(emb.embed("представители компаний"), 1);
    expect(hits[0]?.[0].pageContent).toBe("В делегацию вошли представители 31 компании.");
    expect(hits[0]?.[0].metadata.i).toBe(2);
  });

  it("should rebuild when the corpus hash changes", async () => {
    const dir = join(tmp.make(), "index");
    await loadOrBuildIndex(dir, SENTENCES, emb, "hash-1");
    const r = await loadOrBuildIndex(dir, SENTENCES, emb, "hash-2");
    expect(r.rebuilt).toBe(true);
    expect(r.reason).toBe("corpus changed");
    expect(JSON.parse(readFileSync(join(dir, MANIFEST_FILE), "utf8")).corpusHash).toBe("hash-2");
  });

  it("should rebuild when the embedder changes", async () => {
    const dir = join(tmp.make(), "index");
    await loadOrBuildIndex(dir, SENTENCES, emb, "hash-1");
    const other = new HashedNgramEmbeddings(128);
    const r = await loadOrBuildIndex(dir, SENTENCES, other, "hash-1");
    expect(r.rebuilt).toBe(true);
    expect(r.reason).toBe("embedder changed");
    expect(r.manifest.embedder).toEqual({ id: "hashed-ngram", version: 1, dim: 128 });
    const again = await loadOrBuildIndex(dir, SENTENCES, other, "hash-1");
    expect(again.rebuilt).toBe(false);
  });

  it("should rebuild when the sentence count differs", async () => {
    const dir = join(tmp.make(), "index");
    await loadOrBuildIndex(dir, SENTENCES, emb, "hash-1");
    const r = await loadOrBuildIndex(dir, SENTENCES.slice(0, 2), emb, "hash-1");
    expect(r.rebuilt).toBe(true);
    expect(r.reason).toBe("sentence count differs");
  });

  it("should detect a corrupt hnswlib.index by its checksum and rebuild a working store", async () => {
    const dir = join(tmp.make(), "index");
    await loadOrBuildIndex(dir, SENTENCES, emb, "hash-1");
    const file = join(dir, "hnswlib.index");
    const size = readFileSync(file).length;
    writeFileSync(file, Buffer.alloc(size, 0xab));
    expect(checkIndex(dir, { corpusHash: "hash-1", embedder: emb.info, count: SENTENCES.length })).toBe(
      "hnswlib.index is corrupt (checksum mismatch)",
    );

    const r = await loadOrBuildIndex(dir, SENTENCES, emb, "hash-1");
    expect(r.rebuilt).toBe(true);
    expect(r.reason).toMatch(/corrupt/);
    expect(readFileSync(file).equals(Buffer.alloc(size, 0xab))).toBe(false);
    const hits = await r.store.similaritySearchVectorWithScore(emb.embed("энергетика транспорт"), 1);
    expect(hits[0]?.[0].pageContent).toBe("Обсуждали энергетику и транспорт.");
    expect((await loadOrBuildIndex(dir, SENTENCES, emb, "hash-1")).rebuilt).toBe(false);
  });

  it("should rebuild when a listed file no longer matches its checksum", async () => {
    const dir = join(tmp.make(), "index");
    await loadOrBuildIndex(dir, SENTENCES, emb, "hash-1");
    writeFileSync(join(dir, "args.json"), "{}");
    const r = await loadOrBuildIndex(dir, SENTENCES, emb, "hash-1");
    expect(r.rebuilt).toBe(true);
    expect(r.reason).toBe("args.json is corrupt (checksum mismatch)");
  });

  it.each([["garbage bytes", Buffer.from([0x00, 0xff, 0x13, 0x37]), "manifest is not valid JSON"]])(
    "should rebuild when the manifest is %s",
    async (_label, bytes, reason) => {
      const dir = join(tmp.make(), "index");
      await loadOrBuildIndex(dir, SENTENCES, emb, "hash-1");
      writeFileSync(join(dir, MANIFEST_FILE), bytes);
      const r = await loadOrBuildIndex(dir, SENTENCES, emb, "hash-1");
      expect(r.rebuilt).toBe(true);
      expect(r.reason).toBe(reason);
      expect(JSON.parse(readFileSync(join(dir, MANIFEST_FILE), "utf8")).corpusHash).toBe("hash-1");
    },
  );

  it("should refuse to replace the folder when the manifest is valid JSON that is not this application's", async () => {
    const dir = join(tmp.make(), "index");
    await loadOrBuildIndex(dir, SENTENCES, emb, "hash-1");
    writeFileSync(join(dir, MANIFEST_FILE), '{"hello":"world"}');
    const before = snapshot(dir);
    await expect(loadOrBuildIndex(dir, SENTENCES, emb, "hash-1")).rejects.toThrow(/not event-qa-bot's/);
    expect(snapshot(dir)).toEqual(before);
  });

  it("should leave no temporary or old folders after builds", async () => {
    const parent = tmp.make();
    const dir = join(parent, "index");
    await loadOrBuildIndex(dir, SENTENCES, emb, "hash-1");
    await loadOrBuildIndex(dir, SENTENCES, emb, "hash-2");
    expect(readdirSync(parent)).toEqual(["index"]);
    expect(readdirSync(dir).sort()).toEqual([MANIFEST_FILE, "args.json", "hnswlib.index"].sort());
  });

  it("should leave the previous good index untouched when the embedder fails during a build", async () => {
    const parent = tmp.make();
    const dir = join(parent, "index");
    await loadOrBuildIndex(dir, SENTENCES, emb, "hash-1");
    const before = snapshot(dir);

    const bad = failing(emb);
    await expect(buildIndex(dir, SENTENCES, bad, "hash-2")).rejects.toThrow(IndexError);
    await expect(loadOrBuildIndex(dir, SENTENCES, bad, "hash-2")).rejects.toThrow(/embedding service is down/);

    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(parent)).toEqual(["index"]);
    const r = await loadOrBuildIndex(dir, SENTENCES, emb, "hash-1");
    expect(r.rebuilt).toBe(false);
  });

  it("should fail with IndexError when the embedder returns no vectors, leaving nothing behind", async () => {
    const parent = tmp.make();
    const dir = join(parent, "index");
    const empty: IdentifiedEmbeddings = { info: { id: "empty", version: 1 }, embedQuery: async () => [], embedDocuments: async () => [] };
    await expect(buildIndex(dir, SENTENCES, empty, "hash-1")).rejects.toThrow(/no vectors/);
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });

  it("should keep no sentence text in the vector store, reading its documents from the sentence table", async () => {
    const dir = join(tmp.make(), "index");
    const built = await loadOrBuildIndex(dir, SENTENCES, emb, "hash-1");
    const loaded = await loadOrBuildIndex(dir, SENTENCES, emb, "hash-1");
    expect(loaded.rebuilt).toBe(false);
    for (const { store } of [built, loaded]) {
      expect(store.docstore).toBeInstanceOf(SentenceDocstore);
      expect(store.docstore._docs.size).toBe(0);
      const hits = await store.similaritySearchVectorWithScore(emb.embed("энергетика транспорт"), 1);
      expect(hits[0]?.[0].pageContent).toBe("Обсуждали энергетику и транспорт.");
      expect(hits[0]?.[0].metadata).toEqual({ i: 3, id: SENTENCES[3]!.id });
    }
    expect(readFileSync(join(dir, "args.json"), "utf8")).not.toContain("энергетик");
  });

  it("should still take documents added through LangChain's addDocuments, after the sentences", async () => {
    const dir = join(tmp.make(), "index");
    const { store } = await loadOrBuildIndex(dir, SENTENCES, emb, "hash-1");
    await store.addDocuments([new Document({ pageContent: "Погода в Баку солнечная.", metadata: { note: 1 } })]);
    const hits = await store.similaritySearchVectorWithScore(emb.embed("погода солнечная"), 1);
    expect(hits[0]?.[0].pageContent).toBe("Погода в Баку солнечная.");
    expect(() => store.docstore.search("999")).toThrow(/not found/);
  });

  it("should hash a file of several chunks the same as hashing it whole", () => {
    const file = join(tmp.make(), "big.bin");
    const bytes = Buffer.alloc((1 << 20) * 2 + 12345);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
    writeFileSync(file, bytes);
    expect(sha256(file)).toBe(createHash("sha256").update(bytes).digest("hex"));
  });
});
