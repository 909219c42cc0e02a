// Generative answers (issue 4): chat model factory, prompts, verifier, answerer.
export { type ChatModelConfig, ChatModelConfigError, createChatModel } from "./chat-model.js";
export {
  type AnswerInput,
  buildAnswerMessages,
  createGenerativeAnswerer,
  formatPassages,
  formatQuestion,
  type GenerativeAnswerer,
  type GenerativeAnswererOptions,
  type GenerativeFailure,
  type GenerativeResult,
  isRefusal,
  languageName,
  ModelTimeoutError,
  neutralise,
  REFUSAL_TOKEN,
} from "./generative.js";
export { fillTemplate, loadPrompts, PROMPT_FILES, PromptError, type Prompts } from "./prompts.js";
export { type BreakerState, CircuitBreaker, classifyError, redactSecrets } from "./resilience.js";
export {
  nameKeys,
  type Passage,
  splitSentences,
  type TranslateFn,
  type VerifyOptions,
  type VerifyResult,
  verifiedPrefix,
  verifyGeneration,
} from "./verify.js";
