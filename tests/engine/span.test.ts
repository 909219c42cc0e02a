import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/engine/corpus.js";
import { loadCrossLexicon } from "../../src/engine/language/crosslang.js";
import { createLexicalIndex } from "../../src/engine/lexical.js";
import { analyzeQuestion } from "../../src/engine/question.js";
import { toSentences } from "../../src/engine/sentences.js";
import { answerSpan } from "../../src/engine/span.js";
import { MIXED_CORPUS_DIR } from "../fixtures/paths.js";

const corpus = loadCorpus(MIXED_CORPUS_DIR);
const sentences = toSentences(corpus.documents);
const langs = new Map(corpus.documents.map((d) => [d.id, d.lang]));
const index = createLexicalIndex(sentences, corpus.glossary, (id) => langs.get(id) ?? "ru");

/** The span the engine would mark for `question` in the sentence containing `anchor`. */
function spanFor(question: string, anchor: string): { text: string; kind: string } | undefined {
  const i = sentences.findIndex((s) => s.text.includes(anchor));
  expect(i, anchor).toBeGreaterThanOrEqual(0);
  const q = analyzeQuestion(index, question, "ru");
  const span = answerSpan(index, q, i);
  return span && { text: sentences[i]!.text.slice(span.start, span.end), kind: span.kind };
}

/**
 * A one-article index of `body` (a Russian article, sentences of other languages allowed) and the span
 * the engine would mark for a question in the sentence containing `anchor`.
 */
function marker(body: string, isCommonWord?: (lower: string) => boolean) {
  const sents = toSentences([{ id: "m", file: "m.md", title: "Статья.", lang: "ru", body }]);
  const idx = createLexicalIndex(sents, [], () => "ru");
  return (question: string, anchor: string, lang: "ru" | "en" = "ru") => {
    const i = sents.findIndex((x) => x.text.includes(anchor));
    expect(i, anchor).toBeGreaterThanOrEqual(0);
    const span = answerSpan(idx, analyzeQuestion(idx, question, lang, { lexicon: loadCrossLexicon() }), i, isCommonWord);
    return span && sents[i]!.text.slice(span.start, span.end);
  };
}

