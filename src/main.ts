// Entry point (`npm start`): the only place that reads the environment.
// Only the configuration loader is imported up front: a bad variable is reported before the
// engine, the bot or any library they need is loaded. Everything else is a dynamic import
// (a separate chunk of the compiled build), loaded for the path the configuration picks.
import type { RunningBot } from "./bot/start-bot.js";
import type { Config } from "./config.js";
import type { Engine } from "./engine/types.js";
import { readConfigOrExit } from "./env.js";
import type { Logger } from "./logger.js";

const NO_TOKEN_LINE =
  "TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather and put it in .env as TELEGRAM_BOT_TOKEN=… — until then, here is a console chat with the same bot.";

/** Longest a shutdown may take (drain 20 s + stopping polling, confirming, closing); then exit 1. */
const SHUTDOWN_DEADLINE_MS = 40_000;

/** Shuts down once on SIGINT/SIGTERM; a second signal exits at once. */
function onShutdownSignal(logger: Logger, shutdown: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, "second signal: exiting without waiting");
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, "shutting down: no new updates, finishing those in flight");
    setTimeout(() => {
      logger.error("shutdown took too long; exiting");
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    shutdown().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}

async function runTelegram(config: Config & { TELEGRAM_BOT_TOKEN: string }, logger: Logger, engine: Engine): Promise<void> {
  const [{ createBot }, { BotStartError, startBot }, { describePollingFatal }] = await Promise.all([
    import("./bot/create-bot.js"),
    import("./bot/start-bot.js"),
    import("./bot/polling.js"),
  ]);
  const bot = createBot(config.TELEGRAM_BOT_TOKEN, { config, logger, engine });
  let running: RunningBot | undefined;
  // Polling stopped for good (401, 409): one clear line, a short stop, and a non-zero exit so
  // that a supervisor notices (and restarts or alerts).
  let fatal = false;
  const onFatal = (err: unknown) => {
    if (fatal) return;
    fatal = true;
    process.stderr.write(`${describePollingFatal(err instanceof Error && err.cause ? err.cause : err)}\n`);
    setTimeout(() => process.exit(1), 10_000).unref();
    void Promise.resolve(running?.stop({ drainTimeoutMs: 5_000 }))
      .catch(() => undefined)
      .then(() => engine.close())
      .finally(() => process.exit(1));
  };
  try {
    running = await startBot(bot, { config, logger, onFatal });
  } catch (err) {
    await engine.close();
    if (err instanceof BotStartError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const started = running;
  onShutdownSignal(logger, async () => {
    await started.stop();
    await engine.close();
    logger.info("stopped");
  });
}

async function main(): Promise<void> {
  const config = readConfigOrExit();
  // In the console chat, keep the terminal for the conversation unless a log level was asked for.
  const consoleMode = !config.TELEGRAM_BOT_TOKEN;
  const level = consoleMode && process.env.LOG_LEVEL === undefined ? "warn" : config.LOG_LEVEL;
  const [{ createLogger }, { createEngine }] = await Promise.all([import("./logger.js"), import("./engine/engine.js")]);
  const logger = createLogger({ level, pretty: config.LOG_PRETTY });
  const engine = await createEngine(config, { logger, onProgress: (message) => process.stderr.write(`${message}\n`) });
  const token = config.TELEGRAM_BOT_TOKEN;
  if (token) return runTelegram({ ...config, TELEGRAM_BOT_TOKEN: token }, logger, engine);

  // The stop handler first: a SIGTERM while the chat module loads must still exit cleanly.
  onShutdownSignal(logger, async () => engine.close());
  const { runConsoleChat } = await import("./bot/console-chat.js");
  process.stderr.write(`${NO_TOKEN_LINE}\n`);
  await runConsoleChat({
    engine,
    config,
    logger,
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY),
    languageCode: /^[a-z]{2}/i.exec(process.env.LANG ?? "")?.[0]?.toLowerCase(),
  });
  await engine.close();
  process.exit(0);
}

main().catch((err: unknown) => {
  // Known failures (bad corpus file, unreadable prompts or locales, index build) get one clear line.
  const known =
    err instanceof Error &&
    ["CorpusError", "IndexError", "LocaleError", "PromptError", "EmbeddingsError", "ChatModelConfigError"].includes(err.name);
  process.stderr.write(
    known
      ? `${(err as Error).name}: ${(err as Error).message}\n`
      : `Fatal: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
