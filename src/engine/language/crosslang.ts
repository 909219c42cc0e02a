/**
 * The cross-language lexicon: Russian translations of English and Azerbaijani words (for
 * questions asked of a Russian corpus) and glosses of Russian words in English and
 * Azerbaijani (for short answers a reader can read). Built from the dictionaries in
 * `data/lexicon/`; loaded on first use.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import snowball from "snowball-stemmers";
import { ruStem } from "../text.js";
import { type AzLexicon, loadAzLexicon } from "./az.js";
import { type Dictionary, englishLemmas, sharedDictionary } from "./dictionary.js";
import { compactLists, type KeyedLists, readSortedTsv } from "./sorted-tsv.js";

export interface Translation {
  /** A Russian word or short phrase. */
  text: string;
  /** 1 = the dictionary's first sense. */
  rank: number;
}

export interface CrossLexicon {
  /**
   * Russian translations of an English or Azerbaijani word (inflected forms allowed). English words get
   * the news vocabulary's senses after the dictionary's first; `dictionaryOnly` leaves them out (the
   * pivot's two steps through English stay within one dictionary).
   */
  toRussian(word: string, lang: "en" | "az", dictionaryOnly?: boolean): Translation[];
  /** Multiword entries of the language found in a text (e.g. "nümayəndə heyəti"), with their translations. */
  phrases(text: string, lang: "en" | "az"): { words: string[]; translations: Translation[]; english: Translation[] }[];
  /** English for a Russian multiword term, given its words' Snowball stems ("рабочие места" → jobs); none if not a term. */
  englishOfRussianTerm(stems: readonly string[]): Translation[];
  /** English translations of a Russian or Azerbaijani word (for English articles), the usual sense first. */
  toEnglish(word: string, from: "ru" | "az"): Translation[];
  /** English or Azerbaijani words for a Russian word (inflected forms allowed), the usual sense first. */
  fromRussian(word: string, lang: "en" | "az"): string[];
  /** Whether a Latin word is a known word of the language. */
  knows(word: string, lang: "en" | "az"): boolean;
  /** Whether a Cyrillic word is a known Russian word (any inflected form). */
  knowsRussian(word: string): boolean;
  /** Russian synonyms of a Russian word (any inflected form), its first meaning's first. */
  synonyms(word: string): string[];
  /** English synonyms of an English word (any inflected form; WordNet), its first senses' first. */
  englishSynonyms(word: string): string[];
  /** The news vocabulary's English for a Russian word ("Китая" → China, "открылась" → open), before a dictionary's. */
  newsEnglish(word: string): string[];
  /** The news vocabulary's Azerbaijani for a Russian name ("Гянджи" → Gəncə). */
  newsAzerbaijaniName(word: string): string[];
}

/** A lexicon that knows nothing (tests, or when the data files are missing). */
export const EMPTY_LEXICON: CrossLexicon = {
  toRussian: () => [],
  toEnglish: () => [],
  englishOfRussianTerm: () => [],
  phrases: () => [],
  fromRussian: () => [],
  knows: () => false,
  knowsRussian: () => false,
  synonyms: () => [],
  englishSynonyms: () => [],
  newsEnglish: () => [],
  newsAzerbaijaniName: () => [],
};

/** The files of `dir`, each read on its first use: a Russian question to a Russian corpus reads none. */
function lazyFiles(dir: string) {
  const enFile = path.join(dir, "en-ru.tsv");
  const azFile = path.join(dir, "az-ru.tsv");
  let enLoaded: Dictionary | null | undefined;
  let azLoaded: AzLexicon | null | undefined;
  let reverse: KeyedLists | undefined;
  let thesaurus: KeyedLists | undefined;
  let wordnet: KeyedLists | undefined;
  return {
    get en() {
      if (enLoaded === undefined) enLoaded = existsSync(enFile) ? sharedDictionary(enFile) : null;
      return enLoaded ?? undefined;
    },
    get az() {
      if (azLoaded === undefined) azLoaded = existsSync(azFile) ? loadAzLexicon(azFile) : null;
      return azLoaded ?? undefined;
    },
    reverse: () => (reverse ??= readSortedTsv(path.join(dir, "ru-en.tsv"))),
    thesaurus: () => (thesaurus ??= readThesaurus(path.join(dir, "ru-syn.tsv"))),
    wordnet: () => (wordnet ??= readSortedTsv(path.join(dir, "en-syn.tsv"))),
  };
}

/**
 * The lexicon from the dictionaries in `data/lexicon/`: English–Russian from mueller7-dict
 * (`en-ru.tsv`, and its reverse index `ru-en.tsv` built by scripts/build-ru-en-index.mjs);
 * the Azerbaijani–Russian news vocabulary (`az-ru.tsv`); Russian (`ru-syn.tsv`, LibreOffice) and
 * English (`en-syn.tsv`, WordNet 3.0) synonyms. A missing file gives an empty side.
 */
