/**
 * Evidence: how well each candidate sentence answers the analysed question, whether it
 * holds the kind of fact asked for, and which one to three sentences make the answer.
 */

import { durationInWord, MONTH_IN_TEXT, russianMonth, SEASON_IN_TEXT } from "./language/calendar.js";
import { MEASURE_UNIT, NUMBER_STEM, PERCENT_SIGN, SCALE_WORD } from "./language/numerals.js";
import { isPersonCounter, looksLikeAdjective, namesPeople } from "./language/packs.js";
import { type LexicalIndex, PERCENT_STEMS, SentenceLookup, sentenceTokens } from "./lexical.js";
import { ANAPHORA_OPENERS, type AnswerType, BACKGROUND_OPENERS, isStopword, ub } from "./lexicon.js";
import { type AnalyzedQuestion, type Concept, countNounConcepts } from "./question.js";
import { stemWord, type Token, tokenize } from "./text.js";
import { TUNING } from "./tuning.js";

/** Scoring weights: in tuning.ts with the other tuned numbers. */
export const SCORING = TUNING.scoring;

export interface Candidate {
  i: number;
  /** Share of concept weight found in the sentence itself. */
  own: number;
  /** Share found in the sentence or (at half credit) its neighbours. */
  coverage: number;
  /** How many of the question's own concepts the sentence holds in full. */
  hits: number;
  score: number;
  typeOk: boolean;
}

/** Whether all `stems` occur within a span of their count + 1 words in sentence `i`. */
function phraseTogether(index: LexicalIndex, i: number, stems: string[]): boolean {
  const want = new Set(stems);
  const positions: number[] = [];
  const found: string[] = [];
  sentenceTokens(index, i).forEach((t, k) => {
    const stem = stemWord(t.lower, t.script);
    if (want.has(stem)) {
      positions.push(k);
      found.push(stem);
    }
  });
  // Smallest window holding every stem.
  const need = want.size;
  const count = new Map<string, number>();
  let have = 0;
  let best = Infinity;
  for (let r = 0, l = 0; r < positions.length; r++) {
    const sr = found[r]!;
    count.set(sr, (count.get(sr) ?? 0) + 1);
    if (count.get(sr) === 1) have++;
    while (have === need) {
      best = Math.min(best, positions[r]! - positions[l]! + 1);
      const sl = found[l]!;
      count.set(sl, count.get(sl)! - 1);
      if (count.get(sl) === 0) have--;
      l++;
    }
  }
  return best <= need + 1;
}

/** How much of concept `c` sentence `i` contains (0…1). */
export function satisfaction(index: LexicalIndex, c: Concept, i: number, lookup = new SentenceLookup(index)): number {
  let best = 0;
  for (const a of c.alternatives) {
    if (a.stems.length === 0) continue;
    let got = 0;
    a.stems.forEach((s, j) => {
      if (lookup.hasStem(s, i)) got += 1;
      else if (a.prefixes[j] && lookup.hasPrefix(a.prefixes[j]!, i)) got += SCORING.prefixCredit;
    });
    // A phrase ("Президент США") counts in full only where its words stand together,
    // not scattered ("вице-президентом Торговой палаты США").
    if (a.stems.length > 1 && got === a.stems.length && !phraseTogether(index, i, a.stems)) got *= SCORING.scatteredCredit;
    best = Math.max(best, got / a.stems.length);
    if (best >= 1) break;
  }
  return best;
}

export const MONTHS = MONTH_IN_TEXT;
/** A quotation in a sentence («…», "…", “…”): a name or someone's words. */
export const QUOTATION = /«[^«»]+»|"[^"]+"|“[^“”]+”/gu;
export const YEAR = ub(
  /(\b(1[0-9]\d\d|20\d\d)\b|\b\d{2,4}\s*(год|году|года|годах|годы|гг|г\.)|(в|с|до|к|in|since|by|until)\s+\d{3,4}\b|\d{2,4}-(х|е|x)\b|\b\d{3,4}s\b)/i,
);
const ERA = ub(
  /(\bвек|\bвеке|\bвека|столети|\bэпох|\bлет назад|\bгод назад|century|centuries|years ago|\bera\b|\bdecade|əsr|il əvvəl|\b[IVXLC]+\s+(век|веке|века|century))/i,
);
const RELATIVE_DATE = ub(
  /(прошл\S* год|этого года|текущего года|в прошлом году|вчера|сегодня|last year|this year|yesterday|today|keçən il|dünən|bu gün)/i,
);
const FUTURE_DATE = ub(
  /(в следующем году|в этом году|до конца года|в ближайш|next (year|month|week)|later this year|by the end of|gələn il|bu ilin sonuna)/i,
);
export const AMOUNT = ub(
  /(\d[\d\s.,]*\s*(млрд|млн|тыс|миллиард|миллион|трлн|долл|доллар|\$|евро|€|манат|руб|%|процент|billion|million|trillion|dollar|euro|manat|usd|azn)|[$€£]\s?\d)/i,
);
export { NUMBER_STEM, NUMBER_WORDS } from "./language/numerals.js";
export const DURATION_UNIT =
  /^(секунд|минут|час|дн|день|дня|сут|недел|месяц|лет|год|века?|hour|minute|second|day|week|month|year|decade|centur|saat|dəqiqə|gün|həftə|ay|il)/;
