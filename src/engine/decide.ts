/**
 * The decision to answer or refuse: one ordered list of rules, run by the engine and by
 * `npm run eval` alike. The first rule that decides wins. Rules of the "analysis" stage see
 * only the question; rules of the "evidence" stage also see what retrieval found.
 *
 * Whether the corpus is about what the question asks ("answerable") is not a hand-set
 * threshold but a logistic model over a few features, fitted on labelled questions
 * (`npm run eval -- --fit`; method and figures in the README, "The decision to answer").
 */
import type { Candidate } from "./evidence.js";
import type { AnalyzedQuestion } from "./question.js";
import { TUNING } from "./tuning.js";
import type { RefusalReason } from "./types.js";

/** What retrieval found for a question. */
export interface Evidence {
  ranked: Candidate[];
  bestCoverage: number;
  bestOwn: number;
  bestTypedCoverage: number;
  /** Cosine distance of the nearest sentence in the vector index (0 = same). */
  bestDistance: number;
  /** How much more than by chance BM25's best sentences lie in one document (evidence.ts, documentFocus). */
  focus: number;
  /** How much the question's concepts belong to the best sentence's document (evidence.ts, conceptFocus). */
  conceptFocus: number;
  /** How many documents the corpus has. */
  documents: number;
}

export interface Features {
  /** Share of concept weight that occurs anywhere in the corpus. */
  knownShare: number;
  /** Share of concept weight in unknown general words (nouns and adjectives a dictionary knows; not verb forms). */
  unknownContent: number;
  /** Share of concept weight in unknown names and words no dictionary knows. */
  unknownSpecific: number;
  /** Best share of concept weight found in one sentence and its paragraph neighbours. */
  bestCoverage: number;
  /** Best share found in one sentence alone. */
  bestOwn: number;
  /** log(1 + number of known concepts). */
  logKnown: number;
  /** 1 − the nearest sentence's cosine distance. */
  similarity: number;
  /** log(1 + the most of the question's own concepts that one sentence holds in full). */
  logHits: number;
  /** BM25's best sentences concentrated in one document, beyond chance (0 with one document). */
  docFocus: number;
  /** The question's concepts concentrated in the best sentence's document (0 with one document). */
  conceptFocus: number;
  /** 1 when the corpus has several documents (then docFocus can tell), else 0. */
  multiDocument: number;
}

/** The features of every question (fitted on all the labelled sets). */
export const FEATURE_NAMES = [
  "knownShare",
  "unknownContent",
  "unknownSpecific",
  "bestCoverage",
  "bestOwn",
  "logKnown",
  "similarity",
  "logHits",
] as const satisfies readonly (keyof Features)[];

/**
 * The features only a corpus of several documents has (0 with one): fitted on the
 * multi-document sets with the rest of the model held fixed, so the decision on a
 * single-article corpus is the same with or without them.
 */
export const MULTI_DOCUMENT_FEATURES = ["docFocus", "conceptFocus", "multiDocument"] as const satisfies readonly (keyof Features)[];

export function featuresOf(q: AnalyzedQuestion, e: Evidence): Features {
  const total = q.concepts.reduce((a, c) => a + c.weight, 0) || 1;
  const share = (pick: (c: AnalyzedQuestion["concepts"][number]) => boolean) =>
    q.concepts.filter(pick).reduce((a, c) => a + c.weight, 0) / total;
  return {
    knownShare: q.knownShare,
    unknownContent: share((c) => !c.known && !c.verb && c.specific !== true),
    unknownSpecific: share((c) => !c.known && c.specific === true),
    bestCoverage: e.bestCoverage,
    bestOwn: e.bestOwn,
    logKnown: Math.log1p(q.concepts.filter((c) => c.known).length),
    similarity: 1 - e.bestDistance,
    logHits: Math.log1p(e.ranked.reduce((m, c) => Math.max(m, c.hits), 0)),
    docFocus: e.documents > 1 ? e.focus : 0,
    conceptFocus: e.documents > 1 ? e.conceptFocus : 0,
    multiDocument: e.documents > 1 ? 1 : 0,
  };
}

