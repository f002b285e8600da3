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
 * and keeps each one's best round.
 */
export function compare(contenders: Record<string, () => void>, rounds = 3, ms = 700): Record<string, number> {
  const best: Record<string, number> = {};
  for (const fn of Object.values(contenders)) rate(fn, 200); // warm up the JIT
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(contenders)) best[name] = Math.max(best[name] ?? 0, rate(fn, ms));
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
