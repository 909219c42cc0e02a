// A chat in the terminal that runs the same bot handlers: each line becomes a private-chat Update,
// and outgoing Bot API calls are intercepted and printed as plain text.
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Message, MessageEntity, Update, UserFromGetMe } from "grammy/types";
import type { Config } from "../config.js";
import type { Engine } from "../engine/types.js";
import type { Logger } from "../logger.js";
import { createBot } from "./create-bot.js";
import { htmlToPlainText } from "./html.js";

export const CONSOLE_BOT_INFO = {
  id: 1,
  is_bot: true,
  first_name: "Event QA",
  username: "event_qa_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
} as UserFromGetMe;

export interface ConsoleChatOptions {
  engine: Engine;
  config: Config;
  logger: Logger;
  input: Readable;
  output: Writable;
  /** Show a prompt (stdin is a terminal). */
  interactive: boolean;
  /** The console user's language for the bot's wording (e.g. from $LANG). */
  languageCode?: string;
}

const USER_ID = 1000;

/** The private-chat Update Telegram would send for this line. */
export function toConsoleUpdate(text: string, updateId: number, languageCode?: string): Update {
  const command = /^\/[a-z0-9_]+(@[a-z0-9_]+)?/i.exec(text);
  const entities: MessageEntity[] = command ? [{ type: "bot_command", offset: 0, length: command[0].length }] : [];
  const message: Message.TextMessage = {
    message_id: updateId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: USER_ID, type: "private", first_name: "You" },
    from: { id: USER_ID, is_bot: false, first_name: "You", ...(languageCode ? { language_code: languageCode } : {}) },
    text,
    ...(entities.length ? { entities } : {}),
  };
  return { update_id: updateId, message } as Update;
}

/** The buttons under a message as one line each row: "[📄 Whole paragraph] [👍] [👎]". */
export function keyboardText(markup: unknown): string {
  const rows = (markup as { inline_keyboard?: { text: string }[][] } | undefined)?.inline_keyboard ?? [];
  return rows.map((row) => `${row.map((b) => `[${b.text}]`).join(" ")}\n`).join("");
}

/** Reads lines until the end of input or `exit`/`quit`; resolves then. */
export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { output } = options;
  const bot = createBot("0:console", {
    // The console prints HTML messages; rich messages are a Telegram client's rendering.
    config: { ...options.config, TELEGRAM_RICH_MESSAGES: "off" },
    logger: options.logger,
    engine: options.engine,
    botInfo: CONSOLE_BOT_INFO,
    throttle: false,
    rateLimit: false,
    draftIntervalMs: false,
  });
  let messageId = 0;
  bot.api.config.use(async (_prev, method, payload) => {
    const p = payload as Record<string, unknown>;
    if (method === "sendMessage" || method === "editMessageText") {
      const text = String(p.text ?? "");
      output.write(`${p.parse_mode === "HTML" ? htmlToPlainText(text) : text}\n${keyboardText(p.reply_markup)}\n`);
      const result = {
        message_id: ++messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: USER_ID, type: "private", first_name: "You" },
        text,
      };
      return { ok: true, result } as never;
    }
    return { ok: true, result: true } as never;
  });

  const rl = createInterface({
    input: options.input,
    ...(options.interactive ? { output, prompt: "> ", terminal: true } : { terminal: false }),
  });
  rl.on("SIGINT", () => rl.close()); // Ctrl-C in the terminal ends the chat
  let updateId = 0;
  if (options.interactive) rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (/^(exit|quit)$/i.test(text)) break;
    if (text) await bot.handleUpdate(toConsoleUpdate(text, ++updateId, options.languageCode));
    if (options.interactive) rl.prompt();
  }
}
