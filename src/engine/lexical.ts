/**
 * In-memory lexical view of the corpus: stems and 5-letter prefixes per sentence, document
 * frequencies, BM25 postings, a cross-script name table and the glossary types found in each
 * sentence. Built with the vector index and saved beside it (`lexical.bin`, same manifest), so
 * a start with a built index reads it instead of tokenising and stemming the corpus again.
 */
import type { GlossaryGroup } from "./corpus.js";
import { isStopword } from "./lexicon.js";
import type { Sentence } from "./sentences.js";
import { prefixKey, skeleton, stemWord, type Token, tokenize } from "./text.js";

/** The stems of the words a "%" sign stands for: a sentence with the sign indexes them, a number with it counts them. */
export const PERCENT_STEMS = [stemWord("процент", "cyrillic"), stemWord("percent", "latin", "en")];

import { TUNING } from "./tuning.js";

/** Per-sentence facts kept in memory (compact: the words themselves live in the postings). */
export interface SentenceFeatures {
  /** Content-token count, for BM25 length normalisation. */
  length: number;
  /** Glossary types mentioned in the sentence (person, place, org, date…), if any. */
  types?: Set<string>;
}

/** A glossary term prepared for matching: one key per content word. */
export interface GlossaryTerm {
  group: number;
  text: string;
  lang: string;
  /** Matching keys of its words: 5-letter prefixes (whole word when short). */
  keys: string[];
  /** Corpus-side stems of its content words. */
  stems: string[];
  /** Words written in capitals of ≤ 4 letters (US, TRIPP…): matched case-sensitively. */
  caseSensitive: boolean[];
  raw: string[];
}

export interface LexicalIndex {
  sentences: readonly Sentence[];
  features: SentenceFeatures[];
  /** Stem → number of sentences containing it. */
  df: Map<string, number>;
  prefixDf: Map<string, number>;
  /** Stem → its postings: sentence indices ascending, with the term frequency of each. */
  postings: Map<string, Postings>;
  /** 5-letter prefix → sentences containing a word with it, ascending. */
  prefixPostings: Map<string, Int32Array>;
  /** Stems grouped by their first two letters (for close spellings). */
  stemsByHead: Map<string, string[]>;
  /** Cross-script name key → corpus stems with that key. */
  skeletons: Map<string, Set<string>>;
  avgLength: number;
  glossary: GlossaryGroup[];
  glossaryTerms: GlossaryTerm[];
  /** Languages of the corpus documents (glossary expansions in other languages are not searched). */
  corpusLangs: Set<string>;
  /** Document id → its date (YYYY-MM-DD), where the front matter gives one. */
  docDates: Map<string, string | undefined>;
  /** Sentence index → index of the previous/next sentence of the same document, or -1. */
  prev: Int32Array;
  next: Int32Array;
}

/** One stem's postings, flat: `ids[k]` (ascending) contains the stem `tf[k]` times. */
export interface Postings {
  ids: Int32Array;
  tf: Uint16Array;
}

/** Key used to match a glossary word in text: whole word up to 5 letters, else its first 5. */
export const matchKey = (lower: string) => prefixKey(lower);

export function prepareGlossary(glossary: GlossaryGroup[]): GlossaryTerm[] {
  const out: GlossaryTerm[] = [];
  glossary.forEach((g, group) => {
    for (const term of g.terms) {
      const toks = tokenize(term.text).filter((t) => !isStopword(t.lower));
      if (toks.length === 0) continue;
      out.push({
        group,
        text: term.text,
        lang: term.lang,
        keys: toks.map((t) => matchKey(t.lower)),
        stems: toks.map((t) => stemWord(t.lower, t.script, term.lang)),
        caseSensitive: toks.map((t) => t.script === "latin" && t.text.length <= 3 && t.text === t.text.toUpperCase()),
        raw: toks.map((t) => t.text),
      });
    }
  });
  // Longest terms first, so "Хартия стратегического партнерства" wins over "партнерство".
  return out.sort((a, b) => b.keys.length - a.keys.length);
}