export const PLACE_WORDS =
  /^(республик|федерац|штат|королевств|восток|запад|север|юг|остров|союз|республика|republic|states|kingdom|east|west|north|south|island|union|respublika|ştat)/;
export const ROLE_WORDS =
  /(?<![\p{L}])(министр|президент|вице|заместител|deputy|müavin|председател|директор|глав[аеуы]|посол|посл[аеу]|премьер|секретар|руководител|генерал|minister|president|vice|chairman|chair|director|head|ambassador|secretary|premier|ceo|nazir|prezident|sədr|direktor|səfir|baş nazir)/iu;
const SPEECH_VERB =
  /^(заяв|сказал|сообщил|отметил|подчеркнул|пообещал|said|says|stated|announced|told|noted|stressed|promised|dedi|deyib|bildirib|söylə|vurğula|qeyd)/;
/** A sentence that says where its news comes from: «как сообщили в…», «по данным…», "said in a statement", "according to". */
export const ATTRIBUTION = ub(
  /(сообщ(или|ил|ила|ило|ает|ают)|заявил[иао]?|по (данным|словам|информации|сообщению)|согласно|информиру|according to|\b(said|announced|reported|stated)\b|in a statement|məlumat(ına görə| verib| verilib)|xəbər verib|bildirib|açıqlayıb)/i,
);
const DEFINITION =
  /(назван|называ|известн\S* как|означает|является|представляет собой|это —|so-called|called|known as|refers to|stands for|means|adlanır|adını|deməkdir)/i;
export const LOCATIVE = /^(в|во|из|до|на|in|at|from|to)$/i;
/** Bodies of people that can answer "who?": commissions, councils, juries, ministries. */
const BODY_WORDS =
  /^(комисси|совет|жюри|министерств|правительств|ассоциац|оргкомитет|подрядчик|застройщик|committee|commission|council|jury|ministry|government|association|contractor|builder|komissiya|şura|nazirlik|hökumət|assosiasiya|podratçı)/;
export const ORG_WORDS =
  /(министерств|палат|компани|организац|университет|агентств|банк|фонд|корпорац|ассоциац|совет[аеуо]?\b|лиг[аеиуо]|партия|партии|профсоюз|департамент|управлени[еяю]|chamber|ministry|company|organi[sz]ation|agency|university|corporation|bank|fund|council|committee|association|league|party|union|department|authority|office\b)/i;

/**
 * Whether a sentence gives a date later than its document's date (or says "next year"):
 * only such a date can answer "when will…?".
 */
export function holdsFutureDate(text: string, docDate?: string): boolean {
  if (!docDate) return true; // no reference point: cannot tell, do not block
  if (FUTURE_DATE.test(text)) return true;
  const year = Number(docDate.slice(0, 4));
  if ([...text.matchAll(/(?<!\d)(1\d{3}|20\d{2})(?!\d)/g)].some((m) => Number(m[1]) > year)) return true;
  // A month without a year, later than the article's month ("в мае" in a March article), or a season ahead.
  const month = Number(docDate.slice(5, 7)) - 1;
  // (A month with a year, or "прошлого года"/"last year" after it, is not ahead.)
  const named = tokenize(text)
    .filter(
      (_t, k, all) =>
        !(all[k + 1]?.script === "digit" && all[k + 1]!.text.length === 4) && !/^(прошл|last|keçən|previous)/.test(all[k + 1]?.lower ?? ""),
    )
    .map((t) => russianMonth(t.lower));
  return named.some((m) => m > month) || SEASON_IN_TEXT.test(text);
}

/** A noun for people right after number `j`, past a scale word or adjectives ("30 тысяч жителей", "148 сильных шахматистов"). */
export function peopleAfter(toks: readonly Token[], j: number): boolean {
  let k = j + 1;
  while (toks[k] && k < j + 3 && (SCALE_WORD.test(toks[k]!.lower) || /\p{L}{3,}(ых|их|ые|ие)$/u.test(toks[k]!.lower))) k++;
  return toks[k] !== undefined && namesPeople(toks[k]!.lower, toks[k]!.script);
}

/**
 * Whether a number in sentence `i` stands right before (or after) a word for `noun` — or, for a
 * general word for people ("сколько людей", "how many people"; `noun` undefined when the corpus
 * lacks it), before any noun for people ("30 000 жителей", "186 сотрудников").
 */
