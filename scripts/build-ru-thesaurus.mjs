#!/usr/bin/env node
/**
 * Builds data/lexicon/ru-syn.tsv, a Russian synonym list, from the Russian thesaurus of
 * LibreOffice (th_ru_RU_v2, by Mikhail Korolyov and Yakov Reztsov, LGPL-2.1) as packaged by
 * Debian in `mythes-ru` (see data/lexicon/README.md and data/lexicon/COPYING.LGPL-2.1).
 *
 *   apt-get download mythes-ru
 *   dpkg-deb -x mythes-ru_*_all.deb /tmp/mythes
 *   node scripts/build-ru-thesaurus.mjs /tmp/mythes [data/lexicon/ru-syn.tsv]
 *
 * Source format (MyThes): a first line naming the encoding, then per headword a line
 * `word|n` followed by n lines `(part of speech)|syn1|syn2|…`.
 *
 * Output: one line per headword (lower case, ё → е), TAB, at most MAX_SYNONYMS single-word
 * synonyms separated by `|`, in the thesaurus's order (its first meaning first), without the
 * headword itself. Multiword synonyms are left out: the engine matches words. Sorted by headword.
 */
import fs from "node:fs";
import path from "node:path";

const MAX_SYNONYMS = 12;

function findDat(p) {
  if (fs.statSync(p).isFile()) return p;
  const found = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (/^th_ru_RU.*\.dat$/.test(e.name)) found.push(f);
    }
  };
  walk(p);
  if (!found.length) throw new Error(`no th_ru_RU*.dat under ${p}`);
  return found[0];
}

const fold = (s) => s.trim().toLowerCase().replace(/ё/g, "е");

function build(text) {
  const lines = text.replace(/^\ufeff/, "").split(/\r?\n/);
  const out = new Map();
  for (let i = 1; i < lines.length; i++) {
    const m = /^([^(|][^|]*)\|(\d+)$/.exec(lines[i]);
    if (!m) continue;
    const head = fold(m[1]);
    const syns = out.get(head) ?? [];
    for (let k = 1; k <= Number(m[2]) && i + k < lines.length; k++) {
      for (const s of lines[i + k].split("|").slice(1)) {
        const w = fold(s);
        if (!w || /\s/.test(w) || w === head || syns.includes(w) || !/^[а-я-]+$/.test(w)) continue;
        syns.push(w);
      }
    }
    i += Number(m[2]);
    if (!/\s/.test(head) && /^[а-я-]+$/.test(head) && syns.length) out.set(head, syns.slice(0, MAX_SYNONYMS));
  }
  return [...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([h, s]) => `${h}\t${s.join("|")}`);
}

const [src, dest = "data/lexicon/ru-syn.tsv"] = process.argv.slice(2);
if (!src) {
  console.error("usage: node scripts/build-ru-thesaurus.mjs <extracted mythes-ru package or th_ru_RU*.dat> [out.tsv]");
  process.exit(2);
}
const lines = build(fs.readFileSync(findDat(src), "utf8"));
fs.writeFileSync(dest, `${lines.join("\n")}\n`);
console.log(`${dest}: ${lines.length} headwords`);
