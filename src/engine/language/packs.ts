/**
 * Language packs: what the engine knows about each language as data. A pack's rules apply to
 * words of its own script (Cyrillic → ru; Latin → en and az). Adding a language is adding a pack.
 *
 * - `meta`: words about asking rather than about the event ("mentioned", "упоминался",
 *   "bəhs edir"). Matched by stem, so every inflected form is meta too.
 * - `colloquial`: chat fillers and particles ("чё", "вообще", "btw", "bəs").
 * - `followUp`: openers of a message that continues the previous question.
 * - `pronouns`: words that point back to something said before.
 * - `aboutArticle`: patterns of questions about an article as a whole ("what is it about?").
 * - `asks`: question words and what they ask for ("какой" → which, "harada" → where; a request to name
 *   or list something, "назовите…", "приведите пример…", asks what); a
 *   question without one asks whether, or about a topic ("TRIPP?", "Was investment discussed?").
 * - `naming`: verbs of naming after "how" ("как называется", "как зовут"): the question asks what.
 * - `indefinite`: particles that make a question word an indefinite pronoun ("что-нибудь", "кто-то"):
 *   "про возобновляемку что-нибудь было?" asks whether, not what.
 * - `relating`: words before a question word that make it ask how things relate ("при чём тут Трамп?").
 * - `several`: question words in the plural ("какие", "каких"): the question asks for several things.
 * - `nameIntro`: words that introduce the name of what stands before them ("работу под названием
 *   «Теория Земли»", "a report called …", "… adlı").
 * - `knownAs`: words that give another name with "как/as/kimi" after them ("известный как", "known as").
 * - `exampleIntro`: words opening examples of what precedes them ("в таких областях, как энергетика",
 *   "во многих отраслях, в частности…", "such as", "including", "kimi").
 * - `quantifiers`: words saying how many, not which ("во многих отраслях", "several", "bəzi"): a
 *   phrase they alone add to the question's noun names nothing.
 * - `spoken`: words as people type them in chat, with their written form («скока» → «сколько»,
 *   "wat" → "what", "uni" → "university"): the kind of fact asked for and the dictionary read those.
 */
import { editDistanceAtMostOne, ub } from "../lexicon.js";
import { enStem, ruStem } from "../text.js";
import { foldAz } from "./az.js";

export interface LanguagePack {
  lang: "ru" | "en" | "az";
  script: "cyrillic" | "latin";
  meta: string[];
  colloquial: string[];
  followUp: RegExp;
  pronouns: string[];
  aboutArticle: RegExp;
  /** Endings of verb forms: an unknown verb ("приезжали", "attended") says less than an unknown noun. */
  verbEnding: RegExp;
  /** Endings of adjective and participle forms (they stand before their noun: "Регионального центра"). */
  adjectiveEnding?: RegExp;
  /** A copula ending on a noun ("kilometrdir": is kilometres): with a known word before it, not a verb. */
  copula?: RegExp;
  /** A possessive ending ("əlaqəsi": its connection): right after a question word, with no possessor, it points back like a pronoun. */
  possessive?: RegExp;
  spoken: Record<string, string>;
  asks: Record<string, AskedFor>;
  /** Verbs of naming (prefixes): "как называется", "necə adlanır" ask what, not how. */
  naming: string[];
  /** Words introducing the name of what precedes them ("под названием", "called"). */
  nameIntro: string[];
  /** Words saying how many rather than which ("многих", "several", "bəzi"). */
  quantifiers: string[];
  /** Words giving another name with "как/as/kimi" after them ("известный как", "known as"). */
  knownAs: string[];
  /** Words opening examples of what precedes them ("как", "например", "в частности", "such as", "kimi"). */
  exampleIntro: string[];
  /** Particles after a question word that make it indefinite ("что-нибудь", "кто-то"). */
  indefinite: string[];
  /** Words before a question word that make it ask how something relates ("при чём"). */
  relating: string[];
  /** Question words in the plural: several things are asked for. */
  several: string[];
  /** Stems of one word whose forms come from different roots ("ребёнок" / "дети", "человек" / "люди"). */
  suppletive?: Record<string, string[]>;
  /** Words that count people in general ("сколько человек", "how many people"): beginnings of their forms. */
  personCounters: string[];
  /** A noun for people in the text ("148 шахматистов", "186 сотрудников", "30 000 жителей"): what a person counter counts. */
  personNoun: RegExp;
}

/** What a question word asks for. */
export type AskedFor = "what" | "which" | "who" | "where" | "when" | "why" | "how" | "howmany" | "whose";

