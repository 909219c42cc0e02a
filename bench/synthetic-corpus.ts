/**
 * A deterministic synthetic corpus for the benchmark: ~30 Russian-like news documents of
 * ~170 paragraphs each (2–4 sentences a paragraph, ~5,000 paragraphs in all), built from a
 * fixed seed with a small PRNG (mulberry32), so every run measures the same text.
 *
 * The sentences carry what makes the engine work for real: inflected names (Петров /
 * Петрова / Петровым), initials ("А. С. Петров"), abbreviations ("млн руб.", "2024 г."),
 * numbers, dates in two formats, quotes «…», and a few hundred generated surnames and
 * organisation names, so the vocabulary grows with the corpus. Every fact sentence also
 * yields a question whose answer is that sentence; off-topic questions are added apart.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** mulberry32: a tiny, fast, deterministic 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticQuestion {
  question: string;
  /** "fact": made from a corpus sentence (answerable); "offtopic": nothing in the corpus. */
  kind: "fact" | "offtopic";
  /** For fact questions: the document the source sentence is in. */
  doc?: string;
}

export interface SyntheticCorpus {
  dir: string;
  documents: number;
  paragraphs: number;
  sentences: number;
  bytes: number;
  questions: SyntheticQuestion[];
}

export interface SyntheticOptions {
  seed?: number;
  documents?: number;
  /** Mean paragraphs per document (each document gets this ± 10). */
  paragraphsPerDocument?: number;
  /** Questions to return (about 85 % fact, 15 % off-topic). */
  questions?: number;
}

// ---------------------------------------------------------------------------------------
// Vocabulary

type Gender = "m" | "f";
interface Person {
  g: Gender;
  nom: string;
  gen: string;
  dat: string;
  ins: string;
  initials: string;
}

const MALE = [
  "Алексей",
  "Дмитрий",
  "Сергей",
  "Андрей",
  "Михаил",
  "Игорь",
  "Олег",
  "Виктор",
  "Николай",
  "Павел",
  "Роман",
  "Кирилл",
  "Максим",
  "Евгений",
  "Тимур",
  "Руслан",
  "Эльдар",
  "Фарид",
  "Григорий",
  "Степан",
];
const FEMALE = [
  "Анна",
  "Мария",
  "Елена",
  "Ольга",
  "Наталья",
  "Татьяна",
  "Ирина",
  "Светлана",
  "Юлия",
  "Дарья",
  "Лейла",
  "Айгуль",
  "Вера",
  "Ксения",
];
const PATRONYMIC_INITIALS = ["А", "В", "Г", "Д", "Е", "И", "К", "М", "Н", "П", "С", "Ю"];
const SYLLABLES = [
  "ба",
  "ве",
  "го",
  "да",
  "ке",
  "ло",
  "ми",
  "но",
  "ра",
  "се",
  "ту",
  "фа",
  "ха",
  "че",
  "ша",
  "зы",
  "ку",
  "ли",
  "мо",
  "пе",
  "жу",
  "бо",
  "ре",
  "ти",
  "ва",
  "сла",
  "гри",
  "дро",
  "кра",
  "сто",
];
const SURNAME_SUFFIX = ["ов", "ев", "ин", "ский"];

const male = (name: string): { gen: string; dat: string; ins: string } => {
  if (name.endsWith("й")) return { gen: `${name.slice(0, -1)}я`, dat: `${name.slice(0, -1)}ю`, ins: `${name.slice(0, -1)}ем` };
  if (name.endsWith("а")) return { gen: `${name.slice(0, -1)}ы`, dat: `${name.slice(0, -1)}е`, ins: `${name.slice(0, -1)}ой` };
  return { gen: `${name}а`, dat: `${name}у`, ins: `${name}ом` };
};
const female = (name: string): { gen: string; dat: string; ins: string } => {
  if (name.endsWith("ия")) return { gen: `${name.slice(0, -1)}и`, dat: `${name.slice(0, -1)}и`, ins: `${name.slice(0, -1)}ей` };
  if (name.endsWith("ья")) return { gen: `${name.slice(0, -1)}и`, dat: `${name.slice(0, -1)}е`, ins: `${name.slice(0, -1)}ей` };
  if (name.endsWith("ь")) return { gen: `${name.slice(0, -1)}и`, dat: `${name.slice(0, -1)}и`, ins: `${name}ю` };
  return { gen: `${name.slice(0, -1)}ы`, dat: `${name.slice(0, -1)}е`, ins: `${name.slice(0, -1)}ой` };
};

