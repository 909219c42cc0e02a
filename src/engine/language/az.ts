/**
 * Azerbaijani helpers: a diacritic fold, a light suffix stripper and the general
 * Azerbaijani → Russian (and English) news vocabulary in data/lexicon/az-ru.tsv.
 *
 * Everything here works on folded text (lower-cased the Azerbaijani way, then ə→e, ş→s,
 * ç→c, ğ→g, ı→i, ö→o, ü→u), so "görüşüb" and "gorusub" are the same word to it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ruStem } from "../text.js";

const FOLD: Record<string, string> = { ə: "e", ş: "s", ç: "c", ğ: "g", ı: "i", ö: "o", ü: "u", ä: "e" };

/** Lower-cases Azerbaijani-aware (İ→i, I→ı) and folds the diacritics away (ə→e, ş→s, ç→c, ğ→g, ı→i, ö→o, ü→u). */
/** The infinitive ending of a verb, with or without its diacritics ("etmək", "etmek", "olunmaq"). */
export const AZ_INFINITIVE = /m[əae][kq]$/;

export function foldAz(text: string): string {
  return String(text)
    .normalize("NFC")
    .replace(/İ/g, "i")
    .replace(/I/g, "ı")
    .toLowerCase()
    .replace(/\u0307/g, "") // the dot a generic lower-casing leaves on İ
    .replace(/[əşçğıöüä]/g, (c) => FOLD[c] ?? c)
    .replace(/[’‘`ʼ]/g, "'");
}

/** Minimum length of what stemming may leave. */
const MIN_STEM = 3;

/**
 * Inflectional suffixes in folded form (vowel-harmony variants collapse under the fold:
 * -dı/-di → di, -du/-dü → du, -da/-də → da/de ...). Order does not matter: the longest
 * suffix that leaves at least {@link MIN_STEM} letters is taken first.
 */
const NOMINAL = `
lar ler lari leri larin lerin
da de dan den a e ya ye
i u ni nu in un nin nun yin yun
la le yla yle ile
daki deki ki
dek dak yadek yedek
ca ce
im um imiz umuz miz muz iniz unuz niz nuz si su
dir dur idi imis ise ydi ydu ymis ymus yse
mi mu
`;
const VERBAL = `
mak mek maq
di du dik duk diq duq diniz dunuz dilar diler
ib ub yib yub ibdir ubdur
mis mus mislar misler misdir musdur
acaq ecek acak yacaq yecek yacak acaqdir ecekdir
ir ur yir yur irler urlar irlar ar er
il ul ilir ulur ildi uldu ilib ulub ilmis ulmus ilen ulan ilecek ulacaq
an en yan yen
diyi duyu dig dug
araq erek yaraq yerek
inca ince unca unce yinca yince
mali meli
sa se ysa yse
ma me
sin sun siniz sunuz irik uruq uruk iriq ariq erik eceyik acagiq
erken arken yerken yarken maga mege yaraq
`;

const splitWords = (s: string) => s.trim().split(/\s+/).filter(Boolean);
const NOMINAL_SUFFIXES = new Set(splitWords(NOMINAL));
const VERBAL_SUFFIXES = new Set(splitWords(VERBAL).filter((s) => !NOMINAL_SUFFIXES.has(s)));
const SUFFIXES = [...new Set([...NOMINAL_SUFFIXES, ...VERBAL_SUFFIXES])].sort((a, b) => b.length - a.length);

/** Derivational endings (-lıq/-lik: milyonluq, dollarlıq): looked through by lexicon lookups only, never by {@link azStem}. */
const DERIVATIONAL = splitWords("liq luq lik luk");
const CANDIDATE_SUFFIXES = [...SUFFIXES, ...DERIVATIONAL];

/** Endings that begin with a buffer consonant (n, y, s) follow a vowel: Bakı-nın, ölkə-yə, enerji-si. */
const BUFFERED = /^(n(i|u|in|un)|y|s(i|u)$)/;
const VOWEL = /[aeiou]$/;

function fits(word: string, s: string, min: number): boolean {
  if (word.length - s.length < min || !word.endsWith(s)) return false;
  return !BUFFERED.test(s) || VOWEL.test(word.slice(0, -s.length));
}

function longestSuffix(word: string, min = MIN_STEM): string | undefined {
  for (const s of SUFFIXES) if (fits(word, s, min)) return s;
  return undefined;
}

/**
 * Strips Azerbaijani inflectional suffixes greedily (longest first, repeatedly) but never
 * below a 3-letter stem. Returns the folded stem: azStem("görüşüb") === azStem("gorusub")
 * === azStem("görüş") === "gorus".
 */
export function azStem(word: string): string {
  let w = foldAz(word).replace(/['-]/g, "");
  for (;;) {
    const s = longestSuffix(w);
    if (!s) return w;
    w = restoreFinal(w.slice(0, -s.length), s);
  }
}

/**
 * Before a vowel a word of more than one syllable softens its final k/q to y/ğ
 * (ürək → ürəyi, bayraq → bayrağı, təhlükəsizlik → təhlükəsizliyi); undo that.
 */
function restoreFinal(stem: string, suffix: string): string {
  if (!/^[aeiou]/.test(suffix) || (stem.match(/[aeiou]/g) ?? []).length < 2) return stem;
  if (/[aeiou]y$/.test(stem)) return `${stem.slice(0, -1)}k`;
  if (/[aeiou]g$/.test(stem)) return `${stem.slice(0, -1)}q`;
  return stem;
}

/** True when the whole string is made of suffixes ("da", "nin", "larda") — a hyphenated ending like ABŞ-ın. */
function isSuffixChain(s: string): boolean {
  let w = s;
  for (let i = 0; i < 6 && w; i++) {
    const x = SUFFIXES.find((s) => w.endsWith(s) && (!BUFFERED.test(s) || w.length === s.length || VOWEL.test(w.slice(0, -s.length))));
    if (!x) return false;
    w = w.slice(0, -x.length);
  }
  return w === "";
}

/** Folded word tokens of a text; an ending after a hyphen or apostrophe (ABŞ-da, Bakı'dan) stays with its word. */
export function azTokens(text: string): string[] {
  const raw = foldAz(text).match(/[\p{L}\p{M}\p{N}]+(?:['-][\p{L}\p{M}\p{N}]+)*/gu) ?? [];
  const out: string[] = [];
  for (const r of raw) {
    const parts = r.split(/['-]/);
    let cur = parts[0] ?? "";
    for (const p of parts.slice(1)) {
      // 2025-ci, ABŞ-da, Bakı'dan: an ending stays with its word or number.
      if (isSuffixChain(p) || (/^\p{N}+$/u.test(cur) && /^[\p{L}]{1,6}$/u.test(p))) cur += p;
      else {
        out.push(cur);
        cur = p;
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

interface Candidate {
  form: string;
  verbal: boolean;
  /** Reached by the d → t alternation of verb stems (ged-ir → getmək): stands for a verb only. */
  verbOnly?: boolean;
  /** A derivational ending was stripped on the way (milyonluq → milyon): a related word, not the same one. */
  derived?: boolean;
}

/** Consonant alternations at a stem's end: ayağı → ayaq, ürəyi → ürək, gedir → get. */
function alternates(form: string): string[] {
  if (form.length < 2) return [];
  const last = form.slice(-1);
  const head = form.slice(0, -1);
  if (last === "g") return [`${head}q`, `${head}k`];
  if (last === "y") return [`${head}k`];
  if (last === "d") return [`${head}t`];
  return [];
}

/**
 * Every form reachable by stripping suffixes (with alternations), longest first, forms
 * reached through a derivational ending last. Looking
 * words up in the lexicon may go down to two letters (il-də, ay-da, iş-in), the stem never.
 */
function candidates(folded: string, min = MIN_STEM): Candidate[] {
  const walk: CandidateWalk = { seen: new Map<string, boolean>([[folded, false]]), verbOnly: new Set(), derived: new Set() };
  let frontier: Candidate[] = [{ form: folded, verbal: false }];
  for (let depth = 0; depth < 6 && frontier.length && walk.seen.size < 400; depth++) {
    const next: Candidate[] = [];
    for (const c of frontier) for (const s of CANDIDATE_SUFFIXES) if (fits(c.form, s, min)) stripSuffix(walk, c, s, next);
    frontier = next;
  }
  const { seen, verbOnly, derived } = walk;
  return [...seen.entries()]
    .map(([form, verbal]) => ({ form, verbal, verbOnly: verbOnly.has(form), derived: derived.has(form) }))
    .sort((a, b) => Number(a.derived) - Number(b.derived) || b.form.length - a.form.length || Number(b.verbal) - Number(a.verbal));
}

/** The forms {@link candidates} has reached: form → reached through a verbal suffix; alternation-only and derived forms. */
interface CandidateWalk {
  seen: Map<string, boolean>;
  verbOnly: Set<string>;
  derived: Set<string>;
}

/** Strips suffix `s` from candidate `c`: the form and its alternations, new ones pushed to `next`. */
function stripSuffix(walk: CandidateWalk, c: Candidate, s: string, next: Candidate[]): void {
  const { seen, verbOnly, derived } = walk;
  const form = c.form.slice(0, -s.length);
  const verbal = c.verbal || VERBAL_SUFFIXES.has(s);
  const isDerived = c.derived || DERIVATIONAL.includes(s);
  for (const f of [form, ...alternates(form)]) {
    if (isDerived && !seen.has(f)) derived.add(f);
    if (!isDerived) derived.delete(f);
    if (f !== form && f.endsWith("t") && !seen.has(f)) verbOnly.add(f);
    if (f === form) verbOnly.delete(f);
    if (seen.has(f)) {
      if (verbal && !seen.get(f)) seen.set(f, true);
      continue;
    }
    seen.set(f, verbal);
    next.push({ form: f, verbal, derived: isDerived });
  }
}

export interface AzEntry {
  /** The Azerbaijani lemma as written in the file. */
  lemma: string;
  /** Russian translations, most primary first. */
  russian: string[];
  /** English translations, may be empty. */
  english: string[];
}

export interface RankedTranslation {
  text: string;
  /** 1 = the primary translation of the best-matching lemma; larger is less primary. */
  rank: number;
}

export interface AzPhraseMatch extends AzEntry {
  /** Index of the first and one past the last matched token in {@link azTokens}(text). */
  start: number;
  end: number;
}

export interface AzLexicon {
  /** Number of lemmas. */
  size: number;
  entries: readonly AzEntry[];
  /** Russian translations of an Azerbaijani word (inflected, with or without diacritics) or multiword term. */
  toRussian(word: string): RankedTranslation[];
  /** English translations of the same. */
  toEnglish(word: string): string[];
  /** Azerbaijani lemmas for a Russian word or phrase (any inflection), most primary first. */
  toAzerbaijani(russianWord: string): string[];
  /** The English words the vocabulary gives beside a Russian word ("Китая" → China), most primary first. */
  englishOfRussian(russianWord: string): string[];
  /** Every English sense the vocabulary gives beside a Russian word, by entry ("кредит" → credit, loan). */
  englishSensesOfRussian(russianWord: string): string[];
  /** The first Russian of the entries whose English is this word ("champion" → чемпион, "jobs" → рабочие места). */
  russianOfEnglish(englishWord: string): string[];
  /** The English beside a Russian multiword term, given its words' Snowball stems ("рабоч мест" → jobs). */
  englishOfRussianTerm(stems: readonly string[]): string[];
  /** The Azerbaijani lemma of a Russian name ("Гянджи" → Gəncə), only from entries that are names. */
  nameOfRussian(russianWord: string): string[];
  /** The entries (single words and multiword terms) that a word resolves to, best first. */
  lookup(word: string): AzEntry[];
  /** The multiword entries found in a text, in text order. */
  phrases(text: string): AzPhraseMatch[];
}

const ruKey = (s: string) =>
  (
    s
      .toLowerCase()
      .replace(/ё/g, "е")
      .match(/[\p{L}\p{N}]+/gu) ?? []
  )
    .map((w) => ruStem(w))
    .join(" ");

/** Postpositions and particles that may follow the word asked about (folded). */
const POSTPOSITIONS = new Set(
  splitWords(
    "ile ucun kimi haqqinda barede baresinde haqda qeder sonra evvel gore terefinden arasinda uzre dair bagli ki da de mi mu dir dur",
  ),
);

const isInfinitive = (f: string) => /(mak|maq|mek)$/.test(f);

export function parseAzLexicon(text: string): AzEntry[] {
  const entries: AzEntry[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim() || line.startsWith("#")) continue;
    const cols = line.split("\t");
    const lemma = (cols[0] ?? "").trim();
    const russian = (cols[1] ?? "")
      .split("|")
      .map((s) => s.trim())
      .filter(Boolean);
    const english = (cols[2] ?? "")
      .split("|")
      .map((s) => s.trim())
      .filter(Boolean);
    if (!lemma || !russian.length) throw new Error(`az lexicon line ${i + 1}: needs a lemma and a Russian translation`);
    entries.push({ lemma, russian, english });
  }
  return entries;
}

const cache = new Map<string, AzLexicon>();

/** Loads (once per path) the Azerbaijani vocabulary; default data/lexicon/az-ru.tsv from the working directory. */
export function loadAzLexicon(file: string = path.resolve("data/lexicon/az-ru.tsv")): AzLexicon {
  const key = path.resolve(file);
  const hit = cache.get(key);
  if (hit) return hit;
  const lex = buildAzLexicon(parseAzLexicon(readFileSync(key, "utf8")));
  cache.set(key, lex);
  return lex;
}

const azLower = (s: string) =>
  s
    .normalize("NFC")
    .replace(/İ/g, "i")
    .replace(/I/g, "ı")
    .toLowerCase()
    .replace(/\u0307/g, "");

/**
 * Folding merges some words (neçə "how many" / necə "how"); when the query keeps its
 * diacritics, the lemmas spelt like its beginning come first.
 */
function preferSpelling(hits: AzEntry[], word: string): AzEntry[] {
  if (hits.length < 2) return hits;
  const q = azLower(word).replace(/['’-]/g, "");
  if (q === foldAz(q)) return hits; // typed without diacritics: nothing to prefer
  const root = (l: string) => azLower(l).replace(/(maq|mək)$/, "");
  const score = (e: AzEntry) => (q.startsWith(root(e.lemma)) ? 0 : 1);
  return [...hits].sort((a, b) => score(a) - score(b));
}

type MultiwordEntry = { entry: AzEntry; tokens: string[] };
type RankedEntry = { entry: AzEntry; rank: number };

/** The lookup tables of an Azerbaijani lexicon; the Russian side and multiword first words are indexed on first use. */
interface AzIndex {
  entries: AzEntry[];
  /** Folded single-word lemma → entries. */
  byForm: Map<string, AzEntry[]>;
  /** azStem of a single-word lemma → entries. */
  byStem: Map<string, AzEntry[]>;
  multi: MultiwordEntry[];
  byFirst: Map<string, MultiwordEntry[]>;
  byRu: Map<string, RankedEntry[]>;
  byRuWord: Map<string, RankedEntry[]>;
  /** Single-word Russian keys by their key less its last letter ("кита" under "кит"). */
  byRuShorter: Map<string, RankedEntry[]>;
  ruIndexed: boolean;
  firstIndexed: boolean;
  candCache: Map<string, Candidate[]>;
  setCache: Map<string, Set<string>>;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

function indexAz(entries: AzEntry[]): AzIndex {
  const ix: AzIndex = {
    entries,
    byForm: new Map(),
    byStem: new Map(),
    multi: [],
    byFirst: new Map(),
    byRu: new Map(),
    byRuWord: new Map(),
    byRuShorter: new Map(),
    ruIndexed: false,
    firstIndexed: false,
    candCache: new Map(),
    setCache: new Map(),
  };
  for (const e of entries) {
    const tokens = azTokens(e.lemma);
    if (tokens.length > 1) {
      ix.multi.push({ entry: e, tokens });
    } else if (tokens.length === 1) {
      push(ix.byForm, tokens[0]!, e);
      push(ix.byStem, azStem(tokens[0]!), e);
    }
  }
  return ix;
}

/** The Russian side is indexed on first use: stemming every translation is most of the load time. */
function indexRussian(ix: AzIndex): void {
  if (ix.ruIndexed) return;
  ix.ruIndexed = true;
  for (const e of ix.entries)
    e.russian.forEach((r, i) => {
      const k = ruKey(r);
      if (!k) return;
      push(ix.byRu, k, { entry: e, rank: i });
      if (!k.includes(" ") && k.length >= 4) push(ix.byRuShorter, k.slice(0, -1), { entry: e, rank: i });
      for (const w of new Set(k.split(" "))) if (w.length > 2) push(ix.byRuWord, w, { entry: e, rank: i + 10 });
    });
}

function cands(ix: AzIndex, folded: string): Candidate[] {
  let c = ix.candCache.get(folded);
  if (!c) {
    c = candidates(folded, 2);
    if (ix.candCache.size > 50_000) ix.candCache.clear();
    ix.candCache.set(folded, c);
  }
  return c;
}

function candSet(ix: AzIndex, folded: string): Set<string> {
  let c = ix.setCache.get(folded);
  if (!c)
    ix.setCache.set(
      folded,
      (c = new Set(
        cands(ix, folded)
          .filter((x) => !x.derived)
          .map((x) => x.form),
      )),
    );
  return c;
}

/**
 * Whether a text token stands for an infinitive lemma token (`undefined`: not decided here): its root among the
 * token's forms, or for et-, ol-, de-, ye- (roots shorter than a stem may be) the prefix (et/ed for etmək).
 */
function infinitiveMatches(textTok: string, entryTok: string, tc: Candidate[]): boolean | undefined {
  const root = entryTok.slice(0, -3);
  if (tc.some((c) => c.form === root)) return true;
  if (root.length >= MIN_STEM) return undefined;
  const roots = [root, ...(root.endsWith("t") ? [`${root.slice(0, -1)}d`] : [])];
  const rest = (r: string) => textTok.slice(r.length);
  return roots.some(
    (r) => textTok.startsWith(r) && (rest(r) === "" || isSuffixChain(rest(r)) || /^(ilm|ild|ilib|ilir|ilen|ilec|ilmi|ilse)/.test(rest(r))),
  );
}

/** Does a text token stand for the lemma token of a multiword entry? */
function tokenMatches(ix: AzIndex, textTok: string, entryTok: string): boolean {
  if (textTok === entryTok) return true;
  const tc = cands(ix, textTok).filter((c) => !c.derived);
  if (tc.some((c) => c.form === entryTok)) return true;
  if (isInfinitive(entryTok)) {
    const m = infinitiveMatches(textTok, entryTok, tc);
    if (m !== undefined) return m;
  }
  const ec = candSet(ix, entryTok);
  return tc.some((c) => c.form.length >= 4 && ec.has(c.form));
}

/** Multiword entries by every form their first word can be stripped to; built on first use. */
function indexFirsts(ix: AzIndex): void {
  if (ix.firstIndexed) return;
  ix.firstIndexed = true;
  for (const m of ix.multi)
    for (const c of cands(ix, m.tokens[0]!)) if (c.form.length >= 3 || c.form === m.tokens[0]) push(ix.byFirst, c.form, m);
}

function phrasesIn(ix: AzIndex, text: string): AzPhraseMatch[] {
  indexFirsts(ix);
  const toks = azTokens(text);
  const found: AzPhraseMatch[] = [];
  for (let i = 0; i < toks.length; i++) {
    const firsts = new Set<MultiwordEntry>();
    for (const c of cands(ix, toks[i]!)) for (const m of ix.byFirst.get(c.form) ?? []) firsts.add(m);
    for (const m of firsts) {
      const n = m.tokens.length;
      if (i + n > toks.length) continue;
      if (m.tokens.every((t, j) => tokenMatches(ix, toks[i + j]!, t))) found.push({ ...m.entry, start: i, end: i + n });
    }
  }
  // Longest first at each start; drop a match inside a longer one.
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  return found.filter((m) => !found.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start));
}

function lookupEntries(ix: AzIndex, word: string): AzEntry[] {
  const toks = azTokens(word);
  if (toks.length === 0) return [];
  if (toks.length > 1) {
    const whole = phrasesIn(ix, word).filter((m) => m.start === 0 && m.end === toks.length);
    if (whole.length) return whole.map(({ start: _s, end: _e, ...e }) => e);
    // "Türkiyə ilə", "görüş haqqında": a word or term followed by postpositions.
    let n = toks.length;
    while (n > 1 && POSTPOSITIONS.has(toks[n - 1]!)) n--;
    return n < toks.length ? lookupEntries(ix, toks.slice(0, n).join(" ")) : [];
  }
  const w = toks[0]!;
  const hits = lookupWord(ix, w, word);
  // Typed as on an English keyboard: "shirket", "gorushub", "chempionat".
  if (!hits.length && /[scg]h/.test(w)) return lookupWord(ix, w.replace(/([scg])h/g, "$1"), word);
  return hits;
}

function lookupWord(ix: AzIndex, w: string, word: string): AzEntry[] {
  const { byForm } = ix;
  for (const c of cands(ix, w)) {
    const nouns = c.verbOnly ? [] : (byForm.get(c.form) ?? []);
    const verbs = [...(byForm.get(`${c.form}mak`) ?? []), ...(byForm.get(`${c.form}maq`) ?? []), ...(byForm.get(`${c.form}mek`) ?? [])];
    if (!nouns.length && !verbs.length) continue;
    // A verb ending (-dı, -ıb, -acaq ...) prefers the verb; the word as written prefers itself.
    const ordered = c.verbal && c.form !== w ? [...verbs, ...nouns] : [...nouns, ...verbs];
    return preferSpelling([...new Set(ordered)], word);
  }
  const stem = azStem(w);
  return stem.length >= 4 ? preferSpelling(ix.byStem.get(stem) ?? [], word) : [];
}

function russianOf(ix: AzIndex, word: string): RankedTranslation[] {
  const out: RankedTranslation[] = [];
  const seen = new Set<string>();
  for (const [ei, e] of lookupEntries(ix, word).entries()) {
    for (const [i, text] of e.russian.entries()) {
      if (seen.has(text)) continue;
      seen.add(text);
      out.push({ text, rank: i + 1 + ei * 5 });
    }
  }
  return out.sort((a, b) => a.rank - b.rank);
}

function russianHits(ix: AzIndex, russianWord: string): RankedEntry[] {
  const k = ruKey(russianWord);
  if (!k) return [];
  indexRussian(ix);
  let hits = ix.byRu.get(k) ?? [];
  if (!hits.length && !k.includes(" ")) hits = ix.byRuWord.get(k) ?? [];
  // Snowball cuts some forms one letter shorter ("Китая" → "кит", "Китай" → "кита"): a key one letter longer.
  if (!hits.length && !k.includes(" ") && k.length >= 3) hits = ix.byRuShorter.get(k) ?? [];
  return [...hits].sort((a, b) => a.rank - b.rank);
}

/** Single-word entries for a Russian word, names for a capitalised word only ("Кореи" is not "корь"). */
/** The Russian translation a hit matched. */
const matchedRussian = (h: RankedEntry) => h.entry.russian[h.rank % 10] ?? "";

/** Whether a hit matched one Russian word inside a translation of several ("сельский" in «сельский житель»). */
const wordOfTerm = (h: RankedEntry, russianWord: string) => /\s/.test(matchedRussian(h).trim()) && !/\s/.test(russianWord.trim());

function sameCase(ix: AzIndex, russianWord: string): RankedEntry[] {
  const name = /^\p{Lu}/u.test(russianWord);
  const capital = (h: RankedEntry) => /^\p{Lu}/u.test(matchedRussian(h));
  // One word of a Russian term does not carry the term's English («сельский» of «сельский житель» is not "villager").
  return russianHits(ix, russianWord).filter((h) => !h.entry.lemma.includes(" ") && capital(h) === name && !wordOfTerm(h, russianWord));
}

function azerbaijaniOf(ix: AzIndex, russianWord: string): string[] {
  const k = ruKey(russianWord);
  const out = russianHits(ix, russianWord).flatMap((h) => {
    if (!wordOfTerm(h, russianWord)) return [h.entry.lemma];
    const ru = matchedRussian(h).trim().split(/\s+/);
    // One word of a term ("генеральным" of «генеральная ассамблея» → "baş assambleya"): the lemma's word
    // in the same place when both have as many words ("baş"), else nothing — not the whole term.
    const az = h.entry.lemma.split(/\s+/);
    const at = ru.findIndex((w) => ruKey(w) === k);
    const word = az.length === ru.length && at >= 0 ? az[at]! : undefined;
    // …unless that word's own entry says something else: a term in another order («Ассоциация футбольных
    // федераций» / "Futbol Federasiyaları Assosiasiyası" does not make «ассоциация» "futbol").
    const back = word ? (ix.byForm.get(foldAz(word)) ?? []).flatMap((e) => e.russian.map(ruKey)) : [];
    return word && (back.length === 0 || back.some((r) => r.slice(0, 4) === k.slice(0, 4))) ? [word] : [];
  });
  return [...new Set(out)];
}

/** English words of the entries (as written, lower case) → the first Russian of those entries, in file order. */
function englishIndex(entries: readonly AzEntry[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of entries)
    for (const en of e.english) {
      const key = en.trim().toLowerCase();
      if (!key) continue;
      // Only the entry's first Russian: its others may belong to another sense ("çay": чай, река).
      const list = out.get(key) ?? [];
      const ru = e.russian[0];
      if (ru && !list.includes(ru)) list.push(ru);
      out.set(key, list);
    }
  return out;
}

/** Multiword Russian translations (stems joined by a space) → the English of their entries. */
function russianTerms(entries: readonly AzEntry[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of entries) {
    if (!e.english.length) continue;
    for (const ru of e.russian) {
      const key = ruKey(ru);
      if (!key.includes(" ")) continue;
      out.set(key, [...new Set([...(out.get(key) ?? []), ...e.english])]);
    }
  }
  return out;
}

export function buildAzLexicon(entries: AzEntry[]): AzLexicon {
  const ix = indexAz(entries);
  let terms: Map<string, string[]> | undefined;
  let english: Map<string, string[]> | undefined;
  const lookup = (word: string): AzEntry[] => lookupEntries(ix, word);
  return {
    size: entries.length,
    entries,
    toRussian: (word) => russianOf(ix, word),
    toEnglish: (word) => [...new Set(lookup(word).flatMap((e) => e.english))],
    toAzerbaijani: (russianWord) => azerbaijaniOf(ix, russianWord),
    englishOfRussian: (russianWord) => [...new Set(sameCase(ix, russianWord).flatMap((h) => h.entry.english.slice(0, 1)))],
    englishSensesOfRussian: (russianWord) => [...new Set(sameCase(ix, russianWord).flatMap((h) => h.entry.english))],
    russianOfEnglish: (englishWord) => {
      english ??= englishIndex(entries);
      return english.get(englishWord.toLowerCase()) ?? [];
    },
    englishOfRussianTerm: (stems) => {
      terms ??= russianTerms(entries);
      return terms.get(stems.join(" ")) ?? [];
    },
    nameOfRussian: (russianWord) =>
      /^\p{Lu}/u.test(russianWord)
        ? [...new Set(sameCase(ix, russianWord).map((h) => h.entry.lemma.replace(/^\p{Ll}/u, (c) => c.toLocaleUpperCase("az"))))]
        : [],
    lookup,
    phrases: (text) => phrasesIn(ix, text),
  };
}
