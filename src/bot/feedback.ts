// 👍/👎 on answers, appended durably to a JSON-lines file. Each line holds the question (only when the
// voter asked it), the short answer, the vote and the time: no user ids, no other user's text.
import { appendFile, mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";

export interface FeedbackEntry {
  at: string;
  vote: "up" | "down";
  /** The question, when the person voting is the one who asked; else null. */
  question: string | null;
  /** The direct answer (or the lead quote when there was none). */
  short: string;
  lang: string;
}

export interface FeedbackSummary {
  up: number;
  down: number;
  total: number;
  /** Short answers with the most 👎, most first (at most 5). */
  worst: { short: string; down: number }[];
}

export interface FeedbackStore {
  readonly file: string;
  record(entry: FeedbackEntry): Promise<void>;
  summary(): Promise<FeedbackSummary>;
}

export function createFeedbackStore(file: string): FeedbackStore {
  let chain: Promise<void> = Promise.resolve(); // one append at a time: lines never interleave
  return {
    file,
    record(entry) {
      const line = `${JSON.stringify(entry)}\n`;
      chain = chain.then(async () => {
        try {
          await appendFile(file, line, "utf8");
        } catch (err) {
          // The folder is made on the first vote (or again, if it went away), not before every one.
          if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
          await mkdir(dirname(file), { recursive: true });
          await appendFile(file, line, "utf8");
        }
      });
      return chain;
    },
    async summary() {
      await chain.catch(() => {});
      let raw = "";
      try {
        raw = await readFile(file, "utf8");
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      }
      const s: FeedbackSummary = { up: 0, down: 0, total: 0, worst: [] };
      const down = new Map<string, number>();
      for (const line of raw.split("\n")) {
        if (!line.trim()) continue;
        let e: Partial<FeedbackEntry>;
        try {
          e = JSON.parse(line) as Partial<FeedbackEntry>;
        } catch {
          continue; // a torn last line after a crash
        }
        if (e.vote === "up") s.up++;
        else if (e.vote === "down") {
          s.down++;
          const k = String(e.short ?? "");
          down.set(k, (down.get(k) ?? 0) + 1);
        } else continue;
        s.total++;
      }
      s.worst = [...down]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([short, n]) => ({ short, down: n }));
      return s;
    },
  };
}