/** "what: что чего" → { что: "what", чего: "what" }. */
function asking(spec: string): Record<string, AskedFor> {
  const out: Record<string, AskedFor> = {};
  for (const line of spec.trim().split(/\n/)) {
    const [cls, list] = line.split(":");
    for (const w of words(list ?? "")) out[w] = cls!.trim() as AskedFor;
  }
  return out;
}

const words = (s: string) => s.trim().split(/\s+/).filter(Boolean);

export const RU: LanguagePack = {
  lang: "ru",
  script: "cyrillic",
  meta: words(`упоминаться упоминался упоминалась упоминалось упоминались упомянуть упомянут упомянуто упоминание говориться
    говорилось говорится сообщаться сообщалось сообщается писаться пишут написано сказано указано указывается отмечается
    речь идти шла шел затрагиваться затрагивался затронут поднимался фигурировать фигурирует
    статья новость материал текст публикация сообщение заметка источник информация инфа данные
    рассказать расскажи скажи подскажи объясни уточни напомни интересно интересует хотел хотела хотелось узнать знать
    подсказать пожалуйста спасибо здравствуйте привет добрый день вечер уважаемый уважаемые извините простите
    вопрос ответ ответить помочь помогите писать пишу эссе работа курсовая реферат доклад назад
    перечислить перечислены перечисляются назвать названы приводятся приведены
    находится находятся расположен расположена расположено расположены располагается`),
  colloquial: words(`скока скоко скок шо чо чё че ну вот типа короче блин вообще щас кста кстати вроде как бы ли разве неужели ага ок окей
    просто ещё еще тоже также там тут это этот эта эти того тогда такой такое такая такие вообще-то собственно`),
  followUp: ub(
    /^(а|и|ну|ещё|еще|также|тоже|а ещё|а еще|а что|а кто|а где|а когда|а сколько|а какие|а какой|подробнее|расскажи подробнее|и что|что ещё|что еще)\b/u,
  ),
  spoken: {
    скока: "сколько",
    скоко: "сколько",
    скок: "сколько",
    сколька: "сколько",
    скольк: "сколько",
    сколко: "сколько",
    скольки: "сколько",
    скольких: "сколько",
    скольким: "сколько",
    сколькими: "сколько",
    чё: "что",
    че: "что",
    чо: "что",
    шо: "что",
    када: "когда",
    кагда: "когда",
  },
  asks: asking(`what: что чего чему чем назовите назови перечислите перечисли приведите приведи укажите укажи
    which: какой какая какое какие каком какого каких какую каким какими какому каков какова каково каковы
    who: кто кого кому кем ком
    where: где куда откуда
    when: когда
    why: почему зачем отчего
    how: как каким-образом насколько
    howmany: сколько
    whose: чей чья чье чьи чьего чьей чьему чьим чьем чьём чью чьих чьими`),
  naming: words(`называ назван именуе зову зовут звал`),
  nameIntro: words(`названием именем имени`),
  exampleIntro: words(`как включая например частности`),
  knownAs: words(
    `известный известная известное известные известного известной известном известным известных известен известна известно известны`,
  ),
  quantifiers: words(`многих многие многим многими много некоторых некоторые некоторым разных разные различных различные других другие
    всех все нескольких несколько`),
  indefinite: words(`нибудь либо то`),
  relating: words(`при`),
  several: words(`какие каких какими каковы чьи чьих чьими`),
  personCounters: words(`человек люд`),
  suppletive: {
    ребенок: ["дет"],
    ребенк: ["дет"],
    ребёнок: ["дет"],
    ребёнк: ["дет"],
    дет: ["ребенок", "ребенк"],
    человек: ["люд"],
    люд: ["человек"],
    // «день»: Snowball leaves its forms apart ("ден", "дня", "дне", "дням").
    ден: ["дня", "дне", "дням", "дню", "днем", "днях", "днями"],
    дня: ["ден", "дне", "дням"],
    дне: ["ден", "дня", "дням"],
  },
  personNoun:
    /^(люд|человек|дет(и|ей|ям|ьми|ях)$|ребён|ребен|граждан|сотрудник|поэт|корол|цар(ь|я|ю|ем|и|ей)$|лидер|квотербек|акт[её]р|композитор|автор|министр|генерал|император|архитектор|тренер|капитан|персонаж|певец|певиц|монах|епископ|специалист|врач|медсестр|уч[её]н(ый|ые|ых|ым|ыми)$|студент|школьник|гост(ь|я|и|ей|ям|ями)$|член|депутат|делегат|солдат|военнослужащ|пациент|пассажир|турист|беженц|мигрант|волонтёр|волонтер|эксперт|инженер|рабоч|гроссмейстер|спортсмен|игрок|\p{L}{2,}(тел|ист|ник|щик|чик|ант|ент)(ь|я|ей|ям|ями|ях|ю|е|и|а|ов|ам|ами|ах|ы|ом)?$)/u,
  verbEnding:
    /(ал|ала|али|ало|ил|ила|или|ило|ел|ела|ели|ял|яла|яли|шла|шли|шло|шёл|ыл|ыла|ыли|ыло|нул|нула|нули|нуло|ылся|ылась|ылись|улся|улась|улись|елся|елась|елись|ялся|ялась|ялись|езли|езла|езло|если|есла|огли|огла|огло|ать|ять|ить|еть|уть|ет|ют|ут|ит|ят|ает|яет|ется|ются|ится|ятся|ался|алась|ались|ился|илась|ились)$/u,
  // The prepositional "-ом" only after an adjective's suffix ("государственном", "Лянкяранском"; not "районом").
  adjectiveEnding: /\p{L}{2,}(ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ую|юю|ых|их|ыми|ими|(ск|цк|[^аеёиоуыэюя]н)ом)$/u,
  pronouns: words(
    `он она оно они его её ее их ему ей им них нём нем ней ним нею тот та те того той тех этот эта это эти этого этой этих там туда тогда такой`,
  ),
  aboutArticle: ub(
    /(о ч[её]м (эта |эт[ао] |вообще )?(стать|новост|текст|материал|публикац|сообщени|речь)|о ч[её]м (она|он|там|речь)\b|(кратко|вкратце|коротко|в двух словах|в одной фразе|одной строкой|в одном предложении)|(перескажи|резюмируй|суммируй|суть|главное|основн\S* мысл|основн\S* тем)|что (там )?(пишут|написано|произошло|случилось)\??$)/u,
  ),
};

