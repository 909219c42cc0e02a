// Builds the compiled entry points once before the tests (a no-op when dist/ is up to date).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const r = spawnSync(process.execPath, ["scripts/build.mjs", "--quiet"], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`scripts/build.mjs failed: ${r.stderr}`);
}
