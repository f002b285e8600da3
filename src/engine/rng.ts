// A small seeded generator (mulberry32). Its whole state is one uint32 kept in the run
// state, so a snapshot carries it and a replay reproduces every draw.

/**
 * The one seed range, everywhere a seed comes in (command line, game, facilitator, saves):
 * 0 to 2^31 - 1. Every seed in it starts a different stream; beyond 32 bits seeds would
 * wrap onto each other (4294967303 would play the same run as 7), so they are refused.
 */
export const MAX_SEED = 2 ** 31 - 1;

/** Why a seed is refused, as data (src/i18n/refusal-text.ts words it): it is outside 0 to `max`. */
export type SeedProblem = { readonly why: 'seedOutOfRange'; readonly max: number };

/** Why `seed` is not a valid seed, or null when it is. */
export function seedProblem(seed: number): SeedProblem | null {
  return Number.isSafeInteger(seed) && seed >= 0 && seed <= MAX_SEED ? null : { why: 'seedOutOfRange', max: MAX_SEED };
}

export function seedState(seed: number): number {
  // Mix the seed so nearby seeds (1, 2, 3...) do not start on correlated streams.
  let h = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Returns a float in [0, 1) and the next state. */
export function nextFloat(state: number): [number, number] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/** An integer in [min, max], both included. */
export function nextInt(state: number, min: number, max: number): [number, number] {
  const [f, next] = nextFloat(state);
  return [min + Math.floor(f * (max - min + 1)), next];
}
