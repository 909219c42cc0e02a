/**
 * ask(), as visible stages: analyse the question → the analysis rules → retrieve (BM25 + vectors)
 * → the evidence rules → the model's verified answer or the extractive one (the direct answer
 * first, then the cited sentences). Every stage is a function of the engine's context.
 */

import type { Logger } from "../logger.js";
import type { Corpus } from "./corpus.js";
import { decide, type Evidence, type Features, featuresOf } from "./decide.js";
import type { IdentifiedEmbeddings } from "./embeddings.js";
import { conceptFocus, documentFocus, fuseRankings, holdsType, numberCounts, scoreCandidates, selectAnswer } from "./evidence.js";
import type { LazyLanguageDetector } from "./lang.js";
import { resolveRelativeYear } from "./language/calendar.js";
import type { CrossLexicon } from "./language/crosslang.js";
import { glossSpan } from "./language/gloss.js";
import { bm25, type LexicalIndex } from "./lexical.js";
import type { AnswerType } from "./lexicon.js";
import type { GenerativeAnswerer } from "./llm/index.js";
import { type AnalyzedQuestion, analyzeQuestion } from "./question.js";
import type { Sentence } from "./sentences.js";
import { answerSpan } from "./span.js";
import { TUNING } from "./tuning.js";
import type {
  AnswerResult,
  AnswerSpanRef,
  AskOptions,
  Citation,
  CorpusDocument,
  EngineResult,
  Lang,
  RefusalReason,
  RefusalResult,
} from "./types.js";
import type { VectorIndex } from "./vector/index.js";

/** What the stages work with: built once by createEngine. */
export interface EngineContext {
  corpus: Corpus;
  sentences: readonly Sentence[];
  docs: Map<string, CorpusDocument>;
  lexical: LexicalIndex;
  lexicon: CrossLexicon;
  vectors: VectorIndex;
  embeddings: IdentifiedEmbeddings;
  detector: LazyLanguageDetector;
  /** The model, when one is configured. */
  generator: GenerativeAnswerer | null;
  /** Language of the corpus (its first document's). */
  corpusLang: string;
  logger: Logger;
}

/** How many retrieved sentences the model sees. */
const PASSAGES_FOR_MODEL = 6;

/** Diagnostics of one question (for eval, calibration and debug logs). */
export interface Trace {
  question: AnalyzedQuestion;
  bestCoverage: number;
  bestTypedCoverage: number;
  bestDistance: number;
  /** The features of the answerability model (when retrieval ran). */
  features?: Features;
  evidence?: Evidence;
  /** The rule that decided (when one refused or answered early). */
  rule?: string;
}

export function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}

/** A refusal as structure: the reason, and for "missing_fact" the kind of fact (src/render words it). */
export function refuse(lang: Lang, reason: RefusalReason, started: number, fact?: string): RefusalResult {
  return { kind: "refusal", lang, reason, ...(reason === "missing_fact" && fact ? { fact } : {}), ms: elapsed(started) };
}

export function toCitation(ctx: EngineContext, s: Sentence, n: number): Citation {
  const d = ctx.docs.get(s.doc)!;
  return { n, quote: s.text, doc: d.id, title: d.title, date: d.date, url: d.url, part: s.part, start: s.start, end: s.end };
}

async function vectorSearch(ctx: EngineContext, text: string, k: number): Promise<{ i: number; distance: number }[]> {
  const vec = await ctx.embeddings.embedQuery(text);
  const hits = await ctx.vectors.search(vec, Math.min(k, ctx.sentences.length));
  return hits.filter((h) => ctx.sentences[h.i]);
}

/** The direct answer from sentence `i` (cited first): its span and the reader's wording of it. */
function shortAnswer(ctx: EngineContext, q: AnalyzedQuestion, i: number, lang: Lang): { short: string; span: AnswerSpanRef } | undefined {
  const span = answerSpan(
    ctx.lexical,
    q,
    i,
    (w) => ctx.lexicon.knowsRussian(w) || ctx.lexicon.knows(w, "en") || ctx.lexicon.fromRussian(w, "az").length > 0,
  );
  const { text, doc } = ctx.sentences[i]!;
  const raw = span ? text.slice(span.start, span.end) : text;
  // "8 августа прошлого года" → "8 августа 2025 года": a relative year from the article's date.
  const piece = span?.kind === "date" ? resolveRelativeYear(raw, ctx.lexical.docDates.get(doc)) : raw;
  // «Азинтехстрой»: a name in quotation marks is not declined.
  const quoted = span !== undefined && /[«"“]$/u.test(text.slice(0, span.start)) && /^[»"”]/u.test(text.slice(span.end));
  const short = glossSpan(piece, lang, { lexicon: ctx.lexicon, glossaryTerms: ctx.lexical.glossaryTerms, quoted }, span?.kind);
  if (!short) return undefined;
  return { short, span: { n: 1, start: span?.start ?? 0, end: span?.end ?? text.length, kind: span?.kind ?? "sentence" } };
}

