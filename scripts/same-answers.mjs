#!/usr/bin/env node
/**
 * Compares two JSON-lines outputs line by line (`npm run ask -- --jsonl`, `xquad.mjs --out`, …),
 * ignoring the fields that change from run to run ("ms" by default). Prints the first differences
 * and a count; exits 1 when any line differs or the files have different line counts.
 *
 *   node scripts/same-answers.mjs before.jsonl after.jsonl [--ignore ms,other]
 */
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const at = args.indexOf("--ignore");
const ignored = new Set((at >= 0 ? args.splice(at, 2)[1] : "ms").split(",").filter(Boolean));
const [before, after] = args;
if (!before || !after) {
  process.stderr.write("usage: node scripts/same-answers.mjs before.jsonl after.jsonl [--ignore ms,other]\n");
  process.exit(2);
}

const lines = (file) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim());
/** The line as JSON without the ignored top-level fields (keys in their written order). */
const comparable = (line) => JSON.stringify(JSON.parse(line), (key, value) => (key !== "" && ignored.has(key) ? undefined : value));

const a = lines(before);
const b = lines(after);
let differ = a.length === b.length ? 0 : 1;
if (differ) console.log(`line counts differ: ${a.length} vs ${b.length}`);
const n = Math.min(a.length, b.length);
for (let i = 0; i < n; i++) {
  const x = comparable(a[i]);
  const y = comparable(b[i]);
  if (x === y) continue;
  if (differ < 5) {
    let at = 0;
    while (x[at] === y[at]) at++;
    const from = Math.max(0, at - 60);
    console.log(`line ${i + 1}, at character ${at}:\n  - …${x.slice(from, at + 120)}\n  + …${y.slice(from, at + 120)}`);
  }
  differ++;
}
console.log(
  `${before} vs ${after}: ${n} lines compared, ${differ === 0 ? "identical" : `${differ} differ`} (ignoring ${[...ignored].join(", ")})`,
);
process.exit(differ === 0 ? 0 : 1);
