/**
 * `npm run eval` — scores the engine on the repo's gold set (eval/gold.jsonl: the public dev
 * questions plus our own) by the reference scorer's rules.
 *
 *   npm run eval                          all of eval/gold.jsonl
 *   npm run eval -- --set FILE            another gold file
 *   npm run eval -- --trace               why each failing question went the way it did
 *   npm run eval -- --calibrate           sweeps the evidence gates (see README, "Calibration")
 *   npm run eval -- --bars                exit 1 when a dev-set bar is not met
 */
import { readFileSync } from "node:fs";
import { type EngineInternals, GATES, type Trace } from "../engine/engine.js";
import { type AnswerLine, BARS, belowBars, fmt, type GoldItem, scoreAnswers } from "../eval/score.js";
import { loadConfig, startEngine } from "./common.js";

function articleText(engine: EngineInternals, path?: string): string {
  if (path) return readFileSync(path, "utf8");
  // The article as received: first line "date YYYY-MM-DD headline", then the body.
  const d = engine.documents()[0];
  if (!d) throw new Error("the corpus has no documents");
  return `date ${d.date ?? ""} ${d.title}\n\n${d.body}`;
}

interface Observation {
  item: GoldItem;
  trace?: Trace;
  refusedByIntent: boolean;
}

/** Decisions of the gates for given thresholds, from recorded traces. */
function refusedWith(o: Observation, minKnown: number, minCoverage: number): boolean {
  if (o.refusedByIntent || !o.trace) return true;
  const t = o.trace;
  if (t.question.concepts.length === 0 || t.question.knownShare < minKnown) return true;
  if (t.bestCoverage < minCoverage) return true;
  return t.question.kind.type !== "none" && t.bestTypedCoverage < minCoverage;
}

