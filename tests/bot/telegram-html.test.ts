import { describe, expect, it } from "vitest";
import { checkTelegramHtml } from "./telegram-html.js";

describe("checkTelegramHtml", () => {
  it("should accept the documented tags, nesting and entities", () => {
    const html =
      '<b>bold <i>italic <s>strike <span class="tg-spoiler">spoiler</span></s></i></b> <a href="https://x.org/?a=1&amp;b=2">link</a> <pre><code class="language-ts">x &lt; y</code></pre> <blockquote expandable>q</blockquote> &quot;&amp;&#33;&#x1F600;';
    const r = checkTelegramHtml(html);
    expect(r.errors).toEqual([]);
    expect(r.text).toContain("x < y");
    expect(r.text).toContain('"&!😀');
  });

  it.each([
    ["<p>para</p>", "unsupported tag <p>"],
    ["<b>open", "<b> not closed"],
    ["<b><i>x</b></i>", "</b> closes <i>"],
    ["a < b", "unescaped '<'"],
    ["a & b", "unescaped '&'"],
    ["a > b", "unescaped '>'"],
    ["&nbsp;", "unsupported named entity"],
    ["<a>x</a>", "<a> without href"],
    ['<span class="x">x</span>', "tg-spoiler"],
    ['<b onclick="x">x</b>', "attribute onclick not allowed"],
    ["<code><b>x</b></code>", "inside pre/code"],
    ['<a href="u"><a href="v">x</a></a>', "<a> inside <a>"],
    ['<code class="language-js">x</code>', "language class only"],
    ["<b></b>", "message text is empty"],
  ])("should reject %s", (html, problem) => {
    const r = checkTelegramHtml(html);
    expect(r.ok).toBe(false);
    expect(r.errors.join("; ")).toContain(problem);
  });

  it("should count length after parsing, not raw length", () => {
    const html = `<b>${"&lt;".repeat(4096)}</b>`;
    expect(checkTelegramHtml(html).ok).toBe(true);
    expect(checkTelegramHtml(`${html}x`).errors.join()).toContain("too long");
  });
});
