/**
 * HNSW parameters by measured recall (issue 9): builds hnswlib graphs over the hashed n-gram
 * vectors of a synthetic corpus for a grid of (M, efConstruction) and reports, beside each
 * build time, recall@20 against exact (brute-force cosine) search at several search-time ef.
 *
 *   npm run bench:recall [-- --paragraphs 5000] [-- --queries 300]
 *
 * Queries are the generator's questions (fact and off-topic), embedded as the engine embeds
 * questions. Prints one table; the chosen parameters live in src/engine/index-store.ts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import hnswlib from "hnswlib-node";
import { loadCorpus } from "../src/engine/corpus.js";
import { HashedNgramEmbeddings } from "../src/engine/embeddings.js";
import { toSentences } from "../src/engine/sentences.js";
import { generateSyntheticCorpus } from "./synthetic-corpus.js";

const { values } = parseArgs({
  options: {
    paragraphs: { type: "string", default: "5000" },
    queries: { type: "string", default: "300" },
    grid: { type: "string", default: "8:100,16:100,16:200,24:100" },
    ef: { type: "string", default: "20,50,100,200" },
  },
});
const K = 20;
const paragraphs = Number(values.paragraphs);
const work = mkdtempSync(join(tmpdir(), "event-qa-recall-"));
try {
  const syn = generateSyntheticCorpus(join(work, "corpus"), {
    documents: 30,
    paragraphsPerDocument: Math.round(paragraphs / 30),
    questions: Number(values.queries),
  });
  const sentences = toSentences(loadCorpus(syn.dir).documents);
  const emb = new HashedNgramEmbeddings();
  const dim = emb.dim;
  const t0 = performance.now();
  const flat = new Float32Array(sentences.length * dim);
  const vectors = sentences.map((s, i) => {
    const v = emb.embed(s.text);
    flat.set(v, i * dim);
    return v;
  });
  const embedMs = performance.now() - t0;
  const queries = syn.questions.map((q) => emb.embed(q.question));
  // Exact top-K by cosine (vectors are unit length: cosine = dot product).
  const exact = queries.map((q) => {
    const scores = new Float32Array(sentences.length);
    for (let i = 0; i < sentences.length; i++) {
      let dot = 0;
      const off = i * dim;
      for (let d = 0; d < dim; d++) dot += q[d]! * flat[off + d]!;
      scores[i] = dot;
    }
    return new Set(
      Array.from(scores.keys())
        .sort((a, b) => scores[b]! - scores[a]! || a - b)
        .slice(0, K),
    );
  });
  console.log(
    `synthetic corpus: ${syn.paragraphs} paragraphs, ${sentences.length} sentences, ${dim} dims; ${queries.length} queries; embedding ${(embedMs / 1000).toFixed(1)} s`,
  );
  const efs = values.ef.split(",").map(Number);
  console.log(["M", "efConstruction", "build_s", ...efs.flatMap((ef) => [`recall@${K} ef=${ef}`, `ms/query ef=${ef}`])].join("\t"));
  for (const cell of values.grid.split(",")) {
    const [m, efc] = cell.split(":").map(Number) as [number, number];
    const index = new hnswlib.HierarchicalNSW("cosine", dim);
    index.initIndex(sentences.length, m, efc, 100);
    const b0 = performance.now();
    for (const [i, v] of vectors.entries()) index.addPoint(v, i);
    const buildS = (performance.now() - b0) / 1000;
    const row: string[] = [String(m), String(efc), buildS.toFixed(1)];
    for (const ef of efs) {
      index.setEf(ef);
      let hit = 0;
      const q0 = performance.now();
      queries.forEach((q, k) => {
        for (const label of index.searchKnn(q, K).neighbors) if (exact[k]!.has(label)) hit++;
      });
      row.push((hit / (queries.length * K)).toFixed(3), ((performance.now() - q0) / queries.length).toFixed(2));
    }
    console.log(row.join("\t"));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
