#!/usr/bin/env node
/**
 * Builds data/lexicon/en-ru.tsv, an English→Russian word lexicon, from the Müller
 * English–Russian dictionary (7th edition) as packaged by Debian in `mueller7-dict`
 * (GPL-2+; see data/lexicon/README.md and data/lexicon/COPYING).
 *
 * Getting the source (any Debian/Ubuntu machine, no root needed):
 *
 *   apt-get download mueller7-dict
 *   dpkg-deb -x mueller7-dict_*_all.deb /tmp/mueller7
 *   node scripts/build-en-ru-lexicon.mjs /tmp/mueller7 [data/lexicon/en-ru.tsv]
 *
 * The first argument may be the extracted package root, the usr/share/dictd folder, or the
 * mueller7.dict.dz / mueller7.dict / mueller7.index file itself.
 *
 * Source format (dictd): `mueller7.index` has one line per headword,
 * `headword TAB offset TAB length`, offset and length in dictd's base64 digits
 * (A-Z a-z 0-9 + /, most significant first) into the uncompressed `mueller7.dict`;
 * `mueller7.dict.dz` is that file in dictzip form, which is plain gzip to zlib. Each
 * article is plain text: the headword as written on the first line, then an indented body
 * with a transcription in [...], homonyms `_I`, `_II`, parts of speech `1. _n.`, senses
 * `1)`, sub-senses `а)`, labels `_разг.`, `_тех.`, `_pl.`, and examples after `;`
 * (English phrase followed by its Russian rendering).
 *
 * Output: one line per English headword (lower case, letters and inner hyphens only),
 * TAB, then at most MAX_TRANSLATIONS Russian translations separated by `|`, most primary
 * first. A translation is a Russian word or a phrase of at most three words, lower case,
 * with ё kept as written. Sorted by headword.
 *
 * Prepositions (`_prep.` blocks) are skipped: Müller describes them ("указывает на
 * направление") rather than translating them.
 *
 * Ordering: each part of speech / homonym is a "block"; a translation scores
 * (sense number within its block) + (position within the sense) + 0.5 per extra word,
 * plus a penalty for senses with a domain or style label (_тех., _уст., _разг., _attr. …).
 * Blocks are interleaved by that score, so `lead` gives both "свинец" (lead I) and
 * "руководство"/"вести" (lead II) near the top.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const MAX_TRANSLATIONS = 8;
const MAX_WORDS = 3;
const LABEL_PENALTY = 5;

// Labels that do not make a sense secondary: grammar, number, region (US), and the
// domains a news bot cares about.
const NEUTRAL_LABELS = new Set(
  `_n. _v. _a. _adv. _pl. _sg. _ам. _собир. _перен. _refl. _pass. _predic. _prep. _cj. _pron. _interj.
   _n-card. _n-ord. _comp. _sup. _pf. _полит. _эк. _ком. _фин. _дип. _парл. _юр. _полит-эк. _бирж. _банк.
   _офиц. _книж. _обыкн.`
    .trim()
    .split(/\s+/),
);

// Function words that may dangle at the end once abbreviations like "кого-л." are cut.
const DANGLING = new Set("и или а но с со в во на к ко о об обо от для по за из у до под над при через про без как".split(" "));

function findSource(arg) {
  const st = fs.statSync(arg);
  if (st.isDirectory()) {
    const stack = [arg];
    while (stack.length) {
      const dir = stack.pop();
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) stack.push(p);
        else if (e.name === "mueller7.index") return siblings(p);
      }
    }
    throw new Error(`no mueller7.index under ${arg}`);
  }
  return siblings(arg);
}

function siblings(file) {
  const dir = path.dirname(file);
  const base = path.basename(file).replace(/\.(index|dict\.dz|dict)$/, "");
  const index = path.join(dir, `${base}.index`);
  const dict = [`${base}.dict`, `${base}.dict.dz`].map((n) => path.join(dir, n)).find((p) => fs.existsSync(p));
  if (!fs.existsSync(index) || !dict) throw new Error(`need ${base}.index and ${base}.dict[.dz] in ${dir}`);
  return { index, dict };
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const b64 = (s) => [...s].reduce((n, c) => n * 64 + B64.indexOf(c), 0);

/** Removes (...) and {...} groups, innermost first. */
function stripGroups(s) {
  let prev;
  do {
    prev = s;
    s = s.replace(/\([^()]*\)/g, " ").replace(/\{[^{}]*\}/g, " ");
  } while (s !== prev);
  return s.replace(/[(){}]/g, " ");
}

const LABEL = /_[^\s_]+/g;
const CLAUSE = /^\s*(?:[а-я]+\s+)?(?:котор|чтобы\s|что\s|кто\s|кого\s|кому\s|кем\s|чему\s|когда\s|где\s|куда\s|если\s)/;
const META =
  /^\s*(?:указывает\s|выражает\s|означает\s|обозначает\s|переда[её]тся\s|употребляется\s|служит\s+(?:для|в|как)\s|частица\s|союз\s|соединительный союз|противительный союз|в значении\s|в сочетании\s|в обороте|глагол-связка|вспомогательный глагол)/;