export const EN: LanguagePack = {
  lang: "en",
  script: "latin",
  meta: words(`mention mentioned mentions mentioning say said says tell told 
    article story news piece text report reported write written publication post item source info information detail details
    explain please thanks thank hello hi hey dear writing essay homework wonder wondering curious know knowing like would want
    question answer help agenda raise raised come came bring brought cover covered list listed name named
    else besides exactly precisely long average approximately roughly one ones like any ago located situated`),
  colloquial:
    words(`btw abt bc cuz coz u ur r ppl pls plz thx ty imo idk smth sth ok okay so well just actually basically like um uh hmm pls plz thx also too yeah yes no exactly really
    anything something stuff thing things gonna wanna kinda sorta`),
  followUp: ub(
    /^(and|also|what about|how about|and what|and who|and when|and where|and how|tell me more|more|anything else|what else|ok and|so)\b/u,
  ),
  spoken: {
    kids: "children",
    kid: "child",
    uni: "university",
    lab: "laboratory",
    govt: "government",
    gov: "government",
    dept: "department",
    intl: "international",
    tech: "technology",
    rehab: "rehabilitation",
    biz: "business",
    econ: "economy",
    ceo: "executive",
    ppl: "people",
    max: "maximum",
    min: "minimum",
    ceos: "executives",
    approx: "approximately",
    "1st": "first",
    "2nd": "second",
    "3rd": "third",
    "4th": "fourth",
    "5th": "fifth",
    wat: "what",
    wht: "what",
    whats: "what",
    hw: "how",
    whn: "when",
    wen: "when",
    whr: "where",
    wher: "where",
    whos: "who",
    hou: "how",
  },
  asks: asking(`what: what
    which: which
    who: who whom
    where: where
    when: when
    why: why
    how: how
    whose: whose`),
  naming: words(`called named`),
  nameIntro: words(`called named titled entitled`),
  exampleIntro: words(`such including like particular`),
  knownAs: words(`known`),
  quantifiers: words(`many several some other others various all few`),
  indefinite: [],
  relating: [],
  several: [],
  personCounters: words(`people person`),
  personNoun:
    /^(people|persons?|residents?|citizens?|child|children|kids?|students?|pupils?|workers?|employees?|staff|participants?|players?|athletes?|visitors?|tourists?|passengers?|patients?|doctors?|nurses?|scientists?|researchers?|teachers?|members?|delegates?|soldiers?|migrants?|refugees?|volunteers?|spectators?|guests?|specialists?|experts?|engineers?|grandmasters?|drivers?|pilots?|officers?|officials?|farmers?|fans?|viewers?|users?|customers?|clients?|policemen|nurses?|\p{L}{3,}(ists?|ians?))$/u,
  verbEnding:
    /(ed|ing)$|^(came|went|met|led|took|gave|made|told|said|held|spoke|saw|brought|sent|left|got|did|does|do|go|come|take|make|give|say|tell|hold|bring|send|see|get|put)$/u,
  pronouns: words(`he she it they him her them his hers its their theirs this that these those there then`),
  aboutArticle: ub(
    /(what('s| is| was)? (the |this |that )?(article|story|news|piece|text|report|post)( \S+)? about|what (is|was) (it|this) about|\b(summari[sz]e|summary|sum up|tl;?dr|gist|in (one|a) (line|sentence|word)|main (point|idea|topic)s?|key points?|in short|briefly)\b|what happened\??$|what('s| is) (the )?news\??$)/u,
  ),
};

