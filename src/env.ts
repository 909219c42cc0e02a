/** Reads `.env` and the process environment into a validated configuration (entry points only). */
import { config as loadDotenv } from "dotenv";
import { type Config, ConfigError, parseConfig } from "./config.js";

/**
 * Loads `.env` quietly (stdout may belong to a tool's output), validates the environment and,
 * on a bad value, prints the message naming the variable and exits with code 2.
 */
export function readConfigOrExit(): Config {
  loadDotenv({ quiet: true });
  try {
    return parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}
