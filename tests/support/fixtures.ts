import { readFileSync } from "node:fs";
import type { Update } from "grammy/types";
import { withFreshId } from "./updates.js";

/** A real Update from tests/fixtures/updates/<name>.json, with a fresh update_id. */
export function loadUpdate(name: string): Update {
  const raw = JSON.parse(readFileSync(new URL(`../fixtures/updates/${name}.json`, import.meta.url), "utf8")) as Record<string, unknown>;
  return withFreshId(raw);
}
