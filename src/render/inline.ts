// Inline results: title = the direct answer in the reader's language, description = the marked part
// of the quote (the span); neither is ever empty. The message itself is the Telegram HTML answer.
import type { CorpusDocument, EngineResult } from "../engine/types.js";
import { textsFor } from "./i18n.js";
import { plainText } from "./text.js";
import { refusalText, toAnswerView } from "./view.js";

export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 240;

/** Short, single-line text for titles and descriptions. */
export function toShortLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

export interface InlineView {
  title: string;
  description: string;
}

/** `docs`: the corpus documents, named by refusals. */
export function inlineView(result: EngineResult, docs: readonly CorpusDocument[]): InlineView {
  if (result.kind === "refusal") {
    const title = textsFor(result.lang).inlineRefusalTitle;
    return { title, description: toShortLine(refusalText(result, docs), DESCRIPTION_MAX) || title };
  }
  const view = toAnswerView(result);
  const quote = result.citations[0]?.quote ?? "";
  const candidates = [view.lead, quote, result.lead, plainText(result, docs)].map((t) => toShortLine(t ?? "", TITLE_MAX));
  const title = candidates.find((t) => t !== "") ?? "…";
  // The marked span; else the quote (unless it is already the title); never empty.
  const described = [view.marked, quote !== title ? quote : undefined, result.lead, title].map((t) =>
    toShortLine(t ?? "", DESCRIPTION_MAX),
  );
  const description = described.find((t) => t !== "") ?? title;
  return { title, description };
}
