/**
 * Public types of the answering engine. The engine never imports grammy: the bot,
 * the CLI and the benchmarks all talk to it through these shapes. Results are structure
 * (decision, reason, citations, span); the wording of each surface is built in src/render/.
 */

/** Languages the bot speaks (its own wording); questions in others fall back to Russian. */
export type Lang = "ru" | "en" | "az";

/** One corpus document, as parsed from `corpus/*.md`. */
export interface CorpusDocument {
  /** Stable id: the file name without extension. */
  id: string;
  /** File name relative to the corpus folder. */
  file: string;
  title: string;
  /** ISO date (YYYY-MM-DD) from the front matter, if any. */
  date?: string;
  source?: string;
  url?: string;
  /** Language of the text (front matter `lang`, default "ru"). */
  lang: string;
  /** Body text exactly as in the file (after the front matter). */
  body: string;
}

/** A citation: verbatim corpus text plus where it comes from. */
export interface Citation {
  /** 1-based number, as shown in the answer ([1], [2] …). */
  n: number;
  /** Verbatim text of the corpus (a sentence or the headline). */
  quote: string;
  /** Document id (file name without extension). */
  doc: string;
  title: string;
  date?: string;
  url?: string;
  /** Where the quote sits: "title" or "body", with character offsets into that field. */
  part: "title" | "body";
  start: number;
  end: number;
}

export type RefusalReason =
  | "empty" // nothing to answer: empty, only emoji or punctuation
  | "small_talk" // greetings, thanks
  | "task" // "write a poem", "translate …"
  | "injection" // attempts to change the rules or reveal the prompt
  | "off_topic" // the question is about things the corpus does not mention
  | "weak_evidence" // the corpus mentions the topic but nothing answers the question
  | "missing_fact"; // asks for an amount/date/person/place/list that no retrieved sentence holds

export interface AnswerResult {
  kind: "answer";
  lang: Lang;
  /**
   * The model's verified answer (with [n] marks), in generative mode only: the model's content, not
   * fixed wording. Extractive answers are the quoted sentences, led by `short`.
   */
  generated?: string;
  /** The lead sentence alone (verbatim corpus text), e.g. for an inline result title. */
  lead: string;
  /** The direct answer in the reader's language ("31 companies", "10 fevral 2026"): the engine's gloss of the span, not a quote. */
  short?: string;
  /** Where the fact stands: character offsets inside citation `n`'s quote, and the kind of fact. */
  span?: AnswerSpanRef;
  /**
   * The languages of the cited documents (each once, in citation order). A renderer notes those other
   * than `lang` ("the source is in Russian").
   */
  evidenceLangs: string[];
  citations: Citation[];
  /** How the answer was produced. */
  mode: "extractive" | "generative";
  /** Milliseconds the engine spent on this question (index already loaded). */
  ms: number;
}

export interface AnswerSpanRef {
  n: number;
  start: number;
  end: number;
  kind: string;
}

export interface RefusalResult {
  kind: "refusal";
  lang: Lang;
  reason: RefusalReason;
  /** For "missing_fact": the kind of fact asked for that no sentence holds (count, date, person …). */
  fact?: string;
  ms: number;
}

export type EngineResult = AnswerResult | RefusalResult;

export interface AskOptions {
  /** Language to answer in when the text alone does not tell (e.g. Telegram's language_code). */
  langHint?: string;
  /** Force the extractive answer even where a model is configured (inline queries). */
  extractiveOnly?: boolean;
  /** Receives partial generated text while a model answers (for live drafts). */
  onPartial?: (text: string) => void;
  signal?: AbortSignal;
  /** Earlier questions of the same chat, oldest first (follow-ups are resolved against them). */
  history?: readonly string[];
}

/** What the bot and the CLI use. */
export interface Engine {
  ask(question: string, options?: AskOptions): Promise<EngineResult>;
  /** The corpus documents (for /start, /sources and refusals). */
  documents(): readonly CorpusDocument[];
  /** Detects the language of a text (ru/en/az; Russian by default). */
  detectLang(text: string, hint?: string): Lang;
  /**
   * Whether the corpus answers a question (extractively, without a model): for the questions the bot
   * offers as examples. Optional: without it, offered questions are taken as written.
   */
  answers?(question: string, lang: Lang): Promise<boolean>;
  close(): Promise<void>;
}
