// Groups: answer only when addressed (/ask, @mention, a reply to the bot), quoting the asker.
import { Composer } from "grammy";
import type { Message, UserFromGetMe } from "grammy/types";
import type { BotContext } from "../context.js";
import { isTypedText } from "../filters.js";
import { replyAskUsage } from "../reply.js";
import type { FeatureDeps } from "./deps.js";

/**
 * The question in a group message addressed to the bot, or undefined when it is not addressed.
 * An @mention (or text mention) of the bot is removed from the question.
 */
export function toAddressedQuestion(
  message: Pick<Message, "text" | "entities" | "reply_to_message">,
  me: Pick<UserFromGetMe, "id" | "username">,
): string | undefined {
  const text = message.text ?? "";
  let addressed = message.reply_to_message?.from?.id === me.id;
  let question = "";
  let from = 0;
  for (const e of [...(message.entities ?? [])].sort((a, b) => a.offset - b.offset)) {
    const piece = text.slice(e.offset, e.offset + e.length);
    const isMe =
      (e.type === "mention" && piece.toLowerCase() === `@${me.username.toLowerCase()}`) ||
      (e.type === "text_mention" && e.user.id === me.id);
    if (!isMe) continue;
    addressed = true;
    question += text.slice(from, e.offset);
    from = e.offset + e.length;
  }
  if (!addressed) return undefined;
  question += text.slice(from);
  return question
    .replace(/\s+/g, " ")
    .replace(/([,;:])\s*[,;:]/g, "$1") // "So, @bot, who…" → "So, who…"
    .replace(/^[\s,:;—-]+/, "")
    .trim();
}

export function createGroupQuestions(deps: FeatureDeps): Composer<BotContext> {
  const { limiter, session, answer, related } = deps;
  const composer = new Composer<BotContext>();
  const group = composer.chatType(["group", "supergroup"]);
  const ask = (ctx: BotContext & { message: Message }, question: string) =>
    question === "" ? replyAskUsage(ctx, related) : answer(ctx, question, { replyTo: ctx.message.message_id });

  // grammY matches /ask and /ask@this_bot, and ignores /ask@other_bot.
  group.command("ask", limiter, session, (ctx) => ask(ctx, ctx.match.trim()));
  group
    .on("message:text")
    .filter(isTypedText)
    .filter((ctx) => toAddressedQuestion(ctx.message, ctx.me) !== undefined)
    .use(limiter, session, (ctx) => ask(ctx, toAddressedQuestion(ctx.message, ctx.me) ?? ""));
  // Everything else in a group is other people's conversation: no reply.
  return composer;
}
