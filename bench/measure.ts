// Timing helpers shared by the bench sections. Numbers, not tests: they print and return.

/** Runs `fn` repeatedly for about `ms` milliseconds and returns calls per second. */
export function rate(fn: () => void, ms: number): number {
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 50; i++) fn();
    calls += 50;
    now = performance.now();
  }
  return (calls * 1000) / (now - start);
}

/**
 * Measures several contenders in alternating rounds, so a busy machine slows them alike,
 * and keeps each one's best round (the least disturbed by other processes).
 */
export function compare(contenders: Record<string, () => void>, rounds = 5, ms = 400): Record<string, number> {
  const best: Record<string, number> = {};
  const entries = Object.entries(contenders);
  for (const [, fn] of entries) rate(fn, 200); // warm up the JIT
  for (let r = 0; r < rounds; r++) {
    // Rotate who goes first, so none always runs right after the same neighbour's garbage.
    for (let i = 0; i < entries.length; i++) {
      const [name, fn] = entries[(i + r) % entries.length]!;
      best[name] = Math.max(best[name] ?? 0, rate(fn, ms));
    }
  }
  return best;
}

/** CPU milliseconds (user + system) used by this process so far. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
