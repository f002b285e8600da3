import type { Scheduler } from './clock-driver.ts';

/**
 * A hand-cranked clock and scheduler: time stands still until advance(ms) moves it, firing due
 * timers in order. Unit tests drive the store with it, and the browser game uses it instead of
 * real time when opened with `?test-clock`, so end-to-end tests never depend on machine speed.
 */
export interface ManualTime {
  now: () => number;
  scheduler: Scheduler;
  advance(ms: number): void;
  pending(): number;
}

export function manualTime(start = 0): ManualTime {
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