export function numberCounts(index: LexicalIndex, i: number, noun: Concept | undefined): boolean {
  const toks = sentenceTokens(index, i);
  const stems = new Set(noun?.alternatives.flatMap((a) => a.stems) ?? []);
  const people = !noun || isPersonCounter(noun.label.toLowerCase());
  const prefixes = new Set(noun?.alternatives.flatMap((a) => a.prefixes) ?? []);
  const isNoun = (k: number) => {
    const t = toks[k];
    if (t === undefined) return false;
    const own = stemWord(t.lower, t.script);
    // "buses" / "bus": English stems differ more than Russian ones; a short stem that starts the word counts.
    // "1 850 тонн чайного листа" counts tea: the noun's adjective ("чай" → "ча", "чайного" → "чайн") after a unit.
    const derived = (s: string) => own.startsWith(s) && /^(й?н|ов|ев|ск|ин)$/.test(own.slice(s.length));
    return (
      stems.has(own) ||
      prefixes.has([...t.lower].slice(0, 5).join("")) ||
      [...stems].some((s) => (s.length >= 3 && t.lower.startsWith(s)) || (s.length >= 2 && derived(s)))
    );
  };
  // "neçə faizi", "сколько процентов": a number with its "%" counts them.
  const text = index.sentences[i]!.text;
  const percent = PERCENT_STEMS.some((s) => stems.has(s));
  for (let j = 0; j < toks.length; j++) {
    const t = toks[j]!;
    if (t.script !== "digit" && !NUMBER_STEM.test(t.lower)) continue;
    if (percent && PERCENT_SIGN.test(text.slice(t.end))) return true;
    if (people && peopleAfter(toks, j)) return true;
    // "31 компании", "110 миллионов киловатт-часов электроэнергии": the noun a few words on, past the scale and unit;
    // not past a comma («230 образцов чая, мандаринов») or another noun's "of" ("56 wagons of containers").
    for (const k of [j + 1, j + 2, j + 3, j + 4]) {
      if (isNoun(k)) return true;
      if (!toks[k + 1] || /,/.test(text.slice(toks[k]!.end, toks[k + 1]!.start))) break;
      if (toks[k + 1]!.lower === "of" && !MEASURE_UNIT.test(toks[k]!.lower) && !SCALE_WORD.test(toks[k]!.lower)) break;
    }
    if (isNoun(j - 1)) return true;
  }
  return false;
}

const FUTURE_MARKER = ub(
  /(будет|будут|будущ|планиру|предстоит|намерен|состоится|стади\S* проектировани|проектируется|\bwill\b|\bshall\b|\bplan(s|ned)?\b|\bfuture\b|\bnext\b|\bupcoming\b|(design|planning) stage|\S+(acaq|əcək)\b|gələcək|planlaşdır|layihələndirmə mərhələsində)/i,
);

/** Whether a sentence talks about the future at all (a future verb or date). */
export function speaksOfFuture(text: string, docDate?: string): boolean {
  return FUTURE_MARKER.test(text) || (docDate !== undefined && holdsFutureDate(text, docDate) && FUTURE_DATE.test(text));
}

/** What a fact check sees of one sentence. */
interface SentenceView {
  text: string;
  toks: ReturnType<typeof tokenize>;
  /** Glossary types of the sentence's terms (empty when it has none). */
  types: Set<string>;
  /** Whether the sentence has glossary types at all. */
  typed: boolean;
  /** A capitalised word that is not the sentence's first word: a name. */
  isName: (j: number) => boolean;
  listFocus: string[] | undefined;
}

/** Whether any token is a number, in digits or in words. */
function holdsCount(s: SentenceView): boolean {
  return s.toks.some((t, j) => (t.script === "digit" || NUMBER_STEM.test(t.lower)) && !datePart(s.toks, j));
}

/** A number that is part of a date: a day before its month ("6 октября", "March 10"), a year after a month or before "года". */
export function datePart(toks: readonly Token[], j: number): boolean {
  const t = toks[j]!;
  if (t.script !== "digit") return false;
  const month = (k: number) => MONTHS.test(toks[k]?.lower ?? "");
  if (t.text.length <= 2) return month(j + 1) || month(j - 1);
  return t.text.length === 4 && (month(j - 1) || /^(год\S*|г|year)$/u.test(toks[j + 1]?.lower ?? ""));
}

/** A unit of time with a number just before it: "три часа", "5 days", "от пяти до десяти лет"; or one word for both ("шестимесячную"). */
function holdsDuration(s: SentenceView): boolean {
  const toks = s.toks;
  if (
    s.text
      .toLowerCase()
      .match(/[\p{L}\p{N}-]+/gu)
      ?.some((w) => durationInWord(w) !== undefined)
  )
    return true;
  for (let j = 1; j < toks.length; j++) {
    if (!DURATION_UNIT.test(toks[j]!.lower)) continue;
    const t = toks[j - 1]!;
    if ((t.script === "digit" && t.text.length < 4) || NUMBER_STEM.test(t.lower)) return true; // "2025 года" is a date
  }
  return false;
}

