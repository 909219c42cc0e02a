import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { type BaseMessage, HumanMessage, SystemMessage } from "@langchain/core/messages";
import type { Logger } from "../../logger.js";
import type { Lang } from "../types.js";
import { fillTemplate, type Prompts } from "./prompts.js";
import { backoffDelay, CircuitBreaker, classifyError, raceAbort, redactSecrets, sleep } from "./resilience.js";
import { completeSentences, type Passage, type VerifyOptions, verifiedPrefix, verifyGeneration } from "./verify.js";

/** What the model answers, alone, when the passages do not answer the question. */
export const REFUSAL_TOKEN = "NO_ANSWER";

export type GenerativeFailure = "refused" | "unverified" | "timeout" | "error" | "circuit_open";

export type GenerativeResult = { ok: true; text: string; used: number[] } | { ok: false; reason: GenerativeFailure; detail?: string };

export interface AnswerInput {
  question: string;
  /** Language to answer in. */
  lang: Lang;
  /** The retrieved passages, numbered as the model must cite them. */
  passages: Passage[];
  /** Cancels the call (e.g. the user went away); combined with the per-call timeout. */
  signal?: AbortSignal;
  /**
   * Receives, while the model streams, the complete sentences so far that pass verification (each
   * call a longer prefix); unverified model text never reaches it.
   */
  onPartial?: (text: string) => void;
}

export interface GenerativeAnswerer {
  /** Generates a cited answer from the passages; never throws for model failures. */
  answer(input: AnswerInput): Promise<GenerativeResult>;
  /** Translates/expands the question into the corpus language for retrieval (Onyx-style multilingual query expansion); null on failure/timeout/breaker open. */
  expandQuery(question: string, fromLang: Lang, corpusLang: string): Promise<string | null>;
}

export interface GenerativeAnswererOptions {
  model: BaseChatModel;
  prompts: Prompts;
  logger: Logger;
  /** Limit for each model call, in ms (LLM_TIMEOUT_MS). */
  timeoutMs: number;
  /** Extra tries after a transient failure (HTTP 5xx/429, network). Default 2. */
  retries?: number;
  /** Stream tokens to `onPartial` when given (LLM_STREAM). Default true. */
  stream?: boolean;
  /** Consecutive failed calls that open the breaker, and how long it stays open. Default 5 / 60 s. */
  breaker?: { failureThreshold: number; resetAfterMs: number };
  /** Clock for the breaker (tests). */
  now?: () => number;
  /** First backoff delay in ms, doubled per retry, with jitter (default 300; max 5000). */
  backoffMs?: number;
  /** Random source for the jitter (tests). */
  random?: () => number;
  /** Cross-language equivalents for the name and content-word checks (e.g. the corpus glossary). */
  equivalents?: VerifyOptions["equivalents"];
  /** Cross-language lexicon for the content-word check (answer word → corpus-language words). */
  translate?: VerifyOptions["translate"];
}

const LANG_NAMES: Record<string, string> = {
  ru: "Russian (русский)",
  en: "English",
  az: "Azerbaijani (Azərbaycan dili)",
  tr: "Turkish (Türkçe)",
  uk: "Ukrainian (українська)",
};

/** A language code as the prompts name it: "English", "Russian (русский)", or the code itself. */
export function languageName(code: string): string {
  return LANG_NAMES[code] ?? code;
}

const MAX_QUESTION_CHARS = 2000;

/**
 * Makes text safe to place inside a data fence: angle brackets become ‹ ›, so no tag such as
 * `</passages>` or `<system>` can be formed, and the text cannot close its fence.
 */
export function neutralise(text: string): string {
  return text.replace(/</g, "‹").replace(/>/g, "›");
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Passages as the model sees them: one line each, `[n] «quote» (title, date)`, neutralised. */
export function formatPassages(passages: readonly Passage[]): string {
  return passages
    .map((p) => {
      const source = [p.title, p.date]
        .filter(Boolean)
        .map((s) => oneLine(neutralise(s ?? "")))
        .join(", ");
      return `[${p.n}] «${oneLine(neutralise(p.quote))}» (${source})`;
    })
    .join("\n");
}

/** The question as fenced data: neutralised, trimmed, at most 2000 characters. */
export function formatQuestion(question: string): string {
  return neutralise(question.trim()).slice(0, MAX_QUESTION_CHARS);
}

/** The two messages of an answer request (exported for tests and for logging prompts at debug level). */
export function buildAnswerMessages(prompts: Prompts, input: Pick<AnswerInput, "question" | "lang" | "passages">): BaseMessage[] {
  const system = fillTemplate(prompts.system, { refusal_token: REFUSAL_TOKEN });
  const human = fillTemplate(prompts.answer, {
    question: formatQuestion(input.question),
    passages: formatPassages(input.passages),
    lang: languageName(input.lang),
    refusal_token: REFUSAL_TOKEN,
  });
  return [new SystemMessage(system), new HumanMessage(human)];
}

/** True when the model declined: the token alone, or anywhere in the reply (a half-refusal is not an answer). */
export function isRefusal(text: string): boolean {
  return text.includes(REFUSAL_TOKEN);
}

function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content))
    return content
      .map((b: unknown) =>
        typeof b === "string"
          ? b
          : b && typeof b === "object" && (b as { type?: unknown }).type === "text"
            ? String((b as { text?: unknown }).text ?? "")
            : "",
      )
      .join("");
  return "";
}

