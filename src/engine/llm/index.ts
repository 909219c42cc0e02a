// Generative answers (issue 4): chat model factory, prompts, verifier, answerer.
export { createChatModel, ChatModelConfigError, type ChatModelConfig } from "./chat-model.js";
export { loadPrompts, fillTemplate, PromptError, PROMPT_FILES, type Prompts } from "./prompts.js";
export { verifyGeneration, verifiedPrefix, splitSentences, nameKeys, type Passage, type VerifyOptions, type VerifyResult, type TranslateFn } from "./verify.js";
export {
  createGenerativeAnswerer,
  REFUSAL_TOKEN,
  buildAnswerMessages,
  formatPassages,
  formatQuestion,
  neutralise,
  languageName,
  isRefusal,
  ModelTimeoutError,
  type GenerativeAnswerer,
  type GenerativeAnswererOptions,
  type GenerativeResult,
  type GenerativeFailure,
  type AnswerInput,
} from "./generative.js";
export { CircuitBreaker, classifyError, redactSecrets, type BreakerState } from "./resilience.js";