export function loadCrossLexicon(dir = path.resolve("data/lexicon")): CrossLexicon {
  const lazy = lazyFiles(dir);
  const reverseIndex = lazy.reverse;
  // A participle or short form whose stem the index lacks ("назначена" → «назнач») reads as its verb's («назнача»).
  const reverseOf = (word: string) => {
    const stem = ruStem(word.toLowerCase().replace(/ё/g, "е"));
    return (
      reverseIndex().get(stem) ??
      (stem.length >= 5 ? reverseIndex().startingWith(stem, stem.length >= 8 ? 3 : 2) : undefined) ??
      // An adjective of a noun the dictionary has ("шахматный" → «шахмат» → chess).
      (stem.length >= 6 && stem.endsWith("н") ? reverseIndex().get(stem.slice(0, -1)) : undefined) ??
      []
    );
  };
  const synonymsOf = lazy.thesaurus;
  const wordnetOf = lazy.wordnet;
  return {
    toRussian(word, lang, dictionaryOnly) {
      if (lang === "en") {
        const dictionary = lazy.en?.toRussian(word) ?? [];
        return dictionaryOnly || !lazy.az ? dictionary : withNewsSenses(dictionary, lazy.az, word);
      }
      return lazy.az?.toRussian(word) ?? [];
    },
    toEnglish(word, from) {
      // From Russian: the news vocabulary's senses ("кредит" → credit, loan) before the dictionary's reverse index.
      const list =
        from === "az"
          ? (lazy.az?.toEnglish(word) ?? [])
          : [...new Set([...(lazy.az?.englishSensesOfRussian(word) ?? []), ...reverseOf(word)])];
      return list.map((text, k) => ({ text, rank: k + 1 }));
    },
    englishOfRussianTerm: (stems) => (lazy.az?.englishOfRussianTerm(stems) ?? []).map((text, k) => ({ text, rank: k + 1 })),
    phrases(text, lang) {
      if (lang !== "az" || !lazy.az) return [];
      return lazy.az.phrases(text).map((m) => ({
        words: m.lemma.split(/\s+/),
        translations: m.russian.map((t, k) => ({ text: t, rank: k + 1 })),
        english: m.english.map((t, k) => ({ text: t, rank: k + 1 })),
      }));
    },
    fromRussian(word, lang) {
      if (lang === "az") return lazy.az?.toAzerbaijani(word) ?? [];
      return reverseOf(word);
    },
    knows(word, lang) {
      if (lang === "en") return lazy.en ? lazy.en.toRussian(word).length > 0 : false;
      return lazy.az ? lazy.az.toRussian(word).length > 0 : false;
    },
    knowsRussian: (word) => reverseIndex().has(ruStem(word.toLowerCase().replace(/ё/g, "е"))),
    synonyms: (word) => synonymsOf().get(ruStem(word.toLowerCase().replace(/ё/g, "е"))) ?? [],
    englishSynonyms: (word) => lookupEnglish(wordnetOf(), word),
    newsEnglish: (word) => lazy.az?.englishOfRussian(word) ?? [],
    newsAzerbaijaniName: (word) => lazy.az?.nameOfRussian(word) ?? [],
  };
}

/**
 * `word TAB synonym|synonym…` lines (data/lexicon/ru-syn.tsv), keyed by Snowball stem and made
 * symmetric: a word listed as another's synonym gets that word back ("стройка" ↔ "строительство").
 */
function readThesaurus(file: string): KeyedLists {
  const out = new Map<string, string[]>();
  if (!existsSync(file)) return compactLists(out);
  const add = (word: string, syn: string) => {
    const key = ruStemmer.stem(word);
    const list = out.get(key);
    if (!list) out.set(key, [syn]);
    else if (!list.includes(syn)) list.push(syn);
  };
  const reversed: [string, string][] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const tab = line.indexOf("\t");
    if (tab <= 0) continue;
    const head = line.slice(0, tab);
    for (const syn of line.slice(tab + 1).split("|")) {
      add(head, syn);
      reversed.push([syn, head]);
    }
  }
  for (const [word, syn] of reversed) add(word, syn);
  return compactLists(out);
}

const ruStemmer = snowball.newStemmer("russian");

/**
 * English: Müller's first sense, then the news vocabulary's ("champion" → чемпион, where Müller's next
 * senses are «защищать», «поборник»), then Müller's others.
 */
function withNewsSenses(dictionary: readonly Translation[], az: AzLexicon, word: string): Translation[] {
  const w = word.toLowerCase();
  const news = [w, ...englishLemmas(w)].map((f) => az.russianOfEnglish(f)).find((l) => l.length) ?? [];
  if (!news.length) return [...dictionary];
  const own = dictionary.map((t) => t.text);
  return [...new Set([...own.slice(0, 1), ...news, ...own.slice(1)])].map((text, k) => ({ text, rank: k + 1 }));
}

/** The entry of an English word, else of its first lemma that has one ("won" → win). */
function lookupEnglish(map: KeyedLists, word: string): string[] {
  const w = word.toLowerCase();
  for (const form of [w, ...englishLemmas(w)]) {
    const list = map.get(form);
    if (list) return list;
  }
  return [];
}
