// In a private chat any text that is not a command is a question.
import { Composer } from "grammy";
import { answerQuestion } from "../answer.js";
import type { BotContext } from "../context.js";
import { fill } from "../i18n.js";
import type { FeatureDeps } from "./deps.js";

export function createPrivateQuestions({ engine, limiter, draftIntervalMs }: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType("private");
  privateChat.command("ask", limiter, (ctx) => {
    const question = ctx.match.trim();
    return question
      ? answerQuestion(ctx, engine, question, { draftIntervalMs })
      : ctx.reply(fill(ctx.ui.askUsage, { bot: ctx.me.username, example: ctx.ui.examples[0] ?? "" }));
  });
  privateChat
    .on("message:text")
    .filter((ctx) => !ctx.message.text.startsWith("/") && ctx.message.forward_origin === undefined && ctx.message.via_bot === undefined)
    .use(limiter, (ctx) => answerQuestion(ctx, engine, ctx.message.text, { draftIntervalMs }));
  return composer;
}
