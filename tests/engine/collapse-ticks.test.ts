import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import type { RunEvent } from '../../src/engine/machine.ts';
import { collapseTicks, MAX_EVENT_MINUTES } from '../../src/engine/run-events.ts';
import { canChoose } from '../../src/engine/rules.ts';
import { Run } from '../../src/engine/runtime.ts';
import { scoreRun } from '../../src/engine/scoring.ts';
import { SCENARIOS_DIR } from '../../src/scenarios/load-file.ts';
import { parseScenario } from '../../src/scenarios/load.ts';

describe('collapseTicks', () => {
  it('merges runs of ticks and keeps everything else in order', () => {
    const inputs: RunEvent[] = [
      { type: 'prep.commit', measures: [] },
      { type: 'clock.tick', minutes: 1 },
      { type: 'clock.tick', minutes: 2 },
      { type: 'player.choose', option: 'a' },
      { type: 'clock.tick', minutes: 1 },
    ];
    expect(collapseTicks(inputs)).toEqual([
      { type: 'prep.commit', measures: [] },
      { type: 'clock.tick', minutes: 3 },
      { type: 'player.choose', option: 'a' },
      { type: 'clock.tick', minutes: 1 },
    ]);
  });

  it('never makes a tick longer than an input may be', () => {
    const many = Array.from({ length: 3 }, (): RunEvent => ({ type: 'clock.tick', minutes: MAX_EVENT_MINUTES - 1 }));
    expect(collapseTicks(many).every((e) => e.type === 'clock.tick' && e.minutes <= MAX_EVENT_MINUTES)).toBe(true);
  });

  // A facilitator's session ticks every few seconds; collapsed, it must play out the same.
  const file = 'ransomware-manufacturer.yaml';
  const compiled = compileScenario(parseScenario(readFileSync(join(SCENARIOS_DIR, file)), file).scenario!);
  it('plays a random run to the same beats, choices and scores', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 1000 }), (moves, seed) => {
        const partner = compiled.index.scenario.partners[0]!.id;
        const run = Run.start(compiled, { seed, partner });
        run.commitPreparation([]);
        for (const [ticks, pick] of moves) {
          for (let i = 0; i < ticks && !run.isOver; i++) run.advance(1);
          if (run.isOver) break;
          const beat = compiled.index.beats.get(run.state.beat ?? '');
          const options = beat?.decision?.options.filter((o) => canChoose(compiled.index, run.state, o.id)) ?? [];
          if (options.length > 0) run.choose(options[pick % options.length]!.id);
        }
        const replay = Run.start(compiled, { seed, partner });
        for (const e of collapseTicks(run.inputs)) replay.send(e);
        const choices = (r: Run) => r.log.filter((e) => e.type === 'decision.made' || e.type === 'beat.entered' || e.type === 'inject.delivered');
        expect(choices(replay)).toEqual(choices(run));
        expect(replay.state.ending).toBe(run.state.ending);
        const a = scoreRun(compiled.index, run.log);
        const b = scoreRun(compiled.index, replay.log);
        expect([b.communication.score, b.proactivity.score, b.businessImpact.score, b.overall]).toEqual([a.communication.score, a.proactivity.score, a.businessImpact.score, a.overall]);
      }),
      { numRuns: 40, seed: 13 },
    );
  }, 60_000);
});
