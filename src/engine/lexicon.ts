/**
 * Language data for question analysis in Russian, English and Azerbaijani: function words,
 * question words and the kind of fact they ask for, light verbs and meta words that carry
 * no content, and the patterns of messages that are not questions about the corpus.
 * Words are lower-case; matching is on whole words (Russian/English) or on 5-letter
 * prefixes where noted.
 */

const words = (s: string) => s.trim().split(/\s+/);

const RU_STOP = words(`
и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее её мне было вот от меня еще ещё нет о об из ему
теперь когда даже ну вдруг ли если уже или ни быть был была были было будет будут бывает него до вас нибудь опять уж вам ведь там потом себя
ничего ей может они тут где есть надо ней для мы тебя их чем сам чтобы без будто чего раз тоже себе под жизнь ж тогда кто этот этого
какой какая какое какие каком какую каких какого какому каким какими который которая которое которые которой которого котором которых
совсем ним здесь этом один почти мой тем чтобы нее сейчас куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через
эти нас про всего них много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между
это эта сколько насколько почему откуда чей чья чье чьи как каков какова каковы ли либо также же
являлся являлась являлись является являются являться состоялся состоялась состоялось состоялись состоится состоятся состоялся
прошел прошла прошло прошли проходил проходила проходило проходили пройдет проводил проводилась проводилось проводились провели проведен проведена
случилось произошло произошла произошел происходило упоминается упоминаются упомянут упомянута упомянуто упомянуты говорится сказано сообщается
известно написано расскажи расскажите скажи скажите подскажи подскажите объясни объясните назови назовите перечисли перечислите
статья статье статьи статью текст тексте текста новость новости новостях документ документе источник источнике согласно пожалуйста
именно вообще примерно всего итак значит было ли имел имела имело имели имеет
`);

/**
 * The verbs of a length of time or a price ("сколько длилось", "сколько стоила"): phrasing of the
 * question's kind, not words to find («стоила» is no «стала»). Not function words: their one-letter
 * neighbours («строили», «строит») are content.
 */
const KIND_VERBS = new Set(words(`длился длилась длилось длились длится длятся длиться стоит стоил стоила стоило стоили стоить стоят`));

export function isKindVerb(lower: string): boolean {
  return KIND_VERBS.has(lower);
}

const EN_STOP = words(`
a an the and or but if of at by for with about against between into through during before after above below to from up down in out on off over under since until
again further then once here there all any both each few more most other some such no nor not only own same so than too very can will just should now
i me my we our you your he him his she her it its they them their what which who whom whose this that these those am is are was were be been being
have has had having do does did doing would could might must shall may also as how when where why whether
happen happened happens occur occurred take took taken taking place held hold holds mention mentioned mentions say said says tell told describe described
article text news story document source according please know known write written report reported part
`);

const AZ_STOP = words(`
və ilə da də bu o bir nə hansı hansılar necə niyə nəyə kim kimi kimə kimin kimlə kimdir kimlər harada hara haradan haraya nə zaman vaxt haçan neçə neçənci
üçün ki mi mı mu mü dir dır dur dür idi imiş olub oldu olur olan olmuş olmaq edib edildi etdi etmək edir edilir edilib keçirilib keçirildi keçirilən keçirilir
baş tutub tutdu qeyd olunur olunub bəhs haqqında barədə ilə amma lakin isə hər heç çox az daha ən belə elə həm həmçinin artıq yalnız sadəcə
məqalə məqalədə xəbər xəbərdə mətn mətndə deyilir bildirilir söylənilir zəhmət olmasa
üzrə görə qədər sonra əvvəl arasında var yox idi ola olar olacaq olunan olunmuş edən edilən etmiş barəsində dair aid
orada orda burada burda ora bura oraya buraya oradan buradan bilər bilir bilərlər bilərmi bilərəm bilərik
`);

