// Related questions are offered as buttons: every one must be answered by the real engine, with
// the span marked in its quote, in the language it is offered in.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textsFor } from "../../src/bot/i18n.js";
import { createRelatedQuestions, parseQuestionsField, type RelatedQuestions } from "../../src/bot/related.js";
import { createEngine } from "../../src/engine/engine.js";
import type { Engine } from "../../src/engine/types.js";
import { answerHtml } from "../../src/render/telegram-html.js";
import { tempDirs } from "../fixtures/paths.js";
import { assertTelegramHtml } from "./telegram-html.js";

/** A real engine over the corpus `makeCorpus` writes (in a temporary folder), and its related questions. */
function engineOver(makeCorpus: (tmp: ReturnType<typeof tempDirs>) => string): { engine: Engine; related: RelatedQuestions } {
  const tmp = tempDirs();
  const ctx = {} as { engine: Engine; related: RelatedQuestions };
  beforeAll(async () => {
    const corpusDir = makeCorpus(tmp);
    ctx.engine = await createEngine({ CORPUS_DIR: corpusDir, INDEX_DIR: join(tmp.make(), "index") });
    ctx.related = createRelatedQuestions(ctx.engine, corpusDir);
  }, 60_000);
  afterAll(async () => {
    await ctx.engine.close();
    tmp.cleanup();
  });
  return ctx;
}

describe("related questions of the shipped corpus", () => {
  const ctx = engineOver((tmp) => tmp.copyCorpus());

  for (const lang of ["ru", "en", "az"] as const) {
    it(`should come from the article's front matter in ${lang}, and each be answered with a short answer and a marked span`, async () => {
      const picked = await ctx.related.pick(lang, "", 10);
      expect(picked.length).toBeGreaterThanOrEqual(3);
      expect(picked.map((q) => q.text)).not.toEqual(textsFor(lang).examples); // the corpus's own list
      for (const q of picked) {
        const r = await ctx.engine.ask(q.text, { langHint: lang });
        expect(r.kind, q.text).toBe("answer");
        if (r.kind !== "answer") continue;
        expect(r.lang).toBe(lang);
        expect(r.short?.trim(), q.text).toBeTruthy();
        const html = answerHtml(r);
        assertTelegramHtml(html);
        expect(html.startsWith(`<b>`)).toBe(true);
        expect(html.match(/<b>/g)!.length, `${q.text}: span marked in the quote`).toBeGreaterThanOrEqual(2);
      }
    });
  }

  it("should also answer the locale's example questions (the fallback)", async () => {
    for (const lang of ["ru", "en", "az"] as const)
      for (const q of textsFor(lang).examples) expect((await ctx.engine.ask(q, { langHint: lang })).kind, q).toBe("answer");
  });
});

describe("related questions of another article", () => {
  const ctx = engineOver((tmp) => {
    const corpusDir = tmp.make();
    writeFileSync(
      join(corpusDir, "chess.md"),
      [
        "---",
        'title: "В Шеки завершился шахматный турнир «Шелковый путь — 2026»"',
        "date: 2026-05-18",
        "lang: ru",
        "---",
        "",
        "Шеки, 18 мая. В Шеки завершился VI Международный шахматный турнир «Шелковый путь — 2026», который проходил с 8 по 17 мая.",
        "",
        "Победителем турнира стал азербайджанский гроссмейстер Фуад Нагиев, набравший 7,5 очка из 9 возможных.",
        "",
      ].join("\n"),
    );
    return corpusDir;
  });

  it("should offer, without a list in the front matter, only questions this corpus answers, in every language", async () => {
    for (const lang of ["ru", "en", "az"] as const) {
      const picked = (await ctx.related.pick(lang, "", 10)).map((q) => q.text);
      expect(picked.length, lang).toBeGreaterThanOrEqual(2);
      for (const q of textsFor(lang).examples) expect(picked, lang).not.toContain(q); // the shipped article's questions
      for (const q of picked) expect((await ctx.engine.ask(q, { langHint: lang })).kind, q).toBe("answer");
    }
  });
});

describe("parseQuestionsField", () => {
  const detect = (t: string) => (/[а-я]/i.test(t) ? "ru" : "en") as "ru" | "en";
  it("should accept a list (by detected language) or lists by language, and ignore anything else", () => {
    expect(parseQuestionsField(["Кто?", "Who?", 5, ""], detect)).toEqual({ ru: ["Кто?"], en: ["Who?"] });
    expect(parseQuestionsField({ az: ["Kim?"], xx: ["?"], en: "not a list" }, detect)).toEqual({ az: ["Kim?"] });
    expect(parseQuestionsField(undefined, detect)).toEqual({});
  });
});
