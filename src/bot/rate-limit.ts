import { limit } from "@grammyjs/ratelimiter";
import type { Middleware } from "grammy";
import type { BotContext } from "./context.js";
import { quoteInGroups } from "./reply.js";

/**
 * Per-user limit on questions: at most `perMinute` in a fixed one-minute window. The first
 * question over the limit gets one polite line; the rest of that window is dropped silently.
 */
export function createQuestionLimiter(perMinute: number, windowMs = 60_000): Middleware<BotContext> {
  return limit<BotContext, never>({
    timeFrame: windowMs,
    limit: perMinute,
    // Anonymous admins and channels all post as one "user": count them by their chat instead.
    keyGenerator: (ctx) => (ctx.msg?.sender_chat ? `chat:${ctx.msg.sender_chat.id}` : ctx.from ? String(ctx.from.id) : undefined),
    onLimitExceeded: (ctx) => {
      ctx.log.info("rate limit reached");
      if (ctx.chat && ctx.msg) return ctx.reply(ctx.ui.rateLimited, quoteInGroups(ctx)).then(() => undefined);
    },
  });
}

export const passThrough: Middleware<BotContext> = (_ctx, next) => next();
