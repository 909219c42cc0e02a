import { pino, type Logger } from "pino";

export type { Logger };

/**
 * The one logger factory. Writes JSON lines to stderr (stdout belongs to the CLI's output).
 * Redacts tokens and secrets wherever they appear as fields.
 */
export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  return pino(
    {
      name: options.name ?? "event-qa-bot",
      level: options.level ?? "info",
      redact: {
        paths: ["token", "*.token", "config.TELEGRAM_BOT_TOKEN", "config.WEBHOOK_SECRET", "config.LLM_API_KEY", "config.EMBEDDINGS_API_KEY", "*.api_key", "*.apiKey"],
        censor: "[redacted]",
      },
    },
    pino.destination({ fd: 2, sync: true }),
  );
}

/** A logger that drops everything (tests, quiet CLIs). */
export const silentLogger: Logger = pino({ level: "silent" });
