/**
 * The batch side of `npm run ask -- --jsonl FILE`: {"id","question","history"?} lines in, one JSON
 * line out per question (the contract the scorers read).
 */
import type { CorpusDocument, Engine, EngineResult } from "../engine/types.js";
import { plainText } from "../render/text.js";

/** The `ask --jsonl` line for one result (the contract the scorers read); `docs` are named by refusals. */
export function toJsonLine(id: unknown, r: EngineResult, docs: readonly CorpusDocument[]): string {
  return JSON.stringify({
    id,
    refused: r.kind === "refusal",
    answer: plainText(r, docs),
    short: r.kind === "answer" ? (r.short ?? "") : "",
    citations: r.kind === "answer" ? r.citations.map((c) => ({ n: c.n, quote: c.quote, doc: c.doc, title: c.title, date: c.date })) : [],
    lang: r.lang,
    ms: r.ms,
    ...(r.kind === "refusal" ? { reason: r.reason } : {}),
  });
}

/** What `askLines` needs of the engine. */
type Asker = Pick<Engine, "ask" | "documents">;

/**
 * Answers the {"id","question","history"?} lines of a JSONL text, one JSON line out per question. A
 * malformed line is reported by file and line number and skipped; a question the engine fails on is
 * reported with its id and gets an `{"id","error"}` line, and the questions after it are still answered.
 */
export async function askLines(
  engine: Asker,
  file: string,
  text: string,
  { out, err }: { out: (line: string) => void; err: (line: string) => void },
): Promise<{ answered: number; failed: number }> {
  let answered = 0;
  let failed = 0;
  for (const [k, line] of text.split("\n").entries()) {
    if (!line.trim()) continue;
    let item: { id?: unknown; question?: unknown; history?: unknown };
    try {
      item = JSON.parse(line) as typeof item;
    } catch {
      err(`${file}:${k + 1}: not JSON, skipped`);
      continue;
    }
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      err(`${file}:${k + 1}: not a {"id","question"} object, skipped`);
      continue;
    }
    const id = item.id ?? k + 1;
    const history = Array.isArray(item.history) ? item.history.filter((h): h is string => typeof h === "string").slice(-5) : undefined;
    try {
      const r = await engine.ask(String(item.question ?? ""), { history });
      out(toJsonLine(id, r, engine.documents()));
      answered++;
    } catch (e) {
      failed++;
      const message = e instanceof Error ? e.message : String(e);
      err(`${file}:${k + 1}: question ${JSON.stringify(id)} failed: ${message}`);
      out(JSON.stringify({ id, error: message }));
    }
  }
  return { answered, failed };
}