// an active participle (or -ённый) followed by more words
const PARTICIPLE_PHRASE =
  /^\s*[а-яё]+(?:щий|щая|щее|щие|щийся|щаяся|щееся|щиеся|вший|вшая|вшее|вшие|вшийся|вшаяся|ённый|ённая|ённое|ённые)\s+[а-яё]/;
const GENERIC = new Set(
  "человек лицо люди женщина мужчина ребёнок девушка средство вещество прибор устройство приспособление предмет вещь место животное растение судно тот та те".split(
    " ",
  ),
);
// a pronoun that only introduces a clause ("тот, кто …")
const PRONOUN = /^(?:то|тот|та|те|того|тому|тем|том|те|тех|это|такой|такая|такое|такие)$/;

/** One translation candidate as written → clean Russian word/phrase, or null. */
function cleanTranslation(raw) {
  let s = raw
    .normalize("NFC")
    .replace(/[\u0300\u0301]/g, "") // stress marks, if any
    .replace(/[«»"“”„!?:…'`]/g, " ")
    .replace(/\.\.\./g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
  // abbreviations: кого-л., т.п., гл., обр., смб. …; any token with a dot
  const words = s.split(" ").filter((w) => w && !w.includes(".") && !w.includes("/"));
  while (words.length && DANGLING.has(words[words.length - 1])) words.pop();
  while (words.length && (words[0] === "и" || words[0] === "или")) words.shift();
  if (!words.length || words.length > MAX_WORDS) return null;
  s = words.join(" ");
  if (!/^[а-яё]+(?:-[а-яё]+)*(?: [а-яё]+(?:-[а-яё]+)*)*$/.test(s)) return null;
  if (s.replace(/[ -]/g, "").length < 2) return null;
  return s;
}

/**
 * Translations of one sense, in order, with the labels of the sense.
 * Segments are split by ";": the first segment holding Latin letters (an English example
 * or a cross-reference) ends the sense.
 */
function senseTranslations(text, inherited) {
  const out = [];
  const body = stripGroups(text);
  const segments = body.split(";");
  let senseSecondary = inherited.some((l) => !NEUTRAL_LABELS.has(l));
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const labels = seg.match(LABEL) ?? [];
    const plain = seg.replace(LABEL, " ").trim();
    const secondaryHere = labels.some((l) => !NEUTRAL_LABELS.has(l));
    if (i === 0 && secondaryHere) senseSecondary = true;
    if (/[A-Za-z]/.test(plain) || plain.startsWith("=")) break;
    let lastPronoun = -1;
    let lastSingle = -1;
    for (const part of plain.split(",")) {
      // a subordinate clause ("…, в которые вложены деньги") or a grammar description
      // ("указывает на направление", "частица при инфинитиве") ends the segment; a bare
      // pronoun just before a clause ("тот, кто сидит") goes with it
      if (CLAUSE.test(part) || META.test(part)) {
        if (lastPronoun >= 0 && lastPronoun === out.length - 1) out.pop();
        break;
      }
      // "человек, питающийся только фруктами", "лицо, получающее дар": a participial
      // phrase after a generic noun is a description, not a translation
      if (PARTICIPLE_PHRASE.test(part) && lastSingle >= 0 && lastSingle === out.length - 1 && GENERIC.has(out[lastSingle].t)) {
        out.pop();
        break;
      }
      // "X или Y" is mostly a description, and often continues a list in an oblique case
      if (/(?:^|\s)или(?:\s|$)/.test(part)) continue;
      const t = cleanTranslation(part);
      if (!t || /^то\s/.test(t)) continue; // "то внутрь, то наружу"
      out.push({ t, secondary: senseSecondary || secondaryHere });
      lastPronoun = PRONOUN.test(t) ? out.length - 1 : -1;
      lastSingle = t.includes(" ") ? -1 : out.length - 1;
    }
  }
  return out;
}

/** Splits an article body into blocks (homonym × part of speech) of senses. */
function parseArticle(body) {
  const s = body
    .replace(/\s+/g, " ")
    .replace(/\[[^\]]*\]/g, " ") // transcription
    .replace(/\{[^{}]*\}/g, " "); // {см. тж. 1}
  // Marker tokens: homonym `_II`, part of speech `2.`, sense `10)`, sub-sense `б)`.
  const re = /(_(?:VIII|VII|VI|IV|IX|III|II|I|V|X)(?=[\s[]|$))|(?:^|\s)(\d{1,2})\.(?=\s)|(?:^|\s)(\d{1,2})\)|(?:^|\s)([а-и])\)(?=\s)/g;
  const blocks = [];
  let block = { labels: [], head: "", senses: [] };
  let homLabels = [];
  let sense = null;
  let sub = null;
  let last = 0;
  const flush = (text) => {
    if (sub) sub.text += text;
    else if (sense) sense.text += text;
    else block.head += text;
  };
  const newBlock = (labels) => {
    blocks.push(block);
    block = { labels, head: "", senses: [] };
    sense = null;
    sub = null;
  };
  for (const m of s.matchAll(re)) {
    flush(s.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1]) {
      newBlock([]);
      homLabels = [];
      block.isHomonym = true;
    } else if (m[2]) {
      // a part of speech inside a homonym inherits the homonym's labels
      if (block.isHomonym && !block.senses.length) homLabels = block.head.match(LABEL) ?? [];
      newBlock([...homLabels]);
    } else if (m[3]) {
      sense = { text: "", subs: [] };
      sub = null;
      block.senses.push(sense);
    } else if (m[4]) {
      if (!sense) {
        sense = { text: "", subs: [] };
        block.senses.push(sense);
      }
      sub = { text: "" };
      sense.subs.push(sub);
    }
  }
  flush(s.slice(last));
  blocks.push(block);
  return blocks;
}

