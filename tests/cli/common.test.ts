import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { loadConfig, startEngine } from "../../src/cli/common.js";
import { parseConfig } from "../../src/config.js";
import { readConfigOrExit } from "../../src/env.js";
import { tempDirs } from "../fixtures/paths.js";

const tmp = tempDirs();
afterAll(() => tmp.cleanup());
afterEach(() => {
  vi.restoreAllMocks();
});

function captureStderr() {
  const written: string[] = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  return written;
}

describe("loadConfig", () => {
  it("should be the entry points' one configuration loader (exit 2 on a bad variable)", () => {
    expect(loadConfig).toBe(readConfigOrExit);
  });
});

describe("startEngine", () => {
  it("should build the engine for the configured corpus, reporting index progress on stderr", async () => {
    const written = captureStderr();
    const engine = await startEngine(parseConfig({ CORPUS_DIR: tmp.copyCorpus(), INDEX_DIR: join(tmp.make(), "index") }));
    try {
      expect(engine.documents()).toHaveLength(1);
      expect(written.length).toBeGreaterThan(0);
      for (const line of written) expect(line).toMatch(/^\[index\] .+\n$/);
    } finally {
      await engine.close();
    }
  }, 60_000);

  it("should print one 'Corpus error' line naming the file and exit 1 for a malformed corpus", async () => {
    const corpus = tmp.copyCorpus();
    writeFileSync(join(corpus, "broken.md"), "no front matter\n");
    const written = captureStderr();
    vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`exit ${String(code)}`);
    });
    await expect(startEngine(parseConfig({ CORPUS_DIR: corpus, INDEX_DIR: join(tmp.make(), "index") }))).rejects.toThrow("exit 1");
    expect(written.filter((l) => !l.startsWith("[index]"))).toEqual([expect.stringMatching(/^Corpus error: broken\.md: no front matter/)]);
  }, 60_000);
});
