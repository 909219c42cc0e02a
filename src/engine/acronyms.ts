/**
 * Acronyms a reader types for a name the corpus spells out: "ADB" for "Asian Development Bank",
 * «МИД» for «Министерство иностранных дел», «АБР» for «Азиатский банк развития». The corpus's
 * names are read once, on the first acronym asked about (an index that is never asked one pays nothing).
 */
import type { LexicalIndex } from "./lexical.js";
import { isStopword } from "./lexicon.js";
import { stemWord, type Token, tokenize } from "./text.js";

/** Initials → the stems of the names they abbreviate (each name once). */
type Acronyms = Map<string, string[][]>;

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
  return map.get(key) ?? [];
}

function readAcronyms(index: LexicalIndex): Acronyms {
  const map: Acronyms = new Map();
  const seen = new Set<string>();
  for (const s of index.sentences) {
    const tokens = tokenize(s.text);
    for (let i = 0; i < tokens.length; i++) {
      // A Cyrillic name goes on in lower case, so a capital at the sentence's start proves nothing.
      if (!startsName(tokens[i]!) || (i === 0 && tokens[i]!.script === "cyrillic")) continue;
      for (const name of namesFrom(s.text, tokens, i)) {
        const id = `${name.initials} ${name.stems.join(" ")}`;
        if (seen.has(id) || !name.stems.every((x) => index.df.has(x))) continue;
        seen.add(id);
        const list = map.get(name.initials);
        if (list) list.push(name.stems);
        else map.set(name.initials, [name.stems]);
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
function namesFrom(text: string, tokens: Token[], i: number): { initials: string; stems: string[] }[] {
  const first = tokens[i]!;
  const out: { initials: string; stems: string[] }[] = [];
  let initials = first.lower[0]!;
  const stems = [stemWord(first.lower, first.script)];
  for (let j = i + 1; j < tokens.length && initials.length < MAX_LETTERS; j++) {
    const t = tokens[j]!;
    if (!/^[\s-]*$/.test(text.slice(tokens[j - 1]!.end, t.start)) || t.script !== first.script) break;
    if (isStopword(t.lower)) continue;
    if (first.script === "latin" && !t.capitalized) break;
    initials += t.lower[0]!;
    stems.push(stemWord(t.lower, t.script));
    out.push({ initials, stems: [...stems] });
  }
  return out;
}
