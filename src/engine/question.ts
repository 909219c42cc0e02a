/**
 * Question analysis: cleaning, intent, the kind of fact asked for, and the question's
 * concepts — each content word or glossary term, with the corpus stems that express it.
 */
import { detectAnswerType, detectIntent, isStopword, isStopwordTypo, type QuestionKind } from "./lexicon.js";
import { findGlossaryTerms, idf, matchKey, type LexicalIndex } from "./lexical.js";
import { normalizeText, skeleton, stemWord, tokenize } from "./text.js";
import type { Lang } from "./types.js";

/** Longest question text analysed; the rest of a huge message is ignored. */
export const MAX_QUESTION_CHARS = 500;

/** One alternative way a concept can appear in a sentence: all stems (a phrase) or prefix keys. */
export interface Alternative {
  stems: string[];
  /** 5-letter prefix keys for the same words (partial credit when stems differ). */
  prefixes: string[];
}

export interface Concept {
  /** The words of the question it comes from (for logs and tests). */
  label: string;
  alternatives: Alternative[];
  /** Specificity: the IDF of its rarest alternative present in the corpus; unknown → IDF of a word seen once. */
  weight: number;
  /** Whether any alternative occurs in the corpus. */
  known: boolean;
  /** Came from a glossary group (its index), else from a question word. */
  group?: number;
}

export interface AnalyzedQuestion {
  /** Cleaned text (tags, control characters and Markdown marks removed, trimmed). */
  text: string;
  normalized: string;
  lang: Lang;
  intent: ReturnType<typeof detectIntent> | "empty";
  kind: QuestionKind;
  concepts: Concept[];
  /** Share of concept weight that the corpus knows (1 = every concept occurs somewhere). */
  knownShare: number;
  /** Query for BM25: stem → weight. */
  query: Map<string, number>;
  /** Text for the vector search: the question plus glossary expansions. */
  expanded: string;
}

