import { describe, expect, it } from "vitest";
import type { AnswerResult, Citation } from "../../src/engine/types.js";
import { textsFor } from "../../src/render/i18n.js";
import { plainText } from "../../src/render/text.js";
import { languageNote, refusalText } from "../../src/render/view.js";
import { TEST_DOCS, toAnswer, toRefusal } from "../support/fake-engine.js";

const QUOTE = "В состав делегации вошли представители 31 компании.";
const cite = (n: number, quote: string, over: Partial<Citation> = {}): Citation => ({
  n,
  quote,
  doc: "delegation",
  title: "Talks in Baku.",
  date: "2026-02-10",
  part: "body",
  start: 0,
  end: quote.length,
  ...over,
});
const answer = (over: Partial<AnswerResult> = {}) =>
  toAnswer({
    lang: "en",
    short: "31 companies",
    evidenceLangs: ["ru"],
    citations: [cite(1, QUOTE), cite(2, "Summit text.", { doc: "summit", title: "Summit notes", date: undefined })],
    ...over,
  });

describe("plain text (the scorers' answer)", () => {
  it("should print the direct answer, the quotes with [n], the language note, then the sources", () => {
    expect(plainText(answer(), TEST_DOCS)).toBe(
      [
        "31 companies",
        `${QUOTE} [1]`,
        "Summit text. [2]",
        "The source is in Russian; quotes are given in the original.",
        "",
        "Sources:",
        "[1] Talks in Baku, 2026-02-10",
        "[2] Summit notes",
      ].join("\n"),
    );
  });

  it("should open with the lead-in when there is no direct answer, and add no note for evidence in the reader's language", () => {
    const text = plainText(answer({ lang: "ru", short: undefined }), TEST_DOCS);
    expect(text.split("\n").slice(0, 2)).toEqual([textsFor("ru").answer.leadIn, `${QUOTE} [1]`]);
    expect(text).not.toContain("оригинале");
  });

  it("should print the model's own text in generative mode, the quotes only as sources", () => {
    const text = plainText(answer({ short: undefined, mode: "generative", generated: "There were 31 companies [1]." }), TEST_DOCS);
    expect(text.split("\n")[0]).toBe("There were 31 companies [1].");
    expect(text).not.toContain(`${QUOTE} [1]`);
    expect(text).toContain("\n\nSources:\n[1] Talks in Baku, 2026-02-10");
  });

  it("should word a refusal from its reason in the reader's language, then name the documents", () => {
    expect(plainText(toRefusal({ lang: "az", reason: "injection" }), TEST_DOCS)).toBe(
      `${textsFor("az").refusal.injection}\n${textsFor("az").refusal.scope.replace(
        "{titles}",
        '«Talks <in> Baku & "partners"» (2026-02-10); «Summit notes» (2025-08-08)',
      )}`,
    );
  });
});

describe("shared wording", () => {
  it("should name the missing kind of fact, count by default, and fall back to the weak-evidence text for a kind without words", () => {
    const first = (fact: string | undefined) =>
      refusalText(toRefusal({ reason: "missing_fact", ...(fact ? { fact } : {}) }), []).split("\n")[0];
    expect(first("date")).toBe("Sorry, my sources don't say when that was or will be.");
    expect(first(undefined)).toBe("Sorry, my sources don't say how many exactly.");
    expect(first("colour")).toBe(textsFor("en").refusal.weak_evidence);
    expect(first("constructor")).toBe(textsFor("en").refusal.weak_evidence);
  });

  it("should note every foreign language of the evidence, by its code where the locale has no name for it", () => {
    expect(languageNote({ lang: "en", evidenceLangs: ["en"] })).toBeUndefined();
    expect(languageNote({ lang: "az", evidenceLangs: ["ru", "az", "en"] })).toBe(
      "Mənbə rus, ingilis dilindədir; sitatlar orijinalda verilir.",
    );
    expect(languageNote({ lang: "en", evidenceLangs: ["de"] })).toBe("The source is in de; quotes are given in the original.");
  });

  it("should name five documents in a refusal, then how many more", () => {
    const docs = Array.from({ length: 7 }, (_, i) => ({ ...TEST_DOCS[1]!, id: `d${i}`, title: `Doc ${i}.`, date: undefined }));
    expect(refusalText(toRefusal(), docs).split("\n")[1]).toBe(
      "I can answer questions about: «Doc 0»; «Doc 1»; «Doc 2»; «Doc 3»; «Doc 4» … (+2).",
    );
  });
});
