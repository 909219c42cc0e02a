// Updates the bot does not answer: a short polite line in private chats, otherwise ignored by design.
import { Composer } from "grammy";
import type { BotContext } from "../context.js";

export function createUnsupported(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType("private");

  // Forwards are someone else's words, not the user's question.
  privateChat.on("message").filter(
    (ctx) => ctx.message.forward_origin !== undefined,
    (ctx) => ctx.reply(ctx.ui.forwarded),
  );
  privateChat.on(
    [
      "message:sticker",
      "message:photo",
      "message:voice",
      "message:video",
      "message:video_note",
      "message:animation",
      "message:audio",
      "message:document",
      "message:location",
      "message:contact",
      "message:poll",
      "message:dice",
    ],
    (ctx) => ctx.reply(ctx.ui.unsupported),
  );

  // Ignored by design: editing an old question does not re-ask it; channels are not chats with people.
  composer.on(["edited_message", "channel_post", "edited_channel_post"], (ctx) => ctx.log.debug("ignored by design"));
  composer.on("my_chat_member", (ctx) => {
    const m = ctx.myChatMember;
    ctx.log.info({ from: m.old_chat_member.status, to: m.new_chat_member.status }, "bot membership changed");
  });
  return composer;
}