// Question phrasing that carries no content of its own.
const PHRASING = words(`
кем чем кого кому такое таков такова зовут звать тема теме темы вопрос вопросе контекст контексте связи смысле рамках речь идет идёт шла
вместе вообще целом примерно точно именно конкретно ходе время какое-то
many much context framework within among regarding concerning respect terms matter topic regard kind sort type exactly specifically
come came comes from give gave given get got make made thing things something anything mean means meant stand stands involved involve
нужен нужна нужно нужны needed full cover covers covered remit
имя имени фамилия дата дату даты name names date dates ad adı adları tarix tarixdə
пост должность должности должностью титул position title vəzifə vəzifəsi vəzifədə занимает занимал занимала занимали занимать
сказал сказала сказали заявил заявила заявили говорил говорила говорили заявление заявления statement dedi deyib söylədi söyləyib
поднимался поднималась поднималось поднимались поднимали затрагивался затрагивалась затрагивались затрагивали затронута затронут
приехал приехала приехало приехали прибыл прибыла прибыло прибыли посетил посетила посетили
raised raise touched addressed arrive arrived visited visit
ın in un ün nın nin nun nün da də dan dən ya yə la lə ci cı cu cü
məlumat verib verilib verilir kontekstdə kontekst mövzu mövzusunda barəsində çərçivəsində haqda nədən nədir nəyi nələr hansıdır
`);

/**
 * Nouns that name the kind of answer after a question word ("в каком году", "which country",
 * "hansı şəhərdə"): phrasing there, content elsewhere ("сколько стран участвует", "the city's budget").
 */
const ANSWER_CLASS = new Set(
  words(`
организация организации организацию организаций город города городе городами стране страна страны стран место места года году год
число числа денег деньги деньгами
organization organisation organizations organisations city cities country countries place places year years day days month months
person persons money
təşkilat təşkilatı təşkilatının təşkilatdan şəhər şəhərdə şəhərlər ölkə ölkələr yer yerdə il ildə gün pul pula pulu
`),
);

/** Units of time as the kind of answer after "сколько/how many/neçə" ("сколько лет", "how many days"): a length of time is asked. */
const TIME_CLASS = new Set(words(`лет дней месяцев недель часов минут years days months weeks hours minutes il gün ay həftə saat dəqiqə`));

export function isTimeUnitWord(lower: string): boolean {
  return TIME_CLASS.has(lower);
}

/** Money as the kind of answer: after "сколько/neçə" too ("сколько денег", "neçə pula"). */
const MONEY_CLASS = new Set(words(`денег деньги деньгами money pul pula pulu`));

export function isMoneyWord(lower: string): boolean {
  return MONEY_CLASS.has(lower);
}

/** Adjectives of degree after "how" ("how big", "how long"): they ask for a measure, not about bigness. */
const DEGREE_AFTER_HOW = new Set(words(`big large long far old much many tall high wide deep often soon fast heavy expensive`));

/** Whether a word says what "how" measures ("how big"): phrasing right after it. */
export function isDegreeWord(lower: string): boolean {
  return DEGREE_AFTER_HOW.has(lower);
}

/** Whether a word names the kind of answer ("году", "country"): phrasing right after a question word. */
export function isAnswerClassWord(lower: string): boolean {
  return ANSWER_CLASS.has(lower);
}

const STOP = new Set([...RU_STOP, ...EN_STOP, ...AZ_STOP, ...PHRASING]);
/** Every function, question and phrasing word of ru/en/az. */
export const STOPWORDS: ReadonlySet<string> = STOP;
const STOP_BY_LENGTH = new Map<number, string[]>();
for (const w of STOP) if (w.length >= 5) STOP_BY_LENGTH.set(w.length, [...(STOP_BY_LENGTH.get(w.length) ?? []), w]);

/** A misspelt function word (one letter missing, extra or changed): "betwen", "whrere". */
export function isStopwordTypo(lower: string): boolean {
  if (lower.length < 4) return false;
  // A four-letter word is checked only as a five-letter function word missing a letter ("wich").
  for (const n of lower.length === 4 ? [5] : [lower.length - 1, lower.length, lower.length + 1]) {
    for (const w of STOP_BY_LENGTH.get(n) ?? []) if (editDistanceAtMostOne(lower, w)) return true;
  }
  return false;
}

/** Whether two words differ by at most one letter inserted, deleted or replaced. */
export function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** True for function words, question words, light verbs and meta words of ru/en/az. */
export function isStopword(lower: string): boolean {
  return STOP.has(lower) || (lower.length === 1 && !/\d/.test(lower));
}

/**
 * The letters and digits of the scripts the packs read (Latin with its extensions and the IPA block's
 * "ə", Greek, Cyrillic): `\p{L}\p{N}` in each of dozens of boundaries made V8 compile the cue patterns
 * for ~100 ms at every start (a one-question CLI's largest cost); this class compiles in a millisecond.
 * Letters of other scripts count as boundaries, which no pack's word touches.
 */