describe("answerSpan", () => {
  it("should give the piece that the question's rarer words stand next to, not the one next to a word every clause shares", () => {
    const mark = marker(
      "Союз создавался долго. Институты были созданы посредством Римского договора 1957 года и Маастрихтского договора 1992 года. " +
        "В 2025 году собрали 1 850 тонн чайного листа, что на 12% больше, чем годом ранее, а к 2030 году сбор планируется довести до 3 000 тонн. " +
        "Из 16 заявленных команд в финал вышли 4 команды.",
    );
    // Both years follow "договора"; only one follows "Маастрихтского".
    expect(mark("Когда был подписан Маастрихтский договор?", "Маастрихтского")).toBe("1992 года");
    expect(mark("Когда был подписан Римский договор?", "Маастрихтского")).toBe("1957 года");
    // "By how much": the figure that compares («на 12% больше»), not the harvest itself.
    expect(mark("На сколько вырос сбор чайного листа?", "12%")).toBe("12%");
    expect(mark("by how much did the tea harvest go up?", "12%", "en")).toBe("12%");
    // A number the question gives is no answer, even with a word after it.
    expect(mark("Сколько из 16 заявленных вышли в финал?", "заявленных")).toBe("4 команды");
  });

  it("should keep the initials of a name, before it and between its words", () => {
    const mark = marker("Комитет возглавил инженер Николай Э. Головин. Проект поддержал академик А. Н. Туполев.", (w) => w === "а");
    expect(mark("Кто возглавил комитет?", "Головин")).toBe("Николай Э. Головин");
    expect(mark("Кто поддержал проект?", "Туполев")).toBe("А. Н. Туполев");
  });

  it("should keep a hyphenated name whole where its first half is a dictionary word", () => {
    const mark = marker("Финал выиграла команда Нью-Ингленд Пэтриотс со счетом 20–18.", (w) => w === "нью" || w === "команда");
    expect(mark("Кто выиграл финал?", "Нью")).toBe("Нью-Ингленд Пэтриотс");
  });

  it("should answer 'which X' with the name the text gives X, or with its example when only a quantifier comes before X", () => {
    const mark = marker(
      'В 1785 году он представил обществу работу под названием "Теория Земли". ' +
        "С ростом цен изменились позиции во многих отраслях, в частности в автомобилестроении. " +
        'The council approved a plan called "Green Baku" last year.',
    );
    expect(mark("Какую работу он представил обществу?", "Теория")).toBe("Теория Земли");
    expect(mark("Позиции какой отрасли изменились?", "отраслях")).toBe("автомобилестроении");
    expect(mark("which plan did the council approve?", "Green", "en")).toBe("Green Baku");
  });

  it("should answer 'which X' with what a description of X stands for across 'является', a dash or 'is'", () => {
    const mark = marker(
      "Самым полезным прибором для анализа работы двигателей является индикатор парового двигателя. " +
        "Аэропорт Ван Найс — самый загруженный аэропорт малой авиации. " +
        "The most useful instrument for engine tests is the steam engine indicator.",
    );
    expect(mark("Какой прибор используется для анализа работы двигателей?", "прибором")).toBe("индикатор парового двигателя");
    expect(mark("Какой аэропорт малой авиации загружен сильнее всех?", "Найс")).toBe("Аэропорт Ван Найс");
    expect(mark("which instrument is the most useful for engine tests?", "instrument", "en")).toBe("steam engine indicator");
  });

  it("should answer a question for a name with the name after the sentence's own verb of naming, or across a definition's dash", () => {
    const mark = marker(
      "Район «Вест-Сайд», который также часто называют «Юго-западным Фресно», является одним из старейших. " +
        "Зарезервированные вопросы – вопросы, которые выходят за пределы компетенции парламента Шотландии. " +
        "The small tentacles, known as tentilla, are covered with sticky cells.",
    );
    expect(mark("Как ещё называют район Вест-Сайд?", "Вест-Сайд")).toBe("«Юго-западным Фресно»");
    expect(mark("Как называются вопросы, которые выходят за пределы компетенции парламента?", "Зарезервированные")).toBe(
      "Зарезервированные вопросы",
    );
    expect(mark("what are the small tentacles called?", "tentilla", "en")).toBe("tentilla");
  });

  it("should answer a question for a name with the name in brackets next to the question's words", () => {
    const mark = marker(
      "Пара щупалец окаймлена тентиллами («маленькими щупальцами»), покрытыми клетками. " +
        "Идею подхватил Ганди в его доктрине ненасилия (сатьяграха).",
    );
    expect(mark("Как называются маленькие щупальца?", "тентиллами")).toBe("тентиллами");
    expect(mark("Как называлась доктрина ненасилия Ганди?", "сатьяграха")).toBe("сатьяграха");
  });

  it("should answer 'which X' with the phrase on X in the question's own form, the one in its role", () => {
    const mark = marker('Нортумбрийский университет был признан "Лучшим новым университетом" и выиграл награду журнала Computing.');
    expect(mark("Какой университет выиграл награду журнала?", "Нортумбрийский")).toBe("Нортумбрийский университет");
  });

  it("should give the figure at the year the question asks about, where the sentence gives a range of years", () => {
    const mark = marker(
      "С 1991 по 2000 год площадь утраченных лесов увеличилась со 415 000 до 587 000 квадратных километров. " +
        "Сеть автомагистралей создали в 1950-х годах.",
    );
    expect(mark("Сколько квадратных километров лесов было утрачено к 1991 году?", "415")).toBe("415 000");
    expect(mark("Сколько квадратных километров лесов было утрачено к 2000 году?", "415")).toBe("587 000 квадратных километров");
    expect(mark("Когда создали сеть автомагистралей?", "1950")).toBe("1950-х годах");
  });

  it("should keep the word that says a year is one, as Russian writes it", () => {
    const mark = marker("Театр был основан в 1905 году купцом. Новое здание открыли 6 октября 1973 года.");
    expect(mark("Когда был основан театр?", "1905")).toBe("1905 году");
    expect(mark("Когда открыли новое здание?", "1973")).toBe("6 октября 1973 года");
  });

  it("should count what the question counts, past the adjectives between the number and its noun", () => {
    const mark = marker(
      "Университет состоит из одиннадцати отдельных академических единиц – десяти факультетов и института. Рейтинг поднялся до 7,5 баллов.",
    );
    expect(mark("Из скольких академических единиц состоит университет?", "единиц")).toBe("одиннадцати");
    expect(mark("Сколько факультетов в университете?", "единиц")).toBe("десяти факультетов");
    expect(mark("Сколько баллов набрал рейтинг?", "7,5")).toBe("7,5 баллов");
  });

  it("should mark the number with what it counts", () => {
    expect(spanFor("Сколько компаний было в делегации?", "31 компании")).toEqual({ text: "31 компании", kind: "count" });
    expect(spanFor("Сколько рабочих участвовало в строительстве?", "420 рабочих")).toEqual({ text: "420 рабочих", kind: "count" });
  });

  it("should answer a percent question with the number and its sign, in any of the three languages", () => {
    const sents = toSentences([
      { id: "p", file: "p.md", title: "Центр.", lang: "ru", body: "Около 40% оборудования поставлено из Германии. В центре 120 мест." },
    ]);
    const idx = createLexicalIndex(sents, [], () => "ru");
    const i = sents.findIndex((x) => x.text.includes("40%"));
    for (const [q, lang] of [
      ["сколько процентов оборудования из Германии?", "ru"],
      ["what percentage of the equipment came from Germany?", "en"],
      ["avadanlığın neçə faizi Almaniyadandır?", "az"],
    ] as const) {
      const span = answerSpan(idx, analyzeQuestion(idx, q, lang, { lexicon: loadCrossLexicon() }), i);
      expect(span && sents[i]!.text.slice(span.start, span.end), q).toBe("40%");
    }
  });

  it("should keep a unit of two words whole ('640 квадратных метров')", () => {
    const sents = toSentences([
      { id: "l", file: "l.md", title: "Лаборатория.", lang: "ru", body: "Лаборатория площадью 640 квадратных метров строилась два года." },
    ]);
    const idx = createLexicalIndex(sents, [], () => "ru");
    const span = answerSpan(idx, analyzeQuestion(idx, "какой площади лаборатория?", "ru"), 1);
    expect(span && sents[1]!.text.slice(span.start, span.end)).toBe("640 квадратных метров");
  });

  it("should count a thing measured in a unit with the whole number and its unit", () => {
    const sents = toSentences([
      {
        id: "t",
        file: "t.md",
        title: "Чай.",
        lang: "ru",
        body: "В генетическом банке собраны 230 образцов чая. В 2025 году в районе собрали 1 850 тонн зеленого чайного листа.",
      },
    ]);
    const idx = createLexicalIndex(sents, [], () => "ru");
    const i = sents.findIndex((x) => x.text.includes("1 850"));
    const span = answerSpan(idx, analyzeQuestion(idx, "скока чая собрали в 2025", "ru"), i);
    expect(span && sents[i]!.text.slice(span.start, span.end)).toBe("1 850 тонн");
  });

  it("should mark the date, and the year alone for 'which year'", () => {
    expect(spanFor("Когда прошла встреча?", "10 февраля")).toEqual({ text: "10 февраля", kind: "date" });
    expect(spanFor("В каком году подписали декларацию?", "8 августа 2025 года")?.text).toBe("2025 года");
  });

  it("should mark names standing together as one answer", () => {
    expect(spanFor("Кто подписал совместную декларацию?", "подписали совместную декларацию")?.text).toMatch(
      /Ильхам Алиев и .*Никол Пашинян$/,
    );
  });

  it("should mark the title before a name the question gives", () => {
    expect(spanFor("Кто такой Эльнур Гасанов?", "Эльнур Гасанов")).toEqual({ text: "Заместитель министра", kind: "role" });
  });

  it("should find who is named in the clause the question's verb opens as a participle", () => {
    expect(spanFor("а кто их возглавлял?", "возглавляемой")?.text).toMatch(/Чокси$/);
  });

  it("should describe the person a 'who is' question names, not name someone else", () => {
    expect(spanFor("кто такой Чокси", "Хушем Чокси")?.text).toMatch(/вице-президент/);
  });

  it("should mark the place after a locative preposition", () => {
    expect(spanFor("Где прошла встреча?", "В Баку")).toEqual({ text: "Баку", kind: "place" });
    expect(spanFor("Где прошел трехсторонний саммит?", "в Вашингтоне")).toEqual({ text: "Вашингтоне", kind: "place" });
  });

  it("should not mark what the question already says", () => {
    const span = spanFor("Что такое Средний коридор?", "Среднего коридора");
    expect(span?.kind).toBe("clause");
    expect(span?.text).toMatch(/диверсификацию/);
  });
});

