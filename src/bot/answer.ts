// Asks the engine and sends the reply: typing indicator, optional live draft, split messages.
import type { Engine } from "../engine/types.js";
import type { BotContext } from "./context.js";
import { createDraft } from "./draft.js";
import { formatResultHtml, toMessages } from "./format.js";
import { quoting } from "./reply.js";
import { historyOf, remember } from "./session.js";

export interface AnswerOptions {
  /** Quote the asking message (groups). */
  replyTo?: number;
  /** Show a live draft while the engine streams (private chats). */
  draftIntervalMs?: number;
}

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

export async function answerQuestion(ctx: BotContext, engine: Engine, question: string, options: AnswerOptions = {}): Promise<void> {
  const stopTyping = startTyping(ctx);
  const draft = options.draftIntervalMs !== undefined ? createDraft(ctx, options.draftIntervalMs) : undefined;
  try {
    const result = await engine.ask(question, {
      langHint: ctx.from?.language_code,
      onPartial: draft?.onPartial,
      history: historyOf(ctx),
    });
    if (result.kind === "answer" || !["small_talk", "injection", "task", "empty"].includes(result.reason)) remember(ctx, question);
    ctx.log.info(
      { kind: result.kind, reason: result.kind === "refusal" ? result.reason : undefined, lang: result.lang, engine_ms: result.ms },
      "question answered",
    );
    const messages = toMessages(formatResultHtml(result));
    const [first, ...rest] = messages;
    if (first === undefined) {
      await draft?.cancel();
      return;
    }
    const shownAsDraft = draft ? await draft.finish(first) : false;
    for (const [i, html] of (shownAsDraft ? rest : messages).entries()) {
      await ctx.reply(html, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(i === 0 && !shownAsDraft && options.replyTo !== undefined ? quoting(options.replyTo) : {}),
      });
    }
  } catch (err) {
    await draft?.cancel(); // an error after a draft was shown: take the unverified text down
    throw err;
  } finally {
    stopTyping();
  }
}
