/**
 * Renders real replies of the bot to PNG pictures styled like a Telegram chat (docs/img/*.png):
 * the real engine and corpus, the real bot handlers (bot.handleUpdate), outgoing Bot API calls
 * captured; each scene is written as an HTML page and photographed with headless Chromium.
 *
 *   npx tsx scripts/render-screenshots.ts            # needs `chromium` (Debian: apt-get install chromium)
 *   CHROMIUM=/path/to/chrome npx tsx scripts/render-screenshots.ts
 *
 * Re-run it when the layout changes. Nothing leaves the machine: no Bot API server is contacted.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { InlineKeyboardButton, Update, UserFromGetMe } from "grammy/types";
import { createBot } from "../src/bot/create-bot.js";
import { parseConfig } from "../src/config.js";
import { createEngine } from "../src/engine/engine.js";
import { silentLogger } from "../src/logger.js";

const ROOT = resolve(import.meta.dirname, "..");
const OUT = join(ROOT, "docs/img");
const CHROMIUM = process.env.CHROMIUM ?? "chromium";
const WIDTH = 480;

const BOT: UserFromGetMe = {
  id: 777,
  is_bot: true,
  first_name: "Event QA",
  username: "event_qa_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

interface Sent {
  method: string;
  payload: Record<string, unknown>;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** Telegram's HTML subset → browser HTML (line breaks kept; expandable quotes shown folded). */
function telegramToHtml(html: string): string {
  return html
    .replace(/<blockquote expandable>/g, '<blockquote class="expandable">')
    .replace(/<a href=/g, '<a target="_blank" href=')
    .replace(/<\/blockquote>\n/g, "</blockquote>");
}

function keyboard(payload: Record<string, unknown>): string {
  const rows = (payload.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined)?.inline_keyboard;
  if (!rows) return "";
  return `<div class="kb">${rows.map((r) => `<div class="row">${r.map((b) => `<div class="btn">${esc(b.text)}</div>`).join("")}</div>`).join("")}</div>`;
}

const time = "12:04";
function userBubble(text: string, name?: string): string {
  return `<div class="msg out"><div class="bubble out">${name ? `<div class="name">${esc(name)}</div>` : ""}${esc(text)}<span class="time">${time} ✓✓</span></div></div>`;
}
/** Someone else's message in a group: on the left, with their name and avatar. */
function memberBubble(text: string, name: string): string {
  return `<div class="msg in"><div class="avatar member">${esc(name[0] ?? "?")}</div><div class="col"><div class="bubble in"><div class="name">${esc(name)}</div>${esc(text)}<span class="time">${time}</span></div></div></div>`;
}
function botBubble(sent: Sent, quote?: { name: string; text: string }): string {
  const reply = quote
    ? `<div class="reply"><div class="rname">${esc(quote.name)}</div><div class="rtext">${esc(quote.text)}</div></div>`
    : "";
  const inGroup = quote !== undefined;
  const bubble = `<div class="bubble in">${inGroup ? `<div class="name bot">${esc(BOT.first_name)}</div>` : ""}${reply}<div class="text">${telegramToHtml(String(sent.payload.text))}</div><span class="time">${time}</span></div>`;
  return `<div class="msg in">${inGroup ? '<div class="avatar">E</div>' : ""}<div class="col">${bubble}${keyboard(sent.payload)}</div></div>`;
}

