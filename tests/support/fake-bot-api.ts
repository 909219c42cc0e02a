// A small Bot API server for tests and the load benchmark, on 127.0.0.1. It follows the Bot API
// for the methods the bot uses and rejects what Telegram rejects, with Telegram-style errors.
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Chat, Message, Update, User, UserFromGetMe } from "grammy/types";
import { checkTelegramHtml, MESSAGE_LIMIT } from "../bot/telegram-html.js";
import { BOT_INFO, toEntities } from "./updates.js";

type Params = Record<string, unknown>;
type ApiResult =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: { retry_after?: number } };

export interface ApiCall {
  method: string;
  params: Params;
  at: number;
  response: ApiResult;
}

export interface FakeBotApiOptions {
  token?: string;
  botInfo?: UserFromGetMe;
  /**
   * sendRichMessage (Bot API 10.1): "accept" validates and stores it like Telegram; "reject" answers
   * 404 "method not found" like an older self-hosted Bot API server (the default).
   */
  richMessages?: "accept" | "reject";
}

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
  ) {
    super(description);
  }
}

const bad = (description: string) => new ApiError(400, `Bad Request: ${description}`);
const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

interface StoredMessage {
  text: string;
  fromBot: boolean;
}

export class FakeBotApi extends EventEmitter {
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  url = "";
  readonly calls: ApiCall[] = [];
  readonly commands = new Map<string, { command: string; description: string }[]>();
  webhook: { url: string; secret?: string } | undefined;
  /** Responses to return once, before normal handling (e.g. a 429), by method. */
  readonly failures = new Map<string, ApiResult[]>();
  /**
   * Connections to drop once, by method: "before" handling (the call never happened: a network
   * error) or "after" (the call took effect, its response is lost: an ambiguous failure).
   */
  readonly drops = new Map<string, ("before" | "after")[]>();
  private readonly server = createServer((req, res) => void this.handle(req, res));
  private readonly pending: Update[] = [];
  private nextUpdateId = 1;
  private readonly chats = new Map<number, Map<number, StoredMessage>>();
  private readonly nextMessageId = new Map<number, number>();
  richMessages: "accept" | "reject";
  private poller: { resolve: (updates: Update[]) => void; reject: (err: ApiError) => void; timer: NodeJS.Timeout } | undefined;

