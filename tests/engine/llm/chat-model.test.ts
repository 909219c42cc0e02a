import { ChatOllama } from "@langchain/ollama";
import { ChatOpenAI } from "@langchain/openai";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config.js";
import { ChatModelConfigError, createChatModel } from "../../../src/engine/llm/chat-model.js";

describe("createChatModel", () => {
  it("should return null when no provider is configured", async () => {
    expect(await createChatModel(parseConfig({}))).toBeNull();
    expect(await createChatModel(parseConfig({ LLM_PROVIDER: "" }))).toBeNull();
  });

  it("should build ChatOpenAI against LLM_BASE_URL with no retries of its own", async () => {
    const m = await createChatModel(
      parseConfig({
        LLM_PROVIDER: "openai",
        LLM_BASE_URL: "http://127.0.0.1:9/v1",
        LLM_API_KEY: "k",
        LLM_MODEL: "m",
        LLM_TIMEOUT_MS: "1234",
      }),
    );
    expect(m).toBeInstanceOf(ChatOpenAI);
    const o = m as ChatOpenAI;
    expect(o.model).toBe("m");
    expect(o.timeout).toBe(1234);
    expect((o.caller as unknown as { maxRetries: number }).maxRetries).toBe(0);
    expect(o.clientConfig.baseURL).toBe("http://127.0.0.1:9/v1");
  });

  it("should build ChatOllama against OLLAMA_BASE_URL", async () => {
    const m = await createChatModel(
      parseConfig({ LLM_PROVIDER: "ollama", LLM_MODEL: "qwen2.5", OLLAMA_BASE_URL: "http://127.0.0.1:11999" }),
    );
    expect(m).toBeInstanceOf(ChatOllama);
    expect((m as ChatOllama).model).toBe("qwen2.5");
    expect((m as ChatOllama).baseUrl).toBe("http://127.0.0.1:11999");
    expect(((m as ChatOllama).caller as unknown as { maxRetries: number }).maxRetries).toBe(0);
  });

  it("should refuse to build a model without LLM_MODEL", async () => {
    await expect(createChatModel({ LLM_PROVIDER: "openai", LLM_MODEL: undefined, LLM_API_KEY: "k" })).rejects.toThrow(ChatModelConfigError);
  });

  it("should not expose the API key when serialised", async () => {
    const m = await createChatModel({ LLM_PROVIDER: "openai", LLM_MODEL: "m", LLM_API_KEY: "sk-supersecret-123456" });
    expect(JSON.stringify(m)).not.toContain("sk-supersecret-123456");
  });
});
