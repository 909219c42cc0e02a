// Fault suite (issue 10, "Files and input"): bad files and bad input never crash, hang or
// destroy anything.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { createBot, handleBotError } from "../../src/bot/create-bot.js";
import { toMessages } from "../../src/bot/format.js";
import { splitHtml, visibleLength } from "../../src/bot/html.js";
import { parseConfig } from "../../src/config.js";
import { CorpusError, loadCorpus } from "../../src/engine/corpus.js";
import { HashedNgramEmbeddings, type IdentifiedEmbeddings } from "../../src/engine/embeddings.js";
import { IndexError, loadOrBuildIndex, MANIFEST_FILE } from "../../src/engine/index-store.js";
import { toSentences } from "../../src/engine/sentences.js";
import type { CorpusDocument } from "../../src/engine/types.js";
import { silentLogger } from "../../src/logger.js";
import { checkTelegramHtml } from "../bot/telegram-html.js";
import { tempDirs } from "../fixtures/paths.js";
import { createFakeEngine, toAnswer } from "../support/fake-engine.js";
import { createHarness } from "../support/harness.js";
import { BOT_INFO, privateText } from "../support/updates.js";

const DOCS: CorpusDocument[] = [
  {
    id: "a",
    file: "a.md",
    title: "Встреча в Баку",
    lang: "ru",
    body: "Министр встретился с делегацией. В делегацию вошли представители 31 компании.",
  },
];
const SENTENCES = toSentences(DOCS);

/** The hashed embedder under the same identity but another vector size (a model swapped under its name). */
function resized(dim: number, id: IdentifiedEmbeddings["info"]): IdentifiedEmbeddings {
  const e = new HashedNgramEmbeddings(dim);
  return Object.assign(e, { info: { ...id } }) as IdentifiedEmbeddings;
}

describe("INDEX_DIR", () => {
  const tmp = tempDirs();
  afterEach(() => tmp.cleanup());
  const emb = new HashedNgramEmbeddings();

  it("should never replace a folder whose manifest.json is another application's", async () => {
    const dir = tmp.make();
    writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify({ name: "other-app", version: 3 }));
    writeFileSync(join(dir, "data.db"), "precious");
    await expect(loadOrBuildIndex(dir, SENTENCES, emb, "h")).rejects.toThrow(IndexError);
    expect(readdirSync(dir).sort()).toEqual(["data.db", MANIFEST_FILE]);
    expect(readFileSync(join(dir, "data.db"), "utf8")).toBe("precious");
  });

  it("should write a manifest that names the application and its format", async () => {
    const dir = join(tmp.make(), "index");
    const r = await loadOrBuildIndex(dir, SENTENCES, emb, "h");
    const m = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), "utf8")) as Record<string, unknown>;
    expect(m).toMatchObject({ app: "event-qa-bot", dimensions: 256 });
    expect(typeof m.manifestVersion).toBe("number");
    expect(r.manifest.dimensions).toBe(256);
  });

  it("should rebuild an index whose manifest was deleted", async () => {
    const dir = join(tmp.make(), "index");
    await loadOrBuildIndex(dir, SENTENCES, emb, "h");
    rmSync(join(dir, MANIFEST_FILE));
    const again = await loadOrBuildIndex(dir, SENTENCES, emb, "h");
    expect(again.rebuilt).toBe(true);
    expect(readdirSync(dir)).toContain(MANIFEST_FILE);
  });

  it("should rebuild, with a reason, when the embedder keeps its name but changes its vector size", async () => {
    const dir = join(tmp.make(), "index");
    await loadOrBuildIndex(dir, SENTENCES, emb, "h");
    const other = resized(128, emb.info);
    const lines: string[] = [];
    const again = await loadOrBuildIndex(dir, SENTENCES, other, "h", (l) => lines.push(l));
    expect(again.rebuilt).toBe(true);
    expect(again.reason).toMatch(/vector size/);
    expect(lines.filter((l) => /vector size/.test(l))).toHaveLength(1);
    const hits = await again.store.similaritySearchVectorWithScore(await other.embedQuery("компании"), 1);
    expect(hits).toHaveLength(1);
  });
});

describe("glossary.yml", () => {
  const tmp = tempDirs();
  afterEach(() => tmp.cleanup());

  it("should be rejected, naming the file, when it is not UTF-8", () => {
    const dir = tmp.copyCorpus();
    // "Баку" in Windows-1251.
    writeFileSync(join(dir, "glossary.yml"), Buffer.from([0x2d, 0x20, 0x72, 0x75, 0x3a, 0x20, 0x5b, 0xc1, 0xe0, 0xea, 0xf3, 0x5d, 0x0a]));
    expect(() => loadCorpus(dir)).toThrow(CorpusError);
    expect(() => loadCorpus(dir)).toThrow(/glossary\.yml: not valid UTF-8/);
  });
});

