import { describe, expect, it } from 'vitest';
import { initialState } from '../../src/engine/rules.ts';
import { effectiveStatuses, outageRates } from '../../src/engine/services.ts';
import { compiledTiny } from './helpers.ts';

describe('service dependencies', () => {
  const { index } = compiledTiny();
  const base = initialState(index, { seed: 1, partner: 'ally' });

  it('takes a service down with what it depends on', () => {
    const state = { ...base, services: { db: 'down' as const, shop: 'up' as const } };
    expect(effectiveStatuses(index, state)).toEqual({ db: 'down', shop: 'down' });
    expect(outageRates(index, state)).toEqual({ revenueFraction: 1, customerFraction: 1, downtimeWeight: 1 });
  });

  it('counts a degraded service as half an outage', () => {
    const state = { ...base, services: { db: 'up' as const, shop: 'degraded' as const } };
    expect(effectiveStatuses(index, state)).toEqual({ db: 'up', shop: 'degraded' });
    expect(outageRates(index, state)).toEqual({ revenueFraction: 0.5, customerFraction: 0.5, downtimeWeight: 0.5 });
  });

  it('costs nothing while everything is up', () => {
    expect(outageRates(index, base)).toEqual({ revenueFraction: 0, customerFraction: 0, downtimeWeight: 0 });
  });
});
