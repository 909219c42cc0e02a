// Runs one of the command-line tools (`node --import tsx src/cli/NAME.ts`) to completion.
import { spawn } from "node:child_process";
import { ROOT } from "../fixtures/paths.js";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The tool's environment is the test's, minus the variables a developer's shell or .env might set, plus `env`. */
export function runCli(name: string, args: string[], env: Record<string, string>): Promise<CliRun> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(TELEGRAM_|BOT_MODE|WEBHOOK_|LOG_|CORPUS_DIR|INDEX_DIR|LLM_|EMBEDDINGS_)/.test(k)),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", `src/cli/${name}.ts`, ...args], {
      cwd: ROOT,
      env: { ...base, LLM_PROVIDER: "none", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
