/**
 * The bot's fixed wording per language, from `locales/{ru,en,az}.json` (the render layer's files:
 * nested groups are read as dotted keys, "refusal.scope"). Every language must have every key of
 * the Russian file (checked at load); a missing key falls back to Russian.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Lang } from "./types.js";

export const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../locales");
export const LANGS: readonly Lang[] = ["ru", "en", "az"];

export class LocaleError extends Error {
  override name = "LocaleError";
}

export type Translate = (lang: Lang, key: string, vars?: Record<string, string | number>) => string;

/** `{ refusal: { scope: "…" } }` → `{ "refusal.scope": "…" }`; lists are left out. */
function flatten(data: unknown, prefix = "", out: Record<string, string> = {}): Record<string, string> {
  if (typeof data === "string") out[prefix] = data;
  else if (data && typeof data === "object" && !Array.isArray(data))
    for (const [k, v] of Object.entries(data)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

/** Loads and checks the locale files; returns `t(lang, key, vars)`. */
export function loadLocales(dir = LOCALES_DIR): Translate {
  const tables = new Map<Lang, Record<string, string>>();
  for (const lang of LANGS) {
    const file = join(dir, `${lang}.json`);
    try {
      tables.set(lang, flatten(JSON.parse(readFileSync(file, "utf8"))));
    } catch (cause) {
      throw new LocaleError(`cannot read ${file}: ${(cause as Error).message}`, { cause });
    }
  }
  const ru = tables.get("ru")!;
  for (const lang of LANGS) {
    const missing = Object.keys(ru).filter((k) => typeof tables.get(lang)![k] !== "string");
    if (missing.length) throw new LocaleError(`locales/${lang}.json lacks: ${missing.join(", ")}`);
  }
  return (lang, key, vars) => {
    const template = tables.get(lang)?.[key] ?? ru[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (m, name: string) => (vars && name in vars ? String(vars[name]) : m));
  };
}