export const AZ: LanguagePack = {
  lang: "az",
  script: "latin",
  meta: words(`qeyd olunur olunub edilir edilib bəhs edir edilmişdir deyilir deyilib bildirilir bildirilib söylənilir
    məqalə məqalədə xəbər xəbərdə xəbərin mətn mətndə yazı yazıda məlumat mənbə
    olundu olunurdu yerləşir yerləşən yerləşib
    məsələ məsələsi məsələlər mövzu mövzusu say sayı sayda zəhmət olmasa xahiş salam təşəkkür sağ ol deyin de izah söylə bilmək istəyirəm maraqlıdır sual cavab`),
  colloquial: words(`bəs yəni axı ki hə yox ok hm belə elə indi onda sonra həm də da də artıq lap yaxşı`),
  followUp: ub(/^(bəs|bes|və|ve|həm də|hem de|daha|başqa|basqa|bir də|bir de|o zaman|onda)\b/u),
  spoken: {},
  asks: asking(`what: nə ne nədir nedir
    which: hansı hansi hansını hansini
    who: kim kimi kimə kime kimlə kimle kimdir kimin
    where: harada harda haraya hara haradan
    why: niyə niye nəyə neye
    how: necə
    howmany: neçə nece`),
  naming: words(`adlan adlandır`),
  nameIntro: words(`adlı adli`),
  exampleIntro: words(`kimi xüsusilə xususile`),
  knownAs: words(`tanınan tanınır tanınmış`),
  quantifiers: words(`bəzi bezi digər diger müxtəlif muxtelif bütün butun çox cox`),
  indefinite: [],
  relating: [],
  several: [],
  personCounters: words(`nəfər nefer adam insan`),
  personNoun:
    /^(nəfər|nefer|adam|insan|uşaq|usaq|işçi|isci|sakin|vətəndaş|vetendas|tələbə|telebe|şagird|sagird|həkim|hekim|alim|turist|qonaq|üzv|uzv|əsgər|esger|\p{L}{3,}(çı|çi|çu|çü|ci|cu|ist))(lar|lər|ler)?(ı|i|u|ü|ın|in|un|ün)?$/u,
  verbEnding:
    /(dı|di|du|dü|ıb|ib|ub|üb|mış|miş|muş|müş|mis|mus|acaq|əcək|ecek|maq|mək|mek|dımı|dimi|dümü|dumu|ılıb|ilib|ulub|ülüb|ıldı|ildi|uldu|üldü|nıb|nib|nub|nüb|ndı|ndi|ndu|ndü|y[ıiuü]r)$|(dı|di|du|dü|ıb|ib|ub|üb|mış|miş|muş|müş|mis|mus|acaq|əcək|ecek|y[ıiuü]r)(lar|lər|ler)$|^\p{L}{5,}(ır|ir|ur|ür)$/u,
  copula: /(d|t)(ı|i|u|ü)r$/u,
  possessive: /\p{L}{2,}[aeəıiouöü]s[ıiuü]$/u,
  pronouns: words(`o onu onun ona onlar onları onların onlara bu bunu bunun buna həmin orada orda`),
  aboutArticle: ub(
    /((xəbər|xeber|məqalə|meqale|mətn|metn|yazı|yazi)\S* (nə|ne)(dən|den|dan) (bəhs|behs)|(xəbər|xeber|məqalə|meqale|mətn|metn|yazı|yazi)\S* (nə|ne) (haqqında|haqqinda|barədə|barede)\S*|(nə|ne)(dən|den) (bəhs|behs) (edir|olunur)|qısaca|qisaca|xülasə|xulase|əsas (mövzu|fikir)|esas (movzu|fikir)|bir cümlə(də)?|bir cumle(de)?)/u,
  ),
};

