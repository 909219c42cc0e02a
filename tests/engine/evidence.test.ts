import { describe, expect, it } from "vitest";
import {
  conceptFocus,
  documentFocus,
  fuseRankings,
  holdsFutureDate,
  holdsType,
  inPlaceList,
  numberCounts,
  placeAfter,
  scoreCandidates,
  selectAnswer,
  speaksOfFuture,
  startsOfficialName,
} from "../../src/engine/evidence.js";
import { loadCrossLexicon } from "../../src/engine/language/crosslang.js";
import { createLexicalIndex, type LexicalIndex } from "../../src/engine/lexical.js";
import { analyzeQuestion } from "../../src/engine/question.js";
import { toSentences } from "../../src/engine/sentences.js";
import { tokenize } from "../../src/engine/text.js";
import type { CorpusDocument } from "../../src/engine/types.js";

function indexOf(body: string, title = "Тестовая новость", date = "2026-02-10"): LexicalIndex {
  const doc: CorpusDocument = { id: "doc", file: "doc.md", title, date, lang: "ru", body };
  const sentences = toSentences([doc]);
  return createLexicalIndex(sentences, [], () => "ru", new Map([["doc", date]]));
}

/** Index of the first sentence containing `fragment`. */
const find = (index: LexicalIndex, fragment: string) => index.sentences.findIndex((s) => s.text.includes(fragment));

describe("holdsType", () => {
  const index = indexOf(
    [
      "Делегацию из 31 компании принял министр Джейхун Байрамов.",
      "Встреча прошла в Баку 10 февраля.",
      "Стороны обсудили торговлю и энергетику.",
      "Инвестиции составят 2 млрд долларов.",
      "Переговоры длились три часа.",
      "В состав вошли компании Chevron и Exxon.",
      "В состав вошли представители 31 компании.",
      "Часть персонала прошла шестимесячную стажировку.",
    ].join("\n\n"),
  );

  it("should not count with a number that is a day or a year of a date", () => {
    const own = indexOf("Лянкяран, 6 октября. Лаборатория открылась 5 октября 2026 года.\n\nВ лаборатории 18 сотрудников.");
    expect(holdsType(own, find(own, "открылась"), "count")).toBe(false);
    expect(holdsType(own, find(own, "18 сотрудников"), "count")).toBe(true);
  });

  it("should not take a year in a quoted name for a date", () => {
    const own = indexOf("В Шеки завершился турнир «Шелковый путь — 2026».\n\nСледующий турнир пройдет в 2027 году.");
    expect(holdsType(own, find(own, "Шелковый"), "date")).toBe(false);
    expect(holdsType(own, find(own, "Следующий"), "date")).toBe(true);
  });

  it("should read a length of time written as one word ('шестимесячную', 'six-month')", () => {
    expect(holdsType(index, find(index, "шестимесячную"), "duration")).toBe(true);
    expect(holdsType(index, find(index, "торговлю"), "duration")).toBe(false);
  });

  it("should find a number for count questions only where there is one", () => {
    expect(holdsType(index, find(index, "31 компании принял"), "count")).toBe(true);
    expect(holdsType(index, find(index, "торговлю"), "count")).toBe(false);
  });

  it("should require money or a unit for amounts, not any number", () => {
    expect(holdsType(index, find(index, "млрд"), "amount")).toBe(true);
    expect(holdsType(index, find(index, "31 компании принял"), "amount")).toBe(false);
  });

  it("should recognise dates by month names and years", () => {
    expect(holdsType(index, find(index, "10 февраля"), "date")).toBe(true);
    expect(holdsType(index, find(index, "торговлю"), "date")).toBe(false);
  });

  it("should tell a duration from a date", () => {
    expect(holdsType(index, find(index, "три часа"), "duration")).toBe(true);
    expect(holdsType(index, find(index, "10 февраля"), "duration")).toBe(false);
  });

  it("should want a place after a locative preposition", () => {
    expect(holdsType(index, find(index, "в Баку"), "place")).toBe(true);
    expect(holdsType(index, find(index, "торговлю"), "place")).toBe(false);
  });

  it("should find a person's name inside the sentence", () => {
    expect(holdsType(index, find(index, "Байрамов"), "person")).toBe(true);
    expect(holdsType(index, find(index, "торговлю"), "person")).toBe(false);
  });

  it("should find an organisation named before its league, council or association", () => {
    const orgs = indexOf("Икбал стал членом лондонского отделения Всеиндийской мусульманской лиги.\n\nСтороны обсудили торговлю.");
    expect(holdsType(orgs, find(orgs, "лиги"), "org")).toBe(true);
    expect(holdsType(orgs, find(orgs, "торговлю"), "org")).toBe(false);
  });

  it("should accept a list of names only where names stand next to the listed noun", () => {
    expect(holdsType(index, find(index, "Chevron"), "list", ["компа"])).toBe(true);
    expect(holdsType(index, find(index, "представители 31"), "list", ["компа"])).toBe(false);
  });
});

