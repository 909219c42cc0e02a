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

const TAG = /<\/([a-z-]+)\s*>|<([a-z-]+)((?:\s+[a-z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)\s*>/iy;
const ENTITY = /&(#?[0-9a-z]+);/iy;

/**
 * Lenient tokenizer for HTML we produce ourselves; each text token is one character (code
 * point) or entity. A plain scan with sticky patterns only at "<" and "&": linear and fast.
 */
function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < html.length) {
    const c = html.charCodeAt(i);
    if (c === 60 /* < */) {
      TAG.lastIndex = i;
      const m = TAG.exec(html);
      if (m) {
        if (m[1]) tokens.push({ kind: "close", name: m[1].toLowerCase(), raw: m[0] });
        else tokens.push({ kind: "open", name: (m[2] ?? "").toLowerCase(), raw: m[0], attrs: m[3] ?? "" });
        i += m[0].length;
        continue;
      }
    } else if (c === 38 /* & */) {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(html);
      if (m?.[1]) {
        tokens.push({ kind: "text", raw: m[0], text: decodeEntity(m[1]) ?? m[0] });
        i += m[0].length;
        continue;
      }
    }
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < html.length && (html.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const ch = pair ? html.slice(i, i + 2) : html[i]!;
    tokens.push({ kind: "text", raw: ch, text: ch });
    i += ch.length;
  }
  return tokens;
}

/** Length of the message after Telegram parses the entities (UTF-16 code units). */
export function visibleLength(html: string): number {
  let n = 0;
  for (const t of tokenize(html)) if (t.kind === "text") n += t.text.length;
  return n;
}

type OpenTag = { name: string; raw: string };

const isSpaceCode = (c: number) =>
  c === 32 || c === 10 || c === 9 || c === 13 || c === 11 || c === 12 || (c > 127 && /\s/.test(String.fromCharCode(c)));

/**
 * Splits HTML into messages of at most `limit` visible characters. Prefers paragraph breaks
 * (blank lines outside any tag), then line breaks, then spaces; tags open at a cut are closed
 * and reopened in the next part, so every part is well-formed.
 *
 * Linear: one scan of the string, no token list, and each part rescans at most the `limit`
 * characters past its cut, so a megabyte splits in a fraction of a second. `maxParts` stops
 * early: a caller that shows at most N messages need not split the rest.
 */
export function splitHtml(html: string, limit = TELEGRAM_TEXT_LIMIT, maxParts = Infinity): string[] {
  const src = html.trim();
  // Tags are invisible and an entity is never shorter than its text: what fits in `limit` code units fits.
  if (src.length <= limit) return src && maxParts >= 1 ? [src] : [];
  const parts: string[] = [];
  let start = 0;
  let prefix: OpenTag[] = [];
  while (parts.length < maxParts) {
    while (start < src.length && isSpaceCode(src.charCodeAt(start))) start++;
    if (start >= src.length) break;
    const opening = prefix.map((t) => t.raw).join("");
    // Copy on write: the cut candidates share the stack until the next tag changes it.
    let stack = prefix;
    let len = 0;
    let prevNewline = false;
    // Cut candidates (position in src and the tags open there): paragraph, line, space, any.
    let pAt = -1,
      lAt = -1,
      sAt = -1,
      aAt = -1;
    let pStack = stack,
      lStack = stack,
      sStack = stack,
      aStack = stack;
    let i = start;
    let full = false;
    while (i < src.length) {
      const c = src.charCodeAt(i);
      if (c === 60 /* < */) {
        TAG.lastIndex = i;
        const m = TAG.exec(src);
        if (m) {
          if (m[1]) {
            const name = m[1].toLowerCase();
            const j = stack.map((s) => s.name).lastIndexOf(name);
            if (j >= 0) stack = stack.slice(0, j);
          } else stack = [...stack, { name: (m[2] ?? "").toLowerCase(), raw: m[0] }];
          i += m[0].length;
          continue;
        }
      }
      let width = 1;
      let text: string | undefined; // decoded entity
      if (c === 38 /* & */) {
        ENTITY.lastIndex = i;
        const m = ENTITY.exec(src);
        if (m?.[1]) {
          width = m[0].length;
          text = decodeEntity(m[1]) ?? m[0];
        }
      } else if (c >= 0xd800 && c <= 0xdbff && (src.charCodeAt(i + 1) & 0xfc00) === 0xdc00) width = 2;
      const units = text === undefined ? width : text.length;
      if (len + units > limit) {
        full = true;
        break;
      }
      const first = text === undefined ? c : text.charCodeAt(0);
      const newline = text === undefined ? c === 10 : text === "\n";
      if (len > 0) {
        // A cut before this character, never inside a surrogate pair.
        if (first < 0xdc00 || first > 0xdfff) {
          aAt = i;
          aStack = stack;
        }
        if (isSpaceCode(first)) {
          sAt = i;
          sStack = stack;
          if (newline) {
            lAt = i;
            lStack = stack;
            if (prevNewline && stack.length === 0) {
              pAt = i;
              pStack = stack;
            }
          }
        }
      }
      len += units;
      prevNewline = newline;
      i += width;
    }
    if (!full) {
      const last = (opening + src.slice(start)).trim();
      if (last) parts.push(last);
      break;
    }
    let [at, tags] = pAt >= 0 ? [pAt, pStack] : lAt >= 0 ? [lAt, lStack] : sAt >= 0 ? [sAt, sStack] : aAt >= 0 ? [aAt, aStack] : [i, stack];
    if (at <= start) [at, tags] = [Math.max(i, start + 1), stack];
    const closing = [...tags]
      .reverse()
      .map((t) => `</${t.name}>`)
      .join("");
    const head = ((opening + src.slice(start, at)).trimEnd() + closing).trim();
    if (visibleLength(head) > 0) parts.push(head);
    start = at;
    prefix = tags;
  }
  return parts;
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
