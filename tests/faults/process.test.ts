// Fault suite: the real process (`node --import tsx src/main.ts`) against a scripted Bot API.
import { afterEach, describe, expect, it } from "vitest";
import { type MainProcess, spawnMain } from "../e2e/spawn-main.js";
import { type FakeBotApi, startFakeBotApi } from "../support/fake-bot-api.js";

let api: FakeBotApi | undefined;
let main: MainProcess | undefined;
afterEach(async () => {
  main?.cleanup();
  await api?.close();
});

describe("the bot process when polling fails for good", () => {
  it.each([
    [
      409,
      "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
      /Another instance is polling/,
    ],
    [401, "Unauthorized", /rejected the bot token while polling/],
  ])("should exit non-zero with one clear line on %i", async (code, description, line) => {
    api = await startFakeBotApi();
    api.failures.set("getUpdates", [{ ok: false, error_code: code, description }]);
    main = spawnMain({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url });
    const exit = await main.exited;
    expect(exit.code).not.toBe(0);
    expect(exit.code).not.toBeNull();
    const plain = main
      .stderr()
      .split("\n")
      .filter((l) => l.trim() && !l.startsWith("{") && line.test(l));
    expect(plain).toHaveLength(1);
    expect(main.stderr()).not.toContain(api.token);
  });
});

describe("the bot process through a Bot API outage", () => {
  it("should come back after failed polls (502, network, null result) and answer", async () => {
    api = await startFakeBotApi();
    api.failures.set("getUpdates", [
      { ok: false, error_code: 502, description: "Bad Gateway" },
      { ok: true, result: null },
      { ok: false, error_code: 502, description: "Bad Gateway" },
    ]);
    api.drops.set("getUpdates", ["before"]);
    main = spawnMain({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url });
    await api.injectText("Сколько компаний было в делегации?", { userId: 91 });
    await api.waitFor((c) => c.method === "sendMessage" && c.params.chat_id === 91 && c.response.ok, 30_000);
    await main.waitForLog((l) => l.msg === "Bot API reachable again");
    expect(main.child.exitCode).toBeNull();
    main.child.kill("SIGTERM");
    expect((await main.exited).code).toBe(0);
  });

  it("should exit 0 promptly on SIGTERM while getUpdates keeps returning something that is not a list", async () => {
    api = await startFakeBotApi();
    api.failures.set(
      "getUpdates",
      Array.from({ length: 10_000 }, () => ({ ok: true as const, result: { updates: "none" } })),
    );
    main = spawnMain({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url });
    await main.waitForLog((l) => l.msg === "getUpdates returned no list; polling again");
    const t = Date.now();
    main.child.kill("SIGTERM");
    expect((await main.exited).code).toBe(0);
    expect(Date.now() - t).toBeLessThan(15_000);
  });
});