describe("answerSpan on a sentence of its own", () => {
  const doc = {
    id: "d",
    file: "d.md",
    title: "Центр открыт.",
    lang: "ru",
    body: "Часть персонала прошла шестимесячную стажировку в клиниках Анкары.",
  };
  const own = toSentences([doc]);
  const ownIndex = createLexicalIndex(own, [], () => "ru");
  const mark = (question: string) => {
    const i = own.findIndex((s) => s.text.includes("стажировку"));
    const span = answerSpan(ownIndex, analyzeQuestion(ownIndex, question, "ru"), i);
    return span && { text: own[i]!.text.slice(span.start, span.end), kind: span.kind };
  };

  it("should mark a length of time written as one word", () => {
    expect(mark("Сколько длилась стажировка?")).toEqual({ text: "шестимесячную", kind: "duration" });
  });

  it("should answer 'who organised it' with the body the description names when it names no person", () => {
    const body = {
      id: "f",
      file: "f.md",
      title: "Форум прошел.",
      lang: "ru",
      body: "13 марта в Гяндже состоялся первый Региональный форум агротуризма, организованный Ассоциацией сельского туризма Азербайджана совместно с властями города.",
    };
    const sents = toSentences([body]);
    const idx = createLexicalIndex(sents, [], () => "ru");
    const i = sents.findIndex((x) => x.text.includes("организованный"));
    const span = answerSpan(idx, analyzeQuestion(idx, "кто организовал форум?", "ru"), i);
    expect(span && sents[i]!.text.slice(span.start, span.end)).toBe("Ассоциацией сельского туризма Азербайджана");
  });

  it("should mark who the news comes from for a question about its source", () => {
    const source = (body: string, question: string, lang: "ru" | "en") => {
      const sents = toSentences([{ id: "s", file: "s.md", title: "Новость.", lang, body }]);
      const idx = createLexicalIndex(sents, [], () => lang);
      const span = answerSpan(idx, analyzeQuestion(idx, question, lang), 1);
      return span && { text: sents[1]!.text.slice(span.start, span.end), kind: span.kind };
    };
    expect(source("Как сообщили в Министерстве иностранных дел Азербайджана, встреча прошла 10 февраля.", "кто источник?", "ru")).toEqual({
      text: "Министерстве иностранных дел Азербайджана",
      kind: "source",
    });
    expect(
      source("The depot opened on April 21, the city's Department of Public Transport said in a statement.", "what's the source?", "en"),
    ).toEqual({
      text: "the city's Department of Public Transport",
      kind: "source",
    });
    expect(source("According to the ministry, 200 drivers were trained.", "who reported it?", "en")?.text).toBe("the ministry");
    expect(source('"We will cut transit time," said Rauf Karimov, chief executive of the venture.', "what's the source?", "en")?.text).toBe(
      "Rauf Karimov",
    );
  });

  it("should mark a place named through a common noun", () => {
    expect(mark("Где проходила стажировка?")).toEqual({ text: "Анкары", kind: "place" });
  });
});

