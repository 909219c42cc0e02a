/**
 * Figures for the English↔Russian lexicon (data/lexicon/en-ru.tsv, src/engine/language/dictionary.ts):
 * file size, entries, load time, lookup times, and the top translations of a fixed list of
 * news words (with the reverse lookup of each one's first translation).
 *
 *   npx tsx bench/lexicon.ts [path/to/en-ru.tsv]
 */
import fs from "node:fs";
import { defaultLexiconPath, loadDictionary } from "../src/engine/language/dictionary.js";

const file = process.argv[2] ?? defaultLexiconPath();
const WORDS = `meeting delegation companies chamber commerce energy route corridor minister foreign talks discussed
investment partnership trade renewable security summit declaration peace sector private president prime`.split(/\s+/);

const ms = (t0: number) => performance.now() - t0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bytes = fs.statSync(file).size;
let t0 = performance.now();
const dict = loadDictionary(file);
const coldLoad = ms(t0);
const loads: number[] = [];
for (let i = 0; i < 10; i++) {
  t0 = performance.now();
  loadDictionary(file);
  loads.push(ms(t0));
}

// English → Russian: first (uncached) lookups of the list, then 10,000 lookups of mixed forms
t0 = performance.now();
const firstRu = WORDS.map((w) => dict.toRussian(w));
const firstRuMs = ms(t0) / WORDS.length;
const forms = [...WORDS, "met", "led", "took", "went", "said", "was", "signed", "agreements", "countries", "visited"];
t0 = performance.now();
for (let i = 0; i < 10_000; i++) dict.toRussian(forms[i % forms.length]!);
const warmRuUs = (ms(t0) / 10_000) * 1000;

// Russian → English: first lookup of each word (a buffer scan), then cached repeats
const ruWords = firstRu.map((t) => t[0]?.text).filter((x): x is string => !!x && !x.includes(" "));
const ruInflected = ["встречи", "компании", "делегации", "переговоров", "министра", "торговли", "безопасности", "инвестиций"];
const firstEn: number[] = [];
for (const w of [...ruInflected, ...ruWords]) {
  t0 = performance.now();
  dict.toEnglish(w);
  firstEn.push(ms(t0));
}
t0 = performance.now();
for (let i = 0; i < 10_000; i++) dict.toEnglish(ruInflected[i % ruInflected.length]!);
const warmEnUs = (ms(t0) / 10_000) * 1000;

console.log(`file           ${file}`);
console.log(`size           ${(bytes / 1024 / 1024).toFixed(2)} MB (${bytes} bytes)`);
console.log(`entries        ${dict.size}`);
console.log(`load           first ${coldLoad.toFixed(1)} ms, then median ${median(loads).toFixed(1)} ms (10 loads)`);
console.log(`toRussian      first lookups ${firstRuMs.toFixed(2)} ms/word; warm ${warmRuUs.toFixed(1)} µs/lookup`);
console.log(
  `toEnglish      first lookups median ${median(firstEn).toFixed(1)} ms, max ${Math.max(...firstEn).toFixed(1)} ms (${firstEn.length} words); cached ${warmEnUs.toFixed(1)} µs/lookup`,
);
console.log("");
console.log("coverage (English → top translations; ← English headwords for the first translation)");
WORDS.forEach((w, i) => {
  const ts = firstRu[i]!;
  const top = ts.slice(0, 6).map((t) => t.text);
  const back = top[0] ? dict.toEnglish(top[0], 5) : [];
  console.log(`  ${w.padEnd(12)} ${top.length ? top.join(", ") : "(none)"}${back.length ? `   ← ${back.join(", ")}` : ""}`);
});
console.log("");
console.log("reverse (Russian, inflected → English)");
for (const w of ruInflected) console.log(`  ${w.padEnd(12)} ${dict.toEnglish(w, 8).join(", ")}`);
