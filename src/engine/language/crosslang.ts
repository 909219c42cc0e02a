/**
 * The cross-language lexicon: Russian translations of English and Azerbaijani words (for
 * questions asked of a Russian corpus) and glosses of Russian words in English and
 * Azerbaijani (for short answers a reader can read). Built from the dictionaries in
 * `data/lexicon/`; loaded on first use.
 */

export interface Translation {
  /** A Russian word or short phrase. */
  text: string;
  /** 1 = the dictionary's first sense. */
  rank: number;
}

export interface CrossLexicon {
  /** Russian translations of an English or Azerbaijani word (inflected forms allowed). */
  toRussian(word: string, lang: "en" | "az"): Translation[];
  /** Multiword entries of the language found in a text (e.g. "nümayəndə heyəti"), with their translations. */
  phrases(text: string, lang: "en" | "az"): { words: string[]; translations: Translation[] }[];
  /** English or Azerbaijani words for a Russian word (inflected forms allowed), the usual sense first. */
  fromRussian(word: string, lang: "en" | "az"): string[];
  /** Whether a Latin word is a known word of the language. */
  knows(word: string, lang: "en" | "az"): boolean;
  /** Whether a Cyrillic word is a known Russian word (any inflected form). */
  knowsRussian(word: string): boolean;
}

/** A lexicon that knows nothing (tests, or when the data files are missing). */
export const EMPTY_LEXICON: CrossLexicon = {
  toRussian: () => [],
  phrases: () => [],
  fromRussian: () => [],
  knows: () => false,
  knowsRussian: () => false,
};

// ---------------------------------------------------------------------------------------------
// TEMPORARY loader (replaced by the dictionary modules when they land).
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import snowball from "snowball-stemmers";

const enStem = snowball.newStemmer("english");
const ruStem = snowball.newStemmer("russian");

export function loadCrossLexicon(dir = path.resolve("data/lexicon")): CrossLexicon {
  const file = path.join(dir, "en-ru.tsv");
  if (!existsSync(file)) return EMPTY_LEXICON;
  const byStem = new Map<string, Translation[]>();
  const exact = new Map<string, Translation[]>();
  const reverse = new Map<string, { w: string; rank: number }[]>();
  const russian = new Set<string>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const tab = line.indexOf("\t");
    if (tab < 0) continue;
    const head = line.slice(0, tab);
    const tr = line.slice(tab + 1).split("|").map((text, k) => ({ text: text.replace(/ё/g, "е"), rank: k + 1 }));
    exact.set(head, tr);
    const st = enStem.stem(head);
    if (!byStem.has(st)) byStem.set(st, tr);
    for (const t of tr) {
      for (const w of t.text.split(/\s+/)) {
        const rs = ruStem.stem(w.toLowerCase());
        russian.add(rs);
        if (!/\s/.test(t.text) && !head.includes("-")) {
          const list = reverse.get(rs) ?? [];
          if (list.length < 12) list.push({ w: head, rank: t.rank });
          reverse.set(rs, list);
        }
      }
    }
  }
  const IRREGULAR: Record<string, string> = { met: "meet", led: "lead", took: "take", went: "go", said: "say", was: "be", were: "be", held: "hold", signed: "sign", came: "come", gave: "give", made: "make", told: "tell", spoke: "speak", became: "become", began: "begin", brought: "bring", thought: "think", found: "find", built: "build", sent: "send", paid: "pay", won: "win", lost: "lose", sold: "sell", bought: "buy", left: "leave", chose: "choose", wrote: "write", ran: "run", saw: "see", knew: "know", grew: "grow", rose: "rise", fell: "fall", fought: "fight", taught: "teach", caught: "catch", kept: "keep", meant: "mean", felt: "feel", put: "put", set: "set", cut: "cut", hit: "hit", let: "let", shut: "shut", spent: "spend", stood: "stand", understood: "understand", drove: "drive", flew: "fly", drew: "draw" };
  return {
    toRussian(word, lang) {
      if (lang !== "en") return [];
      const w = word.toLowerCase();
      return exact.get(w) ?? exact.get(IRREGULAR[w] ?? "") ?? byStem.get(enStem.stem(w)) ?? [];
    },
    phrases: () => [],
    fromRussian(word, lang) {
      if (lang !== "en") return [];
      const list = reverse.get(ruStem.stem(word.toLowerCase().replace(/ё/g, "е"))) ?? [];
      return [...list].sort((a, b) => a.rank - b.rank).map((x) => x.w);
    },
    knows(word, lang) {
      if (lang !== "en") return false;
      const w = word.toLowerCase();
      return exact.has(w) || w in IRREGULAR || byStem.has(enStem.stem(w));
    },
    knowsRussian: (word) => russian.has(ruStem.stem(word.toLowerCase().replace(/ё/g, "е"))),
  };
}
