// Inline mode: "@bot question" in any chat → one article with the extractive answer.
import { createHash } from "node:crypto";
import { Composer, InlineQueryResultBuilder } from "grammy";
import type { InlineQueryResult } from "grammy/types";
import type { CorpusDocument, EngineResult } from "../../engine/types.js";
import { DESCRIPTION_MAX, inlineView, TITLE_MAX, toShortLine } from "../../render/inline.js";
import { answerHtml, refusalHtml } from "../../render/telegram-html.js";
import { plainText } from "../../render/text.js";
import type { BotContext } from "../context.js";
import { escapeHtml, splitHtml } from "../html.js";
import { fill } from "../i18n.js";
import type { FeatureDeps } from "./deps.js";

export { toShortLine };

/** Result id: a hash (≤ 64 bytes), stable for the same content. */
export function toResultId(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 40);
}

function article(id: string, title: string, html: string, description: string): InlineQueryResult {
  const short = toShortLine(description, DESCRIPTION_MAX);
  return InlineQueryResultBuilder.article(id, toShortLine(title, TITLE_MAX), short ? { description: short } : {}).text(html, {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
  });
}

/** One article: title = the short answer, description = the marked part of the quote, message = the answer (one message). */
export function toInlineResult(result: EngineResult, query: string, docs: readonly CorpusDocument[] = []): InlineQueryResult {
  const full = result.kind === "answer" ? answerHtml(result) : refusalHtml(result, docs);
  // Inline messages cannot be split: the first part (the short answer and the first quotes).
  const html = splitHtml(full)[0] ?? escapeHtml(plainText(result, docs));
  const view = inlineView(result, docs);
  return article(toResultId(result.kind, result.lang, query), view.title, html, view.description);
}

export function createInline({ engine, config, inlineDeadlineMs, related }: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on("inline_query", async (ctx) => {
    const query = ctx.inlineQuery.query.trim();
    const ui = ctx.ui;
    if (query === "") {
      const example = (await related.pick(ctx.uiLang, "", 1))[0]?.text ?? ui.genericExamples[0]!;
      const help = splitHtml(escapeHtml(fill(ui.help, { bot: ctx.me.username })))[0] ?? "";
      // The help card is in the asker's language: personal, so Telegram does not serve it to others.
      await ctx.answerInlineQuery(
        [article(toResultId("help", ctx.uiLang), ui.inlineHelpTitle, help, fill(ui.inlineHelpDescription, { example }))],
        {
          cache_time: config.INLINE_CACHE_SECONDS,
          is_personal: true,
        },
      );
      return;
    }
    let result: EngineResult;
    const controller = new AbortController();
    const deadline = new Promise<never>((_, reject) => controller.signal.addEventListener("abort", () => reject(controller.signal.reason)));
    const timer = setTimeout(() => controller.abort(new Error(`no answer within ${inlineDeadlineMs} ms`)), inlineDeadlineMs);
    try {
      const asked = engine.ask(query, { langHint: ctx.from.language_code, extractiveOnly: true, signal: controller.signal });
      result = await Promise.race([asked, deadline]);
    } catch (err) {
      // Too slow or failed: say so in one result, and let Telegram ask again next time.
      ctx.log.warn({ err }, "inline answer failed");
      await ctx.answerInlineQuery(
        [article(toResultId("timeout", ctx.uiLang), ui.inlineTimeoutTitle, escapeHtml(ui.inlineTimeout), ui.inlineTimeout)],
        { cache_time: 0 },
      );
      return;
    } finally {
      clearTimeout(timer);
    }
    ctx.log.info({ kind: result.kind, lang: result.lang, engine_ms: result.ms }, "inline query answered");
    await ctx.answerInlineQuery([toInlineResult(result, query, engine.documents())], { cache_time: config.INLINE_CACHE_SECONDS });
  });
  return composer;
}
