import { afterEach, describe, expect, it } from "vitest";
import { BOT_LANGS, textsFor } from "../../src/bot/i18n.js";
import { isNotInSourcesRefusal } from "../support/wording.js";
import { type MainProcess, spawnMain } from "./spawn-main.js";

let main: MainProcess | undefined;
afterEach(() => main?.cleanup());

describe("the console chat (no token)", () => {
  it("should say how to get a token, answer each piped line as plain text and exit 0 at end of input", async () => {
    main = spawnMain({ TELEGRAM_BOT_TOKEN: "" }, "/sources\nСколько компаний было в делегации?\nWhat is the capital of France?\n");
    expect((await main.exited).code).toBe(0);
    expect(main.stderr()).toMatch(/TELEGRAM_BOT_TOKEN.*@BotFather.*\.env/);
    const out = main.stdout();
    expect(out).not.toMatch(/<\/?[a-z]+>|&(lt|gt|amp|quot);/); // rendered, not HTML
    // Replies, without the button lines the console prints under them ("[How many…?]").
    const replies = out
      .trim()
      .split(/\n\n+(?=\S)/)
      .filter(
        (block) =>
          !block
            .split("\n")
            .slice(1)
            .every((line) => /^\[.*\]$/.test(line.trim())) || !block.includes("["),
      );
    expect(out).toMatch(/\[\d+\] «[^»]*31[^»]*»/);
    expect(replies.length).toBeGreaterThanOrEqual(3);
    // The off-topic question gets the engine's refusal, not the bot's error apology.
    const last = replies.at(-1) ?? "";
    for (const lang of BOT_LANGS) expect(last).not.toContain(textsFor(lang).error);
    expect(isNotInSourcesRefusal(last, "en"), last).toBe(true);
  });
});
