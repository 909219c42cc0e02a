import { afterEach, describe, expect, it, vi } from "vitest";
import { readConfigOrExit } from "../src/env.js";

class Exit extends Error {
  constructor(readonly code: number | undefined) {
    super(`process.exit(${code})`);
  }
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("readConfigOrExit", () => {
  it("should return the validated configuration of the process environment", () => {
    vi.stubEnv("PORT", "9099");
    vi.stubEnv("BOT_MODE", "polling");
    const config = readConfigOrExit();
    expect(config.PORT).toBe(9099);
    expect(config.BOT_MODE).toBe("polling");
  });

  it("should print the variable's problem on stderr and exit 2 on a bad value", () => {
    vi.stubEnv("PORT", "70000");
    vi.stubEnv("RATE_LIMIT_PER_MINUTE", "0");
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Exit(code === undefined || code === null ? undefined : Number(code));
    });
    expect(() => readConfigOrExit()).toThrow(Exit);
    expect(process.exit).toHaveBeenCalledWith(2);
    const printed = stderr.mock.calls.map((c) => String(c[0])).join("");
    expect(printed).toMatch(/^Invalid configuration:\n {2}PORT: .*65535\n {2}RATE_LIMIT_PER_MINUTE: .*1\n$/);
  });
});
