import { describe, expect, it } from "vitest";
import { defaultQuestions, runBotLoad } from "../../bench/bot-load.js";
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
});
