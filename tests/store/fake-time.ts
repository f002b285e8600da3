import type { Scheduler } from '../../src/store/clock-driver.ts';

/** A hand-cranked scheduler and clock for tests: advance(ms) moves time and fires due timers in order. */
export function fakeTime(start = 0): { now: () => number; scheduler: Scheduler; advance(ms: number): void; pending(): number } {
  let t = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => t,
    scheduler: {
      setTimer(callback, ms) {
        const id = nextId++;
        timers.set(id, { at: t + ms, callback });
        return id;
      },
      clearTimer(handle) {
        timers.delete(handle as number);
      },
    },
    advance(ms) {
      const end = t + ms;
      for (;;) {
        let due: [number, { at: number; callback: () => void }] | null = null;
        for (const entry of timers) if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
        if (!due) break;
        timers.delete(due[0]);
        t = due[1].at;
        due[1].callback();
      }
      t = end;
    },
    pending: () => timers.size,
  };
}
