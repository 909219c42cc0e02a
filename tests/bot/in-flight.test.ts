import type { Context, MiddlewareFn } from "grammy";
import { describe, expect, it } from "vitest";
import { createInFlight as create } from "../../src/bot/in-flight.js";

/** The counter with its middleware as the plain function it is. */
const createInFlight = () => {
  const f = create();
  return { ...f, middleware: f.middleware as MiddlewareFn<Context> };
};

const ctxFor = (update_id: number) => ({ update: { update_id } }) as Context;

/** A handler that finishes when `release()` is called. */
function gate() {
  let release!: () => void;
  const done = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { next: () => done, release };
}

describe("createInFlight", () => {
  it("should count the updates being handled", async () => {
    const f = createInFlight();
    expect(f.size()).toBe(0);
    const a = gate();
    const b = gate();
    const ra = f.middleware(ctxFor(7), a.next);
    const rb = f.middleware(ctxFor(5), b.next);
    expect(f.size()).toBe(2);
    a.release();
    await ra;
    expect(f.size()).toBe(1);
    b.release();
    await rb;
    expect(f.size()).toBe(0);
  });

  it("should resolve drain at once when idle, and otherwise only after the last update is done", async () => {
    const f = createInFlight();
    await f.drain();
    const a = gate();
    const b = gate();
    const ra = f.middleware(ctxFor(1), a.next);
    const rb = f.middleware(ctxFor(2), b.next);
    let drained = false;
    const d = f.drain().then(() => {
      drained = true;
    });
    a.release();
    await ra;
    await new Promise((r) => setTimeout(r, 10));
    expect(drained).toBe(false);
    b.release();
    await rb;
    await d;
    expect(drained).toBe(true);
  });

  it("should stop counting an update whose handler throws", async () => {
    const f = createInFlight();
    await expect(
      f.middleware(ctxFor(3), async () => {
        throw new Error("handler failed");
      }),
    ).rejects.toThrow("handler failed");
    expect(f.size()).toBe(0);
    await f.drain();
  });
});