const bucketKey = (lower: string) => [...lower].slice(0, 3).join("");
const buckets = new WeakMap<GlossaryTerm[], Map<string, GlossaryTerm[]>>();

/** Terms grouped by the first three letters of their first word (all match rules keep those). */
function termBuckets(terms: GlossaryTerm[]): Map<string, GlossaryTerm[]> {
  let map = buckets.get(terms);
  if (!map) {
    map = new Map();
    for (const t of terms) {
      const k = bucketKey(t.raw[0]!.toLowerCase().replace(/ё/g, "е"));
      const list = map.get(k) ?? [];
      list.push(t);
      map.set(k, list);
    }
    buckets.set(terms, map);
  }
  return map;
}

/**
 * Finds glossary terms in a token sequence. Returns matches (group, term, token span),
 * longest first and non-overlapping.
 */
export function findGlossaryTerms(tokens: Token[], terms: GlossaryTerm[]): { term: GlossaryTerm; from: number; to: number }[] {
  const content = tokens.map((t, i) => ({ t, i })).filter(({ t }) => !isStopword(t.lower));
  const keys = content.map(({ t }) => matchKey(t.lower));
  const tokStems = content.map(({ t }) => stemWord(t.lower, t.script));
  const map = termBuckets(terms);
  const matches: { term: GlossaryTerm; from: number; to: number; at: number; exact: number }[] = [];
  for (let i = 0; i < content.length; i++) {
    const lower = content[i]!.t.lower;
    const candidates = new Set([...(map.get(bucketKey(lower)) ?? []), ...(map.get([...lower].slice(0, 2).join("")) ?? [])]);
    for (const term of candidates) {
      const n = term.keys.length;
      if (i + n > content.length) continue;
      let ok = true;
      let exact = 0;
      for (let j = 0; j < n && ok; j++) {
        const tok = content[i + j]!.t;
        const sameStem = !term.caseSensitive[j] && tokStems[i + j] === term.stems[j];
        ok = sameStem || wordsMatch(tok, keys[i + j]!, term.raw[j]!, term.keys[j]!, term.caseSensitive[j]!);
        exact += tok.lower === term.raw[j]!.toLowerCase() ? 2 : sameStem ? 1 : 0;
      }
      if (ok) matches.push({ term, from: content[i]!.i, to: content[i + n - 1]!.i, at: i, exact });
    }
  }
  // Longest first, then the closest spelling (exact words or stems), then leftmost; no token belongs to two matches.
  matches.sort((a, b) => b.term.keys.length - a.term.keys.length || b.exact - a.exact || a.at - b.at);
  const used = new Set<number>();
  const found: { term: GlossaryTerm; from: number; to: number }[] = [];
  for (const m of matches) {
    const span = content.slice(m.at, m.at + m.term.keys.length).map((c) => c.i);
    if (span.some((x) => used.has(x))) continue;
    for (const x of span) used.add(x);
    found.push({ term: m.term, from: m.from, to: m.to });
  }
  return found;
}

/** The index while it is built: stem → sentence, tf, sentence, tf, …; prefix key → sentences; name skeletons. */
interface IndexBuilding {
  building: Map<string, number[]>;
  prefixBuilding: Map<string, number[]>;
  skeletons: Map<string, Set<string>>;
  features: SentenceFeatures[];
}

/** The stems (with their counts) and prefix keys of a sentence's content words; their skeletons join `skeletons`. */
function sentenceTerms(
  tokens: Token[],
  lang: string,
  skeletons: Map<string, Set<string>>,
): { stems: Map<string, number>; prefixes: Set<string>; length: number } {
  const stems = new Map<string, number>();
  const prefixes = new Set<string>();
  let length = 0;
  for (const t of tokens) {
    if (isStopword(t.lower)) continue;
    length++;
    const stem = stemWord(t.lower, t.script, lang);
    stems.set(stem, (stems.get(stem) ?? 0) + 1);
    prefixes.add(matchKey(t.lower));
    if (t.script !== "digit" && t.lower.length >= 3) {
      const key = skeleton(t.lower);
      if (key.length >= 2) {
        let set = skeletons.get(key);
        if (!set) skeletons.set(key, (set = new Set()));
        set.add(stem);
      }
    }
  }
  return { stems, prefixes, length };
}

