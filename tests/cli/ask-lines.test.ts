import { describe, expect, it } from "vitest";
import { askLines } from "../../src/cli/ask-lines.js";
import type { EngineResult } from "../../src/engine/types.js";

/** An engine that refuses every question, and fails on the one containing "boom". */
const engine = {
  ask: async (question: string): Promise<EngineResult> => {
    if (question.includes("boom")) throw new Error("span finder broke");
    return { kind: "refusal", lang: "ru", reason: "off_topic", ms: 1 };
  },
  documents: () => [],
};

describe("askLines", () => {
  it("should answer the questions after one the engine fails on, and name the failed one by its id and line", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const text = ['{"id":"a","question":"первый"}', '{"id":"b","question":"boom"}', '{"id":"c","question":"третий"}'].join("\n");
    const counts = await askLines(engine, "q.jsonl", text, { out: (l) => out.push(l), err: (l) => err.push(l) });
    expect(counts).toEqual({ answered: 2, failed: 1 });
    expect(out.map((l) => JSON.parse(l).id)).toEqual(["a", "b", "c"]);
    expect(JSON.parse(out[1]!)).toEqual({ id: "b", error: "span finder broke" });
    expect(JSON.parse(out[2]!).refused).toBe(true);
    expect(err).toEqual(['q.jsonl:2: question "b" failed: span finder broke']);
  });

  it("should skip a malformed line with its line number and go on", async () => {
    const out: string[] = [];
    const err: string[] = [];
    await askLines(engine, "q.jsonl", '{ nope\n\n[1]\n{"id":7,"question":"ok"}\n', { out: (l) => out.push(l), err: (l) => err.push(l) });
    expect(err).toEqual(["q.jsonl:1: not JSON, skipped", 'q.jsonl:3: not a {"id","question"} object, skipped']);
    expect(out.map((l) => JSON.parse(l).id)).toEqual([7]);
  });
});
