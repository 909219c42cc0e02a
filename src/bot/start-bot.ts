// Runs a bot: long polling (runner) or webhook, an HTTP server with /healthz in both modes,
// start-up calls, and a graceful stop.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type RunnerHandle, run } from "@grammyjs/runner";
import { type Bot, GrammyError, HttpError, webhookCallback } from "grammy";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";
import { inFlightOf } from "./create-bot.js";
import { type BOT_LANGS, DEFAULT_LANG, textsFor } from "./i18n.js";
import type { InFlight } from "./in-flight.js";
import { createSafeLogger, redact } from "./log.js";

/** Update kinds the bot handles (others are not even fetched). */
export const ALLOWED_UPDATES = ["message", "edited_message", "channel_post", "inline_query", "my_chat_member"] as const;

/** getMe failed: the bot cannot run. The message is safe to print (no token). */
export class BotStartError extends Error {
  override name = "BotStartError";
}

export interface RunningBot {
  mode: Config["BOT_MODE"];
  /** Where the health check (and webhook) server listens; undefined when polling without one. */
  address: AddressInfo | undefined;
  /** Stops taking updates, finishes those in flight (waiting at most drainTimeoutMs, default 20 s), closes the HTTP server. */
  stop(options?: { drainTimeoutMs?: number }): Promise<void>;
}

export interface StartBotOptions {
  config: Config;
  logger: Logger;
  /** Called when polling stops for good (401, 409); main.ts shuts the process down. */
  onFatal?: (err: unknown) => void;
}

export function describeGetMeError(err: unknown, config: Pick<Config, "TELEGRAM_API_ROOT">, token: string): string {
  const root = config.TELEGRAM_API_ROOT;
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

function health(res: ServerResponse, body: Record<string, unknown>) {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ status: "ok", ...body }));
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

export async function startBot(bot: Bot<BotContext>, { config, logger: rawLogger, onFatal }: StartBotOptions): Promise<RunningBot> {
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
  return config.BOT_MODE === "webhook" ? startWebhook(bot, config, logger, inFlight) : startPolling(bot, config, logger, inFlight, onFatal);
}

async function startPolling(
  bot: Bot<BotContext>,
  config: Config,
  logger: Logger,
  inFlight: InFlight,
  onFatal?: (err: unknown) => void,
): Promise<RunningBot> {
  // A webhook left from another deployment would make getUpdates fail with 409.
  await bot.api.deleteWebhook().catch((err: unknown) => logger.warn({ err }, "deleteWebhook failed; going on"));
  let runner: RunnerHandle | undefined;
  const server = createServer((req, res) => {
    if (req.url === "/healthz") health(res, { mode: "polling", running: runner?.isRunning() ?? false, in_flight: inFlight.size() });
    else res.writeHead(404).end();
  });
  // The health check is a convenience in polling mode: a busy port is a warning, not a failure.
  const address = await listen(server, config).catch((err: unknown) => {
    logger.warn({ err, port: config.PORT }, "health check server not started; polling anyway");
    return undefined;
  });
  runner = run(bot, {
    runner: {
      fetch: { timeout: 30, allowed_updates: ALLOWED_UPDATES },
      retryInterval: "exponential",
      maxRetryTime: 15 * 60_000,
      silent: true,
    },
  });
  // The runner gives up on errors it cannot retry (401: token revoked; 409: another instance polls).
  runner.task()?.catch((err: unknown) => {
    const conflict = err instanceof GrammyError && err.error_code === 409;
    logger.fatal(
      { err },
      conflict
        ? "another instance is polling with this token (409 Conflict); stopping"
        : "polling stopped on an error it cannot retry; stopping",
    );
    onFatal?.(err);
  });
  if (address) logger.info({ port: address.port, host: address.address }, "polling; health check at /healthz");
  else logger.info("polling");
  const active = runner;
  return {
    mode: "polling",
    address,
    async stop(options) {
      if (active.isRunning()) await active.stop();
      const drained = await drain(inFlight, logger, options?.drainTimeoutMs);
      // Confirm what was handled so that a restart does not see it again (unfinished ones it will).
      const last = inFlight.lastUpdateId();
      if (drained && last !== undefined)
        await bot.api
          .getUpdates({ offset: last + 1, limit: 1, timeout: 0 })
          .catch((err: unknown) => logger.warn({ err }, "could not confirm the last update"));
      if (address) await closeServer(server);
    },
  };
}

async function startWebhook(
  bot: Bot<BotContext>,
  config: Extract<Config, { BOT_MODE: "webhook" }>, // parseConfig guarantees WEBHOOK_URL and WEBHOOK_SECRET
  logger: Logger,
  inFlight: InFlight,
): Promise<RunningBot> {
  const path = new URL(config.WEBHOOK_URL).pathname;
  // Wrong or missing X-Telegram-Bot-Api-Secret-Token → 401 and the update is not handled.
  const handleWebhook = webhookCallback(bot, "http", {
    secretToken: config.WEBHOOK_SECRET,
    onTimeout: "return",
    timeoutMilliseconds: 9_000,
  });
  let accepting = true;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "GET" && req.url === "/healthz") return health(res, { mode: "webhook", in_flight: inFlight.size() });
    if (req.method !== "POST" || req.url !== path) return void res.writeHead(404).end();
    if (!accepting) return void res.writeHead(503).end();
    handleWebhook(req, res).catch((err: unknown) => {
      logger.error({ err }, "webhook request failed");
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const address = await listen(server, config);
  await bot.api
    .setWebhook(config.WEBHOOK_URL, { secret_token: config.WEBHOOK_SECRET, allowed_updates: ALLOWED_UPDATES, max_connections: 40 })
    .then(() => logger.info({ url: config.WEBHOOK_URL }, "webhook set"))
    .catch((err: unknown) => logger.error({ err }, "setWebhook failed; updates arrive only if the webhook is set elsewhere"));
  logger.info({ port: address.port, host: address.address, path }, "webhook server listening; health check at /healthz");
  return {
    mode: "webhook",
    address,
    async stop(options) {
      accepting = false;
      const closed = closeServer(server);
      await drain(inFlight, logger, options?.drainTimeoutMs);
      server.closeAllConnections();
      await closed;
    },
  };
}
