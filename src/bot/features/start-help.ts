// /start, /help and /sources, in the user's language.
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { formatSourcesHtml, formatWelcomeHtml } from "../format.js";
import { quoteInGroups } from "../reply.js";
import type { FeatureDeps } from "./deps.js";

export function createStartHelp({ engine }: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const send = (ctx: BotContext, html: string) =>
    ctx.reply(html, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...quoteInGroups(ctx),
    });
  composer.command("start", (ctx) => send(ctx, formatWelcomeHtml(ctx.ui, engine.documents(), ctx.me.username, true)));
  composer.command("help", (ctx) => send(ctx, formatWelcomeHtml(ctx.ui, engine.documents(), ctx.me.username, false)));
  composer.command("sources", (ctx) => send(ctx, formatSourcesHtml(ctx.ui, engine.documents())));
  return composer;
}
