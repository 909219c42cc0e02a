import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runConsoleChat, toConsoleUpdate } from "../../src/bot/console-chat.js";
import { parseConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { createFakeEngine, toAnswer } from "../support/fake-engine.js";

async function chat(lines: string, interactive = false, engine = createFakeEngine((q) => toAnswer({ lead: `Quote about ${q}` }))) {
  const input = new PassThrough();
  const output = new PassThrough();
  let out = "";
  output.on("data", (d: Buffer) => (out += d.toString()));
  const done = runConsoleChat({ engine, config: parseConfig({}), logger: silentLogger, input, output, interactive, languageCode: "en" });
  input.end(lines);
  await done;
  return { out, engine };
}

describe("console chat", () => {
  it("should answer each line through the bot handlers and print plain text with citations", async () => {
    const { out, engine } = await chat("first <question>\n\nsecond & last\n");
    expect(engine.asked.map((a) => a.question)).toEqual(["first <question>", "second & last"]);
    expect(out).toContain(
      '[1] «Quote about first <question>»\n— Talks <in> Baku & "partners" (https://example.org/a?x=1&y=2), 10 February 2026',
    );
    expect(out).not.toMatch(/&lt;|&amp;|<b>/);
  });

  it("should print the buttons under an answer and leave on exit or quit", async () => {
    const { out, engine } = await chat("first\nexit\nnever asked\n");
    expect(engine.asked.map((a) => a.question)).toEqual(["first"]);
    expect(out).toContain("[📄 Whole paragraph]\n[How many companies were in the delegation?]");
    expect(out).toContain("[👍] [👎]");
    const quit = await chat("QUIT\nnever asked\n");
    expect(quit.engine.asked).toHaveLength(0);
  });

  it("should run commands such as /sources and /start in the user's language", async () => {
    const { out, engine } = await chat("/sources\n/start\n");
    expect(engine.asked).toHaveLength(0);
    expect(out).toContain("The materials I answer from:");
    expect(out).toContain("Hello!");
  });

  it("should show a prompt only when interactive", async () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: readline's cursor codes start with ESC
    const plain = (s: string) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "");
    expect(plain((await chat("q\n", true)).out).startsWith("> ")).toBe(true);
    expect(plain((await chat("q\n", false)).out).startsWith("> ")).toBe(false);
  });

  it("should build a private-chat update with a bot_command entity for commands", () => {
    const u = toConsoleUpdate("/ask@event_qa_bot who?", 3, "ru");
    expect(u.message?.entities).toEqual([{ type: "bot_command", offset: 0, length: 17 }]);
    expect(u.message?.chat.type).toBe("private");
    expect(u.message?.from?.language_code).toBe("ru");
  });
});
