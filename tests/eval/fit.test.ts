import { describe, expect, it } from "vitest";
import { type Example, fitLogistic, predict } from "../../src/eval/fit.js";

describe("fitLogistic", () => {
  it("should separate two classes along the informative feature and ignore a noise feature", () => {
    const data: Example[] = [];
    for (let k = 0; k < 200; k++) {
      const y = (k % 2) as 0 | 1;
      const signal = y ? 0.6 + (k % 7) / 20 : 0.1 + (k % 5) / 20;
      data.push({ x: [signal, (k * 37) % 11], y, w: 1 });
    }
    const m = fitLogistic(data);
    const correct = data.filter((e) => (predict(m, e.x) >= 0.5 ? 1 : 0) === e.y).length / data.length;
    expect(correct).toBeGreaterThan(0.95);
    expect(Math.abs(m.weights[0]!)).toBeGreaterThan(10 * Math.abs(m.weights[1]!));
  });

  it("should honour sample weights", () => {
    // The same point labelled both ways: the heavier label wins.
    const data: Example[] = [
      { x: [1], y: 1, w: 3 },
      { x: [1], y: 0, w: 1 },
      { x: [0], y: 0, w: 1 },
    ];
    expect(predict(fitLogistic(data), [1])).toBeGreaterThan(0.5);
  });
});
