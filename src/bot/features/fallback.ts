// Last in line: unknown commands in private chats get a pointer to /help; the rest is ignored.
import { Composer } from "grammy";
import type { BotContext } from "../context.js";

export function createFallback(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer
    .chatType("private")
    .on("message:text")
    .filter(
      (ctx) => ctx.message.text.startsWith("/"),
      (ctx) => ctx.reply(ctx.ui.unknownCommand),
    );
  composer.use((ctx) => ctx.log.debug("no handler for this update"));
  return composer;
}
