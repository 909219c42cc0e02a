/** Shared start-up for the command-line tools: environment → config → engine. */
import { config as loadDotenv } from "dotenv";
import { ConfigError, parseConfig, type Config } from "../config.js";
import { CorpusError } from "../engine/corpus.js";
import { createEngine, type EngineInternals } from "../engine/engine.js";
import { createLogger } from "../logger.js";

/** Reads `.env` (quietly: stdout belongs to the tool) and validates the configuration; exits 2 on errors. */
export function loadConfig(): Config {
  loadDotenv({ quiet: true });
  try {
    return parseConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
}

/** Builds the engine, printing index progress on stderr; exits 1 with a clear line on corpus errors. */
export async function startEngine(config: Config): Promise<EngineInternals> {
  const logger = createLogger({ level: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, name: "cli" });
  try {
    return await createEngine(config, { logger, onProgress: (m) => process.stderr.write(`[index] ${m}\n`) });
  } catch (e) {
    if (e instanceof CorpusError) {
      process.stderr.write(`Corpus error: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}
