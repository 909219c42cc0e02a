import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CorpusError, GLOSSARY_CACHE, loadCorpus, parseCorpusFile, parseGlossary } from "../../src/engine/corpus.js";
import { CORPUS_DIR, SHARED_ARTICLE, tempDirs } from "../fixtures/paths.js";

const enc = (s: string) => new TextEncoder().encode(s);
const GOOD = `---
title: "Встреча в Баку"
date: 2026-02-10
url: https://example.com/news/1
---

Первый абзац текста.

Второй абзац.
`;

/** Runs `f`, expects a CorpusError, returns it. */
function corpusError(f: () => unknown): CorpusError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CorpusError);
    return e as CorpusError;
  }
  throw new Error("expected a CorpusError, nothing was thrown");
}

describe("parseCorpusFile", () => {
  it("should parse title, date, url, default lang and the exact body", () => {
    const doc = parseCorpusFile("2026-02-10-baku.md", enc(GOOD));
    expect(doc).toEqual({
      id: "2026-02-10-baku",
      file: "2026-02-10-baku.md",
      title: "Встреча в Баку",
      date: "2026-02-10",
      source: undefined,
      url: "https://example.com/news/1",
      lang: "ru",
      body: "\nПервый абзац текста.\n\nВторой абзац.\n",
    });
  });

  it("should keep an explicit lang, lower-cased, and fold CRLF in the body", () => {
    const doc = parseCorpusFile("a.md", enc("---\r\ntitle: T\r\nlang: EN\r\n---\r\nLine one.\r\nLine two.\r\n"));
    expect(doc.lang).toBe("en");
    expect(doc.body).toBe("Line one.\nLine two.\n");
    expect(doc.date).toBeUndefined();
  });

  it("should reject a file without front matter, naming the file", () => {
    const e = corpusError(() => parseCorpusFile("plain.md", enc("Just text, no header.\n")));
    expect(e.file).toBe("plain.md");
    expect(e.problem).toMatch(/no front matter/);
    expect(e.message).toMatch(/^plain\.md: no front matter/);
  });

  it("should reject broken YAML in the front matter", () => {
    const e = corpusError(() => parseCorpusFile("broken.md", enc('---\ntitle: "unclosed\ndate: [1, 2\n---\nBody text.\n')));
    expect(e.file).toBe("broken.md");
    expect(e.problem).toMatch(/broken front matter/);
  });

  it("should reject front matter that is not key/value fields", () => {
    const e = corpusError(() => parseCorpusFile("list.md", enc("---\n- a\n- b\n---\nBody text.\n")));
    expect(e.problem).toMatch(/broken front matter/);
  });

  it("should reject a file with no title", () => {
    const e = corpusError(() => parseCorpusFile("notitle.md", enc("---\ndate: 2026-02-10\n---\nBody text.\n")));
    expect(e.file).toBe("notitle.md");
    expect(e.problem).toMatch(/no 'title'/);
  });

  it("should reject a blank title", () => {
    const e = corpusError(() => parseCorpusFile("blank.md", enc('---\ntitle: "   "\n---\nBody text.\n')));
    expect(e.problem).toMatch(/no 'title'/);
  });

  it.each(["10.02.2026", "2026-2-10", "yesterday"])("should reject the date %s", (date) => {
    const e = corpusError(() => parseCorpusFile("date.md", enc(`---\ntitle: T\ndate: "${date}"\n---\nBody text.\n`)));
    expect(e.file).toBe("date.md");
    expect(e.problem).toContain(`must be YYYY-MM-DD, got '${date}'`);
  });

  it("should reject a url that is not http(s)", () => {
    const e = corpusError(() => parseCorpusFile("url.md", enc("---\ntitle: T\nurl: ftp://x.org/a\n---\nBody text.\n")));
    expect(e.problem).toMatch(/'url' must be an http\(s\) address/);
  });

  it.each([
    ["nothing", ""],
    ["only spaces", "\n   \n\n"],
    ["only punctuation", "\n--- ... !!!\n"],
  ])("should reject an empty body (%s)", (_label, body) => {
    const e = corpusError(() => parseCorpusFile("empty.md", enc(`---\ntitle: T\n---\n${body}`)));
    expect(e.file).toBe("empty.md");
    expect(e.problem).toMatch(/empty body/);
  });

  it("should reject bytes that are not valid UTF-8", () => {
    const bytes = Buffer.concat([Buffer.from("---\ntitle: T\n---\n"), Buffer.from([0xff, 0xfe, 0x41, 0xc3, 0x28])]);
    const e = corpusError(() => parseCorpusFile("bad-utf8.md", bytes));
    expect(e.file).toBe("bad-utf8.md");
    expect(e.problem).toMatch(/not valid UTF-8/);
  });

  it("should accept a UTF-8 byte order mark before the front matter", () => {
    const doc = parseCorpusFile("bom.md", enc("\uFEFF---\ntitle: T\n---\nBody text.\n"));
    expect(doc.title).toBe("T");
    expect(doc.body).toBe("Body text.\n");
  });
});