/** Removes HTML tags, Markdown marks, control characters and extra spaces; caps the length. */
export function cleanQuestion(raw: string): string {
  let s = String(raw ?? "")
    .replace(/<[^>]{0,200}>/g, " ")
    .replace(/&(lt|gt|amp|quot|nbsp);/g, " ")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, " ")
    .replace(/[*_`~#>|[\]]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (s.length > MAX_QUESTION_CHARS) {
    const cut = s.slice(0, MAX_QUESTION_CHARS);
    const space = cut.lastIndexOf(" ");
    s = space > MAX_QUESTION_CHARS * 0.6 ? cut.slice(0, space) : cut;
  }
  return s;
}

function trigrams(s: string): Set<string> {
  const p = `^${s}$`;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= p.length; i++) out.add(p.slice(i, i + 3));
  return out;
}

function similarity(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const g of a) if (b.has(g)) inter++;
  return inter / (a.size + b.size - inter || 1);
}


/**
 * Resolves a question word that the corpus does not contain as such: through the
 * cross-script name key (Bayramov → байрамов), then a close spelling (typos).
 */
function resolveUnknown(index: LexicalIndex, lower: string, script: string): string[] {
  if (script === "digit" || lower.length < 3) return [];
  const key = skeleton(lower);
  const byKey = index.skeletons.get(key);
  if (byKey && key.length >= 3) return [...byKey];
  if (key.length >= 4) {
    for (const [k, stems] of index.skeletons) if (k.length >= 4 && (k.startsWith(key) || key.startsWith(k)) && Math.abs(k.length - key.length) <= 3) return [...stems];
  }
  if (lower.length >= 5) {
    const mine = trigrams(lower);
    let best: string | undefined;
    let bestSim = 0.55;
    // Typos rarely touch the first two letters: compare with stems that share them.
    for (const stem of index.stemsByHead.get([...lower].slice(0, 2).join("")) ?? []) {
      if (Math.abs(stem.length - lower.length) > 4) continue;
      const sim = similarity(mine, trigrams(stem));
      if (sim > bestSim) {
        bestSim = sim;
        best = stem;
      }
    }
    if (best) return [best];
  }
  return [];
}

/**
 * Analyses a question against the corpus.
 * @param detect language detector (ru/en/az).
 */
export function analyzeQuestion(index: LexicalIndex, raw: string, lang: Lang): AnalyzedQuestion {
  const text = cleanQuestion(raw);
  const normalized = normalizeText(text);
  const empty = !/[\p{L}\p{N}]/u.test(text);
  const tokens = tokenize(text);
  const content = tokens.filter((t) => !isStopword(t.lower));
  const kind = detectAnswerType(normalized, content.map((t) => t.lower));
  // Intent is read from the raw text too: cleaning removes tags like "</context>" that are themselves an attack.
  const raw_ = detectIntent(normalizeText(String(raw ?? "").slice(0, 4 * MAX_QUESTION_CHARS)));
  const intent = empty ? "empty" : raw_ === "injection" ? raw_ : detectIntent(normalized);

  const concepts: Concept[] = [];
  const covered = new Set<number>();
  // An unknown concept weighs as much as the rarest known word: it is as specific as that.
  const maxIdf = idf(index, 1);
  const weightOf = (alts: Alternative[]) => {
    let best = 0;
    for (const a of alts) {
      for (const s of a.stems) {
        const df = index.df.get(s);
        if (df) best = Math.max(best, idf(index, df));
      }
      if (best === 0) for (const p of a.prefixes) {
        const df = index.prefixDf.get(p);
        if (df) best = Math.max(best, idf(index, df) * 0.8);
      }
    }
    return best;
  };

  // 1. Glossary terms (multiword first): the concept is the whole group.
  const byGroup = new Map<number, string[]>();
  for (const m of findGlossaryTerms(tokens, index.glossaryTerms)) {
    for (let i = m.from; i <= m.to; i++) covered.add(i);
    const label = byGroup.get(m.term.group) ?? [];
    label.push(tokens.slice(m.from, m.to + 1).map((t) => t.text).join(" "));
    byGroup.set(m.term.group, label);
  }
  for (const [group, labels] of byGroup) {
    const alternatives = index.glossaryTerms
      .filter((t) => t.group === group)
      .map((t) => ({ stems: t.stems, prefixes: t.keys.filter((k) => k.length >= 5) }));
    const w = weightOf(alternatives);
    concepts.push({ label: labels.join(", "), alternatives, weight: w || maxIdf, known: w > 0, group });
  }

  // 2. Remaining content words.
  const seen = new Set<string>();
  tokens.forEach((t, i) => {
    if (covered.has(i) || isStopword(t.lower) || isStopwordTypo(t.lower)) return;
    if (t.script === "other") return;
    const stem = stemWord(t.lower, t.script, lang);
    if (seen.has(stem)) return;
    seen.add(stem);
    const alternatives: Alternative[] = [{ stems: [stem], prefixes: t.lower.length >= 5 ? [matchKey(t.lower)] : [] }];
    // A question in a Latin script asks a Cyrillic corpus (or the reverse): try the Russian stem too.
    if (t.script === "latin" && !index.df.has(stem)) alternatives.push({ stems: [stemWord(t.lower, t.script, "en")], prefixes: [] });
    let w = weightOf(alternatives);
    if (w === 0) {
      const resolved = resolveUnknown(index, t.lower, t.script);
      if (resolved.length) {
        alternatives.push(...resolved.map((s) => ({ stems: [s], prefixes: [] })));
        w = weightOf(alternatives);
      }
    }
    concepts.push({ label: t.text, alternatives, weight: w || maxIdf, known: w > 0 });
  });

  // "Сколько человек…" where the corpus never mentions people: it cannot count them.
  if (kind.countNoun) {
    const noun = kind.countNoun;
    const c = concepts.find((x) => x.label.toLowerCase().replace(/ё/g, "е").split(/[\s,]+/).includes(noun));
    if (c && !c.known) kind.countUnknown = true;
  }
  const total = concepts.reduce((a, c) => a + c.weight, 0);
  const knownShare = total ? concepts.filter((c) => c.known).reduce((a, c) => a + c.weight, 0) / total : 0;

  const query = new Map<string, number>();
  const expansion: string[] = [];
  for (const c of concepts) {
    if (!c.known) continue;
    const n = c.alternatives.length;
    for (const a of c.alternatives) {
      for (const s of a.stems) if (index.df.has(s)) query.set(s, Math.max(query.get(s) ?? 0, n > 1 ? 0.8 : 1));
    }
    // The vector search gets the group's terms in the corpus languages (others cannot match).
    if (c.group !== undefined)
      expansion.push(...index.glossaryTerms.filter((t) => t.group === c.group && index.corpusLangs.has(t.lang)).map((t) => t.text));
  }
  return { text, normalized, lang, intent, kind, concepts, knownShare, query, expanded: [text, ...new Set(expansion)].join(" ") };
}
