import { getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/engine/machine.ts';
import { compiledTiny } from './helpers.ts';

describe('compiled machine', () => {
  it('has a state per beat, and xstate/graph reaches every ending with explicit clock events', () => {
    const compiled = compiledTiny();
    const events: RunEvent[] = [
      { type: 'prep.commit', measures: [] },
      { type: 'prep.commit', measures: ['replica'] },
      { type: 'player.choose', option: 'failover' },
      { type: 'player.choose', option: 'restore' },
      { type: 'player.choose', option: 'wait' },
      { type: 'player.choose', option: 'tell' },
      { type: 'player.choose', option: 'hide' },
      { type: 'clock.tick', minutes: 15 },
    ];
    const paths = getShortestPaths(compiled.machine, {
      input: { seed: 1, partner: 'ally' },
      events,
      // Only what decides the future: drop the log and the metrics that only score.
      serializeState: (s) => JSON.stringify([s.value, s.context.flags, s.context.measures, s.context.beat, s.context.clock > 0]),
    });
    const endings = new Set(paths.map((p) => p.state.context.ending).filter(Boolean));
    expect(endings).toEqual(new Set(['good-end', 'bad-end']));
    const good = paths.find((p) => p.state.context.ending === 'good-end')!;
    expect(good.steps.map((s) => s.event.type)).toEqual(['xstate.init', 'prep.commit', 'player.choose', 'player.choose']);
    expect(Object.keys(compiled.machine.root.states.incident!.states)).toEqual(['outage', 'update', 'good-end', 'bad-end']);
  });
});