/** Adds one sentence: its postings, prefix keys and features (length, glossary types). */
function addSentence(b: IndexBuilding, s: Sentence, lang: string, glossary: GlossaryGroup[], glossaryTerms: GlossaryTerm[]): void {
  const tokens = tokenize(s.text);
  const { stems, prefixes, length } = sentenceTerms(tokens, lang, b.skeletons);
  // "40%": the sign is the word a question asks with ("какой процент", "what percent", "neçə faiz").
  if (s.text.includes("%")) for (const stem of PERCENT_STEMS) stems.set(stem, (stems.get(stem) ?? 0) + 1);
  for (const [stem, tf] of stems) {
    let list = b.building.get(stem);
    if (!list) b.building.set(stem, (list = []));
    list.push(s.index, tf);
  }
  for (const p of prefixes) {
    let list = b.prefixBuilding.get(p);
    if (!list) b.prefixBuilding.set(p, (list = []));
    list.push(s.index);
  }
  let types: Set<string> | undefined;
  for (const m of findGlossaryTerms(tokens, glossaryTerms)) {
    const type = glossary[m.term.group]?.type;
    if (type) (types ??= new Set()).add(type);
  }
  b.features.push(types ? { length, types } : { length });
}

/** The built postings as typed arrays (term frequencies capped at 65535). */
function packPostings(building: Map<string, number[]>): Map<string, Postings> {
  const postings = new Map<string, Postings>();
  for (const [stem, flat] of building) {
    const n = flat.length / 2;
    const ids = new Int32Array(n);
    const tf = new Uint16Array(n);
    for (let k = 0; k < n; k++) {
      ids[k] = flat[2 * k]!;
      tf[k] = Math.min(flat[2 * k + 1]!, 65535);
    }
    postings.set(stem, { ids, tf });
  }
  return postings;
}

/** Builds the lexical view. `lang` per document picks the stemmer for Latin words. */
export function createLexicalIndex(
  sentences: readonly Sentence[],
  glossary: GlossaryGroup[],
  docLang: (doc: string) => string,
  docDates: Map<string, string | undefined> = new Map(),
): LexicalIndex {
  const glossaryTerms = prepareGlossary(glossary);
  const b: IndexBuilding = { building: new Map(), prefixBuilding: new Map(), skeletons: new Map(), features: [] };
  for (const s of sentences) addSentence(b, s, docLang(s.doc), glossary, glossaryTerms);
  const postings = packPostings(b.building);
  b.building.clear();
  const prefixPostings = new Map<string, Int32Array>();
  for (const [p, list] of b.prefixBuilding) prefixPostings.set(p, Int32Array.from(list));
  const { skeletons, features } = b;
  return assemble({ postings, prefixPostings, skeletons, features }, sentences, glossary, glossaryTerms, docLang, docDates);
}

/** What is built from the text (and saved); the rest of the index is derived from it. */
interface LexicalCore {
  postings: Map<string, Postings>;
  prefixPostings: Map<string, Int32Array>;
  skeletons: Map<string, Set<string>>;
  features: SentenceFeatures[];
}