type CallOutcome = { ok: true; text: string } | { ok: false; kind: "timeout" | "error" | "aborted"; detail: string; attempts: number };

/** Error thrown when the per-call timeout fires (used as the abort reason). */
export class ModelTimeoutError extends Error {
  override name = "ModelTimeoutError";
  constructor(ms: number) {
    super(`model call exceeded ${ms} ms`);
  }
}

/**
 * Turns the raw streamed text into drafts of verified sentences only: `emit` gets the verified
 * prefix each time it grows; nothing after a refusal token or a sentence that fails.
 */
function verifiedPartials(emit: (text: string) => void, passages: Passage[], options: VerifyOptions): (raw: string) => void {
  let shown = "";
  let complete = 0;
  let stopped = false;
  return (raw) => {
    if (stopped || isRefusal(raw)) {
      stopped = true;
      return;
    }
    // Verify again only when another sentence is complete.
    const n = completeSentences(raw).length;
    if (n === complete) return;
    complete = n;
    const v = verifiedPrefix(raw, passages, options);
    if (v.length > shown.length) {
      shown = v;
      emit(v);
    }
  };
}

/** What the model calls share: the model, the options, the logger and the circuit breaker. */
interface ModelCalls {
  opts: GenerativeAnswererOptions;
  log: Logger;
  retries: number;
  streamOn: boolean;
  backoffMs: number;
  breaker: CircuitBreaker;
}

function createBreaker(opts: GenerativeAnswererOptions, log: Logger): CircuitBreaker {
  const breakerOpts = opts.breaker ?? { failureThreshold: 5, resetAfterMs: 60_000 };
  return new CircuitBreaker(breakerOpts.failureThreshold, breakerOpts.resetAfterMs, opts.now ?? Date.now, (state, failures) => {
    if (state === "open")
      log.warn(
        { failures, retryAfterMs: breakerOpts.resetAfterMs },
        "circuit breaker open: model skipped, answers fall back to extractive",
      );
    else if (state === "half_open") log.info("circuit breaker half-open: trying the model again");
    else log.info("circuit breaker closed: model answering again");
  });
}

/** Streams a model call, passing the text so far to `onPartial` (whose errors are logged and ignored). */
async function streamCall(c: ModelCalls, messages: BaseMessage[], signal: AbortSignal, onPartial: (t: string) => void): Promise<string> {
  const stream = await raceAbort(c.opts.model.stream(messages, { signal }), signal);
  const it = stream[Symbol.asyncIterator]();
  let acc = "";
  try {
    for (;;) {
      const r = await raceAbort(it.next(), signal);
      if (r.done) break;
      const piece = contentText(r.value.content);
      if (!piece) continue;
      acc += piece;
      try {
        onPartial(acc);
      } catch (err) {
        c.log.debug({ err: redactSecrets(String(err)) }, "onPartial threw; ignored");
      }
    }
  } finally {
    if (signal.aborted) void it.return?.()?.catch(() => {});
  }
  return acc;
}

/** One model call under its own timeout (and the caller's signal). */
async function callOnce(
  c: ModelCalls,
  messages: BaseMessage[],
  callerSignal: AbortSignal | undefined,
  onPartial?: (t: string) => void,
): Promise<string> {
  const { timeoutMs } = c.opts;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new ModelTimeoutError(timeoutMs)), timeoutMs);
  const signal = callerSignal ? AbortSignal.any([timeout.signal, callerSignal]) : timeout.signal;
  try {
    if (onPartial && c.streamOn) return await streamCall(c, messages, signal, onPartial);
    const msg = await raceAbort(c.opts.model.invoke(messages, { signal }), signal);
    return contentText(msg.content);
  } finally {
    clearTimeout(timer);
  }
}

/** The outcome of a failed attempt, or null when it is retried (after the backoff delay, slept here). */
async function failedAttempt(
  c: ModelCalls,
  what: string,
  err: unknown,
  attempt: number,
  started: number,
  signal?: AbortSignal,
): Promise<CallOutcome | null> {
  const { log } = c;
  if (signal?.aborted) return { ok: false, kind: "aborted", detail: "cancelled by caller", attempts: attempt + 1 };
  if (err instanceof ModelTimeoutError) {
    log.warn({ what, attempt: attempt + 1, timeoutMs: c.opts.timeoutMs }, "model call timed out");
    return { ok: false, kind: "timeout", detail: err.message, attempts: attempt + 1 };
  }
  const info = classifyError(err);
  const ms = Date.now() - started;
  if (!info.transient || attempt >= c.retries) {
    log.warn({ what, attempt: attempt + 1, status: info.status, transient: info.transient, ms, error: info.message }, "model call failed");
    return {
      ok: false,
      kind: "error",
      detail: info.status ? `HTTP ${info.status}: ${info.message}` : info.message,
      attempts: attempt + 1,
    };
  }
  const delay = backoffDelay(attempt, c.backoffMs, 5000, c.opts.random);
  log.info({ what, attempt: attempt + 1, status: info.status, delayMs: delay, error: info.message }, "model call failed; retrying");
  try {
    await sleep(delay, signal);
  } catch {
    return { ok: false, kind: "aborted", detail: "cancelled by caller", attempts: attempt + 1 };
  }
  return null;
}

