// Telegram's checks on outgoing texts, shared by the capture harness and the fake Bot API server.
import { checkTelegramHtml, MESSAGE_LIMIT } from "../bot/telegram-html.js";

/** Telegram's checks on a text sent with or without parse_mode; a list of problems. */
export function checkOutgoingText(text: unknown, parseMode: unknown): string[] {
  if (typeof text !== "string") return ["text is not a string"];
  if (parseMode === "HTML") return checkTelegramHtml(text).errors;
  if (parseMode !== undefined) return [`unexpected parse_mode ${String(parseMode)}`];
  const errors: string[] = [];
  if (text.trim() === "") errors.push("message text is empty");
  if (text.length > MESSAGE_LIMIT) errors.push("message is too long");
  return errors;
}

/** Every text a call carries (message text or inline results' message texts), checked. */
export function checkCall(method: string, p: Record<string, unknown>): string[] {
  if (method === "sendMessage" || method === "editMessageText") return checkOutgoingText(p.text, p.parse_mode);
  if (method === "answerInlineQuery") {
    const results = p.results as { id: string; input_message_content?: { message_text: string; parse_mode?: string } }[];
    const errors: string[] = [];
    if (results.length > 50) errors.push("more than 50 results");
    for (const r of results) {
      if (Buffer.byteLength(r.id) > 64) errors.push(`result id over 64 bytes: ${r.id}`);
      if (r.input_message_content)
        errors.push(...checkOutgoingText(r.input_message_content.message_text, r.input_message_content.parse_mode));
    }
    return errors;
  }
  return [];
}
