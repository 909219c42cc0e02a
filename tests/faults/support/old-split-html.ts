// The splitter before issue 10 (quadratic), kept as the reference for the linear one.
// Helpers for Telegram's HTML parse mode: escaping, visible length, splitting, plain-text rendering.

export const TELEGRAM_TEXT_LIMIT = 4096;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Escapes text for HTML parse mode (also safe inside attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);
}

type Token =
  | { kind: "open"; name: string; raw: string; attrs: string }
  | { kind: "close"; name: string; raw: string }
  | { kind: "text"; raw: string; text: string };

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

function decodeEntity(body: string): string | undefined {
  if (body in NAMED) return NAMED[body];
  const m = /^#(x[0-9a-f]+|\d+)$/i.exec(body);
  if (!m?.[1]) return undefined;
  const code = m[1][0] === "x" || m[1][0] === "X" ? parseInt(m[1].slice(1), 16) : parseInt(m[1], 10);
  return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/** Lenient tokenizer for HTML we produce ourselves; each text token is one character or entity. */
function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  const re = /<\/([a-z-]+)\s*>|<([a-z-]+)((?:\s+[a-z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)\s*>|&(#?[0-9a-z]+);|[\s\S]/giu;
  for (const m of html.matchAll(re)) {
    if (m[1]) tokens.push({ kind: "close", name: m[1].toLowerCase(), raw: m[0] });
    else if (m[2]) tokens.push({ kind: "open", name: m[2].toLowerCase(), raw: m[0], attrs: m[3] ?? "" });
    else if (m[4]) tokens.push({ kind: "text", raw: m[0], text: decodeEntity(m[4]) ?? m[0] });
    else tokens.push({ kind: "text", raw: m[0], text: m[0] });
  }
  return tokens;
}

/** Length of the message after Telegram parses the entities (UTF-16 code units). */
export function visibleLength(html: string): number {
  let n = 0;
  for (const t of tokenize(html)) if (t.kind === "text") n += t.text.length;
  return n;
}

interface Cut {
  at: number; // index into the html string
  stack: { name: string; raw: string }[];
}

/**
 * Splits HTML into messages of at most `limit` visible characters. Prefers paragraph breaks
 * (blank lines outside any tag), then line breaks, then spaces; tags open at a cut are closed
 * and reopened in the next part, so every part is well-formed.
 */
export function oldSplitHtml(html: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = html.trim();
  while (visibleLength(rest) > limit) {
    const cut = findCut(rest, limit);
    const closing = [...cut.stack]
      .reverse()
      .map((t) => `</${t.name}>`)
      .join("");
    const head = (rest.slice(0, cut.at).trimEnd() + closing).trim();
    const tail = rest.slice(cut.at).trimStart();
    if (visibleLength(head) > 0) parts.push(head);
    rest = (cut.stack.map((t) => t.raw).join("") + tail).trim();
  }
  if (rest) parts.push(rest);
  return parts;
}

function findCut(html: string, limit: number): Cut {
  const stack: { name: string; raw: string }[] = [];
  let pos = 0;
  let len = 0;
  let prevChar = "";
  let paragraph: Cut | undefined;
  let line: Cut | undefined;
  let space: Cut | undefined;
  let any: Cut | undefined;
  for (const t of tokenize(html)) {
    if (t.kind === "open") stack.push({ name: t.name, raw: t.raw });
    else if (t.kind === "close") {
      const i = stack.map((s) => s.name).lastIndexOf(t.name);
      if (i >= 0) stack.splice(i);
    } else {
      if (len + t.text.length > limit) break;
      const snapshot = (): Cut => ({ at: pos, stack: [...stack] });
      // A cut before this character, never inside a surrogate pair.
      if (!/[\uDC00-\uDFFF]/.test(t.text[0] ?? "") && len > 0) any = snapshot();
      if (len > 0 && /\s/.test(t.text)) {
        space = snapshot();
        if (t.text === "\n") {
          line = snapshot();
          if (prevChar === "\n" && stack.length === 0) paragraph = snapshot();
        }
      }
      len += t.text.length;
      prevChar = t.text;
    }
    pos += t.raw.length;
  }
  return paragraph ?? line ?? space ?? any ?? { at: pos, stack };
}

/** Renders HTML as terminal text: tags dropped, entities decoded, links as "text (url)". */
export function htmlToPlainText(html: string): string {
  let out = "";
  const links: { href: string; start: number }[] = [];
  for (const t of tokenize(html)) {
    if (t.kind === "text") out += t.text;
    else if (t.kind === "open" && t.name === "a") {
      const href = /href\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(t.attrs);
      links.push({ href: htmlToPlainText(href?.[1] ?? href?.[2] ?? ""), start: out.length });
    } else if (t.kind === "close" && t.name === "a") {
      const link = links.pop();
      if (link?.href && out.slice(link.start) !== link.href) out += ` (${link.href})`;
    }
  }
  return out;
}
