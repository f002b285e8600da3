import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import { Run } from '../../src/engine/runtime.ts';
import { DecisionCountdown } from '../../src/game/countdown.ts';
import { tinyScenario } from '../fixtures/tiny-scenario.ts';

describe('DecisionCountdown', () => {
  it('empties the ring over a timed decision and shows an open one as full', () => {
    const run = Run.start(compileScenario(tinyScenario()), { seed: 1, partner: 'fixer' });
    run.commitPreparation([]);
    const ring = new DecisionCountdown();
    expect(ring.read(run.view())).toEqual({ kind: 'timed', fraction: 1, remaining: 15 });
    run.advance(5);
    const later = ring.read(run.view());
    expect(later.fraction).toBeCloseTo(10 / 15);
    expect(later.remaining).toBe(10);
    // The time limit runs out; the next decision ("Tell them?") has no limit.
    run.advance(11);
    expect(ring.read(run.view())).toEqual({ kind: 'open', fraction: 1, remaining: null });
  });

  it('is idle without a run or a decision', () => {
    expect(new DecisionCountdown().read(null).kind).toBe('idle');
  });
});
