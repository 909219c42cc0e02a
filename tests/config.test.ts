import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, TELEGRAM_API_DEFAULT } from "../src/config.js";

describe("parseConfig", () => {
  it("should apply defaults for a missing or empty variable alike", () => {
    const empty = parseConfig({ PORT: "", INLINE_CACHE_SECONDS: " ", OLLAMA_BASE_URL: "", LLM_TIMEOUT_MS: "" });
    expect(empty).toMatchObject({
      PORT: 8080,
      INLINE_CACHE_SECONDS: 300,
      OLLAMA_BASE_URL: "http://127.0.0.1:11434",
      LLM_TIMEOUT_MS: 15000,
    });
    expect(empty).toEqual(parseConfig({}));
  });

  it("should name every bad variable in one error", () => {
    const err = (() => {
      try {
        parseConfig({ PORT: "70000", BOT_MODE: "push", TELEGRAM_API_ROOT: "not a url" });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).issues.map((i) => i.variable).sort()).toEqual(["BOT_MODE", "PORT", "TELEGRAM_API_ROOT"]);
    expect((err as Error).message).toMatch(/PORT: .*65535/);
  });

  it("should require the webhook settings and the model name only when they are used", () => {
    expect(() => parseConfig({ BOT_MODE: "webhook", TELEGRAM_BOT_TOKEN: "1:x" })).toThrow(/WEBHOOK_URL: required when BOT_MODE=webhook/);
    expect(() => parseConfig({ BOT_MODE: "webhook", TELEGRAM_BOT_TOKEN: "1:x" })).toThrow(/WEBHOOK_SECRET: required when BOT_MODE=webhook/);
    expect(() => parseConfig({ LLM_PROVIDER: "ollama" })).toThrow(/LLM_MODEL/);
    expect(parseConfig({ WEBHOOK_URL: "https://example.org/hook" }).BOT_MODE).toBe("polling"); // the URL alone does not switch the mode
  });

  it("should discriminate on BOT_MODE: polling by default, webhook only with a valid URL and secret", () => {
    const polling = parseConfig({});
    expect(polling).toMatchObject({ BOT_MODE: "polling", WEBHOOK_URL: undefined, WEBHOOK_SECRET: undefined });
    const webhook = parseConfig({ BOT_MODE: "webhook", WEBHOOK_URL: " https://example.org/hook ", WEBHOOK_SECRET: "s3cret_token" });
    expect(webhook).toMatchObject({ BOT_MODE: "webhook", WEBHOOK_URL: "https://example.org/hook", WEBHOOK_SECRET: "s3cret_token" });
    // Webhook mode needs both even without a token (the console chat then never uses them).
    expect(() => parseConfig({ BOT_MODE: "webhook" })).toThrow(/WEBHOOK_URL: required when BOT_MODE=webhook/);
    // A present but bad value gets its own message, not "required".
    const bad = (() => {
      try {
        parseConfig({ BOT_MODE: "webhook", WEBHOOK_URL: "hook", WEBHOOK_SECRET: "no spaces allowed" });
      } catch (e) {
        return (e as ConfigError).issues;
      }
    })();
    expect(bad).toEqual([
      { variable: "WEBHOOK_URL", message: "Invalid URL" },
      { variable: "WEBHOOK_SECRET", message: "1-256 characters: A-Z, a-z, 0-9, _ and -" },
    ]);
    // The secret's format is checked in polling mode too (it would be used on a switch to webhook).
    expect(() => parseConfig({ WEBHOOK_SECRET: "bad secret" })).toThrow(/WEBHOOK_SECRET: 1-256 characters/);
    expect(() => parseConfig({ BOT_MODE: "push" })).toThrow(/BOT_MODE: Invalid option: expected one of "polling"\|"webhook"/);
  });

  it("should keep every default in the schema", () => {
    expect(parseConfig({})).toEqual({
      CORPUS_DIR: "corpus",
      INDEX_DIR: ".index",
      VECTOR_STORE: "hnswlib",
      EMBEDDINGS_PROVIDER: "hashed",
      EMBEDDINGS_MODEL: undefined,
      EMBEDDINGS_BASE_URL: undefined,
      EMBEDDINGS_API_KEY: undefined,
      TELEGRAM_BOT_TOKEN: undefined,
      TELEGRAM_API_ROOT: TELEGRAM_API_DEFAULT,
      BOT_MODE: "polling",
      WEBHOOK_URL: undefined,
      WEBHOOK_SECRET: undefined,
      PORT: 8080,
      HOST: "0.0.0.0",
      RATE_LIMIT_PER_MINUTE: 20,
      INLINE_CACHE_SECONDS: 300,
      LLM_PROVIDER: "none",
      LLM_BASE_URL: undefined,
      LLM_API_KEY: undefined,
      LLM_MODEL: undefined,
      OLLAMA_BASE_URL: "http://127.0.0.1:11434",
      LLM_TIMEOUT_MS: 15000,
      LLM_STREAM: true,
      LOG_LEVEL: "info",
      LOG_PRETTY: false,
      TELEGRAM_RICH_MESSAGES: "auto",
      FEEDBACK_FILE: ".data/feedback.jsonl",
      ADMIN_IDS: [],
    });
  });
});
