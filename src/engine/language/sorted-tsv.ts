/**
 * A `key TAB value|value…` file read as one string and searched by binary search over its line
 * starts, instead of a Map of tens of thousands of small arrays: WordNet's 48k lines took 11.8 MB of
 * heap as a Map (and every major GC walked them), this takes the file's size plus 4 bytes a line.
 * The file must be sorted by key in code-unit order (the build scripts write it so); one that is not
 * is read into a Map as before.
 */
import { existsSync, readFileSync } from "node:fs";

export interface KeyedLists {
  get(key: string): string[] | undefined;
  has(key: string): boolean;
  /** The list of the first key that starts with `key` and is at most `extra` characters longer (a stem's longer form). */
  startingWith(key: string, extra: number): string[] | undefined;
}

const EMPTY: KeyedLists = { get: () => undefined, has: () => false, startingWith: () => undefined };

export function readSortedTsv(file: string): KeyedLists {
  if (!existsSync(file)) return EMPTY;
  return sortedTsv(readFileSync(file, "utf8"));
}

/** The same over lists made at run time (keys in any order): held as one sorted string. */
export function compactLists(map: ReadonlyMap<string, readonly string[]>): KeyedLists {
  const keys = [...map.keys()].filter((k) => !/[\t\n]/.test(k)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sortedTsv(keys.map((k) => `${k}\t${map.get(k)!.join("|")}`).join("\n"));
}

function sortedTsv(text: string): KeyedLists {
  const starts: number[] = [];
  for (let at = 0; at < text.length; ) {
    const end = text.indexOf("\n", at);
    const stop = end < 0 ? text.length : end;
    if (text.indexOf("\t", at) > at && text.indexOf("\t", at) < stop) starts.push(at);
    at = stop + 1;
  }
  const lines = Int32Array.from(starts);
  const keyAt = (k: number) => text.slice(lines[k]!, text.indexOf("\t", lines[k]!));
  for (let k = 1; k < lines.length; k++) if (keyAt(k - 1) >= keyAt(k)) return asMap(text);
  // The first line whose key is ≥ `key`.
  const lowerBound = (key: string): number => {
    let lo = 0;
    let hi = lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keyAt(mid) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const find = (key: string): number => {
    const k = lowerBound(key);
    return k < lines.length && keyAt(k) === key ? k : -1;
  };
  const listAt = (k: number) => {
    const tab = text.indexOf("\t", lines[k]!);
    const end = text.indexOf("\n", tab);
    return text.slice(tab + 1, end < 0 ? text.length : end).split("|");
  };
  return {
    get: (key) => {
      const k = find(key);
      return k < 0 ? undefined : listAt(k);
    },
    has: (key) => find(key) >= 0,
    startingWith(key, extra) {
      const k = lowerBound(key);
      const found = k < lines.length ? keyAt(k) : "";
      return found.startsWith(key) && found.length - key.length <= extra ? listAt(k) : undefined;
    },
  };
}

/** An unsorted file: every line in a Map. */
function asMap(text: string): KeyedLists {
  const out = new Map<string, string[]>();
  for (const line of text.split("\n")) {
    const tab = line.indexOf("\t");
    if (tab > 0) out.set(line.slice(0, tab), line.slice(tab + 1).split("|"));
  }
  return {
    get: (key) => out.get(key),
    has: (key) => out.has(key),
    startingWith: (key, extra) => [...out].find(([k]) => k.startsWith(key) && k.length - key.length <= extra)?.[1],
  };
}
