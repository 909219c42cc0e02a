// Rich messages (Bot API sendRichMessage): the answer as a small document — the direct answer with
// numbered reference links to the quotes, then one block quotation per document with its quotes (the
// answer span marked) and the document as the credit line.
import type { InputRichBlock, InputRichMessage, RichText } from "grammy/types";
import type { AnswerResult } from "../engine/types.js";
import { formatDate, type QuoteView, type SourceView, splitQuote, toAnswerView } from "./view.js";

const refName = (n: number) => `q${n}`;

function quoteRich(q: QuoteView): RichText {
  const [before, marked, after] = splitQuote(q);
  const text: RichText[] = [`[${q.n}] «`, before, ...(marked ? [{ type: "marked" as const, text: marked }] : []), after, "»"].filter(
    (t) => t !== "",
  );
  return { type: "reference", name: refName(q.n), text };
}

function credit(s: SourceView, lang: AnswerResult["lang"]): RichText {
  const date = formatDate(s.date, lang);
  return [s.url ? { type: "url", text: s.title, url: s.url } : s.title, ...(date ? [`, ${date}`] : [])];
}

export function answerRich(result: AnswerResult): InputRichMessage {
  const view = toAnswerView(result);
  const blocks: InputRichBlock[] = [];
  const numbers = view.sources.flatMap((s) => s.quotes.map((q) => q.n));
  const links: RichText[] = numbers.flatMap((n) => [" ", { type: "reference_link" as const, text: `[${n}]`, reference_name: refName(n) }]);
  if (view.lead)
    blocks.push({ type: "paragraph", text: [view.leadKind === "short" ? { type: "bold", text: view.lead } : view.lead, ...links] });
  if (view.note) blocks.push({ type: "paragraph", text: { type: "italic", text: view.note } });
  for (const s of view.sources) {
    if (s.quotes.some((q) => q.long)) {
      const text: RichText[] = s.quotes.flatMap((q, i) => (i === 0 ? [quoteRich(q)] : ["\n\n", quoteRich(q)]));
      blocks.push({ type: "expandable_blockquote", text, credit: credit(s, result.lang) });
    } else {
      blocks.push({
        type: "blockquote",
        blocks: s.quotes.map((q) => ({ type: "paragraph", text: quoteRich(q) })),
        credit: credit(s, result.lang),
      });
    }
  }
  return { blocks, skip_entity_detection: true };
}
