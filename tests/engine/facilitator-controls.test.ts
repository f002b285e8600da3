import { describe, expect, it } from 'vitest';
import { Run } from '../../src/engine/runtime.ts';
import { scoreRun } from '../../src/engine/scoring.ts';
import { compiledTiny } from './helpers.ts';
import { scoreReasonText } from '../../src/i18n/engine-text.ts';

function started(partner = 'ally') {
  const compiled = compiledTiny();
  const run = Run.start(compiled, { seed: 1, partner });
  run.commitPreparation([]);
  return { compiled, run };
}

describe('facilitator controls', () => {
  it('extends a timer so the default applies later', () => {
    const { run } = started();
    run.send({ type: 'facilitator.extend', minutes: 10 });
    expect(run.view().decision?.deadline).toBe(25);
    run.advance(20);
    expect(run.state.beat).toBe('outage');
    run.advance(5);
    expect(run.state.beat).toBe('update');
  });

  it('stops a timer so the decision waits for the room', () => {
    const { run } = started();
    run.send({ type: 'facilitator.hold' });
    run.advance(120);
    expect(run.state.beat).toBe('outage');
    expect(run.view().decision).toMatchObject({ deadline: null, remaining: null, timerHeld: true });
    expect(() => run.send({ type: 'facilitator.hold' })).toThrow('no timed decision is running');
  });

  it('releases the next timed inject now', () => {
    const { run } = started();
    expect(run.state.delivered).not.toContain('*/tweet');
    run.send({ type: 'facilitator.release' });
    expect(run.state.delivered).toContain('*/tweet');
    expect(run.state.sentiment.customers).toBe(50);
    expect(() => run.send({ type: 'facilitator.release' })).toThrow('no inject is waiting');
  });

  it('skips a beat with its default, without the timeout penalty', () => {
    const { compiled, run } = started();
    run.send({ type: 'facilitator.skip' });
    const made = run.log.find((e) => e.type === 'decision.made');
    expect(made).toMatchObject({ beat: 'outage', option: 'wait', by: 'facilitator' });
    expect(scoreRun(compiled.index, run.log).proactivity.items.map((i) => scoreReasonText(i, 'en'))).toEqual(['Waited while the shop was down']);
  });

  it('records the room’s votes with the choice', () => {
    const { run } = started();
    expect(() => run.send({ type: 'player.choose', option: 'restore', votes: { nope: 2 } })).toThrow('votes are whole numbers');
    run.send({ type: 'player.choose', option: 'restore', votes: { restore: 4, wait: 2 } });
    expect(run.log.find((e) => e.type === 'decision.made')).toMatchObject({ votes: { restore: 4, wait: 2 } });
  });

  it('undoes the last choice and keeps a record of it, in the run and in its save', () => {
    const { compiled, run } = started();
    run.advance(3);
    run.choose('restore');
    run.advance(2);
    const undone = run.undoLastChoice();
    expect(undone).toEqual({ event: { type: 'player.choose', option: 'restore' }, t: 3, beat: 'outage' });
    expect(run.state).toMatchObject({ beat: 'outage', clock: 3 });
    run.choose('wait');
    const restored = Run.restore(compiled, JSON.parse(JSON.stringify(run.save())));
    expect(restored.undone).toEqual([undone]);
    expect(restored.state.lastChoice?.option).toBe('wait');
    expect(() => Run.start(compiled, { seed: 1, partner: 'ally' }).undoLastChoice()).toThrow('there is no choice to undo');
  });
});
