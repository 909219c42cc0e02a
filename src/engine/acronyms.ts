/**
 * Acronyms a reader types for a name the corpus spells out: "ADB" for "Asian Development Bank",
 * «МИД» for «Министерство иностранных дел», «АБР» for «Азиатский банк развития». The corpus's
 * names are read once, on the first acronym asked about (an index that is never asked one pays nothing).
 */
import type { LexicalIndex } from "./lexical.js";
import { isStopword } from "./lexicon.js";
import { stemWord, type Token, tokenize } from "./text.js";

/**
 * Initials → where names with them stand, each a number: sentence × 4096 + first token × 8 + words.
 * The names' stems are read again for the few a question asks about, so a large corpus holds a
 * number per name, not its words.
 */
type Acronyms = Map<string, number[]>;

const cache = new WeakMap<LexicalIndex, Acronyms>();

/** Acronyms are two to six letters. */
const MIN_LETTERS = 2;
const MAX_LETTERS = 6;

/** The names of the corpus whose initials are `word` (any case), as lists of stems; none for a word that is not an acronym's length. */
export function namesAbbreviated(index: LexicalIndex, word: string): string[][] {
  const key = word.toLowerCase().replace(/ё/g, "е");
  if (key.length < MIN_LETTERS || key.length > MAX_LETTERS || !/^\p{L}+$/u.test(key)) return [];
  let map = cache.get(index);
  if (!map) {
    map = readAcronyms(index);
    cache.set(index, map);
  }
  const out = new Map<string, string[]>();
  for (const at of map.get(key) ?? []) {
    const s = index.sentences[Math.floor(at / 4096)]!;
    const name = namesFrom(s.text, tokenize(s.text), Math.floor(at / 8) % 512).find((n) => n.words === at % 8);
    if (name?.stems.every((x) => index.df.has(x))) out.set(name.stems.join(" "), name.stems);
  }
  return [...out.values()];
}

function readAcronyms(index: LexicalIndex): Acronyms {
  const map: Acronyms = new Map();
  for (const s of index.sentences) {
    const tokens = tokenize(s.text);
    // A Cyrillic name goes on in lower case, so a capital at the sentence's start proves nothing.
    for (let i = 0; i < Math.min(tokens.length, 512); i++) {
      if (!startsName(tokens[i]!) || (i === 0 && tokens[i]!.script === "cyrillic")) continue;
      for (const name of namesFrom(s.text, tokens, i)) {
        const list = map.get(name.initials);
        const at = s.index * 4096 + i * 8 + name.words;
        if (list) list.push(at);
        else map.set(name.initials, [at]);
      }
    }
  }
  return map;
}

/** A name starts with a capitalised word that is not a function word ("The", «В»). */
function startsName(t: Token): boolean {
  return t.capitalized && (t.script === "latin" || t.script === "cyrillic") && !isStopword(t.lower);
}

/**
 * The names starting at token `i`, two words and longer: in Latin script every content word is
 * capitalised ("Asian Development Bank"); in Cyrillic only the first need be, and it is not the
 * sentence's first word («Азиатский банк развития»). Function words inside a name are skipped ("Bank of Georgia" → BG). A name stops at
 * punctuation and at the sixth initial.
 */
function namesFrom(text: string, tokens: Token[], i: number): { initials: string; stems: string[]; words: number }[] {
  const first = tokens[i]!;
  const out: { initials: string; stems: string[]; words: number }[] = [];
  let initials = first.lower[0]!;
  const stems = [stemWord(first.lower, first.script)];
  for (let j = i + 1; j < tokens.length && initials.length < MAX_LETTERS; j++) {
    const t = tokens[j]!;
    if (!/^[\s-]*$/.test(text.slice(tokens[j - 1]!.end, t.start)) || t.script !== first.script) break;
    if (isStopword(t.lower)) continue;
    if (first.script === "latin" && !t.capitalized) break;
    initials += t.lower[0]!;
    stems.push(stemWord(t.lower, t.script));
    out.push({ initials, stems: [...stems], words: stems.length });
  }
  return out;
}