describe("answerSpan: the noun phrase a 'which X' question asks for", () => {
  const doc = {
    id: "w",
    file: "w.md",
    title: "Аэропорты.",
    lang: "ru",
    body: "Крупнейший в регионе международный аэропорт Лос-Анджелеса обслуживает много рейсов, а самым загруженным однополосным аэропортом мира считается Международный аэропорт Сан-Диего. Наибольшей поддержкой на востоке пользуется Национальная партия.",
  };
  const own = toSentences([doc]);
  const ownIndex = createLexicalIndex(own, [], () => "ru");
  const mark = (question: string, anchor: string) => {
    const i = own.findIndex((s) => s.text.includes(anchor));
    const span = answerSpan(ownIndex, analyzeQuestion(ownIndex, question, "ru"), i);
    return span && own[i]!.text.slice(span.start, span.end);
  };

  it("should give the noun with its adjectives and name, at the occurrence nearest the question's words", () => {
    expect(mark("Какой однополосный аэропорт является самым загруженным в мире?", "Сан-Диего")).toBe("Международный аэропорт Сан-Диего");
    expect(mark("Какая партия пользуется наибольшей поддержкой на востоке?", "Национальная")).toBe("Национальная партия");
  });
});

describe("answerSpan: 'which X' where X is a word for people", () => {
  const doc = {
    id: "p",
    file: "p.md",
    title: "Гугеноты.",
    lang: "ru",
    body: "Среди потомков гугенотов в Германии был известный немецкий поэт Теодор Фонтане, писавший о Бранденбурге.",
  };
  const own = toSentences([doc]);
  const ownIndex = createLexicalIndex(own, [], () => "ru");

  it("should answer with the person's name", () => {
    const i = own.findIndex((x) => x.text.includes("Фонтане"));
    const span = answerSpan(ownIndex, analyzeQuestion(ownIndex, "Какой немецкий поэт является потомком гугенотов?", "ru"), i);
    expect(span && own[i]!.text.slice(span.start, span.end)).toBe("Теодор Фонтане");
  });
});