describe("numberCounts", () => {
  it("should let the counted noun's adjective after a unit count it ('1 850 тонн чайного листа' counts tea)", () => {
    const index = indexOf("В районе собрали 1 850 тонн зеленого чайного листа. Посадили 40 деревьев.");
    const q = analyzeQuestion(index, "сколько чая собрали?", "ru");
    const tea = q.concepts.find((c) => c.label === "чая")!;
    const i = index.sentences.findIndex((s) => s.text.includes("чайного"));
    const j = index.sentences.findIndex((s) => s.text.includes("деревьев"));
    expect(numberCounts(index, i, tea)).toBe(true);
    expect(numberCounts(index, j, tea)).toBe(false);
  });
});

describe("numberCounts: a general word for people", () => {
  const index = indexOf(
    [
      "В турнире приняли участие 148 шахматистов из 23 стран.",
      "Сеанс одновременной игры прошел на 40 досках для школьников.",
      "Город потерял от 30 до 50 тысяч жителей.",
      "В штат вошли 186 сотрудников.",
    ].join(" "),
  );
  const at = (fragment: string) => index.sentences.findIndex((s) => s.text.includes(fragment));

  it("should let any noun for people right after a number (past a scale word) answer 'how many people'", () => {
    expect(numberCounts(index, at("шахматистов"), undefined)).toBe(true);
    expect(numberCounts(index, at("жителей"), undefined)).toBe(true);
    expect(numberCounts(index, at("сотрудников"), undefined)).toBe(true);
  });

  it("should not count people with a number of something else before them ('40 досках для школьников')", () => {
    expect(numberCounts(index, at("досках"), undefined)).toBe(false);
  });
});

describe("numberCounts: where the counted noun may stand", () => {
  const counts = (body: string, question: string, lang: "ru" | "en" = "ru") => {
    const index = indexOf(body);
    const q = analyzeQuestion(index, question, lang, { lexicon: loadCrossLexicon() });
    const noun = q.concepts.find((c) =>
      c.label
        .toLowerCase()
        .split(/[\s,]+/)
        .includes(q.kind.countNoun ?? ""),
    );
    return noun ? numberCounts(index, 1, noun) : undefined;
  };

  it("should count the noun a few words after a number, past its scale and unit", () => {
    expect(counts("Станция даст 110 миллионов киловатт-часов электроэнергии.", "сколько электроэнергии даст станция?")).toBe(true);
    expect(counts("В делегацию вошли представители 31 компании.", "сколько компаний вошло?")).toBe(true);
  });

  it("should not count a noun past a comma or another noun's 'of'", () => {
    expect(counts("В банке собраны 230 образцов чая, мандаринов и лимонов.", "сколько мандаринов собрали?")).toBe(false);
    expect(counts("The first train brought 56 wagons of containers.", "how many containers came?", "en")).toBe(false);
  });
});

describe("placeAfter", () => {
  const placeIn = (text: string) => {
    const toks = tokenize(text);
    const at = toks.map((_, j) => placeAfter(toks, j)).find((k) => k >= 0);
    return at === undefined ? undefined : toks[at]!.text;
  };

  it("should find the place right after a locative preposition or through one common noun", () => {
    expect(placeIn("Встреча прошла в Баку.")).toBe("Баку");
    expect(placeIn("Часть персонала прошла стажировку в клиниках Анкары.")).toBe("Анкары");
    expect(placeIn("The talks were held in downtown Baku.")).toBe("Baku");
  });

  it("should not take an organisation or a title for a place", () => {
    expect(placeIn("Об этом сообщили в Министерстве.")).toBeUndefined();
    expect(placeIn("Об этом сообщили в пресс-службе Министерства.")).toBeUndefined();
    expect(placeIn("Письмо передали в руки Президента.")).toBeUndefined();
  });
});

