// Counts updates being handled, so that shutdown can wait for them.
import type { Middleware } from "grammy";

export interface InFlight {
  middleware: Middleware;
  /** Updates being handled now. */
  size(): number;
  /** Resolves when no update is being handled. */
  drain(): Promise<void>;
}

export function createInFlight(): InFlight {
  let count = 0;
  let waiters: (() => void)[] = [];
  return {
    middleware: async (_ctx, next) => {
      count++;
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
    drain: () => (count === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
}