const CITIES: [string, string][] = [
  ["Казань", "Казани"],
  ["Самара", "Самаре"],
  ["Томск", "Томске"],
  ["Пермь", "Перми"],
  ["Омск", "Омске"],
  ["Тверь", "Твери"],
  ["Иркутск", "Иркутске"],
  ["Курск", "Курске"],
  ["Рязань", "Рязани"],
  ["Ярославль", "Ярославле"],
  ["Калуга", "Калуге"],
  ["Тула", "Туле"],
  ["Мурманск", "Мурманске"],
  ["Барнаул", "Барнауле"],
  ["Хабаровск", "Хабаровске"],
  ["Новосибирск", "Новосибирске"],
  ["Уфа", "Уфе"],
  ["Вологда", "Вологде"],
  ["Астрахань", "Астрахани"],
  ["Саратов", "Саратове"],
  ["Липецк", "Липецке"],
  ["Чита", "Чите"],
  ["Оренбург", "Оренбурге"],
  ["Пенза", "Пензе"],
  ["Кострома", "Костроме"],
];

interface OrgType {
  nom: string;
  gen: string;
  prep: string;
  g: "m" | "f" | "n";
}
const ORG_TYPES: OrgType[] = [
  { nom: "компания", gen: "компании", prep: "компании", g: "f" },
  { nom: "фонд", gen: "фонда", prep: "фонде", g: "m" },
  { nom: "завод", gen: "завода", prep: "заводе", g: "m" },
  { nom: "агентство", gen: "агентства", prep: "агентстве", g: "n" },
  { nom: "корпорация", gen: "корпорации", prep: "корпорации", g: "f" },
  { nom: "холдинг", gen: "холдинга", prep: "холдинге", g: "m" },
  { nom: "управление", gen: "управления", prep: "управлении", g: "n" },
];
const ORG_ADJ = [
  "Северный",
  "Южный",
  "Новый",
  "Золотой",
  "Зелёный",
  "Восточный",
  "Быстрый",
  "Светлый",
  "Дальний",
  "Верхний",
  "Красный",
  "Тихий",
];
const ORG_NOUN = ["ветер", "мост", "берег", "путь", "край", "сад", "город", "дом", "порт", "луч", "лес", "рассвет"];

interface Org {
  type: OrgType;
  name: string;
}
const orgNom = (o: Org) => `${o.type.nom} «${o.name}»`;
const orgGen = (o: Org) => `${o.type.gen} «${o.name}»`;
const orgPrep = (o: Org) => `${o.type.prep} «${o.name}»`;
/** Past-tense verb agreeing with a subject's gender: stem + "", "а" or "о" (открыл/открыла/открыло). */
const past = (stem: string, g: "m" | "f" | "n") => stem + (g === "m" ? "" : g === "f" ? "а" : "о");
const pastRefl = (stem: string, g: "m" | "f" | "n") => stem + (g === "m" ? "ся" : g === "f" ? "ась" : "ось");

/** Topic of a document: head noun (five cases) + fixed genitive complement. */
interface Head {
  nom: string;
  gen: string;
  dat: string;
  acc: string;
  prep: string;
}
const HEADS: Head[] = [
  { nom: "реконструкция", gen: "реконструкции", dat: "реконструкции", acc: "реконструкцию", prep: "реконструкции" },
  { nom: "строительство", gen: "строительства", dat: "строительству", acc: "строительство", prep: "строительстве" },
  { nom: "ремонт", gen: "ремонта", dat: "ремонту", acc: "ремонт", prep: "ремонте" },
  { nom: "модернизация", gen: "модернизации", dat: "модернизации", acc: "модернизацию", prep: "модернизации" },
  { nom: "благоустройство", gen: "благоустройства", dat: "благоустройству", acc: "благоустройство", prep: "благоустройстве" },
  { nom: "открытие", gen: "открытия", dat: "открытию", acc: "открытие", prep: "открытии" },
];
const COMPLEMENTS = [
  "набережной",
  "старого моста",
  "центрального стадиона",
  "городского парка",
  "речного порта",
  "аэропорта",
  "ледовой арены",
  "детской больницы",
  "областной библиотеки",
  "трамвайной линии",
  "водозабора",
  "концертного зала",
  "ботанического сада",
  "музея истории",
  "железнодорожного вокзала",
  "научного центра",
  "технопарка",
  "крытого рынка",
  "объездной дороги",
  "станции метро",
  "очистных сооружений",
  "планетария",
  "зоопарка",
  "театра оперы",
  "исторического квартала",
  "футбольного манежа",
  "гребного канала",
  "медицинского кластера",
  "университетского кампуса",
  "морского терминала",
  "пешеходного моста",
  "автовокзала",
];

