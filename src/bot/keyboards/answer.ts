// Inline keyboards under answers and refusals.
import { InlineKeyboard } from "grammy";
import type { Lang } from "../../engine/types.js";
import { paragraphData, questionData, voteData } from "../callback-data/index.js";
import type { BotTexts } from "../i18n.js";
import type { RelatedQuestion } from "../related.js";

const BUTTON_TEXT_MAX = 60;
const label = (s: string) => (s.length <= BUTTON_TEXT_MAX ? s : `${s.slice(0, BUTTON_TEXT_MAX - 1).trimEnd()}…`);

export interface AnswerKeyboardInput {
  ui: BotTexts;
  lang: Lang;
  /** "Whole paragraph" for this quote (document index, offsets in its body; start -1: the headline). */
  paragraph?: { doc: number; start: number; end: number };
  /** Memory key for 👍/👎. */
  voteKey?: string;
  related: readonly RelatedQuestion[];
}

/** [📄 Whole paragraph], one row per related question, then [👍] [👎]. */
export function answerKeyboard(input: AnswerKeyboardInput): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (input.paragraph) kb.text(input.ui.paragraphButton, paragraphData.pack(input.paragraph)).row();
  for (const q of input.related) kb.text(label(q.text), questionData.pack({ lang: input.lang, i: q.i })).row();
  if (input.voteKey) kb.text("👍", voteData.pack({ up: 1, key: input.voteKey })).text("👎", voteData.pack({ up: 0, key: input.voteKey }));
  return kb;
}

/** One row per related question (refusals). */
export function relatedKeyboard(lang: Lang, related: readonly RelatedQuestion[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const [k, q] of related.entries()) (k === 0 ? kb : kb.row()).text(label(q.text), questionData.pack({ lang, i: q.i }));
  return kb;
}