describe("holdsFutureDate", () => {
  it("should reject dates before the document's date for 'when will…' questions", () => {
    expect(holdsFutureDate("Саммит прошел 8 августа 2025 года.", "2026-02-10")).toBe(false);
    expect(holdsFutureDate("Хартию подпишут в 2027 году.", "2026-02-10")).toBe(true);
    expect(holdsFutureDate("Документ подпишут в следующем году.", "2026-02-10")).toBe(true);
  });

  it("should not block anything when the document has no date", () => {
    expect(holdsFutureDate("Саммит прошел 8 августа 2025 года.", undefined)).toBe(true);
  });
});

describe("scoreCandidates and selectAnswer", () => {
  const index = indexOf(
    [
      "Министр встретился с делегацией торговой палаты.",
      "Стороны обсудили энергетическую безопасность региона.",
      "Отметим, что ранее министр встречался с послом в Вашингтоне.",
      "Этот проект получил название Маршрут мира. Он соединит два региона.",
    ].join("\n\n"),
    "В Баку обсуждено партнерство",
  );

  it("should rank the sentence that holds the question's words first", () => {
    const q = analyzeQuestion(index, "Что обсудили стороны об энергетической безопасности?", "ru");
    const ranked = scoreCandidates(
      index,
      q,
      index.sentences.map((s) => s.index),
    );
    expect(index.sentences[ranked[0]!.i]!.text).toContain("энергетическую безопасность");
    expect(ranked[0]!.coverage).toBeGreaterThan(ranked[ranked.length - 1]!.coverage);
  });

  it("should let the headline answer 'where' about the lead's meeting, not a background sentence", () => {
    const q = analyzeQuestion(index, "Где прошла встреча с делегацией?", "ru");
    const ranked = scoreCandidates(
      index,
      q,
      index.sentences.map((s) => s.index),
    );
    const lead = ranked.find((c) => c.typeOk)!;
    expect(index.sentences[lead.i]!.part).toBe("title");
    // The lead sentence holds the question's words itself, but the headline covers them as much with it.
    expect(index.sentences[selectAnswer(index, q, ranked)[0]!]!.part).toBe("title");
  });

  it("should cite the sentence a demonstrative refers back to", () => {
    const q = analyzeQuestion(index, "Какое название получил проект?", "ru");
    const ranked = scoreCandidates(
      index,
      q,
      index.sentences.map((s) => s.index),
    );
    const picked = selectAnswer(index, q, ranked).map((i) => index.sentences[i]!.text);
    expect(picked[0]).toContain("получил название");
  });
});

describe("selectAnswer's lead when the fact check misses", () => {
  const index = indexOf(
    ["Гребневики могут съесть в десять раз больше собственного веса в сутки.", "В зоопарке хранят 5 видов пищи."].join("\n\n"),
  );
  const ranked = (text: string, lang: "ru" | "en") =>
    scoreCandidates(
      index,
      analyzeQuestion(index, text, lang),
      index.sentences.map((s) => s.index),
    );

  it("should lead with the sentence that covers clearly more of the question, though no number counts what is asked", () => {
    const q = analyzeQuestion(index, "Сколько пищи в сутки съедают гребневики?", "ru");
    const picked = selectAnswer(index, q, ranked("Сколько пищи в сутки съедают гребневики?", "ru"));
    expect(index.sentences[picked[0]!]!.text).toContain("собственного веса");
  });

  it("should keep the sentence holding the fact when the question's words are translations", () => {
    const q = analyzeQuestion(index, "How much food do ctenophores eat per day?", "en");
    const r = ranked("How much food do ctenophores eat per day?", "en");
    const typed = r.find((c) => c.typeOk);
    const picked = selectAnswer(index, q, r);
    expect(picked[0]).toBe(typed?.i);
  });
});

describe("selectAnswer's second citation", () => {
  const index = indexOf("Министр встретился с делегацией торговой палаты. Стороны обсудили погоду и спорт.");
  const q = analyzeQuestion(index, "С кем встретился министр?", "ru");
  const [first, second] = index.sentences.filter((s) => s.part === "body").map((s) => s.index);
  const candidate = (i: number, own: number, coverage: number, score: number) => ({ i, own, coverage, hits: 1, score, typeOk: true });

  it("should not cite the next sentence when it adds nothing the lead lacks", () => {
    expect(selectAnswer(index, q, [candidate(first!, 1, 1, 1), candidate(second!, 0, 0.72, 0.72)])).toEqual([first]);
  });

  it("should cite it when the lead's coverage leans on it", () => {
    expect(selectAnswer(index, q, [candidate(first!, 0.8, 1, 1), candidate(second!, 0, 0.72, 0.72)])).toEqual([first, second]);
  });
});

