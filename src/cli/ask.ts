/**
 * `npm run ask -- "question"` prints the answer as a person reads it.
 * `npm run ask -- --jsonl FILE` reads {"id","question"} lines and prints one JSON line per
 * question: {"id","refused","answer","citations":[{"n","quote","doc","title","date"}],"lang","ms"}
 * (plus "reason" for refusals).
 */
import { readFileSync } from "node:fs";
import { resultText } from "../render/text.js";
import { askLines } from "./ask-lines.js";
import { loadConfig, startEngine } from "./common.js";

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
    const { answered, failed } = await askLines(engine, file, readFileSync(file, "utf8"), {
      out: (l) => process.stdout.write(`${l}\n`),
      err: (l) => process.stderr.write(`${l}\n`),
    });
    process.stderr.write(`answered ${answered} questions${failed ? `, ${failed} failed` : ""}\n`);
    if (failed) process.exitCode = 1;
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
