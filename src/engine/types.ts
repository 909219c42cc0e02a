/**
 * Public types of the answering engine. The engine never imports grammy: the bot,
 * the CLI and the benchmarks all talk to it through these shapes.
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
  /** The answer as plain text: lead-in, quoted sentences with [n] marks, sources. */
  text: string;
  /**
   * The answer proper, for interfaces that list the citations themselves: the generated text
   * (with [n] marks) in generative mode; in extractive mode only the lead-in line, since the
   * answer is the quoted sentences.
   */
  body: string;
  /** The lead sentence alone (verbatim corpus text), e.g. for an inline result title. */
  lead: string;
  /** The direct answer in the reader's language ("31 companies", "10 fevral 2026"): the bot's wording of the span, not a quote. */
  short?: string;
  /** Where the fact stands: character offsets inside citation `n`'s quote, and the kind of fact. */
  span?: AnswerSpanRef;
  /** One short line when the evidence is in another language than the question, else undefined. */
  languageNote?: string;
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
  /** Polite refusal in the question's language, with one line on what the bot can answer. */
  text: string;
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
  /** Fixed wording in a language (see `locales/*.json`), with {placeholders} filled. */
  t(lang: Lang, key: string, vars?: Record<string, string | number>): string;
  /** Detects the language of a text (ru/en/az; Russian by default). */
  detectLang(text: string, hint?: string): Lang;
  close(): Promise<void>;
}
