/**
 * The answering engine: corpus → citation units → local vector index + lexical index →
 * a grounded, cited answer or a polite refusal. Never imports grammy.
 */
import type { Config } from "../config.js";
import { type Logger, silentLogger } from "../logger.js";
import { type Corpus, displayTitle, loadCorpus } from "./corpus.js";
import { decide, type Evidence, type Features, featuresOf } from "./decide.js";
import { createEmbeddings, type EmbedderLoaders, type IdentifiedEmbeddings } from "./embeddings.js";
import { holdsType, scoreCandidates, selectAnswer } from "./evidence.js";
import { loadLocales, type Translate } from "./i18n.js";
import { createLazyLanguageDetector } from "./lang.js";
import { type CrossLexicon, EMPTY_LEXICON, loadCrossLexicon } from "./language/crosslang.js";
import { glossSpan } from "./language/gloss.js";
import { bm25, createLexicalIndex, type LexicalIndex } from "./lexical.js";
import type { AnswerType } from "./lexicon.js";
import type { GenerativeAnswerer } from "./llm/index.js";
import { type AnalyzedQuestion, analyzeQuestion } from "./question.js";
import { type Sentence, toSentences } from "./sentences.js";
import { answerSpan } from "./span.js";
import { TUNING } from "./tuning.js";
import type {
  AnswerResult,
  AnswerSpanRef,
  AskOptions,
  Citation,
  Engine,
  EngineResult,
  Lang,
  RefusalReason,
  RefusalResult,
} from "./types.js";
import { openVectorIndex, type VectorIndex } from "./vector/index.js";

