import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import { initialState } from '../../src/engine/rules.ts';
import { effectiveStatuses, outageRates } from '../../src/engine/services.ts';
import { tinyScenario } from '../fixtures/tiny-scenario.ts';
import { compiledTiny } from './helpers.ts';

describe('service dependencies', () => {
  const { index } = compiledTiny();
  const base = initialState(index, { seed: 1, partner: 'ally' });

  it('takes a service down with what it depends on', () => {
    const state = { ...base, services: { db: 'down' as const, shop: 'up' as const } };
    expect(effectiveStatuses(index, state)).toEqual({ db: 'down', shop: 'down' });
    expect(outageRates(index, state)).toEqual({ revenueFraction: 1, customerFraction: 1, downtimeWeight: 1, anyOutage: true });
  });

  it('counts a degraded service by half its shares when the scenario does not say', () => {
    const state = { ...base, services: { db: 'up' as const, shop: 'degraded' as const } };
    expect(effectiveStatuses(index, state)).toEqual({ db: 'up', shop: 'degraded' });
    expect(outageRates(index, state)).toEqual({ revenueFraction: 0.5, customerFraction: 0.5, downtimeWeight: 0.5, anyOutage: true });
  });

  it('costs nothing while everything is up', () => {
    expect(outageRates(index, base)).toEqual({ revenueFraction: 0, customerFraction: 0, downtimeWeight: 0, anyOutage: false });
  });
});

describe('downtime follows the business', () => {
  // A monitoring layer nobody depends on, a shop carrying most revenue, a blog most visitors read.
  const scenario = tinyScenario();
  scenario.company.services = [
    { id: 'db', name: 'Database', revenueShare: 0, customerShare: 0 },
    { id: 'shop', name: 'Web shop', dependsOn: ['db'], revenueShare: 0.8, customerShare: 0.3, degradedShare: 0.25 },
    { id: 'blog', name: 'Blog', revenueShare: 0, customerShare: 0.6 },
    { id: 'monitoring', name: 'Monitoring', revenueShare: 0, customerShare: 0 },
  ];
  const { index } = compileScenario(scenario);
  const base = initialState(index, { seed: 1, partner: 'ally' });
  const rates = (services: Record<string, 'up' | 'degraded' | 'down'>) => outageRates(index, { ...base, services: { ...base.services, ...services } });

  it('does not count downtime for a service that carries no revenue and no customers', () => {
    expect(rates({ monitoring: 'down' })).toEqual({ revenueFraction: 0, customerFraction: 0, downtimeWeight: 0, anyOutage: true });
  });

  it('counts an infrastructure layer through what depends on it', () => {
    expect(rates({ db: 'down' }).downtimeWeight).toBe(0.8);
  });

  it('weighs a minute by the larger of the revenue and customer shares out', () => {
    expect(rates({ blog: 'down' }).downtimeWeight).toBe(0.6);
    const both = rates({ blog: 'down', shop: 'down' });
    expect(both.revenueFraction).toBe(0.8);
    expect(both.downtimeWeight).toBeCloseTo(0.9, 10);
  });

  it("counts a degraded service by its own degradedShare, not a flat half", () => {
    expect(rates({ shop: 'degraded' })).toMatchObject({ revenueFraction: 0.2, downtimeWeight: 0.2 });
  });
});
