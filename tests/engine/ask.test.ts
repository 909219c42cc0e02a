import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RULES } from "../../src/engine/decide.js";
import { createEngine, type EngineInternals } from "../../src/engine/engine.js";
import { MIXED_CORPUS_DIR } from "../fixtures/paths.js";

// The stages of ask() on a corpus of three articles (ru, ru, en) without a glossary.
describe("ask() stages", () => {
  let engine: EngineInternals;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ask-stages-"));
    engine = await createEngine({ CORPUS_DIR: MIXED_CORPUS_DIR, INDEX_DIR: join(dir, "index") }, { warmUp: false });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("should name the rule that refused, from the one rule list", async () => {
    const { result, trace } = await engine.askWithTrace("Какая погода в Париже?");
    expect(result.kind).toBe("refusal");
    expect(RULES.map((r) => r.name)).toContain(trace?.rule);
  });

  it("should answer from one article, with the features the decision used", async () => {
    const { result, trace } = await engine.askWithTrace("Сколько рабочих участвовало в строительстве станции?");
    expect(result.kind).toBe("answer");
    if (result.kind !== "answer") return;
    expect(new Set(result.citations.map((c) => c.doc)).size).toBe(1);
    expect(result.short).toMatch(/420/);
    expect(trace?.features?.knownShare).toBeGreaterThan(0.5);
  });

  it("should answer an English question about the Russian article and a Russian one about the English article", async () => {
    const en = await engine.ask("How many workers built the solar plant?");
    expect(en.kind === "answer" && en.citations[0]!.quote).toMatch(/420/);
    const ru = await engine.ask("Сколько посетителей было на книжной ярмарке в Тбилиси?");
    expect(ru.kind === "answer" && ru.citations[0]!.quote).toMatch(/38,000/);
  });

  it("should refuse 'Дата?' when several articles could be meant", async () => {
    const r = await engine.ask("Дата?");
    expect(r.kind).toBe("refusal");
  });

  it("should give the newest article's lead for 'what is the news about?'", async () => {
    const r = await engine.ask("what is the news about?");
    expect(r.kind === "answer" && r.citations[0]!.title).toMatch(/Tbilisi book fair/);
  });
});

// One article and bare questions for a kind of fact ("Дата?", "Кто источник?").
describe("ask() on a single article without an attribution", () => {
  let engine: EngineInternals;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ask-single-"));
    const corpus = join(dir, "corpus");
    mkdirSync(corpus);
    writeFileSync(
      join(corpus, "a.md"),
      "---\ntitle: Турнир завершился\ndate: 2026-05-18\n---\n\nТурнир проходил с 8 по 17 мая в Шеки. Победителем стал Фуад Нагиев.\n",
    );
    engine = await createEngine({ CORPUS_DIR: corpus, INDEX_DIR: join(dir, "index") }, { warmUp: false });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("should answer a bare 'Дата?' from the sentence holding a date", async () => {
    const r = await engine.ask("Дата?");
    expect(r.kind === "answer" && r.citations[0]!.quote).toMatch(/17 мая/);
  });

  it("should say the sources do not name where the news comes from, rather than quote the lead", async () => {
    const r = await engine.ask("кто источник?");
    expect(r.kind).toBe("refusal");
    expect(r.kind === "refusal" && r.reason).toBe("missing_fact");
  });
});
