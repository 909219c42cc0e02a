// Starts the real program as `npm start` does (`node dist/bin/main.js`, built by scripts/build.mjs
// in tests/global-setup.ts) and follows its JSON logs on stderr.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CORPUS_DIR } from "../fixtures/paths.js";

const ROOT = new URL("../../", import.meta.url).pathname;

export interface MainProcess {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the first JSON log line that matches. */
  waitForLog: (match: (line: Record<string, unknown>) => boolean, timeoutMs?: number) => Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  cleanup: () => void;
}

export function spawnMain(env: Record<string, string>, stdin?: string): MainProcess {
  const indexDir = mkdtempSync(join(tmpdir(), "bot-e2e-index-"));
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(TELEGRAM_|BOT_MODE|WEBHOOK_|PORT$|HOST$|LOG_|CORPUS_DIR|INDEX_DIR|LLM_)/.test(k)),
  );
  const child = spawn(process.execPath, ["dist/bin/main.js"], {
    cwd: ROOT,
    env: {
      ...base,
      CORPUS_DIR,
      INDEX_DIR: indexDir,
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "info",
      LLM_PROVIDER: "none",
      ...env,
    },
  });
  let out = "";
  let err = "";
  const lines: Record<string, unknown>[] = [];
  const waiters: { match: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }[] = [];
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => {
    const before = err.length;
    err += d.toString();
    const complete = err.slice(0, err.lastIndexOf("\n") + 1);
    for (const raw of complete.slice(complete.lastIndexOf("\n", before - 1) + 1).split("\n")) {
      if (!raw.startsWith("{")) continue;
      try {
        const line = JSON.parse(raw) as Record<string, unknown>;
        lines.push(line);
        for (const w of waiters.filter((x) => x.match(line))) w.resolve(line);
      } catch {
        /* not a log line */
      }
    }
  });
  if (stdin !== undefined) child.stdin.end(stdin);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForLog: (match, timeoutMs = 30_000) => {
      const found = lines.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no such log line within ${timeoutMs} ms; stderr:\n${err.slice(-3000)}`)),
          timeoutMs,
        );
        void exited.then(() => reject(new Error(`process exited; stderr:\n${err.slice(-3000)}`)));
        waiters.push({
          match,
          resolve: (l) => {
            clearTimeout(timer);
            resolve(l);
          },
        });
      });
    },
    cleanup: () => {
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(indexDir, { recursive: true, force: true });
    },
  };
}

/** A free TCP port on 127.0.0.1 (for a webhook URL that must be known before start). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}
