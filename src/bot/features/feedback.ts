// /feedback: the operator's summary of 👍/👎 (only for ADMIN_IDS; for anyone else it does not exist).
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { fill } from "../i18n.js";
import type { FeatureDeps } from "./deps.js";

export function createFeedbackCommand({ config, feedback }: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("feedback").filter(
    (ctx) => ctx.from !== undefined && config.ADMIN_IDS.includes(ctx.from.id),
    async (ctx) => {
      const s = await feedback.summary();
      if (s.total === 0) {
        await ctx.reply(ctx.ui.feedbackEmpty);
        return;
      }
      const lines = [escapeHtml(fill(ctx.ui.feedbackSummary, { up: s.up, down: s.down, total: s.total }))];
      if (s.worst.length)
        lines.push(
          "",
          `<b>${escapeHtml(ctx.ui.feedbackWorst)}</b>`,
          ...s.worst.map((w) => `• ${w.down} — ${escapeHtml(w.short.slice(0, 120))}`),
        );
      await ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
    },
  );
  return composer;
}
