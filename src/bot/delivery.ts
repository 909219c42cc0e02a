// Delivery policy: what is retried, how long a 429 is waited for, and duplicate updates.
//
// Messages are sent AT MOST ONCE. A network error after the request may have reached Telegram
// (connection reset, socket hang up, timeout) is ambiguous: Telegram may have posted the message
// and only the response was lost. Repeating sendMessage then shows the answer twice, so
// message-posting methods are repeated only when the request certainly never left (connection
// refused, DNS failure). Calls that are safe to repeat (chat actions, commands, getMe, inline
// answers, edits) are retried on any network error.
import { HttpError, type MiddlewareFn, type Transformer } from "grammy";
import type { BotContext } from "./context.js";
import { isThrottledMethod } from "./throttle.js";

export interface DeliveryLimits {
  /** A single 429 `retry_after` up to this is waited for; a longer one fails the call (default 60 s). */
  maxRetryAfterS?: number;
  /** 429 waits of one call add up to at most this (default 120 s); then the call fails. */
  maxTotalWaitS?: number;
}

export const DELIVERY_LIMITS: Required<DeliveryLimits> = { maxRetryAfterS: 60, maxTotalWaitS: 120 };
/** 5xx answers are retried this often (Telegram did not take the call). */
const SERVER_ERROR_RETRIES = 3;
/** Network errors are retried this often (500 ms, then 1 s) where repeating is safe. */
const NETWORK_RETRIES = 2;
/** Error codes that mean the request never reached the server. */
const NEVER_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

/** Methods that post something new into a chat: repeating them after an ambiguous failure duplicates it. */
export function isPostingMethod(method: string): boolean {
  return isThrottledMethod(method) && !method.startsWith("editMessage");
}

/** The code of the innermost cause of a network error (ECONNREFUSED, ECONNRESET, …). */
function errorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { error?: unknown; cause?: unknown }).error ?? (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** True when the failed request certainly did not reach Telegram. */
export function neverSent(err: unknown): boolean {
  const code = errorCode(err);
  return code !== undefined && NEVER_SENT.has(code);
}

type Abortable = { addEventListener: (type: "abort", listener: () => void, options?: { once?: boolean }) => void };

const sleep = (ms: number, signal?: Abortable) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/**
 * Retries per the policy above: 429 after `retry_after` within the limits (any number of times
 * in a row), 5xx a few times, network errors where safe. Not getUpdates (polling has its own).
 */
export function createDeliveryRetry(limits: DeliveryLimits = {}): Transformer {
  const { maxRetryAfterS, maxTotalWaitS } = { ...DELIVERY_LIMITS, ...limits };
  return async (prev, method, payload, signal) => {
    let waitedS = 0;
    let serverErrors = 0;
    let networkErrors = 0;
    for (;;) {
      let res: Awaited<ReturnType<typeof prev>>;
      try {
        res = await prev(method, payload, signal);
      } catch (err) {
        const repeatable = !isPostingMethod(method) || neverSent(err);
        if (!(err instanceof HttpError) || !repeatable || networkErrors >= NETWORK_RETRIES || signal?.aborted) throw err;
        await sleep(500 * 2 ** networkErrors++, signal);
        continue;
      }
      if (res.ok) return res;
      if (res.error_code === 429) {
        const after = Math.max(res.parameters?.retry_after ?? 1, 0);
        if (after > maxRetryAfterS || waitedS + after > maxTotalWaitS || signal?.aborted) return res;
        waitedS += after;
        await sleep(after * 1000, signal);
        continue;
      }
      if (res.error_code >= 500 && serverErrors < SERVER_ERROR_RETRIES && !signal?.aborted) {
        await sleep(1000 * 2 ** serverErrors++, signal);
        continue;
      }
      return res;
    }
  };
}

/** How many recent update_ids are remembered to drop re-deliveries. */
export const RECENT_UPDATES = 10_000;

/**
 * Drops an update whose update_id was seen recently (Telegram re-delivers after a lost webhook
 * response; a restart re-delivers unconfirmed ones): the same update_id is answered once.
 * A bounded LRU: memory stays flat whatever the traffic.
 */
export function createDuplicateFilter(size = RECENT_UPDATES): MiddlewareFn<BotContext> {
  const seen = new Map<number, true>();
  return async (ctx, next) => {
    const id = ctx.update.update_id;
    if (typeof id === "number") {
      if (seen.has(id)) {
        seen.delete(id);
        seen.set(id, true);
        return; // handled (or being handled) already
      }
      seen.set(id, true);
      if (seen.size > size) seen.delete(seen.keys().next().value as number);
    }
    await next();
  };
}