export const PACKS: readonly LanguagePack[] = [RU, EN, AZ];

/** A coarse stem for pack matching: Snowball for ru/en, diacritic-folded 5-letter prefix for az. */
export function packStem(word: string, lang: LanguagePack["lang"]): string {
  const w = word.toLowerCase().replace(/ё/g, "е");
  if (lang === "az") return [...foldAz(w)].slice(0, 5).join("");
  return lang === "ru" ? ruStem(w) : enStem(w);
}

const metaStems = new Map<string, Set<string>>(PACKS.map((p) => [p.lang, new Set(p.meta.map((w) => packStem(w, p.lang)))]));

/** Snowball is not always consistent ("материал" → "материа", "материале" → "материал"): one letter more or less is the same stem. */
function hasStem(set: Set<string>, stem: string): boolean {
  return (
    set.has(stem) ||
    (stem.length >= 5 &&
      (set.has(stem.slice(0, -1)) || [...set].some((m) => m.length >= 5 && m.length === stem.length + 1 && m.startsWith(stem))))
  );
}
const colloquial = new Map<string, Set<string>>(PACKS.map((p) => [p.lang, new Set(p.colloquial.map((w) => w.toLowerCase()))]));
const pronouns = new Map<string, Set<string>>(PACKS.map((p) => [p.lang, new Set(p.pronouns)]));

/** The packs that apply to a word, by its script (a Latin word may be English or Azerbaijani). */
export function packsFor(script: string): readonly LanguagePack[] {
  if (script === "cyrillic") return [RU];
  if (script === "latin") return [EN, AZ];
  return [];
}

/** Whether a word carries no content in any pack of its script: meta, filler or particle. */
export function isMetaWord(lower: string, script: string): boolean {
  for (const p of packsFor(script)) {
    if (colloquial.get(p.lang)!.has(lower)) return true;
    if (hasStem(metaStems.get(p.lang)!, packStem(lower, p.lang))) return true;
  }
  return false;
}

/** Whether a word looks like a verb form in a pack of its script. */
export function looksLikeVerb(lower: string, script: string): boolean {
  return packsFor(script).some((p) => p.verbEnding.test(lower));
}

/** The word before a copula ending ("kilometrdir" → "kilometr"), for the caller to look up; undefined without one. */
export function copulaBase(lower: string, script: string): string | undefined {
  for (const p of packsFor(script)) {
    const m = p.copula?.exec(lower);
    if (m && m.index >= 3) return lower.slice(0, m.index);
  }
  return undefined;
}

/** "Naxçıvanla nə əlaqəsi var?", "neçə işçisi var?": word `i` has a possessive ending and a question word (or nothing) before it — "its …". */
export function impliesPossessor(tokens: readonly { lower: string; script: string }[], i: number): boolean {
  const t = tokens[i]!;
  const before = tokens[i - 1]?.lower;
  return packsFor(t.script).some((p) => p.possessive?.test(t.lower) && (before === undefined || p.asks[before] !== undefined));
}

/** Whether a word points back to an earlier message ("they", "их", "onun"). */
export function isPronoun(lower: string, script: string): boolean {
  return packsFor(script).some((p) => pronouns.get(p.lang)!.has(lower));
}

/** Whether a message opens as a continuation of the previous question ("а сколько…", "and who…", "bəs…"). */
export function opensFollowUp(normalized: string): boolean {
  return PACKS.some((p) => p.followUp.test(normalized));
}

/**
 * Where a message asks about an article as a whole ("what is the article about?", "кратко"):
 * the span of the request in the normalised text, or undefined.
 */
export function aboutArticleSpan(normalized: string): [number, number] | undefined {
  for (const p of PACKS) {
    const m = p.aboutArticle.exec(normalized);
    if (m) return [m.index, m.index + m[0].length];
  }
  return undefined;
}

const spoken = new Map<string, string>(PACKS.flatMap((p) => Object.entries(p.spoken)));

/**
 * The written form of a question word typed as spoken («скока» → «сколько») or with one letter wrong
 * («сколко», «почиму»: Cyrillic words of six letters or more), or the word itself.
 */
export function writtenForm(lower: string): string {
  return spoken.get(lower) ?? misspelled(lower) ?? lower;
}

