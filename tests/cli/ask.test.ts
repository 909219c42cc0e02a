import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/engine/corpus.js";
import { ROOT, tempDirs } from "../fixtures/paths.js";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runAsk(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ["dist/bin/ask.js", ...args], {
      // what `npm run ask` runs (built in tests/global-setup.ts)
      cwd: ROOT,
      env: { ...process.env, ...env, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, stdout, stderr }));
  });
}

describe("ask --jsonl", () => {
  const tmp = tempDirs();
  let corpusDir: string;
  let run: Run;
  let inputFile: string;
  let wallMs: number;

  beforeAll(async () => {
    corpusDir = tmp.copyCorpus();
    const dir = tmp.make();
    inputFile = join(dir, "questions.jsonl");
    writeFileSync(
      inputFile,
      `${[
        JSON.stringify({ id: "q1", question: "Сколько компаний было представлено в делегации?" }),
        "{ this is not json",
        "",
        JSON.stringify({ id: "q2", question: "What is the capital of France?" }),
        JSON.stringify({ id: 3, question: "How many companies were in the delegation?" }),
        "null",
      ].join("\n")}\n`,
    );
    const started = performance.now();
    run = await runAsk(["--jsonl", inputFile], { CORPUS_DIR: corpusDir, INDEX_DIR: join(dir, "index") });
    wallMs = performance.now() - started;
  }, 60_000);
  afterAll(() => tmp.cleanup());

  it("should exit 0 and print exactly one JSON line per valid question, nothing else", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.endsWith("\n")).toBe(true);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it("should give each line the contract's fields", () => {
    const title = loadCorpus(corpusDir).documents[0]!.title;
    const items = run.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(items.map((x) => x.id)).toEqual(["q1", "q2", 3]);
    for (const x of items) {
      expect(typeof x.refused).toBe("boolean");
      expect(typeof x.answer).toBe("string");
      expect((x.answer as string).length).toBeGreaterThan(0);
      expect(Array.isArray(x.citations)).toBe(true);
      expect(["ru", "en", "az"]).toContain(x.lang);
      expect(Number.isFinite(x.ms)).toBe(true);
      for (const c of x.citations as Record<string, unknown>[]) {
        expect(typeof c.n).toBe("number");
        expect(typeof c.quote).toBe("string");
        expect(c.doc).toBe("2026-02-10-baku-azerbaijan-us-strategic-partnership");
        expect(c.title).toBe(title);
      }
    }
    // ms is each question's own time: non-negative, and together less than the whole run
    // (not a timestamp, not time since start, not micro- or nanoseconds).
    const ms = items.map((x) => x.ms as number);
    expect(Math.min(...ms)).toBeGreaterThanOrEqual(0);
    expect(ms.reduce((a, b) => a + b, 0)).toBeLessThan(wallMs);
    const [q1, q2, q3] = items;
    expect(q1).toMatchObject({ refused: false, lang: "ru" });
    expect((q1!.citations as { quote: string }[]).some((c) => c.quote.includes("31"))).toBe(true);
    expect(q2).toMatchObject({ refused: true, lang: "en", citations: [] });
    expect(["off_topic", "weak_evidence"]).toContain(q2!.reason);
    expect(q3).toMatchObject({ refused: false, lang: "en" });
  });

  it("should report the malformed line on stderr, by file and line number", () => {
    expect(run.stderr).toContain(`${inputFile}:2: not JSON, skipped`);
    expect(run.stderr).toContain(`${inputFile}:6: not a {"id","question"} object, skipped`);
    expect(run.stderr).toContain("answered 3 questions");
  });

  it("should exit 1 with a clear message for a malformed corpus", async () => {
    const bad = tmp.copyCorpus();
    writeFileSync(join(bad, "broken.md"), "no front matter\n");
    const r = await runAsk(["--jsonl", inputFile], { CORPUS_DIR: bad, INDEX_DIR: join(tmp.make(), "index") });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Corpus error: broken.md: no front matter");
  }, 60_000);

  it("should print one question as a person reads it: the short answer, then each quote once", async () => {
    const r = await runAsk(["Сколько компаний было в делегации?"], { CORPUS_DIR: corpusDir, INDEX_DIR: join(tmp.make(), "index") });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^31 компани/); // the short answer leads, not a quote
    expect(lines[0]).not.toContain("«");
    expect(r.stdout.match(/Как сообщили/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/\n {4}— В Баку обсуждено стратегическое партнерство Азербайджана и США, 10 февраля 2026 г\.\n$/);
  }, 60_000);
});
