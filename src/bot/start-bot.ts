// Runs a bot: long polling (runner) or webhook, an HTTP server with /healthz in both modes,
// start-up calls, and a graceful stop.

import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type Bot, GrammyError, HttpError } from "grammy";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";
import { inFlightOf } from "./create-bot.js";
import { type BOT_LANGS, DEFAULT_LANG, textsFor } from "./i18n.js";
import type { InFlight } from "./in-flight.js";
import { createSafeLogger, redact } from "./log.js";
import { type PollingOptions, startPoller } from "./polling.js";

/** /healthz in polling mode answers 503 when no poll has succeeded for this long (3 long polls). */
export const HEALTH_STALE_MS = 90_000;
/** How long stop() waits for the polling loop to end (it aborts its pending long poll). */
const POLL_STOP_TIMEOUT_MS = 5_000;
/** How long stop() waits for the call that confirms the handled updates. */
const CONFIRM_TIMEOUT_MS = 5_000;

/** Update kinds the bot handles (others are not even fetched). */
export const ALLOWED_UPDATES = ["message", "edited_message", "channel_post", "inline_query", "my_chat_member"] as const;

/** getMe failed: the bot cannot run. The message is safe to print (no token). */
export class BotStartError extends Error {
  override name = "BotStartError";
}

export interface RunningBot {
  mode: "polling" | "webhook";
  /** Where the HTTP server listens (for /healthz and the webhook). */
  /** Where the health check (and webhook) server listens; undefined when polling without one. */
  address: AddressInfo | undefined;
  /** Stops taking updates, finishes those in flight (waiting at most drainTimeoutMs, default 20 s), closes the HTTP server. */
  stop(options?: { drainTimeoutMs?: number }): Promise<void>;
}

export interface StartBotOptions {
  config: Config;
  logger: Logger;
  /** Called when polling stops for good (401, 409); main.ts shuts the process down with a non-zero code. */
  onFatal?: (err: unknown) => void;
  /** Polling timings (tests); defaults are the constants of polling.ts and HEALTH_STALE_MS. */
  polling?: PollingOptions & { healthStaleMs?: number };
}

export function describeGetMeError(err: unknown, config: Pick<Config, "TELEGRAM_API_ROOT">, token: string): string {
  const root = config.TELEGRAM_API_ROOT ?? "https://api.telegram.org";
  if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404))
    return `Telegram rejected the bot token (getMe: ${err.error_code} ${err.description}). Check TELEGRAM_BOT_TOKEN in .env (a token comes from @BotFather).`;
  if (err instanceof GrammyError) return `getMe failed at ${root}: ${err.error_code} ${err.description}.`;
  if (err instanceof HttpError)
    return `Cannot reach the Bot API at ${root} (getMe failed: ${redact(String(err.error), [token])}). Check the network or TELEGRAM_API_ROOT.`;
  return `getMe failed: ${redact(String(err), [token])}`;
}

/** setMyCommands in the default language, Russian and English; failures are logged, not fatal. */
export async function setCommands(bot: Bot<BotContext>, logger: Logger): Promise<void> {
  const commandsFor = (lang: (typeof BOT_LANGS)[number]) => {
    const c = textsFor(lang).commands;
    return [
      { command: "start", description: c.start },
      { command: "help", description: c.help },
      { command: "sources", description: c.sources },
      { command: "ask", description: c.ask },
    ];
  };
  const calls: [string, () => Promise<true>][] = [
    ["default", () => bot.api.setMyCommands(commandsFor(DEFAULT_LANG))],
    ["ru", () => bot.api.setMyCommands(commandsFor("ru"), { language_code: "ru" })],
    ["en", () => bot.api.setMyCommands(commandsFor("en"), { language_code: "en" })],
  ];
  await Promise.all(
    calls.map(([lang, call]) =>
      call().catch((err: unknown) => logger.warn({ err, lang }, "setMyCommands failed; going on without command hints")),
    ),
  );
}

/** Waits for the updates in flight, at most `timeoutMs`; false (and a warning) when some are left. */
async function drain(inFlight: InFlight, logger: Logger, timeoutMs = 20_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs)));
  const late = await Promise.race([inFlight.drain().then(() => false), timedOut]);
  clearTimeout(timer);
  if (late) logger.warn({ in_flight: inFlight.size() }, "stopped with updates still in flight");
  return !late;
}

