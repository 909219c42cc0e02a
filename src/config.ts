import { z } from "zod";

/** Thrown when the environment does not describe a valid configuration. Names every bad variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(
    message: string,
    readonly issues: { variable: string; message: string }[],
  ) {
    super(message);
  }
}

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);

const bool = (def: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", ""])
    .default(def ? "true" : "false")
    .transform((v) => v === "true" || v === "1" || v === "yes");

/** The Bot API server when TELEGRAM_API_ROOT is not set. */
export const TELEGRAM_API_DEFAULT = "https://api.telegram.org";

const REQUIRED_FOR_WEBHOOK = "required when BOT_MODE=webhook";
/** A custom message for a missing value only; a present but bad value keeps zod's own message. */
const requiredForWebhook = (issue: { input?: unknown }) => (issue.input === undefined ? REQUIRED_FOR_WEBHOOK : undefined);
const webhookSecret = (error?: typeof requiredForWebhook) =>
  z
    .string({ error })
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, "1-256 characters: A-Z, a-z, 0-9, _ and -");

/** Every variable except the bot mode's; the defaults of all of them live here and nowhere else. */
const commonSchema = z
  .object({
    // Corpus and index
    CORPUS_DIR: z.string().trim().min(1).default("corpus"),
    INDEX_DIR: z.string().trim().min(1).default(".index"),
    // The vector store (src/engine/vector/): hnswlib (saved in INDEX_DIR) or memory (rebuilt at every start).
    VECTOR_STORE: z.enum(["hnswlib", "memory"]).default("hnswlib"),
    EMBEDDINGS_PROVIDER: z.enum(["hashed", "openai", "transformers"]).default("hashed"),
    EMBEDDINGS_MODEL: optionalString,
    EMBEDDINGS_BASE_URL: optionalString,
    EMBEDDINGS_API_KEY: optionalString,
    // Telegram
    TELEGRAM_BOT_TOKEN: optionalString,
    TELEGRAM_API_ROOT: z.url().default(TELEGRAM_API_DEFAULT),
    PORT: int(8080, 0, 65535),
    HOST: z.string().trim().min(1).default("0.0.0.0"),
    RATE_LIMIT_PER_MINUTE: int(20, 1, 10_000),
    INLINE_CACHE_SECONDS: int(300, 0, 86_400),
    // auto: answers as rich messages (Bot API sendRichMessage), HTML when the server refuses; off: HTML only.
    TELEGRAM_RICH_MESSAGES: z.enum(["auto", "off"]).default("auto"),
    // 👍/👎 under answers are appended here as JSON lines (question, short answer, vote, time; no user ids).
    FEEDBACK_FILE: z.string().trim().min(1).default(".data/feedback.jsonl"),
    // Telegram user ids allowed to run /feedback (comma-separated); empty: nobody.
    ADMIN_IDS: z
      .string()
      .trim()
      .default("")
      .refine((v) => v === "" || /^\d+(\s*,\s*\d+)*$/.test(v), "comma-separated numeric Telegram user ids")
      .transform((v) => (v === "" ? [] : v.split(",").map((x) => Number(x.trim())))),
    // Language model (optional)
    LLM_PROVIDER: z
      .enum(["none", "openai", "ollama", ""])
      .default("none")
      .transform((v) => (v === "" ? "none" : v)),
    LLM_BASE_URL: optionalString.pipe(z.url().optional()),
    LLM_API_KEY: optionalString,
    LLM_MODEL: optionalString,
    OLLAMA_BASE_URL: z.url().default("http://127.0.0.1:11434"),
    LLM_TIMEOUT_MS: int(15_000, 100, 600_000),
    LLM_STREAM: bool(true),
    // Logging
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    LOG_PRETTY: bool(false),
  })
  .superRefine((c, ctx) => {
    if (c.LLM_PROVIDER !== "none" && !c.LLM_MODEL)
      ctx.addIssue({ code: "custom", path: ["LLM_MODEL"], message: `required when LLM_PROVIDER=${c.LLM_PROVIDER}` });
    if (c.LLM_PROVIDER === "openai" && !c.LLM_BASE_URL && !c.LLM_API_KEY)
      ctx.addIssue({ code: "custom", path: ["LLM_API_KEY"], message: "set LLM_API_KEY (OpenAI) or LLM_BASE_URL (a compatible server)" });
    if (c.EMBEDDINGS_PROVIDER !== "hashed" && !c.EMBEDDINGS_MODEL)
      ctx.addIssue({ code: "custom", path: ["EMBEDDINGS_MODEL"], message: `required when EMBEDDINGS_PROVIDER=${c.EMBEDDINGS_PROVIDER}` });
  });

/**
 * How updates arrive, discriminated on BOT_MODE: long polling (the default; the webhook variables
 * are ignored) or a webhook, which requires its URL and secret. The type says so too: with
 * `config.BOT_MODE === "webhook"` both are strings.
 */
const botModeSchema = z.discriminatedUnion(
  "BOT_MODE",
  [
    z.object({
      BOT_MODE: z.literal("polling").default("polling"),
      WEBHOOK_URL: optionalString.pipe(z.url().optional()),
      WEBHOOK_SECRET: optionalString.pipe(webhookSecret().optional()),
    }),
    z.object({
      BOT_MODE: z.literal("webhook"),
      WEBHOOK_URL: z.string({ error: requiredForWebhook }).trim().pipe(z.url()),
      WEBHOOK_SECRET: webhookSecret(requiredForWebhook),
    }),
  ],
  { error: 'Invalid option: expected one of "polling"|"webhook"' },
);

/** Every variable the program reads, in `.env.example`'s order of sections. */
export const CONFIG_VARIABLES: readonly string[] = [...Object.keys(commonSchema.shape), ...Object.keys(botModeSchema.options[0].shape)];

export type Config = z.output<typeof commonSchema> & z.output<typeof botModeSchema>;

/**
 * Validates the environment once. Pure: reads nothing but `env`.
 * @throws ConfigError naming each bad variable, e.g. `PORT: Too big: expected number to be <=65535`.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // An empty variable (`PORT=`) means "not set": its default applies, as for a missing one.
  const known = Object.fromEntries(CONFIG_VARIABLES.map((k) => [k, env[k]?.trim() === "" ? undefined : env[k]]));
  // Both parts are checked whatever the other says, so that one error names every bad variable.
  const common = commonSchema.safeParse(known);
  const mode = botModeSchema.safeParse(known);
  if (common.success && mode.success) return { ...common.data, ...mode.data };
  const issues = [...(common.error?.issues ?? []), ...(mode.error?.issues ?? [])].map((i) => ({
    variable: String(i.path[0] ?? "config"),
    message: i.message,
  }));
  throw new ConfigError(`Invalid configuration:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join("\n")}`, issues);
}