function articleCandidates(body, blockOffset) {
  const cands = [];
  const blocks = parseArticle(body);
  blocks.forEach((b, bi) => {
    const headLabels = [...b.labels, ...(b.head.match(LABEL) ?? [])];
    // prepositions are described ("указывает на направление … в, на, к"), not translated
    if (headLabels.includes("_prep.")) return;
    let senses = b.senses;
    if (!senses.length) senses = [{ text: b.head, subs: [] }];
    let n = 0;
    for (const sense of senses) {
      let units = [sense.text];
      const own = stripGroups(sense.text).replace(LABEL, " ").trim();
      if (!own && sense.subs.length) units = sense.subs.map((x) => x.text);
      const senseLabels = sense.text.match(LABEL) ?? [];
      for (const u of units) {
        const inherited = units.length > 1 ? [...headLabels, ...senseLabels] : headLabels;
        const ts = senseTranslations(u, inherited);
        if (!ts.length) continue;
        n++;
        ts.forEach((x, pos) => {
          const words = x.t.split(" ").length;
          cands.push({
            t: x.t,
            score: n + pos + 0.5 * (words - 1) + (x.secondary ? LABEL_PENALTY : 0),
            block: blockOffset + bi,
            seq: cands.length,
          });
        });
      }
    }
  });
  return { cands, blockCount: blocks.length };
}

function main() {
  const [src, outArg] = process.argv.slice(2);
  if (!src) {
    console.error("usage: node scripts/build-en-ru-lexicon.mjs <mueller7 dir or file> [out.tsv]");
    process.exit(2);
  }
  const out = outArg ?? "data/lexicon/en-ru.tsv";
  const { index, dict } = findSource(src);
  const raw = fs.readFileSync(dict);
  const data = dict.endsWith(".dz") ? zlib.gunzipSync(raw) : raw;

  /** headword → { cands, blocks } merged over case variants (china, China). */
  const entries = new Map();
  let articles = 0;
  let dropped = 0;
  for (const line of fs.readFileSync(index, "utf8").split("\n")) {
    const [key, off, len] = line.split("\t");
    if (!key || !off || !len || key.startsWith("00-database")) continue;
    articles++;
    const text = data.subarray(b64(off), b64(off) + b64(len)).toString("utf8");
    const nl = text.indexOf("\n");
    const head = text.slice(0, nl).trim();
    const body = text.slice(nl + 1);
    // plain English words only: letters with inner hyphens; no abbreviations (all caps,
    // dots), no multi-word phrases, no single letters
    if (!/^[A-Za-z]+(?:-[A-Za-z]+)*$/.test(head) || head.length < 2 || (/^[A-Z]+$/.test(head) && head.length > 1)) {
      dropped++;
      continue;
    }
    const hw = head.toLowerCase();
    let e = entries.get(hw);
    if (!e) entries.set(hw, (e = { cands: [], blocks: 0 }));
    const { cands, blockCount } = articleCandidates(body, e.blocks);
    e.blocks += blockCount;
    for (const c of cands) e.cands.push({ ...c, seq: e.cands.length });
  }

  const lines = [];
  for (const [hw, e] of [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const best = new Map();
    for (const c of e.cands) {
      const prev = best.get(c.t);
      if (!prev || c.score < prev.score) best.set(c.t, c);
    }
    const ts = [...best.values()]
      .sort((a, b) => a.score - b.score || a.block - b.block || a.seq - b.seq)
      .slice(0, MAX_TRANSLATIONS)
      .map((c) => c.t);
    if (ts.length) lines.push(`${hw}\t${ts.join("|")}`);
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${lines.join("\n")}\n`);
  const size = fs.statSync(out).size;
  console.error(
    `${articles} articles, ${dropped} headwords dropped (not plain words), ${lines.length} entries written to ${out} (${(size / 1024 / 1024).toFixed(2)} MB)`,
  );
}

main();
