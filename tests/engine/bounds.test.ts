import { describe, expect, it } from 'vitest';
import { applyEffects } from '../../src/engine/effects.ts';
import { initialState } from '../../src/engine/rules.ts';
import { MAX_SEED, seedProblem } from '../../src/engine/rng.ts';
import { Run } from '../../src/engine/runtime.ts';
import { Scenario } from '../../src/scenarios/schema.ts';
import { tinyScenario } from '../fixtures/tiny-scenario.ts';
import { compiledTiny } from './helpers.ts';

// Issue 13: every number has a bound, and one seed range holds everywhere.

describe('effect numbers', () => {
  const withEffect = (effect: unknown) => {
    const raw = tinyScenario();
    raw.beats[0]!.decision!.options[1]!.effects = [effect as never];
    return Scenario.safeParse(raw);
  };

  it('the schema refuses numbers beyond what the game means', () => {
    expect(withEffect({ type: 'advance', params: { minutes: { var: 'restore-hours', times: 1e300 } } }).success).toBe(false);
    expect(withEffect({ type: 'adjust', params: { metric: 'revenueLost', by: 1e308 } }).success).toBe(false);
    expect(withEffect({ type: 'adjust', params: { metric: 'revenueLost', by: Infinity } }).success).toBe(false);
    expect(withEffect({ type: 'adjust', params: { metric: 'revenueLost', by: 5000 } }).success).toBe(true);
  });

  it('the engine refuses a result that is not finite, and caps an advance at 30 days', () => {
    const compiled = compiledTiny();
    const s = initialState(compiled.index, { seed: 1, partner: 'ally' });
    s.phase = 'incident';
    s.vars['restore-hours'] = 1e300;
    expect(() => applyEffects(compiled.index, s, [{ type: 'adjust', params: { metric: 'revenueLost', by: { var: 'restore-hours', times: 1e300 } } }])).toThrow(
      /not a finite number/,
    );
    s.vars['restore-hours'] = 1e9;
    applyEffects(compiled.index, s, [{ type: 'advance', params: { minutes: { var: 'restore-hours', times: 60 } } }]);
    expect(s.clock).toBe(60 * 24 * 30);
  });
});

describe('the seed range', () => {
  it('is 0 to 2^31 - 1, and beyond it is refused, not wrapped', () => {
    expect(MAX_SEED).toBe(2 ** 31 - 1);
    expect(seedProblem(0)).toBeNull();
    expect(seedProblem(MAX_SEED)).toBeNull();
    for (const bad of [-1, 1.5, MAX_SEED + 1, 4_294_967_303, Number.MAX_SAFE_INTEGER, NaN]) {
      expect(seedProblem(bad)).toEqual({ why: 'seedOutOfRange', max: 2_147_483_647 });
    }
    expect(() => Run.start(compiledTiny(), { seed: 4_294_967_303, partner: 'ally' })).toThrow(/from 0 to 2,147,483,647/);
  });
});
