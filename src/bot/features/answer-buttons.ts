// The buttons under answers: the whole paragraph around the quote, related questions (pressing one
// asks it), and 👍/👎 (stored in FEEDBACK_FILE). Buttons of inline messages have no chat: they only
// get a short notice.
import { Composer } from "grammy";
import { paragraphHtml } from "../../render/telegram-html.js";
import { paragraphData, questionData, voteData } from "../callback-data/index.js";
import type { BotContext } from "../context.js";
import { splitHtml } from "../html.js";
import { toBotLang } from "../i18n.js";
import { findParagraph } from "../paragraph.js";
import { quoting } from "../reply.js";
import type { FeatureDeps } from "./deps.js";

/** In groups, reply to the message whose button was pressed. */
function replyToButtonMessage(ctx: BotContext) {
  const m = ctx.callbackQuery?.message;
  return m && m.chat.type !== "private" ? quoting(m.message_id) : {};
}

export function createAnswerButtons(deps: FeatureDeps): Composer<BotContext> {
  const { engine, memory, feedback, related } = deps;
  const composer = new Composer<BotContext>();

  composer.callbackQuery(paragraphData.filter(), async (ctx) => {
    const data = paragraphData.unpack(ctx.callbackQuery.data);
    const doc = data ? engine.documents()[data.doc] : undefined;
    const found = doc && data ? findParagraph(doc, data.start, data.end) : undefined;
    if (!doc || !found || !ctx.chat) {
      await ctx.answerCallbackQuery({ text: ctx.ui.paragraphMissing });
      return;
    }
    await ctx.answerCallbackQuery();
    const lang = toBotLang(ctx.from.language_code);
    const [first, ...rest] = splitHtml(paragraphHtml(found.paragraph, found.quote, doc, lang));
    for (const [i, html] of [first, ...rest].entries())
      if (html)
        await ctx.reply(html, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          ...(i === 0 ? replyToButtonMessage(ctx) : {}),
        });
  });

  // The button is acknowledged first (also when the rate limit then holds the question back).
  const pressed = new WeakMap<BotContext, string>();
  composer.callbackQuery(
    questionData.filter(),
    async (ctx, next) => {
      const data = questionData.unpack(ctx.callbackQuery.data);
      const lang = data ? toBotLang(data.lang) : undefined;
      const question = data && lang ? await related.get(lang, data.i) : undefined;
      await ctx.answerCallbackQuery(question ? { text: question.slice(0, 200) } : {});
      if (!question || !ctx.chat) return;
      pressed.set(ctx, question);
      await next();
    },
    deps.limiter,
    deps.session,
    async (ctx) => {
      const m = ctx.callbackQuery.message;
      await deps.answer(ctx, pressed.get(ctx) ?? "", m && m.chat.type !== "private" ? { replyTo: m.message_id } : {});
    },
  );

  composer.callbackQuery(voteData.filter(), async (ctx) => {
    const data = voteData.unpack(ctx.callbackQuery.data);
    const answer = data ? memory.get(data.key) : undefined;
    if (!data || !answer) {
      await ctx.answerCallbackQuery({ text: ctx.ui.feedbackExpired });
      return;
    }
    if (answer.voters.has(ctx.from.id)) {
      await ctx.answerCallbackQuery({ text: ctx.ui.feedbackAgain });
      return;
    }
    answer.voters.add(ctx.from.id);
    await feedback.record({
      at: new Date().toISOString(),
      vote: data.up === 1 ? "up" : "down",
      // Someone else's question is their text: stored only when the voter asked it.
      question: answer.askerId !== undefined && answer.askerId === ctx.from.id ? answer.question : null,
      short: answer.short,
      lang: answer.lang,
    });
    await ctx.answerCallbackQuery({ text: ctx.ui.feedbackThanks });
  });
  return composer;
}
