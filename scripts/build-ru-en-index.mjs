#!/usr/bin/env node
/**
 * Builds data/lexicon/ru-en.tsv, the reverse of data/lexicon/en-ru.tsv: for each Russian
 * Snowball stem, the English words that translate it, the likeliest first. Derived from the
 * Müller dictionary like en-ru.tsv (GPL-2+; see data/lexicon/README.md).
 *
 *   node scripts/build-ru-en-index.mjs [data/lexicon/en-ru.tsv] [data/lexicon/ru-en.tsv]
 *
 * Ranking: the sense's rank in the headword's entry, minus half the headword's number of
 * senses (a word with many senses is a common word: "company", not "holdingcompany"), plus a
 * penalty for hyphenated compounds ("get-together"). Single-word translations only; at most
 * five English words per stem. Sorted by stem.
 */
import { readFileSync, writeFileSync } from "node:fs";
import snowball from "snowball-stemmers";

const [input = "data/lexicon/en-ru.tsv", output = "data/lexicon/ru-en.tsv"] = process.argv.slice(2);
const stem = snowball.newStemmer("russian");
const byStem = new Map();
for (const line of readFileSync(input, "utf8").split("\n")) {
  const tab = line.indexOf("\t");
  if (tab < 0) continue;
  const head = line.slice(0, tab);
  const senses = line.slice(tab + 1).split("|");
  senses.forEach((text, k) => {
    const w = text.trim().toLowerCase().replace(/ё/g, "е");
    if (!w || /\s/.test(w)) return;
    const s = stem.stem(w);
    const score = k + 1 - 0.5 * senses.length + (head.includes("-") ? 2 : 0);
    const list = byStem.get(s) ?? [];
    list.push({ head, score });
    byStem.set(s, list);
  });
}
const lines = [...byStem.entries()]
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([s, list]) => {
    const seen = new Set();
    const best = list
      .sort((a, b) => a.score - b.score || a.head.localeCompare(b.head))
      .filter((x) => !seen.has(x.head) && seen.add(x.head))
      .slice(0, 5);
    return `${s}\t${best.map((x) => x.head).join("|")}`;
  });
writeFileSync(output, `${lines.join("\n")}\n`);
console.error(`${output}: ${lines.length} stems`);
