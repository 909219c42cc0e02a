/** Shared start-up for the command-line tools: environment → config → engine. */
import type { Config } from "../config.js";
import { CorpusError } from "../engine/corpus.js";
import { createEngine, type EngineInternals } from "../engine/engine.js";
import { IndexError } from "../engine/index-store.js";
import { readConfigOrExit } from "../env.js";
import { createLogger } from "../logger.js";

/** Reads `.env` and validates the configuration; exits 2 naming the variable on errors. */
export const loadConfig = readConfigOrExit;

/** Builds the engine, printing index progress on stderr; exits 1 with a clear line on corpus errors. */
export async function startEngine(config: Config): Promise<EngineInternals> {
  const logger = createLogger({ level: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, name: "cli" });
  try {
    return await createEngine(config, { logger, onProgress: (m) => process.stderr.write(`[index] ${m}\n`) });
  } catch (e) {
    if (e instanceof CorpusError || e instanceof IndexError) {
      process.stderr.write(`${e instanceof CorpusError ? "Corpus error" : "Index error"}: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}