/** Countable objects with [1, 2–4, 5+] forms. */
const OBJECTS: [string, string, string][] = [
  ["школу", "школы", "школ"],
  ["станцию", "станции", "станций"],
  ["библиотеку", "библиотеки", "библиотек"],
  ["лабораторию", "лаборатории", "лабораторий"],
  ["спортзал", "спортзала", "спортзалов"],
  ["поликлинику", "поликлиники", "поликлиник"],
  ["мастерскую", "мастерские", "мастерских"],
  ["площадку", "площадки", "площадок"],
  ["остановку", "остановки", "остановок"],
  ["котельную", "котельные", "котельных"],
  ["аудиторию", "аудитории", "аудиторий"],
  ["теплицу", "теплицы", "теплиц"],
];
const UNITS: [string, string, string][] = [
  ["месяц", "месяца", "месяцев"],
  ["неделю", "недели", "недель"],
  ["день", "дня", "дней"],
];
const plural = (n: number, forms: readonly [string, string, string]) => {
  const a = n % 100,
    b = n % 10;
  if (a >= 11 && a <= 14) return forms[2];
  if (b === 1) return forms[0];
  if (b >= 2 && b <= 4) return forms[1];
  return forms[2];
};

const MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];
const ROLES: [string, string][] = [
  ["директор", "директора"],
  ["глава", "главы"],
  ["заместитель председателя", "заместителя председателя"],
  ["руководитель проекта", "руководителя проекта"],
  ["главный инженер", "главного инженера"],
  ["пресс-секретарь", "пресс-секретаря"],
  ["министр строительства", "министра строительства"],
  ["советник", "советника"],
];

// Filler vocabulary: generic clauses so the text is not only facts (and the lexicon is wide).
const F_ADJ = [
  "новый",
  "важный",
  "сложный",
  "долгий",
  "открытый",
  "общий",
  "главный",
  "местный",
  "крупный",
  "прежний",
  "технический",
  "финансовый",
  "экологический",
  "социальный",
  "транспортный",
  "региональный",
];
const F_NOUN = [
  "проект",
  "план",
  "график",
  "бюджет",
  "подрядчик",
  "контракт",
  "документ",
  "совет",
  "отчёт",
  "этап",
  "конкурс",
  "аудит",
  "регламент",
  "маршрут",
  "прогноз",
  "опрос",
];
const F_VERB = [
  "обсуждается",
  "утверждён",
  "продлён",
  "пересмотрен",
  "согласован",
  "опубликован",
  "подготовлен",
  "завершён",
  "одобрен",
  "отложен",
];
const F_ADV = ["заранее", "повторно", "досрочно", "публично", "частично", "окончательно", "официально", "ежемесячно"];
const F_TAIL = [
  "жители района смогут высказать своё мнение на сайте администрации",
  "эксперты оценивают риски как умеренные",
  "подробности будут объявлены позднее",
  "депутаты потребовали ежеквартальных отчётов",
  "общественники предлагают сохранить исторический облик",
  "застройщик обещает не закрывать движение транспорта",
  "в мэрии напомнили о сроках подачи заявок",
  "представители бизнеса поддержали инициативу",
  "специалисты проверят качество материалов",
  "местные активисты собрали более тысячи подписей",
];

const OFF_TOPIC = [
  "Какой рецепт борща самый вкусный?",
  "Кто выиграл чемпионат мира по футболу в 2018 году?",
  "Сколько лет живут черепахи?",
  "Как настроить роутер дома?",
  "Почему небо голубое?",
  "Какая погода будет завтра в Лиссабоне?",
  "Кто написал роман «Война и мир»?",
  "Сколько стоит биткоин сегодня?",
  "Как выучить японский язык за месяц?",
  "Где находится самая высокая гора в Африке?",
  "Что такое квантовая запутанность?",
  "Как приготовить тирамису без яиц?",
  "Who won the Champions League final?",
  "What is the capital of Australia?",
  "How do I reset my password?",
  "Какие фильмы номинированы на «Оскар»?",
  "Сколько калорий в банане?",
  "Как ухаживать за орхидеей зимой?",
  "Когда родился Моцарт?",
  "Какой язык программирования выбрать новичку?",
];