function assemble(
  core: LexicalCore,
  sentences: readonly Sentence[],
  glossary: GlossaryGroup[],
  glossaryTerms: GlossaryTerm[],
  docLang: (doc: string) => string,
  docDates: Map<string, string | undefined>,
): LexicalIndex {
  const { postings, prefixPostings, skeletons, features } = core;
  const df = new Map<string, number>();
  for (const [stem, list] of postings) df.set(stem, list.ids.length);
  const prefixDf = new Map<string, number>();
  for (const [p, list] of prefixPostings) prefixDf.set(p, list.length);
  let total = 0;
  for (const f of features) total += f.length;
  const stemsByHead = new Map<string, string[]>();
  for (const stem of df.keys()) {
    const head = [...stem].slice(0, 2).join("");
    const list = stemsByHead.get(head) ?? [];
    list.push(stem);
    stemsByHead.set(head, list);
  }
  const prev = new Int32Array(sentences.length).fill(-1);
  const next = new Int32Array(sentences.length).fill(-1);
  for (let i = 1; i < sentences.length; i++) {
    if (sentences[i]!.doc === sentences[i - 1]!.doc) {
      prev[i] = i - 1;
      next[i - 1] = i;
    }
  }
  return {
    sentences,
    features,
    df,
    prefixDf,
    postings,
    prefixPostings,
    stemsByHead,
    skeletons,
    avgLength: sentences.length ? total / sentences.length : 1,
    glossary,
    glossaryTerms,
    corpusLangs: new Set(sentences.map((s) => docLang(s.doc))),
    docDates,
    prev,
    next,
  };
}

// Tokens of recently read sentences (bounded: a big corpus must not keep them all). Shared and
// never modified by their readers: the evidence rules and the answer span see the same arrays.
const tokenCache = new WeakMap<LexicalIndex, Map<number, Token[]>>();
const TOKEN_CACHE_SIZE = 4096;

/** The tokens of sentence `i`, tokenised once while they stay among the recently read. */
export function sentenceTokens(index: LexicalIndex, i: number): Token[] {
  let cache = tokenCache.get(index);
  if (!cache) tokenCache.set(index, (cache = new Map()));
  let toks = cache.get(i);
  if (!toks) {
    if (cache.size >= TOKEN_CACHE_SIZE) cache.clear();
    cache.set(i, (toks = tokenize(index.sentences[i]!.text)));
  }
  return toks;
}

/**
 * Whether a text word matches a glossary word: same 5-letter prefix, or one a prefix of the
 * other (at least 4 letters, at most 3 letters longer: фирм/фирмы, Bakı/Bakıda). Short
 * Latin capitals (US) match only as written, so the pronoun "us" does not.
 */
export function wordsMatch(tok: Token, key: string, raw: string, rawKey: string, caseSensitive: boolean): boolean {
  if (caseSensitive)
    return (
      tok.text === raw ||
      (tok.text.startsWith(raw) &&
        tok.text.length <= raw.length + 3 &&
        tok.text.slice(raw.length) === tok.text.slice(raw.length).toLowerCase())
    );
  const r = raw.toLowerCase().replace(/ё/g, "е");
  if (tok.lower === r) return true;
  const a = [...tok.lower].length;
  const b = [...r].length;
  if (a >= 5 && b >= 5) return key === rawKey;
  const [short, long] = a <= b ? [tok.lower, r] : [r, tok.lower];
  return [...short].length >= (/[а-яё]/.test(short) ? 3 : 4) && long.startsWith(short) && Math.abs(a - b) <= 3;
}

