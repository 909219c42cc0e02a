/** Retry classification, backoff and a circuit breaker for model calls. */

export interface ErrorInfo {
  /** Worth another try: HTTP 5xx/429 or a network failure. */
  transient: boolean;
  status?: number;
  /** A short message, secrets removed. */
  message: string;
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_CLOSED",
]);

/** Status code of an error from the OpenAI SDK, LangChain or the Ollama client, if any. */
function statusOf(e: Record<string, unknown>): number | undefined {
  for (const v of [e.status, e.status_code, e.statusCode, (e.response as Record<string, unknown> | undefined)?.status]) {
    if (typeof v === "number" && v >= 100 && v < 600) return v;
  }
  if (e.lc_error_code === "MODEL_RATE_LIMIT") return 429;
  return undefined;
}

/**
 * Decides whether a failed model call is worth retrying: HTTP 5xx and 429 and network errors are;
 * other 4xx (bad key, unknown model, bad request) and anything unrecognised are not.
 */
export function classifyError(err: unknown): ErrorInfo {
  const message = redactSecrets(err instanceof Error ? err.message : String(err));
  // Walk the cause chain: fetch wraps socket errors as TypeError("fetch failed", { cause }).
  let cur: unknown = err;
  for (let depth = 0; depth < 5 && cur && typeof cur === "object"; depth++) {
    const e = cur as Record<string, unknown>;
    const status = statusOf(e);
    if (status !== undefined) return { transient: status >= 500 || status === 429 || status === 408, status, message };
    if (typeof e.code === "string" && NETWORK_CODES.has(e.code)) return { transient: true, message };
    const name = typeof e.name === "string" ? e.name : "";
    if (name === "APIConnectionError" || name === "FetchError") return { transient: true, message };
    if (name === "TypeError" && typeof e.message === "string" && /fetch failed|network|socket/i.test(e.message))
      return { transient: true, message };
    cur = e.cause;
  }
  return { transient: false, message };
}

/** Removes API keys and bearer tokens from a text before it is logged. */
export function redactSecrets(text: string): string {
  return text
    .replace(/\b(sk|pk|rk)-[A-Za-z0-9_-]{6,}/g, "$1-[redacted]")
    .replace(/(Bearer\s+)\S+/gi, "$1[redacted]")
    .replace(/(api[_-]?key["'=:\s]+)[^\s"'&,]+/gi, "$1[redacted]");
}

/** Exponential backoff with jitter: base·2^attempt, capped, scaled by a random factor in [0.5, 1). */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(exp * (0.5 + random() * 0.5));
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Settles like `promise`, or rejects with the signal's reason when it aborts first. Model clients
 * that ignore the signal (or a server that never answers) cannot hold a caller past its timeout.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}

export type BreakerState = "closed" | "open" | "half_open";

/**
 * Classic circuit breaker. After `failureThreshold` consecutive failures it opens: calls are refused
 * until `resetAfterMs` has passed; then one trial call is let through (half-open). Success closes it,
 * failure opens it again for another `resetAfterMs`.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private stateValue: BreakerState = "closed";
  private trialInFlight = false;

  constructor(
    readonly failureThreshold: number,
    readonly resetAfterMs: number,
    private readonly now: () => number = Date.now,
    /** Called on every change of state (for the log). */
    private readonly onChange: (state: BreakerState, failures: number) => void = () => {},
  ) {}

  get state(): BreakerState {
    return this.stateValue;
  }

  /** Whether a call may go ahead now; a granted half-open trial must end in success/failure/release. */
  tryAcquire(): boolean {
    if (this.stateValue === "closed") return true;
    if (this.stateValue === "open") {
      if (this.now() - this.openedAt < this.resetAfterMs) return false;
      this.set("half_open");
    }
    if (this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  success(): void {
    this.trialInFlight = false;
    this.failures = 0;
    if (this.stateValue !== "closed") this.set("closed");
  }

  failure(): void {
    this.trialInFlight = false;
    this.failures++;
    if (this.stateValue === "half_open" || (this.stateValue === "closed" && this.failures >= this.failureThreshold)) {
      this.openedAt = this.now();
      this.set("open");
    }
  }

  /** Ends a call that neither succeeded nor failed (cancelled by the caller). */
  release(): void {
    this.trialInFlight = false;
  }

  private set(state: BreakerState): void {
    this.stateValue = state;
    this.onChange(state, this.failures);
  }
}
