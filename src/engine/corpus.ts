/**
 * Reads the corpus folder: Markdown files with YAML front matter, plus an optional
 * multilingual glossary (`glossary.yml`). Everything is validated; a bad file stops
 * loading with a {@link CorpusError} that names the file and the problem.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parse as parseYaml } from "yaml";
import type { CorpusDocument } from "./types.js";

export class CorpusError extends Error {
  override name = "CorpusError";
  constructor(
    readonly file: string,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${problem}`, options);
  }
}

/** A title for display next to other text: without a closing period ("…и США." → "…и США"). */
export function displayTitle(title: string): string {
  return title.trim().replace(/(?<![.])\.$/, "");
}

/** One group of equivalent terms; see corpus/glossary.yml for the format. */
export interface GlossaryGroup {
  type?: string;
  /** All terms of the group with their language key (ru, en, az …). */
  terms: { text: string; lang: string }[];
}

export interface Corpus {
  dir: string;
  documents: CorpusDocument[];
  glossary: GlossaryGroup[];
  /** sha256 over file names and bytes of the documents (not the glossary: it does not change the index). */
  hash: string;
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const decoder = new TextDecoder("utf-8", { fatal: true });

/** Parses one corpus file's bytes. Pure; `file` is only used in error messages and the id. */
export function parseCorpusFile(file: string, bytes: Uint8Array): CorpusDocument {
  let raw: string;
  try {
    raw = decoder.decode(bytes);
  } catch (cause) {
    throw new CorpusError(file, "not valid UTF-8 text", { cause });
  }
  const m = FRONT_MATTER.exec(raw);
  if (!m) throw new CorpusError(file, "no front matter: the file must start with a '---' line, YAML fields, and a closing '---' line");
  let meta: unknown;
  try {
    meta = parseYaml(m[1] ?? "");
  } catch (cause) {
    throw new CorpusError(file, `broken front matter: ${(cause as Error).message.split("\n")[0]}`, { cause });
  }
  if (meta === null || typeof meta !== "object" || Array.isArray(meta))
    throw new CorpusError(file, "broken front matter: expected 'key: value' fields");
  const fm = meta as Record<string, unknown>;
  const str = (key: string): string | undefined => {
    const v = fm[key];
    if (v === undefined || v === null) return undefined;
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (typeof v !== "string" && typeof v !== "number") throw new CorpusError(file, `front matter '${key}' must be text`);
    return String(v).trim() || undefined;
  };
  const title = str("title");
  if (!title) throw new CorpusError(file, "front matter has no 'title'");
  const date = str("date");
  if (date !== undefined && !DATE.test(date)) throw new CorpusError(file, `front matter 'date' must be YYYY-MM-DD, got '${date}'`);
  const url = str("url");
  if (url !== undefined && !/^https?:\/\/\S+$/.test(url))
    throw new CorpusError(file, `front matter 'url' must be an http(s) address, got '${url}'`);
  const body = raw.slice(m[0].length).replace(/\r\n/g, "\n");
  if (!/[\p{L}\p{N}]/u.test(body)) throw new CorpusError(file, "empty body: no text after the front matter");
  return {
    id: basename(file).replace(/\.md$/i, ""),
    file,
    title,
    date,
    source: str("source"),
    url,
    lang: (str("lang") ?? "ru").toLowerCase(),
    body,
  };
}

/** The file's text; a file that is not UTF-8 (e.g. saved as Windows-1251) is an error that names it. */
function decodeUtf8(file: string, bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch (cause) {
    throw new CorpusError(file, "not valid UTF-8 text (save it as UTF-8)", { cause });
  }
}

/** Parses `glossary.yml` text: a list of groups with `ru`/`en`/`az` (any language key) term lists. */
export function parseGlossary(file: string, text: string): GlossaryGroup[] {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (cause) {
    throw new CorpusError(file, `broken YAML: ${(cause as Error).message.split("\n")[0]}`, { cause });
  }
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw new CorpusError(file, "expected a list of groups");
  return data.map((g, i) => {
    if (!g || typeof g !== "object" || Array.isArray(g)) throw new CorpusError(file, `group ${i + 1}: expected fields like 'ru: [...]'`);
    const terms: GlossaryGroup["terms"] = [];
    let type: string | undefined;
    for (const [key, value] of Object.entries(g as Record<string, unknown>)) {
      if (key === "type") {
        type = String(value);
        continue;
      }
      if (key === "note" || key === "comment") continue;
      const list = Array.isArray(value) ? value : [value];
      for (const t of list) {
        if (typeof t !== "string" && typeof t !== "number") throw new CorpusError(file, `group ${i + 1}: '${key}' must list text terms`);
        const s = String(t).trim();
        if (s) terms.push({ text: s, lang: key });
      }
    }
    if (terms.length < 2) throw new CorpusError(file, `group ${i + 1}: needs at least two terms`);
    return { type, terms };
  });
}

/**
 * Loads every `*.md` file of `dir` (sorted by name) and `glossary.yml` if present.
 * @throws CorpusError for a missing folder, no documents, or any malformed file.
 */
export function loadCorpus(dir: string, options: { cacheDir?: string } = {}): Corpus {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CorpusError(dir, "corpus folder not found (set CORPUS_DIR)");
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith(".md") && f.toLowerCase() !== "readme.md")
    .sort();
  if (files.length === 0) throw new CorpusError(dir, "no .md documents in the corpus folder");
  const hash = createHash("sha256");
  const documents = files.map((f) => {
    const bytes = readFileSync(join(dir, f));
    hash.update(f).update("\0").update(bytes).update("\0");
    return parseCorpusFile(f, bytes);
  });
  const glossaryFile = join(dir, "glossary.yml");
  const glossary = existsSync(glossaryFile) ? readGlossary(glossaryFile, options.cacheDir) : [];
  return { dir, documents, glossary, hash: hash.digest("hex") };
}

/**
 * `glossary.yml` parsed, through a JSON copy in `cacheDir` (the index folder) kept while the file's
 * sha256 is the same: parsing YAML was most of a one-article corpus's load at start.
 */
function readGlossary(file: string, cacheDir?: string): GlossaryGroup[] {
  const bytes = readFileSync(file);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const cache = cacheDir ? join(cacheDir, GLOSSARY_CACHE) : undefined;
  if (cache && existsSync(cache)) {
    try {
      const saved = JSON.parse(readFileSync(cache, "utf8")) as { sha256?: string; groups?: GlossaryGroup[] };
      if (saved.sha256 === sha256 && Array.isArray(saved.groups)) return saved.groups;
    } catch {
      // unreadable: parsed again and rewritten below
    }
  }
  const groups = parseGlossary("glossary.yml", decodeUtf8("glossary.yml", bytes));
  if (cacheDir && cache) {
    try {
      mkdirSync(cacheDir, { recursive: true });
      const tmp = `${cache}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ sha256, groups }));
      renameSync(tmp, cache);
    } catch {
      // a read-only index folder: the glossary is parsed at every start
    }
  }
  return groups;
}

/** The parsed glossary's file in the index folder. */
export const GLOSSARY_CACHE = "glossary.json";
