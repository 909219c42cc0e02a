import { type Logger, pino } from "pino";

export type { Logger };

/**
 * The one logger factory. Writes JSON lines to stderr (stdout belongs to the CLI's output).
 * Redacts tokens and secrets wherever they appear as fields.
 */
export function createLogger(options: { level?: string; name?: string; pretty?: boolean } = {}): Logger {
  return pino(
    {
      name: options.name ?? "event-qa-bot",
      level: options.level ?? "info",
      redact: {
        paths: [
          "token",
          "*.token",
          "config.TELEGRAM_BOT_TOKEN",
          "config.WEBHOOK_SECRET",
          "config.LLM_API_KEY",
          "config.EMBEDDINGS_API_KEY",
          "*.api_key",
          "*.apiKey",
        ],
        censor: "[redacted]",
      },
    },
    options.pretty ? prettyStderr() : pino.destination({ fd: 2, sync: true }),
  );
}

const LEVELS: Record<number, string> = { 10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL" };

/** LOG_PRETTY: one readable line per record ("12:00:01 INFO message key=value") on stderr. */
function prettyStderr(): { write(line: string): void } {
  return {
    write(line: string) {
      try {
        const { time, level, msg, name: _name, pid: _pid, hostname: _host, v: _v, ...rest } = JSON.parse(line) as Record<string, unknown>;
        const fields = Object.entries(rest)
          .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
          .join(" ");
        const at = new Date(Number(time)).toISOString().slice(11, 19);
        process.stderr.write(`${at} ${LEVELS[Number(level)] ?? level} ${String(msg ?? "")}${fields ? ` ${fields}` : ""}\n`);
      } catch {
        process.stderr.write(line);
      }
    },
  };
}

/** A logger that drops everything (tests, quiet CLIs). */
export const silentLogger: Logger = pino({ level: "silent" });
