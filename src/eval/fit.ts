/**
 * Logistic regression for the answerability model: weighted, L2-regularised, fitted by
 * gradient descent on standardised features; the result is returned on the original scale.
 */

export interface Example {
  x: number[];
  /** 1 = the corpus answers it, 0 = it must be refused. */
  y: 0 | 1;
  /** Sample weight (balances sources and classes). */
  w: number;
  /** A fixed part of the logit (a model held fixed while more features are fitted on top of it). */
  offset?: number;
}

export interface FittedModel {
  bias: number;
  weights: number[];
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function predict(m: FittedModel, x: number[]): number {
  let z = m.bias;
  for (let j = 0; j < x.length; j++) z += m.weights[j]! * x[j]!;
  return sigmoid(z);
}

/** Fits the model; `l2` penalises large weights (on the standardised scale). */
export function fitLogistic(data: Example[], { l2 = 0.01, steps = 4000, rate = 0.5 } = {}): FittedModel {
  const d = data[0]?.x.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  const W = data.reduce((a, e) => a + e.w, 0) || 1;
  for (const e of data) for (const [j, v] of e.x.entries()) mean[j]! += (e.w * v) / W;
  for (const e of data) for (const [j, v] of e.x.entries()) sd[j]! += (e.w * (v - mean[j]!) ** 2) / W;
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]!) || 1;
  const xs = data.map((e) => e.x.map((v, j) => (v - mean[j]!) / sd[j]!));
  let b = 0;
  const w = new Array<number>(d).fill(0);
  for (let step = 0; step < steps; step++) {
    let gb = 0;
    const gw = new Array<number>(d).fill(0);
    data.forEach((e, i) => {
      const x = xs[i]!;
      let z = b + (e.offset ?? 0);
      for (let j = 0; j < d; j++) z += w[j]! * x[j]!;
      const err = (sigmoid(z) - e.y) * e.w;
      gb += err;
      for (let j = 0; j < d; j++) gw[j]! += err * x[j]!;
    });
    b -= (rate * gb) / W;
    for (let j = 0; j < d; j++) w[j]! -= rate * (gw[j]! / W + l2 * w[j]!);
  }
  // Back to the original scale: z = b + Σ w_j (x_j − μ_j)/σ_j.
  const weights = w.map((v, j) => v / sd[j]!);
  const bias = b - w.reduce((a, v, j) => a + (v * mean[j]!) / sd[j]!, 0);
  return { bias, weights };
}
