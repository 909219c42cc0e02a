import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fillTemplate, loadPrompts, PromptError } from "../../../src/engine/llm/prompts.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "prompts-"));
  cpSync("prompts", dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function loadError(): PromptError {
  try {
    loadPrompts(dir);
  } catch (e) {
    if (e instanceof PromptError) return e;
    throw e;
  }
  throw new Error("loadPrompts did not throw");
}

describe("loadPrompts", () => {
  it("should load the shipped prompts with all their placeholders", () => {
    const p = loadPrompts("prompts");
    expect(p.system).toContain("{refusal_token}");
    for (const ph of ["{question}", "{passages}", "{lang}", "{refusal_token}"]) expect(p.answer).toContain(ph);
    for (const ph of ["{question}", "{from_lang}", "{corpus_lang}"]) expect(p.expand).toContain(ph);
  });

  it("should name the file when one is missing", () => {
    rmSync(join(dir, "expand-query.md"));
    const e = loadError();
    expect(e.name).toBe("PromptError");
    expect(e.file).toBe(join(dir, "expand-query.md"));
    expect(e.message).toContain("expand-query.md");
    expect((e.cause as NodeJS.ErrnoException).code).toBe("ENOENT");
  });

  it("should name the file and the placeholder when a placeholder is missing", () => {
    const file = join(dir, "answer.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("{passages}", "the passages"));
    const e = loadError();
    expect(e.file).toBe(file);
    expect(e.placeholder).toBe("passages");
    expect(e.message).toMatch(/answer\.md lacks the placeholder \{passages\}/);
  });

  it("should reject a misspelt placeholder", () => {
    const file = join(dir, "system.md");
    writeFileSync(file, `${readFileSync(file, "utf8")}\nSee {refusal_tokn}.`);
    const e = loadError();
    expect(e.file).toBe(file);
    expect(e.placeholder).toBe("refusal_tokn");
  });

  it("should reject an empty file", () => {
    writeFileSync(join(dir, "system.md"), "  \n");
    expect(loadError().message).toMatch(/system\.md is empty/);
  });
});

describe("fillTemplate", () => {
  it("should fill in one pass, never expanding placeholders inside values", () => {
    expect(fillTemplate("Q: {question} / P: {passages}", { question: "{passages}", passages: "[1] x" })).toBe("Q: {passages} / P: [1] x");
  });
});