describe("fact kinds that need more than a matching word", () => {
  const index = indexOf(
    [
      "Как сообщили в Министерстве, встреча прошла успешно.",
      "В делегацию вошли представители 31 компании.",
      "Министр Байрамов заявил, что сотрудничество будет расти.",
    ].join("\n\n"),
  );

  it("should let a number answer 'how many X' only when it counts X", () => {
    const q = analyzeQuestion(index, "Сколько стран было во встрече и делегации?", "ru");
    expect(q.kind).toMatchObject({ type: "count", countNoun: "стран" });
    const companies = analyzeQuestion(index, "Сколько компаний вошло в делегацию?", "ru");
    const ranked = scoreCandidates(
      index,
      companies,
      index.sentences.map((s) => s.index),
    );
    expect(ranked.find((c) => c.typeOk && index.sentences[c.i]!.text.includes("31"))).toBeDefined();
  });

  it("should let a count stated in the past answer 'how many will…'", () => {
    const q = analyzeQuestion(index, "Сколько компаний будет в делегации?", "ru");
    expect(q.kind.future).toBe(true);
    const ranked = scoreCandidates(
      index,
      q,
      index.sentences.map((s) => s.index),
    );
    expect(ranked.find((c) => c.typeOk && index.sentences[c.i]!.text.includes("31"))).toBeDefined();
  });

  it("should count people as 'человек' after a number when asked 'сколько людей'", () => {
    const plague = indexOf("В 1466 году в Париже от чумы умерло примерно 40 000 человек.\n\nМногие люди бежали из города.");
    const q = analyzeQuestion(plague, "Сколько людей умерло от чумы в Париже?", "ru");
    const ranked = scoreCandidates(
      plague,
      q,
      plague.sentences.map((s) => s.index),
    );
    expect(ranked.find((c) => c.typeOk && plague.sentences[c.i]!.text.includes("40 000"))).toBeDefined();
  });

  it("should refuse 'how many X' when the corpus never mentions X", () => {
    const q = analyzeQuestion(index, "Сколько журналистов было в делегации?", "ru");
    expect(q.kind.countUnknown).toBe(true);
  });

  it("should read 'сколько человек' the corpus never says as a count of people, which companies are not", () => {
    const q = analyzeQuestion(index, "Сколько человек было в делегации?", "ru");
    expect(q.kind).toMatchObject({ type: "count", countsPeople: true });
    expect(q.kind.countUnknown).toBeUndefined();
    expect(q.concepts.map((c) => c.label)).not.toContain("человек");
    const ranked = scoreCandidates(
      index,
      q,
      index.sentences.map((s) => s.index),
    );
    expect(ranked.some((c) => c.typeOk)).toBe(false);
  });

  it("should want a named speaker for 'what did X say', not a ministry's report", () => {
    expect(holdsType(index, find(index, "заявил"), "statement")).toBe(true);
    expect(holdsType(index, find(index, "Министерстве"), "statement")).toBe(false);
  });
});

describe("fuseRankings", () => {
  const gates = { rrfK: 1, vectorWeight: 0.3 };

  it("should keep BM25's order when the vector side ranks the same sentences the other way", () => {
    expect(fuseRankings([{ i: 1 }, { i: 2 }, { i: 3 }], [{ i: 3 }, { i: 2 }, { i: 1 }], gates)).toEqual([1, 2, 3]);
  });

  it("should let a sentence both rank rise over one only BM25 found", () => {
    expect(fuseRankings([{ i: 1 }, { i: 2 }, { i: 3 }], [{ i: 3 }], gates)).toEqual([1, 3, 2]);
  });

  it("should add the sentences only the vector side found after BM25's best", () => {
    expect(fuseRankings([{ i: 1 }], [{ i: 9 }], gates)).toEqual([1, 9]);
  });
});

