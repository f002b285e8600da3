import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import { Run } from '../../src/engine/runtime.ts';
import type { GameView } from '../../src/engine/view.ts';
import { healthSeverity, lossSeverity, shareOf, uptimeFraction, vitalsOf } from '../../src/game/vitals.ts';
import { tinyScenario } from '../fixtures/tiny-scenario.ts';

const service = (effective: 'up' | 'degraded' | 'down'): GameView['services'][number] => ({ id: effective, name: effective, status: effective, effective, dependsOn: [] });

describe('uptimeFraction', () => {
  it('counts only services that are effectively down against uptime', () => {
    expect(uptimeFraction([service('up'), service('degraded'), service('down'), service('down')])).toBe(0.5);
    expect(uptimeFraction([])).toBe(1);
  });
});

describe('scales', () => {
  it('never divides by a zero scale', () => {
    expect(shareOf(50, 200)).toBe(0.25);
    expect(shareOf(500, 200)).toBe(1);
    expect(shareOf(10, 0)).toBe(1);
    expect(shareOf(0, 0)).toBe(0);
  });

  it('bands losses and health', () => {
    expect([0.1, 0.3, 0.6].map((f) => lossSeverity(f))).toEqual(['ok', 'warn', 'bad']);
    expect([0.9, 0.6, 0.2].map((f) => healthSeverity(f))).toEqual(['ok', 'warn', 'bad']);
  });
});

describe('vitalsOf a real run', () => {
  it('shows the outage: the database and the shop down, revenue and customers lost', () => {
    const scenario = tinyScenario();
    const run = Run.start(compileScenario(scenario), { seed: 1, partner: 'fixer' });
    run.commitPreparation([]);
    run.advance(10);
    const vitals = Object.fromEntries(vitalsOf(run.view(), scenario).map((v) => [v.id, v]));
    expect(vitals.uptime!.fill).toBe(0);
    expect(vitals.uptime!.severity).toBe('bad');
    // 10 minutes of a 6000/h shop fully down: 1000 of the 60000 at risk.
    expect(vitals.revenue!.value).toBe(1000);
    expect(vitals.revenue!.fill).toBeCloseTo(1000 / 60000);
    expect(vitals.customers!.fill).toBe(1);
    expect(vitals.sentiment!.value).toBe(65);
  });
});