function health(res: ServerResponse, body: Record<string, unknown>, ok = true) {
  res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
  res.end(JSON.stringify({ status: ok ? "ok" : "unhealthy", ...body }));
}

async function listen(server: Server, config: Config): Promise<AddressInfo> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, config.HOST, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return server.address() as AddressInfo;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

export async function startBot(
  bot: Bot<BotContext>,
  { config, logger: rawLogger, onFatal, polling }: StartBotOptions,
): Promise<RunningBot> {
  const logger = createSafeLogger(rawLogger, [bot.token, config.WEBHOOK_SECRET]);
  try {
    // Not bot.init(): it retries network errors forever; one bounded getMe tells the user what is wrong.
    if (!bot.isInited()) bot.botInfo = await bot.api.getMe();
  } catch (err) {
    throw new BotStartError(describeGetMeError(err, config, bot.token));
  }
  logger.info({ username: bot.botInfo.username, mode: config.BOT_MODE }, "bot identified");
  await setCommands(bot, logger);
  const inFlight = inFlightOf(bot);
  return config.BOT_MODE === "webhook"
    ? startWebhook(bot, config, logger, inFlight)
    : startPolling(bot, config, logger, inFlight, onFatal, polling);
}

async function startPolling(
  bot: Bot<BotContext>,
  config: Config,
  logger: Logger,
  inFlight: InFlight,
  onFatal: ((err: unknown) => void) | undefined,
  options: StartBotOptions["polling"] = {},
): Promise<RunningBot> {
  // A webhook left from another deployment would make getUpdates fail with 409.
  await bot.api.deleteWebhook().catch((err: unknown) => logger.warn({ err }, "deleteWebhook failed; going on"));
  const staleMs = options.healthStaleMs ?? HEALTH_STALE_MS;
  let poller: ReturnType<typeof startPoller> | undefined;
  const server = createServer((req, res) => {
    if (req.url !== "/healthz") return void res.writeHead(404).end();
    // Healthy while polls succeed: an outage, a wedged poll or a fatal error all turn it 503.
    const since = poller ? Date.now() - poller.lastSuccessAt() : 0;
    const ok = (poller?.isRunning() ?? false) && since <= staleMs;
    health(
      res,
      {
        mode: "polling",
        running: poller?.isRunning() ?? false,
        last_poll_ms_ago: since,
        failed_polls: poller?.failures() ?? 0,
        in_flight: inFlight.size(),
      },
      ok,
    );
  });
  // The health check is a convenience in polling mode: a busy port is a warning, not a failure.
  const address = await listen(server, config).catch((err: unknown) => {
    logger.warn({ err, port: config.PORT }, "health check server not started; polling anyway");
    return undefined;
  });
  let fatal = false;
  poller = startPoller(
    bot,
    logger,
    (err) => {
      fatal = true;
      onFatal?.(err);
    },
    { allowedUpdates: ALLOWED_UPDATES, ...options },
  );
  if (address) logger.info({ port: address.port, host: address.address }, "polling; health check at /healthz");
  else logger.info("polling");
  const active = poller;
  return {
    mode: "polling",
    address,
    async stop(stopOptions) {
      // 1. No new updates (the pending long poll is aborted). 2. Let those in flight finish.
      await active.stop(POLL_STOP_TIMEOUT_MS);
      await drain(inFlight, logger, stopOptions?.drainTimeoutMs);
      // 3. Confirm what was handled, and only that: the oldest unfinished update (if the drain
      // timed out) and everything after it stay with Telegram, and a restart gets them again.
      const offset = active.safeOffset();
      const left = active.unfinished();
      if (left.length > 0)
        logger.warn({ unfinished: left }, "not confirming unfinished updates: Telegram delivers them again after a restart");
      if (offset !== undefined && !fatal)
        await bot.api
          .getUpdates({ offset, limit: 1, timeout: 0 }, AbortSignal.timeout(CONFIRM_TIMEOUT_MS) as never)
          .catch((err: unknown) => logger.warn({ err }, "could not confirm the handled updates"));
      if (address) await closeServer(server);
    },
  };
}

/** Webhook requests larger than this get 413 (an update is a few KB; Telegram's own limit is far below). */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;
/** Telegram waits about 10 s per request; answer 200 after this even if the update is still being handled. */
const WEBHOOK_ANSWER_MS = 9_000;
/** After the drain, how long stop() still waits for webhook responses to be written. */
const RESPONSE_FLUSH_MS = 2_000;

