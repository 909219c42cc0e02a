import type { Context } from "grammy";
import type { Lang } from "../engine/types.js";
import type { Logger } from "../logger.js";
import type { BotTexts } from "./i18n.js";
import type { SessionContext } from "./session.js";

/** What the bot's own middleware adds to grammY's context. */
export interface BotFlavor {
  /** Child logger for this update (update_id, update type, chat). */
  log: Logger;
  /** The user's language for the bot's own wording (from `language_code`, else Russian). */
  uiLang: Lang;
  ui: BotTexts;
}

export type BotContext = Context & BotFlavor & SessionContext;
