/**
 * The answering engine: corpus → citation units → local vector index + lexical index →
 * a grounded, cited answer or a polite refusal. Never imports grammy.
 */
import type { Config } from "../config.js";
import { type Logger, silentLogger } from "../logger.js";
import { type AnswerCache, createAnswerCache } from "./answer-cache.js";
import { askWithTrace as askStages, type EngineContext, elapsed, type Trace } from "./ask.js";
import { type Corpus, loadCorpus } from "./corpus.js";
import { createEmbeddings, type EmbedderLoaders, type IdentifiedEmbeddings } from "./embeddings.js";
import { createLazyLanguageDetector } from "./lang.js";
import { type CrossLexicon, EMPTY_LEXICON, loadCrossLexicon } from "./language/crosslang.js";
import { createLexicalIndex, type LexicalIndex } from "./lexical.js";
import type { GenerativeAnswerer } from "./llm/index.js";
import { toSentences } from "./sentences.js";
import { TUNING } from "./tuning.js";
import type { AskOptions, Engine, EngineResult } from "./types.js";
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
  /** Extractive answers remembered for repeated questions (default TUNING.cache.answers; 0: none). */
  answerCache?: number;
}

export type { Trace } from "./ask.js";

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
  // The parsed glossary is kept beside a persisted index; an in-memory store writes nothing.
  const persisted = (config.VECTOR_STORE ?? "hnswlib") === "hnswlib";
  const corpus = loadCorpus(config.CORPUS_DIR, { cacheDir: persisted ? config.INDEX_DIR : undefined });
  const sentences = toSentences(corpus.documents);
  const docs = new Map(corpus.documents.map((d) => [d.id, d]));
  const { embeddings, loaded, lexical } = await openIndexes(config, deps, corpus, sentences, logger);
  const detector = createLazyLanguageDetector(); // fastText loads on the first question that needs it
  const lexicon = loadCrossLexicon();
  const generator = deps.generator !== undefined ? deps.generator : await createGenerator(config, logger, corpus, deps.promptsDir, lexicon);

  const ctx: EngineContext = {
    corpus,
    sentences,
    docs,
    lexical,
    lexicon,
    vectors: loaded.vectors,
    embeddings,
    detector,
    generator,
    corpusLang: corpus.documents[0]?.lang ?? "ru",
    logger,
  };
  const askWithTrace = (question: string, options?: AskOptions) => askStages(ctx, question, options);
  const cache = createAnswerCache(deps.answerCache ?? TUNING.cache.answers);

  // Warm up (regexes, stemmers, the HNSW search path) so the first real question is not slower.
  if (deps.warmUp !== false) {
    for (const warm of ["Когда и где прошла встреча?", "Who led the delegation?", "Görüş harada keçirilib?"])
      await askWithTrace(warm, { extractiveOnly: true });
    // …and the word lists a word the corpus lacks reaches for (the reverse dictionary, the thesaurus).
    ctx.lexicon.fromRussian("встреча", "en");
    ctx.lexicon.synonyms("встреча");
  }

  return {
    corpus,
    lexical,
    vectors: loaded.vectors,
    embeddings,
    indexStatus: { rebuilt: loaded.rebuilt, reason: loaded.reason },
    askWithTrace,
    ask: rememberingAsk(askWithTrace, cache, generator !== null),
    documents: () => corpus.documents,
    detectLang: (text, hint) => detector.detectLoaded(text, hint),
    answers: async (question, lang) => (await askWithTrace(question, { langHint: lang, extractiveOnly: true })).result.kind === "answer",
    async close() {},
  };
}

/** ask(): a remembered answer for a repeated question, else the stages' (and remembered, if extractive). */
function rememberingAsk(askWithTrace: EngineInternals["askWithTrace"], cache: AnswerCache, withModel: boolean): Engine["ask"] {
  return async (question, options = {}) => {
    // A model's answer is neither repeatable nor cheap to check again: only extractive ones are remembered.
    if (withModel && !options.extractiveOnly) return (await askWithTrace(question, options)).result;
    const started = performance.now();
    const history = options.history ?? [];
    const known = cache.get(question, options.langHint, history);
    if (known) return { ...known, ms: elapsed(started) };
    const { result, trace } = await askWithTrace(question, options);
    // No trace: not a question (small talk, a task, an attack), which never continues one.
    cache.set(question, options.langHint, history, result, trace?.question.mayFollowUp ?? false);
    return result;
  };
}

/** The vector index (built or loaded, with the lexical index saved beside it) and its embedder. */
async function openIndexes(
  config: Pick<Config, "CORPUS_DIR" | "INDEX_DIR"> & Partial<Config>,
  deps: EngineDeps,
  corpus: Corpus,
  sentences: ReturnType<typeof toSentences>,
  logger: Logger,
) {
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
  return { embeddings, loaded, lexical };
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
