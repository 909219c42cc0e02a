/**
 * `npm run index` — (re)builds the vector index for CORPUS_DIR in INDEX_DIR, with progress.
 * `--force` rebuilds even when the index is up to date.
 */
import { rmSync } from "node:fs";
import { loadConfig, startEngine } from "./common.js";

async function main() {
  const config = loadConfig();
  if (process.argv.includes("--force")) {
    const { assertReplaceable } = await import("../engine/index-store.js");
    assertReplaceable(config.INDEX_DIR); // never delete a folder that is not an index
    rmSync(config.INDEX_DIR, { recursive: true, force: true });
  }
  const started = Date.now();
  const engine = await startEngine(config, { warmUp: false });
  const docs = engine.documents();
  const status = engine.indexStatus.rebuilt ? `built (${engine.indexStatus.reason})` : "up to date";
  process.stdout.write(
    `index ${status}: ${docs.length} document(s), ${engine.lexical.sentences.length} sentences, ` +
      `${engine.corpus.glossary.length} glossary groups, embedder ${engine.embeddings.info.id} → ${config.INDEX_DIR} (${Date.now() - started} ms)\n`,
  );
  await engine.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`index failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