export interface EngineDeps {
  logger?: Logger;
  /** Progress lines while the index is (re)built. */
  onProgress?: (message: string) => void;
  /** Replaces the optional embedders' loaders (tests). */
  embedderLoaders?: EmbedderLoaders;
  /** A ready generative answerer (tests); otherwise built from LLM_* settings when configured. */
  generator?: GenerativeAnswerer | null;
  /** Folder of the model prompts (default `prompts`). */
  promptsDir?: string;
  /** Answer three questions before returning, so the first real one is not slower (default true; one-shot CLIs skip it). */
  warmUp?: boolean;
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

export interface EngineInternals extends Engine {
  corpus: Corpus;
  lexical: LexicalIndex;
  /** The vector index (the adapter chosen by VECTOR_STORE). */
  vectors: VectorIndex;
  embeddings: IdentifiedEmbeddings;
  /** ask() plus the numbers behind the decision. */
  askWithTrace(question: string, options?: AskOptions): Promise<{ result: EngineResult; trace?: Trace }>;
  /** Whether the index was (re)built at start, and why. */
  indexStatus: { rebuilt: boolean; reason?: string };
}

/**
 * Loads the corpus and the index (building or rebuilding it when missing, stale or
 * corrupt) and returns a ready engine.
 * @throws CorpusError for a malformed corpus (names the file); IndexError if building fails.
 */
export async function createEngine(
  config: Pick<Config, "CORPUS_DIR" | "INDEX_DIR"> & Partial<Config>,
  deps: EngineDeps = {},
): Promise<EngineInternals> {
  const logger = deps.logger ?? silentLogger;
  const corpus = loadCorpus(config.CORPUS_DIR);
  const sentences = toSentences(corpus.documents);
  const docs = new Map(corpus.documents.map((d) => [d.id, d]));
  // The lexical index is saved with the vector index and read back from it (built when that is).
  const lexicalInputs = {
    glossary: corpus.glossary,
    docLang: (id: string) => docs.get(id)?.lang ?? "ru",
    docDates: new Map(corpus.documents.map((d) => [d.id, d.date])),
  };
  const embeddings = await createEmbeddings(
    {
      EMBEDDINGS_PROVIDER: config.EMBEDDINGS_PROVIDER ?? "hashed",
      EMBEDDINGS_MODEL: config.EMBEDDINGS_MODEL,
      EMBEDDINGS_BASE_URL: config.EMBEDDINGS_BASE_URL,
      EMBEDDINGS_API_KEY: config.EMBEDDINGS_API_KEY,
    },
    deps.embedderLoaders,
  );
  const started = Date.now();
  const loaded = await openVectorIndex(config.VECTOR_STORE ?? "hnswlib", {
    dir: config.INDEX_DIR,
    sentences,
    embeddings,
    corpusHash: corpus.hash,
    onProgress: deps.onProgress,
    lexical: lexicalInputs,
  });
  const lexical: LexicalIndex =
    loaded.lexical ?? createLexicalIndex(sentences, lexicalInputs.glossary, lexicalInputs.docLang, lexicalInputs.docDates);
  if (loaded.rebuilt)
    logger.info(
      { store: loaded.vectors.store, reason: loaded.reason, sentences: sentences.length, ms: Date.now() - started },
      "index built",
    );
  const detector = createLazyLanguageDetector(); // fastText loads on the first question that needs it
  const lexicon = loadCrossLexicon();
  const generator = deps.generator !== undefined ? deps.generator : await createGenerator(config, logger, corpus, deps.promptsDir, lexicon);
  const corpusLang = corpus.documents[0]?.lang ?? "ru";
  const t: Translate = loadLocales();

  const scopeLine = (lang: Lang) => {
    const list = corpus.documents.slice(0, 5).map((d) => `«${displayTitle(d.title)}»${d.date ? ` (${d.date})` : ""}`);
    const more = corpus.documents.length > 5 ? ` … (+${corpus.documents.length - 5})` : "";
    return t(lang, "refusal.scope", { titles: list.join("; ") + more });
  };

  const refuse = (lang: Lang, reason: RefusalReason, started: number, fact?: string): RefusalResult => {
    const first =
      reason === "missing_fact" && FACT_WORDING.has(fact ?? "count")
        ? t(lang, "refusal.missing_fact", { fact: t(lang, `fact.${fact ?? "count"}`) })
        : t(lang, `refusal.${reason === "missing_fact" ? "weak_evidence" : reason}`);
    return { kind: "refusal", lang, reason, text: `${first}\n${scopeLine(lang)}`, ms: elapsed(started) };
  };

  const toCitation = (s: Sentence, n: number): Citation => {
    const d = docs.get(s.doc)!;
    return { n, quote: s.text, doc: d.id, title: d.title, date: d.date, url: d.url, part: s.part, start: s.start, end: s.end };
  };

  async function vectorSearch(text: string, k: number): Promise<{ i: number; distance: number }[]> {
    const vec = await embeddings.embedQuery(text);
    const hits = await vectors.search(vec, Math.min(k, sentences.length));
    return hits.filter((h) => sentences[h.i]);
  }

  const vectors = loaded.vectors;

  const glossDeps = { lexicon, glossaryTerms: lexical.glossaryTerms };
  /** The direct answer from sentence `i` (cited first): its span and the reader's wording of it. */
  function shortAnswer(q: AnalyzedQuestion, i: number, lang: Lang): { short: string; span: AnswerSpanRef } | undefined {
    const span = answerSpan(
      lexical,
      q,
      i,
      (w) => lexicon.knowsRussian(w) || lexicon.knows(w, "en") || lexicon.fromRussian(w, "az").length > 0,
    );
    const text = sentences[i]!.text;
    const piece = span ? text.slice(span.start, span.end) : text;
    const short = glossSpan(piece, lang, glossDeps, span?.kind);
    if (!short) return undefined;
    return { short, span: { n: 1, start: span?.start ?? 0, end: span?.end ?? text.length, kind: span?.kind ?? "sentence" } };
  }

  /** The headline and lead sentence of the newest document: what "what is this about?" gets. */
  function leadAnswer(lang: Lang, started: number, q?: AnalyzedQuestion, type?: AnswerType): AnswerResult {
    const doc = [...corpus.documents].sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""))[0]!;
    const own = sentences.filter((s) => s.doc === doc.id);
    const typed = type ? own.find((s) => holdsType(lexical, s.index, type)) : undefined;
    const picked = typed ? [typed] : own.slice(0, 2);
    const citations = picked.map((s, k) => toCitation(s, k + 1));
    const direct = q ? shortAnswer(q, picked[0]!.index, lang) : undefined;
    const opening = direct?.short ?? t(lang, "answer.leadIn");
    const lines = [opening, ...citations.map((c) => `${c.quote} [${c.n}]`)];
    return {
      kind: "answer",
      lang,
      text: lines.join("\n"),
      body: opening,
      lead: citations[0]!.quote,
      ...direct,
      citations,
      mode: "extractive",
      ms: elapsed(started),
    };
  }

  /** Plain-text sources lines ("[1] Title, date") under a heading, in the reader's language. */
  const sources = (lang: Lang, list: Citation[]) => [
    "",
    t(lang, "answer.sources"),
    ...list.map((c) => `[${c.n}] ${displayTitle(c.title)}${c.date ? `, ${c.date}` : ""}`),
  ];

  /** One short line when the quotes are in another language than the question. */
  const noteFor = (lang: Lang, list: Citation[]) => {
    const foreign = [...new Set(list.map((c) => docs.get(c.doc)!.lang))].filter((l) => l !== lang);
    return foreign.length ? t(lang, "answer.note", { source: foreign.map((l) => t(lang, `lang.${l}`)).join(", ") }) : undefined;
  };

  /** Stage 1: the question analysed, in the language it is written in (Latin-typed Russian is Russian). */
  async function analyse(question: string, options: AskOptions): Promise<{ q: AnalyzedQuestion; lang: Lang }> {
    const detected = await detector.detect(String(question ?? "").slice(0, 1000), options.langHint);
    const q = analyzeQuestion(lexical, question, detected, { lexicon, history: options.history });
    const lang: Lang = q.cyrillicReading ? "ru" : detected;
    q.lang = lang;
    return { q, lang };
  }

  /** With a model, a question in another language than the corpus is also searched in the model's translation. */
  async function expandWithModel(q: AnalyzedQuestion, lang: Lang): Promise<string> {
    if (!generator || lang === corpusLang) return q.expanded;
    const translated = await generator.expandQuery(q.text, lang, corpusLang);
    if (!translated) return q.expanded;
    const extra = analyzeQuestion(lexical, translated, corpusLang as Lang);
    for (const [stem, w] of extra.query) q.query.set(stem, Math.max(q.query.get(stem) ?? 0, w * 0.8));
    return `${q.expanded} ${translated}`;
  }

  /** Stage 2: BM25 and the vector index, fused by reciprocal rank, then scored by concept coverage. */
  async function retrieve(q: AnalyzedQuestion, vectorText: string): Promise<Evidence> {
    const lexicalHits = bm25(lexical, q.query, TUNING.gates.bm25K);
    const vectorHits = await vectorSearch(vectorText, TUNING.gates.vectorK);
    const fused = new Map<number, number>();
    for (const [r, h] of lexicalHits.entries()) fused.set(h.i, (fused.get(h.i) ?? 0) + 1 / (TUNING.gates.rrfK + r + 1));
    for (const [r, h] of vectorHits.entries())
      fused.set(h.i, (fused.get(h.i) ?? 0) + TUNING.gates.vectorWeight / (TUNING.gates.rrfK + r + 1));
    const ranked = scoreCandidates(
      lexical,
      q,
      [...fused].sort((a, b) => b[1] - a[1]).map(([i]) => i),
    );
    return {
      ranked,
      bestCoverage: ranked.reduce((m, c) => Math.max(m, c.coverage), 0),
      bestOwn: ranked.reduce((m, c) => Math.max(m, c.own), 0),
      bestTypedCoverage: ranked.filter((c) => c.typeOk).reduce((m, c) => Math.max(m, c.coverage), 0),
      bestDistance: vectorHits[0]?.distance ?? 1,
    };
  }

  /** The model's verified answer from the best passages, or why there is none. */
  async function generate(
    q: AnalyzedQuestion,
    lang: Lang,
    passageOrder: number[],
    options: AskOptions,
    started: number,
  ): Promise<AnswerResult | "refused" | "discarded"> {
    if (!generator) return "discarded";
    const passages: Citation[] = passageOrder.map((i, k) => toCitation(sentences[i]!, k + 1)); // a Citation is a Passage
    const g = await generator.answer({ question: q.text, lang, passages, signal: options.signal, onPartial: options.onPartial });
    if (!g.ok) {
      if (g.reason === "refused") return "refused";
      logger.info({ reason: g.reason }, "generated answer discarded; extractive answer used");
      logger.debug({ detail: g.detail }, "why the generated answer was discarded");
      return "discarded";
    }
    const used = passages.filter((p) => g.used.includes(p.n));
    const languageNote = noteFor(lang, used);
    return {
      kind: "answer",
      lang,
      text: [g.text, ...(languageNote ? [languageNote] : []), ...sources(lang, used)].join("\n"),
      body: g.text,
      lead: used[0]?.quote ?? passages[0]?.quote ?? "",
      languageNote,
      citations: used,
      mode: "generative",
      ms: elapsed(started),
    };
  }

  /** Stage 4: the extractive answer — the direct answer first, then the cited sentences. */
  function extractive(q: AnalyzedQuestion, lang: Lang, picked: number[], started: number): AnswerResult {
    const citations = picked.map((i, k) => toCitation(sentences[i]!, k + 1));
    const languageNote = noteFor(lang, citations);
    const direct = shortAnswer(q, picked[0]!, lang);
    const opening = direct?.short ?? t(lang, "answer.leadIn");
    const lines = [
      opening,
      ...citations.map((c) => `${c.quote} [${c.n}]`),
      ...(languageNote ? [languageNote] : []),
      ...sources(lang, citations),
    ];
    return {
      kind: "answer",
      lang,
      text: lines.join("\n"),
      body: opening,
      lead: citations[0]!.quote,
      ...direct,
      languageNote,
      citations,
      mode: "extractive",
      ms: elapsed(started),
    };
  }

  /** ask(): analysis → the analysis rules → retrieval → the evidence rules → the model or the extractive answer. */
  async function askWithTrace(question: string, options: AskOptions = {}): Promise<{ result: EngineResult; trace?: Trace }> {
    const started = performance.now();
    const { q, lang } = await analyse(question, options);
    const trace: Trace = { question: q, bestCoverage: 0, bestTypedCoverage: 0, bestDistance: 1 };
    const documents = corpus.documents.length;
    const early = decide({ q, documents }, "analysis");
    if (early) {
      trace.rule = early.rule;
      if (early.kind === "refuse")
        return { result: refuse(lang, early.reason, started, early.fact), trace: q.intent === "question" ? trace : undefined };
      return { result: leadAnswer(lang, started, q, early.lead === "kind" ? q.kind.type : undefined), trace };
    }
    const useModel = generator !== null && !options.extractiveOnly;
    const evidence = await retrieve(q, useModel ? await expandWithModel(q, lang) : q.expanded);
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
    const picked = refusal ? [] : selectAnswer(lexical, q, eligible);
    if (useModel) {
      // The model sees the extractive picks first, then the next best sentences.
      const pool = (refusal ? evidence.ranked : eligible).map((c) => c.i).filter((i) => !picked.includes(i));
      const generated = await generate(q, lang, [...picked, ...pool].slice(0, PASSAGES_FOR_MODEL), options, started);
      if (generated === "refused") return refuseLate();
      if (generated !== "discarded") return { result: generated, trace };
      // The model's answer was discarded: the extractive decision stands.
    }
    if (refusal || picked.length === 0) return refuseLate();
    return { result: extractive(q, lang, picked, started), trace };
  }

  // Warm up (regexes, stemmers, the HNSW search path) so the first real question is not slower.
  if (deps.warmUp !== false)
    for (const warm of ["Когда и где прошла встреча?", "Who led the delegation?", "Görüş harada keçirilib?"])
      await askWithTrace(warm, { extractiveOnly: true });

  return {
    corpus,
    lexical,
    vectors,
    embeddings,
    indexStatus: { rebuilt: loaded.rebuilt, reason: loaded.reason },
    askWithTrace,
    async ask(question, options) {
      return (await askWithTrace(question, options)).result;
    },
    documents: () => corpus.documents,
    t,
    detectLang: (text, hint) => detector.detectLoaded(text, hint),
    async close() {},
  };
}

