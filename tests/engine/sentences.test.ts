import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/engine/corpus.js";
import { splitSentences, toSentences } from "../../src/engine/sentences.js";
import type { CorpusDocument } from "../../src/engine/types.js";
import { CORPUS_DIR } from "../fixtures/paths.js";

const pieces = (text: string) => splitSentences(text).map(([s, e]) => text.slice(s, e));

const docOf = (id: string, title: string, body: string): CorpusDocument => ({ id, file: `${id}.md`, title, lang: "ru", body });

describe("splitSentences", () => {
  it("should split Russian text at sentence ends", () => {
    expect(pieces("Встреча прошла в Баку. Стороны обсудили энергетику! Что дальше? Продолжение следует.")).toEqual([
      "Встреча прошла в Баку.",
      "Стороны обсудили энергетику!",
      "Что дальше?",
      "Продолжение следует.",
    ]);
  });

  it("should keep a news dateline with the sentence it opens", () => {
    expect(pieces("Губа, 14 мая. В районе 13 мая открыли водохранилище. Объем 48 млн кубометров.")).toEqual([
      "Губа, 14 мая. В районе 13 мая открыли водохранилище.",
      "Объем 48 млн кубометров.",
    ]);
    expect(pieces("Встреча прошла в Баку. Обсудили торговлю.")).toEqual(["Встреча прошла в Баку.", "Обсудили торговлю."]);
    // …with the news agency after the date.
    expect(pieces("Ленкорань, 14 сентября, Report. В Ленкорани открылась академия. Она большая.")).toEqual([
      "Ленкорань, 14 сентября, Report. В Ленкорани открылась академия.",
      "Она большая.",
    ]);
  });

  it("should not split after a month written short", () => {
    expect(pieces("The first train left Xi'an on Feb. 20, arrived in time for the ceremony. It carried containers.")).toEqual([
      "The first train left Xi'an on Feb. 20, arrived in time for the ceremony.",
      "It carried containers.",
    ]);
    expect(pieces("Турнир пройдёт с 5 янв. 2027 года. Заявки принимают до 1 дек. 2026 года.")).toEqual([
      "Турнир пройдёт с 5 янв. 2027 года.",
      "Заявки принимают до 1 дек. 2026 года.",
    ]);
  });

  it("should not split after Russian abbreviations", () => {
    expect(
      pieces("Встреча прошла 8 августа 2025 г. В ней участвовали министры. Обсуждали торговлю, транспорт и т. д. Итоги подведут позже."),
    ).toEqual([
      "Встреча прошла 8 августа 2025 г. В ней участвовали министры.",
      "Обсуждали торговлю, транспорт и т. д. Итоги подведут позже.",
    ]);
    expect(pieces("Говорили об энергетике, логистике и т.д. Затем был обед.")).toEqual([
      "Говорили об энергетике, логистике и т.д. Затем был обед.",
    ]);
  });

  it("should not split after initials", () => {
    expect(pieces("Стихи написал А. С. Пушкин. Их читали все.")).toEqual(["Стихи написал А. С. Пушкин.", "Их читали все."]);
  });

  it("should not split after English titles", () => {
    expect(pieces("Mr. Smith met Dr. Jones in Baku. They talked for an hour.")).toEqual([
      "Mr. Smith met Dr. Jones in Baku.",
      "They talked for an hour.",
    ]);
  });

  it("should keep closing quotes with their sentence and split before an opening quote", () => {
    expect(pieces("Он сказал: «Мы готовы». «Хорошо», — ответил министр.")).toEqual([
      "Он сказал: «Мы готовы».",
      "«Хорошо», — ответил министр.",
    ]);
    expect(pieces('He said "We agree." Then he left.')).toEqual(['He said "We agree."', "Then he left."]);
  });

  it("should split after an ellipsis before a capital, but not inside a sentence", () => {
    expect(pieces("Переговоры шли долго… Наконец договорились.")).toEqual(["Переговоры шли долго…", "Наконец договорились."]);
    expect(pieces("Переговоры шли… и шли.")).toEqual(["Переговоры шли… и шли."]);
  });

  it("should not split before a lower-case word or inside numbers", () => {
    expect(pieces("Объём составил 1.5 млрд. долларов и т.п. вещи.")).toEqual(["Объём составил 1.5 млрд. долларов и т.п. вещи."]);
  });

  it("should read the abbreviation before a period the same after a long sentence or a long word", () => {
    const long = `${"Очень длинное предложение о встрече делегаций ".repeat(5)}в 2026 г. В ней участвовали министры.`;
    expect(pieces(long)).toHaveLength(1);
    const word = `Слово ${"а".repeat(40)}г. Следующее предложение.`;
    expect(pieces(word)).toEqual([`Слово ${"а".repeat(40)}г.`, "Следующее предложение."]);
  });

  it("should drop spans without letters or digits and trim spaces", () => {
    expect(splitSentences("   ")).toEqual([]);
    expect(splitSentences("— … —")).toEqual([]);
    const text = "  Первое. Второе.  ";
    expect(splitSentences(text)).toEqual([
      [2, 9],
      [10, 17],
    ]);
  });
});

