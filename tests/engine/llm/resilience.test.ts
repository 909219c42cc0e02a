import { describe, expect, it } from "vitest";
import { backoffDelay, CircuitBreaker, classifyError, raceAbort, redactSecrets } from "../../../src/engine/llm/resilience.js";
import { httpError } from "./helpers.js";

describe("classifyError", () => {
  it("should treat 5xx, 429 and network failures as transient, other 4xx and unknown errors as final", () => {
    expect(classifyError(httpError(500)).transient).toBe(true);
    expect(classifyError(httpError(503)).transient).toBe(true);
    expect(classifyError(httpError(429)).transient).toBe(true);
    expect(classifyError(Object.assign(new Error("x"), { status_code: 502 })).transient).toBe(true); // ollama
    expect(classifyError(new TypeError("fetch failed", { cause: Object.assign(new Error("s"), { code: "ECONNRESET" }) })).transient).toBe(
      true,
    );
    expect(classifyError(httpError(400)).transient).toBe(false);
    expect(classifyError(httpError(401)).transient).toBe(false);
    expect(classifyError(httpError(404)).transient).toBe(false);
    expect(classifyError(new Error("boom")).transient).toBe(false);
  });
});

describe("redactSecrets", () => {
  it("should remove API keys and bearer tokens", () => {
    const s = redactSecrets("Incorrect API key provided: sk-proj-abcdef1234. Authorization: Bearer abc.def api_key=zzz");
    expect(s).not.toMatch(/abcdef1234|abc\.def|zzz/);
  });
});

describe("backoffDelay", () => {
  it("should grow exponentially with jitter and a cap", () => {
    expect(backoffDelay(0, 100, 1000, () => 0)).toBe(50);
    expect(backoffDelay(2, 100, 1000, () => 0.999)).toBeGreaterThan(390);
    expect(backoffDelay(10, 100, 1000, () => 0.999)).toBeLessThanOrEqual(1000);
  });
});

describe("CircuitBreaker", () => {
  it("should open after N consecutive failures, half-open after the reset time, allow one trial, and close on success", () => {
    let now = 0;
    const states: string[] = [];
    const b = new CircuitBreaker(
      2,
      100,
      () => now,
      (s) => states.push(s),
    );
    expect(b.tryAcquire()).toBe(true);
    b.failure();
    b.success(); // resets the count
    b.failure();
    expect(b.state).toBe("closed");
    b.failure();
    expect(b.state).toBe("open");
    expect(b.tryAcquire()).toBe(false);
    now = 100;
    expect(b.tryAcquire()).toBe(true);
    expect(b.state).toBe("half_open");
    expect(b.tryAcquire()).toBe(false); // one trial at a time
    b.success();
    expect(b.state).toBe("closed");
    expect(states).toEqual(["open", "half_open", "closed"]);
  });
});

describe("raceAbort", () => {
  it("should reject with the abort reason even if the promise never settles", async () => {
    const ctrl = new AbortController();
    const p = raceAbort(new Promise(() => {}), ctrl.signal);
    ctrl.abort(new Error("stop"));
    await expect(p).rejects.toThrow("stop");
  });
});
