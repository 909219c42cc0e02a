import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../../src/engine/corpus.js";
import { formatVerifierLine, loadVerifierSet, runVerifierSet } from "../../../src/engine/llm/verifier-set.js";
import { CORPUS_DIR } from "../../fixtures/paths.js";

// eval/verifier.jsonl: planted errors and injections (must be rejected) and honest answers as a
// capable model writes them (must be shown), in ru/en/az, over verbatim corpus sentences.
describe("the verifier's planted-error and honest set", () => {
  const corpus = loadCorpus(CORPUS_DIR);
  const doc = corpus.documents[0]!;
  const cases = loadVerifierSet("eval/verifier.jsonl");
  const result = runVerifierSet(
    cases,
    { id: doc.id, title: doc.title, date: doc.date },
    { equivalents: corpus.glossary.map((g) => g.terms.map((t) => t.text)) },
  );
  console.log(formatVerifierLine(result));
  for (const m of result.misses) console.log(`  ${m.expected === "accept" ? "hidden honest" : "shown planted"} ${m.id}: ${m.reply}`);

  it("should hold at least 60 planted/injected and 60 honest cases in ru, en and az", () => {
    expect(result.rejects).toBeGreaterThanOrEqual(60);
    expect(result.honest).toBeGreaterThanOrEqual(60);
    for (const lang of ["ru", "en", "az"]) {
      expect(cases.filter((c) => c.lang === lang && c.expected === "reject").length).toBeGreaterThan(5);
      expect(cases.filter((c) => c.lang === lang && c.expected === "accept").length).toBeGreaterThan(5);
    }
  });

  it("should catch at least 95 % of planted errors and injections", () => {
    expect(result.caught / result.rejects).toBeGreaterThanOrEqual(0.95);
  });

  it("should show at least 95 % of honest answers", () => {
    expect(result.shown / result.honest).toBeGreaterThanOrEqual(0.95);
  });

  it("should catch every case quoted in issue 10", () => {
    const issue = cases.filter((c) => c.note.startsWith("issue:"));
    expect(issue.length).toBeGreaterThanOrEqual(9);
    const shown = result.misses.filter((m) => m.expected === "reject").map((m) => m.id);
    expect(issue.filter((c) => shown.includes(c.id))).toEqual([]);
  });
});

describe("the verifier on the corpus itself", () => {
  it("should accept every corpus sentence, verbatim and cited, as an answer", async () => {
    const { toSentences } = await import("../../../src/engine/sentences.js");
    const { verifyGeneration } = await import("../../../src/engine/llm/verify.js");
    const corpus = loadCorpus(CORPUS_DIR);
    const equivalents = corpus.glossary.map((g) => g.terms.map((t) => t.text));
    const sentences = toSentences(corpus.documents);
    const doc = corpus.documents[0]!;
    const rejected = sentences
      .map((s) => ({
        text: s.text,
        r: verifyGeneration(`${s.text} [1]`, [{ n: 1, quote: s.text, doc: doc.id, title: doc.title, date: doc.date }], { equivalents }),
      }))
      .filter((x) => !x.r.ok);
    expect(rejected).toEqual([]);
  });
});
