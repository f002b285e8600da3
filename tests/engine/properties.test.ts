import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { preparationPlans } from '../../src/engine/explore.ts';
import { canChoose } from '../../src/engine/rules.ts';
import { Run } from '../../src/engine/runtime.ts';
import { scoreRun } from '../../src/engine/scoring.ts';
import { METRICS } from '../../src/scenarios/schema.ts';
import { compiledTiny } from './helpers.ts';

// Random but valid play: any preparation that fits, any wait of 1-30 minutes, any option
// that is available. Whatever a player does, the run must not throw, scores stay in 0-100
// and no metric goes negative.

const compiled = compiledTiny();
const plans = preparationPlans(compiled);
const partners = compiled.index.scenario.partners.map((p) => p.id);

/** One step of play: wait some minutes, or pick the n-th available option (modulo how many there are). */
const step = fc.oneof(
  fc.record({ kind: fc.constant('tick' as const), minutes: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('choose' as const), pick: fc.nat({ max: 9 }) }),
);

const play = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  partner: fc.constantFrom(...partners),
  plan: fc.nat({ max: plans.length - 1 }),
  steps: fc.array(step, { minLength: 1, maxLength: 40 }),
});

describe('random valid play on the tiny scenario', () => {
  it('never throws and keeps scores in 0-100 and metrics >= 0', () => {
    fc.assert(
      fc.property(play, ({ seed, partner, plan, steps }) => {
        const run = Run.start(compiled, { seed, partner });
        run.commitPreparation(plans[plan]!);
        const check = (): void => {
          for (const metric of METRICS) expect(run.state.metrics[metric]).toBeGreaterThanOrEqual(0);
          const report = scoreRun(compiled.index, run.log);
          for (const score of [report.communication.score, report.proactivity.score, report.businessImpact.score, report.overall]) {
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(100);
          }
        };
        for (const s of steps) {
          if (run.isOver) break;
          if (s.kind === 'tick') run.advance(s.minutes);
          else {
            const beat = compiled.index.beats.get(run.state.beat!)!;
            const available = beat.decision!.options.filter((o) => canChoose(compiled.index, run.state, o.id));
            if (available.length > 0) run.choose(available[s.pick % available.length]!.id);
          }
          check();
        }
        check();
      }),
      { numRuns: 300, seed: 20_260_101 },
    );
  });
});