/** The fitted model's probability that the corpus answers the question. */
export function answerability(f: Features, model = TUNING.answerability): number {
  let z = model.bias;
  for (const name of [...FEATURE_NAMES, ...MULTI_DOCUMENT_FEATURES]) z += model.weights[name] * f[name];
  return 1 / (1 + Math.exp(-z));
}

/**
 * An answer from retrieval; or `lead: "article"`, the headline and lead of the article ("what is it
 * about?"); or `lead: "kind"`, the first sentence of the only article that holds the kind of fact
 * asked for ("Дата?", "Who?").
 */
export type Decision = { kind: "answer"; lead?: "article" | "kind" } | { kind: "refuse"; reason: RefusalReason; fact?: string };

export interface DecisionInput {
  q: AnalyzedQuestion;
  /** How many documents the corpus has. */
  documents: number;
  evidence?: Evidence;
  /** Overrides the fitted model (calibration). */
  model?: typeof TUNING.answerability;
}

export interface Rule {
  name: string;
  stage: "analysis" | "evidence";
  /** A decision, or undefined to pass the question on to the next rule. */
  apply(input: DecisionInput): Decision | undefined;
}

/** The rules, in order. */
export const RULES: readonly Rule[] = [
  {
    name: "not a question",
    stage: "analysis",
    apply: ({ q }) => (q.intent !== "question" ? { kind: "refuse", reason: q.intent } : undefined),
  },
  {
    name: "about the article as a whole",
    stage: "analysis",
    // …unless it names something the corpus does not have ("summarise the news about Ukraine").
    apply: ({ q }) => (q.aboutArticle && !q.concepts.some((c) => c.specific) ? { kind: "answer", lead: "article" } : undefined),
  },
  {
    name: "nothing to look for",
    stage: "analysis",
    apply: ({ q, documents }) => {
      if (q.concepts.length > 0) return undefined;
      // "Дата?": with a single article, a question about its event.
      return documents === 1 && q.kind.type !== "none" ? { kind: "answer", lead: "kind" } : { kind: "refuse", reason: "weak_evidence" };
    },
  },
  {
    name: "the corpus knows none of its words",
    stage: "analysis",
    apply: ({ q }) =>
      !q.concepts.some((c) => c.degree >= TUNING.answerability.minKnownDegree) ? { kind: "refuse", reason: "off_topic" } : undefined,
  },
  {
    name: "counts a thing the corpus never mentions",
    stage: "analysis",
    apply: ({ q }) => (q.kind.countUnknown ? { kind: "refuse", reason: "missing_fact", fact: "count" } : undefined),
  },
  {
    name: "the corpus is not about this",
    stage: "evidence",
    apply: ({ q, evidence, model }) =>
      evidence && answerability(featuresOf(q, evidence), model) < (model ?? TUNING.answerability).threshold
        ? { kind: "refuse", reason: q.knownShare < TUNING.answerability.offTopicBelowKnownShare ? "off_topic" : "weak_evidence" }
        : undefined,
  },
  {
    name: "no sentence covers the question",
    stage: "evidence",
    apply: ({ evidence }) =>
      evidence && evidence.bestCoverage < TUNING.gates.minCoverage ? { kind: "refuse", reason: "weak_evidence" } : undefined,
  },
  {
    name: "no sentence holds the kind of fact asked for",
    stage: "evidence",
    apply: ({ q, evidence }) =>
      evidence && !evidence.ranked.some((c) => c.typeOk && c.coverage >= TUNING.gates.minCoverage)
        ? { kind: "refuse", reason: "missing_fact", fact: q.kind.type }
        : undefined,
  },
];

/** Runs the rules of one stage; undefined when none decided. */
export function decide(input: DecisionInput, stage: Rule["stage"]): (Decision & { rule: string }) | undefined {
  for (const rule of RULES) {
    if (rule.stage !== stage) continue;
    const d = rule.apply(input);
    if (d) return { ...d, rule: rule.name };
  }
  return undefined;
}
