// In a private chat any text the user typed (not a command, forward or inline result) is a question.
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { isTypedText } from "../filters.js";
import { replyAskUsage } from "../reply.js";
import type { FeatureDeps } from "./deps.js";

export function createPrivateQuestions(deps: FeatureDeps): Composer<BotContext> {
  const { limiter, session, draftIntervalMs, answer, related } = deps;
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType("private");
  privateChat.command("ask", limiter, session, (ctx) => {
    const question = ctx.match.trim();
    return question ? answer(ctx, question, { draftIntervalMs }) : replyAskUsage(ctx, related);
  });
  privateChat
    .on("message:text")
    .filter(isTypedText)
    .use(limiter, session, (ctx) => answer(ctx, ctx.message.text, { draftIntervalMs }));
  return composer;
}
