import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES, parseConfig } from "../src/config.js";

describe(".env.example", () => {
  const text = readFileSync(new URL("../.env.example", import.meta.url), "utf8");
  const defined = [...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);

  it("should document every variable of the configuration schema, and no others", () => {
    expect([...defined].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it("should parse as a valid configuration as it stands", () => {
    const env = Object.fromEntries([...text.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
    expect(() => parseConfig(env)).not.toThrow();
  });
});