function holdsDate(s: SentenceView): boolean {
  // «Шелковый путь — 2026»: a year in a quoted name is part of the name, no date of anything.
  const text = s.text.replace(QUOTATION, "«»");
  return (
    s.types.has("date") ||
    MONTHS.test(text) ||
    YEAR.test(text) ||
    ERA.test(text) ||
    SEASON_IN_TEXT.test(text) ||
    RELATIVE_DATE.test(text) ||
    /\d{1,2}[./]\d{1,2}[./]\d{2,4}/.test(text)
  );
}

/** Whether the capitalised word at `j` reads as a person's name (see holdsPerson). */
function nameAt(s: SentenceView, j: number): boolean {
  const toks = s.toks;
  if (!s.isName(j) || ORG_WORDS.test(toks[j]!.lower) || PLACE_WORDS.test(toks[j]!.lower)) return false;
  const next = toks[j + 1];
  if (next && s.isName(j + 1) && !ORG_WORDS.test(next.lower) && !PLACE_WORDS.test(next.lower)) return true;
  const before = toks
    .slice(Math.max(0, j - 2), j)
    .map((t) => t.lower)
    .join(" ");
  if (ROLE_WORDS.test(before) || /(имени|named|called|adlı)$/.test(before)) return true;
  // Without glossary types for this sentence, any capitalised word not after "в/in" (nor in a list after it:
  // "в Ленкорани и Гяндже") may be a name — but not an adjective before a lower-case noun, which starts an
  // official name ("Регионального центра", "Торговой палаты").
  return !s.typed && !LOCATIVE.test(toks[j - 1]!.text) && !inPlaceList(toks, j) && !startsOfficialName(toks, j);
}

/** A capitalised word after "и/and/və" that follows a place after "в/in" ("в Ленкорани и Гяндже"). */
export function inPlaceList(toks: readonly Token[], j: number): boolean {
  const and = toks[j - 1];
  const place = toks[j - 2];
  const prep = toks[j - 3];
  return /^(и|and|və|ve)$/u.test(and?.lower ?? "") && place?.capitalized === true && LOCATIVE.test(prep?.text ?? "");
}

/** A capitalised adjective form right before a lower-case word of its script ("Региональный форум"). */
export function startsOfficialName(toks: readonly Token[], j: number): boolean {
  const t = toks[j]!;
  const next = toks[j + 1];
  return looksLikeAdjective(t.lower, t.script) && next !== undefined && !next.capitalized && next.script === t.script;
}

function holdsPerson(s: SentenceView): boolean {
  if (s.types.has("person")) return true;
  // "Who will pick the winners?": a body of people (a commission, a ministry) answers it too.
  if (s.toks.some((t) => BODY_WORDS.test(t.lower))) return true;
  // A name: "Имя Фамилия" (two capitalised words that are not a state or an organisation),
  // or a capitalised word right after a title or "по имени" ("министр Байрамов", "named Ursel").
  for (let j = 1; j < s.toks.length; j++) if (nameAt(s, j)) return true;
  return false;
}

/**
 * After a locative preposition at `j`: the token where the place it names begins — "в Баку", "in
 * Washington", or through one common noun, "в клиниках Анкары", "in downtown Baku" — or -1 ("в
 * Министерстве", "в рамках Программы" name no place).
 */
export function placeAfter(toks: readonly Token[], j: number): number {
  if (!LOCATIVE.test(toks[j]!.text)) return -1;
  const named = (k: number) => toks[k]?.capitalized === true && !ORG_WORDS.test(toks[k]!.lower) && !ROLE_WORDS.test(toks[k]!.lower);
  // "in the Alatau district": past an English article.
  const at = /^(the|a|an)$/i.test(toks[j + 1]?.text ?? "") ? j + 1 : j;
  if (named(at + 1)) return at + 1;
  const noun = toks[at + 1];
  if (noun && !noun.capitalized && noun.script !== "digit" && !isStopword(noun.lower) && named(at + 2)) return at + 2;
  return -1;
}

/** A place where something happened: "в Баку", "in Washington" (not "в Министерстве"). */
function holdsPlace(s: SentenceView): boolean {
  for (let j = 0; j + 1 < s.toks.length; j++) if (placeAfter(s.toks, j) >= 0) return true;
  return false;
}

/** Someone speaking: a speech verb next to a name ("заявил Чокси"), not "как сообщили в Министерстве". */
function holdsStatement(s: SentenceView): boolean {
  const toks = s.toks;
  for (let j = 0; j < toks.length; j++) {
    if (!SPEECH_VERB.test(toks[j]!.lower)) continue;
    for (let k = Math.max(1, j - 4); k <= Math.min(toks.length - 1, j + 4); k++) {
      if (k !== j && s.isName(k) && !ORG_WORDS.test(toks[k]!.lower) && !LOCATIVE.test(toks[k - 1]!.text)) return true;
    }
  }
  return false;
}

