// npm run eval:verifier [-- --set FILE] [-- --misses]: runs the verifier's planted-error and honest set.
import { loadCorpus } from "../engine/corpus.js";
import { formatVerifierLine, loadVerifierSet, runVerifierSet } from "../engine/llm/verifier-set.js";

const args = process.argv.slice(2);
const setAt = args.indexOf("--set");
const file = setAt >= 0 ? (args[setAt + 1] ?? "eval/verifier.jsonl") : "eval/verifier.jsonl";
const corpus = loadCorpus(process.env.CORPUS_DIR || "corpus");
const d = corpus.documents[0];
if (!d) throw new Error("the corpus has no documents");
const result = runVerifierSet(
  loadVerifierSet(file),
  { id: d.id, title: d.title, date: d.date },
  { equivalents: corpus.glossary.map((g) => g.terms.map((t) => t.text)) },
);
if (args.includes("--misses"))
  for (const m of result.misses)
    console.log(`${m.expected === "accept" ? "HIDDEN " : "SHOWN  "} ${m.id}: ${m.reply}\n         ${m.reasons.join(" | ")}`);
console.log(formatVerifierLine(result));