describe("answerSpan: English dates", () => {
  const doc = {
    id: "e",
    file: "e.md",
    title: "Depot opens.",
    lang: "en",
    body: "Almaty opened its first electric bus depot on April 21. Routes 12, 45 and 92 will be served from the new depot starting May 1. The first train left Xi'an on Feb. 20 with 56 wagons.",
  };
  const own = toSentences([doc]);
  const ownIndex = createLexicalIndex(own, [], () => "en");
  const mark = (question: string, anchor: string) => {
    const i = own.findIndex((x) => x.text.includes(anchor));
    const span = answerSpan(ownIndex, analyzeQuestion(ownIndex, question, "en"), i);
    return span && own[i]!.text.slice(span.start, span.end);
  };

  it("should keep the day after the month, and the month 'May' that is also a function word", () => {
    expect(mark("When did the depot open?", "April")).toBe("April 21");
    expect(mark("When will the routes be served from the depot?", "Routes")).toBe("May 1");
    expect(mark("When did the first train leave Xi'an?", "wagons")).toBe("Feb. 20");
  });
});

describe("answerSpan: the agent of a passive verb", () => {
  const docs = [
    {
      id: "r",
      file: "r.md",
      title: "Турнир.",
      lang: "ru",
      body: "Турнир организован Федерацией шахмат Азербайджана и Министерством молодежи и спорта при поддержке властей.",
    },
    {
      id: "n",
      file: "n.md",
      title: "Depot.",
      lang: "en",
      body: "The project was financed jointly by the city budget and a loan from the EBRD.",
    },
  ];
  const mark = (doc: (typeof docs)[number], question: string, lang: "ru" | "en") => {
    const own = toSentences([doc]);
    const ownIndex = createLexicalIndex(own, [], () => lang);
    const i = own.findIndex((x) => x.part === "body");
    const span = answerSpan(ownIndex, analyzeQuestion(ownIndex, question, lang), i);
    return span && own[i]!.text.slice(span.start, span.end);
  };

  it("should answer 'who organised it' with the body after the passive verb, up to the next phrase", () => {
    expect(mark(docs[0]!, "Кто организовал турнир?", "ru")).toBe("Федерацией шахмат Азербайджана и Министерством молодежи и спорта");
  });

  it("should answer 'who financed it' with what follows 'by'", () => {
    expect(mark(docs[1]!, "Who financed the project?", "en")).toBe("city budget and a loan from the EBRD");
  });
});

