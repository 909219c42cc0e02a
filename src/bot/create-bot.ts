// The grammY bot: middleware order, flow control and the error boundary.
import { sequentialize } from "@grammyjs/runner";
import { Bot, type BotError, type StorageAdapter, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Config } from "../config.js";
import type { Engine } from "../engine/types.js";
import type { Logger } from "../logger.js";
import { answerQuestion } from "./answer.js";
import { createAnswerMemory } from "./answer-memory.js";
import type { BotContext } from "./context.js";
import { createDeliveryRetry, createDuplicateFilter, type DeliveryLimits } from "./delivery.js";
import { createAnswerButtons } from "./features/answer-buttons.js";
import type { FeatureDeps, QuestionHandler } from "./features/deps.js";
import { createFallback } from "./features/fallback.js";
import { createFeedbackCommand } from "./features/feedback.js";
import { createGroupQuestions } from "./features/group-questions.js";
import { createInline } from "./features/inline.js";
import { createPrivateQuestions } from "./features/private-questions.js";
import { createStartHelp } from "./features/start-help.js";
import { createUnsupported } from "./features/unsupported.js";
import { createFeedbackStore } from "./feedback.js";
import { textsFor, toBotLang } from "./i18n.js";
import { createInFlight, type InFlight } from "./in-flight.js";
import { createContextMiddleware, createSafeLogger, updateType } from "./log.js";
import { createQuestionLimiter, passThrough } from "./rate-limit.js";
import { createRelatedQuestions } from "./related.js";
import { quoteInGroups } from "./reply.js";
import { type ChatSession, createSession } from "./session.js";
import { createThrottler } from "./throttle.js";

export interface CreateBotOptions {
  /** Where chats' recent questions live (default: in memory). */
  sessionStorage?: StorageAdapter<ChatSession>;
  config: Config;
  logger: Logger;
  engine: Engine;
  /** Skips getMe (tests, console chat). */
  botInfo?: UserFromGetMe;
  /** Bot API server; defaults to TELEGRAM_API_ROOT, else api.telegram.org. */
  apiRoot?: string;
  /** Outgoing throttling within Telegram's limits (default on; off for loopback benchmarks and the console). */
  throttle?: boolean;
  /** Per-user rate limit on questions (default on, RATE_LIMIT_PER_MINUTE). */
  rateLimit?: boolean;
  /** Live drafts in private chats when the engine streams (default 1000 ms between edits; false: off). */
  draftIntervalMs?: number | false;
  /** Deadline for inline answers (default 900 ms, inside Telegram's expectations of ~1 s). */
  inlineDeadlineMs?: number;
  /** Bounds of the 429 waits (defaults: DELIVERY_LIMITS). */
  delivery?: DeliveryLimits;
  /**
   * Replaces the engine and the renderers for questions (private, group, related-question buttons);
   * the load benchmark's ceiling passes an instant echo here. Default: ask the engine, render, send.
   */
  answer?: QuestionHandler;
}

/** Sequencing key: one queue per chat; inline queries get their own per-user queue (never behind a slow private answer). */
export function toSequenceKey(ctx: BotContext): string | undefined {
  if (ctx.inlineQuery) return `inline:${ctx.inlineQuery.from.id}`;
  return ctx.chat?.id.toString() ?? ctx.from?.id.toString();
}

const inFlightByBot = new WeakMap<Bot<BotContext>, InFlight>();

/** The in-flight counter of a bot made by createBot (for graceful shutdown). */
export function inFlightOf(bot: Bot<BotContext>): InFlight {
  const tracker = inFlightByBot.get(bot);
  if (!tracker) throw new Error("not a bot made by createBot");
  return tracker;
}