describe("long answers", () => {
  it("should split a 1 MB sentence in linear time into at most 4 messages: three, the third ending with …, and the last", () => {
    const quote = "слово ".repeat(170_000); // ~1 MB
    const started = performance.now();
    const messages = toMessages(`<b>Ответ</b>\n\n«${quote}» — <a href="https://example.org">Статья</a>`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(messages.length).toBe(4);
    expect(messages[2]).toMatch(/…$/);
    expect(messages[3]).toMatch(/Статья<\/a>$/);
    for (const m of messages) expect(checkTelegramHtml(m).errors).toEqual([]);
  });

  it("should split 200 KB without spaces or tags quickly and keep every part within the limit", () => {
    const html = "x".repeat(200_000);
    const started = performance.now();
    const parts = splitHtml(html);
    expect(performance.now() - started).toBeLessThan(500);
    expect(parts.join("")).toBe(html);
    for (const p of parts) expect(visibleLength(p)).toBeLessThanOrEqual(4096);
  });

  it("should still keep short answers whole", () => {
    expect(toMessages("<b>a</b>\n\nb")).toEqual(["<b>a</b>\n\nb"]);
  });

  it("should send at most 4 messages for a huge answer", async () => {
    const lead = "Очень длинное предложение ".repeat(20_000);
    const h = createHarness({ engine: createFakeEngine(() => toAnswer({ lead })) });
    await h.send(privateText("long?"));
    expect(h.of("sendMessage").length).toBeLessThanOrEqual(4);
    expect(h.sentTexts().some((t) => t.endsWith("…"))).toBe(true);
  });
});

describe("updates with wrongly typed fields", () => {
  const shapes: Record<string, unknown>[] = [
    {
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 5, type: "private" },
        from: { id: 5, is_bot: false, first_name: "A", language_code: 7 },
        text: "hi",
      },
    },
    {
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 5, type: "private" },
        from: { id: 5, is_bot: false, first_name: "A", language_code: {} },
        text: 42,
      },
    },
    { message: { message_id: 1, date: 0, chat: { id: 5, type: 9 }, from: null, text: ["x"] } },
    {
      message: {
        message_id: "1",
        date: 0,
        chat: { id: "5", type: "private" },
        from: { id: 5, language_code: null },
        text: "/start",
        entities: "x",
      },
    },
    { message: null },
    { inline_query: { id: 3, from: { id: 5, language_code: 1 }, query: 5 } },
    {
      message: {
        chat: { id: 5, type: "supergroup" },
        from: { id: 1, language_code: ["ru"] },
        text: null,
        entities: [{ type: "mention", offset: "a", length: null }],
      },
    },
  ];

  it.each(shapes.map((s, i) => [i, s] as const))("should never make the error handler throw (shape %i)", async (i, shape) => {
    const h = createHarness();
    await expect(h.send({ update_id: 9000 + i, ...shape } as unknown as Update)).resolves.toBeUndefined();
  });

  it("handleBotError should never throw, whatever the context holds", async () => {
    const config = parseConfig({ TELEGRAM_BOT_TOKEN: "1:X" });
    const bot = createBot("1:X", { config, logger: silentLogger, engine: createFakeEngine(), botInfo: BOT_INFO });
    const ctx = {
      update: { update_id: 1, message: { chat: { id: 5, type: "private" }, from: { language_code: 5 } } },
      get chat() {
        return { id: 5, type: "private" };
      },
      from: { language_code: 5 },
      reply: () => Promise.reject(new Error("down")),
    };
    await expect(handleBotError({ error: new Error("x"), ctx } as never, silentLogger)).resolves.toBeUndefined();
    void bot;
  });
});

void mkdirSync;

describe("the linear splitter", () => {
  it("should split exactly as the old (quadratic) one did, on 300 random texts", async () => {
    const { oldSplitHtml } = await import("./support/old-split-html.js");
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = [
      "a",
      "b",
      "word",
      " ",
      " ",
      "\n",
      "\n\n",
      "&amp;",
      "&lt;",
      "😀",
      "ё",
      "<b>",
      "</b>",
      "<i>",
      "</i>",
      '<a href="https://e.org/?a&amp;b">',
      "</a>",
      "&#10;",
      "&bogus;",
      "\t",
    ];
    for (let k = 0; k < 300; k++) {
      const html = Array.from({ length: 20 + rnd(200) }, () => pieces[rnd(pieces.length)]!).join("");
      const limit = 5 + rnd(40);
      expect(splitHtml(html, limit), `${JSON.stringify(html)} at ${limit}`).toEqual(oldSplitHtml(html, limit));
    }
  });
});
