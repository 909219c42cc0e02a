import type { Middleware } from "grammy";
import type { Config } from "../../config.js";
import type { Engine } from "../../engine/types.js";
import type { AnswerOptions } from "../answer.js";
import type { AnswerMemory } from "../answer-memory.js";
import type { BotContext } from "../context.js";
import type { FeedbackStore } from "../feedback.js";
import type { RelatedQuestions } from "../related.js";

/** Whether sendRichMessage is worth trying (false after the server said it has no such method). */
export interface RichState {
  available: boolean;
  /** True once the server has taken a rich message: no more probing. */
  confirmed?: boolean;
  /** The rich message in flight while availability is unconfirmed; other answers wait for its outcome. */
  probe?: Promise<unknown>;
}

/** Answers one question in the chat of `ctx` (the engine and the renderers by default). */
export type QuestionHandler = (ctx: BotContext, question: string, options: AnswerOptions) => Promise<void>;

/** What the feature composers share. */
export interface FeatureDeps {
  engine: Engine;
  config: Config;
  /** Per-user rate limit for questions (passes everything when disabled). */
  limiter: Middleware<BotContext>;
  /** The chat's session (follow-ups), loaded and saved only around questions that passed the limit. */
  session: Middleware<BotContext>;
  /** Live drafts in private chats when the engine streams; undefined turns them off. */
  draftIntervalMs?: number;
  /** Inline queries must be answered within this many ms. */
  inlineDeadlineMs: number;
  related: RelatedQuestions;
  memory: AnswerMemory;
  feedback: FeedbackStore;
  rich: RichState;
  /** What the question features (private, group, related-question buttons) call with a question. */
  answer: QuestionHandler;
}
