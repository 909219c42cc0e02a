// src/main.ts as a process: what it does before and around the bot (the bot itself: tests/e2e).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { type MainProcess, spawnMain } from "./e2e/spawn-main.js";
import { tempDirs } from "./fixtures/paths.js";

let main: MainProcess | undefined;
const tmp = tempDirs();
afterEach(() => main?.cleanup());
afterAll(() => tmp.cleanup());

describe("main", () => {
  it("should exit 1 with one clear line, no stack, when the corpus is malformed", async () => {
    const corpus = tmp.copyCorpus();
    writeFileSync(join(corpus, "broken.md"), "no front matter\n");
    main = spawnMain({ TELEGRAM_BOT_TOKEN: "", CORPUS_DIR: corpus }, "");
    expect((await main.exited).code).toBe(1);
    expect(main.stderr()).toMatch(/^CorpusError: broken\.md: no front matter: /m);
    expect(main.stderr()).not.toMatch(/^\s+at /m);
    expect(main.stdout()).toBe("");
  });

  it("should exit 2 naming each bad variable before loading anything", async () => {
    main = spawnMain({ TELEGRAM_BOT_TOKEN: "1:X", BOT_MODE: "webhook", WEBHOOK_SECRET: "has spaces" });
    expect((await main.exited).code).toBe(2);
    expect(main.stderr()).toContain("WEBHOOK_URL: required when BOT_MODE=webhook");
    expect(main.stderr()).toContain("WEBHOOK_SECRET: 1-256 characters");
    expect(main.stderr()).not.toContain("index");
  });

  it("should write readable log lines instead of JSON with LOG_PRETTY=true", async () => {
    main = spawnMain({ TELEGRAM_BOT_TOKEN: "", LOG_LEVEL: "info", LOG_PRETTY: "true" }, "");
    expect((await main.exited).code).toBe(0);
    expect(main.stderr()).toMatch(/^\d\d:\d\d:\d\d INFO index built .*sentences=\d+/m);
    expect(main.stderr()).not.toMatch(/^\{/m);
  });

  it("should stop the console chat on SIGTERM with exit 0 while it waits for input", async () => {
    main = spawnMain({ TELEGRAM_BOT_TOKEN: "" }); // stdin stays open: the chat waits
    const m = main;
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (m.stderr().includes("TELEGRAM_BOT_TOKEN is not set")) {
          clearInterval(timer);
          resolve();
        }
      }, 50);
      void m.exited.then(() => reject(new Error(`exited early: ${m.stderr()}`)));
    });
    m.child.kill("SIGTERM");
    expect(await m.exited).toEqual({ code: 0, signal: null });
  });
});