describe("answerSpan: news conventions", () => {
  const doc = (id: string, lang: "ru" | "en", body: string) => ({ id, file: `${id}.md`, title: "Новость.", lang, body });
  const mark = (d: ReturnType<typeof doc>, question: string, anchor: string) => {
    const own = toSentences([d]);
    const ownIndex = createLexicalIndex(own, [], () => d.lang);
    const i = own.findIndex((x) => x.text.includes(anchor));
    const span = answerSpan(ownIndex, analyzeQuestion(ownIndex, question, d.lang, { lexicon: loadCrossLexicon() }), i);
    return span && own[i]!.text.slice(span.start, span.end);
  };

  it("should not answer 'when' with the dateline when the sentence dates the event", () => {
    const d = doc("a", "en", "BAKU, March 11 - Azerbaijan opened a new rail terminal at the port on Tuesday, March 10, officials said.");
    expect(mark(d, "When did the terminal open?", "opened")).toBe("March 10");
  });

  it("should keep a range of days whole, and not take a year from a quoted name", () => {
    const d = doc("b", "ru", "Шахматный турнир «Шелковый путь — 2026» проходил в Шеки с 8 по 17 мая.");
    expect(mark(d, "Когда проходил турнир?", "мая")).toMatch(/^(с )?8 по 17 мая$/);
  });

  it("should answer 'how many people' with the number of people, not another number", () => {
    const d = doc("c", "en", "Construction took 26 months, employing about 1,100 workers at its peak.");
    expect(mark(d, "how many people worked on the construction?", "workers")).toMatch(/^1,100/);
    expect(mark(d, "how many ppl worked on the construction?", "workers")).toMatch(/^1,100/);
  });

  it("should not take a year for a length of time, nor a dateline with its agency for the event's date", () => {
    const d = doc("y", "ru", "Строительство началось в апреле 2024 года и продолжалось 28 месяцев.");
    expect(mark(d, "Сколько длилось строительство?", "продолжалось")).toBe("28 месяцев");
    const e = doc("z", "ru", "Ленкорань, 14 сентября, Report. Турнир пройдет в ноябре 2026 года.");
    expect(mark(e, "Когда пройдет турнир?", "Турнир")).toBe("ноябре 2026 года");
  });

  it("should keep a number written as a word ('два года', 'три дня')", () => {
    const d = doc("f", "ru", "Лаборатория строилась два года. Гость остается в регионе в среднем на три дня.");
    expect(mark(d, "Сколько лет строили лабораторию?", "строилась")).toBe("два года");
    expect(mark(d, "На сколько дней остаются гости?", "три дня")).toBe("три дня");
  });

  it("should answer 'when' with a season", () => {
    const d = doc("g", "ru", "По словам организаторов, следующий форум пройдет осенью в Шеки, а с 2027 года он станет ежегодным.");
    expect(mark(d, "а когда следующий форум?", "осенью")).toBe("осенью");
    expect(mark(d, "с какого года форум станет ежегодным?", "осенью")).toBe("2027 года");
  });

  it("should give every place of a list, and an institution with its name in the genitive", () => {
    const d = doc("h", "ru", "Оборудование закуплено в Германии и Южной Корее. Талыбова работала в Институте генетических ресурсов.");
    expect(mark(d, "Откуда привезли оборудование?", "закуплено")).toBe("Германии и Южной Корее");
    expect(mark(d, "Где раньше работала Талыбова?", "Талыбова")).toBe("Институте генетических ресурсов");
  });

  it("should answer 'how big' with a number in units of size, not another number", () => {
    const d = doc("i", "ru", "В лаборатории площадью 640 квадратных метров будут работать 18 научных сотрудников.");
    expect(mark(d, "how big is the lab?", "640")).toBe("640 квадратных метров");
  });

  it("should answer 'which X' with the phrase built on X, in any language, and all of them for a plural", () => {
    const d = doc(
      "j",
      "ru",
      "Лаборатория будет сотрудничать с Грузинским аграрным университетом и Аньхойским сельскохозяйственным университетом в Китае.",
    );
    expect(mark(d, "С какими университетами будет сотрудничать лаборатория?", "Грузинским")).toBe(
      "Грузинским аграрным университетом и Аньхойским сельскохозяйственным университетом",
    );
    expect(mark(d, "which universities will the lab work with?", "Грузинским")).toBe(
      "Грузинским аграрным университетом и Аньхойским сельскохозяйственным университетом",
    );
    const e = doc("k", "ru", "Лаборатория открылась в Лянкяранском государственном университете 5 октября.");
    expect(mark(e, "which university opened the lab?", "открылась")).toBe("Лянкяранском государственном университете");
    const r = doc("l", "en", "Routes 12, 45 and 92 will be the first to be served from the new depot starting May 1.");
    expect(mark(r, "which bus routes will be served first from the depot?", "Routes")).toBe("Routes 12, 45 and 92");
    expect(mark(r, "какие маршруты будут обслуживаться первыми?", "Routes")).toBe("Routes 12, 45 and 92");
  });

  it("should answer 'who else' with a person the question does not name, not the title of one it does", () => {
    const d = doc(
      "m",
      "ru",
      "По итогам встречи с Президентом США Дональдом Трампом в Вашингтоне Президент Азербайджана Ильхам Алиев и премьер-министр Армении Никол Пашинян подписали Вашингтонскую декларацию.",
    );
    // (Without a dictionary here, the title before the name stays: "Президентом США Дональдом Трампом".)
    expect(mark(d, "кто еще был на встрече Алиева и Пашиняна?", "Трампом")).toMatch(/Дональдом Трампом$/);
  });

  it("should give the figure now, or the one before for a question that looks back, of a change 'с X до Y'", () => {
    const d = doc("n", "ru", "За последние два года число гостевых домов в регионе выросло почти вдвое — с 85 до 162.");
    expect(mark(d, "сколько гостевых домов сейчас?", "гостевых")).toBe("162");
    expect(mark(d, "скок гостевых домов было два года назад?", "гостевых")).toBe("85");
  });

  it("should answer 'how big' within the clause of what the question names", () => {
    const d = doc("o", "ru", "Построены крытый манеж площадью 3 200 квадратных метров, трибуна на 1 500 мест и общежитие.");
    expect(mark(d, "какой площади манеж?", "манеж")).toBe("3 200 квадратных метров");
    expect(mark(d, "насколько большая трибуна?", "манеж")).toBe("1 500 мест");
  });

  it("should name a place through the lower-case words of its official name", () => {
    const d = doc("e", "ru", "Партии игрались в зале Шекинского олимпийского спортивного комплекса по швейцарской системе.");
    expect(mark(d, "Где играли партии?", "зале")).toBe("Шекинского олимпийского спортивного комплекса");
  });
});

