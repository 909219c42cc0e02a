// Counts updates being handled, so that shutdown can wait for them.
import type { Middleware } from "grammy";

export interface InFlight {
  middleware: Middleware;
  /** Updates being handled now. */
  size(): number;
  /** Highest update_id seen (to confirm the polling offset on shutdown). */
  lastUpdateId(): number | undefined;
  /** Resolves when no update is being handled. */
  drain(): Promise<void>;
}

export function createInFlight(): InFlight {
  let count = 0;
  let last: number | undefined;
  let waiters: (() => void)[] = [];
  return {
    middleware: async (ctx, next) => {
      count++;
      last = Math.max(last ?? 0, ctx.update.update_id);
      try {
        await next();
      } finally {
        if (--count === 0) {
          for (const w of waiters) w();
          waiters = [];
        }
      }
    },
    size: () => count,
    lastUpdateId: () => last,
    drain: () => (count === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
}