/** Inverse document frequency (BM25's, always positive). df = 0 gives the largest value. */
export function idf(index: LexicalIndex, df: number): number {
  const n = index.sentences.length;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * Whether a sentence contains a stem or a prefix: a binary search in the (sorted) postings,
 * so no word set per sentence has to be kept in memory.
 */
export class SentenceLookup {
  constructor(private readonly index: LexicalIndex) {}
  hasStem(stem: string, i: number): boolean {
    const list = this.index.postings.get(stem);
    return list !== undefined && sortedIndexOf(list.ids, i) >= 0;
  }
  hasPrefix(prefix: string, i: number): boolean {
    const list = this.index.prefixPostings.get(prefix);
    return list !== undefined && sortedIndexOf(list, i) >= 0;
  }
}

// ---------------------------------------------------------------------------------------
// Persistence: one binary file — "LEX1", a JSON header (words, names, glossary types, section
// offsets), then the postings as flat typed arrays that are read back as views, not parsed.

const MAGIC = "LEX1";

/** Serialises what {@link createLexicalIndex} built from the text. */
export function serializeLexicalIndex(index: LexicalIndex): Buffer {
  const stems = [...index.postings.keys()];
  const prefixes = [...index.prefixPostings.keys()];
  const count = (lists: Iterable<{ length: number }>) => {
    let n = 0;
    for (const l of lists) n += l.length;
    return n;
  };
  const stemOffsets = new Uint32Array(stems.length + 1);
  const stemIds = new Int32Array(count([...index.postings.values()].map((p) => p.ids)));
  const stemTf = new Uint16Array(stemIds.length);
  stems.forEach((stem, k) => {
    const { ids, tf } = index.postings.get(stem)!;
    stemIds.set(ids, stemOffsets[k]!);
    stemTf.set(tf, stemOffsets[k]!);
    stemOffsets[k + 1] = stemOffsets[k]! + ids.length;
  });
  const prefixOffsets = new Uint32Array(prefixes.length + 1);
  const prefixIds = new Int32Array(count(index.prefixPostings.values()));
  prefixes.forEach((p, k) => {
    const ids = index.prefixPostings.get(p)!;
    prefixIds.set(ids, prefixOffsets[k]!);
    prefixOffsets[k + 1] = prefixOffsets[k]! + ids.length;
  });
  const lengths = Uint16Array.from(index.features, (f) => Math.min(f.length, 65535));
  const arrays = { stemOffsets, stemIds, stemTf, prefixOffsets, prefixIds, lengths };
  const sections: Record<string, [number, number]> = {};
  let at = 0;
  for (const [name, a] of Object.entries(arrays)) {
    sections[name] = [at, a.length];
    at += Math.ceil(a.byteLength / 4) * 4; // every section starts 4-byte aligned
  }
  const header = Buffer.from(
    JSON.stringify({
      sentences: index.sentences.length,
      stems,
      prefixes,
      skeletons: [...index.skeletons].map(([k, set]) => [k, [...set]]),
      types: index.features.flatMap((f, i) => (f.types ? [[i, [...f.types]]] : [])),
      sections,
    }),
  );
  const headLength = Math.ceil((8 + header.length) / 4) * 4;
  const out = Buffer.alloc(headLength + at);
  out.write(MAGIC, 0, "latin1");
  out.writeUInt32LE(header.length, 4);
  header.copy(out, 8);
  for (const [name, a] of Object.entries(arrays))
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, headLength + sections[name]![0]);
  return out;
}

/**
 * Reads a file written by {@link serializeLexicalIndex} for the same sentences.
 * @throws Error when the bytes are not such a file or were written for another sentence count.
 */
export function restoreLexicalIndex(
  bytes: Buffer,
  sentences: readonly Sentence[],
  glossary: GlossaryGroup[],
  docLang: (doc: string) => string,
  docDates: Map<string, string | undefined> = new Map(),
): LexicalIndex {
  if (bytes.toString("latin1", 0, 4) !== MAGIC) throw new Error("not a lexical index file");
  const headerLength = bytes.readUInt32LE(4);
  const h = JSON.parse(bytes.toString("utf8", 8, 8 + headerLength)) as {
    sentences: number;
    stems: string[];
    prefixes: string[];
    skeletons: [string, string[]][];
    types: [number, string[]][];
    sections: Record<string, [number, number]>;
  };
  if (h.sentences !== sentences.length) throw new Error(`lexical index holds ${h.sentences} sentences, the corpus ${sentences.length}`);
  // One aligned copy of the data part; every list is a view into it.
  const base = Math.ceil((8 + headerLength) / 4) * 4;
  const data = new Uint8Array(bytes.length - base);
  data.set(bytes.subarray(base));
  const view = <T>(name: string, Type: { new (b: ArrayBuffer, o: number, n: number): T }): T => {
    const s = h.sections[name];
    if (!s) throw new Error(`lexical index lacks ${name}`);
    return new Type(data.buffer, s[0], s[1]);
  };
  const stemOffsets = view("stemOffsets", Uint32Array);
  const stemIds = view("stemIds", Int32Array);
  const stemTf = view("stemTf", Uint16Array);
  const prefixOffsets = view("prefixOffsets", Uint32Array);
  const prefixIds = view("prefixIds", Int32Array);
  const lengths = view("lengths", Uint16Array);
  const postings = new Map<string, Postings>();
  h.stems.forEach((stem, k) => {
    const from = stemOffsets[k]!;
    const to = stemOffsets[k + 1]!;
    postings.set(stem, { ids: stemIds.subarray(from, to), tf: stemTf.subarray(from, to) });
  });
  const prefixPostings = new Map<string, Int32Array>();
  for (const [k, p] of h.prefixes.entries()) prefixPostings.set(p, prefixIds.subarray(prefixOffsets[k]!, prefixOffsets[k + 1]!));
  const skeletons = new Map(h.skeletons.map(([k, stems]) => [k, new Set(stems)]));
  const features: SentenceFeatures[] = Array.from(lengths, (length) => ({ length }));
  for (const [i, types] of h.types) features[i]!.types = new Set(types);
  return assemble({ postings, prefixPostings, skeletons, features }, sentences, glossary, prepareGlossary(glossary), docLang, docDates);
}

