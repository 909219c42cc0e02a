// Small named filters for `composer.filter(...)`, shared by the features.
import type { Message } from "grammy/types";

/**
 * A text message the user typed: not a command, not forwarded, not sent via an inline bot.
 * Only such messages are questions (commands have their own handlers; forwards and inline
 * results are someone else's words).
 */
export function isTypedText(ctx: { message: Pick<Message, "text" | "forward_origin" | "via_bot"> }): boolean {
  const { text, forward_origin, via_bot } = ctx.message;
  return text !== undefined && !text.startsWith("/") && forward_origin === undefined && via_bot === undefined;
}
