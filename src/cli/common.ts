/**
 * Shared start-up for the command-line tools: environment → config → engine. The engine and
 * its libraries are imported only after the configuration has been validated.
 */
import type { Config } from "../config.js";
import type { EngineInternals } from "../engine/engine.js";
import { readConfigOrExit } from "../env.js";

/** Reads `.env` and validates the configuration; exits 2 naming the variable on errors. */
export const loadConfig = readConfigOrExit;

/** Builds the engine, printing index progress on stderr; exits 1 with a clear line on corpus errors. */
export async function startEngine(config: Config, options: { warmUp?: boolean } = {}): Promise<EngineInternals> {
  const [{ CorpusError }, { createEngine }, { IndexError }, { createLogger }] = await Promise.all([
    import("../engine/corpus.js"),
    import("../engine/engine.js"),
    import("../engine/index-store.js"),
    import("../logger.js"),
  ]);
  const logger = createLogger({ level: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, name: "cli" });
  try {
    return await createEngine(config, { logger, onProgress: (m) => process.stderr.write(`[index] ${m}\n`), warmUp: options.warmUp });
  } catch (e) {
    if (e instanceof CorpusError || e instanceof IndexError) {
      process.stderr.write(`${e instanceof CorpusError ? "Corpus error" : "Index error"}: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}
