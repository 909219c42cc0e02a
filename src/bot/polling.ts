// Long polling that never gives up on its own, and never confirms an update before it is handled.
//
// - Outages (5xx, network errors, timeouts, a `result` that is not a list) are retried for as
//   long as they last, with exponential backoff capped at POLL_BACKOFF_MAX_MS.
// - 401 (token revoked) and 409 (another instance polls, or a webhook is set) are fatal:
//   `onFatal` is called once and polling stops; main.ts exits non-zero.
// - Offsets: the next getUpdates asks from the oldest update still being handled, so Telegram
//   forgets an update only after it was handled. Updates seen again (held back, or re-delivered)
//   are not handled twice. A stop therefore leaves unfinished updates with Telegram, and a
//   restart gets them again.
import { type Bot, GrammyError, HttpError } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";

/** First pause after a failed poll; doubles per failure up to POLL_BACKOFF_MAX_MS. */
export const POLL_BACKOFF_INITIAL_MS = 500;
/** The longest pause between polls during an outage (so the bot is back within ~30 s of the API). */
export const POLL_BACKOFF_MAX_MS = 30_000;
/** Long-poll timeout asked of Telegram (seconds). */
export const POLL_TIMEOUT_S = 30;
/** While an older update is still being handled, poll again after at most this long (new updates). */
export const HELD_BACK_POLL_MS = 200;
/**
 * An update still unfinished after this long no longer holds the offset back: one stuck handler
 * must not stall polling (it stays counted for the shutdown drain).
 */
export const HOLD_BACK_MAX_MS = 120_000;
/** Fetching pauses while this many updates are being handled. */
export const MAX_UNFINISHED = 1_000;

export interface PollingOptions {
  allowedUpdates?: readonly string[];
  timeoutS?: number;
  backoffInitialMs?: number;
  backoffMaxMs?: number;
  heldBackPollMs?: number;
  holdBackMaxMs?: number;
}

export interface Poller {
  /** Date.now() of the last poll that returned a list (or of the start, before the first). */
  lastSuccessAt(): number;
  /** Failed polls in a row now. */
  failures(): number;
  isRunning(): boolean;
  /** Stops fetching (aborts a pending long poll); resolves when the loop has ended, at most `timeoutMs` later. */
  stop(timeoutMs?: number): Promise<void>;
  /** The offset that confirms exactly the handled updates (the oldest unfinished one, else the newest + 1). */
  safeOffset(): number | undefined;
  /** Update ids being handled now. */
  unfinished(): number[];
}

export class PollingFatalError extends Error {
  override name = "PollingFatalError";
}

/** One clear line for a fatal polling error (no token: GrammyError descriptions do not hold it). */
export function describePollingFatal(err: unknown): string {
  if (err instanceof GrammyError && err.error_code === 401)
    return `Telegram rejected the bot token while polling (401 ${err.description}): the token was revoked or changed; set TELEGRAM_BOT_TOKEN.`;
  if (err instanceof GrammyError && err.error_code === 409)
    return `Polling stopped: ${err.description} (409). Another instance is polling with this token, or a webhook is set.`;
  if (err instanceof GrammyError) return `Polling stopped: ${err.error_code} ${err.description}.`;
  return `Polling stopped: ${err instanceof Error ? err.message : String(err)}`;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });

