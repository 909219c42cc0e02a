import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseGlossary } from "../../../src/engine/corpus.js";
import type { Passage } from "../../../src/engine/llm/verify.js";
import { CORPUS_DIR } from "../../fixtures/paths.js";

/** The corpus glossary as the engine passes it to the verifier (`equivalents`). */
export const GLOSSARY: string[][] = parseGlossary(
  join(CORPUS_DIR, "glossary.yml"),
  readFileSync(join(CORPUS_DIR, "glossary.yml"), "utf8"),
).map((g) => g.terms.map((t) => t.text));

const doc = "2026-02-10-baku-azerbaijan-us-strategic-partnership";
const title = "В Баку обсуждено стратегическое партнерство Азербайджана и США.";
const date = "2026-02-10";

/** Real sentences of the corpus article, as the engine would pass them. */
export const PASSAGES: Passage[] = [
  {
    n: 1,
    doc,
    title,
    date,
    quote:
      "Как сообщили в Министерстве иностранных дел Азербайджана, обсуждения состоялись 10 февраля в ходе встречи министра иностранных дел Азербайджанской Республики Джейхуна Байрамова с делегацией, возглавляемой старшим вице-президентом Торговой палаты США по международным отношениям с членами, Ближнему Востоку и Турции Хушем Чокси, в состав которой вошли руководители и представители 31 компании.",
  },
  {
    n: 2,
    doc,
    title,
    date,
    quote:
      "Отметим, что 8 августа 2025 года по итогам трехсторонней встречи с Президентом США Дональдом Трампом в Вашингтоне Президент Азербайджана Ильхам Алиев и премьер-министр Армении Никол Пашинян подписали совместную декларацию об обеспечении мира между Баку и Ереваном и налаживании транспортного сообщения между основной частью Азербайджана и его Нахчыванской АР.",
  },
  {
    n: 3,
    doc,
    title,
    date,
    quote:
      "Во время встречи обсуждались шаги по установлению стратегического партнерства между Азербайджаном и США, текущее состояние и перспективы двустороннего сотрудничества в таких областях, как энергетика, торговля, транспорт и логистика, включая маршрут TRIPP, а также экономические инвестиции в ряде ключевых секторов и возможности развития сотрудничества с частным сектором США.",
  },
];