/** The headline and lead sentence of the newest document: what "what is this about?" gets. */
function leadAnswer(ctx: EngineContext, lang: Lang, started: number, q: AnalyzedQuestion, type?: AnswerType): EngineResult {
  const doc = [...ctx.corpus.documents].sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""))[0]!;
  const own = ctx.sentences.filter((s) => s.doc === doc.id);
  // "How many people took part?": the first sentence that counts people.
  const holds = (i: number) => holdsType(ctx.lexical, i, type!) && (!q.kind.countsPeople || numberCounts(ctx.lexical, i, undefined));
  const typed = type ? own.find((s) => holds(s.index)) : undefined;
  // "Кто источник?" of an article that names none: the sources do not say, rather than its lead.
  if (type && !typed) return refuse(lang, "missing_fact", started, type);
  return extractive(
    ctx,
    q,
    lang,
    (typed ? [typed] : own.slice(0, 2)).map((s) => s.index),
    started,
  );
}

/** The languages of the cited documents, each once (a renderer notes those other than the reader's). */
const languagesOf = (ctx: EngineContext, list: Citation[]) => [...new Set(list.map((c) => ctx.docs.get(c.doc)!.lang))];

/** Stage 1: the question analysed, in the language it is written in (Latin-typed Russian is Russian). */
async function analyse(ctx: EngineContext, question: string, options: AskOptions): Promise<{ q: AnalyzedQuestion; lang: Lang }> {
  const detected = await ctx.detector.detect(String(question ?? "").slice(0, 1000), options.langHint);
  const q = analyzeQuestion(ctx.lexical, question, detected, { lexicon: ctx.lexicon, history: options.history });
  const lang: Lang = q.cyrillicReading ? "ru" : detected;
  q.lang = lang;
  return { q, lang };
}

/** With a model, a question in another language than the ctx.corpus is also searched in the model's translation. */
async function expandWithModel(ctx: EngineContext, q: AnalyzedQuestion, lang: Lang): Promise<string> {
  if (!ctx.generator || lang === ctx.corpusLang) return q.expanded;
  const translated = await ctx.generator.expandQuery(q.text, lang, ctx.corpusLang);
  if (!translated) return q.expanded;
  const extra = analyzeQuestion(ctx.lexical, translated, ctx.corpusLang as Lang);
  for (const [stem, w] of extra.query) q.query.set(stem, Math.max(q.query.get(stem) ?? 0, w * 0.8));
  return `${q.expanded} ${translated}`;
}

/** Stage 2: BM25 and the vector index, fused by reciprocal rank, then scored by concept coverage. */
async function retrieve(ctx: EngineContext, q: AnalyzedQuestion, vectorText: string): Promise<Evidence> {
  const lexicalHits = bm25(ctx.lexical, q.query, TUNING.gates.bm25K);
  const vectorHits = await vectorSearch(ctx, vectorText, TUNING.gates.vectorK);
  const ranked = scoreCandidates(ctx.lexical, q, fuseRankings(lexicalHits, vectorHits));
  return {
    ranked,
    bestCoverage: ranked.reduce((m, c) => Math.max(m, c.coverage), 0),
    bestOwn: ranked.reduce((m, c) => Math.max(m, c.own), 0),
    bestTypedCoverage: ranked.filter((c) => c.typeOk).reduce((m, c) => Math.max(m, c.coverage), 0),
    bestDistance: vectorHits[0]?.distance ?? 1,
    focus: documentFocus(ctx.lexical, lexicalHits),
    conceptFocus: conceptFocus(ctx.lexical, q.concepts, ranked[0]?.i),
    documents: ctx.corpus.documents.length,
  };
}

