import type { Middleware } from "grammy";
import type { Config } from "../../config.js";
import type { Engine } from "../../engine/types.js";
import type { BotContext } from "../context.js";

/** What the feature composers share. */
export interface FeatureDeps {
  engine: Engine;
  config: Config;
  /** Per-user rate limit for questions (passes everything when disabled). */
  limiter: Middleware<BotContext>;
  /** Live drafts in private chats when the engine streams; undefined turns them off. */
  draftIntervalMs?: number;
  /** Inline queries must be answered within this many ms. */
  inlineDeadlineMs: number;
}
