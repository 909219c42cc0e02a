import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, tempDirs } from "../fixtures/paths.js";
import { runCli } from "./run-cli.js";

describe("npm run eval", () => {
  const tmp = tempDirs();
  afterAll(() => tmp.cleanup());
  const env = () => ({ CORPUS_DIR: join(ROOT, "corpus"), INDEX_DIR: join(tmp.make(), "index") });
  const gold = (ids: string[]) => {
    const lines = readFileSync(join(ROOT, "eval/gold.jsonl"), "utf8")
      .split("\n")
      .filter((l) => ids.some((id) => l.includes(`"id": "${id}"`)));
    expect(lines).toHaveLength(ids.length);
    return lines;
  };

  it("should score a gold set: failures listed, the ok count and one summary line of metrics", async () => {
    const file = join(tmp.make(), "small.jsonl");
    // Two answerable questions and one that must be refused, all met today; plus one impossible item.
    const impossible = JSON.stringify({
      id: "t99",
      lang: "en",
      kind: "answerable",
      question: "How many companies were in the delegation?",
      must: ["no such text anywhere"],
      support: [1],
    });
    writeFileSync(file, `${[...gold(["d01", "d02"]), impossible].join("\n")}\n`);
    const r = await runCli("eval", ["--set", file], env());
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout.trim().split("\n");
    expect(out.filter((l) => l.startsWith("FAIL"))).toEqual([expect.stringMatching(/^FAIL t99 +answerable en /)]);
    expect(out).toContain(`gold ${file}: 2/3 ok`);
    const summary = out.find((l) => l.startsWith("summary: "));
    expect(summary).toMatch(/ answerable=0\.667 /);
    expect(summary).toMatch(/ p95_ms=\d/);
  }, 60_000);

  it("should explain a failure with --trace and exit 1 under --bars when a bar is missed", async () => {
    const file = join(tmp.make(), "failing.jsonl");
    writeFileSync(
      file,
      `${JSON.stringify({ id: "t98", lang: "en", kind: "offtopic", question: "How many companies were in the delegation?" })}\n`,
    );
    const r = await runCli("eval", ["--set", file, "--trace", "--bars"], env());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FAIL t98 +offtopic +en /m);
    expect(r.stdout).toMatch(/^ {6}q: How many companies were in the delegation\?$/m);
    expect(r.stdout).toMatch(/^ {6}type=\S+ known=\d\.\d\d cov=/m); // the gate inputs
    expect(r.stdout).toMatch(/^below bar: .*offtopic/m);
  }, 60_000);
});
