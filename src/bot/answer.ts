// Asks the engine and sends the reply: typing indicator, optional live draft, the answer as a rich
// message where the Bot API has them (else HTML, split into messages), and the keyboard under it.
import { GrammyError, type InlineKeyboard } from "grammy";
import type { AnswerResult, EngineResult } from "../engine/types.js";
import { answerRich } from "../render/rich.js";
import { answerHtml, refusalHtml } from "../render/telegram-html.js";
import { toAnswerView } from "../render/view.js";
import type { BotContext } from "./context.js";
import { createDraft, type Draft } from "./draft.js";
import type { FeatureDeps } from "./features/deps.js";
import { toMessages } from "./format.js";
import { textsFor } from "./i18n.js";
import { answerKeyboard, relatedKeyboard } from "./keyboards/answer.js";
import { quoting } from "./reply.js";
import { historyOf, remember } from "./session.js";

export interface AnswerOptions {
  /** Quote the asking message (groups). */
  replyTo?: number;
  /** Show a live draft while the engine streams (private chats). */
  draftIntervalMs?: number;
}

export type AnswerDeps = Pick<FeatureDeps, "engine" | "config" | "related" | "memory" | "rich">;

const TYPING_REFRESH_MS = 4_500; // Telegram shows "typing" for about 5 s
/** Answers faster than this need no "typing" (most extractive answers take a few ms). */
export const TYPING_DELAY_MS = 300;

/**
 * Sends "typing" once the answer takes longer than {@link TYPING_DELAY_MS}, then every few
 * seconds until stopped; failures never stop the answer.
 */
export function startTyping(ctx: BotContext, delayMs = TYPING_DELAY_MS): () => void {
  const send = () => {
    ctx.replyWithChatAction("typing").catch((err: unknown) => ctx.log.debug({ err }, "sendChatAction failed"));
  };
  let timer: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    send();
    timer = setInterval(send, TYPING_REFRESH_MS);
  }, delayMs);
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

/** The citation the "whole paragraph" button opens: the one holding the answer span, else the first. */
export function paragraphTarget(result: AnswerResult, docIds: readonly string[]): { doc: number; start: number; end: number } | undefined {
  const c = result.citations.find((x) => x.n === result.span?.n) ?? result.citations[0];
  if (!c) return undefined;
  const doc = docIds.indexOf(c.doc);
  if (doc < 0) return undefined;
  return c.part === "title" ? { doc, start: -1, end: -1 } : { doc, start: c.start, end: c.end };
}

interface Reply {
  html: string;
  keyboard?: InlineKeyboard;
  rich?: AnswerResult;
}

/** The reply to an engine result: HTML, the keyboard, and the answer for a rich message. */
export async function buildReply(ctx: BotContext, deps: AnswerDeps, question: string, result: EngineResult): Promise<Reply> {
  const related = await deps.related.pick(result.lang, question).catch((err: unknown) => {
    ctx.log.warn({ err }, "related questions failed");
    return [];
  });
  const docs = deps.engine.documents();
  if (result.kind === "refusal") {
    return {
      html: refusalHtml(result, docs, related.length > 0),
      ...(related.length ? { keyboard: relatedKeyboard(result.lang, related) } : {}),
    };
  }
  const view = toAnswerView(result);
  const voteKey = deps.memory.remember({
    question,
    short: (view.lead ?? result.citations[0]?.quote ?? "").slice(0, 300),
    lang: result.lang,
    askerId: ctx.from?.id,
  });
  const paragraph = paragraphTarget(
    result,
    docs.map((d) => d.id),
  );
  // The buttons speak the answer's language, like the answer above them.
  const keyboard = answerKeyboard({ ui: textsFor(result.lang), lang: result.lang, voteKey, related, ...(paragraph ? { paragraph } : {}) });
  return { html: answerHtml(result, view), keyboard, rich: result };
}

/** Sends a reply: a rich message when enabled and accepted, else HTML messages (keyboard on the last). */
export async function sendReply(
  ctx: BotContext,
  deps: Pick<AnswerDeps, "config" | "rich">,
  reply: Reply,
  options: AnswerOptions & { draft?: Draft } = {},
): Promise<void> {
  const { draft } = options;
  const markup = reply.keyboard ? { reply_markup: reply.keyboard } : {};
  const quote = options.replyTo !== undefined ? quoting(options.replyTo) : {};
  const { rich } = deps;
  const richAnswer = reply.rich;
  if (richAnswer && deps.config.TELEGRAM_RICH_MESSAGES === "auto" && rich.available) {
    // Until the server has taken one rich message, they go one at a time: a burst of first answers
    // to an older Bot API would otherwise make one failing call (and one warning) per chat.
    while (!rich.confirmed && rich.probe) await rich.probe.catch(() => undefined);
    if (rich.available) {
      const sent = (async () => {
        await draft?.cancel();
        await ctx.replyWithRichMessage(answerRich(richAnswer), { ...markup, ...quote });
      })();
      if (!rich.confirmed) rich.probe = sent; // set before any await: the next answer waits for this one
      try {
        await sent;
        rich.confirmed = true;
        return;
      } catch (err) {
        // An older Bot API (no such method: 404) is remembered; any other error falls back this once.
        if (err instanceof GrammyError && err.error_code === 404) rich.available = false;
        ctx.log.warn({ err }, "rich message failed; sending HTML");
      } finally {
        if (rich.probe === sent) rich.probe = undefined;
      }
    }
  }
  const messages = toMessages(reply.html);
  const [first, ...rest] = messages;
  if (first === undefined) {
    await draft?.cancel();
    return;
  }
  const shownAsDraft = draft ? await draft.finish(first, rest.length === 0 ? markup : {}) : false;
  const toSend = shownAsDraft ? rest : messages;
  for (const [i, html] of toSend.entries()) {
    await ctx.reply(html, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(i === 0 && !shownAsDraft ? quote : {}),
      ...(i === toSend.length - 1 ? markup : {}),
    });
  }
}

export async function answerQuestion(ctx: BotContext, deps: AnswerDeps, question: string, options: AnswerOptions = {}): Promise<void> {
  const stopTyping = startTyping(ctx);
  // The draft is made on the first partial text: an extractive answer (no model streaming) never needs one.
  let draft: Draft | undefined;
  const { draftIntervalMs } = options;
  const onPartial =
    draftIntervalMs !== undefined ? (text: string) => (draft ??= createDraft(ctx, draftIntervalMs)).onPartial(text) : undefined;
  try {
    const result = await deps.engine.ask(question, {
      langHint: ctx.from?.language_code,
      onPartial,
      history: historyOf(ctx),
    });
    // The wait is over: a chat action sent while the reply is on its way would only show "typing"
    // beside (or after) the answer.
    stopTyping();
    if (result.kind === "answer" || !["small_talk", "injection", "task", "empty"].includes(result.reason)) remember(ctx, question);
    ctx.log.info(
      { kind: result.kind, reason: result.kind === "refusal" ? result.reason : undefined, lang: result.lang, engine_ms: result.ms },
      "question answered",
    );
    const reply = await buildReply(ctx, deps, question, result);
    await sendReply(ctx, deps, reply, { ...options, ...(draft ? { draft } : {}) });
  } catch (err) {
    await draft?.cancel(); // an error after a draft was shown: take the unverified text down
    throw err;
  } finally {
    stopTyping();
  }
}
