import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compactLists, readSortedTsv } from "../../../src/engine/language/sorted-tsv.js";

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "tsv-")), "x.tsv");
  writeFileSync(path, text);
  return path;
}

describe("readSortedTsv", () => {
  it("should find every key of a sorted file, first and last too, and no other", () => {
    const t = readSortedTsv(file("apple\tfruit|tree\nbanana\tfruit\nзавод\tfactory|plant\nстройк\tconstruction\n"));
    expect(t.get("apple")).toEqual(["fruit", "tree"]);
    expect(t.get("banana")).toEqual(["fruit"]);
    expect(t.get("стройк")).toEqual(["construction"]);
    expect(t.get("завод")).toEqual(["factory", "plant"]);
    expect(t.has("apple")).toBe(true);
    expect(t.get("appl")).toBeUndefined();
    expect(t.has("zebra")).toBe(false);
  });

  it("should find the first key that a stem starts, a few letters longer at most", () => {
    const t = readSortedTsv(file("назнача\tappoint|assign\nназначен\tappointment\nстройк\tconstruction\n"));
    expect(t.startingWith("назнач", 2)).toEqual(["appoint", "assign"]);
    expect(t.startingWith("назн", 2)).toBeUndefined();
    expect(t.startingWith("стройка", 2)).toBeUndefined();
    expect(compactLists(new Map([["назнача", ["appoint"]]])).startingWith("назнач", 2)).toEqual(["appoint"]);
  });

  it("should read an unsorted file all the same", () => {
    const t = readSortedTsv(file("zebra\tanimal\napple\tfruit\n"));
    expect(t.get("apple")).toEqual(["fruit"]);
    expect(t.get("zebra")).toEqual(["animal"]);
  });

  it("should be empty for a missing file or one without tabs", () => {
    expect(readSortedTsv("/nonexistent/x.tsv").get("a")).toBeUndefined();
    expect(readSortedTsv(file("no tabs here\n")).has("no tabs here")).toBe(false);
  });

  it("should hold lists made at run time in any key order", () => {
    const t = compactLists(
      new Map([
        ["стройк", ["строительство", "постройка"]],
        ["абв", ["где"]],
        ["zz", ["a"]],
      ]),
    );
    expect(t.get("стройк")).toEqual(["строительство", "постройка"]);
    expect(t.get("абв")).toEqual(["где"]);
    expect(t.get("zz")).toEqual(["a"]);
    expect(t.has("нет")).toBe(false);
  });
});
