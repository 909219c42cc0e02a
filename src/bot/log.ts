// Per-update child loggers and secret-free error serialisation.
import type { Middleware } from "grammy";
import type { Update } from "grammy/types";
import { stdSerializers } from "pino";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";
import { textsFor, toBotLang } from "./i18n.js";

/** Replaces every occurrence of the secrets in a string. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join("[redacted]");
  return out;
}

/** A child logger whose `err` field never carries the secrets (e.g. the token inside a URL). */
export function createSafeLogger(logger: Logger, secrets: readonly (string | undefined)[]): Logger {
  const list = secrets.filter((s): s is string => Boolean(s));
  return logger.child(
    {},
    {
      serializers: {
        err: (err: unknown) => {
          const plain = err instanceof Error ? stdSerializers.err(err) : err;
          return JSON.parse(redact(JSON.stringify(plain) ?? "null", list)) as unknown;
        },
      },
    },
  );
}

/** The kind of an update: "message", "inline_query", … (the one key besides update_id). */
export function updateType(update: Update): string {
  return Object.keys(update).find((k) => k !== "update_id") ?? "unknown";
}

/** First middleware: context logger and the user's language; debug line with the text. */
export function createContextMiddleware(logger: Logger): Middleware<BotContext> {
  return async (ctx, next) => {
    const started = performance.now();
    ctx.log = logger.child({
      update_id: ctx.update.update_id,
      update_type: updateType(ctx.update),
      chat_type: ctx.chat?.type,
      chat_id: ctx.chat?.id,
    });
    ctx.uiLang = toBotLang(ctx.from?.language_code);
    ctx.ui = textsFor(ctx.uiLang);
    // Debug lines only build their fields when debug is on.
    const debug = ctx.log.isLevelEnabled("debug");
    const text: unknown = debug ? (ctx.msg?.text ?? ctx.inlineQuery?.query) : undefined;
    if (text !== undefined) ctx.log.debug({ text }, "update received");
    await next();
    if (debug) ctx.log.debug({ ms: Math.round(performance.now() - started) }, "update handled");
  };
}
