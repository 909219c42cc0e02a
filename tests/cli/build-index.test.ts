import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tempDirs } from "../fixtures/paths.js";
import { runCli } from "./run-cli.js";

describe("npm run index (build-index)", () => {
  const tmp = tempDirs();
  afterAll(() => tmp.cleanup());

  it("should build a missing index, report it up to date next time, and rebuild it with --force", async () => {
    const env = { CORPUS_DIR: tmp.copyCorpus(), INDEX_DIR: join(tmp.make(), "index") };
    const first = await runCli("build-index", [], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      new RegExp(
        `^index built \\(no index yet\\): 1 document\\(s\\), \\d+ sentences, \\d+ glossary groups, ` +
          `embedder \\S+ → ${env.INDEX_DIR} \\(\\d+ ms\\)\\n$`,
      ),
    );
    expect(first.stderr).toContain("[index]");
    expect(existsSync(join(env.INDEX_DIR, "manifest.json"))).toBe(true);

    const second = await runCli("build-index", [], env);
    expect(second.stdout).toMatch(/^index up to date: 1 document\(s\)/);

    const forced = await runCli("build-index", ["--force"], env);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/^index built /);
  }, 60_000);

  it("should rebuild when the corpus changes", async () => {
    const env = { CORPUS_DIR: tmp.copyCorpus(), INDEX_DIR: join(tmp.make(), "index") };
    await runCli("build-index", [], env);
    writeFileSync(
      join(env.CORPUS_DIR, "2026-03-01-second.md"),
      '---\ntitle: "Second article"\ndate: 2026-03-01\n---\n\nA second article with one sentence about the talks.\n',
    );
    const r = await runCli("build-index", [], env);
    expect(r.stdout).toMatch(/^index built \(.+\): 2 document\(s\)/);
  }, 60_000);

  it("should refuse --force on a folder that is not an index, and leave its files alone", async () => {
    const dir = join(tmp.make(), "mine");
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "keep me");
    const r = await runCli("build-index", ["--force"], { CORPUS_DIR: tmp.copyCorpus(), INDEX_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/index failed: INDEX_DIR .* holds other files .*refusing to replace it/);
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("keep me");
  }, 60_000);
});