/** Position of `value` in the ascending `ids`, or -1. */
function sortedIndexOf(ids: Int32Array, value: number, from = 0): number {
  let lo = from;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid]!;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const K1 = TUNING.bm25.k1;
const B = TUNING.bm25.b;

/** Query stems that BM25 scores, with their weight (IDF × query weight), rarest first. */
function scoredTerms(index: LexicalIndex, query: Map<string, number>): { list: Postings; w: number }[] {
  const terms: { list: Postings; w: number }[] = [];
  for (const [stem, weight] of query) {
    const list = index.postings.get(stem);
    if (!list) continue;
    const w = idf(index, list.ids.length) * weight;
    if (w < 0.05) continue; // in nearly every sentence: tells nothing, costs the most
    terms.push({ list, w });
  }
  return terms.sort((a, b) => a.list.ids.length - b.list.ids.length);
}

/** Sentence i ranks above j: higher score, then lower index. */
const above = (si: number, i: number, sj: number, j: number) => si > sj || (si === sj && i < j);

/**
 * The best `k` of `candidates` by `scores` (ties: lower index first), best first, kept in a
 * bounded min-heap: O(n log k) instead of sorting every matching sentence.
 */
export function topK(candidates: ArrayLike<number>, scores: Float64Array, k: number): { i: number; score: number }[] {
  const heap: number[] = []; // the worst of the kept ones at heap[0]
  const worse = (a: number, b: number) => above(scores[b]!, b, scores[a]!, a); // a ranks below b
  const down = (at: number) => {
    for (;;) {
      const l = 2 * at + 1;
      const r = l + 1;
      let m = at;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === at) return;
      [heap[at], heap[m]] = [heap[m]!, heap[at]!];
      at = m;
    }
  };
  for (let c = 0; c < candidates.length; c++) {
    const i = candidates[c]!;
    if (heap.length < k) {
      heap.push(i);
      for (let at = heap.length - 1; at > 0; ) {
        const up = (at - 1) >> 1;
        if (!worse(heap[at]!, heap[up]!)) break;
        [heap[at], heap[up]] = [heap[up]!, heap[at]!];
        at = up;
      }
    } else if (k > 0 && worse(heap[0]!, i)) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((a, b) => (above(scores[a]!, a, scores[b]!, b) ? -1 : 1)).map((i) => ({ i, score: scores[i]! }));
}

/** The k-th best score among `candidates` (k ≥ 1, at least k candidates). */
function kthScore(candidates: number[], scores: Float64Array, k: number): number {
  const top = topK(candidates, scores, k);
  return top[top.length - 1]!.score;
}

