import { describe, expect, it } from "vitest";
import { answerability, decide, type Evidence, featuresOf, RULES } from "../../src/engine/decide.js";
import type { AnalyzedQuestion, Concept } from "../../src/engine/question.js";
import { TUNING } from "../../src/engine/tuning.js";

const concept = (label: string, known: boolean, extra: Partial<Concept> = {}): Concept => ({
  label,
  alternatives: [{ stems: [label], prefixes: [] }],
  weight: 1,
  known,
  degree: known ? 1 : 0,
  ...extra,
});

function question(concepts: Concept[], extra: Partial<AnalyzedQuestion> = {}): AnalyzedQuestion {
  const total = concepts.reduce((a, c) => a + c.weight, 0) || 1;
  return {
    text: "q",
    normalized: "q",
    lang: "ru",
    intent: "question",
    kind: { type: "none" },
    concepts,
    knownShare: concepts.reduce((a, c) => a + c.weight * c.degree, 0) / total,
    query: new Map(),
    expanded: "q",
    aboutArticle: false,
    followUp: false,
    mayFollowUp: false,
    ...extra,
  };
}

const evidence = (coverage: number, typeOk = true): Evidence => ({
  ranked: [{ i: 0, own: coverage, coverage, hits: 2, score: coverage, typeOk }],
  bestCoverage: coverage,
  bestOwn: coverage,
  bestTypedCoverage: typeOk ? coverage : 0,
  bestDistance: 0.5,
  focus: 0,
  conceptFocus: 0,
  documents: 1,
});

describe("the rule list", () => {
  it("should name every rule and keep analysis rules before evidence rules", () => {
    const stages = RULES.map((r) => r.stage);
    expect(stages.lastIndexOf("analysis")).toBeLessThan(stages.indexOf("evidence"));
    expect(new Set(RULES.map((r) => r.name)).size).toBe(RULES.length);
  });

  it("should refuse injections, tasks and small talk before anything else", () => {
    for (const intent of ["injection", "task", "small_talk", "empty"] as const)
      expect(decide({ q: question([concept("x", true)], { intent }), documents: 1 }, "analysis")).toMatchObject({
        kind: "refuse",
        reason: intent,
      });
  });

  it("should answer 'what is the article about?' with the lead", () => {
    expect(decide({ q: question([], { aboutArticle: true }), documents: 2 }, "analysis")).toMatchObject({
      kind: "answer",
      lead: "article",
    });
  });

  it("should not answer 'summarise the news about Ukraine' with the lead when the corpus lacks Ukraine", () => {
    const q = question([concept("Ukraine", false, { specific: true })], { aboutArticle: true });
    expect(decide({ q, documents: 1 }, "analysis")).toMatchObject({ kind: "refuse", reason: "off_topic" });
  });

  it("should answer a bare 'Дата?' from the only article, and refuse it when there are several", () => {
    const q = question([], { kind: { type: "date" } });
    expect(decide({ q, documents: 1 }, "analysis")).toMatchObject({ kind: "answer", lead: "kind" });
    expect(decide({ q, documents: 3 }, "analysis")).toMatchObject({ kind: "refuse", reason: "weak_evidence" });
  });

  it("should refuse as off-topic a question none of whose words the corpus has", () => {
    expect(decide({ q: question([concept("погода", false), concept("париж", false)]), documents: 1 }, "analysis")).toMatchObject({
      kind: "refuse",
      reason: "off_topic",
    });
  });

  it("should refuse when no sentence holds the kind of fact asked for", () => {
    const q = question([concept("встреча", true), concept("длилась", true)], { kind: { type: "duration" } });
    expect(decide({ q, documents: 1, evidence: evidence(1, false) }, "evidence")).toMatchObject({
      kind: "refuse",
      reason: "missing_fact",
      fact: "duration",
    });
  });

  it("should let a well-covered question through every rule", () => {
    const q = question([concept("компании", true), concept("делегация", true)], { kind: { type: "count" } });
    expect(decide({ q, documents: 1 }, "analysis")).toBeUndefined();
    expect(decide({ q, documents: 1, evidence: evidence(1) }, "evidence")).toBeUndefined();
  });
});

describe("answerability", () => {
  it("should rise with coverage and fall with unknown words", () => {
    const known = question([concept("a", true), concept("b", true)]);
    const half = question([concept("a", true), concept("b", false, { specific: true })]);
    expect(answerability(featuresOf(known, evidence(1)))).toBeGreaterThan(answerability(featuresOf(known, evidence(0.3))));
    expect(answerability(featuresOf(known, evidence(1)))).toBeGreaterThan(answerability(featuresOf(half, evidence(0.5))));
  });

  it("should be a probability computed from the fitted table", () => {
    const p = answerability(featuresOf(question([concept("a", true)]), evidence(0.8)));
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    const flat = {
      ...TUNING.answerability,
      bias: 0,
      weights: Object.fromEntries(Object.keys(TUNING.answerability.weights).map((k) => [k, 0])) as typeof TUNING.answerability.weights,
    };
    expect(answerability(featuresOf(question([concept("a", true)]), evidence(0.8)), flat)).toBe(0.5);
  });
});

describe("the multi-document terms of the answerability model", () => {
  const q = question([concept("a", true), concept("b", true)]);
  const withFocus = (focus: number, documents: number): Evidence => ({ ...evidence(0.5), focus, documents });

  it("should leave the decision on a single-article corpus as it was, whatever the focus", () => {
    expect(featuresOf(q, withFocus(0.9, 1))).toMatchObject({ docFocus: 0, multiDocument: 0 });
    expect(answerability(featuresOf(q, withFocus(0.9, 1)))).toBe(answerability(featuresOf(q, withFocus(0, 1))));
  });

  it("should make a question whose matches gather in one of several documents more answerable than one whose matches scatter", () => {
    expect(answerability(featuresOf(q, withFocus(0.8, 10)))).toBeGreaterThan(answerability(featuresOf(q, withFocus(0.05, 10))));
  });
});
