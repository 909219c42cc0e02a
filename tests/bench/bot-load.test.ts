import { describe, expect, it } from "vitest";
import { compareBotLoad, defaultQuestions, echoAnswer, evalQuestions, runBotLoad } from "../../bench/bot-load.js";
import { createFakeEngine, toAnswer, toRefusal } from "../support/fake-engine.js";

describe("runBotLoad", () => {
  it("should get exactly one reply per question through the fake Bot API server", async () => {
    const engine = createFakeEngine((q) => (q.includes("France") ? toRefusal() : toAnswer({ lead: q })));
    const r = await runBotLoad({ engine, questions: defaultQuestions(), users: 20, total: 100 });
    expect(r).toMatchObject({ questions: 100, replies: 100, lost: 0, duplicated: 0 });
    expect(r.repliesPerSec).toBeGreaterThan(0);
    expect(r.p95Ms).toBeGreaterThanOrEqual(r.p50Ms);
    expect(engine.asked).toHaveLength(100);
  });

  it("should report lost replies when the bot never answers", async () => {
    const engine = createFakeEngine(() => new Promise(() => {}));
    const r = await runBotLoad({ engine, questions: ["q"], users: 2, total: 2, replyTimeoutMs: 300 });
    expect(r).toMatchObject({ replies: 0, lost: 2 });
  });

  it("should reply through the echo without asking the engine when given the ceiling's handler", async () => {
    const engine = createFakeEngine(() => toAnswer());
    const r = await runBotLoad({ engine, questions: defaultQuestions(), users: 10, total: 30, answer: echoAnswer });
    expect(r).toMatchObject({ questions: 30, replies: 30, lost: 0, duplicated: 0 });
    expect(engine.asked).toHaveLength(0);
  });
});

describe("compareBotLoad", () => {
  it("should run real, stub and ceiling interleaved and report their medians and ratios", async () => {
    const engine = createFakeEngine((q) => toAnswer({ lead: q }));
    const questions = defaultQuestions();
    const c = await compareBotLoad({ engine, questions, users: 10, total: 30, reps: 2, stub: true, warmUp: false });
    expect(c.runs.map((r) => `${r.mode}#${r.rep}`)).toEqual(["real#0", "stub#0", "ceiling#0", "stub#1", "ceiling#1", "real#1"]);
    expect(c).toMatchObject({ lost: 0, duplicated: 0 });
    expect(c.median.real).toBeGreaterThan(0);
    expect(c.median.ceiling).toBeGreaterThan(0);
    expect(c.ratio).toBeGreaterThan(0);
    expect(c.stubRatio).toBeGreaterThan(0);
    expect(c.cpuMsPerReply.real).toBeGreaterThan(0);
    expect(c.cpuMsPerReply.ceiling).toBeGreaterThan(0);
    expect(c.engineMsPerQuestion).toBeGreaterThan(0);
    // Real runs and the engine's own timing ask per question; the stub asked each distinct question once beforehand.
    expect(engine.asked).toHaveLength(2 * 30 + 2 * 30 + new Set(questions).size);
  });

  it("should warm each mode up with an unmeasured quarter of the questions unless told not to", async () => {
    const engine = createFakeEngine((q) => toAnswer({ lead: q }));
    const c = await compareBotLoad({ engine, questions: ["q1", "q2"], users: 4, total: 8, reps: 1 });
    expect(c.runs.map((r) => r.mode)).toEqual(["real", "ceiling"]);
    // Lazy-load pass (2), warm-up real run (8 / 4), the engine's timing (8), the measured real run (8).
    expect(engine.asked).toHaveLength(2 + 2 + 8 + 8);
  });

  it("should offer a varied question set: every question of eval/gold.jsonl and eval/dev2.jsonl", () => {
    const qs = evalQuestions();
    expect(qs.length).toBeGreaterThanOrEqual(160);
    expect(new Set(qs).size).toBeGreaterThan(150);
    expect(qs.every((q) => typeof q === "string" && q.length > 0)).toBe(true);
    expect(qs).toContain("а кто входил в эту делегацию?");
  });
});
