import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config.js";

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
    expect(() => parseConfig({ LLM_PROVIDER: "ollama" })).toThrow(/LLM_MODEL/);
    expect(parseConfig({ BOT_MODE: "webhook" }).BOT_MODE).toBe("webhook"); // no token: console chat, no webhook needed
  });
});