describe("loadCorpus", () => {
  const tmp = tempDirs();
  afterEach(() => tmp.cleanup());

  const doc = (title: string, body: string) => `---\ntitle: ${title}\n---\n${body}\n`;

  it("should fail for a missing folder, naming it", () => {
    const missing = join(tmp.make(), "nope");
    const e = corpusError(() => loadCorpus(missing));
    expect(e.file).toBe(missing);
    expect(e.problem).toMatch(/corpus folder not found/);
  });

  it("should fail for a folder without .md documents (README.md does not count)", () => {
    const dir = tmp.make();
    writeFileSync(join(dir, "notes.txt"), "text");
    writeFileSync(join(dir, "README.md"), doc("Readme", "About this folder."));
    const e = corpusError(() => loadCorpus(dir));
    expect(e.problem).toMatch(/no \.md documents/);
  });

  it("should ignore README.md and load the documents sorted by file name", () => {
    const dir = tmp.make();
    writeFileSync(join(dir, "b.md"), doc("B", "Second."));
    writeFileSync(join(dir, "README.md"), "no front matter here at all");
    writeFileSync(join(dir, "a.md"), doc("A", "First."));
    writeFileSync(join(dir, "c.txt"), "ignored");
    const c = loadCorpus(dir);
    expect(c.documents.map((d) => d.file)).toEqual(["a.md", "b.md"]);
    expect(c.documents.map((d) => d.title)).toEqual(["A", "B"]);
    expect(c.glossary).toEqual([]);
    expect(c.dir).toBe(dir);
  });

  it("should name the malformed file when one document is bad", () => {
    const dir = tmp.make();
    writeFileSync(join(dir, "a.md"), doc("A", "First."));
    writeFileSync(join(dir, "b.md"), "---\ndate: 2026-01-01\n---\nNo title.\n");
    const e = corpusError(() => loadCorpus(dir));
    expect(e.file).toBe("b.md");
  });

  it("should keep the hash stable for unchanged files and change it when a file changes", () => {
    const dir = tmp.make();
    writeFileSync(join(dir, "a.md"), doc("A", "First."));
    writeFileSync(join(dir, "b.md"), doc("B", "Second."));
    const h1 = loadCorpus(dir).hash;
    expect(h1).toMatch(/^[0-9a-f]{64}$/);
    expect(loadCorpus(dir).hash).toBe(h1);

    writeFileSync(join(dir, "b.md"), doc("B", "Second, edited."));
    const h2 = loadCorpus(dir).hash;
    expect(h2).not.toBe(h1);

    writeFileSync(join(dir, "b.md"), doc("B", "Second."));
    expect(loadCorpus(dir).hash).toBe(h1);
  });

  it("should not change the hash when only the glossary changes", () => {
    const dir = tmp.make();
    writeFileSync(join(dir, "a.md"), doc("A", "First."));
    const h1 = loadCorpus(dir).hash;
    writeFileSync(join(dir, "glossary.yml"), "- ru: [Баку]\n  en: [Baku]\n");
    const c = loadCorpus(dir);
    expect(c.hash).toBe(h1);
    expect(c.glossary).toHaveLength(1);
  });

  it("should keep the parsed glossary in the cache folder and use it while the file is the same", () => {
    const dir = tmp.make();
    const cache = tmp.make();
    writeFileSync(join(dir, "a.md"), doc("A", "First."));
    writeFileSync(join(dir, "glossary.yml"), "- ru: [Баку]\n  en: [Baku]\n");
    expect(loadCorpus(dir, { cacheDir: cache }).glossary).toHaveLength(1);
    const saved = JSON.parse(readFileSync(join(cache, GLOSSARY_CACHE), "utf8"));
    // A cache with the same checksum is believed (the file is not parsed again)…
    writeFileSync(join(cache, GLOSSARY_CACHE), JSON.stringify({ ...saved, groups: [...saved.groups, ...saved.groups] }));
    expect(loadCorpus(dir, { cacheDir: cache }).glossary).toHaveLength(2);
    // …until the file changes.
    writeFileSync(join(dir, "glossary.yml"), "- ru: [Баку]\n  en: [Baku]\n- ru: [США]\n  en: [USA]\n- ru: [МИД]\n  en: [MFA]\n");
    expect(loadCorpus(dir, { cacheDir: cache }).glossary).toHaveLength(3);
    writeFileSync(join(cache, GLOSSARY_CACHE), "{broken");
    expect(loadCorpus(dir, { cacheDir: cache }).glossary).toHaveLength(3);
  });

  it("should change the hash when a file is renamed", () => {
    const dir = tmp.make();
    writeFileSync(join(dir, "a.md"), doc("A", "First."));
    const h1 = loadCorpus(dir).hash;
    const dir2 = tmp.make();
    writeFileSync(join(dir2, "z.md"), doc("A", "First."));
    expect(loadCorpus(dir2).hash).not.toBe(h1);
  });
});

