import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileScenario, type CompiledScenario } from '../../src/engine/compile.ts';
import { preparationPlans } from '../../src/engine/explore.ts';
import type { RunEvent } from '../../src/engine/machine.ts';
import { initialState } from '../../src/engine/rules.ts';
import { startSnapshot, stepSnapshot } from '../../src/engine/runtime.ts';
import { isEnded, stepState } from '../../src/engine/step.ts';
import { SCENARIOS_DIR } from '../../src/scenarios/load-file.ts';
import { parseScenario } from '../../src/scenarios/load.ts';
import { compiledTiny } from './helpers.ts';

// The checker steps runs with the pure stepper (step.ts); the game runs the XState machine.
// On random walks of every shipped scenario (valid and refused inputs, facilitator
// controls included) the two must agree on the whole state, log included, after every step.

const files = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.yaml')).sort();

/** A move picks among what the scenario offers at the time, so most moves are meaningful. */
const move = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('choose' as const), pick: fc.nat({ max: 99 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('tick' as const), minutes: fc.integer({ min: 1, max: 90 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('extend' as const), minutes: fc.integer({ min: 1, max: 15 }) }) },
  { weight: 1, arbitrary: fc.constantFrom({ kind: 'hold' as const }, { kind: 'release' as const }, { kind: 'skip' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bogus' as const), pick: fc.nat({ max: 3 }) }) },
);
type Move = typeof move extends fc.Arbitrary<infer M> ? M : never;

function eventFor(compiled: CompiledScenario, plans: string[][], beat: string | null, m: Move): RunEvent {
  const options = beat === null ? [] : (compiled.index.beats.get(beat)?.decision?.options ?? []);
  switch (m.kind) {
    case 'choose':
      return beat === null
        ? { type: 'prep.commit', measures: plans[m.pick % plans.length]! }
        : { type: 'player.choose', option: options[m.pick % Math.max(1, options.length)]?.id ?? 'none' };
    case 'tick':
      return { type: 'clock.tick', minutes: m.minutes };
    case 'extend':
      return { type: 'facilitator.extend', minutes: m.minutes };
    case 'hold':
      return { type: 'facilitator.hold' };
    case 'release':
      return { type: 'facilitator.release' };
    case 'skip':
      return { type: 'facilitator.skip' };
    case 'bogus':
      // Inputs the machine ignores: an unknown option, a second preparation, an over-budget plan.
      return (
        [
          { type: 'player.choose', option: 'no-such-option' },
          { type: 'prep.commit', measures: [] },
          { type: 'prep.commit', measures: [...compiled.index.measures.keys()] },
          { type: 'player.choose', option: options[0]?.id ?? 'x', votes: { [options[0]?.id ?? 'x']: 2 } },
        ] satisfies RunEvent[]
      )[m.pick]!;
    default: {
      const unreachable: never = m;
      throw new Error(`unknown move ${JSON.stringify(unreachable)}`);
    }
  }
}

function agreeOnRandomWalks(compiled: CompiledScenario, runs: number): void {
  const plans = preparationPlans(compiled);
  const partners = compiled.index.scenario.partners.map((p) => p.id);
  const walk = fc.record({
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    partner: fc.constantFrom(...partners),
    moves: fc.array(move, { minLength: 1, maxLength: 80 }),
  });
  fc.assert(
    fc.property(walk, ({ seed, partner, moves }) => {
      let snapshot = startSnapshot(compiled, { seed, partner });
      let state = initialState(compiled.index, { seed, partner });
      expect(state).toEqual(snapshot.context);
      for (const m of moves) {
        const event = eventFor(compiled, plans, state.phase === 'preparation' ? null : state.beat, m);
        snapshot = stepSnapshot(compiled, snapshot, event);
        state = stepState(compiled.index, state, event);
        expect(state).toEqual(snapshot.context);
        expect(isEnded(state)).toBe(snapshot.status === 'done');
      }
    }),
    { numRuns: runs, seed: 20_261_206 },
  );
}

describe('the pure stepper agrees with the scenario machine', () => {
  it('on the tiny fixture', () => agreeOnRandomWalks(compiledTiny(), 200));

  for (const file of files) {
    it(`on random walks of ${file}`, () => {
      const scenario = parseScenario(readFileSync(join(SCENARIOS_DIR, file), 'utf8'), file).scenario!;
      agreeOnRandomWalks(compileScenario(scenario), 60);
    });
  }

  it('refuses a zero-minute timeout loop instead of hanging', () => {
    const compiled = compiledTiny((s) => {
      const beat = s.beats.find((b) => b.decision?.default !== undefined && b.decision.timeLimit !== undefined)!;
      beat.decision!.timeLimit = 0;
      const fallback = beat.decision!.options.find((o) => o.id === beat.decision!.default)!;
      fallback.next = beat.id;
      delete fallback.branches;
      fallback.minutes = 0;
    });
    let s = initialState(compiled.index, { seed: 1, partner: compiled.index.scenario.partners[0]!.id });
    expect(() => {
      s = stepState(compiled.index, s, { type: 'prep.commit', measures: [] });
      for (let i = 0; i < 20 && !isEnded(s); i++) {
        const options = compiled.index.beats.get(s.beat!)!.decision!.options;
        s = stepState(compiled.index, s, { type: 'player.choose', option: options[0]!.id });
      }
    }).toThrow(/times out again and again/);
  });
});
