// Placeholder until the engine lands: see src/engine/engine.ts.
export type { Engine, EngineResult, AnswerResult, RefusalResult, Citation, CorpusDocument, Lang, AskOptions, RefusalReason } from "./types.js";
