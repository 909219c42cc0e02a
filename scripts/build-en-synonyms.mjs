#!/usr/bin/env node
/**
 * Builds data/lexicon/en-syn.tsv, an English synonym list, from Princeton WordNet 3.0 as packaged
 * by Debian in `wordnet-base` (WordNet 3.0 licence: data/lexicon/COPYING.WordNet, README-en-syn.md).
 *
 *   apt-get download wordnet-base
 *   dpkg-deb -x wordnet-base_*_all.deb /tmp/wordnet
 *   node scripts/build-en-synonyms.mjs /tmp/wordnet [data/lexicon/en-syn.tsv]
 *
 * Source: `index.{noun,verb,adj,adv}` (a lemma's synsets, most frequent sense first) and
 * `data.*` (each synset's words). Output: one line per single-word lemma (lower case), TAB, at
 * most MAX_SYNONYMS single-word synonyms separated by `|`: the words of its first MAX_SENSES synsets
 * of each part of speech, the first sense of every part of speech before the second. Inflected
 * forms are the loader's business (dictionary.ts, englishLemmas). Sorted by headword; the same
 * package gives the same file.
 */
import fs from "node:fs";
import path from "node:path";

const MAX_SENSES = 3;
const MAX_SYNONYMS = 10;
const POS = ["noun", "verb", "adj", "adv"];
const WORD = /^[a-z][a-z-]*[a-z]$/;

function findDir(root) {
  const direct = path.join(root, "usr/share/wordnet");
  if (fs.existsSync(path.join(direct, "index.noun"))) return direct;
  if (fs.existsSync(path.join(root, "index.noun"))) return root;
  throw new Error(`no WordNet index.noun under ${root}`);
}

/** Synset offset → its words (lower case, "_" → space, adjective markers like "(a)" removed). */
function readSynsets(dir, pos) {
  const out = new Map();
  for (const line of fs.readFileSync(path.join(dir, `data.${pos}`), "latin1").split("\n")) {
    if (!line || line.startsWith(" ")) continue;
    const f = line.split(" ");
    const n = Number.parseInt(f[3], 16);
    const words = [];
    for (let k = 0; k < n; k++)
      words.push(
        f[4 + 2 * k]
          .toLowerCase()
          .replace(/\(.*\)$/, "")
          .replace(/_/g, " "),
      );
    out.set(f[0], words);
  }
  return out;
}

/** Lemma → its synset offsets, most frequent first. */
function readIndex(dir, pos) {
  const out = new Map();
  for (const line of fs.readFileSync(path.join(dir, `index.${pos}`), "latin1").split("\n")) {
    if (!line || line.startsWith(" ")) continue;
    const f = line.trim().split(" ");
    const synsetCount = Number(f[2]);
    out.set(f[0].replace(/_/g, " "), f.slice(f.length - synsetCount));
  }
  return out;
}

function build(root) {
  const dir = findDir(root);
  const senses = new Map(); // lemma → [[synonyms of sense 1 per POS…], …]
  for (const pos of POS) {
    const synsets = readSynsets(dir, pos);
    for (const [lemma, offsets] of readIndex(dir, pos)) {
      if (!WORD.test(lemma)) continue;
      const list = senses.get(lemma) ?? [];
      offsets.slice(0, MAX_SENSES).forEach((off, rank) => {
        list[rank] ??= [];
        list[rank].push(...(synsets.get(off) ?? []).filter((w) => w !== lemma && WORD.test(w)));
      });
      senses.set(lemma, list);
    }
  }
  const lines = [];
  for (const [lemma, byRank] of senses) {
    const syns = [...new Set(byRank.flat())].slice(0, MAX_SYNONYMS);
    if (syns.length) lines.push(`${lemma}\t${syns.join("|")}`);
  }
  return lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const [root, out = "data/lexicon/en-syn.tsv"] = process.argv.slice(2);
if (!root) {
  console.error("usage: node scripts/build-en-synonyms.mjs WORDNET_ROOT [OUT]");
  process.exit(2);
}
const lines = build(root);
fs.writeFileSync(out, `${lines.join("\n")}\n`);
console.log(`${out}: ${lines.length} lines, ${(fs.statSync(out).size / 1e6).toFixed(2)} MB`);
