import { afterEach, describe, expect, it, vi } from "vitest";
import { answerHtml as formatAnswerHtml } from "../../src/render/telegram-html.js";
import { createFakeEngine, toAnswer } from "../support/fake-engine.js";
import { createHarness } from "../support/harness.js";
import { groupText, privateText } from "../support/updates.js";

const final = toAnswer({ mode: "generative", lead: "The delegation included 31 companies." });

/** An engine that streams a growing draft every 100 ms for 2.5 s, then returns the verified answer. */
const streamingEngine = () =>
  createFakeEngine(async (_q, options) => {
    for (let i = 1; i <= 25; i++) {
      options?.onPartial?.(`Draft <${i}> ${"word ".repeat(i)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return final;
  });

afterEach(() => {
  vi.useRealTimers();
});

describe("live drafts", () => {
  it("should show one placeholder, edit it at most once per second, and finish with the verified answer", async () => {
    vi.useFakeTimers();
    const h = createHarness({ engine: streamingEngine() });
    const done = h.send(privateText("How many companies?"));
    await vi.advanceTimersByTimeAsync(6000);
    await done;
    const draftCalls = h.calls.filter((c) => c.method === "sendMessage" || c.method === "editMessageText");
    expect(draftCalls[0]!.method).toBe("sendMessage");
    expect(draftCalls[0]!.payload.text).toMatch(/^Draft &lt;1&gt; word/);
    expect(h.of("sendMessage")).toHaveLength(1);
    const edits = h.of("editMessageText");
    expect(edits.length).toBeGreaterThanOrEqual(2);
    expect(edits.length).toBeLessThanOrEqual(4); // 2.5 s of drafting, ≤ 1 edit/s, plus the final edit
    for (let i = 1; i < draftCalls.length; i++) expect(draftCalls[i]!.at - draftCalls[i - 1]!.at).toBeGreaterThanOrEqual(1000);
    for (const e of edits) expect(e.payload.message_id).toBe(5001);
    expect(edits.at(-1)!.payload.text).toBe(formatAnswerHtml(final));
  });

  it("should not draft in groups, where only the final answer is sent", async () => {
    vi.useFakeTimers();
    const engine = streamingEngine();
    const h = createHarness({ engine });
    const done = h.send(groupText("/ask How many companies?"));
    await vi.advanceTimersByTimeAsync(3000);
    await done;
    expect(engine.asked[0]!.options?.onPartial).toBeUndefined();
    expect(h.sentTexts()).toEqual([formatAnswerHtml(final)]);
    expect(h.of("editMessageText")).toHaveLength(0);
  });

  it("should send the answer normally when the engine never streams", async () => {
    const h = createHarness();
    await h.send(privateText("question"));
    expect(h.of("editMessageText")).toHaveLength(0);
    expect(h.of("sendMessage")).toHaveLength(1);
  });

  it("should fall back to a new message when the final edit fails", async () => {
    vi.useFakeTimers();
    const h = createHarness({
      engine: streamingEngine(),
      respond: (c) =>
        c.method === "editMessageText" && c.payload.text === formatAnswerHtml(final)
          ? { ok: false, error_code: 400, description: "Bad Request: message to edit not found" }
          : undefined,
    });
    const done = h.send(privateText("q"));
    await vi.advanceTimersByTimeAsync(6000);
    await done;
    expect(h.sentTexts().at(-1)).toBe(formatAnswerHtml(final));
    expect(h.of("deleteMessage")).toHaveLength(1); // the unverified draft does not stay
  });

  it("should take the draft down when the engine fails after streaming", async () => {
    vi.useFakeTimers();
    const engine = createFakeEngine(async (_q, options) => {
      options?.onPartial?.("Unverified words");
      await new Promise((r) => setTimeout(r, 1500));
      throw new Error("model crashed");
    });
    const h = createHarness({ engine });
    const done = h.send(privateText("q"));
    await vi.advanceTimersByTimeAsync(3000);
    await done;
    expect(String(h.of("sendMessage")[0]!.payload.text)).toContain("Unverified words"); // the draft was shown
    expect(h.of("deleteMessage")).toHaveLength(1); // and taken down
    expect(h.sentTexts().at(-1)).not.toContain("Unverified"); // the last message is the apology
  });
});