/**
 * BM25 (k1 = 1.2, b = 0.75: the usual defaults) over stems. `query` maps stems to weights
 * (glossary expansions share their concept's weight). Returns the top `k` sentences, the same
 * as scoring every posting, but faster on large corpora:
 * - terms are taken rarest first; once the sentences found so far hold a k-th score that no
 *   unseen sentence can reach with the remaining (common) terms — each adds at most
 *   weight × (k1 + 1) — those terms only add to sentences already found, looked up by binary
 *   search instead of walking their long postings (MaxScore, Turtle & Flood 1995);
 * - the top k are kept in a bounded heap, not by sorting every matching sentence.
 */
export function bm25(index: LexicalIndex, query: Map<string, number>, k: number): { i: number; score: number }[] {
  const terms = scoredTerms(index, query);
  const { scores, norms } = scratchOf(index);
  const touched: number[] = [];
  try {
    return bm25Walk(terms, scores, norms, touched, k);
  } finally {
    for (const i of touched) scores[i] = 0; // the buffer is all zeros again for the next query
  }
}

/**
 * Per index: the BM25 length normalisation of every sentence, and one score buffer reused by
 * every query (zeroed where it was written): at 50,000 paragraphs a fresh buffer was 1.1 MB a
 * question, and reading each sentence's length through its features object cost more than the
 * arithmetic. Queries are synchronous, so one buffer per index is never shared by two at once.
 */
const scratch = new WeakMap<LexicalIndex, { scores: Float64Array; norms: Float64Array }>();
function scratchOf(index: LexicalIndex): { scores: Float64Array; norms: Float64Array } {
  let s = scratch.get(index);
  if (!s) {
    const norms = Float64Array.from(index.features, (f) => K1 * (1 - B + (B * f.length) / index.avgLength));
    s = { scores: new Float64Array(index.sentences.length), norms };
    scratch.set(index, s);
  }
  return s;
}

/** {@link bm25}'s walk over the terms (rarest first) into `scores`, every sentence it scores listed in `touched`. */
function bm25Walk(
  terms: { list: Postings; w: number }[],
  scores: Float64Array,
  norms: Float64Array,
  touched: number[],
  k: number,
): { i: number; score: number }[] {
  const norm = (i: number) => norms[i]!;
  // remaining[j]: the most that terms j… can add to a sentence none of the earlier terms matched.
  const remaining = new Float64Array(terms.length + 1);
  for (let j = terms.length - 1; j >= 0; j--) remaining[j] = remaining[j + 1]! + terms[j]!.w * (K1 + 1);
  for (const [j, { list, w }] of terms.entries()) {
    const { ids, tf } = list;
    // Only worth checking for long lists, where a lookup per found sentence beats the walk.
    const closed = k > 0 && touched.length >= k && ids.length > 4 * touched.length && remaining[j]! < kthScore(touched, scores, k);
    if (closed) {
      for (const i of touched) {
        const at = sortedIndexOf(ids, i);
        if (at < 0) continue;
        const f = tf[at]!;
        scores[i]! += (w * (f * (K1 + 1))) / (f + norm(i));
      }
      continue;
    }
    for (let p = 0; p < ids.length; p++) {
      const i = ids[p]!;
      const f = tf[p]!;
      if (scores[i] === 0) touched.push(i);
      scores[i]! += (w * (f * (K1 + 1))) / (f + norm(i));
    }
  }
  return topK(touched, scores, k);
}

/** BM25 by walking every posting and sorting every match: the reference for {@link bm25} (tests, bench). */
export function bm25Exhaustive(index: LexicalIndex, query: Map<string, number>, k: number): { i: number; score: number }[] {
  const scores = new Float64Array(index.sentences.length);
  const touched: number[] = [];
  for (const { list, w } of scoredTerms(index, query)) {
    for (let p = 0; p < list.ids.length; p++) {
      const i = list.ids[p]!;
      const f = list.tf[p]!;
      if (scores[i] === 0) touched.push(i);
      scores[i]! += (w * (f * (K1 + 1))) / (f + K1 * (1 - B + (B * index.features[i]!.length) / index.avgLength));
    }
  }
  return touched
    .map((i) => ({ i, score: scores[i]! }))
    .sort((x, y) => y.score - x.score || x.i - y.i)
    .slice(0, k);
}