function page(title: string, subtitle: string, body: string, footer = ""): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  * { box-sizing: border-box; }
  body { margin: 0; width: ${WIDTH}px; font: 15px/1.38 "Noto Sans", "DejaVu Sans", sans-serif, "Noto Color Emoji"; background: #a7c59a; }
  .wall { background: linear-gradient(160deg, #cfe0b4 0%, #a9c79b 45%, #8fb8a0 100%); padding: 10px 8px 12px; min-height: 120px; }
  header { display: flex; align-items: center; gap: 10px; background: #fff; padding: 8px 12px; border-bottom: 1px solid #dfe1e5; }
  header .ava { width: 38px; height: 38px; border-radius: 50%; background: linear-gradient(#72d5fd, #2a9ef1); color: #fff; font-weight: 600; display: flex; align-items: center; justify-content: center; }
  header .t { font-weight: 600; } header .s { color: #8d969c; font-size: 13px; }
  .msg { display: flex; margin: 6px 0; } .msg.out { justify-content: flex-end; }
  .col { max-width: 86%; } .msg.out .bubble { max-width: 80%; }
  .avatar { width: 32px; height: 32px; flex: none; border-radius: 50%; background: linear-gradient(#72d5fd, #2a9ef1); color: #fff; font-weight: 600; display: flex; align-items: center; justify-content: center; align-self: flex-start; margin-right: 6px; margin-top: 2px; }
  .avatar.member { background: linear-gradient(#ffb46b, #e4803a); }
  .bubble { position: relative; padding: 6px 10px 8px; border-radius: 12px; white-space: pre-wrap; word-wrap: break-word; box-shadow: 0 1px 1px rgba(0,0,0,.12); }
  .bubble.in { background: #fff; border-bottom-left-radius: 4px; } .bubble.out { background: #effdde; border-bottom-right-radius: 4px; }
  .time { display: block; text-align: right; margin: -2px -2px -4px 0; font-size: 11.5px; color: #a0acb6; line-height: 1.2; } .bubble.out .time { color: #5fbb5a; }
  .name { font-weight: 600; font-size: 14px; color: #d27c2a; margin-bottom: 1px; } .name.bot { color: #3a8fd6; }
  .reply { border-left: 3px solid #d27c2a; background: #fdf1e6; border-radius: 4px; padding: 2px 8px; margin: 2px 0 5px; font-size: 14px; white-space: normal; }
  .rname { color: #d27c2a; font-weight: 600; } .rtext { color: #222; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  a { color: #168acd; text-decoration: none; }
  b { font-weight: 700; }
  blockquote { margin: 2px 0; padding: 3px 24px 3px 9px; border-left: 3px solid #3a8fd6; background: #e9f3fc; border-radius: 4px; position: relative; white-space: pre-wrap; }
  blockquote.expandable { max-height: calc(1.38em * 3 + 6px); overflow: hidden; }
  blockquote.expandable::after { content: "⌄"; position: absolute; right: 7px; bottom: 1px; color: #3a8fd6; font-size: 16px; }
  .kb { margin-top: 3px; } .row { display: flex; gap: 3px; margin-top: 3px; }
  .btn { flex: 1; text-align: center; background: rgba(42, 71, 45, .32); color: #fff; font-weight: 600; font-size: 14px; padding: 8px 8px; border-radius: 8px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .input { display: flex; align-items: center; background: #fff; padding: 10px 14px; border-top: 1px solid #dfe1e5; color: #222; }
  .input .b { color: #3a8fd6; } .caret { display: inline-block; width: 1px; height: 18px; background: #3a8fd6; margin-left: 1px; vertical-align: middle; }
  .results { background: #fff; border-top: 1px solid #dfe1e5; }
  .result { display: flex; gap: 10px; padding: 8px 12px; } .result .thumb { width: 42px; height: 42px; border-radius: 6px; background: #e1effa; color: #3a8fd6; font-weight: 700; display: flex; align-items: center; justify-content: center; flex: none; }
  .result .rt { font-weight: 600; } .result .rd { color: #707b84; font-size: 14px; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
  </style></head><body><header><div class="ava">E</div><div><div class="t">${esc(title)}</div><div class="s">${esc(subtitle)}</div></div></header><div class="wall">${body}</div>${footer}
  <script>document.title = String(document.documentElement.scrollHeight);</script></body></html>`;
}

function shoot(name: string, html: string) {
  const dir = mkdtempSync(join(tmpdir(), "shots-"));
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  const flags = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--hide-scrollbars",
    "--force-device-scale-factor=2",
  ];
  const profile = () => `--user-data-dir=${mkdtempSync(join(tmpdir(), "chromium-"))}`;
  const dom = execFileSync(CHROMIUM, [...flags, profile(), "--dump-dom", `file://${file}`], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const height = Number(/<title>(\d+)<\/title>/.exec(dom)?.[1] ?? 900);
  const png = join(OUT, `${name}.png`);
  execFileSync(CHROMIUM, [...flags, profile(), `--screenshot=${png}`, `--window-size=${WIDTH},${height}`, `file://${file}`], {
    stdio: "ignore",
  });
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${png} (${WIDTH}×${height})\n`);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), "shots-index-"));
  const config = parseConfig({
    CORPUS_DIR: join(ROOT, "corpus"),
    INDEX_DIR: join(work, "index"),
    TELEGRAM_RICH_MESSAGES: "off",
    FEEDBACK_FILE: join(work, "feedback.jsonl"),
    LOG_LEVEL: "silent",
  });
  const engine = await createEngine(config);
  const bot = createBot("1:SHOTS", {
    config,
    logger: silentLogger,
    engine,
    botInfo: BOT,
    throttle: false,
    rateLimit: false,
    draftIntervalMs: false,
  });
  let sent: Sent[] = [];
  let id = 100;
  bot.api.config.use(async (_prev, method, payload) => {
    sent.push({ method, payload: payload as Record<string, unknown> });
    const p = payload as Record<string, unknown>;
    return {
      ok: true,
      result: method === "sendMessage" ? { message_id: ++id, date: 0, chat: { id: p.chat_id, type: "private" }, text: p.text } : true,
    } as never;
  });
  let updateId = 1;
  const ask = async (text: string, lang: string, chat: "private" | "group" = "private") => {
    sent = [];
    const from = { id: 42, is_bot: false, first_name: chat === "group" ? "Leyla" : "You", language_code: lang };
    const c =
      chat === "group" ? { id: -100123, type: "supergroup", title: "Baku newsroom" } : { id: 42, type: "private", first_name: "You" };
    const command = /^\/\w+(@\w+)?/.exec(text);
    await bot.handleUpdate({
      update_id: updateId++,
      message: {
        message_id: ++id,
        date: 0,
        chat: c,
        from,
        text,
        ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
      },
    } as Update);
    return sent.filter((s) => s.method === "sendMessage");
  };

  const ru = "Сколько компаний было в делегации?";
  shoot("answer-ru", page("Event QA", "бот", userBubble(ru) + (await ask(ru, "ru")).map((s) => botBubble(s)).join("")));
  const en = "Where did the meeting take place?";
  shoot("answer-en", page("Event QA", "bot", userBubble(en) + (await ask(en, "en")).map((s) => botBubble(s)).join("")));
  const off = "What will the weather be in Baku tomorrow?";
  shoot("refusal-en", page("Event QA", "bot", userBubble(off) + (await ask(off, "en")).map((s) => botBubble(s)).join("")));
  const g = "/ask@event_qa_bot When did the meeting take place?";
  shoot(
    "group-en",
    page(
      "Baku newsroom",
      "5 members",
      memberBubble(g, "Leyla") + (await ask(g, "en", "group")).map((s) => botBubble(s, { name: "Leyla", text: g })).join(""),
    ),
  );

  // Inline: the results list above the input field, then the message it sends.
  sent = [];
  const q = "How many companies were in the delegation?";
  await bot.handleUpdate({
    update_id: updateId++,
    inline_query: {
      id: "1",
      from: { id: 42, is_bot: false, first_name: "You", language_code: "en" },
      query: q,
      offset: "",
      chat_type: "private",
    },
  } as Update);
  const results = (sent.find((s) => s.method === "answerInlineQuery")?.payload.results ?? []) as {
    title: string;
    description?: string;
    input_message_content: { message_text: string };
  }[];
  const r = results[0]!;
  const popup = `<div class="results">${results.map((x) => `<div class="result"><div class="thumb">?</div><div><div class="rt">${esc(x.title)}</div><div class="rd">${esc(x.description ?? "")}</div></div></div>`).join("")}</div><div class="input"><span class="b">@event_qa_bot</span>&nbsp;${esc(q)}<span class="caret"></span></div>`;
  const viaBot = `<div class="msg out"><div class="bubble out" style="max-width:92%"><div class="name bot">via @event_qa_bot</div><div class="text">${telegramToHtml(r.input_message_content.message_text)}</div><span class="time">${time} ✓✓</span></div></div>`;
  shoot("inline-en", page("Aysel", "last seen recently", viaBot, popup));

  await engine.close();
  rmSync(work, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  process.stderr.write(`render-screenshots failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