/** Reads a request body of at most `limit` bytes; undefined when it is larger. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== "string") return false;
  const a = Buffer.from(header);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function startWebhook(bot: Bot<BotContext>, config: Config, logger: Logger, inFlight: InFlight): Promise<RunningBot> {
  if (!config.WEBHOOK_URL || !config.WEBHOOK_SECRET) throw new BotStartError("BOT_MODE=webhook needs WEBHOOK_URL and WEBHOOK_SECRET");
  const secret = config.WEBHOOK_SECRET;
  const hook = new URL(config.WEBHOOK_URL);
  // Telegram POSTs to the URL as given, query string included: that is what we serve.
  const target = `${hook.pathname}${hook.search}`;
  let accepting = true;
  // Requests being answered (from arrival to the last byte of the response), for the shutdown.
  let open = 0;
  let idle: (() => void)[] = [];
  const settled = () => (open === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve)));

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // Wrong or missing X-Telegram-Bot-Api-Secret-Token → 401 and the update is not handled.
    if (!secretMatches(req.headers["x-telegram-bot-api-secret-token"], secret))
      return void res.writeHead(401, { connection: "close" }).end();
    const body = await readBody(req, WEBHOOK_BODY_LIMIT);
    if (body === undefined) {
      logger.warn({ limit: WEBHOOK_BODY_LIMIT }, "webhook request too large; refused (413)");
      return void res.writeHead(413, { connection: "close" }).end();
    }
    let update: unknown;
    try {
      update = JSON.parse(body.toString("utf8"));
    } catch {
      update = undefined;
    }
    const id = (update as { update_id?: unknown } | null | undefined)?.update_id;
    if (!update || typeof update !== "object" || Array.isArray(update) || typeof id !== "number" || !Number.isSafeInteger(id)) {
      // Never the body itself (nor a parser message quoting it): it is untrusted and may be large.
      logger.warn({ bytes: body.length }, "malformed webhook request (not an update); refused (400)");
      return void res.writeHead(400).end();
    }
    const handling = bot.handleUpdate(update as Parameters<typeof bot.handleUpdate>[0]).catch(async (err: unknown) => {
      try {
        await bot.errorHandler(err as never);
      } catch (inner) {
        logger.error({ err: inner, update_id: id }, "error handler failed");
      }
    });
    let timer: NodeJS.Timeout | undefined;
    const late = await Promise.race([
      handling.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), WEBHOOK_ANSWER_MS))),
    ]);
    clearTimeout(timer);
    if (late) logger.warn({ update_id: id }, "update still being handled; answered the webhook request already");
    // 200 also after a handler error: the error was reported in the chat, and a re-delivery would fail again.
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "GET" && req.url === "/healthz") return health(res, { mode: "webhook", in_flight: inFlight.size() });
    if (req.method !== "POST" || req.url !== target) return void res.writeHead(404).end();
    if (!accepting) return void res.writeHead(503, { connection: "close" }).end();
    open++;
    res.once("close", () => {
      if (--open === 0) {
        for (const w of idle) w();
        idle = [];
      }
    });
    handle(req, res).catch((err: unknown) => {
      logger.error({ err }, "webhook request failed");
      if (!res.headersSent) res.writeHead(500).end();
      else res.end();
    });
  });
  const address = await listen(server, config);
  const shownUrl = `${hook.origin}${hook.pathname}`; // the query string may carry a secret
  await bot.api
    .setWebhook(config.WEBHOOK_URL, { secret_token: secret, allowed_updates: ALLOWED_UPDATES, max_connections: 40 })
    .then(() => logger.info({ url: shownUrl }, "webhook set"))
    .catch((err: unknown) => logger.error({ err }, "setWebhook failed; updates arrive only if the webhook is set elsewhere"));
  logger.info({ port: address.port, host: address.address, path: hook.pathname }, "webhook server listening; health check at /healthz");
  return {
    mode: "webhook",
    address,
    async stop(options) {
      // New requests get 503 (Telegram delivers them again later); those in flight are handled
      // and get their 200 before any connection is closed.
      accepting = false;
      const closed = closeServer(server);
      await drain(inFlight, logger, options?.drainTimeoutMs);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([settled(), new Promise<void>((resolve) => (timer = setTimeout(resolve, RESPONSE_FLUSH_MS)))]);
      clearTimeout(timer);
      server.closeAllConnections();
      await closed;
    },
  };
}
