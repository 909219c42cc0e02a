import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { describe, expect, it } from "vitest";
import { createEmbeddings, type EmbedderLoaders, EmbeddingsError, HashedNgramEmbeddings } from "../../src/engine/embeddings.js";
import { isStopword } from "../../src/engine/lexicon.js";
import { skeleton, stemWord, tokenize, toLatin } from "../../src/engine/text.js";

/** The embedding worked out word by word with nothing remembered: what the remembered features must add up to, bit for bit. */
function referenceEmbed(text: string, dim: number): number[] {
  const fnv1a = (f: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < f.length; i++) h = Math.imul(h ^ f.charCodeAt(i), 0x01000193);
    return h >>> 0;
  };
  const v = new Float64Array(dim);
  const add = (feature: string, weight: number) => {
    const h = fnv1a(feature);
    v[h % dim]! += (h & 0x80000000 ? -1 : 1) * weight;
  };
  for (const t of tokenize(text)) {
    if (isStopword(t.lower)) continue;
    const stem = stemWord(t.lower, t.script);
    add(`w:${stem}`, 1);
    if (t.capitalized && t.script !== "digit") add(`s:${skeleton(t.lower)}`, 0.7);
    const padded = `^${toLatin(stem)}$`;
    const grams: string[] = [];
    for (const n of [3, 4]) for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
    for (const g of grams) add(`g:${g}`, 1 / Math.sqrt(grams.length));
  }
  const norm = Math.sqrt(v.reduce((a, x) => a + x * x, 0)) || 1;
  return Array.from(v, (x) => x / norm);
}

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
const norm = (a: number[]) => Math.sqrt(dot(a, a));
const cosine = (a: number[], b: number[]) => dot(a, b) / (norm(a) * norm(b));

describe("HashedNgramEmbeddings", () => {
  const e = new HashedNgramEmbeddings();

  it("should be deterministic across calls and instances", async () => {
    const text = "Министр встретился с делегацией Торговой палаты США.";
    const a = e.embed(text);
    expect(e.embed(text)).toEqual(a);
    expect(new HashedNgramEmbeddings().embed(text)).toEqual(a);
    expect(await e.embedQuery(text)).toEqual(a);
    expect(await e.embedDocuments([text, "другое"])).toEqual([a, e.embed("другое")]);
  });

  it("should add a word's remembered features exactly as working them out again would", () => {
    const texts = [
      "баку Баку БАКУ в Баку",
      "Байрамов встретился с Bayramov 10 февраля 2026 года",
      "Nümayəndə heyətində neçə şirkət var idi? Bakı bakı",
      "Who led the US Chamber of Commerce delegation? who Who",
    ];
    for (const text of [...texts, ...texts]) expect(e.embed(text)).toEqual(referenceEmbed(text, e.dim));
  });

  it("should have the configured dimension and unit norm", () => {
    expect(e.embed("Встреча в Баку")).toHaveLength(256);
    expect(e.info).toEqual({ id: "hashed-ngram", version: 1, dim: 256 });
    const small = new HashedNgramEmbeddings(64);
    const v = small.embed("Meeting in Baku");
    expect(v).toHaveLength(64);
    expect(small.info.dim).toBe(64);
    for (const text of ["Встреча в Баку", "Meeting in Baku", "Görüş Bakıda keçirilib", "31"])
      expect(norm(e.embed(text))).toBeCloseTo(1, 10);
  });

  it("should give a zero vector (not NaN) for text without content words", () => {
    const v = e.embed("и в на");
    expect(v.every((x) => x === 0)).toBe(true);
  });

  it("should put inflected Russian forms closer than unrelated sentences", () => {
    const a = e.embed("Делегация американских компаний");
    const b = e.embed("делегацией американской компании");
    const c = e.embed("Погода в Париже будет солнечной");
    expect(cosine(a, b)).toBeGreaterThan(0.8);
    expect(cosine(a, b)).toBeGreaterThan(cosine(a, c) + 0.5);
  });

  it("should put a name in Latin close to the same name in Cyrillic", () => {
    const lat = e.embed("Bayramov");
    const cyr = e.embed("Байрамов");
    const other = e.embed("Smith");
    // Shared skeleton and transliterated n-grams, against nothing shared at all.
    expect(cosine(lat, cyr)).toBeGreaterThan(cosine(lat, other) + 0.3);
    expect(cosine(e.embed("Choksi"), e.embed("Чокси"))).toBeGreaterThan(cosine(e.embed("Choksi"), e.embed("Пашинян")) + 0.3);
  });
});