  constructor(options: FakeBotApiOptions = {}) {
    super();
    this.setMaxListeners(0);
    this.token = options.token ?? "123:TEST";
    this.botInfo = options.botInfo ?? BOT_INFO;
    this.richMessages = options.richMessages ?? "reject";
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    if (this.poller) clearTimeout(this.poller.timer);
    this.poller?.reject(new ApiError(409, "Conflict: server is shutting down"));
    this.poller = undefined;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Queues an update (polling) or POSTs it to the webhook; returns it with its update_id. */
  async inject(body: Omit<Update, "update_id">): Promise<Update> {
    const update = { update_id: this.nextUpdateId++, ...body } as Update;
    const msg = update.message;
    if (msg) this.store(msg.chat.id, msg.message_id, { text: msg.text ?? "", fromBot: false });
    if (this.webhook) await this.deliver(update, this.webhook.secret);
    else {
      this.pending.push(update);
      this.wakePoller();
    }
    return update;
  }

  /** A private text message from a user, the way Telegram builds it. */
  injectText(text: string, opts: { userId?: number; languageCode?: string; chat?: Chat.PrivateChat } = {}): Promise<Update> {
    const from: User = {
      id: opts.userId ?? 42,
      is_bot: false,
      first_name: "User",
      ...(opts.languageCode ? { language_code: opts.languageCode } : {}),
    };
    const chat = opts.chat ?? ({ id: from.id, type: "private", first_name: "User" } as Chat.PrivateChat);
    const entities = toEntities(text);
    const message = {
      message_id: this.newMessageId(chat.id),
      date: Math.floor(Date.now() / 1000),
      chat,
      from,
      text,
      ...(entities.length ? { entities } : {}),
    } as Message.TextMessage & { chat: Chat.PrivateChat; from: User };
    return this.inject({ message });
  }

  /** A press on an inline button under one of the bot's messages. */
  injectCallbackQuery(
    data: string,
    message: { chatId: number; messageId: number },
    opts: { userId?: number; languageCode?: string } = {},
  ): Promise<Update> {
    const from: User = {
      id: opts.userId ?? 42,
      is_bot: false,
      first_name: "User",
      ...(opts.languageCode ? { language_code: opts.languageCode } : {}),
    };
    const stored = this.chats.get(message.chatId)?.get(message.messageId);
    const chat =
      message.chatId > 0
        ? { id: message.chatId, type: "private", first_name: "User" }
        : { id: message.chatId, type: "supergroup", title: "Group" };
    const msg = {
      message_id: message.messageId,
      date: Math.floor(Date.now() / 1000),
      chat,
      from: { id: this.botInfo.id, is_bot: true, first_name: this.botInfo.first_name, username: this.botInfo.username },
      text: stored?.text ?? "",
    };
    return this.inject({
      callback_query: { id: String(Date.now()) + Math.random().toString(36).slice(2, 8), from, chat_instance: "ci", data, message: msg },
    } as Omit<Update, "update_id">);
  }

  /** POSTs an update to the webhook with the given secret header (or none); returns the HTTP status. */
  async deliver(update: Update, secret: string | undefined): Promise<number> {
    if (!this.webhook) throw new Error("no webhook set");
    const res = await fetch(this.webhook.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(secret !== undefined ? { "X-Telegram-Bot-Api-Secret-Token": secret } : {}) },
      body: JSON.stringify(update),
    });
    await res.arrayBuffer();
    return res.status;
  }

  /** Resolves with the first call (past or future) that matches. */
  waitFor(match: (call: ApiCall) => boolean, timeoutMs = 10_000): Promise<ApiCall> {
    const found = this.calls.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off("call", onCall);
        reject(new Error(`no matching Bot API call within ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(", ")}`));
      }, timeoutMs);
      const onCall = (call: ApiCall) => {
        if (!match(call)) return;
        clearTimeout(timer);
        this.off("call", onCall);
        resolve(call);
      };
      this.on("call", onCall);
    });
  }

  /** Replies the bot sent successfully (sendMessage, sendRichMessage), in order. */
  replies(chatId?: number): ApiCall[] {
    return this.calls.filter(
      (c) =>
        (c.method === "sendMessage" || c.method === "sendRichMessage") &&
        c.response.ok &&
        (chatId === undefined || c.params.chat_id === chatId),
    );
  }

  /** Messages the bot sent successfully (sendMessage), in order. */
  sent(chatId?: number): ApiCall[] {
    return this.calls.filter((c) => c.method === "sendMessage" && c.response.ok && (chatId === undefined || c.params.chat_id === chatId));
  }

  private store(chatId: number, messageId: number, message: StoredMessage) {
    let chat = this.chats.get(chatId);
    if (!chat) {
      chat = new Map();
      this.chats.set(chatId, chat);
    }
    chat.set(messageId, message);
  }

  private newMessageId(chatId: number): number {
    const id = (this.nextMessageId.get(chatId) ?? 0) + 1;
    this.nextMessageId.set(chatId, id);
    return id;
  }

  private wakePoller() {
    const poller = this.poller;
    if (!poller || this.pending.length === 0) return;
    this.poller = undefined;
    clearTimeout(poller.timer);
    poller.resolve(this.pending.slice(0, 100));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://localhost");
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    let result: ApiResult;
    let method = "";
    let params: Params = {};
    try {
      if (!m?.[1] || !m[2]) throw new ApiError(404, "Not Found");
      if (m[1] !== this.token) throw new ApiError(401, "Unauthorized");
      method = m[2];
      params = { ...Object.fromEntries(url.searchParams), ...(await readBody(req)) };
      const drop = this.drops.get(method)?.shift();
      if (drop === "before") return void res.destroy();
      const failure = this.failures.get(method)?.shift();
      result = failure ?? { ok: true, result: await this.call(method, params) };
      if (drop === "after") {
        const call = { method, params, at: Date.now(), response: result };
        this.calls.push(call);
        this.emit("call", call);
        return void res.destroy();
      }
    } catch (err) {
      result =
        err instanceof ApiError
          ? { ok: false, error_code: err.code, description: err.description }
          : { ok: false, error_code: 500, description: `Internal Server Error: ${String(err)}` };
    }
    if (method) {
      const call = { method, params, at: Date.now(), response: result };
      this.calls.push(call);
      this.emit("call", call);
    }
    res.writeHead(result.ok ? 200 : result.error_code, { "content-type": "application/json" });
    res.end(JSON.stringify(result));
  }

  private async call(method: string, p: Params): Promise<unknown> {
    switch (method) {
      case "getMe":
        return this.botInfo;
      case "getUpdates":
        return this.getUpdates(p);
      case "sendMessage":
        return this.sendMessage(p);
      case "editMessageText":
        return this.editMessageText(p);
      case "sendRichMessage":
        if (this.richMessages === "reject") throw new ApiError(404, "Not Found: method not found");
        return this.sendRichMessage(p);
      case "answerCallbackQuery":
        if (!p.callback_query_id) throw bad("query is too old and response timeout expired or query ID is invalid");
        if (typeof p.text === "string" && p.text.length > 200) throw bad("MESSAGE_TOO_LONG");
        return true;
      case "sendChatAction":
        this.chatId(p);
        if (!CHAT_ACTIONS.has(String(p.action))) throw bad("wrong parameter action in request");
        return true;
      case "answerInlineQuery":
        return this.answerInlineQuery(p);
      case "setMyCommands":
        return this.setMyCommands(p);
      case "deleteMyCommands":
        this.commands.delete(String(p.language_code ?? ""));
        return true;
      case "setWebhook": {
        if (typeof p.url !== "string" || p.url === "") throw bad("bad webhook: URL must be provided");
        if (p.url && !/^https?:\/\//.test(p.url)) throw bad("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443");
        if (p.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(String(p.secret_token)))
          throw bad("secret token contains unallowed characters");
        this.webhook = { url: p.url, ...(p.secret_token ? { secret: String(p.secret_token) } : {}) };
        this.poller?.reject(
          new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"),
        );
        this.poller = undefined;
        return true;
      }
      case "deleteWebhook":
        this.webhook = undefined;
        if (p.drop_pending_updates === true) this.pending.length = 0;
        return true;
      case "getWebhookInfo":
        return { url: this.webhook?.url ?? "", has_custom_certificate: false, pending_update_count: this.pending.length };
      case "close":
      case "logOut":
        return true;
      default:
        throw new ApiError(404, "Not Found: method not found");
    }
  }

  private async getUpdates(p: Params): Promise<Update[]> {
    if (this.webhook)
      throw new ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    const offset = Number(p.offset ?? 0);
    const limit = Math.min(Math.max(Number(p.limit ?? 100), 1), 100);
    const timeout = Math.max(Number(p.timeout ?? 0), 0);
    // Updates before the offset are confirmed and forgotten.
    if (offset > 0) while (this.pending.length && (this.pending[0]?.update_id ?? 0) < offset) this.pending.shift();
    if (this.pending.length > 0 || timeout === 0) return this.pending.slice(0, limit);
    // A newer getUpdates terminates an older one, as Telegram does.
    this.poller?.reject(
      new ApiError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"),
    );
    const updates = await new Promise<Update[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.poller?.timer === timer) this.poller = undefined;
        resolve([]);
      }, timeout * 1000);
      this.poller = { resolve, reject, timer };
    });
    return updates.slice(0, limit);
  }

  private chatId(p: Params): number {
    const id = Number(p.chat_id);
    if (!Number.isFinite(id) || id === 0) throw bad("chat not found");
    return id;
  }

  private checkText(text: unknown, parseMode: unknown): string {
    if (typeof text !== "string" || text.trim() === "") throw bad("message text is empty");
    if (parseMode === "HTML") {
      const r = checkTelegramHtml(text, Infinity);
      const parseErrors = r.errors.filter((e) => !/empty/.test(e));
      if (parseErrors.length) throw bad(`can't parse entities: ${parseErrors[0]}`);
      if (r.text.trim() === "") throw bad("message text is empty");
      if (r.length > MESSAGE_LIMIT) throw bad("message is too long");
      return r.text;
    }
    if (parseMode !== undefined) throw bad(`unsupported parse_mode ${String(parseMode)}`);
    if (text.length > MESSAGE_LIMIT) throw bad("message is too long");
    return text;
  }

  /** Telegram's checks on an inline keyboard: button texts, callback data of 1-64 bytes. */
  private checkMarkup(markup: unknown) {
    if (markup === undefined) return;
    const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
    if (!Array.isArray(rows)) throw bad("can't parse reply keyboard markup JSON object");
    for (const row of rows) {
      if (!Array.isArray(row)) throw bad('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
      for (const b of row as { text?: unknown; callback_data?: unknown }[]) {
        if (typeof b.text !== "string" || b.text.trim() === "") throw bad("text buttons are unallowed in the inline keyboard");
        if (
          b.callback_data !== undefined &&
          (typeof b.callback_data !== "string" || b.callback_data === "" || Buffer.byteLength(b.callback_data) > 64)
        )
          throw bad("BUTTON_DATA_INVALID");
      }
    }
  }

  /** Rich messages: exactly one of blocks/html/markdown, at most 32768 characters of text, 500 blocks. */
  private sendRichMessage(p: Params) {
    const chatId = this.chatId(p);
    const rich = p.rich_message as { blocks?: unknown[]; html?: string; markdown?: string } | undefined;
    if (!rich || typeof rich !== "object") throw bad("rich_message is required");
    const given = [rich.blocks, rich.html, rich.markdown].filter((x) => x !== undefined).length;
    if (given !== 1) throw bad("exactly one of blocks, html or markdown must be specified");
    let text = "";
    let blocks = 0;
    const walk = (v: unknown): void => {
      if (typeof v === "string") text += v;
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") {
        const o = v as Record<string, unknown>;
        if (
          typeof o.type === "string" &&
          ["paragraph", "blockquote", "expandable_blockquote", "heading", "list", "footer", "pullquote"].includes(o.type)
        )
          blocks++;
        for (const [k, x] of Object.entries(o)) if (k !== "type" && k !== "name" && k !== "reference_name" && k !== "url") walk(x);
      }
    };
    walk(rich.blocks ?? rich.html ?? rich.markdown);
    if (text.trim() === "") throw bad("rich message is empty");
    if (text.length > 32768) throw bad("rich message is too long");
    if (blocks > 500) throw bad("too many blocks in the rich message");
    this.checkMarkup(p.reply_markup);
    const messageId = this.newMessageId(chatId);
    this.store(chatId, messageId, { text, fromBot: true });
    return {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: chatId > 0 ? "private" : "supergroup" },
      from: { id: this.botInfo.id, is_bot: true, first_name: this.botInfo.first_name, username: this.botInfo.username },
      rich_message: rich,
    };
  }

  private sendMessage(p: Params) {
    const chatId = this.chatId(p);
    const text = this.checkText(p.text, p.parse_mode);
    this.checkMarkup(p.reply_markup);
    const reply = p.reply_parameters as { message_id?: number; allow_sending_without_reply?: boolean } | undefined;
    if (reply?.message_id !== undefined && !this.chats.get(chatId)?.has(reply.message_id) && reply.allow_sending_without_reply !== true)
      throw bad("message to be replied not found");
    const messageId = this.newMessageId(chatId);
    this.store(chatId, messageId, { text, fromBot: true });
    return {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: chatId > 0 ? "private" : "supergroup" },
      from: { id: this.botInfo.id, is_bot: true, first_name: this.botInfo.first_name, username: this.botInfo.username },
      text,
    };
  }

  private editMessageText(p: Params) {
    const chatId = this.chatId(p);
    const stored = this.chats.get(chatId)?.get(Number(p.message_id));
    if (!stored?.fromBot) throw bad("message to edit not found");
    const text = this.checkText(p.text, p.parse_mode);
    if (text === stored.text)
      throw bad(
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    stored.text = text;
    return {
      message_id: Number(p.message_id),
      date: Math.floor(Date.now() / 1000),
      edit_date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: chatId > 0 ? "private" : "supergroup" },
      text,
    };
  }

  private answerInlineQuery(p: Params) {
    if (!p.inline_query_id) throw bad("QUERY_ID_INVALID");
    const results = p.results as
      | { type?: string; id?: string; title?: string; input_message_content?: { message_text?: string; parse_mode?: string } }[]
      | undefined;
    if (!Array.isArray(results)) throw bad('field "results" must be an Array');
    if (results.length > 50) throw bad("RESULTS_TOO_MUCH");
    const ids = new Set<string>();
    for (const r of results) {
      if (typeof r.id !== "string" || r.id === "" || Buffer.byteLength(r.id) > 64) throw bad("RESULT_ID_INVALID");
      if (ids.has(r.id)) throw bad("RESULT_ID_DUPLICATE");
      ids.add(r.id);
      if (r.type === "article" && !r.title) throw bad("RESULT_TITLE_EMPTY");
      if (!r.input_message_content) throw bad("input_message_content is required");
      this.checkText(r.input_message_content.message_text, r.input_message_content.parse_mode);
    }
    return true;
  }

  private setMyCommands(p: Params) {
    const commands = p.commands as { command?: string; description?: string }[] | undefined;
    if (!Array.isArray(commands) || commands.length > 100) throw bad("BOT_COMMANDS_TOO_MUCH");
    for (const c of commands) {
      if (!c.command || !/^[a-z0-9_]{1,32}$/.test(c.command)) throw bad("BOT_COMMAND_INVALID");
      if (!c.description || c.description.length > 256) throw bad("BOT_COMMAND_DESCRIPTION_INVALID");
    }
    if (p.language_code !== undefined && !/^[a-z]{2}$/.test(String(p.language_code))) throw bad("LANG_CODE_INVALID");
    this.commands.set(String(p.language_code ?? ""), commands as { command: string; description: string }[]);
    return true;
  }
}

async function readBody(req: IncomingMessage): Promise<Params> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if (!raw) return {};
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/json")) return JSON.parse(raw) as Params;
  if (type.includes("application/x-www-form-urlencoded")) {
    // Form values that hold JSON (arrays, objects) are decoded the way Telegram does.
    return Object.fromEntries([...new URLSearchParams(raw)].map(([k, v]) => [k, /^[[{]/.test(v) ? (JSON.parse(v) as unknown) : v]));
  }
  throw bad("unsupported content type (this fake accepts JSON and form data)");
}

export async function startFakeBotApi(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  return new FakeBotApi(options).listen();
}
