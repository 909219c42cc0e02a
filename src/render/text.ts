// Plain text. `plainText`: what `npm run ask -- --jsonl` prints as "answer" and `npm run eval` scores
// (the scorers' contract: the direct answer or the model's text, the quotes with [n] marks, the
// language note, then the sources). `resultText`: the terminal (`npm run ask -- "question"`): the
// direct answer, then each quote once with its document named once after its quotes; `mark` can
// highlight the answer span (e.g. ANSI bold on a tty).
import { displayTitle } from "../engine/corpus.js";
import type { AnswerResult, CorpusDocument, EngineResult } from "../engine/types.js";
import { textsFor } from "./i18n.js";
import { formatDate, languageNote, refusalText, splitQuote, toAnswerView } from "./view.js";

/**
 * The answer as the scorers read it: the direct answer (else the lead-in) and the quotes `quote [n]`,
 * or the model's text; the language note; a blank line, "Sources:" and `[n] Title, date` lines.
 * A refusal: its reason and what the corpus covers (`docs`).
 */
export function plainText(result: EngineResult, docs: readonly CorpusDocument[]): string {
  return result.kind === "refusal" ? refusalText(result, docs) : answerPlainText(result);
}

function answerPlainText(result: AnswerResult): string {
  const ui = textsFor(result.lang);
  const note = languageNote(result);
  const body =
    result.generated !== undefined
      ? [result.generated]
      : [result.short ?? ui.answer.leadIn, ...result.citations.map((c) => `${c.quote} [${c.n}]`)];
  return [
    ...body,
    ...(note ? [note] : []),
    "",
    ui.answer.sources,
    ...result.citations.map((c) => `[${c.n}] ${displayTitle(c.title)}${c.date ? `, ${c.date}` : ""}`),
  ].join("\n");
}

export interface TextOptions {
  /** Wraps the answer span inside a quote; default: unchanged. */
  mark?: (s: string) => string;
}

/** The terminal's text; `docs` are named by refusals. */
export function resultText(result: EngineResult, docs: readonly CorpusDocument[], options: TextOptions = {}): string {
  if (result.kind === "refusal") return refusalText(result, docs).trim();
  const mark = options.mark ?? ((s: string) => s);
  const view = toAnswerView(result);
  const blocks: string[] = [];
  const head = [view.lead, view.note].filter((x): x is string => Boolean(x));
  if (head.length) blocks.push(head.join("\n"));
  for (const s of view.sources) {
    const date = formatDate(s.date, result.lang);
    const lines = s.quotes.map((q) => {
      const [before, marked, after] = splitQuote(q);
      return `[${q.n}] «${before}${marked ? mark(marked) : ""}${after}»`;
    });
    lines.push(`    — ${s.title}${s.url ? ` (${s.url})` : ""}${date ? `, ${date}` : ""}`);
    blocks.push(lines.join("\n"));
  }
  return blocks.join("\n\n");
}
