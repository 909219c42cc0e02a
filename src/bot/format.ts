// /start, /help and /sources as Telegram HTML. Answers and refusals are rendered from the engine's
// structure in src/render/telegram-html.ts. Every dynamic piece is escaped here.
import { displayTitle } from "../engine/corpus.js";
import type { CorpusDocument } from "../engine/types.js";
import { escapeHtml, splitHtml, TELEGRAM_TEXT_LIMIT, visibleLength } from "./html.js";
import { type BotTexts, fill } from "./i18n.js";

/** `title` linked where the document has a url, escaped either way. */
function linkedTitle(rawTitle: string, url: string | undefined): string {
  const title = displayTitle(rawTitle);
  return url && /^https?:\/\//i.test(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(title)}</a>` : escapeHtml(title);
}

/** At most this many messages per answer (a huge corpus sentence must not flood the chat). */
export const MAX_MESSAGES_PER_ANSWER = 4;

/**
 * Splits HTML into Telegram-sized messages at paragraph boundaries. At most `max`: a longer
 * answer keeps its first `max - 1` parts, the last of them ending with "…", and its final part
 * (where the sources are).
 */
export function toMessages(html: string, max = MAX_MESSAGES_PER_ANSWER): string[] {
  const parts = splitHtml(html, TELEGRAM_TEXT_LIMIT);
  if (parts.length <= max) return parts;
  const head = parts.slice(0, Math.max(max - 1, 1));
  let cut = head.at(-1) ?? "";
  if (visibleLength(cut) + 1 > TELEGRAM_TEXT_LIMIT) cut = splitHtml(cut, TELEGRAM_TEXT_LIMIT - 1, 1)[0] ?? "";
  head[head.length - 1] = `${cut}…`;
  return max > 1 ? [...head, parts.at(-1) ?? ""] : head;
}

/** One line per document: title (linked), date, source. */
export function formatDocumentList(docs: readonly CorpusDocument[]): string {
  return docs
    .map((d) => {
      const meta = [d.date, d.source]
        .filter((x): x is string => Boolean(x))
        .map(escapeHtml)
        .join(", ");
      return `• ${linkedTitle(d.title, d.url)}${meta ? ` (${meta})` : ""}`;
    })
    .join("\n");
}

/** /start and /help: what the bot knows and example questions it answers (none listed when there are none). */
export function formatWelcomeHtml(
  texts: BotTexts,
  docs: readonly CorpusDocument[],
  botUsername: string,
  withGreeting: boolean,
  examples: readonly string[],
): string {
  const parts: string[] = [];
  if (withGreeting) parts.push(`${escapeHtml(texts.start)}\n${docs.length ? formatDocumentList(docs) : escapeHtml(texts.sourcesEmpty)}`);
  parts.push(escapeHtml(fill(texts.help, { bot: botUsername })));
  if (examples.length > 0) parts.push(`<b>${escapeHtml(texts.examplesTitle)}</b>\n${examples.map((q) => `• ${escapeHtml(q)}`).join("\n")}`);
  return parts.join("\n\n");
}

export function formatSourcesHtml(texts: BotTexts, docs: readonly CorpusDocument[]): string {
  if (docs.length === 0) return escapeHtml(texts.sourcesEmpty);
  return `<b>${escapeHtml(texts.sourcesTitle)}</b>\n${formatDocumentList(docs)}`;
}