describe("toSentences", () => {
  const corpus = loadCorpus(CORPUS_DIR);
  const doc = corpus.documents[0]!;
  const units = toSentences(corpus.documents);

  it("should make the headline unit 0 with part 'title', paragraph 0, position 0", () => {
    const u = units[0]!;
    expect(u.part).toBe("title");
    expect(u.paragraph).toBe(0);
    expect(u.position).toBe(0);
    expect(u.index).toBe(0);
    expect(u.text).toBe(doc.title);
    expect([u.start, u.end]).toEqual([0, doc.title.length]);
  });

  it("should quote every unit of the shipped corpus verbatim from its field", () => {
    expect(units.length).toBeGreaterThan(5);
    for (const u of units) {
      const field = u.part === "title" ? doc.title : doc.body;
      expect(field.slice(u.start, u.end)).toBe(u.text);
      expect(u.text).toBe(u.text.trim());
      expect(u.text.length).toBeGreaterThan(0);
    }
  });

  it("should cover every letter of the body with some unit", () => {
    const covered = new Array<boolean>(doc.body.length).fill(false);
    for (const u of units) if (u.part === "body") for (let i = u.start; i < u.end; i++) covered[i] = true;
    const missed = [...doc.body].map((ch, i) => (/[\p{L}\p{N}]/u.test(ch) && !covered[i] ? ch : "")).join("");
    expect(missed).toBe("");
  });

  it("should number paragraphs 0 (headline) and 1..5 for the shipped article's body", () => {
    const paragraphs = [...new Set(units.map((u) => u.paragraph))];
    expect(paragraphs).toEqual([0, 1, 2, 3, 4, 5]);
    // Paragraph numbers match the blank-line separated paragraphs of the body.
    const bodyParas = doc.body.split(/\n[ \t]*\n/).filter((p) => p.trim());
    expect(bodyParas).toHaveLength(5);
    for (const u of units.filter((x) => x.part === "body")) expect(bodyParas[u.paragraph - 1]).toContain(u.text);
  });

  it("should give positions and indexes in order", () => {
    units.forEach((u, k) => {
      expect(u.index).toBe(k);
      expect(u.position).toBe(k);
    });
  });

  it("should give stable ids across calls", () => {
    const again = toSentences(loadCorpus(CORPUS_DIR).documents);
    expect(again.map((u) => u.id)).toEqual(units.map((u) => u.id));
    expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
    for (const u of units) expect(u.id.startsWith(`${doc.id}:`)).toBe(true);
  });

  it("should keep the ids of unchanged sentences when another sentence is edited", () => {
    const before = toSentences([docOf("d", "Заголовок", "Первое предложение. Второе предложение.\n\nТретье предложение.")]);
    const after = toSentences([docOf("d", "Заголовок", "Первое предложение. Второе предложение изменено.\n\nТретье предложение.")]);
    expect(before.map((u) => u.text)).toEqual(["Заголовок", "Первое предложение.", "Второе предложение.", "Третье предложение."]);
    expect(after[0]!.id).toBe(before[0]!.id);
    expect(after[1]!.id).toBe(before[1]!.id);
    expect(after[2]!.id).not.toBe(before[2]!.id);
    expect(after[3]!.id).toBe(before[3]!.id);
  });

  it("should tell repeated sentences apart by occurrence number", () => {
    const u = toSentences([docOf("d", "Т", "Да. Нет. Да.")]);
    const yes = u.filter((x) => x.text === "Да.");
    expect(yes).toHaveLength(2);
    expect(yes[0]!.id).not.toBe(yes[1]!.id);
    expect(yes[0]!.id.endsWith(":0")).toBe(true);
    expect(yes[1]!.id.endsWith(":1")).toBe(true);
  });

  it("should number documents independently and in the given order", () => {
    const u = toSentences([docOf("a", "Альфа", "Один. Два."), docOf("b", "Бета", "Три.")]);
    expect(u.map((x) => [x.doc, x.part, x.position])).toEqual([
      ["a", "title", 0],
      ["a", "body", 1],
      ["a", "body", 2],
      ["b", "title", 0],
      ["b", "body", 1],
    ]);
    expect(u.map((x) => x.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it("should skip empty paragraphs without counting them", () => {
    const body = "Первый.\n\n  —  \n\nВторой.";
    const u = toSentences([docOf("d", "Т", body)]);
    expect(u.map((x) => [x.text, x.paragraph])).toEqual([
      ["Т", 0],
      ["Первый.", 1],
      ["Второй.", 2],
    ]);
    for (const x of u.slice(1)) expect(body.slice(x.start, x.end)).toBe(x.text);
  });
});

describe("toSentences ids", () => {
  it("should name a sentence by its document, the sha1 of its text (12 hex digits) and its occurrence", () => {
    const [title, a, b] = toSentences([docOf("d", "Заголовок", "Повтор. Повтор.")]);
    const sha = (t: string) => createHash("sha1").update(t).digest("hex").slice(0, 12);
    expect(title!.id).toBe(`d:${sha("Заголовок")}:0`);
    expect([a!.id, b!.id]).toEqual([`d:${sha("Повтор.")}:0`, `d:${sha("Повтор.")}:1`]);
  });
});