/**
 * The generative answerer from LLM_* settings, or null when no model is configured. The model
 * code (and its LangChain provider package) is imported only when a provider is configured.
 */
async function createGenerator(
  config: Partial<Config>,
  logger: Logger,
  corpus: Corpus,
  promptsDir = "prompts",
  lexicon: CrossLexicon = EMPTY_LEXICON,
): Promise<GenerativeAnswerer | null> {
  if (!config.LLM_PROVIDER || config.LLM_PROVIDER === "none" || !config.LLM_MODEL) return null;
  const { createChatModel, createGenerativeAnswerer, loadPrompts } = await import("./llm/index.js");
  const model = await createChatModel({ ...config, LLM_PROVIDER: config.LLM_PROVIDER, LLM_MODEL: config.LLM_MODEL });
  if (!model) return null;
  return createGenerativeAnswerer({
    model,
    prompts: loadPrompts(promptsDir),
    logger,
    timeoutMs: config.LLM_TIMEOUT_MS ?? 15_000,
    stream: config.LLM_STREAM ?? true,
    // The glossary tells the verifier that "Trump Route" and "Маршрут Трампа" are the same name.
    equivalents: corpus.glossary.map((g) => g.terms.map((t) => t.text)),
    // The cross-language lexicon tells it that "companies" and "şirkət" are "компании".
    translate: (word, lang) => {
      if (lang === "en" || lang === "az") return lexicon.toRussian(word, lang as "en" | "az").map((t) => t.text);
      if (lang === "ru") return lexicon.fromRussian(word, "en");
      return [];
    },
  });
}

/** Kinds of fact the refusal can name ("the sources don't say how many"); others get the plain refusal. */
const FACT_WORDING = new Set(["count", "amount", "date", "person", "place", "org", "list", "duration", "role", "statement"]);

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