describe("answerSpan: the clause after what the question says", () => {
  const mark = (body: string, question: string) => {
    const own = toSentences([{ id: "t", file: "t.md", title: "Новость.", lang: "ru", body }]);
    const ownIndex = createLexicalIndex(own, [], () => "ru");
    const i = own.findIndex((x) => x.part === "body");
    const span = answerSpan(ownIndex, analyzeQuestion(ownIndex, question, "ru"), i);
    return span && own[i]!.text.slice(span.start, span.end);
  };

  it("should not leave a quotation half-open", () => {
    const body = 'Этот проект получил название "Маршрут Трампа для международного мира и процветания".';
    expect(mark(body, "название проекта?")).toMatch(/"Маршрут Трампа для международного мира и процветания"$/);
  });

  it("should start a clause the reader is unsure of after the question's words, keeping a quoted name whole", () => {
    const body = 'Этот проект получил название "Маршрут Трампа для международного мира и процветания".';
    expect(mark(body, "при чём тут вообще Трамп?")).toBe("Маршрут Трампа для международного мира и процветания");
  });
});

describe("answerSpan: an English news report", () => {
  const body = [
    "KUTAISI, Georgia, May 14 (Reuters) - Georgia opened a $114 million Kutaisi airport terminal on Thursday.",
    "The runway was lengthened by 500 metres to 3,500 metres so that wide-body aircraft can land.",
    '"Kutaisi is no longer a back-up airport. It is the front door to western Georgia," Economy Minister Tamar Gelashvili told guests.',
  ].join(" ");
  const own = toSentences([{ id: "k", file: "k.md", title: "Airport.", lang: "en", body }]);
  const ownIndex = createLexicalIndex(own, [], () => "en");
  const mark = (question: string, anchor: string) => {
    const i = own.findIndex((x) => x.text.includes(anchor));
    const span = answerSpan(ownIndex, analyzeQuestion(ownIndex, question, "en", { lexicon: loadCrossLexicon() }), i);
    return span && own[i]!.text.slice(span.start, span.end);
  };

  it("should give a title with its capitalised words, without the first name of the person asked about", () => {
    expect(mark("who is Gelashvili?", "front door")).toBe("Economy Minister");
  });

  it("should not take the name after a number for what it counts", () => {
    expect(mark("how much did the terminal cost?", "opened")).toBe("114 million");
  });

  it("should give the figure now of a change 'by X to Y', and the change for 'by how much'", () => {
    expect(mark("how long is the runway now?", "runway")).toBe("3,500 metres");
    expect(mark("by how much was the runway lengthened?", "runway")).toBe("500 metres");
  });

  it("should answer 'what did the minister say' with the words quoted", () => {
    expect(mark("what did the minister say?", "front door")).toBe("It is the front door to western Georgia");
  });
});
