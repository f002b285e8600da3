import { describe, expect, it } from 'vitest';
import { nextFloat, nextInt, seedState } from '../../src/engine/rng.ts';

function sequence(seed: number, n: number): number[] {
  let state = seedState(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const [value, next] = nextFloat(state);
    out.push(value);
    state = next;
  }
  return out;
}

describe('seeded RNG', () => {
  it('repeats exactly for the same seed', () => {
    expect(sequence(42, 50)).toEqual(sequence(42, 50));
  });

  it('gives different streams for neighbouring seeds', () => {
    const a = sequence(1, 20);
    const b = sequence(2, 20);
    expect(a.filter((x, i) => x === b[i])).toHaveLength(0);
  });

  it('draws integers within bounds, roughly evenly', () => {
    let state = seedState(9);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) {
      const [n, next] = nextInt(state, 1, 6);
      state = next;
      counts[n - 1]!++;
    }
    for (const c of counts) expect(c).toBeGreaterThan(9_500), expect(c).toBeLessThan(10_500);
  });
});