function holdsOrg(s: SentenceView): boolean {
  if (s.types.has("org")) return true;
  const toks = s.toks;
  // The organisation's word with a name in it or next to it: "Мусульманской лиги", "совете (ГФС)", "Всеиндийской мусульманской лиги".
  for (let j = 1; j < toks.length; j++)
    if (ORG_WORDS.test(toks[j]!.lower) && [j, j + 1, j - 1, j - 2].some((k) => k > 0 && k < toks.length && s.isName(k))) return true;
  return false;
}

/** Names of the things asked for must stand right next to where they are mentioned. */
function holdsList(s: SentenceView): boolean {
  const toks = s.toks;
  const focus = s.listFocus ?? [];
  for (let j = 0; j < toks.length; j++) {
    const key = [...toks[j]!.lower].slice(0, 5).join("");
    if (!focus.some((p) => key.startsWith(p) || p.startsWith(key))) continue;
    for (let k = Math.max(1, j - 4); k <= Math.min(toks.length - 1, j + 4); k++) {
      if (k !== j && s.isName(k)) return true;
    }
    if (/[:«"]/.test(s.text.slice(toks[j]!.end, toks[j]!.end + 3))) return true;
  }
  return false;
}

const always = () => true;

/** One check per kind of fact: whether a sentence holds it. */
const FACT_CHECKS: Record<AnswerType, (s: SentenceView) => boolean> = {
  none: always,
  definition: always,
  count: holdsCount,
  amount: (s) => AMOUNT.test(s.text),
  duration: holdsDuration,
  date: holdsDate,
  person: holdsPerson,
  place: holdsPlace,
  // soft: titles are too many to list ("экономист", "граф"); ranked by roleBonus instead
  role: always,
  statement: holdsStatement,
  source: (s) => ATTRIBUTION.test(s.text),
  org: holdsOrg,
  list: holdsList,
};

/** Whether sentence `i` holds the kind of fact the question asks for. */
export function holdsType(index: LexicalIndex, i: number, type: AnswerType, listFocus?: string[]): boolean {
  const f = index.features[i]!;
  const toks = sentenceTokens(index, i);
  const view: SentenceView = {
    text: index.sentences[i]!.text,
    toks,
    types: f.types ?? new Set<string>(),
    typed: f.types !== undefined,
    isName: (j) => j > 0 && toks[j]!.capitalized && toks[j]!.script !== "digit" && toks[j]!.text.length > 1,
    listFocus,
  };
  return FACT_CHECKS[type](view);
}

function isHeadlineAndLead(index: LexicalIndex, a: number, b: number): boolean {
  const x = index.sentences[a]!;
  const y = index.sentences[b]!;
  return x.doc === y.doc && ((x.part === "title" && y.position === 1) || (y.part === "title" && x.position === 1));
}

/**
 * Reciprocal rank fusion of BM25's ranking and the vector index's (best first), as sentence
 * indexes best first: each list adds weight / (k + rank + 1), BM25's weight 1, the vectors'
 * `vectorWeight` (both in TUNING.gates, measured in bench/fusion.ts). Ties keep BM25's order.
 */
export function fuseRankings(
  lexical: readonly { i: number }[],
  vector: readonly { i: number }[],
  { rrfK, vectorWeight }: { rrfK: number; vectorWeight: number } = TUNING.gates,
): number[] {
  const fused = new Map<number, number>();
  for (const [r, h] of lexical.entries()) fused.set(h.i, (fused.get(h.i) ?? 0) + 1 / (rrfK + r + 1));
  for (const [r, h] of vector.entries()) fused.set(h.i, (fused.get(h.i) ?? 0) + vectorWeight / (rrfK + r + 1));
  return [...fused].sort((a, b) => b[1] - a[1]).map(([i]) => i);
}

// Sentences per document, counted once per index.
const docSizes = new WeakMap<LexicalIndex, Map<string, number>>();

/**
 * How much more than by chance BM25's best `top` sentences lie in the document of its best one:
 * their share in that document minus the document's share of the corpus. A question about an
 * article in the corpus draws its matches from that article; one about something else matches
 * words scattered over all of them. 0 with a single document (nothing to tell).
 */
export function documentFocus(index: LexicalIndex, hits: readonly { i: number }[], top = 10): number {
  const first = hits[0];
  if (!first) return 0;
  let sizes = docSizes.get(index);
  if (!sizes) {
    sizes = new Map();
    for (const s of index.sentences) sizes.set(s.doc, (sizes.get(s.doc) ?? 0) + 1);
    docSizes.set(index, sizes);
  }
  const doc = index.sentences[first.i]!.doc;
  const head = hits.slice(0, top);
  const share = head.filter((h) => index.sentences[h.i]!.doc === doc).length / head.length;
  return share - (sizes.get(doc) ?? 0) / index.sentences.length;
}

/** Each document's sentences: they are contiguous in the sentence table, [lo, hi). */
const docRanges = new WeakMap<LexicalIndex, Map<string, [number, number]>>();

function docRange(index: LexicalIndex, doc: string): [number, number] {
  let ranges = docRanges.get(index);
  if (!ranges) {
    ranges = new Map();
    for (const s of index.sentences) {
      const r = ranges.get(s.doc);
      if (r) r[1] = s.index + 1;
      else ranges.set(s.doc, [s.index, s.index + 1]);
    }
    docRanges.set(index, ranges);
  }
  return ranges.get(doc) ?? [0, 0];
}

/** How many of the ascending `ids` lie in [lo, hi). */
function countInRange(ids: Int32Array, lo: number, hi: number): number {
  const first = (v: number) => {
    let a = 0;
    let b = ids.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if (ids[m]! < v) a = m + 1;
      else b = m;
    }
    return a;
  };
  return first(hi) - first(lo);
}

/**
 * How much the question's concepts belong to the document of the best sentence: for each concept, the share of the corpus's sentences holding it that lie in that
 * document (0 for a concept the corpus lacks), averaged over the concepts. A question about an article in the corpus asks with
 * that article's words — its subject recurs there; one about an article left out finds each word
 * once here, once there. 0 with a single document (nothing to tell).
 */
export function conceptFocus(index: LexicalIndex, concepts: readonly Concept[], best: number | undefined): number {
  if (best === undefined || concepts.length === 0) return 0;
  const [lo, hi] = docRange(index, index.sentences[best]!.doc);
  if (hi - lo === index.sentences.length) return 0;
  let sum = 0;
  for (const c of concepts) {
    let inDoc = 0;
    let all = 0;
    for (const a of c.alternatives) {
      // The rarest word of a phrase bounds where the phrase can be.
      let here = Infinity;
      let total = Infinity;
      a.stems.forEach((stem, j) => {
        const ids = index.postings.get(stem)?.ids ?? (a.prefixes[j] ? index.prefixPostings.get(a.prefixes[j]!) : undefined);
        here = Math.min(here, ids ? countInRange(ids, lo, hi) : 0);
        total = Math.min(total, ids?.length ?? 0);
      });
      if (Number.isFinite(total)) {
        inDoc += here;
        all += total;
      }
    }
    if (all > 0) sum += inDoc / all;
  }
  return sum / concepts.length;
}

/** The fused candidates and their neighbours, so an answer split over two sentences is found. */
function candidatePool(index: LexicalIndex, fused: number[]): Set<number> {
  const pool = new Set<number>();
  for (const i of fused) {
    pool.add(i);
    if (index.prev[i]! >= 0) pool.add(index.prev[i]!);
    if (index.next[i]! >= 0) pool.add(index.next[i]!);
  }
  return pool;
}

/** Satisfaction of concept `k` by sentence `i`: how much of it sentence `i` holds. */
type SatisfactionOf = (k: number, i: number) => number;

/** The best credit a neighbour of sentence `i` gives concept `k` (same paragraph, or headline and lead). */
function neighbourSatisfaction(index: LexicalIndex, satOf: SatisfactionOf, k: number, i: number): number {
  let near = 0;
  for (const j of [index.prev[i]!, index.next[i]!]) {
    if (j < 0) continue;
    // Context comes from the same paragraph; the headline sums up the lead sentence, so
    // between those two it counts in full.
    const headline = isHeadlineAndLead(index, i, j);
    if (!headline && index.sentences[j]!.paragraph !== index.sentences[i]!.paragraph) continue;
    const credit = headline ? 1 : SCORING.neighbourCredit;
    near = Math.max(near, credit * satOf(k, j));
  }
  return near;
}

/** Concept weight in sentence `i` itself (`own`) and with its neighbours (`coverage`), as shares of `total`. */
function conceptCoverage(
  index: LexicalIndex,
  q: AnalyzedQuestion,
  satOf: SatisfactionOf,
  i: number,
  total: number,
): { own: number; coverage: number; hits: number } {
  let own = 0;
  let coverage = 0;
  let hits = 0;
  q.concepts.forEach((c, k) => {
    const here = satOf(k, i);
    if (here >= 0.99 && !c.inherited) hits++;
    const near = neighbourSatisfaction(index, satOf, k, i);
    own += c.weight * here;
    coverage += c.weight * Math.max(here, near);
  });
  return { own: own / total, coverage: coverage / total, hits };
}

/** `base` (the coverage terms) plus the lead bonus, background penalty, fusion rank, definition and role bonuses, added in this order. */
function sentenceScore(index: LexicalIndex, q: AnalyzedQuestion, i: number, r: number | undefined, base: number): number {
  const s = index.sentences[i]!;
  return (
    base +
    (s.position <= 1 ? SCORING.leadBonus : 0) -
    (BACKGROUND_OPENERS.test(s.text) ? SCORING.backgroundPenalty : 0) +
    (r === undefined ? 0 : SCORING.fusionWeight / (1 + r)) +
    (q.kind.type === "definition" && DEFINITION.test(s.text) ? SCORING.definitionBonus : 0) +
    (q.kind.type === "role" && (index.features[i]!.types?.has("role") || ROLE_WORDS.test(s.text)) ? SCORING.definitionBonus : 0)
  );
}

/** "Сколько компаний…": the concept of the counted noun, which the number must count ("31 компании"). */
function countedConcept(q: AnalyzedQuestion): Concept | undefined {
  if (q.kind.type !== "count") return undefined;
  return countNounConcepts(q.kind.countNoun, q.concepts).find((c) => c.known);
}

/** Kinds of fact that a sentence in the past or present tense answers for the future too. */
const PRESENT_ANSWERS = ["count", "amount", "duration", "person", "org", "role"];

/** Sets `typeOk`: the sentence holds the kind of fact, about the future when asked so, counting the asked noun. */
function checkType(index: LexicalIndex, q: AnalyzedQuestion, c: Candidate, noun: Concept | undefined): void {
  const s = index.sentences[c.i]!;
  c.typeOk = holdsType(index, c.i, q.kind.type, q.kind.listFocus);
  // "When will…", "where will…", "what will…": only a sentence about the future can answer. A count or an
  // amount stated today answers "how many doctors will work there" ("в штат вошли 54 врача").
  if (c.typeOk && q.kind.future && !PRESENT_ANSWERS.includes(q.kind.type))
    c.typeOk =
      q.kind.type === "date" ? holdsFutureDate(s.text, index.docDates.get(s.doc)) : speaksOfFuture(s.text, index.docDates.get(s.doc));
  if (c.typeOk && (noun || q.kind.countsPeople)) c.typeOk = numberCounts(index, c.i, noun);
}

/**
 * "How big is the lab?": of the type-checked sentences holding as much of the question as the best one,
 * those giving a number with a unit of size next to a word of the question ("Лаборатория площадью 640
 * квадратных метров") hold the fact, not a count ("18 научных сотрудников").
 */
function preferMeasured(index: LexicalIndex, q: AnalyzedQuestion, top: Candidate[]): void {
  if (!q.kind.measure) return;
  const typed = top.filter((c) => c.typeOk);
  const own = Math.max(0, ...typed.map((c) => c.own));
  const best = typed.filter((c) => c.own >= own - 1e-9);
  const stems = new Set(q.concepts.flatMap((c) => c.alternatives.flatMap((a) => a.stems)));
  const measured = best.filter((c) => measuresAsked(index.sentences[c.i]!.text, sentenceTokens(index, c.i), stems));
  if (measured.length > 0) for (const c of best) c.typeOk = measured.includes(c);
}

/**
 * A number with a unit of size within three words of a word of the question, in the same clause
 * ("Лаборатория площадью 640 квадратных метров"; not "манеж площадью 3 200 квадратных метров, трибуна…").
 */
function measuresAsked(text: string, toks: readonly Token[], stems: Set<string>): boolean {
  const asked = toks.flatMap((t, k) => (stems.has(stemWord(t.lower, t.script)) ? [k] : []));
  const oneClause = (a: number, b: number) => !/[,;:()—–]/u.test(text.slice(toks[Math.min(a, b)]!.end, toks[Math.max(a, b)]!.start));
  return toks.some((_t, j) => measuredAt(toks, j) && asked.some((k) => Math.abs(k - j) <= 3 && oneClause(j, k)));
}

/** A number with a unit of size after it ("640 квадратных метров", "12 km"), not a percent. */
export function measuredAt(toks: readonly Token[], j: number): boolean {
  const t = toks[j]!;
  if (t.script !== "digit" && !NUMBER_STEM.test(t.lower)) return false;
  for (let k = j + 1; k <= j + 3 && toks[k]; k++) {
    if (MEASURE_UNIT.test(toks[k]!.lower)) return !/^(процент|percent|faiz)/u.test(toks[k]!.lower);
    if (!SCALE_WORD.test(toks[k]!.lower) && toks[k]!.script !== "digit") return false;
  }
  return false;
}

/**
 * Scores candidate sentences. `fused` is the hybrid retrieval's ranking (best first);
 * neighbours of candidates are scored too, so an answer split over two sentences is found.
 */
export function scoreCandidates(index: LexicalIndex, q: AnalyzedQuestion, fused: number[]): Candidate[] {
  const total = q.concepts.reduce((a, c) => a + c.weight, 0) || 1;
  const rank = new Map<number, number>();
  for (const [r, i] of fused.entries()) rank.set(i, r);
  // Satisfaction of each concept by each sentence, computed once (neighbours reuse it).
  const sat = q.concepts.map(() => new Map<number, number>());
  const lookup = new SentenceLookup(index);
  const satOf: SatisfactionOf = (k, i) => {
    let v = sat[k]!.get(i);
    if (v === undefined) sat[k]!.set(i, (v = satisfaction(index, q.concepts[k]!, i, lookup)));
    return v;
  };
  const out: Candidate[] = [];
  for (const i of candidatePool(index, fused)) {
    const { own, coverage, hits } = conceptCoverage(index, q, satOf, i, total);
    const score = sentenceScore(index, q, i, rank.get(i), coverage + SCORING.ownWeight * own);
    out.push({ i, own, coverage, hits, score, typeOk: false });
  }
  out.sort((a, b) => b.score - a.score || a.i - b.i);
  // The type check (regexes) only for candidates that could be chosen.
  const top = out.slice(0, SCORING.typeCheckTop);
  const noun = countedConcept(q);
  for (const c of top) checkType(index, q, c, noun);
  preferMeasured(index, q, top);
  return top;
}

/**
 * The lead sentence: the best one holding the asked-for fact (`typed`) — unless the fact checks
 * missed a way of stating it, and a sentence that itself holds clearly more of the question
 * (SCORING.untypedLeadMargin of its concept weight), and more than `typed` does with its neighbours,
 * is the better lead (a headline "В Баку…" whose lead sentence names the meeting keeps the lead). Only for questions in the
 * corpus's language, whose words are the question's own, not dictionary translations that may
 * miss a form ("avtobusu" → "bus", not "buses").
 */
function chooseLead(index: LexicalIndex, q: AnalyzedQuestion, ranked: Candidate[], typed: Candidate): Candidate {
  if (!index.corpusLangs.has(q.lang)) return typed;
  const best = ranked.reduce((a, c) => (c.own > a.own ? c : a), typed);
  return best.own - typed.own > SCORING.untypedLeadMargin && best.coverage > typed.coverage ? best : typed;
}

/**
 * Whether `c`, next to the lead in its paragraph, joins the answer: at SCORING.adjacentRatio of the
 * lead's score when it carries evidence the lead lacks (`adds`: a concept; or the part of the lead's
 * coverage its own words fall short of, the rest being next door), else at plainAdjacentRatio.
 */
function neighbourJoins(index: LexicalIndex, lead: Candidate, c: Candidate, adds: boolean): boolean {
  const s = index.sentences[c.i]!;
  const nextToLead = index.prev[c.i] === lead.i || index.next[c.i] === lead.i;
  if (!nextToLead || s.paragraph !== index.sentences[lead.i]!.paragraph || s.part !== "body") return false;
  const evidence = adds || lead.own < lead.coverage;
  return c.score >= lead.score * (evidence ? SCORING.adjacentRatio : SCORING.plainAdjacentRatio);
}

/**
 * Picks the answer: the best sentence holding the asked-for fact first, then up to two
 * more that score nearly as well and add a concept, or that the lead refers back to.
 */
export function selectAnswer(index: LexicalIndex, q: AnalyzedQuestion, ranked: Candidate[]): number[] {
  const typed = ranked.filter((c) => c.typeOk);
  if (!typed[0]) return [];
  // The question's own words, not translations: its concept coverage can be trusted (chooseLead);
  // a translated one's may miss a form, so its neighbours join as if they added evidence.
  const ownWords = index.corpusLangs.has(q.lang);
  const lead = chooseLead(index, q, ranked, typed[0]);
  const picked = [lead.i];
  const lookup = new SentenceLookup(index);
  const coveredBy = (i: number) => new Set(q.concepts.filter((c) => satisfaction(index, c, i, lookup) >= 0.99).map((c) => c.label));
  const have = coveredBy(lead.i);
  // "Этот проект получил название…": cite the sentence it refers to.
  const prev = index.prev[lead.i]!;
  const leadSentence = index.sentences[lead.i]!;
  if (prev >= 0 && ANAPHORA_OPENERS.test(leadSentence.text) && index.sentences[prev]!.paragraph === leadSentence.paragraph)
    picked.push(prev);
  for (const c of typed.slice(1)) {
    if (picked.length >= SCORING.maxCitations) break;
    if (picked.includes(c.i) || c.score < lead.score * Math.min(SCORING.extraRatio, SCORING.adjacentRatio)) continue;
    // A close runner-up joins when it adds a concept, or when it continues the lead's
    // paragraph (the answer often sits in the sentence next to the one naming the subject).
    const s = index.sentences[c.i]!;
    // One answer quotes one article: sentences of another document are another story.
    if (s.doc !== leadSentence.doc) continue;
    // Background ("Отметим, что…") joins only a lead from the same paragraph.
    if (BACKGROUND_OPENERS.test(s.text) && s.paragraph !== leadSentence.paragraph) continue;
    const adds = [...coveredBy(c.i)].some((l) => !have.has(l));
    if (!(adds && c.score >= lead.score * SCORING.extraRatio) && !neighbourJoins(index, lead, c, adds || !ownWords)) continue;
    picked.push(c.i);
    for (const l of coveredBy(c.i)) have.add(l);
  }
  return picked;
}
