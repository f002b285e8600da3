import { describe, expect, it } from 'vitest';
import { createClockDriver } from '../../src/store/clock-driver.ts';
import { fakeTime } from './fake-time.ts';

function setup(msPerMinute = 3000) {
  const time = fakeTime(1_000);
  const ticks: number[] = [];
  const driver = createClockDriver({ now: time.now, scheduler: time.scheduler, onTick: (m) => ticks.push(m) });
  driver.setMsPerMinute(msPerMinute);
  const total = (): number => ticks.reduce((a, b) => a + b, 0);
  return { time, ticks, driver, total };
}

describe('clock driver', () => {
  it('sends one game minute every 3 real seconds at the standard pace', () => {
    const { time, driver, total, ticks } = setup();
    driver.setRunning(true);
    time.advance(2_900);
    expect(total()).toBe(0);
    time.advance(200);
    expect(total()).toBe(1);
    time.advance(27_000);
    expect(total()).toBe(10);
    expect(ticks.every((m) => m === 1)).toBe(true);
  });

  it('runs twice and four times as fast when the ms per minute shrink', () => {
    const { time, driver, total } = setup(1500);
    driver.setRunning(true);
    time.advance(30_000);
    expect(total()).toBe(20);
    driver.setMsPerMinute(750);
    time.advance(30_000);
    expect(total()).toBe(60);
  });

  it('stops while paused and keeps the part of a minute already counted', () => {
    const { time, driver, total } = setup();
    driver.setRunning(true);
    time.advance(2_000);
    driver.setRunning(false);
    time.advance(60_000);
    expect(total()).toBe(0);
    expect(time.pending()).toBe(0);
    expect(driver.progress()).toBeCloseTo(2 / 3, 1);
    driver.setRunning(true);
    time.advance(1_200);
    expect(total()).toBe(1);
  });

  it('counts a long gap (a throttled tab) as at most one second', () => {
    const time = fakeTime(0);
    const ticks: number[] = [];
    const driver = createClockDriver({ now: time.now, scheduler: time.scheduler, onTick: (m) => ticks.push(m), stepMs: 60_000, maxGapMs: 1_000 });
    driver.setMsPerMinute(500);
    driver.setRunning(true);
    time.advance(60_000);
    expect(ticks).toEqual([2]);
  });

  it('can be stopped from inside onTick and releases its timer on dispose', () => {
    const time = fakeTime(0);
    let driverRef: ReturnType<typeof createClockDriver> | null = null;
    const ticks: number[] = [];
    const driver = createClockDriver({
      now: time.now,
      scheduler: time.scheduler,
      onTick: (m) => {
        ticks.push(m);
        driverRef?.setRunning(false);
      },
    });
    driverRef = driver;
    driver.setRunning(true);
    time.advance(20_000);
    expect(ticks).toEqual([1]);
    expect(driver.running).toBe(false);
    driver.setRunning(true);
    driver.dispose();
    expect(time.pending()).toBe(0);
    driver.setRunning(true);
    expect(driver.running).toBe(false);
  });

  it('refuses a pace that is not a positive duration', () => {
    const { driver } = setup();
    expect(() => driver.setMsPerMinute(0)).toThrow(/positive/);
  });
});