const asks = new Map<string, AskedFor>(PACKS.flatMap((p) => Object.entries(p.asks)));
/** Long Cyrillic question words, whose one-letter typos are no other word. */
const LONG_QUESTION_WORDS = [...asks.keys()].filter((w) => w.length >= 6 && /^\p{Script=Cyrillic}+$/u.test(w));
const typos = new Map<string, string | undefined>();

function misspelled(lower: string): string | undefined {
  if (lower.length < 6 || asks.has(lower) || !/^\p{Script=Cyrillic}+$/u.test(lower)) return undefined;
  if (!typos.has(lower))
    typos.set(
      lower,
      LONG_QUESTION_WORDS.find((w) => editDistanceAtMostOne(lower, w)),
    );
  return typos.get(lower);
}

const naming = PACKS.flatMap((p) => p.naming);

/** Whether a word is a verb of naming or one of its forms ("называют", "называемой", "called", "adlanır"). */
export const isNamingWord = (lower: string) => naming.some((n) => lower.startsWith(n));

const knownAs = new Set(PACKS.flatMap((p) => p.knownAs));

/** Whether a word gives another name with "как/as/kimi" after it ("известный как", "known as"). */
export const givesOtherName = (lower: string) => knownAs.has(lower);

const indefinite = new Set(PACKS.flatMap((p) => p.indefinite));
const relating = new Set(PACKS.flatMap((p) => p.relating));

/** The position of the first question word of the text, or -1 ("что-нибудь" is none). */
export function questionWordAt(words: readonly string[]): number {
  return words.findIndex((w, k) => asks.has(writtenForm(w)) && !indefinite.has(words[k + 1] ?? ""));
}

const several = new Set(PACKS.flatMap((p) => p.several));

/** Whether the question word of the text is a plural one ("из каких районов…"): it asks for several things. */
export function asksSeveral(words: readonly string[]): boolean {
  const k = questionWordAt(words);
  return k >= 0 && several.has(writtenForm(words[k]!));
}

/** What the first question word of the text asks for, or undefined (a yes/no or topic question). */
export function askedFor(words: readonly string[]): AskedFor | undefined {
  const k = questionWordAt(words);
  if (k < 0) return undefined;
  const a = asks.get(writtenForm(words[k]!))!;
  // "как называется…", "как зовут…", "как ещё / изначально / в Германии называются…": a name is asked for.
  const next = words.slice(k + 1, k + 4);
  if (a === "how" && next.some((w) => naming.some((n) => w.startsWith(n)))) return "what";
  // "при чём тут Трамп?": how he is related, not what.
  if (a === "what" && relating.has(words[k - 1] ?? "")) return "how";
  return a;
}

const nameIntro = new Set(PACKS.flatMap((p) => p.nameIntro));
const quantifiers = new Set(PACKS.flatMap((p) => p.quantifiers));
const exampleIntro = new Set(PACKS.flatMap((p) => p.exampleIntro));

/** Whether a word opens examples of what precedes it ("как", "например", "частности", "such", "kimi"). */
export const opensExample = (lower: string) => exampleIntro.has(lower);

/** Whether a word introduces the name of what precedes it ("названием", "called", "adlı"). */
export const introducesName = (lower: string) => nameIntro.has(lower);

/** Whether a word says how many rather than which ("многих", "several", "bəzi"). */
export const isQuantifier = (lower: string) => quantifiers.has(lower);

/** Whether a counted word counts people in general ("человек", "people", "nəfər"), in a pack of its script. */
export function isPersonCounter(lower: string, script: string = /\p{Script=Cyrillic}/u.test(lower) ? "cyrillic" : "latin"): boolean {
  return packsFor(script).some((p) => p.personCounters.some((w) => lower.startsWith(w)));
}

/** Whether a word of the text names people ("шахматистов", "employees", "işçilər"), in a pack of its script. */
export function namesPeople(lower: string, script: string): boolean {
  return packsFor(script).some((p) => p.personNoun.test(lower));
}

/** The stems of the same word from its other root, in a pack of the script ("ребенк" → "дет"). */
export function suppletiveStems(stem: string, script: string): string[] {
  return packsFor(script).flatMap((p) => p.suppletive?.[stem] ?? []);
}

/** Whether a word has the ending of an adjective or participle in a pack of its script ("Регионального"). */
export function looksLikeAdjective(lower: string, script: string): boolean {
  return packsFor(script).some((p) => p.adjectiveEnding?.test(lower) === true);
}
