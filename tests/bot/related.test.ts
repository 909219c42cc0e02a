// Related questions are offered as buttons: every one must be answered by the real engine, with
// the span marked in its quote, in the language it is offered in.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textsFor } from "../../src/bot/i18n.js";
import { createRelatedQuestions, parseQuestionsField, type RelatedQuestions } from "../../src/bot/related.js";
import { createEngine } from "../../src/engine/engine.js";
import type { Engine } from "../../src/engine/types.js";
import { answerHtml } from "../../src/render/telegram-html.js";
import { tempDirs } from "../fixtures/paths.js";
import { assertTelegramHtml } from "./telegram-html.js";

describe("related questions of the shipped corpus", () => {
  const tmp = tempDirs();
  let engine: Engine;
  let corpusDir: string;
  let related: RelatedQuestions;

  beforeAll(async () => {
    corpusDir = tmp.copyCorpus();
    engine = await createEngine({ CORPUS_DIR: corpusDir, INDEX_DIR: join(tmp.make(), "index") });
    related = createRelatedQuestions(engine, corpusDir);
  }, 60_000);
  afterAll(async () => {
    await engine.close();
    tmp.cleanup();
  });

  for (const lang of ["ru", "en", "az"] as const) {
    it(`should come from the article's front matter in ${lang}, and each be answered with a short answer and a marked span`, async () => {
      const picked = await related.pick(lang, "", 10);
      expect(picked.length).toBeGreaterThanOrEqual(3);
      expect(picked.map((q) => q.text)).not.toEqual(textsFor(lang).examples); // the corpus's own list
      for (const q of picked) {
        const r = await engine.ask(q.text, { langHint: lang });
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
      for (const q of textsFor(lang).examples) expect((await engine.ask(q, { langHint: lang })).kind, q).toBe("answer");
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
