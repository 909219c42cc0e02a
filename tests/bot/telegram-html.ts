// Independent checker of Telegram's HTML parse mode (https://core.telegram.org/bots/api#html-style):
// allowed tags and attributes, proper nesting, entity rules, and the length after parsing.

export const MESSAGE_LIMIT = 4096;

export interface HtmlCheck {
  ok: boolean;
  errors: string[];
  /** The text as Telegram shows it (tags removed, entities decoded). */
  text: string;
  /** Length after entity parsing, in UTF-16 code units (Telegram's unit). */
  length: number;
}

const SIMPLE = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "tg-spoiler",
  "code",
  "pre",
  "blockquote",
  "span",
  "a",
  "tg-emoji",
]);
const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

function parseAttrs(raw: string, errors: string[], tag: string): Map<string, string | true> | undefined {
  const attrs = new Map<string, string | true>();
  const re = /\s+([a-z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?/giy;
  let i = 0;
  while (i < raw.length) {
    re.lastIndex = i;
    const m = re.exec(raw);
    if (!m?.[1]) {
      if (raw.slice(i).trim() === "") break;
      errors.push(`malformed attributes in <${tag}${raw}>`);
      return undefined;
    }
    attrs.set(m[1].toLowerCase(), m[2] ?? m[3] ?? true);
    i = re.lastIndex;
  }
  return attrs;
}

function decodeText(raw: string, errors: string[]): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (c === ">") errors.push("unescaped '>' (use &gt;)");
    if (c !== "&") {
      out += c;
      continue;
    }
    const m = /^&(#x[0-9a-f]+|#\d+|[a-z]+);/i.exec(raw.slice(i));
    if (!m?.[1]) {
      errors.push(`unescaped '&' at ${i} (use &amp;)`);
      out += c;
      continue;
    }
    const body = m[1];
    if (body.startsWith("#")) {
      const code = body[1]?.toLowerCase() === "x" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!(code > 0 && code <= 0x10ffff)) errors.push(`bad numeric entity &${body};`);
      else out += String.fromCodePoint(code);
    } else if (body in NAMED_ENTITIES) out += NAMED_ENTITIES[body];
    else errors.push(`unsupported named entity &${body}; (only &lt; &gt; &amp; &quot;)`);
    i += m[0].length - 1;
  }
  return out;
}

/** Checks one message text sent with parse_mode "HTML". */
export function checkTelegramHtml(html: string, limit = MESSAGE_LIMIT): HtmlCheck {
  const errors: string[] = [];
  const stack: string[] = [];
  let text = "";
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    const chunk = html.slice(i, lt === -1 ? html.length : lt);
    text += decodeText(chunk, errors);
    if (lt === -1) break;
    const gt = html.indexOf(">", lt);
    const m = /^<(\/?)([a-z][a-z-]*)((?:\s+[a-z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)\s*>/i.exec(
      html.slice(lt, gt === -1 ? undefined : gt + 1),
    );
    if (gt === -1 || !m?.[2]) {
      errors.push(`unescaped '<' or malformed tag at ${lt}: ${JSON.stringify(html.slice(lt, lt + 20))}`);
      text += "<";
      i = lt + 1;
      continue;
    }
    const closing = m[1] === "/";
    const name = m[2].toLowerCase();
    i = lt + m[0].length;
    if (!SIMPLE.has(name)) {
      errors.push(`unsupported tag <${name}>`);
      continue;
    }
    if (closing) {
      if (m[3]) errors.push(`attributes on closing tag </${name}>`);
      const top = stack.pop();
      if (top !== name) errors.push(`</${name}> closes ${top ? `<${top}>` : "nothing"}`);
      continue;
    }
    const attrs = parseAttrs(m[3] ?? "", errors, name) ?? new Map<string, string | true>();
    const allowed: Record<string, string[]> = {
      a: ["href"],
      span: ["class"],
      "tg-emoji": ["emoji-id"],
      code: ["class"],
      blockquote: ["expandable"],
    };
    for (const key of attrs.keys()) if (!(allowed[name] ?? []).includes(key)) errors.push(`attribute ${key} not allowed on <${name}>`);
    if (name === "a" && typeof attrs.get("href") !== "string") errors.push("<a> without href");
    if (name === "span" && attrs.get("class") !== "tg-spoiler") errors.push('<span> needs class="tg-spoiler"');
    if (name === "tg-emoji" && typeof attrs.get("emoji-id") !== "string") errors.push("<tg-emoji> without emoji-id");
    if (name === "code" && attrs.has("class") && stack.at(-1) !== "pre") errors.push("language class only on <code> inside <pre>");
    // Nesting rules: pre/code hold no other entities; no link in a link; no blockquote in a blockquote.
    if (stack.includes("code") || (stack.includes("pre") && name !== "code")) errors.push(`<${name}> inside pre/code`);
    if (name === "a" && stack.includes("a")) errors.push("<a> inside <a>");
    if (name === "blockquote" && stack.includes("blockquote")) errors.push("nested <blockquote>");
    stack.push(name);
  }
  for (const open of stack) errors.push(`<${open}> not closed`);
  if (text.trim() === "") errors.push("message text is empty");
  if (text.length > limit) errors.push(`message is too long: ${text.length} > ${limit}`);
  return { ok: errors.length === 0, errors, text, length: text.length };
}

/** Throws with every problem when the HTML would not be accepted. */
export function assertTelegramHtml(html: string, limit = MESSAGE_LIMIT): HtmlCheck {
  const r = checkTelegramHtml(html, limit);
  if (!r.ok) throw new Error(`invalid Telegram HTML: ${r.errors.join("; ")}\n${html.slice(0, 500)}`);
  return r;
}
