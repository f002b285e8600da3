import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import { Run } from '../../src/engine/runtime.ts';
import { diffViews, injectKey } from '../../src/game/changes.ts';
import { tinyScenario } from '../fixtures/tiny-scenario.ts';

function started(seed = 1): Run {
  const run = Run.start(compileScenario(tinyScenario()), { seed, partner: 'fixer' });
  run.commitPreparation([]);
  return run;
}

describe('diffViews', () => {
  it('reports the social post at T+20 and the customers it upset, nothing else', () => {
    const run = started();
    run.advance(19);
    const before = run.view();
    run.advance(1);
    const changes = diffViews(before, run.view());
    expect(changes.reset).toBe(false);
    expect(changes.injects.map((i) => i.id)).toEqual(['tweet']);
    expect(changes.sentiment).toEqual([{ id: 'customers', by: -10, value: 50 }]);
    expect(changes.services).toEqual([]);
  });

  it('reports a service coming back up after a restore', () => {
    const run = started();
    const before = run.view();
    run.choose('restore');
    const changes = diffViews(before, run.view());
    expect(changes.services).toContainEqual({ id: 'db', from: 'down', to: 'up' });
    expect(changes.services).toContainEqual({ id: 'shop', from: 'down', to: 'up' });
  });

  it('starts over, animating nothing, for the first view and for another run', () => {
    const a = started(1);
    expect(diffViews(null, a.view()).reset).toBe(true);
    expect(diffViews(a.view(), started(2).view()).reset).toBe(true);
  });

  it('tells apart the same inject delivered at different times', () => {
    const base = { id: 'call', beat: 'b', t: 5 };
    expect(injectKey(base)).not.toBe(injectKey({ ...base, t: 6 }));
    expect(injectKey({ ...base, beat: null })).toBe('*/call@5');
  });
});
