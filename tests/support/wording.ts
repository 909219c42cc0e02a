// The fixed wording the tests expect, read from the locale files (one place to change if they move).
import { readFileSync } from "node:fs";
import { ROOT } from "../fixtures/paths.js";

type Lang = "ru" | "en" | "az";

/** The wording of answers and refusals for `lang` (locales/{lang}.json), e.g. `engineText("en", "refusal.off_topic")`. */
export function engineText(lang: Lang, key: string): string {
  const texts: unknown = JSON.parse(readFileSync(`${ROOT}/locales/${lang}.json`, "utf8"));
  const text = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], texts);
  if (typeof text !== "string") throw new Error(`locales/${lang}.json has no "${key}"`);
  return text;
}

/**
 * True when `reply` is the engine's "not in my sources" refusal in `lang` — off-topic or no
 * evidence, followed by the scope line — and not some other text without citations (the bot's
 * error apology, a usage hint).
 */
export function isNotInSourcesRefusal(reply: string, lang: Lang): boolean {
  const first = reply.split("\n")[0]?.trim();
  const scope = engineText(lang, "refusal.scope").split("{titles}")[0] ?? "";
  return (
    (first === engineText(lang, "refusal.off_topic") || first === engineText(lang, "refusal.weak_evidence")) && reply.includes(scope.trim())
  );
}
