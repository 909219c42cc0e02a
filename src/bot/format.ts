// /start, /help and /sources as Telegram HTML. Answers and refusals are rendered from the engine's
// structure in src/render/telegram-html.ts. Every dynamic piece is escaped here.
import { displayTitle } from "../engine/corpus.js";
import type { CorpusDocument } from "../engine/types.js";
import { escapeHtml } from "./html.js";
import { fill, type BotTexts } from "./i18n.js";

/** `title` linked where the document has a url, escaped either way. */
function linkedTitle(rawTitle: string, url: string | undefined): string {
  const title = displayTitle(rawTitle);
  return url && /^https?:\/\//i.test(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(title)}</a>` : escapeHtml(title);
}

/** One line per document: title (linked), date, source. */
export function formatDocumentList(docs: readonly CorpusDocument[]): string {
  return docs
    .map((d) => {
      const meta = [d.date, d.source].filter((x): x is string => Boolean(x)).map(escapeHtml).join(", ");
      return `• ${linkedTitle(d.title, d.url)}${meta ? ` (${meta})` : ""}`;
    })
    .join("\n");
}

/** /start and /help: what the bot knows and three example questions. */
export function formatWelcomeHtml(texts: BotTexts, docs: readonly CorpusDocument[], botUsername: string, withGreeting: boolean): string {
  const parts: string[] = [];
  if (withGreeting) parts.push(escapeHtml(texts.start) + "\n" + (docs.length ? formatDocumentList(docs) : escapeHtml(texts.sourcesEmpty)));
  parts.push(escapeHtml(fill(texts.help, { bot: botUsername })));
  parts.push(`<b>${escapeHtml(texts.examplesTitle)}</b>\n` + texts.examples.map((q) => `• ${escapeHtml(q)}`).join("\n"));
  return parts.join("\n\n");
}

export function formatSourcesHtml(texts: BotTexts, docs: readonly CorpusDocument[]): string {
  if (docs.length === 0) return escapeHtml(texts.sourcesEmpty);
  return `<b>${escapeHtml(texts.sourcesTitle)}</b>\n` + formatDocumentList(docs);
}
