// Fault suite: a small soak. 300 questions from 60 users while the scripted Bot API fails polls
// (502, null results, dropped connections before and after the call) and rate-limits and fails
// sends. Every question gets exactly one answer: none lost, none duplicated.
import { afterEach, describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/create-bot.js";
import { type RunningBot, startBot } from "../../src/bot/start-bot.js";
import { parseConfig } from "../../src/config.js";
import type { EngineResult } from "../../src/engine/types.js";
import { silentLogger } from "../../src/logger.js";
import { type FakeBotApi, startFakeBotApi } from "../support/fake-bot-api.js";
import { createFakeEngine, toAnswer } from "../support/fake-engine.js";

let api: FakeBotApi | undefined;
let running: RunningBot | undefined;
afterEach(async () => {
  await running?.stop({ drainTimeoutMs: 100 });
  running = undefined;
  await api?.close();
});

describe("soak under faults", () => {
  it("should answer 300 questions exactly once each while polls and sends fail", async () => {
    api = await startFakeBotApi();
    const config = parseConfig({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url, PORT: "0", HOST: "127.0.0.1" });
    // Answers take 0–20 ms, so updates overlap and offsets are held back behind unfinished ones.
    const engine = createFakeEngine(async (q) => {
      await new Promise((r) => setTimeout(r, Math.random() * 20));
      return toAnswer({ lead: `Answer to ${q}.` });
    });
    const bot = createBot(api.token, { config, logger: silentLogger, engine, throttle: false });
    running = await startBot(bot, { config, logger: silentLogger, polling: { backoffInitialMs: 5, backoffMaxMs: 50 } });

    const pollFaults = [
      () =>
        api!.failures.set("getUpdates", [
          ...(api!.failures.get("getUpdates") ?? []),
          { ok: false, error_code: 502, description: "Bad Gateway" },
        ]),
      () => api!.failures.set("getUpdates", [...(api!.failures.get("getUpdates") ?? []), { ok: true, result: null }]),
      () => api!.drops.set("getUpdates", [...(api!.drops.get("getUpdates") ?? []), "before"]),
      () => api!.drops.set("getUpdates", [...(api!.drops.get("getUpdates") ?? []), "after"]),
    ];
    // Faults follow the traffic: every 2nd poll and every 8th send is followed by a fault.
    let polls = 0;
    let sends = 0;
    let pollFaultsInjected = 0;
    const onCall = (c: { method: string }) => {
      if (c.method === "getUpdates" && ++polls % 2 === 0) pollFaults[pollFaultsInjected++ % pollFaults.length]!();
      if (c.method === "sendMessage" && ++sends % 8 === 0) {
        const fault =
          (sends / 8) % 2 === 0
            ? { ok: false as const, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } }
            : { ok: false as const, error_code: 500, description: "Internal Server Error" };
        api!.failures.set("sendMessage", [...(api!.failures.get("sendMessage") ?? []), fault]);
      }
    };
    api.on("call", onCall);

    const users = 60;
    const perUser = 5;
    // In waves, so that polling has to survive the faults to see the later questions.
    for (let q = 0; q < perUser; q++) {
      for (let u = 0; u < users; u++) await api.injectText(`q${q} from ${u}`, { userId: 5000 + u });
      await new Promise((r) => setTimeout(r, 300));
    }

    const answered = () => api!.sent().filter((c) => Number(c.params.chat_id) >= 5000).length;
    await expect.poll(answered, { timeout: 45_000, interval: 200 }).toBe(users * perUser);
    api.off("call", onCall);
    await new Promise((r) => setTimeout(r, 500));
    for (let u = 0; u < users; u++) {
      const texts = api.sent(5000 + u).map((c) => String(c.params.text));
      // Each question answered once, in order (per-chat order is kept).
      expect(texts.map((t) => /Answer to (q\d+) from/.exec(t)?.[1] ?? t)).toEqual(Array.from({ length: perUser }, (_, q) => `q${q}`));
    }
    // The faults did happen (a drop "before" leaves no call behind, so count what was injected).
    expect(pollFaultsInjected).toBeGreaterThanOrEqual(8);
    expect(api.calls.filter((c) => c.method === "getUpdates" && !c.response.ok).length).toBeGreaterThanOrEqual(1);
  }, 60_000);
});

void ({} as EngineResult);
