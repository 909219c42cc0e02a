// Engine results → Telegram HTML messages. Every dynamic piece is escaped here.
import { displayTitle } from "../engine/corpus.js";
import type { AnswerResult, Citation, CorpusDocument, EngineResult } from "../engine/types.js";
import { escapeHtml, splitHtml, TELEGRAM_TEXT_LIMIT, visibleLength } from "./html.js";
import { fill, textsFor, type BotTexts } from "./i18n.js";

/**
 * The answer without its plain-text sources block: the engine's `text` ends with the citations
 * ("[1] …" lines, maybe under a heading), which the bot renders itself as a linked list.
 */
export function answerBody(result: Pick<AnswerResult, "text" | "citations">): string {
  const numbers = new Set(result.citations.map((c) => c.n));
  const lines = result.text.split("\n");
  const isSourceLine = (line: string) => {
    const m = /^\s*\[(\d+)\]/.exec(line);
    return m !== null && numbers.has(Number(m[1]));
  };
  const first = lines.findIndex(isSourceLine);
  if (first <= 0) return result.text.trim();
  let end = first;
  // Drop a short heading line ("Источники:", "Sources") right above the list.
  const above = lines.slice(0, end).findLastIndex((l) => l.trim() !== "");
  const heading = lines[above]?.trim() ?? "";
  if (above >= 0 && heading.length <= 40 && !/\[\d+\]/.test(heading)) end = above;
  const body = lines.slice(0, end).join("\n").trim();
  return body || result.text.trim();
}

function formatDate(date: string | undefined): string {
  return date ? escapeHtml(date) : "";
}

/** `title` linked where the document has a url, escaped either way. */
function linkedTitle(rawTitle: string, url: string | undefined): string {
  const title = displayTitle(rawTitle);
  return url && /^https?:\/\//i.test(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(title)}</a>` : escapeHtml(title);
}

/** `[n] «quote» — title, date` */
export function formatCitation(c: Citation): string {
  const date = formatDate(c.date);
  return `[${c.n}] «${escapeHtml(c.quote.trim())}» — ${linkedTitle(c.title, c.url)}${date ? `, ${date}` : ""}`;
}

/** The full answer as one HTML string (may exceed one message; see `toMessages`). */
export function formatAnswerHtml(result: AnswerResult, texts: BotTexts = textsFor(result.lang)): string {
  // The engine's `body` is the answer without the quotes it cites (they follow as the list).
  const blocks = [escapeHtml(typeof result.body === "string" && result.body.trim() ? result.body.trim() : answerBody(result))];
  if (result.languageNote) blocks.push(`<i>${escapeHtml(result.languageNote)}</i>`);
  if (result.citations.length > 0)
    blocks.push(`<b>${escapeHtml(texts.citationsTitle)}</b>\n` + result.citations.map(formatCitation).join("\n\n"));
  return blocks.join("\n\n");
}

export function formatResultHtml(result: EngineResult): string {
  return result.kind === "answer" ? formatAnswerHtml(result) : escapeHtml(result.text.trim());
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
