// In a private chat any text that is not a command is a question.
import { Composer } from "grammy";
import { answerQuestion } from "../answer.js";
import type { BotContext } from "../context.js";
import { replyAskUsage } from "../reply.js";
import type { FeatureDeps } from "./deps.js";

export function createPrivateQuestions(deps: FeatureDeps): Composer<BotContext> {
  const { limiter, draftIntervalMs } = deps;
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType("private");
  privateChat.command("ask", limiter, (ctx) => {
    const question = ctx.match.trim();
    return question
      ? answerQuestion(ctx, deps, question, { draftIntervalMs })
      : replyAskUsage(ctx);
  });
  privateChat
    .on("message:text")
    .filter((ctx) => !ctx.message.text.startsWith("/") && ctx.message.forward_origin === undefined && ctx.message.via_bot === undefined)
    .use(limiter, (ctx) => answerQuestion(ctx, deps, ctx.message.text, { draftIntervalMs }));
  return composer;
}
