// temporary analysis (not committed): why each extra citation joins, and whether it carries the gold answer
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEngine } from "../src/engine/engine.js";
import { satisfaction } from "../src/engine/evidence.js";
import { SentenceLookup } from "../src/engine/lexical.js";
import { fold } from "./peers.js";

interface Squad { data: { title: string; paragraphs: { context: string; qas: { question: string; answers: { text: string }[] }[] }[] }[] }
const ru = (JSON.parse(readFileSync("../shared/bench/xquad/xquad.ru.json", "utf8")) as Squad).data;
const work = mkdtempSync(join(tmpdir(), "extras-"));
mkdirSync(join(work, "corpus"));
const qs: { q: string; ctx: string; ans: string[] }[] = [];
ru.forEach((art, ai) => {
  writeFileSync(join(work, "corpus", `${String(ai).padStart(2, "0")}.md`), `---\ntitle: ${JSON.stringify(art.title.replace(/_/g, " "))}\nlang: ru\n---\n\n${art.paragraphs.map((p) => p.context.replace(/\ufeff/g, "").trim()).join("\n\n")}\n`);
  for (const p of art.paragraphs) for (const qa of p.qas) qs.push({ q: qa.question, ctx: fold(p.context), ans: qa.answers.map((a) => fold(a.text)) });
});
const engine = await createEngine({ CORPUS_DIR: join(work, "corpus"), INDEX_DIR: join(work, "index") }, { warmUp: false });
const index = engine.lexical;
const out: string[] = [];
for (const item of qs) {
  const { result, trace } = await engine.askWithTrace(item.q, { extractiveOnly: true });
  if (result.kind !== "answer" || !trace?.evidence || result.citations.length === 0) continue;
  const q = trace.question;
  const ids = result.citations.map((c) => index.sentences.findIndex((s) => s.doc === c.doc && s.start === c.start && s.text === c.quote));
  const ranked = trace.evidence.ranked;
  const lookup = new SentenceLookup(index);
  const cand = (i: number) => ranked.find((c) => c.i === i);
  const lead = cand(ids[0]!);
  const has = (i: number) => { const t = fold(index.sentences[i]!.text); return item.ctx.includes(t) && item.ans.some((a) => t.includes(a)); };
  const covered = (i: number) => q.concepts.map((c) => satisfaction(index, c, i, lookup));
  out.push(JSON.stringify({
    q: item.q, type: q.kind.type,
    lead: { own: lead?.own, cov: lead?.coverage, score: lead?.score, has: has(ids[0]!), sat: covered(ids[0]!) },
    weights: q.concepts.map((c) => c.weight),
    extras: ids.slice(1).map((i) => { const c = cand(i); return { i, adjacent: index.prev[i] === ids[0] || index.next[i] === ids[0], prev: index.next[i] === ids[0], own: c?.own, cov: c?.coverage, ratio: c && lead ? c.score / lead.score : null, has: has(i), sat: covered(i) }; }),
  }));
}
writeFileSync("/tmp/rt/extras.jsonl", out.join("\n"));
