/**
 * Question analysis: cleaning, intent, the kind of fact asked for, and the question's
 * concepts — each content word or glossary term, with the corpus stems that express it.
 */

import { namesAbbreviated } from "./acronyms.js";
import { AZ_INFINITIVE, azStem, foldAz } from "./language/az.js";
import { type CrossLexicon, EMPTY_LEXICON, type Translation } from "./language/crosslang.js";
import {
  type AskedFor,
  aboutArticleSpan,
  askedFor,
  copulaBase,
  impliesPossessor,
  isMetaWord,
  isPersonCounter,
  isPronoun,
  looksLikeVerb,
  opensFollowUp,
  suppletiveStems,
  writtenForm,
} from "./language/packs.js";
import { englishCognate, isTranslitCandidate, latinReadings, voteTranslit } from "./language/translit.js";
import { findGlossaryTerms, idf, type LexicalIndex, matchKey } from "./lexical.js";
import {
  detectAnswerType,
  detectIntent,
  isAnswerClassWord,
  isDegreeWord,
  isKindVerb,
  isMoneyWord,
  isStopword,
  isStopwordTypo,
  isTimeUnitWord,
  type QuestionKind,
  SOURCE_CUE_WORD,
  STOPWORDS,
} from "./lexicon.js";
import { AZ_LETTERS, normalizeText, oneScript, skeleton, stemWord, type Token, tokenize, toLatin } from "./text.js";
import { TUNING } from "./tuning.js";
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
  /** How surely: 1 for the word itself or a glossary term, 1/rank for a dictionary's rank-th sense, 0 unknown. */
  degree: number;
  /** Came from a glossary group (its index), else from a question word. */
  group?: number;
  /** Unknown and specific: a name or a word no dictionary knows ("Boeing", "Moody's"). */
  specific?: boolean;
  /** Taken over from the previous question of the chat (a follow-up). */
  inherited?: boolean;
  /** A verb form ("приезжали", "attended"): unknown, it says less than an unknown noun. */
  verb?: boolean;
}

export interface AnalyzedQuestion {
  /** Cleaned text (tags, control characters and Markdown marks removed, trimmed). */
  text: string;
  normalized: string;
  lang: Lang;
  intent: ReturnType<typeof detectIntent> | "empty";
  kind: QuestionKind;
  /** What its question word asks for; undefined for yes/no and topic questions ("TRIPP?"). */
  asks?: AskedFor;
  concepts: Concept[];
  /** Share of concept weight that the corpus knows (1 = every concept occurs somewhere). */
  knownShare: number;
  /** Query for BM25: stem → weight. */
  query: Map<string, number>;
  /** Text for the vector search: the question plus glossary expansions. */
  expanded: string;
  /** Russian typed in Latin letters, read as Cyrillic (the text analysed instead of `text`). */
  cyrillicReading?: string;
  /** Asks about an article as a whole ("what is the article about?"). */
  aboutArticle: boolean;
  /** Concepts of the previous question were taken over. */
  followUp: boolean;
  /**
   * Reads as a continuation (elliptic, an opener, a pronoun): the chat's earlier questions are consulted
   * when there are any. When false the analysis, and the answer, do not depend on the history at all.
   */
  mayFollowUp: boolean;
}

export interface AnalyzeOptions {
  /** Translations for questions in another language than the corpus. */
  lexicon?: CrossLexicon;
  /** Earlier questions of the same chat, oldest first. */
  history?: readonly string[];
}

