import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createFeedbackStore, type FeedbackEntry } from "../../src/bot/feedback.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const entry = (vote: "up" | "down", short: string): FeedbackEntry => ({
  at: "2026-02-10T00:00:00Z",
  vote,
  question: null,
  short,
  lang: "en",
});

describe("createFeedbackStore", () => {
  it("should make the missing folder on the first vote, again if it went away, and append each vote as a line", async () => {
    const root = mkdtempSync(join(tmpdir(), "feedback-"));
    dirs.push(root);
    const file = join(root, "a", "b", "feedback.jsonl");
    const store = createFeedbackStore(file);
    await Promise.all([store.record(entry("up", "x")), store.record(entry("down", "y"))]);
    rmSync(join(root, "a"), { recursive: true });
    await store.record(entry("down", "z"));
    expect(
      readFileSync(file, "utf8")
        .trim()
        .split("\n")
        .map((l) => (JSON.parse(l) as FeedbackEntry).short),
    ).toEqual(["z"]);
    await store.record(entry("down", "z"));
    expect(await store.summary()).toEqual({ up: 0, down: 2, total: 2, worst: [{ short: "z", down: 2 }] });
  });
});