export function startPoller(bot: Bot<BotContext>, logger: Logger, onFatal: (err: unknown) => void, options: PollingOptions = {}): Poller {
  const timeoutS = options.timeoutS ?? POLL_TIMEOUT_S;
  const initialMs = options.backoffInitialMs ?? POLL_BACKOFF_INITIAL_MS;
  const maxMs = options.backoffMaxMs ?? POLL_BACKOFF_MAX_MS;
  const heldBackMs = options.heldBackPollMs ?? HELD_BACK_POLL_MS;
  const holdBackMaxMs = options.holdBackMaxMs ?? HOLD_BACK_MAX_MS;
  const stopping = new AbortController();
  /** update_id → when its handling started. */
  const unfinished = new Map<number, number>();
  const abandoned = new Set<number>();
  let newest: number | undefined;
  let lastSuccess = Date.now();
  let failed = 0;
  let running = true;
  let wake: (() => void) | undefined;

  /** The oldest unfinished update that still holds the offset back (not past HOLD_BACK_MAX_MS). */
  const oldestHeld = (): number | undefined => {
    let oldest: number | undefined;
    const now = Date.now();
    for (const [id, started] of unfinished) {
      if (now - started > holdBackMaxMs) {
        if (!abandoned.has(id)) {
          abandoned.add(id);
          logger.warn({ update_id: id, ms: now - started }, "update still unfinished; no longer holding polling back for it");
        }
        continue;
      }
      if (oldest === undefined || id < oldest) oldest = id;
    }
    return oldest;
  };
  const safeOffset = () => oldestHeld() ?? (newest === undefined ? undefined : newest + 1);

  const handle = (update: Update) => {
    const id = update.update_id;
    unfinished.set(id, Date.now());
    bot
      .handleUpdate(update)
      .catch(async (err: unknown) => {
        try {
          await bot.errorHandler(err as never);
        } catch (inner) {
          logger.error({ err: inner, update_id: id }, "error handler failed");
        }
      })
      .finally(() => {
        unfinished.delete(id);
        abandoned.delete(id);
        wake?.();
      });
  };

  /** Waits until a handled update finishes, at most `ms` (or until stopped). */
  const waitForProgress = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        stopping.signal.removeEventListener("abort", done);
        resolve();
      }
      wake = done;
      stopping.signal.addEventListener("abort", done, { once: true });
    });

  const fail = async (err: unknown, what: string) => {
    failed++;
    let delay = Math.min(maxMs, initialMs * 2 ** Math.min(failed - 1, 30));
    if (err instanceof GrammyError && err.error_code === 429 && err.parameters.retry_after !== undefined)
      delay = Math.max(delay, err.parameters.retry_after * 1000);
    logger.warn({ err, failures: failed, retry_in_ms: delay }, `${what}; polling again`);
    await sleep(delay, stopping.signal);
  };

  const loop = async () => {
    while (!stopping.signal.aborted) {
      if (unfinished.size >= MAX_UNFINISHED) {
        await waitForProgress(1_000);
        continue;
      }
      const offset = safeOffset();
      const heldBack = oldestHeld() !== undefined;
      let result: unknown;
      try {
        // Our own deadline too: a Bot API that never answers must not wedge polling.
        const signal = AbortSignal.any([stopping.signal, AbortSignal.timeout((timeoutS + 15) * 1000)]);
        result = await bot.api.getUpdates(
          {
            ...(offset !== undefined ? { offset } : {}),
            limit: 100,
            timeout: heldBack ? 0 : timeoutS,
            allowed_updates: options.allowedUpdates as never,
          },
          signal as never,
        );
      } catch (err) {
        if (stopping.signal.aborted) break;
        if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 409)) {
          running = false;
          logger.fatal({ err }, describePollingFatal(err));
          onFatal(new PollingFatalError(describePollingFatal(err), { cause: err }));
          return;
        }
        await fail(err, err instanceof HttpError ? "cannot reach the Bot API" : "getUpdates failed");
        continue;
      }
      if (!Array.isArray(result)) {
        await fail(
          new Error(`getUpdates returned ${result === null ? "null" : typeof result} instead of a list`),
          "getUpdates returned no list",
        );
        continue;
      }
      if (failed > 0) logger.info({ failures: failed }, "Bot API reachable again");
      failed = 0;
      lastSuccess = Date.now();
      let fresh = 0;
      for (const update of result as unknown[]) {
        const id = (update as { update_id?: unknown } | null)?.update_id;
        if (typeof id !== "number" || !Number.isSafeInteger(id)) {
          logger.warn({ update_id: typeof id }, "skipping an update without a numeric update_id");
          continue;
        }
        if (newest !== undefined && id <= newest) continue; // held back or re-delivered: already ours
        newest = id;
        fresh++;
        handle(update as Update);
      }
      // Held back behind an unfinished update, Telegram answers at once: do not spin.
      if (fresh === 0 && oldestHeld() !== undefined && !stopping.signal.aborted) await waitForProgress(heldBackMs);
    }
  };

  const task = loop()
    .catch((err: unknown) => {
      logger.fatal({ err }, "polling loop failed");
      onFatal(err);
    })
    .finally(() => {
      running = false;
    });

  return {
    lastSuccessAt: () => lastSuccess,
    failures: () => failed,
    isRunning: () => running,
    safeOffset,
    unfinished: () => [...unfinished.keys()].sort((a, b) => a - b),
    async stop(timeoutMs = 5_000) {
      stopping.abort();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([task, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
      running = false;
    },
  };
}