export function createBot(token: string, options: CreateBotOptions): Bot<BotContext> {
  const { config, engine } = options;
  const logger = createSafeLogger(options.logger, [token, config.WEBHOOK_SECRET]);
  const apiRoot = options.apiRoot ?? config.TELEGRAM_API_ROOT;
  const bot = new Bot<BotContext>(token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: apiRoot ? { apiRoot: apiRoot.replace(/\/+$/, "") } : {},
  });

  if (options.throttle ?? true) bot.api.config.use(createThrottler());
  // 429 waited for within bounds, 5xx retried, network errors retried only where repeating is
  // safe (messages: at most once); see delivery.ts. Not getUpdates: polling.ts has its own.
  const retry = createDeliveryRetry(options.delivery);
  bot.api.config.use((prev, method, payload, signal) =>
    method === "getUpdates" ? prev(method, payload, signal) : retry(prev, method, payload, signal),
  );
  // Outermost: no error leaves the API layer with the token in it (network errors carry the URL).
  bot.api.config.use(redactErrors([token]));

  const deps: FeatureDeps = {
    answer: options.answer ?? ((ctx, question, answerOptions) => answerQuestion(ctx, deps, question, answerOptions)),
    engine,
    config,
    limiter: (options.rateLimit ?? true) ? createQuestionLimiter(config.RATE_LIMIT_PER_MINUTE) : passThrough,
    // Only questions read or add to a chat's history: no storage round trip for commands, buttons,
    // inline queries, group chatter or rate-limited messages.
    session: createSession<BotContext>(options.sessionStorage),
    draftIntervalMs: options.draftIntervalMs === false ? undefined : (options.draftIntervalMs ?? 1000),
    inlineDeadlineMs: options.inlineDeadlineMs ?? 900,
    related: createRelatedQuestions(engine, config.CORPUS_DIR),
    memory: createAnswerMemory(),
    feedback: createFeedbackStore(config.FEEDBACK_FILE),
    rich: { available: true },
  };

  const inFlight = createInFlight();
  inFlightByBot.set(bot, inFlight);
  bot.use(createDuplicateFilter());
  bot.use(inFlight.middleware);
  bot.use(sequentialize(toSequenceKey));
  bot.use(createContextMiddleware(logger));
  bot.errorBoundary(
    (err) => handleBotError(err, logger),
    createStartHelp(deps),
    createFeedbackCommand(deps),
    createAnswerButtons(deps),
    createPrivateQuestions(deps),
    createGroupQuestions(deps),
    createInline(deps),
    createUnsupported(),
    createFallback(),
  );
  // Last resort (errors outside the boundary, e.g. in the context middleware), used by runner and bot.start.
  bot.catch((err) => handleBotError(err, logger));
  return bot;
}

/** Removes the secrets from the message and stack of any error an API call throws (and its cause). */
export function redactErrors(secrets: readonly string[]): Transformer {
  const clean = (e: unknown, depth = 0): void => {
    if (!(e instanceof Error) || depth > 3) return;
    for (const s of secrets) {
      if (!s) continue;
      e.message = e.message.split(s).join("[redacted]");
      if (e.stack) e.stack = e.stack.split(s).join("[redacted]");
    }
    clean((e as { error?: unknown }).error, depth + 1);
    clean(e.cause, depth + 1);
  };
  return async (prev, method, payload, signal) => {
    try {
      return await prev(method, payload, signal);
    } catch (err) {
      clean(err);
      throw err;
    }
  };
}

/**
 * Logs the failure with its update and apologises where there is a chat. Never throws: the
 * update is untrusted input (fields of the wrong type included), so every step is guarded.
 */
export async function handleBotError(err: BotError<BotContext>, fallbackLogger: Logger): Promise<void> {
  try {
    const ctx = err.ctx;
    const log = ctx.log ?? fallbackLogger;
    const update = ctx.update;
    let chat: BotContext["chat"];
    try {
      chat = ctx.chat;
    } catch {
      chat = undefined;
    }
    log.error(
      { err: err.error, update_id: update?.update_id, update_type: update ? updateType(update) : undefined, chat_id: chat?.id },
      "handler failed",
    );
    log.debug({ update }, "failed update");
    if (!chat || typeof chat !== "object" || chat.type === "channel" || (typeof chat.id !== "number" && typeof chat.id !== "string"))
      return;
    const ui = ctx.ui ?? textsFor(toBotLang(ctx.from?.language_code));
    try {
      await ctx.reply(ui.error, quoteInGroups(ctx));
    } catch (replyErr) {
      log.warn({ err: replyErr }, "could not send the apology");
    }
  } catch (inner) {
    try {
      fallbackLogger.error({ err: inner }, "error handler failed");
    } catch {
      /* nothing left to do */
    }
  }
}
