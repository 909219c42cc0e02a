// /start, /help and /sources, in the user's language.
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { formatSourcesHtml, formatWelcomeHtml } from "../format.js";
import { quoteInGroups } from "../reply.js";
import type { FeatureDeps } from "./deps.js";

export function createStartHelp({ engine, related }: FeatureDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const send = (ctx: BotContext, html: string) =>
    ctx.reply(html, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...quoteInGroups(ctx),
    });
  // The examples are questions this corpus answers (related.ts), in the user's language.
  const welcome = async (ctx: BotContext, withGreeting: boolean) => {
    const examples = (await related.pick(ctx.uiLang, "", 3)).map((q) => q.text);
    return send(ctx, formatWelcomeHtml(ctx.ui, engine.documents(), ctx.me.username, withGreeting, examples));
  };
  composer.command("start", (ctx) => welcome(ctx, true));
  composer.command("help", (ctx) => welcome(ctx, false));
  composer.command("sources", (ctx) => send(ctx, formatSourcesHtml(ctx.ui, engine.documents())));
  return composer;
}
