// Turns real time into game time. The engine only moves on `clock.tick`; this driver decides
// when to send one. Real time comes from an injected now() and scheduler so tests can drive it.

export interface Scheduler {
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface ClockDriverOptions {
  now: () => number;
  scheduler: Scheduler;
  /** Called with whole game minutes that have passed; never with 0. */
  onTick: (minutes: number) => void;
  /** How often real time is checked, in ms. */
  stepMs?: number;
  /**
   * The longest real gap one check may count. A throttled background tab or a debugger pause
   * would otherwise arrive as a burst of game time the player never saw.
   */
  maxGapMs?: number;
}

export interface ClockDriver {
  /** Starts or stops counting; the fraction of a minute already counted is kept across pauses. */
  setRunning(running: boolean): void;
  /** Real milliseconds per game minute (the pace times the speed). */
  setMsPerMinute(ms: number): void;
  readonly running: boolean;
  /** How far into the current game minute real time has got, 0..1. */
  progress(): number;
  /** Stops for good and releases the timer. */
  dispose(): void;
}

export function createClockDriver(options: ClockDriverOptions): ClockDriver {
  const { now, scheduler, onTick } = options;
  const stepMs = options.stepMs ?? 200;
  const maxGapMs = options.maxGapMs ?? 1000;
  let msPerMinute = 3000;
  let running = false;
  let disposed = false;
  let carry = 0; // game minutes counted but not yet sent, always < 1 after a check
  let last = 0;
  let timer: unknown = null;

  const count = (): void => {
    const t = now();
    const gap = Math.min(Math.max(0, t - last), maxGapMs);
    last = t;
    carry += gap / msPerMinute;
  };

  const check = (): void => {
    timer = null;
    if (!running || disposed) return;
    count();
    // The epsilon absorbs float drift: fifteen steps of 1/15 of a minute are one minute.
    const whole = Math.floor(carry + 1e-9);
    if (whole > 0) {
      carry = Math.max(0, carry - whole);
      onTick(whole);
    }
    // onTick may have stopped the driver (the run ended, or the player paused).
    if (running && !disposed) timer = scheduler.setTimer(check, stepMs);
  };

  return {
    setRunning(next) {
      if (disposed || next === running) return;
      if (next) {
        running = true;
        last = now();
        timer = scheduler.setTimer(check, stepMs);
      } else {
        count();
        carry = Math.min(carry, 0.999);
        running = false;
        if (timer !== null) scheduler.clearTimer(timer);
        timer = null;
      }
    },
    setMsPerMinute(ms) {
      if (!(ms > 0)) throw new Error(`a game minute must last a positive number of real ms, got ${ms}`);
      // Time counted so far belongs to the old pace.
      if (running) count();
      msPerMinute = ms;
    },
    get running() {
      return running;
    },
    progress() {
      return Math.min(0.999, carry + (running ? Math.min(Math.max(0, now() - last), maxGapMs) / msPerMinute : 0));
    },
    dispose() {
      running = false;
      disposed = true;
      if (timer !== null) scheduler.clearTimer(timer);
      timer = null;
    },
  };
}
