/**
 * Fitting the span reader (src/engine/reader.ts): a conditional logit over the candidate spans of
 * a sentence, trained to put its weight on the candidates that best match the gold answer
 * (SQuAD token F1), with L2 regularisation; and the token F1 it is measured with.
 */
import { candidates, type Features, features, type Piece, type ReaderInput, score } from "../engine/reader.js";

/** One training sentence: its candidates' features and each candidate's F1 against the gold answers. */
export interface ReaderExample {
  feats: Features[];
  f1: number[];
}

/** SQuAD-style answer tokens: lower case, ё → е, without punctuation and English articles. */
export function answerTokens(text: string): string[] {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\p{P}\p{S}]/gu, " ")
    .split(/\s+/)
    .filter((w) => w && !/^(a|an|the)$/.test(w));
}

/** SQuAD token F1 of a predicted answer against one gold answer. */
export function tokenF1(pred: string, gold: string): number {
  const p = answerTokens(pred);
  const g = answerTokens(gold);
  if (p.length === 0 || g.length === 0) return p.length === g.length ? 1 : 0;
  const left = new Map<string, number>();
  for (const w of g) left.set(w, (left.get(w) ?? 0) + 1);
  let same = 0;
  for (const w of p) {
    const n = left.get(w) ?? 0;
    if (n > 0) {
      same++;
      left.set(w, n - 1);
    }
  }
  if (same === 0) return 0;
  const precision = same / p.length;
  const recall = same / g.length;
  return (2 * precision * recall) / (precision + recall);
}

export const pieceText = (s: ReaderInput, p: Piece) => s.text.slice(s.toks[p.from]!.start, s.toks[p.to]!.end);

/** The training example of one sentence, or undefined when no candidate overlaps the gold answers. */
export function readerExample(s: ReaderInput, golds: string[]): ReaderExample | undefined {
  const cands = candidates(s);
  const f1 = cands.map((p) => Math.max(...golds.map((g) => tokenF1(pieceText(s, p), g))));
  if (!f1.some((x) => x > 0)) return undefined;
  return { feats: cands.map((p) => features(s, p)), f1 };
}

interface Sparse {
  idx: Int32Array;
  val: Float64Array;
}

/**
 * Fits the weights: gradient ascent on the log-probability of the best candidates (those with the
 * highest F1), averaged over sentences, minus l2·|w|².
 */
export function fitReader(examples: ReaderExample[], { l2 = 0.002, steps = 400, rate = 1 } = {}): Record<string, number> {
  const names = [...new Set(examples.flatMap((e) => e.feats.flatMap((f) => [...f.keys()])))].sort();
  const at = new Map(names.map((n, k) => [n, k]));
  const data = examples.map((e) => {
    const best = Math.max(...e.f1);
    const targets = e.f1.map((x) => (x === best ? 1 : 0));
    const sum = targets.reduce((a: number, b) => a + b, 0);
    return {
      x: e.feats.map((f): Sparse => ({ idx: Int32Array.from([...f.keys()].map((k) => at.get(k)!)), val: Float64Array.from(f.values()) })),
      t: targets.map((v) => v / sum),
    };
  });
  const w = new Float64Array(names.length);
  const grad = new Float64Array(names.length);
  for (let step = 0; step < steps; step++) {
    grad.fill(0);
    for (const { x, t } of data) {
      const z = x.map((c) => {
        let v = 0;
        for (let j = 0; j < c.idx.length; j++) v += w[c.idx[j]!]! * c.val[j]!;
        return v;
      });
      const top = Math.max(...z);
      const e = z.map((v) => Math.exp(v - top));
      const sum = e.reduce((a, b) => a + b, 0);
      x.forEach((c, k) => {
        const d = t[k]! - e[k]! / sum;
        if (d === 0) return;
        for (let j = 0; j < c.idx.length; j++) grad[c.idx[j]!]! += d * c.val[j]!;
      });
    }
    for (let j = 0; j < w.length; j++) w[j]! += rate * (grad[j]! / data.length - 2 * l2 * w[j]!);
  }
  return Object.fromEntries(names.map((n, k) => [n, Math.round(w[k]! * 1000) / 1000]).filter(([, v]) => v !== 0));
}

/** Mean F1 of the reader's pick over sentences (examples without a candidate count 0 if `all` is given). */
export function readerF1(examples: ReaderExample[], weights: Readonly<Record<string, number>>): number {
  if (examples.length === 0) return 0;
  let sum = 0;
  for (const e of examples) {
    const z = e.feats.map((f) => score(f, weights));
    sum += e.f1[z.indexOf(Math.max(...z))]!;
  }
  return sum / examples.length;
}
