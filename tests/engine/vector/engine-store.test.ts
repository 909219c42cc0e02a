import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config.js";
import { createEngine, type EngineInternals } from "../../../src/engine/engine.js";
import type { EngineResult } from "../../../src/engine/types.js";
import { CORPUS_DIR, tempDirs } from "../../fixtures/paths.js";

const QUESTIONS = [
  "Сколько компаний было в делегации?",
  "Кто возглавлял делегацию?",
  "Когда и где прошла встреча?",
  "Who led the delegation?",
  "What is the TRIPP route?",
  "Какая погода будет завтра в Париже?",
];

/** What a reader sees of a result: kind, short answer, cited quotes (or the refusal's reason). */
const view = (r: EngineResult) =>
  r.kind === "answer" ? { kind: r.kind, short: r.short, quotes: r.citations.map((c) => c.quote) } : { kind: r.kind, reason: r.reason };

describe("the engine with VECTOR_STORE=memory", () => {
  const tmp = tempDirs();
  let hnsw: EngineInternals;
  let memory: EngineInternals;
  let memoryIndexDir: string;

  beforeAll(async () => {
    memoryIndexDir = join(tmp.make(), "index");
    hnsw = await createEngine({ CORPUS_DIR, INDEX_DIR: join(tmp.make(), "index"), VECTOR_STORE: "hnswlib" }, { warmUp: false });
    memory = await createEngine({ CORPUS_DIR, INDEX_DIR: memoryIndexDir, VECTOR_STORE: "memory" }, { warmUp: false });
  });
  afterAll(async () => {
    await hnsw?.close();
    await memory?.close();
    tmp.cleanup();
  });

  it("should run on the memory adapter and write no index files", () => {
    expect(hnsw.vectors.store).toBe("hnswlib");
    expect(memory.vectors.store).toBe("memory");
    expect(memory.vectors.size).toBe(hnsw.vectors.size);
    expect(existsSync(memoryIndexDir) ? readdirSync(memoryIndexDir) : []).toEqual([]);
  });

  it("should cite the sentence with 31 for the delegation count", async () => {
    const r = await memory.ask("Сколько компаний было в делегации?", { extractiveOnly: true });
    expect(r.kind).toBe("answer");
    if (r.kind !== "answer") return;
    expect(r.citations[0]!.quote).toContain("31");
    expect(r.short).toContain("31");
  });

  it("should give the same answers and refusals as hnswlib, from the same vector evidence", async () => {
    const answered: string[] = [];
    let searched = 0;
    for (const q of QUESTIONS) {
      const a = await hnsw.askWithTrace(q, { extractiveOnly: true });
      const b = await memory.askWithTrace(q, { extractiveOnly: true });
      expect(view(b.result), q).toEqual(view(a.result));
      if (a.result.kind === "answer") answered.push(q);
      // The answers alone barely depend on the vectors on one article (BM25 finds every sentence):
      // the nearest distance and the candidates' order are what each store contributes.
      if (a.trace?.evidence) {
        searched++;
        expect(b.trace?.bestDistance, q).toBeCloseTo(a.trace.bestDistance, 4);
        expect(
          b.trace?.evidence?.ranked.map((c) => c.i),
          q,
        ).toEqual(a.trace.evidence.ranked.map((c) => c.i));
      }
    }
    expect(searched).toBeGreaterThanOrEqual(4);
    // The comparison means something only if most questions were answered (and one refused).
    expect(answered.length).toBeGreaterThanOrEqual(4);
    expect(answered).not.toContain("Какая погода будет завтра в Париже?");
  });

  it("should default to hnswlib and reject an unknown store in the configuration", () => {
    expect(parseConfig({}).VECTOR_STORE).toBe("hnswlib");
    expect(parseConfig({ VECTOR_STORE: "memory" }).VECTOR_STORE).toBe("memory");
    expect(() => parseConfig({ VECTOR_STORE: "redis" })).toThrow(/VECTOR_STORE/);
  });
});