describe("documentFocus", () => {
  const doc = (id: string, body: string): CorpusDocument => ({ id, file: `${id}.md`, title: id, date: "2026-02-10", lang: "ru", body });
  const sentences = toSentences([doc("a", "Первое. Второе. Третье."), doc("b", "Четвёртое. Пятое. Шестое.")]);
  const index = createLexicalIndex(sentences, [], () => "ru", new Map());
  const inA = sentences.filter((s) => s.doc === "a").map((s) => ({ i: s.index }));
  const inB = sentences.filter((s) => s.doc === "b").map((s) => ({ i: s.index }));

  it("should be the share of the hits in the best hit's document beyond that document's share of the corpus", () => {
    expect(documentFocus(index, inA)).toBeCloseTo(1 - inA.length / sentences.length, 5);
    expect(documentFocus(index, [inA[0]!, inB[0]!])).toBeCloseTo(0.5 - inA.length / sentences.length, 5);
  });

  it("should be 0 without hits", () => {
    expect(documentFocus(index, [])).toBe(0);
  });
});

describe("conceptFocus", () => {
  const doc = (id: string, body: string): CorpusDocument => ({ id, file: `${id}.md`, title: id, date: "2026-02-10", lang: "ru", body });
  const sentences = toSentences([
    doc("a", "Гугеноты прибыли в Виргинию. Гугеноты основали поселение у реки. Театр открылся позже."),
    doc("b", "Река разлилась весной. Поселение на реке выросло."),
  ]);
  const index = createLexicalIndex(sentences, [], () => "ru", new Map());
  const concepts = (q: string) => analyzeQuestion(index, q, "ru").concepts;
  const first = (id: string) => sentences.find((s) => s.doc === id)!.index;

  it("should be 1 when every concept of the question occurs only in the best sentence's document", () => {
    expect(conceptFocus(index, concepts("Где гугеноты основали театр?"), first("a"))).toBeCloseTo(1, 5);
  });

  it("should fall when the question's words are spread over several documents", () => {
    const spread = conceptFocus(index, concepts("Где гугеноты основали поселение у реки?"), first("a"));
    expect(spread).toBeGreaterThan(0);
    expect(spread).toBeLessThan(1);
  });

  it("should count a concept the corpus lacks as 0", () => {
    expect(conceptFocus(index, concepts("Где гугеноты нашли золото?"), first("a"))).toBeLessThan(
      conceptFocus(index, concepts("Где гугеноты основали театр?"), first("a")),
    );
  });

  it("should be 0 with a single document or no sentence", () => {
    const one = toSentences([doc("a", "Гугеноты прибыли в Виргинию. Гугеноты основали театр.")]);
    const single = createLexicalIndex(one, [], () => "ru", new Map());
    expect(conceptFocus(single, analyzeQuestion(single, "Где гугеноты основали театр?", "ru").concepts, 0)).toBe(0);
    expect(conceptFocus(index, concepts("Где гугеноты основали театр?"), undefined)).toBe(0);
  });
});

describe("startsOfficialName", () => {
  const toks = tokenize("В Шеки открылся Региональный центр, его посетил Эльнур Мамедов.");
  const at = (w: string) => toks.findIndex((t) => t.text === w);

  it("should take a capitalised adjective before a lower-case noun for the start of an official name", () => {
    expect(startsOfficialName(toks, at("Региональный"))).toBe(true);
  });

  it("should not take a name for one", () => {
    expect(startsOfficialName(toks, at("Эльнур"))).toBe(false);
    expect(startsOfficialName(toks, at("Шеки"))).toBe(false);
  });
});

describe("inPlaceList", () => {
  it("should take the second place of 'в Ленкорани и Гяндже' for a place, not a person", () => {
    const toks = tokenize("Центры откроют в Ленкорани и Гяндже, сказал Эльнур Мамедов.");
    expect(
      inPlaceList(
        toks,
        toks.findIndex((t) => t.text === "Гяндже"),
      ),
    ).toBe(true);
    expect(
      inPlaceList(
        toks,
        toks.findIndex((t) => t.text === "Мамедов"),
      ),
    ).toBe(false);
  });
});

describe("placeAfter: English", () => {
  it("should find the place past an article ('located in the Alatau district')", () => {
    const toks = tokenize("The depot, located in the Alatau district, can service 120 buses.");
    expect(
      placeAfter(
        toks,
        toks.findIndex((t) => t.text === "in"),
      ),
    ).toBe(toks.findIndex((t) => t.text === "Alatau"));
  });
});

describe("speaksOfFuture", () => {
  it("should read a project at its design stage as a plan", () => {
    expect(speaksOfFuture("Officials said a second depot, in the Nauryzbay district, is currently at the design stage.")).toBe(true);
    expect(speaksOfFuture("Второе депо находится на стадии проектирования.")).toBe(true);
    expect(speaksOfFuture("The depot opened on April 21.")).toBe(false);
  });
});
