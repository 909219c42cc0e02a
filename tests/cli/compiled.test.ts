// The compiled start path (`npm start` / `npm run ask` run dist/bin/*.js built by scripts/build.mjs).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, tempDirs } from "../fixtures/paths.js";

const node = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", env: { ...process.env, LOG_LEVEL: "warn", ...env }, timeout: 60_000 });

describe("compiled entry points", () => {
  const tmp = tempDirs();
  afterAll(() => tmp.cleanup());
  beforeAll(() => {
    const r = node(["scripts/build.mjs"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(""); // stdout belongs to `npm run --silent ask -- --jsonl`
  }, 60_000);

  it("should answer one question with node dist/bin/ask.js", () => {
    const dir = tmp.make();
    const r = node(["dist/bin/ask.js", "Сколько компаний было представлено в делегации?"], {
      CORPUS_DIR: "corpus",
      INDEX_DIR: join(dir, "index"),
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("31");
    expect(r.stdout).toMatch(/\[1\]/);
  }, 60_000);

  it("should report a bad variable with exit code 2 before loading the engine", () => {
    const r = node(["dist/bin/main.js"], { PORT: "not-a-port", CORPUS_DIR: "/nonexistent" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("PORT");
  }, 30_000);
});
