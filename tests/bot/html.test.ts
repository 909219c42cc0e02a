import { describe, expect, it } from "vitest";
import { escapeHtml, htmlToPlainText, splitHtml, visibleLength } from "../../src/bot/html.js";
import { assertTelegramHtml } from "./telegram-html.js";

describe("escapeHtml", () => {
  it("should escape the characters Telegram's HTML mode reserves", () => {
    expect(escapeHtml(`<b>"Tom" & 'Jerry'</b>`)).toBe("&lt;b&gt;&quot;Tom&quot; &amp; 'Jerry'&lt;/b&gt;");
    assertTelegramHtml(escapeHtml("<script>alert(1)</script> & <a href=x>"));
  });
});

describe("visibleLength", () => {
  it("should ignore tags and count an entity as one character", () => {
    expect(visibleLength('<a href="https://e.org/?a&amp;b">a&amp;b</a>')).toBe(3);
  });
});

describe("splitHtml", () => {
  it("should keep a short text whole", () => {
    expect(splitHtml("<b>hi</b>", 10)).toEqual(["<b>hi</b>"]);
  });

  it("should keep whole, trimmed, any text whose markup fits the limit, and split by visible length past it", () => {
    const html = `  <b>${"a".repeat(20)}</b> &amp; <a href="https://e.org/?x=1&amp;y=2">link</a>\n`;
    expect(splitHtml(html, html.trim().length)).toEqual([html.trim()]);
    expect(splitHtml(html, visibleLength(html.trim()))).toEqual([html.trim()]);
    expect(splitHtml(html, 10, 0)).toEqual([]);
    expect(splitHtml(" \n ", 10)).toEqual([]);
    expect(splitHtml(`${"a".repeat(6)} ${"b".repeat(6)}`, 12)).toEqual(["a".repeat(6), "b".repeat(6)]);
  });

  it("should split at paragraph boundaries when it can", () => {
    const paras = ["a".repeat(30), "b".repeat(30), "c".repeat(30)];
    const parts = splitHtml(paras.join("\n\n"), 70);
    expect(parts).toEqual([`${paras[0]}\n\n${paras[1]}`, paras[2]]);
  });

  it("should close and reopen tags when a paragraph itself is too long", () => {
    const html = `<b>${"word ".repeat(50).trim()}</b> <a href="https://e.org/?a&amp;b">${"link ".repeat(40).trim()}</a>`;
    const parts = splitHtml(html, 60);
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) {
      const r = assertTelegramHtml(p, 60);
      expect(r.text).not.toMatch(/^\s|\s$/);
      expect(r.text).not.toMatch(/wor$|^ord/); // never inside a word
    }
    const joined = parts.map((p) => htmlToPlainText(p).replace(/ \(https:\/\/e\.org\/\?a&b\)/g, "")).join(" ");
    expect(joined).toBe(htmlToPlainText(html).replace(" (https://e.org/?a&b)", ""));
  });

  it("should split 10,000 characters of Telegram-length text into valid messages of at most 4096", () => {
    const html = Array.from(
      { length: 40 },
      (_, i) => `[${i}] «${"Цитата &amp; текст. ".repeat(12)}» — <a href="https://e.org/${i}">Title ${i}</a>, 2026-02-10`,
    ).join("\n\n");
    const parts = splitHtml(html);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) assertTelegramHtml(p);
    expect(parts.map((p) => visibleLength(p)).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(visibleLength(html));
    expect(parts.join("\n\n")).toBe(html); // cut only at paragraph breaks here
  });

  it("should not cut an emoji's surrogate pair", () => {
    const parts = splitHtml("😀".repeat(10), 5);
    for (const p of parts) expect(p).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    expect(parts.join("")).toBe("😀".repeat(10));
  });
});

describe("htmlToPlainText", () => {
  it("should drop tags, decode entities and show links as text (url)", () => {
    expect(htmlToPlainText('<b>A &amp; B</b> — <a href="https://e.org/?a=1&amp;b=2">Title</a> &lt;x&gt; &quot;q&quot;')).toBe(
      'A & B — Title (https://e.org/?a=1&b=2) <x> "q"',
    );
  });
});
