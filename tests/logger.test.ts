import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger, silentLogger } from "../src/logger.js";
import { ROOT } from "./fixtures/paths.js";

afterEach(() => {
  vi.restoreAllMocks();
});

/** What a child process's createLogger(options) writes for one record (JSON mode goes to fd 2 directly). */
function logInChild(options: object, fields: object, msg: string): { stdout: string; stderr: string } {
  const args = [options, fields, msg].map((x) => JSON.stringify(x));
  const script = `import("./src/logger.ts").then(({ createLogger }) => createLogger(${args[0]}).info(${args[1]}, ${args[2]}))`;
  const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" });
  return { stdout: r.stdout, stderr: r.stderr };
}

describe("createLogger", () => {
  it("should write JSON lines to stderr, never stdout, with secrets redacted", () => {
    const { stdout, stderr } = logInChild(
      { name: "test" },
      { config: { TELEGRAM_BOT_TOKEN: "123:SECRET", WEBHOOK_SECRET: "hook_secret", LLM_API_KEY: "sk-1", PORT: 8080 }, token: "123:SECRET" },
      "started",
    );
    expect(stdout).toBe("");
    const line = JSON.parse(stderr.trim()) as Record<string, unknown>;
    expect(line).toMatchObject({
      name: "test",
      level: 30,
      msg: "started",
      token: "[redacted]",
      config: { TELEGRAM_BOT_TOKEN: "[redacted]", WEBHOOK_SECRET: "[redacted]", LLM_API_KEY: "[redacted]", PORT: 8080 },
    });
    expect(stderr).not.toMatch(/123:SECRET|hook_secret|sk-1/);
  });

  it("should drop records below the level", () => {
    expect(logInChild({ level: "warn" }, {}, "hidden").stderr).toBe("");
  });

  it("should write one readable line per record with LOG_PRETTY, secrets still redacted", () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const logger = createLogger({ pretty: true, level: "debug" });
    logger.warn({ port: 8080, mode: "polling", token: "123:SECRET", nested: { a: 1 } }, "health check server not started");
    logger.debug("details");
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(
      /^\d\d:\d\d:\d\d WARN health check server not started port=8080 mode=polling token=\[redacted\] nested=\{"a":1\}\n$/,
    );
    expect(written[1]).toMatch(/^\d\d:\d\d:\d\d DEBUG details\n$/);
  });
});

describe("silentLogger", () => {
  it("should log nothing at any level", () => {
    expect(silentLogger.level).toBe("silent");
    expect(silentLogger.isLevelEnabled("fatal")).toBe(false);
  });
});