// ---------------------------------------------------------------------------------------
// Generator

export function generateSyntheticCorpus(dir: string, options: SyntheticOptions = {}): SyntheticCorpus {
  const seed = options.seed ?? 20260210;
  const nDocs = options.documents ?? 30;
  const perDoc = options.paragraphsPerDocument ?? 167;
  const wantQuestions = options.questions ?? 300;
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

  const makePerson = (): Person => {
    const g: Gender = rnd() < 0.6 ? "m" : "f";
    let root = cap(pick(SYLLABLES) + pick(SYLLABLES));
    if (rnd() < 0.4) root += pick(SYLLABLES);
    const suffix = pick(SURNAME_SUFFIX);
    const first = g === "m" ? pick(MALE) : pick(FEMALE);
    const fi = first.charAt(0),
      pi = pick(PATRONYMIC_INITIALS);
    const fp = g === "m" ? male(first) : female(first);
    let s: { nom: string; gen: string; dat: string; ins: string };
    if (suffix === "ский") {
      s =
        g === "m"
          ? { nom: `${root}ский`, gen: `${root}ского`, dat: `${root}скому`, ins: `${root}ским` }
          : { nom: `${root}ская`, gen: `${root}ской`, dat: `${root}ской`, ins: `${root}ской` };
    } else {
      const base = root + suffix;
      s =
        g === "m"
          ? { nom: base, gen: `${base}а`, dat: `${base}у`, ins: `${base}ым` }
          : { nom: `${base}а`, gen: `${base}ой`, dat: `${base}ой`, ins: `${base}ой` };
    }
    return {
      g,
      nom: `${first} ${s.nom}`,
      gen: `${fp.gen} ${s.gen}`,
      dat: `${fp.dat} ${s.dat}`,
      ins: `${fp.ins} ${s.ins}`,
      initials: `${fi}. ${pi}. ${s.nom}`,
    };
  };
  const makeOrg = (): Org => ({ type: pick(ORG_TYPES), name: `${pick(ORG_ADJ)} ${pick(ORG_NOUN)}` });
  const date = (year: number) => {
    const d = int(1, 28),
      m = int(0, 11);
    return rnd() < 0.75 ? `${d} ${MONTHS_GEN[m]} ${year} года` : `${String(d).padStart(2, "0")}.${String(m + 1).padStart(2, "0")}.${year}`;
  };

  mkdirSync(dir, { recursive: true });
  const facts: SyntheticQuestion[] = [];
  let paragraphs = 0,
    sentences = 0,
    bytes = 0;

  for (let di = 0; di < nDocs; di++) {
    const head = HEADS[di % HEADS.length]!;
    const comp = COMPLEMENTS[di % COMPLEMENTS.length]!;
    const [, cityPrep] = CITIES[di % CITIES.length]!;
    const topic = {
      nom: `${head.nom} ${comp}`,
      gen: `${head.gen} ${comp}`,
      dat: `${head.dat} ${comp}`,
      acc: `${head.acc} ${comp}`,
      prep: `${head.prep} ${comp}`,
    };
    const people = Array.from({ length: int(6, 10) }, makePerson);
    const orgs = Array.from({ length: int(3, 5) }, makeOrg);
    const year = int(2019, 2026);
    const docId = `${String(di).padStart(2, "0")}-synthetic`;
    const title = `${cap(topic.nom)} в ${cityPrep}`;

    // Each template returns a sentence and, for facts, a question answered by it.
    const templates: (() => [string, string | null])[] = [
      () => {
        const o = pick(orgs),
          n = int(2, 240),
          obj = pick(OBJECTS);
        return [
          `${cap(date(year))} в ${cityPrep} ${orgNom(o)} ${past("открыл", o.type.g)} ${n} ${plural(n, obj)}.`,
          `Сколько ${obj[2]} ${past("открыл", o.type.g)} ${orgNom(o)} в ${cityPrep}?`,
        ];
      },
      () => {
        const p = pick(people),
          r = pick(ROLES),
          o = pick(orgs),
          mln = int(3, 950);
        return [
          `По словам ${p.gen}, ${r[1]} ${orgGen(o)}, на ${topic.acc} направят ${mln} млн руб.`,
          `Сколько денег направят на ${topic.acc}, по словам ${p.gen}?`,
        ];
      },
      () => {
        const a = pick(people),
          b = pick(people.filter((x) => x !== a));
        return [
          `${a.nom} ${pastRefl("встретил", a.g)} с ${b.ins} в ${cityPrep} ${date(year)}.`,
          `С кем ${pastRefl("встретил", a.g)} ${a.nom}?`,
        ];
      },
      () => {
        const y = int(year, year + 3),
          k = int(2, 36),
          u = pick(UNITS);
        return [`Работы по ${topic.dat} начнутся в ${y} г. и продлятся ${k} ${plural(k, u)}.`, `Когда начнутся работы по ${topic.dat}?`];
      },
      () => {
        const p = pick(people),
          r = pick(ROLES),
          o = pick(orgs),
          pct = int(5, 95);
        return [
          `Как отметил${p.g === "f" ? "а" : ""} ${r[0]} ${orgGen(o)} ${p.initials}, готовность объекта составляет ${pct}%.`,
          `Какова готовность объекта, по оценке ${p.gen}?`,
        ];
      },
      () => {
        const o = pick(orgs),
          n = int(20, 4000);
        return [`В ${orgPrep(o)} сообщили, что на площадке работают ${n} человек.`, `Сколько человек работает на площадке ${orgGen(o)}?`];
      },
      () => {
        const p = pick(people);
        return [
          `Проект ${topic.gen} в ${cityPrep} ${pastRefl("критиковал", p.g)} ${p.nom}: «Сроки нереальны!» — заявил${p.g === "f" ? "а" : ""} ${p.g === "f" ? "она" : "он"}.`,
          `Кто критиковал проект ${topic.gen}?`,
        ];
      },
      () => [`${cap(pick(F_ADJ))} ${pick(F_NOUN)} ${pick(F_VERB)} ${pick(F_ADV)}, а ${pick(F_TAIL)}.`, null],
      () => [`Кроме того, ${pick(F_ADJ)} ${pick(F_NOUN)} ${pick(F_VERB)}; ${pick(F_TAIL)}.`, null],
      () => [`Отметим, что ${pick(F_TAIL)}, а ${pick(F_ADJ)} ${pick(F_NOUN)} ${pick(F_VERB)} ${pick(F_ADV)}.`, null],
    ];

    const nPara = perDoc + int(-10, 10);
    const paras: string[] = [];
    for (let pi = 0; pi < nPara; pi++) {
      const nSent = int(2, 4);
      const parts: string[] = [];
      for (let si = 0; si < nSent; si++) {
        const [text, q] = pick(templates)();
        parts.push(text);
        if (q) facts.push({ question: q, kind: "fact", doc: docId });
      }
      sentences += nSent;
      paras.push(parts.join(" "));
    }
    paragraphs += nPara;
    const text = `---\ntitle: ${JSON.stringify(title)}\ndate: ${year}-${String(int(1, 12)).padStart(2, "0")}-${String(int(1, 28)).padStart(2, "0")}\nlang: ru\nsource: "synthetic (seed ${seed})"\n---\n\n${paras.join("\n\n")}\n`;
    bytes += Buffer.byteLength(text);
    writeFileSync(join(dir, `${docId}.md`), text);
  }

  // Questions: a deterministic sample of the fact questions plus off-topic ones (~15 %).
  const nOff = Math.min(OFF_TOPIC.length * 2, Math.round(wantQuestions * 0.15));
  const nFact = Math.max(0, wantQuestions - nOff);
  const questions: SyntheticQuestion[] = [];
  for (let i = 0; i < nFact && facts.length > 0; i++) questions.push(facts[Math.floor(rnd() * facts.length)]!);
  for (let i = 0; i < nOff; i++) questions.push({ question: OFF_TOPIC[i % OFF_TOPIC.length]!, kind: "offtopic" });
  // Interleave deterministically so off-topic questions are spread over the run.
  for (let i = questions.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [questions[i], questions[j]] = [questions[j]!, questions[i]!];
  }
  return { dir, documents: nDocs, paragraphs, sentences, bytes, questions };
}