/** Calls with retries; classifies the final failure. */
async function callWithRetries(
  c: ModelCalls,
  what: string,
  messages: BaseMessage[],
  signal?: AbortSignal,
  onPartial?: (t: string) => void,
): Promise<CallOutcome> {
  for (let attempt = 0; ; attempt++) {
    const started = Date.now();
    try {
      return { ok: true, text: await callOnce(c, messages, signal, onPartial) };
    } catch (err) {
      const out = await failedAttempt(c, what, err, attempt, started, signal);
      if (out) return out;
    }
  }
}

/** Runs a call through the breaker; null when the breaker refused it. */
async function guarded(
  c: ModelCalls,
  what: string,
  messages: BaseMessage[],
  signal?: AbortSignal,
  onPartial?: (t: string) => void,
): Promise<CallOutcome | null> {
  if (!c.breaker.tryAcquire()) {
    c.log.debug({ what }, "model skipped: circuit breaker open");
    return null;
  }
  const out = await callWithRetries(c, what, messages, signal, onPartial);
  if (out.ok) c.breaker.success();
  else if (out.kind === "aborted") c.breaker.release();
  else c.breaker.failure();
  return out;
}

/** A cited answer from the passages, shown only when it passes verification. */
async function generateAnswer(c: ModelCalls, input: AnswerInput): Promise<GenerativeResult> {
  const { opts, log } = c;
  if (input.passages.length === 0) return { ok: false, reason: "refused", detail: "no passages" };
  const messages = buildAnswerMessages(opts.prompts, input);
  const verifyOptions: VerifyOptions = { equivalents: opts.equivalents, translate: opts.translate, lang: input.lang };
  const out = await guarded(
    c,
    "answer",
    messages,
    input.signal,
    input.onPartial && verifiedPartials(input.onPartial, input.passages, verifyOptions),
  );
  if (out === null) return { ok: false, reason: "circuit_open" };
  if (!out.ok) return { ok: false, reason: out.kind === "timeout" ? "timeout" : "error", detail: out.detail };
  const text = out.text.trim();
  if (isRefusal(text)) {
    log.info({ extra: text !== REFUSAL_TOKEN }, "model refused: passages do not answer");
    return { ok: false, reason: "refused" };
  }
  const v = verifyGeneration(text, input.passages, verifyOptions);
  if (!v.ok) {
    log.warn({ reasons: v.reasons.length }, "generation discarded: failed verification");
    log.debug({ reasons: v.reasons, text: text.slice(0, 500) }, "the discarded generation"); // may echo the user's words
    return { ok: false, reason: "unverified", detail: v.reasons.join("; ") };
  }
  return { ok: true, text, used: v.used };
}

/** The query in the model's reply to the expansion prompt: its first line without a label or quotes; null when none. */
function expansionQuery(reply: string, question: string): string | null {
  const line = reply
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l !== "");
  if (!line || line.includes(REFUSAL_TOKEN)) return null;
  const query = line
    .replace(/^(query|запрос|sorğu)\s*:\s*/i, "")
    .replace(/^["'«“`]+|["'»”`]+$/g, "")
    .trim();
  if (!query) return null;
  // A runaway reply is not a query; keep retrieval input bounded.
  return query.slice(0, Math.max(300, question.length * 4));
}

async function expandQuestion(c: ModelCalls, question: string, fromLang: Lang, corpusLang: string): Promise<string | null> {
  const human = fillTemplate(c.opts.prompts.expand, {
    question: formatQuestion(question),
    from_lang: languageName(fromLang),
    corpus_lang: languageName(corpusLang),
  });
  const out = await guarded(c, "expand", [new HumanMessage(human)]);
  if (out === null || !out.ok) return null;
  return expansionQuery(out.text, question);
}

/**
 * Wraps a LangChain chat model: prompts from files, per-call timeout, retries with backoff and
 * jitter for transient failures, a circuit breaker, optional streaming, and verification of every
 * answer before it is returned as ok. Logs why a generation was discarded; never logs secrets.
 */
export function createGenerativeAnswerer(opts: GenerativeAnswererOptions): GenerativeAnswerer {
  const log = opts.logger.child({ component: "llm" });
  const c: ModelCalls = {
    opts: { ...opts },
    log,
    retries: Math.max(0, opts.retries ?? 2),
    streamOn: opts.stream ?? true,
    backoffMs: opts.backoffMs ?? 300,
    breaker: createBreaker(opts, log),
  };
  return {
    answer: (input) => generateAnswer(c, input),
    expandQuery: (question, fromLang, corpusLang) => expandQuestion(c, question, fromLang, corpusLang),
  };
}
