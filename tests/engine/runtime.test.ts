import { describe, expect, it } from 'vitest';
import { Run, RunError } from '../../src/engine/runtime.ts';
import { compiledTiny } from './helpers.ts';

describe('Run', () => {
  it('refuses commands with a reason a player can act on', () => {
    const run = Run.start(compiledTiny(), { seed: 1, partner: 'fixer' });
    expect(() => run.choose('failover')).toThrow('the incident has not started: commit the preparation first');
    expect(() => run.commitPreparation(['replica', 'templates'])).toThrow('these measures cost 110 but the budget is 100');
    expect(() => run.commitPreparation(['moat'])).toThrow('no preparation measure "moat"; choose from replica, templates');
    run.commitPreparation(['replica']);
    expect(() => run.choose('failover')).toThrow('option "failover" is not available: Needs a standby and a partner who can run it');
    expect(() => run.choose('panic')).toThrow('no option "panic" in beat "outage"; options are failover, restore, wait');
    expect(() => run.advance(0)).toThrow(RunError);
    expect(run.inputs).toHaveLength(1);
  });

  it('rejects unknown partners and bad seeds', () => {
    expect(() => Run.start(compiledTiny(), { seed: 1, partner: 'acme' })).toThrow('no partner "acme"; choose from fixer, ally');
    expect(() => Run.start(compiledTiny(), { seed: -1, partner: 'ally' })).toThrow('the seed must be a whole number');
  });

  it('applies the default when a timed decision runs out', () => {
    const run = Run.start(compiledTiny(), { seed: 1, partner: 'ally' });
    run.commitPreparation([]);
    run.advance(14);
    expect(run.state.beat).toBe('outage');
    run.advance(1);
    expect(run.state.beat).toBe('update');
    expect(run.log.find((e) => e.type === 'decision.made')).toEqual({
      t: 15,
      type: 'decision.made',
      beat: 'outage',
      option: 'wait',
      by: 'timeout',
      waited: 15,
    });
  });

  it('starts a decision\'s time limit after the beat\'s entry effects', () => {
    const run = Run.start(
      compiledTiny((s) => {
        const update = s.beats[1]!;
        update.onEnter = [{ type: 'advance', params: { minutes: 120 } }];
        update.decision!.timeLimit = 10;
        update.decision!.default = 'hide';
      }),
      { seed: 1, partner: 'ally' },
    );
    run.commitPreparation([]);
    run.choose('wait'); // to "update", whose entry lets two hours pass
    expect(run.state).toMatchObject({ beat: 'update', clock: 120, posedAt: 120 });
    expect(run.view().decision?.remaining).toBe(10);
  });

  it('waits instead of applying a default that is not available', () => {
    const run = Run.start(
      compiledTiny((s) => void (s.beats[0]!.decision!.default = 'failover')),
      { seed: 1, partner: 'ally' },
    );
    run.commitPreparation([]); // no standby: failover is unavailable
    run.advance(60);
    expect(run.state).toMatchObject({ beat: 'outage', clock: 60 });
    expect(run.log.some((e) => e.type === 'decision.made')).toBe(false);
  });

  it('routes on conditions that see the chosen option’s effects', () => {
    const run = Run.start(compiledTiny(), { seed: 1, partner: 'ally' });
    run.commitPreparation(['replica']);
    run.choose('failover'); // sets "recovered"
    run.choose('tell'); // branches to good-end only when recovered
    expect(run.isOver).toBe(true);
    expect(run.state.ending).toBe('good-end');
    const other = Run.start(compiledTiny(), { seed: 1, partner: 'ally' });
    other.commitPreparation([]);
    other.choose('wait');
    other.choose('tell');
    expect(other.state.ending).toBe('bad-end');
  });

  it('replays identically from the same seed and inputs', () => {
    const play = () => {
      const run = Run.start(compiledTiny(), { seed: 77, partner: 'fixer' });
      run.commitPreparation(['templates']);
      run.advance(3);
      run.choose('restore');
      run.advance(2);
      run.choose('hide');
      return JSON.stringify(run.state);
    };
    expect(play()).toBe(play());
  });

  it('saves to JSON and restores exactly', () => {
    const compiled = compiledTiny();
    const run = Run.start(compiled, { seed: 5, partner: 'ally' });
    run.commitPreparation(['replica']);
    run.advance(4);
    const saved = JSON.parse(JSON.stringify(run.save()));
    const restored = Run.restore(compiled, saved);
    expect(restored.state).toEqual(run.state);
    restored.choose('failover');
    expect(restored.state.beat).toBe('update');
  });

  it('refuses saves that do not belong to this scenario or were tampered with', () => {
    const compiled = compiledTiny();
    const run = Run.start(compiled, { seed: 5, partner: 'ally' });
    run.commitPreparation([]);
    const saved = () => JSON.parse(JSON.stringify(run.save()));
    expect(() => Run.restore(compiled, { hello: 1 })).toThrow('this is not a War Room save');
    expect(() => Run.restore(compiled, { ...saved(), version: 99 })).toThrow('save format version 99 is not supported');
    expect(() => Run.restore(compiled, { ...saved(), scenario: { id: 'other', fingerprint: 'x' } })).toThrow('belongs to scenario "other"');
    const tampered = saved();
    tampered.state.metrics.revenueLost = 1;
    expect(() => Run.restore(compiled, tampered)).toThrow('does not match a replay');
    const changed = compiledTiny((s) => void (s.title = 'Another title'));
    expect(() => Run.restore(changed, saved())).toThrow('scenario "tiny" has changed since this run was saved');
  });
});