function calibrate(obs: Observation[]) {
  const grid = Array.from({ length: 21 }, (_, i) => i / 20);
  let best = { acc: -1, ks: [] as number[], cs: [] as number[] };
  const table: { k: number; c: number; acc: number }[] = [];
  for (const k of grid)
    for (const c of grid) {
      // Balanced accuracy: answerable answered, and must-refuse refused, weigh equally.
      const ans = obs.filter((o) => o.item.kind === "answerable");
      const ref = obs.filter((o) => o.item.kind !== "answerable");
      const a = ans.filter((o) => !refusedWith(o, k, c)).length / (ans.length || 1);
      const r = ref.filter((o) => refusedWith(o, k, c)).length / (ref.length || 1);
      const acc = (a + r) / 2;
      table.push({ k, c, acc });
      if (acc > best.acc + 1e-9) best = { acc, ks: [k], cs: [c] };
      else if (Math.abs(acc - best.acc) < 1e-9) {
        best.ks.push(k);
        best.cs.push(c);
      }
    }
  const mid = (xs: number[]) => (Math.min(...xs) + Math.max(...xs)) / 2;
  console.log(`calibration: best balanced accuracy ${best.acc.toFixed(3)} on ${best.ks.length} grid points`);
  console.log(
    `  minKnownShare range ${Math.min(...best.ks)}…${Math.max(...best.ks)} → midpoint ${mid(best.ks).toFixed(2)} (now ${GATES.minKnownShare})`,
  );
  console.log(
    `  minCoverage   range ${Math.min(...best.cs)}…${Math.max(...best.cs)} → midpoint ${mid(best.cs).toFixed(2)} (now ${GATES.minCoverage})`,
  );
  const current = table.find((t) => Math.abs(t.k - GATES.minKnownShare) < 1e-9 && Math.abs(t.c - GATES.minCoverage) < 1e-9);
  if (current) console.log(`  current gates: balanced accuracy ${current.acc.toFixed(3)}`);
  const show = (label: string, pick: (o: Observation) => number | undefined) => {
    const vals = (kind: string) =>
      obs
        .filter((o) => (kind === "answerable" ? o.item.kind === kind : o.item.kind !== "answerable") && !o.refusedByIntent)
        .map(pick)
        .filter((v): v is number => v !== undefined)
        .sort((a, b) => a - b);
    console.log(
      `  ${label}: answerable ${vals("answerable")
        .map((v) => v.toFixed(2))
        .join(" ")}`,
    );
    console.log(
      `  ${label}: must-refuse ${vals("refuse")
        .map((v) => v.toFixed(2))
        .join(" ")}`,
    );
  };
  show("knownShare", (o) => o.trace?.question.knownShare);
  show("bestCoverage", (o) => o.trace?.bestCoverage);
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const setFile = opt("--set") ?? "eval/gold.jsonl";
  const gold = readFileSync(setFile, "utf8")
    .split("\n")
    .filter((l) => l.trim().startsWith("{"))
    .map((l) => JSON.parse(l) as GoldItem);
  const config = loadConfig();
  const engine = await startEngine(config);
  const withModel = config.LLM_PROVIDER !== "none";
  if (withModel) {
    // Both modes side by side: the extractive floor first, then the model's answers.
    const extractive: AnswerLine[] = [];
    for (const item of gold) {
      const r = await engine.ask(item.question, { extractiveOnly: true });
      extractive.push({
        id: item.id,
        refused: r.kind === "refusal",
        answer: r.text,
        citations: r.kind === "answer" ? r.citations : [],
        ms: r.ms,
      });
    }
    const m = scoreAnswers(gold, extractive, articleText(engine, opt("--article"))).metrics;
    console.log(
      "summary (extractive): " +
        Object.entries(m)
          .map(([k, v]) => `${k}=${fmt(v)}`)
          .join(" "),
    );
  }
  const answers: AnswerLine[] = [];
  const obs: Observation[] = [];
  for (const item of gold) {
    const { result, trace } = await engine.askWithTrace(item.question);
    answers.push({
      id: item.id,
      refused: result.kind === "refusal",
      answer: result.text,
      citations: result.kind === "answer" ? result.citations : [],
      ms: result.ms,
    });
    obs.push({ item, trace, refusedByIntent: result.kind === "refusal" && !trace });
  }
  const { rows, metrics } = scoreAnswers(gold, answers, articleText(engine, opt("--article")));
  const trace = args.includes("--trace");
  for (const r of rows) {
    if (r.ok && !args.includes("--all")) continue;
    console.log(`${r.ok ? "ok  " : "FAIL"} ${r.id.padEnd(5)} ${r.kind.padEnd(10)} ${r.lang} ${r.note}`);
    if (trace) {
      const o = obs.find((x) => x.item.id === r.id);
      const a = answers.find((x) => x.id === r.id);
      if (!o || !a) continue; // every row comes from one gold item, observed and answered above
      console.log(`      q: ${o.item.question}`);
      if (o.trace) {
        const q = o.trace.question;
        console.log(
          `      type=${q.kind.type}${q.kind.listFocus ? `(${q.kind.listFocus})` : ""} known=${q.knownShare.toFixed(2)} cov=${o.trace.bestCoverage.toFixed(2)} typedCov=${o.trace.bestTypedCoverage.toFixed(2)} dist=${o.trace.bestDistance.toFixed(2)}`,
        );
        console.log(`      concepts: ${q.concepts.map((c) => `${c.label}${c.known ? "" : "?"}:${c.weight.toFixed(1)}`).join(" | ")}`);
      }
      console.log(
        `      → ${a.refused ? `refused: ${a.answer.split("\n")[0]}` : a.citations.map((c) => c.quote.slice(0, 70)).join(" ‖ ")}`,
      );
    }
  }
  console.log(`gold ${setFile}: ${rows.filter((r) => r.ok).length}/${rows.length} ok`);
  console.log(
    `summary${withModel ? ` (${config.LLM_PROVIDER}:${config.LLM_MODEL})` : ""}: ` +
      Object.entries(metrics)
        .map(([k, v]) => `${k}=${fmt(v)}`)
        .join(" "),
  );
  if (args.includes("--calibrate")) calibrate(obs);
  const below = belowBars(metrics, BARS);
  if (below.length) console.log(`below bar: ${below.join(", ")}`);
  await engine.close();
  if (args.includes("--bars") && below.length) process.exit(1);
}

main().catch((e: unknown) => {
  process.stderr.write(`eval failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
