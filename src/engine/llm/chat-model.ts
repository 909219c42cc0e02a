import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Config } from "../../config.js";

/** The configuration a chat model needs (a full `Config` fits). */
export type ChatModelConfig = Pick<Config, "LLM_PROVIDER" | "LLM_MODEL"> &
  Partial<Pick<Config, "LLM_BASE_URL" | "LLM_API_KEY" | "OLLAMA_BASE_URL" | "LLM_TIMEOUT_MS">>;

/** Thrown when a provider is chosen but the model cannot be built from the configuration. */
export class ChatModelConfigError extends Error {
  override name = "ChatModelConfigError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * The provider packages, imported only when their provider is chosen (LangChain's own
 * `imports()` pattern): `@langchain/openai` alone costs about a second of start-up.
 */
export const chatModelImports = {
  async openai() {
    return import("@langchain/openai").catch((cause: unknown) => {
      throw new ChatModelConfigError("LLM_PROVIDER=openai needs the @langchain/openai package (npm install @langchain/openai)", { cause });
    });
  },
  async ollama() {
    return import("@langchain/ollama").catch((cause: unknown) => {
      throw new ChatModelConfigError("LLM_PROVIDER=ollama needs the @langchain/ollama package (npm install @langchain/ollama)", { cause });
    });
  },
};

/**
 * Builds the LangChain chat model the configuration names, or `null` when `LLM_PROVIDER=none`.
 * - `openai`: `ChatOpenAI` against `LLM_BASE_URL` (any OpenAI-compatible server) or OpenAI itself.
 *   A compatible server without `LLM_API_KEY` gets a placeholder key (such servers ignore it).
 * - `ollama`: `ChatOllama` against `OLLAMA_BASE_URL`.
 * Both use temperature 0 and `maxRetries: 0` (the generative answerer retries with its own backoff
 * and circuit breaker) and the `LLM_TIMEOUT_MS` timeout where the client supports one.
 * @throws ChatModelConfigError when `LLM_MODEL` is missing, or OpenAI is chosen with neither key nor URL.
 */
export async function createChatModel(config: ChatModelConfig): Promise<BaseChatModel | null> {
  if (config.LLM_PROVIDER === "none") return null;
  const model = config.LLM_MODEL;
  if (!model) throw new ChatModelConfigError(`LLM_MODEL is required when LLM_PROVIDER=${config.LLM_PROVIDER}`);
  const timeout = config.LLM_TIMEOUT_MS ?? 15_000;
  if (config.LLM_PROVIDER === "openai") {
    if (!config.LLM_API_KEY && !config.LLM_BASE_URL)
      throw new ChatModelConfigError("LLM_PROVIDER=openai needs LLM_API_KEY (OpenAI) or LLM_BASE_URL (a compatible server)");
    const { ChatOpenAI } = await chatModelImports.openai();
    return new ChatOpenAI({
      model,
      apiKey: config.LLM_API_KEY ?? "not-needed",
      configuration: config.LLM_BASE_URL ? { baseURL: config.LLM_BASE_URL } : {},
      temperature: 0,
      timeout,
      maxRetries: 0,
      // Many compatible servers reject `stream_options`; usage figures are not needed here.
      streamUsage: false,
    });
  }
  const { ChatOllama } = await chatModelImports.ollama();
  return new ChatOllama({
    model,
    baseUrl: config.OLLAMA_BASE_URL ?? "http://127.0.0.1:11434",
    temperature: 0,
    maxRetries: 0,
  });
}
