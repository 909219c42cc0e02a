// Plain text for the terminal (`npm run ask`, logs): the direct answer, then each quote once with its
// document named once after its quotes. `mark` can highlight the answer span (e.g. ANSI bold on a tty).
import type { EngineResult } from "../engine/types.js";
import { formatDate, splitQuote, toAnswerView } from "./view.js";

export interface TextOptions {
  /** Wraps the answer span inside a quote; default: unchanged. */
  mark?: (s: string) => string;
}

export function resultText(result: EngineResult, options: TextOptions = {}): string {
  if (result.kind === "refusal") return result.text.trim();
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