/** Removes HTML tags, Markdown marks, control characters and extra spaces; caps the length. */
export function cleanQuestion(raw: string): string {
  let s = String(raw ?? "")
    .replace(/<[^>]{0,200}>/g, " ")
    .replace(/&(lt|gt|amp|quot|nbsp);/g, " ")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, " ")
    .replace(/[*_`~#>|[\]]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  s = oneScript(s);
  if (s.length > MAX_QUESTION_CHARS) {
    const cut = s.slice(0, MAX_QUESTION_CHARS);
    const space = cut.lastIndexOf(" ");
    s = space > MAX_QUESTION_CHARS * 0.6 ? cut.slice(0, space) : cut;
  }
  return s;
}

/**
 * Where the question proper starts in a message of several sentences: the last sentence with a
 * question mark (else the last sentence); 0 for a one-sentence message.
 */
export function questionFocus(text: string): number {
  if (text.length < TUNING.context.minPreambleChars) return 0;
  const starts = [0];
  for (const m of text.matchAll(/[.!?…]+\s+(?=\S)/gu)) starts.push(m.index + m[0].length);
  if (starts.length < 2) return 0;
  const ends = [...starts.slice(1), text.length];
  let k = starts.length - 1;
  for (let j = starts.length - 1; j >= 0; j--) {
    if (text.slice(starts[j]!, ends[j]!).includes("?")) {
      k = j;
      break;
    }
  }
  return starts[k]!;
}

/** Russian adjectives made from nouns: "сыр" → "сырн(ая)", "город" → "городск(ой)", "Баку" → "бакинск(ий)" aside. */
const ADJECTIVE_SUFFIXES = ["н", "ов", "ев", "ск", "ин", "ичн"];

/**
 * A translated stem as the corpus has it: the stem itself, else the adjective made from it when the
 * corpus has that one instead ("cheese" → "сыр" → the corpus's "сырная тропа").
 */
function derivedStem(index: LexicalIndex, stem: string): string {
  if (index.df.has(stem) || stem.length < 3 || !/[а-я]$/.test(stem)) return stem;
  return (
    [
      ...ADJECTIVE_SUFFIXES.map((s) => stem + s),
      ...aspectPartners(stem),
      ...suppletiveStems(stem, "cyrillic"),
      ...fleetingVowel(stem),
    ].find((s) => index.df.has(s)) ?? stem
  );
}

/** A Russian stem without its fleeting vowel ("ден" of «день» → "дн" of «дня», "рынок" → "рынк"), if it has one. */
function fleetingVowel(stem: string): string[] {
  const m = /^(.*[бвгджзклмнпрстфхцчшщ])[ео]([бвгджзклмнпрстфхцчшщ])$/u.exec(stem);
  return m && m[1]!.length >= 1 ? [`${m[1]}${m[2]}`] : [];
}

/**
 * The other aspect of a Russian verb stem with the imperfective suffix -ыва-/-ива-:
 * "подписыва(ли)" / "подписа(ли)", "организовыва(ть)" / "организова(н)".
 */
function aspectPartners(stem: string): string[] {
  if (stem.length < 5) return [];
  const m = /^(.{3,})[ыи]ва$/u.exec(stem);
  if (m) return [`${m[1]}а`];
  // Consonant alternation between the aspects: "обсужда(ть)" / "обсуд(ить)", "защища" / "защит",
  // "представля" / "представ", "укрепля" / "укреп".
  const alt = /^(.{3,})(жда|ща|[бвпмф]ля)$/u.exec(stem);
  if (alt) return [alt[1]! + ({ жда: "д", ща: "т" }[alt[2]!] ?? alt[2]!.slice(0, -2))];
  // The verbs of «идти»: "обойтись" / "обошлось", "найти" / "нашли", "прийти" / "пришли".
  const go = /^(.{2,})йт$/u.exec(stem);
  if (go) return [`${go[1]}шл`, `${go[1]}шел`, `${go[1]}йд`];
  const out = stem.endsWith("а") ? [`${stem.slice(0, -1)}ыва`, `${stem.slice(0, -1)}ива`] : [];
  if (stem.endsWith("д")) out.push(`${stem.slice(0, -1)}жда`);
  if (stem.endsWith("т")) out.push(`${stem.slice(0, -1)}ща`);
  if (/[бвпмф]$/u.test(stem)) out.push(`${stem}ля`);
  return out;
}

/** Russian verbal prefixes: the same verb with and without one is the same concept. */
const VERB_PREFIXES = ["про", "по", "при", "за", "на", "вы", "с", "у", "о", "об", "от", "пере", "под", "раз", "рас", "в", "вз", "до", "из"];

/** The corpus stem equal or closest in spelling to `stem` (same first two letters), if close enough. */
function closeCorpusStem(index: LexicalIndex, stem: string, maxExtra = 2): string | undefined {
  if (index.df.has(stem)) return stem;
  // Short words: one spelling a prefix of the other ("depo" / "depot").
  if (stem.length >= 4)
    for (const s of index.stemsByHead.get([...stem].slice(0, 2).join("")) ?? [])
      if (s.length - stem.length <= maxExtra && s.length >= stem.length && s.startsWith(stem)) return s;
  return nearestSpelling(index, stem, TUNING.translation.minCognateSimilarity, 3);
}

/**
 * The corpus stem most like `word` in spelling (trigram Jaccard above `minSimilarity`, length within
 * `maxLengthDiff`), among those sharing its first two letters: typos and loanwords rarely touch them.
 */
function nearestSpelling(index: LexicalIndex, word: string, minSimilarity: number, maxLengthDiff: number): string | undefined {
  const mine = trigrams(word);
  let best: string | undefined;
  let bestSim = minSimilarity;
  for (const s of index.stemsByHead.get([...word].slice(0, 2).join("")) ?? []) {
    if (Math.abs(s.length - word.length) > maxLengthDiff) continue;
    const sim = similarity(mine, trigrams(s));
    if (sim > bestSim) {
      bestSim = sim;
      best = s;
    }
  }
  return best;
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
function resolveUnknown(index: LexicalIndex, lower: string, script: string, lexicon: CrossLexicon = EMPTY_LEXICON): string[] {
  if (script === "digit" || lower.length < 3) return [];
  if (script === "cyrillic") {
    const russian = russianForms(index, lower, lexicon);
    if (russian.length) return russian;
  }
  const key = skeleton(lower);
  const byKey = index.skeletons.get(key);
  if (byKey && key.length >= 3) return [...byKey];
  if (key.length >= 4) {
    for (const [k, stems] of index.skeletons)
      if (k.length >= 4 && (k.startsWith(key) || key.startsWith(k)) && Math.abs(k.length - key.length) <= 3) return [...stems];
  }
  const typo = lower.length >= 5 ? nearestSpelling(index, lower, TUNING.translation.minTypoSimilarity, 4) : undefined;
  return typo ? [typo] : clippedWord(index, lower, script);
}

/**
 * A Russian verb with or without its prefix: "финансировал" / "профинансировал", "строить" / "построить";
 * not when the prefixed verb is a word of its own in the dictionary ("выиграл" is not "играл").
 * Else a compound with a clipped first part: "генподрядчик" (even misspelt "гинподрядчик") is a "подрядчик".
 */
function russianForms(index: LexicalIndex, lower: string, lexicon: CrossLexicon): string[] {
  const stem = stemWord(lower, "cyrillic");
  const own = (prefixed: string) => lexicon.knowsRussian(prefixed);
  const found = VERB_PREFIXES.map((p) => p + stem).filter((s) => index.df.has(s) && !own(s));
  const bare = VERB_PREFIXES.filter((p) => stem.startsWith(p) && stem.length - p.length >= 4 && !own(lower))
    .map((p) => stem.slice(p.length))
    .filter((s) => index.df.has(s));
  if (found.length + bare.length > 0) return [...found, ...bare];
  for (let cut = 2; cut <= 4 && stem.length - cut >= 5; cut++) if (index.df.has(stem.slice(cut))) return [stem.slice(cut)];
  return [];
}

/**
 * A word cut short in chat ("лаба" for "лаборатория", "инфа", "универ"): the corpus words it starts,
 * when they are all one word family (they share two letters more than the clip) and much longer.
 */
function clippedWord(index: LexicalIndex, lower: string, script: string): string[] {
  if (script !== "cyrillic") return [];
  const clip = lower.replace(/[аеиоуыэюяь]$/u, "");
  if (clip.length < 3 || clip.length > 6) return [];
  const found = (index.stemsByHead.get([...clip].slice(0, 2).join("")) ?? []).filter(
    (s) => s.startsWith(clip) && s.length >= clip.length + 3,
  );
  if (found.length === 0) return [];
  const family = found[0]!.slice(0, clip.length + 2);
  return found.every((s) => s.startsWith(family)) ? found : [];
}

/** How surely a dictionary's rank-th sense is what the word means here (1 for the first sense). */
function senseDegree(rank: number): number {
  return Math.max(TUNING.translation.minSenseDegree, 1 - TUNING.translation.senseDecay * (rank - 1));
}

/** Whether a word is a function or meta word in the packs of its script. */
function isFunctionWord(t: Token, first: boolean): boolean {
  // A capitalised word inside a sentence is a name, never a misspelt function word ("Boeing" is not "being").
  const typo = (!t.capitalized || first) && isStopwordTypo(t.lower);
  return (
    isStopword(t.lower) ||
    isStopword(writtenForm(t.lower)) ||
    typo ||
    isMetaWord(t.lower, t.script) ||
    (t.script === "latin" && isStopword(foldedAzStop(t.lower)))
  );
}

/** "в каком году", "which country", "hansı şəhərdə", "2025 году", "how big": after a question word or a number, these name the kind of answer, not content. */
function namesAnswerClass(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (prev === undefined) return false;
  if (isDegreeWord(tokens[i]!.lower)) return askedFor([prev.lower]) === "how";
  if (!isAnswerClassWord(tokens[i]!.lower)) return false;
  // "2025 году", "2025-ci ildə": after a number it only says what the number is.
  if (prev.script === "digit" || /^-?(ci|cı|cu|cü|ji|ый|ий|ой|го|м)$/.test(prev.lower)) return true;
  const asks = askedFor([prev.lower]);
  // "сколько денег", "neçə pula": money is what "how much" asks for; "сколько стран" counts countries.
  // …and after "nə qədər", "how much" ("nə qədər pul", "how much money").
  const much = /^(qədər|qeder|much)$/u.test(prev.lower);
  return asks === "which" || asks === "what" || ((asks === "howmany" || much) && isMoneyWord(tokens[i]!.lower));
}

/** Azerbaijani function words typed without diacritics ("kimle" for "kimlə"). */
const AZ_FOLDED_STOP = new Map<string, string>([...STOPWORDS].filter((w) => AZ_LETTERS.test(w)).map((w) => [foldAz(w), w]));
function foldedAzStop(lower: string): string {
  // "qədərdir", "nədir": a function word with the copula is still a function word.
  const bare = lower.replace(/(dır|dir|dur|dür|dirmi|dımı)$/u, "");
  return AZ_FOLDED_STOP.get(lower) ?? (bare !== lower && bare.length >= 2 ? (AZ_FOLDED_STOP.get(bare) ?? bare) : lower);
}

/**
 * Russian typed in Latin letters ("skolko kompaniy bylo v delegacii"): the Cyrillic reading of
 * the message when most of its (non-name) Latin words read as Russian words, else undefined.
 */
export function readLatinRussian(index: LexicalIndex, text: string, lexicon: CrossLexicon): string | undefined {
  const tokens = tokenize(text);
  const latin = tokens.filter(
    (t) => t.script === "latin" || (t.script === "other" && isTranslitCandidate(t.text)) || /^[a-z]*\d[a-z\d]*$/i.test(t.text),
  );
  const cyrillic = tokens.filter((t) => t.script === "cyrillic").length;
  if (latin.length === 0 || cyrillic > latin.length || tokens.some((t) => AZ_LETTERS.test(t.text))) return undefined;
  const isRussian = (cyr: string) => isStopword(cyr) || index.df.has(stemWord(cyr, "cyrillic")) || lexicon.knowsRussian(cyr);
  const isOther = (lat: string) => isStopword(lat) || isStopword(foldedAzStop(lat)) || lexicon.knows(lat, "en") || lexicon.knows(lat, "az");
  const voters = latin.filter((t) => !t.capitalized || t.start === 0).map((t) => t.text);
  const vote = voteTranslit(voters, isRussian, isOther);
  // Words that read both ways ("kto rektor universiteta": "rektor" is Azerbaijani too) do not count against it.
  const deciding = voters.length - vote.both;
  if (vote.russian === 0 || vote.russian <= vote.other || vote.russian < deciding * TUNING.translit.minRussianShare) return undefined;
  let out = "";
  let at = 0;
  for (const t of latin) {
    const readings = latinReadings(t.text);
    const known = readings.find(isRussian) ?? readings[0]!;
    out += text.slice(at, t.start) + (t.capitalized ? known.charAt(0).toUpperCase() + known.slice(1) : known);
    at = t.end;
  }
  return out + text.slice(at);
}

/** Alternatives for a Latin word of an English or Azerbaijani question: its Russian translations. */
function translations(
  index: LexicalIndex,
  lexicon: CrossLexicon,
  t: Token,
  lang: Lang,
): { alts: Alternative[]; ranks: number[]; known: boolean } {
  const alts: Alternative[] = [];
  const ranks: number[] = [];
  let known = false;
  const add = (list: readonly Translation[], target: string) => {
    for (const tr of list.slice(0, TUNING.translation.maxSenses)) {
      const toks = tokenize(tr.text).filter((x) => !isStopword(x.lower));
      if (toks.length === 0 || toks.length > 3) continue;
      alts.push({
        stems: toks.map((x) => derivedStem(index, stemWord(x.lower, x.script, target))),
        prefixes: toks.map((x) => (x.lower.length >= 5 ? matchKey(x.lower) : "")),
      });
      ranks.push(tr.rank);
    }
  };
  // Into each language the corpus is written in: Russian for ru articles, English for en ones.
  for (const target of index.corpusLangs) {
    if (t.script === "cyrillic") {
      if (target === "ru") continue;
      if (target === "en") {
        const list = lexicon.toEnglish(t.lower, "ru");
        if (list.length) known = true;
        add(list, "en");
      }
      continue;
    }
    if (t.script !== "latin") continue;
    const sources: ("en" | "az")[] = AZ_LETTERS.test(t.lower) || lang === "az" ? ["az", "en"] : ["en", "az"];
    for (const from of sources) {
      if (from === target) continue;
      // Chat spellings ("ppl", "uni", "kids") are looked up as written ("people", "university", "children").
      const word = from === "en" ? writtenForm(t.lower) : t.lower;
      const list: Translation[] =
        target === "ru" ? lexicon.toRussian(word, from) : target === "en" && from === "az" ? lexicon.toEnglish(word, "az") : [];
      if (list.length) known = true;
      const before = alts.length;
      add(list, target);
      if (alts.length > before) break;
    }
  }
  if (t.script === "latin" && !known) known = lexicon.knows(t.lower, "en") || lexicon.knows(t.lower, "az");
  return { alts, ranks, known };
}

/** What the concept steps share: the question's words and the concepts found so far. */
interface ConceptContext {
  index: LexicalIndex;
  lexicon: CrossLexicon;
  lang: Lang;
  /** The text analysed: the question, or its Cyrillic reading. */
  analysed: string;
  tokens: Token[];
  /** Tokens already part of a concept (a glossary term, an Azerbaijani phrase). */
  covered: Set<number>;
  /** The dictionary rank of a translation's sense. */
  rankOf: Map<Alternative, number>;
  concepts: Concept[];
  /** An unknown concept weighs as much as the rarest known word: it is as specific as that. */
  maxIdf: number;
}

/** The IDF of the concept's rarest alternative in the corpus, damped by the sense's rank (0: unknown). */
function weightOf(ctx: ConceptContext, alts: Alternative[]): number {
  const index = ctx.index;
  let best = 0;
  for (const a of alts) {
    const damp = 1 / Math.sqrt(ctx.rankOf.get(a) ?? 1);
    for (const s of a.stems) {
      const df = index.df.get(s);
      if (df) best = Math.max(best, idf(index, df) * damp);
    }
    if (best === 0)
      for (const p of a.prefixes) {
        const df = p ? index.prefixDf.get(p) : undefined;
        if (df) best = Math.max(best, idf(index, df) * 0.8 * damp);
      }
  }
  return best;
}

/** How surely the corpus has the concept: 1 for the word itself, less for a dictionary's later senses. */
function degreeOf(ctx: ConceptContext, alts: Alternative[]): number {
  const index = ctx.index;
  let best = 0;
  for (const a of alts) {
    const sense = senseDegree(ctx.rankOf.get(a) ?? 1);
    if (a.stems.length && a.stems.every((s) => index.df.has(s))) best = Math.max(best, sense);
    else if (a.prefixes.length && a.prefixes.every((p) => p && index.prefixDf.has(p))) best = Math.max(best, 0.8 * sense);
  }
  return best;
}

/** A concept over `alternatives`: its weight, whether the corpus knows it and how surely (at least `minDegree`). */
function conceptOf(ctx: ConceptContext, label: string, alternatives: Alternative[], minDegree: number): Concept {
  const w = weightOf(ctx, alternatives);
  return {
    label,
    alternatives,
    weight: w || ctx.maxIdf,
    known: w > 0,
    degree: w > 0 ? Math.max(degreeOf(ctx, alternatives), minDegree) : 0,
  };
}

/** 1. Glossary terms (multiword first): the concept is the whole group. */
function addGlossaryConcepts(ctx: ConceptContext): void {
  const { index, tokens } = ctx;
  const byGroup = new Map<number, string[]>();
  // A term only in a long message's preamble is context, as its other words are (addWordConcepts).
  const focusFrom = questionFocus(ctx.analysed);
  const inFocus = new Set<number>();
  for (const m of findGlossaryTerms(tokens, index.glossaryTerms)) {
    for (let i = m.from; i <= m.to; i++) ctx.covered.add(i);
    if (tokens[m.to]!.end > focusFrom) inFocus.add(m.term.group);
    const label = byGroup.get(m.term.group) ?? [];
    label.push(
      tokens
        .slice(m.from, m.to + 1)
        .map((t) => t.text)
        .join(" "),
    );
    byGroup.set(m.term.group, label);
  }
  for (const [group, labels] of byGroup) {
    const alternatives = index.glossaryTerms
      .filter((t) => t.group === group)
      .map((t) => ({ stems: t.stems, prefixes: t.keys.filter((k) => k.length >= 5) }));
    const concept = conceptOf(ctx, labels.join(", "), alternatives, 0.5);
    const scale = inFocus.has(group) ? 1 : TUNING.context.preambleWeight;
    ctx.concepts.push({ ...concept, weight: concept.weight * scale, group });
  }
}

/** The Russian alternatives of an Azerbaijani phrase: its first senses of one to three words. */
function phraseAlternatives(ctx: ConceptContext, translations: readonly Translation[]): Alternative[] {
  const alternatives: Alternative[] = [];
  for (const tr of translations.slice(0, TUNING.translation.maxSenses)) {
    const toks = tokenize(tr.text).filter((x) => !isStopword(x.lower));
    if (toks.length === 0 || toks.length > 3) continue;
    const a = {
      stems: toks.map((x) => stemWord(x.lower, x.script, "ru")),
      prefixes: toks.map((x) => (x.lower.length >= 5 ? matchKey(x.lower) : "")),
    };
    alternatives.push(a);
    ctx.rankOf.set(a, tr.rank);
  }
  return alternatives;
}

/** A word of an Azerbaijani term as its forms begin: the stem, a verb without its infinitive ending ("etmək" → "et": "edir", "etdi"). */
function phraseStem(word: string): string {
  const stem = azStem(word);
  const verb = AZ_INFINITIVE.exec(stem);
  return verb && verb.index >= 2 ? stem.slice(0, verb.index) : stem;
}

/**
 * The concept of an Azerbaijani term: its Russian for Russian articles, its English for English ones
 * ("yeni iş yerləri" → new jobs). A verb term the corpus lacks ("başa gəlmək": to cost) is one unknown
 * verb, not its words ("baş": head); for another term the corpus lacks, undefined: its words are
 * matched one by one.
 */
function azTermConcept(
  ctx: ConceptContext,
  ph: { words: string[]; translations: Translation[]; english: Translation[] },
): Concept | undefined {
  const alternatives = [
    ...phraseAlternatives(ctx, ph.translations),
    ...(ctx.index.corpusLangs.has("en") ? phraseAlternatives(ctx, ph.english) : []),
  ];
  const concept = conceptOf(ctx, ph.words.join(" "), alternatives, 0.25);
  if (concept.known) return concept;
  const verb = AZ_INFINITIVE.test(ph.words[ph.words.length - 1] ?? "");
  return verb ? { ...concept, weight: concept.weight * TUNING.concepts.unknownVerbWeight, verb: true } : undefined;
}

/** 1b. Multiword Azerbaijani terms ("nümayəndə heyəti" → делегация): one concept each. */
function addAzPhraseConcepts(ctx: ConceptContext): void {
  const { tokens } = ctx;
  if (!tokens.some((t) => t.script === "latin")) return;
  const phrases = ctx.lexicon.phrases(ctx.analysed, "az");
  const isQuestionPhrase = (words: string[]) => words.every((w) => isStopword(w.toLowerCase()) || isStopword(foldedAzStop(foldAz(w))));
  // A stem's last consonant voices before a vowel ending: "et-" → "edir", "get-" → "gedib".
  const starts = (word: string, st: string) => word.startsWith(st) || (/t$/.test(st) && word.startsWith(`${st.slice(0, -1)}d`));
  const at = (stems: string[], i: number) => stems.every((st, j) => tokens[i + j] && starts(foldAz(tokens[i + j]!.lower), st));
  // "nə vaxt", "hansı …": a question word's words are not a term's ("nə vaxtsa", "vaxt keçirmək").
  const reserved = new Set<number>();
  for (const ph of phrases.filter((p) => isQuestionPhrase(p.words))) {
    const stems = ph.words.map(phraseStem);
    for (let i = 0; i + stems.length <= tokens.length; i++) if (at(stems, i)) for (let j = 0; j < stems.length; j++) reserved.add(i + j);
  }
  for (const ph of phrases) {
    if (isQuestionPhrase(ph.words)) continue;
    const stems = ph.words.map(phraseStem);
    for (let i = 0; i + stems.length <= tokens.length; i++) {
      if (!at(stems, i) || stems.some((_, j) => reserved.has(i + j))) continue;
      const concept = azTermConcept(ctx, ph);
      if (!concept) continue;
      for (let j = 0; j < stems.length; j++) ctx.covered.add(i + j);
      ctx.concepts.push(concept);
      break;
    }
  }
}

/**
 * 1c. Russian multiword terms asked of an English article ("рабочих мест" → jobs, «железная дорога»
 * → railway): one concept each, when the vocabulary has the term and the article its English; the longest first.
 */
function addRussianTermConcepts(ctx: ConceptContext): void {
  const { tokens } = ctx;
  if (!ctx.index.corpusLangs.has("en")) return;
  for (let i = 0; i < tokens.length; i++) {
    for (const n of [3, 2]) {
      const words = tokens.slice(i, i + n);
      if (words.length < n || words.some((t, j) => t.script !== "cyrillic" || ctx.covered.has(i + j))) continue;
      const found = ctx.lexicon.englishOfRussianTerm(words.map((t) => stemWord(t.lower, "cyrillic")));
      const concept = found.length ? conceptOf(ctx, words.map((t) => t.text).join(" "), phraseAlternatives(ctx, found), 0.25) : undefined;
      // A term the article does not use ("cargo terminal" for its "freight terminal") leaves its words to be matched one by one.
      if (!concept?.known) continue;
      for (let j = 0; j < n; j++) ctx.covered.add(i + j);
      ctx.concepts.push(concept);
      break;
    }
  }
}

/** Latin-script words: the Russian spelling of an English one ("agrotourism" → "агротуризм") and Cyrillic readings of names. */
function latinAlternatives(index: LexicalIndex, t: Token): Alternative[] {
  const out: Alternative[] = [];
  // International words: the Russian spelling of an English one ("agrotourism" → "агротуризм").
  if (t.lower.length >= 5) {
    const cognate = closeCorpusStem(index, stemWord(englishCognate(t.lower), "cyrillic"));
    if (cognate) out.push({ stems: [cognate], prefixes: [] });
  }
  // Names and loanwords: the Cyrillic readings that the corpus has ("Bayramov", "sammit").
  for (const r of latinReadings(t.lower).slice(0, 16)) {
    const rs = stemWord(r, "cyrillic");
    if (index.df.has(rs)) {
      out.push({ stems: [rs], prefixes: [] });
      break;
    }
  }
  return out;
}

/**
 * The ways the corpus may say a question word: the word itself, its translations (one concept per
 * source word, Pirkola), its spelling in the other script. `dictionaryKnows`: a dictionary has the word.
 */
function wordAlternatives(ctx: ConceptContext, t: Token, stem: string): { alternatives: Alternative[]; dictionaryKnows: boolean } {
  const { index } = ctx;
  const alternatives: Alternative[] = [{ stems: [stem], prefixes: t.lower.length >= 5 ? [matchKey(t.lower)] : [] }];
  // The same verb in its other aspect ("организовывал" / "организован", "подписали" / "подписывали").
  if (t.script === "cyrillic" && !index.df.has(stem))
    for (const s of [...aspectPartners(stem), ...suppletiveStems(stem, "cyrillic"), ...fleetingVowel(stem)])
      if (index.df.has(s)) alternatives.push({ stems: [s], prefixes: [] });
  // A question in a Latin script asks a Cyrillic corpus (or the reverse): try the Russian stem too.
  if (t.script === "latin" && !index.df.has(stem)) alternatives.push({ stems: [stemWord(t.lower, t.script, "en")], prefixes: [] });
  const written = writtenForm(t.lower);
  if (written !== t.lower) alternatives.push({ stems: [stemWord(written, t.script, "en")], prefixes: [] });
  const tr = translations(index, ctx.lexicon, t, ctx.lang);
  tr.alts.forEach((a, k) => {
    alternatives.push(a);
    ctx.rankOf.set(a, tr.ranks[k]!);
  });
  // A Russian loanword in an English article ("депо" → "depot"): its Latin spelling, if the corpus has one close to it.
  if (t.script === "cyrillic" && index.corpusLangs.has("en") && t.lower.length >= 4) {
    const near = closeCorpusStem(index, toLatin(t.lower));
    if (near) alternatives.push({ stems: [near], prefixes: [] });
  }
  if (t.script === "latin") alternatives.push(...latinAlternatives(index, t));
  return { alternatives, dictionaryKnows: tr.known };
}

/** Unknown to the corpus and to every dictionary: a name or a rare term ("Boeing", "Суперкубке"), not a general word ("lobby"). */
function isSpecific(ctx: ConceptContext, t: Token, i: number, dictionaryKnows: boolean): boolean {
  // A verb form the dictionary misses ("длилась") is inflection it does not read, not a rare term.
  if (!(t.capitalized && i > 0) && t.script !== "digit" && looksLikeVerb(t.lower, t.script)) return false;
  return (
    (t.capitalized && i > 0) ||
    t.script === "digit" ||
    (t.script === "latin" && !dictionaryKnows) ||
    (t.script === "cyrillic" && !ctx.lexicon.knowsRussian(t.lower))
  );
}

/**
 * A Russian word the corpus does not have: the Russian words of the corpus that share an English
 * translation with it ("стройку" → construction → "строительство", "устраивал" → organize →
 * "организован"). Ranked after both senses, so they count as less sure than the word itself.
 */
function pivotSynonyms(ctx: ConceptContext, lower: string, lemma: boolean, offset = 0): Ranked[] {
  const { index, lexicon } = ctx;
  const n = TUNING.translation.pivotSenses;
  // Only words of the same part of speech: "прямые" → direct → "руководить" is another word.
  const pos = russianPos(lower, lemma);
  const candidates = lexicon
    .fromRussian(lower, "en")
    .slice(0, n)
    .flatMap((en, r1) =>
      lexicon
        .toRussian(en, "en", true)
        .slice(0, n)
        .map((tr, r2) => ({
          toks: tokenize(tr.text).filter((x) => !isStopword(x.lower)),
          rank: TUNING.translation.pivotRankOffset + offset + r1 + r2,
        }))
        .filter(({ toks }) => toks.length === 1 && toks[0]!.script === "cyrillic" && russianPos(toks[0]!.lower, true) === pos)
        .map(({ toks, rank }) => ({ stem: derivedStem(index, stemWord(toks[0]!.lower, "cyrillic")), rank })),
    );
  // The corpus must have the synonym itself: a guess by its first letters is one guess too many.
  return inCorpus(ctx, candidates);
}

/** An alternative way the corpus may say a word, with the rank it counts at. */
type Ranked = { alt: Alternative; rank: number };

/**
 * Alternatives from the candidate stems that the corpus has (or a word of their family: "победить" →
 * «победителем»), each stem once, in the candidates' order.
 */
function inCorpus(ctx: ConceptContext, candidates: readonly { stem: string; rank: number }[]): Ranked[] {
  const seen = new Set<string>();
  const out: Ranked[] = [];
  for (const { stem: wanted, rank } of candidates) {
    const stem = ctx.index.df.has(wanted) ? wanted : derivedFamily(ctx.index, wanted);
    if (!stem || seen.has(stem)) continue;
    seen.add(stem);
    out.push({ alt: { stems: [stem], prefixes: [] }, rank });
  }
  return out;
}

/** A corpus word of the synonym's family: its stem followed by a few letters ("побед" → "победител"). */
function derivedFamily(index: LexicalIndex, stem: string): string | undefined {
  if (stem.length < 5) return undefined;
  return (index.stemsByHead.get([...stem].slice(0, 2).join("")) ?? []).find(
    (s) => s.length > stem.length && s.length - stem.length <= 4 && s.startsWith(stem),
  );
}

/**
 * An English or Azerbaijani word none of whose translations the corpus has: the synonyms of its
 * first Russian translations ("kids" → "дети" → child → "ребёнок"), one rank further down.
 */
function pivotTranslations(ctx: ConceptContext, t: Token): Ranked[] {
  const n = TUNING.translation.pivotSenses;
  const senses = [...ctx.lexicon.toRussian(writtenForm(t.lower), "en").slice(0, n), ...ctx.lexicon.toRussian(t.lower, "az").slice(0, n)];
  const single = senses.filter((tr) => !/\s/.test(tr.text.trim()));
  return [
    // The thesaurus only for the first sense: synonyms of a fourth sense are too far from the word.
    // Two steps from the word (a translation's synonym) is a guess: ranked so that it never counts as surely known.
    ...single.filter((tr) => tr.rank === 1).flatMap((tr) => thesaurusSynonyms(ctx, tr.text.trim().toLowerCase(), tr.rank + 1)),
    ...single.flatMap((tr) => pivotSynonyms(ctx, tr.text.trim().toLowerCase(), true, tr.rank)),
    ...(ctx.index.corpusLangs.has("en") ? single.flatMap((tr) => englishSynonyms(ctx, tr.text.trim().toLowerCase(), tr.rank)) : []),
    ...wordnetSynonyms(ctx, writtenForm(t.lower)),
  ];
}

/**
 * An English word the corpus lacks in every translation: its WordNet synonyms ("champion" → champ,
 * "kid" → child) as the corpus has them — the synonym itself in an English article, its first
 * Russian senses in a Russian one — ranked as the Russian thesaurus's synonyms are.
 */
function wordnetSynonyms(ctx: ConceptContext, word: string): Ranked[] {
  const { synonymRankOffset, synonymsPerRank, maxSynonyms } = TUNING.translation;
  const english = ctx.index.corpusLangs.has("en");
  const candidates = ctx.lexicon
    .englishSynonyms(word)
    .slice(0, maxSynonyms)
    .flatMap((syn, k) => {
      const rank = synonymRankOffset + Math.floor(k / synonymsPerRank);
      const russian = ctx.lexicon
        .toRussian(syn, "en")
        .slice(0, 2)
        .filter((tr) => !/\s/.test(tr.text.trim()))
        .map((tr, r) => ({ stem: derivedStem(ctx.index, stemWord(tr.text.trim().toLowerCase(), "cyrillic")), rank: rank + 1 + r }));
      return english ? [{ stem: stemWord(syn, "latin", "en"), rank }, ...russian] : russian;
    });
  return inCorpus(ctx, candidates);
}

/**
 * A Russian word the corpus lacks: its synonyms in the Russian thesaurus that the corpus has
 * ("стройка" → "строительство", "руководить" → "возглавлять"), ranked after a dictionary's first
 * sense and further down the thesaurus's list.
 */
function thesaurusSynonyms(ctx: ConceptContext, lower: string, offset: number): Ranked[] {
  const { synonymRankOffset, synonymsPerRank, maxSynonyms } = TUNING.translation;
  return inCorpus(
    ctx,
    ctx.lexicon
      .synonyms(lower)
      .slice(0, maxSynonyms)
      .map((syn, k) => ({
        stem: derivedStem(ctx.index, stemWord(syn, "cyrillic")),
        rank: synonymRankOffset + offset + Math.floor(k / synonymsPerRank),
      })),
  );
}

/** For an English article: the English words of the corpus that translate a Russian sense ("paid" → "платить" → "finance"). */
function englishSynonyms(ctx: ConceptContext, russian: string, offset: number): Ranked[] {
  return inCorpus(
    ctx,
    ctx.lexicon
      .fromRussian(russian, "en")
      .slice(0, TUNING.translation.pivotSenses)
      .map((en, r) => ({ stem: stemWord(en, "latin", "en"), rank: TUNING.translation.pivotRankOffset + offset + r })),
  );
}

/**
 * An Azerbaijani international word asked of an English article, through its English spelling:
 * suffixes off, then x → ch, k → c before a consonant or at the end, v → w as a last try
 * ("texniklər" → technic(ian), "elektrik" → electric, "deponun" → depot, "megavatdır" → megawatt).
 */
function azEnglishCognates(ctx: ConceptContext, t: Token): Alternative[] {
  if (t.script !== "latin" || !ctx.index.corpusLangs.has("en") || !(ctx.lang === "az" || AZ_LETTERS.test(t.lower))) return [];
  const base = azStem(t.lower);
  if (base.length < 4) return [];
  const english = base.replace(/x/g, "ch").replace(/k(?=[^aeiouy]|$)/g, "c");
  for (const spelling of new Set([base, english, english.replace(/v/g, "w")])) {
    // A longer English word may go on past the loan's end ("technic" → "technician").
    const stem = stemWord(spelling, "latin", "en");
    const near = closeCorpusStem(ctx.index, stem, stem.length >= 6 ? 4 : 2);
    if (near) {
      const alt = { stems: [near], prefixes: [] };
      ctx.rankOf.set(alt, 2);
      return [alt];
    }
  }
  return [];
}

/**
 * An acronym the corpus spells out ("ADB" → Asian Development Bank, «мид» → Министерство
 * иностранных дел): written in capitals it is surely one; typed in lower case (chat), a short word
 * counts as a dictionary's second sense.
 */
function acronymAlternatives(ctx: ConceptContext, t: Token): Alternative[] {
  const capitals = t.text.length >= 2 && t.text === t.text.toUpperCase() && t.text !== t.text.toLowerCase();
  // In lower case only a short word no dictionary knows ("adb"; not "won", «мир», «язык»): reading the
  // corpus's names costs a pass over it, which an ordinary word the corpus lacks must not start.
  const word = () =>
    t.script === "cyrillic" ? ctx.lexicon.knowsRussian(t.lower) : ctx.lexicon.knows(t.lower, "en") || ctx.lexicon.knows(t.lower, "az");
  if (!capitals && (t.lower.length > 4 || word())) return [];
  return namesAbbreviated(ctx.index, t.lower).map((stems) => {
    const alt = { stems, prefixes: [] };
    ctx.rankOf.set(alt, capitals ? 1 : 2);
    return alt;
  });
}

/** A coarse part of speech of a Russian word by its ending; `lemma` for dictionary forms ("строить", "новый"). */
function russianPos(word: string, lemma: boolean): "verb" | "adjective" | "noun" {
  if (lemma ? /(ть|ться|ти|чь)$/.test(word) : looksLikeVerb(word, "cyrillic")) return "verb";
  if (/(ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю|ыми|ими)$/.test(word)) return "adjective";
  return "noun";
}

/** A verb form by its ending, unless the ending is a copula after a word the dictionary knows ("kilometrdir"). */
function isVerb(ctx: ConceptContext, t: Token): boolean {
  if (!looksLikeVerb(t.lower, t.script)) return false;
  const base = copulaBase(t.lower, t.script);
  return !(base && ctx.lexicon.knows(base, "az"));
}

/** The concept of question word `t` (the `i`-th token); `weightScale` for words of a long message's preamble. */
function wordConcept(ctx: ConceptContext, t: Token, i: number, stem: string, weightScale: number): Concept {
  const { alternatives, dictionaryKnows } = wordAlternatives(ctx, t, stem);
  let w = weightOf(ctx, alternatives);
  if (w === 0) {
    const resolved = resolveUnknown(ctx.index, t.lower, t.script, ctx.lexicon);
    if (resolved.length) {
      alternatives.push(...resolved.map((s) => ({ stems: [s], prefixes: [] })));
      w = weightOf(ctx, alternatives);
    }
  }
  if (w === 0) {
    alternatives.push(...acronymAlternatives(ctx, t), ...azEnglishCognates(ctx, t));
    w = weightOf(ctx, alternatives);
  }
  if (w === 0 && (t.script === "cyrillic" || t.script === "latin")) {
    const found =
      t.script === "cyrillic" ? [...thesaurusSynonyms(ctx, t.lower, 0), ...pivotSynonyms(ctx, t.lower, false)] : pivotTranslations(ctx, t);
    for (const { alt, rank } of found) {
      alternatives.push(alt);
      ctx.rankOf.set(alt, rank);
    }
    w = weightOf(ctx, alternatives);
  }
  const specific = w === 0 && isSpecific(ctx, t, i, dictionaryKnows);
  const degree = w > 0 ? Math.max(degreeOf(ctx, alternatives), 0.25) : 0;
  const weight = (w || ctx.maxIdf * (isVerb(ctx, t) ? TUNING.concepts.unknownVerbWeight : 1)) * weightScale;
  return { label: t.text, alternatives, weight, known: w > 0, degree, specific, verb: isVerb(ctx, t) };
}

/**
 * 2. Remaining content words: the word itself, its Russian translations (one concept per
 * source word, Pirkola), its Cyrillic reading (names, loanwords), a close spelling.
 * Words of `skip` (the request in "summarize the news") are not the subject.
 */
function addWordConcepts(ctx: ConceptContext, skip: (t: Token) => boolean): void {
  // A long message ("Здравствуйте! Пишу эссе… Подскажите, кто…?"): the question is its last asking
  // sentence; the words before it are context and weigh less.
  const focusFrom = questionFocus(ctx.analysed);
  const seen = new Set<string>();
  ctx.tokens.forEach((t, i) => {
    if (ctx.covered.has(i) || skip(t) || isFunctionWord(t, i === 0) || namesAnswerClass(ctx.tokens, i) || isKindVerb(t.lower)) return;
    if (t.script === "other") return;
    const stem = stemWord(t.lower, t.script, ctx.lang);
    if (seen.has(stem)) return;
    seen.add(stem);
    const scale = t.end <= focusFrom ? TUNING.context.preambleWeight : 1;
    const concept = wordConcept(ctx, t, i, stem, scale);
    // The preamble is context: its words the corpus lacks ("съездить", "поздно") are chat, not what is asked.
    if (t.end <= focusFrom && !concept.known) return;
    // "сколько лет", "how many days": the unit names the kind of answer; where the text lacks it («11-летний»)
    // or is in another language (its words for the unit are a dictionary's guess: «лет» → "summer"), it is phrasing.
    const crossLanguage = !ctx.index.corpusLangs.has(ctx.lang);
    if ((!concept.known || crossLanguage) && isTimeUnitWord(t.lower) && askedFor([ctx.tokens[i - 1]?.lower ?? ""]) === "howmany") return;
    ctx.concepts.push(concept);
  });
}

/** "Сколько хотят?": a verb is not the thing counted; "Сколько компаний…" the corpus never mentions cannot be counted. */
function checkCountNoun(kind: QuestionKind, concepts: Concept[]): void {
  // "Сколько хотят?": the word after "сколько" is a verb, not the thing counted.
  if (kind.countNoun && (looksLikeVerb(kind.countNoun, /[а-яё]/.test(kind.countNoun) ? "cyrillic" : "latin") || isStopword(kind.countNoun)))
    delete kind.countNoun;
  const c = countNounConcepts(kind.countNoun, concepts)[0];
  if (c?.known || !kind.countNoun) return;
  // "Скока человек играло?" where the text says "148 шахматистов": a general word for people is no topic
  // of its own; any noun for people the text counts answers it.
  if (isPersonCounter(kind.countNoun.toLowerCase())) {
    if (c) concepts.splice(concepts.indexOf(c), 1);
    kind.countsPeople = true;
    return;
  }
  // "Сколько компаний…" where the corpus never mentions companies: it cannot count them.
  if (c) kind.countUnknown = true;
}

/** The concepts holding the word "сколько" counts ("сколько компаний" → the concept of «компаний»), ё folded. */
export function countNounConcepts(countNoun: string | undefined, concepts: readonly Concept[]): Concept[] {
  if (!countNoun) return [];
  const noun = countNoun.replace(/ё/g, "е");
  return concepts.filter((c) =>
    c.label
      .toLowerCase()
      .replace(/ё/g, "е")
      .split(/[\s,]+/)
      // "how many ppl": the count noun is read in its written form ("people"), the concept keeps the word as typed.
      .some((w) => w === noun || writtenForm(w) === noun),
  );
}

/**
 * 3. A follow-up ("а сколько их было?", "bəs Naxçıvan?"): the message opens like one, points back
 * or has at most a few known concepts of its own. Read from the message alone (not the history).
 */
function isElliptic(ctx: ConceptContext, normalized: string): boolean {
  const { concepts } = ctx;
  const knownOwn = concepts.filter((c) => c.known).length;
  // "как погода в Баку?" after questions about the meeting: a thing the corpus lacks is a new question, not a follow-up.
  const newTopic = concepts.some((c) => !c.known && !c.verb);
  return (
    opensFollowUp(normalized) ||
    ctx.tokens.some((t, i) => isPronoun(t.lower, t.script) || impliesPossessor(ctx.tokens, i)) ||
    (!newTopic && knownOwn <= TUNING.followUp.maxOwnConcepts) ||
    concepts.length === 0
  );
}

/** The previous question's known concepts join an elliptic message's; returns whether any joined. */
function mergeFollowUp(ctx: ConceptContext, history: readonly string[], kind: QuestionKind, normalized: string): boolean {
  const { concepts } = ctx;
  const prev = analyzeQuestion(ctx.index, history[history.length - 1]!, ctx.lang, { lexicon: ctx.lexicon, history: history.slice(0, -1) });
  // "Будут ли открывать такие центры?" — "Когда?": a message without a verb of its own asks in the previous one's tense.
  if (prev.kind.future && !ctx.tokens.some((t) => looksLikeVerb(t.lower, t.script))) kind.future = true;
  // "Сколько компаний было?" — "а какие именно? назови": a list of the names of what the previous question was about.
  if (kind.type !== "list") {
    const asList = detectAnswerType(
      normalized,
      prev.concepts.map((c) => c.label.toLowerCase()),
    );
    if (asList.type === "list") Object.assign(kind, { type: "list", listFocus: asList.listFocus, countNoun: undefined });
  }
  const labels = new Set(concepts.map((c) => c.group ?? c.label.toLowerCase()));
  let followUp = false;
  for (const c of prev.concepts) {
    if (!c.known || labels.has(c.group ?? c.label.toLowerCase())) continue;
    concepts.push({ ...c, weight: c.weight * TUNING.followUp.inheritedWeight, inherited: true });
    followUp = true;
  }
  return followUp;
}

/** The BM25 query (stem → weight) and the vector search's expansion terms from the known concepts. */
function buildQuery(ctx: ConceptContext): { query: Map<string, number>; expansion: string[] } {
  const { index } = ctx;
  const query = new Map<string, number>();
  const expansion: string[] = [];
  for (const c of ctx.concepts) {
    if (!c.known) continue;
    const n = c.alternatives.length;
    const scale = c.inherited ? TUNING.followUp.inheritedWeight : 1;
    for (const a of c.alternatives) {
      const byRank = 1 / (ctx.rankOf.get(a) ?? 1);
      for (const s of a.stems) if (index.df.has(s)) query.set(s, Math.max(query.get(s) ?? 0, (n > 1 ? 0.8 : 1) * byRank * scale));
    }
    // The vector search gets the group's terms in the corpus languages (others cannot match).
    if (c.group !== undefined)
      expansion.push(...index.glossaryTerms.filter((t) => t.group === c.group && index.corpusLangs.has(t.lang)).map((t) => t.text));
    else if (c.alternatives.length > 1) for (const a of c.alternatives.slice(1, 4)) expansion.push(...a.stems);
  }
  return { query, expansion };
}

/** The question read: cleaned, its Cyrillic reading, normalised, tokenised; the kind of fact and the intent. */
function readQuestion(index: LexicalIndex, raw: string, lexicon: CrossLexicon) {
  const text = cleanQuestion(raw);
  const cyrillicReading = readLatinRussian(index, text, lexicon);
  const analysed = cyrillicReading ?? text;
  const normalized = normalizeText(analysed);
  const empty = !/[\p{L}\p{N}]/u.test(text);
  const tokens = tokenize(analysed);
  const content = tokens.filter((t) => !isStopword(t.lower));
  // Azerbaijani typed without diacritics: question words get theirs back for the cues ("kimle" → "kimlə", "nece" → "neçə").
  // Question words typed as spoken count as written ("скока" asks for a count).
  const cueText = normalized.replace(/\p{L}+/gu, (w) => AZ_FOLDED_STOP.get(w) ?? writtenForm(w));
  const kind = detectAnswerType(
    cueText,
    content.map((t) => t.lower),
  );
  // Intent is read from the raw text too: cleaning removes tags like "</context>" that are themselves an attack.
  const raw_ = detectIntent(normalizeText(String(raw ?? "").slice(0, 4 * MAX_QUESTION_CHARS)));
  const intent: AnalyzedQuestion["intent"] = empty ? "empty" : raw_ === "injection" ? raw_ : detectIntent(normalized);
  return { text, cyrillicReading, analysed, normalized, tokens, kind, intent };
}

/** The question word of the last sentence that has one ("Здравствуйте! … Подскажите, кто …?" → who). */
function askedInLastSentence(text: string): AskedFor | undefined {
  const sentences = text.split(/(?<=[.!?])\s+/).reverse();
  for (const s of sentences) {
    const a = askedFor(tokenize(s).map((t) => t.lower));
    if (a) return a;
  }
  return undefined;
}

/**
 * Analyses a question against the corpus.
 * @param lang the question's language (ru/en/az).
 */
export function analyzeQuestion(index: LexicalIndex, raw: string, lang: Lang, options: AnalyzeOptions = {}): AnalyzedQuestion {
  const lexicon = options.lexicon ?? EMPTY_LEXICON;
  const { text, cyrillicReading, analysed, normalized, tokens, kind, intent } = readQuestion(index, raw, lexicon);
  const ctx: ConceptContext = {
    index,
    lexicon,
    lang,
    analysed,
    tokens,
    covered: new Set<number>(),
    rankOf: new Map<Alternative, number>(),
    concepts: [],
    maxIdf: idf(index, 1),
  };
  addGlossaryConcepts(ctx);
  addAzPhraseConcepts(ctx);
  addRussianTermConcepts(ctx);
  // "Summarize the news in one line": the words of the request itself are not its subject.
  const aboutSpan = aboutArticleSpan(normalized);
  const inAbout = (t: Token) =>
    aboutSpan !== undefined && cyrillicReading === undefined && t.start >= aboutSpan[0] && t.end <= aboutSpan[1];
  addWordConcepts(ctx, (t) => inAbout(t) || (kind.type === "source" && SOURCE_CUE_WORD.test(t.lower)));
  const concepts = ctx.concepts;
  checkCountNoun(kind, concepts);
  // "Summarize the news in one line": words the corpus has only as a guess ("line" → a synonym) do not make it a question about them.
  const aboutArticle = aboutSpan !== undefined && !concepts.some((c) => c.known && c.degree >= TUNING.answerability.minKnownDegree);
  const history = options.history ?? [];
  const mayFollowUp = !aboutArticle && intent === "question" && isElliptic(ctx, normalized);
  const followUp = history.length > 0 && mayFollowUp && mergeFollowUp(ctx, history, kind, normalized);

  const total = concepts.reduce((a, c) => a + c.weight, 0);
  const knownShare = total ? concepts.reduce((a, c) => a + c.weight * c.degree, 0) / total : 0;
  const { query, expansion } = buildQuery(ctx);
  return {
    text,
    normalized,
    lang,
    intent,
    kind,
    asks: askedInLastSentence(analysed),
    concepts,
    knownShare,
    query,
    expanded: [analysed, ...new Set(expansion)].join(" "),
    cyrillicReading,
    aboutArticle,
    followUp,
    mayFollowUp,
  };
}
