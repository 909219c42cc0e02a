import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The model prompts, loaded from `prompts/` (templates with `{placeholders}`). */
export interface Prompts {
  /** System prompt: the rules. Placeholders: {refusal_token}. */
  system: string;
  /** Per-question template. Placeholders: {question}, {passages}, {lang}, {refusal_token}. */
  answer: string;
  /** Query expansion template. Placeholders: {question}, {from_lang}, {corpus_lang}. */
  expand: string;
}

/** Thrown when a prompt file is missing, unreadable or lacks (or misspells) a placeholder. */
export class PromptError extends Error {
  override name = "PromptError";
  constructor(
    message: string,
    /** Path of the offending file. */
    readonly file: string,
    /** The placeholder that is missing or unknown, when that is the problem. */
    readonly placeholder?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Which file feeds which prompt, and the placeholders each must contain. */
export const PROMPT_FILES = {
  system: { file: "system.md", required: ["refusal_token"] },
  answer: { file: "answer.md", required: ["question", "passages", "lang", "refusal_token"] },
  expand: { file: "expand-query.md", required: ["question", "from_lang", "corpus_lang"] },
} as const satisfies Record<keyof Prompts, { file: string; required: readonly string[] }>;

const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;

/**
 * Reads and checks `system.md`, `answer.md` and `expand-query.md` from `dir`.
 * Every required placeholder must be present and no unknown `{snake_case}` placeholder may appear
 * (a typo such as `{pasages}` would otherwise reach the model verbatim).
 * @throws PromptError naming the file and the missing/unknown placeholder.
 */
export function loadPrompts(dir = "prompts"): Prompts {
  const out: Partial<Prompts> = {};
  for (const key of Object.keys(PROMPT_FILES) as (keyof Prompts)[]) {
    const { file, required } = PROMPT_FILES[key];
    const path = join(dir, file);
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (cause) {
      throw new PromptError(`Cannot read prompt file ${path}: ${(cause as Error).message}`, path, undefined, { cause });
    }
    if (text.trim() === "") throw new PromptError(`Prompt file ${path} is empty`, path);
    const found = new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ""));
    for (const name of required) {
      if (!found.has(name)) throw new PromptError(`Prompt file ${path} lacks the placeholder {${name}}`, path, name);
    }
    for (const name of found) {
      if (!(required as readonly string[]).includes(name))
        throw new PromptError(
          `Prompt file ${path} has an unknown placeholder {${name}} (allowed: ${required.map((r) => `{${r}}`).join(", ")})`,
          path,
          name,
        );
    }
    out[key] = text.trim();
  }
  return out as Prompts;
}

/**
 * Fills `{name}` placeholders in one pass: values are inserted literally, so a value that itself
 * contains `{question}` is never expanded again. Unknown placeholders are left as they are.
 */
export function fillTemplate(template: string, vars: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(vars, name) ? (vars[name] ?? "") : whole));
}