const WORD_CHARS =
  "0-9A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02AF\\u0370-\\u03FF\\u0400-\\u052F\\u1E00-\\u1EFF";

/**
 * Makes `\b` in a pattern a word boundary for Cyrillic and accented Latin too (JavaScript's `\b` only
 * knows ASCII letters, so `\bкто\b` would never match) and adds the `u` flag.
 */
export function ub(re: RegExp): RegExp {
  // A \b before a word becomes "no letter before", after a word "no letter after".
  const src = re.source.replace(/\\b/g, (_m, at: number, whole: string) => {
    const before = whole.slice(0, at);
    const next = whole[at + 2] ?? "";
    const start = before === "" || /(\(\?:|[(|^ ]|\\s[+*]?)$/.test(before) || (/[}*+?]$/.test(before) && /^[([\\\p{L}]/u.test(next));
    return start ? `(?<![${WORD_CHARS}])` : `(?![${WORD_CHARS}])`;
  });
  return new RegExp(src, re.flags.includes("u") ? re.flags : `${re.flags}u`);
}

/** Words comparing a figure with another ("на 12% больше", "тяжелее", "5% more", "10 faiz çox"); Russian also by the ending -ее. */
const COMPARATIVE_RU = "больше|меньше|выше|ниже|дороже|дешевле|старше|моложе|короче|\\p{L}{3,}[еe]е";
const COMPARATIVE_EN = "more|less|fewer|higher|lower|bigger|smaller|longer|shorter|heavier|lighter";
export const COMPARATIVE = new RegExp(`^(${COMPARATIVE_RU}|${COMPARATIVE_EN}|çox|az|artıq)$`, "u");
/** A question for the size of a difference: "by how much", "how much higher", «насколько … тяжелее». */
const ASKS_DIFFERENCE = ub(
  new RegExp(`\\bby how much\\b|\\bhow much (${COMPARATIVE_EN})\\b|\\bнасколько( \\S+){0,2} (${COMPARATIVE_RU})\\b`),
);

/** The kind of fact a question asks for; each kind needs a matching piece of evidence. */
export type AnswerType =
  | "count"
  | "amount"
  | "duration"
  | "date"
  | "person"
  | "place"
  | "org"
  | "role"
  | "statement"
  | "source"
  | "list"
  | "definition"
  | "none";

// Cues are regexes over the normalised question (lower-case, ё→е).
const CUES: [Exclude<AnswerType, "none" | "list">, RegExp][] = [
  [
    "definition",
    ub(
      /^(что так(ое|ой|ая)|кто так(ой|ая|ие)|что значит|что означает|what (is|are|does) (the )?\S+( \S+)?( stand for| mean)?\??$|what is meant by|\S+ nədir\??$|\S+ nə deməkdir)/,
    ),
  ],
  [
    "amount",
    ub(
      /(объ[её]м|сумм|стоимост|\bстои(т|л|ла|ли|ло|ть)\b|обош(ел|ёл|лась|лось|лись)|обойд|\bcosts?\b|how much (money|did|does|will|is|was)|бюджет|\bцен[аыу]\b|\bденьг|\bденег|долл|манат|\bевро\b|миллиард|миллион|млрд|\bмлн\b|\bamount|how much|\bcost|\bvalue\b|budget|\bprice|money|dollar|billion|million|\bsum\b|məbləğ|həcm|nə qədər|dəyər|qiymət|\bpul(a|u|un|da|dan)?\b|neçəyə|başa gəl|basa gel|dollar|milyard|milyon)/,
    ),
  ],
  [
    "role",
    ub(
      /(как(ой|ую|ова) (пост|должност|титул)|в какой должности|кем (он|она)?\s*(работает|является|был|была)|\bwhat (position|title|post|job)\b|which (position|title|post)|\bwhat is (his|her|\S+'s)( full| official| exact)? (role|title|position|job)|hansı vəzifə|vəzifəsi nədir|vəzifəsi)/,
    ),
  ],
  // What one named person said (singular verbs): "что заявил Чокси", "what did Choksi say"; not "что говорили о…".
  [
    "statement",
    ub(
      /(что (он|она)?\s*(сказал|заявил|говорил|сообщил|подчеркнул|пообещал|ответил|отметил|прокомментировал)а?\s+\S|^\S+( \S+)? что (сказал|заявил|говорил|сообщил|ответил|отметил)а?\s*\??$|о ч[её]м (он|она)?\s*(говорил|заявил|сказал)а?\s+\S|\bwhat did (?!they\b|the (sides|parties|participants|delegation)\b|both\b|we\b|you\b)\S+( \S+){0,3} (say|state|announce|tell|stress|promise|answer|respond|reply|comment)\b|\S+ nə (dedi|deyib|söylədi|söyləyib|vəd edib|cavab verdi|cavab verib)\b)/,
    ),
  ],
  // Where the news comes from: "кто источник", "откуда инфа", "what's the source", "məlumatı kim yayıb"
  // (not "according to the article", and not «источник энергии»).
  [
    "source",
    ub(
      /(\b(кто|что|какой|каков) (перво)?источник|источник (инф\S*|новост\S*|сведени\S*|данных|сообщени\S*)|откуда (инфа|инфо|информаци\S*|новость|сведения|данные)|кто (сообщил|сообщает|рассказал|опубликовал|распространил)\S*( (об этом|о (встрече|новости|визите)|эту|это|эти|новость|новости|информацию|инфу|сведения|данные))*\s*\??$|\b(what|who)('s| is| was) (the )?source\b|\bsource of (the |this )?(news|info|information|story|report)|where (does|did) (the |this )?(news|info|information|story|report) come from|who (reported|published|released|announced) (it|this|that|the news)\b|\b(put out|released|published|reported|shared|announced|gave) (the |this )?(info|information|news|report|story)\b|\bmənbə(si|yi)?\b|\bmenbe(si|yi)?\b|məlumatı kim|melumati kim|kim (yayıb|yaydı|yayib|xəbər verib|xeber verib|məlumat verib|melumat verib|açıqlayıb|aciqlayib)|haradan (məlumat|melumat|xəbər|xeber))/,
    ),
  ],
  // An age is a length of time too: "how old", «сколько лет», «neçə yaşında» ("11-летний").
  [
    "duration",
    ub(
      /(как долго|сколько (времени|часов|минут|дней|недель|месяцев|лет|длил)|продолжительност|\bдлил(ась|ся|ось|ись)|\bhow long\b(?! (is|are|was|were) (the|this|that|its?) (\S+ )?(trail|route|road|track|railway|line|pipeline|bridge|tunnel|river|border|coast|wall|runway|path|street|corridor|canal|highway|cable)s?\b)|\bduration\b|\bhow many (days|weeks|months|years|hours|minutes)\b|nə qədər (vaxt|davam)|neçə (saat|dəqiqə|gün|həftə|ay|il|yaş)|\bhow old\b|\bвозраст|\byaşı|müddət)/,
    ),
  ],
  // "какой процент", "what percentage", "neçə faiz": a share is counted in percent ("40%").
  [
    "count",
    // …and the size of a difference ("by how much", «насколько … тяжелее»).
    new RegExp(
      `${ub(/(\bскольк(о|их|им|ими)\b|количеств|\bчисло\b|how many|number of|neçə|\bsayı|\bпроцент\S*|\bpercent(age)?\b|\bfaiz\S*)/).source}|${ASKS_DIFFERENCE.source}`,
      "u",
    ),
  ],
  [
    "date",
    ub(
      // "…, когда …" / "…, when …" opens a clause ("Что происходит, когда…"), it does not ask when.
      /((?<!,\s?)когда(?!-)|как(ого|ой|им) числ|в как(ом|ой) (году|день|месяц|дат)|(с|со|до|к|от) как(ого|ому|ой) (года|году|дня|числа|месяца)|как(ая|ой) дат|\bдат(а|ы|у|е|ой|ах)\b|\b(?<!,\s?)when\b|what (date|day|year|month)|which (date|day|year|month)|\bdates?\b|nə vaxt|haçan|hansı (tarix|il|gün|ay)|tarixi?\b|tarixdə)/,
    ),
  ],
  [
    "person",
    ub(
      /(\bкто\b|\bкого\b|\bкому\b|\bкем\b|\bчей\b|\bчья\b|\bчьи\b|как зовут|\bимя\b|фамили|\bwho\b|\bwhom\b|\bwhose\b|\bkim\b|\bkimi\b|\bkimə\b|\bkimin\b|\bkimlə\b|\bkimdir\b|\bkimlər\b|adı nədir)/,
    ),
  ],
  [
    "place",
    ub(
      /(\bгде\b|\bкуда\b|откуда|в как(ом|ой) (город|стран|мест)|\bwhere\b|which (city|country|place)|what (city|country|place)|\blocation\b|harada|\bhara\b|haradan|hansı (şəhər|ölkə|yer))/,
    ),
  ],
  [
    "org",
    ub(
      /(как(ая|ой|ую|ие) (организац|компани|учрежден|ведомств|министерств)|which (organi[sz]ation|company|ministry|agency|body)|what (organi[sz]ation|company|ministry|agency|body)|hansı (təşkilat|şirkət|nazirlik|qurum))/,
    ),
  ],
];

const FUTURE = ub(
  /(\bwill\b|\bgoing to\b|\bplanned\b|\bscheduled\b|\bupcoming\b|\bexpected to\b|\bбудет\b|\bбудут\b|планиру|собираю|собирает|намерен|предстоит|\bсостоится\b|подпишут|\S+(acaq|əcək|ecek)\b|planlaşdır|planlasdir|gözlənilir|gozlenilir)/,
);
/** The counted noun, past the adjectives before it ("сколько различных команд" → "команд"). */

const COUNT_NOUN = ub(/(\bскольк(?:о|их|им|ими)|\bhow many|\bneçə|number of)\s+((?:[\p{L}-]+(?:ых|их)\s+)*)([\p{L}\p{N}-]+)/u);
const LIST_CUE = ub(/(назови|назовите|перечисли|перечислите|список|\blist\b|name (the|all)|enumerate|sadala|adlarını|adları)/);
/** Nouns whose list answer is a set of names (not topics): word beginnings. */
const NAMED_CLASS = [
  "компани",
  "фирм",
  "организац",
  "участник",
  "люд",
  "человек",
  "стран",
  "город",
  "представител",
  "руководител",
  "compan",
  "firm",
  "organi",
  "participant",
  "people",
  "countr",
  "cities",
  "member",
  "representative",
  "executive",
  "şirkət",
  "təşkilat",
  "iştirakçı",
  "ölkə",
  "şəhər",
  "nümayəndə",
];

/** The words of a question asking for the news's source ("кто распространил", "kim yayıb"): its phrasing, not its subject. */
export const SOURCE_CUE_WORD =
  /^(источник\S*|первоисточник\S*|сообщ\S*|рассказал\S*|опубликова\S*|распростран\S*|source|reported|published|released|announced|yay[ıi]b|yayd[ıi]|a[çc][ıi]qlay[ıi]b|bildirib|x[əe]b[əe]r|m[əe]nb[əe]\S*)$/u;

export interface QuestionKind {
  type: AnswerType;
  /** Asks about the future ("when will … be signed?"): past dates do not answer it. */
  future?: boolean;
  /** For `count`: the word for what is counted ("сколько компаний" → "компаний"). */
  countNoun?: string;
  /** Set by question analysis when the counted thing never occurs in the corpus. */
  countUnknown?: boolean;
  /** Set by question analysis: it counts people with a general word the corpus lacks ("сколько человек"), so any noun for people counts them. */
  countsPeople?: boolean;
  /** For `list`: 5-letter prefixes of the noun whose names are asked for. */
  listFocus?: string[];
  /** For `count`: a size ("how big", «какой площади», "nə qədər böyük"): a number with a unit of measure answers. */
  measure?: boolean;
}

/** Questions for a size, length, area or weight: a number with its unit answers ("640 квадратных метров"). */
const MEASURE_CUE = ub(
  /(\bhow (big|large|tall|high|wide|deep|heavy|far)\b|\bhow long (is|are|was|were)\b|\bwhat size\b|\bhow (much|many) (area|space)\b|протяж[её]нност|\bкакой (длины|площади|высоты|ширины)|\bкак(ая|ова) (длина|площадь?|высота|ширина)\b|\bкакого размера|\bнасколько (больш\S*|велик\S*|длинн\S*|широк\S*|высок\S*)|nə qədər (böyük|uzun|geniş|hündür)|ne qeder (boyuk|uzun|genis|hundur)|ölçüsü|olcusu|sahəsi|sahesi)/,
);

/**
 * The word "сколько" counts, past its adjectives ("сколько различных команд" → "команд") — unless what
 * follows the adjective is a function word: then the "adjective" is the noun ("сколько учёных там будет").
 */
function countedWord(normalized: string): string | undefined {
  const m = COUNT_NOUN.exec(normalized);
  if (!m) return undefined;
  const noun = m[3]!;
  // "на сколько дороже…?" counts a difference, no thing.
  if (COMPARATIVE.test(noun)) return undefined;
  const first = m[2]!.trim().split(/\s+/)[0];
  return isStopword(noun) && first && !isStopword(first) ? first : noun;
}

/** Which kind of fact the question asks for (first matching cue wins; amount beats count). */
export function detectAnswerType(normalized: string, contentWords: string[]): QuestionKind {
  const listCue = LIST_CUE.test(normalized);
  const pluralWhich =
    /^(какие|каких)\s/.test(normalized) || /^(which|what)\s+\S+s\b/.test(normalized) || /^hans[ıi]\s+\S+(lar|lər|ler)/.test(normalized);
  if (listCue || pluralWhich) {
    const focus = contentWords.filter((w) => NAMED_CLASS.some((c) => w.startsWith(c))).map((w) => [...w].slice(0, 5).join(""));
    if (focus.length > 0) return { type: "list", listFocus: focus.slice(0, 1) };
  }
  const future = FUTURE.test(normalized);
  const best = firstCue(normalized);
  // "nə qədər böyükdür?", "how big is it": a size is counted in units, not an amount of money.
  const measure = (best === undefined || best === "count" || best === "amount") && MEASURE_CUE.test(normalized);
  const type = measure ? "count" : (best ?? "none");
  const countNoun = type === "count" && !measure ? countedWord(normalized) : undefined;
  const kind: QuestionKind = countNoun ? { type, future, countNoun } : { type, future };
  return measure ? { ...kind, measure } : kind;
}

/**
 * The cue nearest the start ("Кто был лидером, когда…" asks for a person); amount beats count, and
 * a source cue beats the question word before it ("who put out the info", «кто источник»).
 */
function firstCue(normalized: string): Exclude<AnswerType, "none" | "list"> | undefined {
  let best: { type: Exclude<AnswerType, "none" | "list">; at: number } | undefined;
  // …but "кто дал деньги?", "pulu kim verib?" ask for who, not how much: money without "how much" is no amount cue.
  const asksWho =
    /(^|\s)(кто|кому|кем|who|whom|kim|kimə|kimin)(?![\p{L}])/u.test(normalized) &&
    !/(скольк|how much|nə qədər|ne qeder|neçə|nece)/u.test(normalized);
  for (const [type, re] of CUES) {
    const m = re.exec(normalized);
    // "By how much was it lengthened?" asks for a change in its units, not an amount of money.
    const change = type === "amount" && ASKS_DIFFERENCE.test(normalized) && !/(money|cost|dollar|manat|price|budget)/u.test(normalized);
    if (!m || (type === "amount" && (asksWho || change)) || (type === "count" && mentionedCount(normalized, m))) continue;
    const at = type === "source" || type === "amount" ? -1 : m.index;
    if (!best || at < best.at) best = { type, at };
  }
  return best?.type;
}

/**
 * "Какой химик получил достаточное количество кислорода?": a count noun after another question word is
 * content ("Какое количество…", "what number of…" still count).
 */
function mentionedCount(normalized: string, m: RegExpExecArray): boolean {
  const before = normalized.slice(0, m.index);
  return /^(количеств|число|number of)/u.test(m[0].trim()) && WHICH_BEFORE.test(before.replace(/\S+\s*$/u, ""));
}

/** A question word asking for a thing, a person or a place ("какой", "кто", "which", "hansı"). */
const WHICH_BEFORE = /(^|\s)(как(ой|ая|ое|ие|ого|ую|им|ом|их|ими)|кто|что|где|which|what|who|where|hansı|kim|harada)(\s|$)/u;

/** Attempts to change the rules, switch roles or reveal the prompt (ru/en/az). */
const INJECTION = [
  /\b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(instruction|rule|prompt|previous|above|guideline|restriction|everything)/,
  /\b(system|hidden|initial)\s+(prompt|instruction|message)/,
  /\b(you are now|act as|pretend (to be|you)|roleplay|jailbreak|developer mode|do anything now)\b|\bdan\b/,
  /\b(reveal|print|show|repeat|output)\b.{0,30}\b(prompt|instructions|rules|system)/,
  /(игнорир|забудь|забудьте|отбрось|отмени|не обращай внимания).{0,40}(инструкц|правил|промпт|указани|ограничени|все)/,
  /(системн\S*|скрыт\S*|исходн\S*) (промпт|подсказк|инструкц|сообщени)/,
  /(ты теперь|теперь ты|представь,? что ты|притворись|режим разработчика|без ограничений)/,
  /(покажи|выведи|раскрой|повтори).{0,30}(промпт|инструкц|правил)/,
  /(təlimat|qayda|prompt).{0,30}(unut|yaddan çıxar|nəzərə alma|göstər|açıqla)/,
  /(unut|nəzərə alma).{0,30}(təlimat|qayda|prompt)/,
  /(sistem (prompt|təlimat)|indi sən|sən artıq)/,
  /<\/?(system|context|instructions?|prompt)>/,
].map(ub);

/** Requests for work that is not answering from the corpus: poems, jokes, code, translation. */
const TASK = [
  /^(пожалуйста,? )?(напиши|сочини|придумай|нарисуй|составь|сгенерируй|переведи|реши|посчитай|вычисли|расскажи (анекдот|шутк|сказк|истори))/,
  /^(please,? )?(write|compose|draw|generate|translate|solve|calculate|compute|tell me a (joke|story|poem)|create|code)\b/,
  /(^|\s)(yaz|tərcümə et|hesabla)\b/,
  // Instructions for the asker ("how do I make cheese at home?"): not a question about the news.
  /^(how (do|can|should|could) (i|we)|how to)\b/,
  /^как (мне|нам|самому|самой) /,
  /^как (сделать|приготовить|научиться|заработать|купить|похудеть)\b/,
  /(necə (hazırlayım|hazırlamaq|edim|edək|öyrənim)|evdə necə)\b/,
].map(ub);
/** Products of a task ("стих", "code"): a task only where the message also asks for work to be done. */
const TASK_PRODUCT = ub(
  /(\bстих|поэм|анекдот|шутк|\bпесн|сказк|\bэссе\b|сочинени|\bкод\b|программный код|скрипт|\bpoem|\bjoke|\bsong\b|fairy tale|\bessay\b|python|javascript|\bcode\b|\bscript\b|şeir|lətifə|mahnı|nağıl|\bkod\b)/,
);
const TASK_VERB = ub(
  /(напиши|напишите|сочини|придумай|составь|сгенерируй|переведи|сделай|создай|нарисуй|write|compose|generate|make|create|translate|draw|tell|yaz|düzəlt|tərcümə|hazırla)/,
);

const GREETING =
  "(ты кто|кто ты|что ты такое|что ты умеешь|who are you|what are you|what can you do|sən kimsən|nə bacarırsan|привет|приветствую|здравствуй|здравствуйте|добрый (день|вечер)|доброе утро|спасибо|благодарю|как дела|как ты|как вы|что нового|пока|hi|hello|hey|thanks|thank you|good (morning|evening|afternoon)|how are you|what's up|bye|salam|salam əleyküm|sağ ol|təşəkkür(lər)?|necəsən|necəsiz|nə var nə yox|sabahın xeyir)";
const SMALL_TALK = ub(new RegExp(`^${GREETING}([\\s,!.?)]+(${GREETING}|бот|bot|друг|friend|dostum|you|ты|вы))*[\\s!.?)]*$`));

/** Classifies messages that are not questions about the corpus, before any retrieval. */
export function detectIntent(normalized: string): "injection" | "task" | "small_talk" | "question" {
  if (INJECTION.some((re) => re.test(normalized))) return "injection";
  if (SMALL_TALK.test(normalized)) return "small_talk";
  if (TASK.some((re) => re.test(normalized)) || (TASK_PRODUCT.test(normalized) && TASK_VERB.test(normalized))) return "task";
  return "question";
}

/** Words that open background sentences in news writing ("Note that…", "Recall…"). */
export const BACKGROUND_OPENERS =
  /^(отметим|напомним|ранее|напомним,|как известно|note that|recall|earlier|previously|xatırladaq|qeyd edək)/i;

/** Sentence openers that refer back to the previous sentence. */
export const ANAPHORA_OPENERS =
  /^(этот|эта|это|эти|этого|этой|такой|такая|он|она|они|оно|там|this|these|that|those|it|he|she|they|bu|həmin|o)\s/i;