describe("createEmbeddings", () => {
  const fake = (tag: string) => {
    const calls: { docs: string[][]; queries: string[] } = { docs: [], queries: [] };
    const inner: EmbeddingsInterface = {
      embedDocuments: async (docs: string[]) => {
        calls.docs.push(docs);
        return docs.map((d) => [d.length, tag.length]);
      },
      embedQuery: async (q: string) => {
        calls.queries.push(q);
        return [q.length, -1];
      },
    };
    return { inner, calls };
  };

  it("should default to the hashed embedder", async () => {
    const e = await createEmbeddings({
      EMBEDDINGS_PROVIDER: "hashed",
      EMBEDDINGS_MODEL: undefined,
      EMBEDDINGS_BASE_URL: undefined,
      EMBEDDINGS_API_KEY: undefined,
    });
    expect(e).toBeInstanceOf(HashedNgramEmbeddings);
    expect(e.info.id).toBe("hashed-ngram");
    const undef = await createEmbeddings({} as Parameters<typeof createEmbeddings>[0]);
    expect(undef).toBeInstanceOf(HashedNgramEmbeddings);
  });

  it("should wire the openai loader with model, base URL and key and delegate calls", async () => {
    const f = fake("openai");
    const seen: unknown[] = [];
    const loaders: EmbedderLoaders = {
      openai: async (opts) => {
        seen.push(opts);
        return f.inner;
      },
      transformers: async () => {
        throw new Error("wrong loader");
      },
    };
    const e = await createEmbeddings(
      {
        EMBEDDINGS_PROVIDER: "openai",
        EMBEDDINGS_MODEL: "text-embedding-3-small",
        EMBEDDINGS_BASE_URL: "http://localhost:9/v1",
        EMBEDDINGS_API_KEY: "k",
      },
      loaders,
    );
    expect(seen).toEqual([{ model: "text-embedding-3-small", baseURL: "http://localhost:9/v1", apiKey: "k" }]);
    expect(e.info.id).toContain("openai");
    expect(e.info.id).toContain("text-embedding-3-small");
    expect(await e.embedDocuments(["ab", "abcd"])).toEqual([
      [2, 6],
      [4, 6],
    ]);
    expect(await e.embedQuery("xyz")).toEqual([3, -1]);
    expect(f.calls).toEqual({ docs: [["ab", "abcd"]], queries: ["xyz"] });
  });

  it("should wire the transformers loader and give it a different id per model", async () => {
    const f = fake("transformers");
    const models: string[] = [];
    const loaders: EmbedderLoaders = {
      openai: async () => {
        throw new Error("wrong loader");
      },
      transformers: async ({ model }) => {
        models.push(model);
        return f.inner;
      },
    };
    const cfg = (model: string) => ({
      EMBEDDINGS_PROVIDER: "transformers" as const,
      EMBEDDINGS_MODEL: model,
      EMBEDDINGS_BASE_URL: undefined,
      EMBEDDINGS_API_KEY: undefined,
    });
    const a = await createEmbeddings(cfg("Xenova/multilingual-e5-small"), loaders);
    const b = await createEmbeddings(cfg("Xenova/LaBSE"), loaders);
    expect(models).toEqual(["Xenova/multilingual-e5-small", "Xenova/LaBSE"]);
    expect(a.info.id).toContain("transformers");
    expect(a.info.id).toContain("Xenova/multilingual-e5-small");
    expect(a.info.id).not.toBe(b.info.id);
    expect(await a.embedQuery("hello")).toEqual([5, -1]);
    expect(f.calls.queries).toEqual(["hello"]);
  });

  it.each(["openai", "transformers"] as const)("should throw EmbeddingsError without EMBEDDINGS_MODEL (%s)", async (provider) => {
    let loaded = false;
    const loaders: EmbedderLoaders = {
      openai: async () => {
        loaded = true;
        return fake("x").inner;
      },
      transformers: async () => {
        loaded = true;
        return fake("x").inner;
      },
    };
    const p = createEmbeddings(
      { EMBEDDINGS_PROVIDER: provider, EMBEDDINGS_MODEL: undefined, EMBEDDINGS_BASE_URL: undefined, EMBEDDINGS_API_KEY: undefined },
      loaders,
    );
    await expect(p).rejects.toBeInstanceOf(EmbeddingsError);
    await expect(p).rejects.toThrow(/EMBEDDINGS_MODEL/);
    expect(loaded).toBe(false);
  });
});
