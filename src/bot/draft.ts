// Live draft for streamed answers: one placeholder message, edited at most once per interval,
// finally replaced by the verified answer.
import { GrammyError } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { BotContext } from "./context.js";
import { escapeHtml, TELEGRAM_TEXT_LIMIT } from "./html.js";

export interface Draft {
  /** Pass to `engine.ask({ onPartial })`. */
  onPartial: (text: string) => void;
  /** Replaces the draft with the first final message; false when no draft was shown. */
  finish: (firstHtml: string, extra?: { reply_markup?: InlineKeyboardMarkup }) => Promise<boolean>;
  /** Stops pending updates and removes a draft that was shown (unverified text never stays). */
  cancel: () => Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function isNotModified(err: unknown): boolean {
  return err instanceof GrammyError && /message is not modified/i.test(err.description);
}

function draftHtml(text: string): string {
  const max = TELEGRAM_TEXT_LIMIT - 2;
  const trimmed = text.length > max ? text.slice(0, max) : text;
  return `${escapeHtml(trimmed.trim())} …`;
}

export function createDraft(ctx: BotContext, intervalMs: number): Draft {
  const chatId = ctx.chat?.id;
  let messageId: number | undefined;
  let latest = "";
  let shown = "";
  let lastAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let chain: Promise<void> = Promise.resolve();

  // Deletes the draft (best effort); if that fails, blanks it so no unverified text stays visible.
  const removeDraft = async () => {
    if (messageId === undefined || chatId === undefined) return;
    const id = messageId;
    messageId = undefined;
    try {
      await ctx.api.deleteMessage(chatId, id);
    } catch {
      await ctx.api.editMessageText(chatId, id, "…").catch((err: unknown) => ctx.log.warn({ err }, "could not remove the draft"));
    }
  };

  const flush = () => {
    timer = undefined;
    chain = chain
      .then(async () => {
        if (closed || chatId === undefined || latest.trim() === "" || latest === shown) return;
        const text = latest;
        const html = draftHtml(text);
        if (messageId === undefined) messageId = (await ctx.reply(html, { parse_mode: "HTML" })).message_id;
        else await ctx.api.editMessageText(chatId, messageId, html, { parse_mode: "HTML" });
        shown = text;
        lastAt = Date.now();
      })
      .catch((err: unknown) => {
        if (!isNotModified(err)) ctx.log.warn({ err }, "draft update failed");
      });
  };

  return {
    onPartial(text) {
      if (closed) return;
      latest = text;
      if (timer === undefined) timer = setTimeout(flush, Math.max(0, lastAt + intervalMs - Date.now()));
    },
    async finish(firstHtml, extra = {}) {
      closed = true;
      clearTimeout(timer);
      await chain;
      if (messageId === undefined || chatId === undefined) return false;
      await sleep(Math.max(0, lastAt + intervalMs - Date.now()));
      try {
        await ctx.api.editMessageText(chatId, messageId, firstHtml, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          ...extra,
        });
      } catch (err) {
        if (isNotModified(err)) return true;
        ctx.log.warn({ err }, "final draft edit failed; sending the answer as a new message");
        await removeDraft();
        return false;
      }
      return true;
    },
    async cancel() {
      closed = true;
      clearTimeout(timer);
      await chain;
      await removeDraft();
    },
  };
}
