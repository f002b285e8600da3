// Small summaries of lists of numbers, for the checker's report.

export interface Range {
  min: number;
  max: number;
  mean: number;
}

export interface Spread extends Range {
  p10: number;
  p90: number;
}

/** Running min / max / mean, so millions of values need no array. */
export class RangeAccumulator {
  private lo = Infinity;
  private hi = -Infinity;
  private sum = 0;
  private n = 0;

  add(value: number, times = 1): void {
    if (value < this.lo) this.lo = value;
    if (value > this.hi) this.hi = value;
    this.sum += value * times;
    this.n += times;
  }

  /** Widens min and max without counting towards the mean (a value found on purpose, not sampled). */
  include(value: number): void {
    if (value < this.lo) this.lo = value;
    if (value > this.hi) this.hi = value;
  }

  get count(): number {
    return this.n;
  }

  /** An empty accumulator reports zeros rather than infinities, so JSON stays valid. */
  range(): Range {
    if (this.n === 0) return { min: 0, max: 0, mean: 0 };
    const mean = round1(this.sum / this.n);
    return { min: this.lo, max: this.hi, mean: Math.min(this.hi, Math.max(this.lo, mean)) };
  }
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** The value below which `p` (0..1) of the sorted values fall, by nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const acc = new RangeAccumulator();
  for (const v of sorted) acc.add(v);
  return { ...acc.range(), p10: percentile(sorted, 0.1), p90: percentile(sorted, 0.9) };
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : round1(values.reduce((a, b) => a + b, 0) / values.length);
}
