// Fault suite: the real process (`node --import tsx src/main.ts`) against a scripted Bot API.
import { afterEach, describe, expect, it } from "vitest";
import { startFakeBotApi, type FakeBotApi } from "../support/fake-bot-api.js";
import { spawnMain, type MainProcess } from "../e2e/spawn-main.js";

let api: FakeBotApi | undefined;
let main: MainProcess | undefined;
afterEach(async () => {
  main?.cleanup();
  await api?.close();
});

describe("the bot process when polling fails for good", () => {
  it.each([
    [409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running", /Another instance is polling/],
    [401, "Unauthorized", /rejected the bot token while polling/],
  ])("should exit non-zero with one clear line on %i", async (code, description, line) => {
    api = await startFakeBotApi();
    api.failures.set("getUpdates", [{ ok: false, error_code: code, description }]);
    main = spawnMain({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url });
    const exit = await main.exited;
    expect(exit.code).not.toBe(0);
    expect(exit.code).not.toBeNull();
    const plain = main.stderr().split("\n").filter((l) => l.trim() && !l.startsWith("{") && line.test(l));
    expect(plain).toHaveLength(1);
    expect(main.stderr()).not.toContain(api.token);
  });
});
