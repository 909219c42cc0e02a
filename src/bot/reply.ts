// Reply options shared by the features.
import type { BotContext } from "./context.js";
import { fill } from "./i18n.js";
import type { RelatedQuestions } from "./related.js";

/** Quote a message; still send when it was deleted meanwhile. */
export function quoting(messageId: number) {
  return { reply_parameters: { message_id: messageId, allow_sending_without_reply: true } };
}

/** In groups, quote the message being answered (who asked what); in private chats, do not. */
export function quoteInGroups(ctx: BotContext) {
  return ctx.msg && ctx.chat && ctx.chat.type !== "private" ? quoting(ctx.msg.message_id) : {};
}

/** "/ask needs a question", with an example in the user's language (a question the corpus answers). */
export async function replyAskUsage(ctx: BotContext, related: RelatedQuestions) {
  const example = (await related.pick(ctx.uiLang, "", 1))[0]?.text ?? ctx.ui.genericExamples[0]!;
  return ctx.reply(fill(ctx.ui.askUsage, { bot: ctx.me.username, example }), quoteInGroups(ctx));
}