/** The model's verified answer from the best passages, or why there is none. */
async function generate(
  ctx: EngineContext,
  q: AnalyzedQuestion,
  lang: Lang,
  passageOrder: number[],
  options: AskOptions,
  started: number,
): Promise<AnswerResult | "refused" | "discarded"> {
  if (!ctx.generator) return "discarded";
  const passages: Citation[] = passageOrder.map((i, k) => toCitation(ctx, ctx.sentences[i]!, k + 1)); // a Citation is a Passage
  const g = await ctx.generator.answer({ question: q.text, lang, passages, signal: options.signal, onPartial: options.onPartial });
  if (!g.ok) {
    if (g.reason === "refused") return "refused";
    ctx.logger.info({ reason: g.reason }, "generated answer discarded; extractive answer used");
    ctx.logger.debug({ detail: g.detail }, "why the generated answer was discarded");
    return "discarded";
  }
  const used = passages.filter((p) => g.used.includes(p.n));
  return {
    kind: "answer",
    lang,
    generated: g.text,
    lead: used[0]?.quote ?? passages[0]?.quote ?? "",
    evidenceLangs: languagesOf(ctx, used),
    citations: used,
    mode: "generative",
    ms: elapsed(started),
  };
}

/** Stage 4: the extractive answer — the direct answer first, then the cited ctx.sentences. */
function extractive(ctx: EngineContext, q: AnalyzedQuestion, lang: Lang, picked: number[], started: number): AnswerResult {
  const citations = picked.map((i, k) => toCitation(ctx, ctx.sentences[i]!, k + 1));
  const direct = shortAnswer(ctx, q, picked[0]!, lang);
  return {
    kind: "answer",
    lang,
    lead: citations[0]!.quote,
    ...direct,
    evidenceLangs: languagesOf(ctx, citations),
    citations,
    mode: "extractive",
    ms: elapsed(started),
  };
}

/** ask(): analysis → the analysis rules → retrieval → the evidence rules → the model or the extractive answer. */
export async function askWithTrace(
  ctx: EngineContext,
  question: string,
  options: AskOptions = {},
): Promise<{ result: EngineResult; trace?: Trace }> {
  const started = performance.now();
  const { q, lang } = await analyse(ctx, question, options);
  const trace: Trace = { question: q, bestCoverage: 0, bestTypedCoverage: 0, bestDistance: 1 };
  const documents = ctx.corpus.documents.length;
  const early = decide({ q, documents }, "analysis");
  if (early) {
    trace.rule = early.rule;
    if (early.kind === "refuse")
      return { result: refuse(lang, early.reason, started, early.fact), trace: q.intent === "question" ? trace : undefined };
    return { result: leadAnswer(ctx, lang, started, q, early.lead === "kind" ? q.kind.type : undefined), trace };
  }
  const useModel = ctx.generator !== null && !options.extractiveOnly;
  const evidence = await retrieve(ctx, q, useModel ? await expandWithModel(ctx, q, lang) : q.expanded);
  Object.assign(trace, {
    bestCoverage: evidence.bestCoverage,
    bestTypedCoverage: evidence.bestTypedCoverage,
    bestDistance: evidence.bestDistance,
    features: featuresOf(q, evidence),
    evidence,
  });
  const late = decide({ q, documents, evidence }, "evidence");
  if (late) trace.rule = late.rule;
  // With a model, the evidence rules do not refuse for it: it sees the best passages and may say NO_ANSWER.
  const refusal = late?.kind === "refuse" ? late : undefined;
  const refuseLate = () => ({ result: refuse(lang, refusal?.reason ?? "weak_evidence", started, refusal?.fact), trace });
  if (refusal && !useModel) return refuseLate();
  const eligible = evidence.ranked.filter((c) => c.coverage >= TUNING.gates.minCoverage);
  const picked = refusal ? [] : selectAnswer(ctx.lexical, q, eligible);
  if (useModel) {
    // The model sees the extractive picks first, then the next best ctx.sentences.
    const pool = (refusal ? evidence.ranked : eligible).map((c) => c.i).filter((i) => !picked.includes(i));
    const generated = await generate(ctx, q, lang, [...picked, ...pool].slice(0, PASSAGES_FOR_MODEL), options, started);
    if (generated === "refused") return refuseLate();
    if (generated !== "discarded") return { result: generated, trace };
    // The model's answer was discarded: the extractive decision stands.
  }
  if (refusal || picked.length === 0) return refuseLate();
  return { result: extractive(ctx, q, lang, picked, started), trace };
}
