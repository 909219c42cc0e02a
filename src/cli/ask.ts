/**
 * `npm run ask -- "question"` prints the answer as a person reads it.
 * `npm run ask -- --jsonl FILE` reads {"id","question"} lines and prints one JSON line per
 * question: {"id","refused","answer","citations":[{"n","quote","doc","title","date"}],"lang","ms"}
 * (plus "reason" for refusals).
 */
import { readFileSync } from "node:fs";
import type { CorpusDocument, EngineResult } from "../engine/types.js";
import { plainText, resultText } from "../render/text.js";
import { loadConfig, startEngine } from "./common.js";

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

async function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf("--jsonl");
  if (args.length === 0 || args.includes("--help")) {
    process.stderr.write('usage: npm run ask -- "question"\n       npm run ask -- --jsonl FILE\n');
    process.exit(args.length === 0 ? 2 : 0);
  }
  const config = loadConfig();
  // One question: no warm-up (it would cost more than the question); --jsonl keeps it for steady timings.
  const engine = await startEngine(config, { warmUp: at >= 0 });
  if (at >= 0) {
    const file = args[at + 1];
    if (!file) {
      process.stderr.write("--jsonl needs a file name\n");
      process.exit(2);
    }
    const lines = readFileSync(file, "utf8").split("\n");
    let n = 0;
    for (const [k, line] of lines.entries()) {
      if (!line.trim()) continue;
      let item: { id?: unknown; question?: unknown; history?: unknown };
      try {
        item = JSON.parse(line) as typeof item;
      } catch {
        process.stderr.write(`${file}:${k + 1}: not JSON, skipped\n`);
        continue;
      }
      if (item === null || typeof item !== "object" || Array.isArray(item)) {
        process.stderr.write(`${file}:${k + 1}: not a {"id","question"} object, skipped\n`);
        continue;
      }
      const history = Array.isArray(item.history) ? item.history.filter((h): h is string => typeof h === "string").slice(-5) : undefined;
      const r = await engine.ask(String(item.question ?? ""), { history });
      process.stdout.write(`${toJsonLine(item.id ?? k + 1, r, engine.documents())}\n`);
      n++;
    }
    process.stderr.write(`answered ${n} questions\n`);
  } else {
    const r = await engine.ask(args.join(" "));
    // The short answer, then each quote once (the span in bold on a terminal).
    const bold = process.stdout.isTTY ? (s: string) => `\x1b[1m${s}\x1b[22m` : undefined;
    process.stdout.write(`${resultText(r, engine.documents(), bold ? { mark: bold } : {})}\n`);
  }
  await engine.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`ask failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