describe("parseGlossary", () => {
  it("should keep every term with its language key and the type", () => {
    const g = parseGlossary(
      "glossary.yml",
      "- type: person\n  ru: [Байрамов, Джейхун Байрамов]\n  en: Bayramov\n  az: [Ceyhun Bayramov]\n  note: ignored\n",
    );
    expect(g).toEqual([
      {
        type: "person",
        terms: [
          { text: "Байрамов", lang: "ru" },
          { text: "Джейхун Байрамов", lang: "ru" },
          { text: "Bayramov", lang: "en" },
          { text: "Ceyhun Bayramov", lang: "az" },
        ],
      },
    ]);
  });

  it("should keep number terms as text", () => {
    const g = parseGlossary("glossary.yml", '- ru: ["31", тридцать один]\n  en: [31]\n');
    expect(g[0]?.terms).toEqual([
      { text: "31", lang: "ru" },
      { text: "тридцать один", lang: "ru" },
      { text: "31", lang: "en" },
    ]);
  });

  it("should return no groups for an empty file", () => {
    expect(parseGlossary("glossary.yml", "# only a comment\n")).toEqual([]);
  });

  it("should reject a file that is not a list", () => {
    const e = corpusError(() => parseGlossary("glossary.yml", "ru: [Баку]\nen: [Baku]\n"));
    expect(e.file).toBe("glossary.yml");
    expect(e.problem).toMatch(/expected a list of groups/);
  });

  it("should reject a group with fewer than two terms, naming the group", () => {
    const e = corpusError(() => parseGlossary("glossary.yml", "- ru: [Баку]\n  en: [Baku]\n- ru: [Ереван]\n"));
    expect(e.problem).toBe("group 2: needs at least two terms");
  });

  it("should reject a group that is not a mapping", () => {
    const e = corpusError(() => parseGlossary("glossary.yml", "- just a string\n"));
    expect(e.problem).toMatch(/^group 1:/);
  });

  it("should reject broken YAML", () => {
    const e = corpusError(() => parseGlossary("glossary.yml", "- ru: [Баку\n  en: Baku]\n:::"));
    expect(e.problem).toMatch(/broken YAML/);
  });
});

describe("the shipped corpus", () => {
  const corpus = loadCorpus(CORPUS_DIR);

  it("should load one dated Russian article and a non-empty glossary", () => {
    expect(corpus.documents).toHaveLength(1);
    const doc = corpus.documents[0]!;
    expect(doc.lang).toBe("ru");
    expect(doc.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(corpus.glossary.length).toBeGreaterThan(0);
    for (const g of corpus.glossary) expect(g.terms.length).toBeGreaterThanOrEqual(2);
  });

  it("should parse glossary.yml on its own too", () => {
    const g = parseGlossary("glossary.yml", readFileSync(join(CORPUS_DIR, "glossary.yml"), "utf8"));
    expect(g).toEqual(corpus.glossary);
    const langs = new Set(g.flatMap((x) => x.terms.map((t) => t.lang)));
    expect([...langs].sort()).toEqual(expect.arrayContaining(["az", "en", "ru"]));
  });

  it("should hold the article body verbatim as received in ../shared (minus its first line)", () => {
    const received = readFileSync(SHARED_ARTICLE, "utf8");
    const firstLine = received.slice(0, received.indexOf("\n"));
    const rest = received.slice(received.indexOf("\n") + 1);
    const doc = corpus.documents[0]!;
    expect(doc.body.trim()).toBe(rest.trim());
    // The first line is "date YYYY-MM-DD <headline>": it carries the same date and headline.
    expect(firstLine).toContain(doc.date!);
    expect(firstLine.trim().endsWith(doc.title)).toBe(true);
  });
});
