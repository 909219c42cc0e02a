// Drives the real bot through bot.handleUpdate; an API transformer captures every outgoing call
// and checks each text with the Telegram HTML checker.
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import { expect, onTestFinished } from "vitest";
import { type CreateBotOptions, createBot } from "../../src/bot/create-bot.js";
import { type Config, parseConfig } from "../../src/config.js";
import type { Engine } from "../../src/engine/types.js";
import { silentLogger } from "../../src/logger.js";
import { createFakeEngine } from "./fake-engine.js";
import { checkCall } from "./telegram-rules.js";
import { BOT_INFO } from "./updates.js";

export interface Call {
  method: string;
  payload: Record<string, unknown>;
  at: number;
}

export interface HarnessOptions extends Partial<Omit<CreateBotOptions, "config" | "engine">> {
  engine?: Engine;
  env?: Record<string, string>;
  /** Replaces the fake API's answer for a call (e.g. a failure). */
  respond?: (call: Call) => { ok: boolean; result?: unknown; error_code?: number; description?: string } | undefined;
}

let harnesses = 0;

export function createHarness(options: HarnessOptions = {}) {
  const calls: Call[] = [];
  const invalid: string[] = [];
  let messageId = 5000;
  // HTML replies unless a test turns rich messages on; ratings go to a temporary file.
  const config: Config = parseConfig({
    TELEGRAM_BOT_TOKEN: "123:TEST",
    TELEGRAM_RICH_MESSAGES: "off",
    FEEDBACK_FILE: join(tmpdir(), `event-qa-feedback-${process.pid}-${++harnesses}.jsonl`),
    ...options.env,
  });
  const engine = options.engine ?? createFakeEngine();
  const bot = createBot("123:TEST", { logger: silentLogger, throttle: false, botInfo: BOT_INFO, ...options, config, engine });
  bot.api.config.use(async (_prev, method, payload) => {
    const call: Call = { method, payload: { ...(payload as Record<string, unknown>) }, at: Date.now() };
    calls.push(call);
    const errors = checkCall(method, call.payload);
    if (errors.length) invalid.push(`${method}: ${errors.join("; ")}`);
    const custom = options.respond?.(call);
    if (custom) return custom as never;
    const p = call.payload;
    const result =
      method === "sendMessage" || method === "editMessageText"
        ? {
            message_id: (p.message_id as number | undefined) ?? ++messageId,
            date: Math.floor(Date.now() / 1000),
            chat: { id: p.chat_id, type: "private" },
            text: p.text,
          }
        : method === "sendRichMessage"
          ? {
              message_id: ++messageId,
              date: Math.floor(Date.now() / 1000),
              chat: { id: p.chat_id, type: "private" },
              rich_message: { blocks: [] },
            }
          : true;
    return { ok: true, result } as never;
  });
  onTestFinished(() => expect(invalid, "every outgoing text passes Telegram's HTML rules").toEqual([]));
  return {
    bot,
    engine,
    calls,
    invalid,
    send: (update: Update) => bot.handleUpdate(update),
    /** Calls of one method. */
    of: (method: string) => calls.filter((c) => c.method === method),
    /** Texts of sendMessage calls, in order. */
    sentTexts: () => calls.filter((c) => c.method === "sendMessage").map((c) => c.payload.text as string),
  };
}
