import { afterEach, describe, expect, it } from 'vitest';
import type { GameStore } from '../../src/store/game-store.ts';
import { HISTORY_LIMIT, readHistory, recordRun, type HistoryEntry } from '../../src/store/history.ts';
import { memoryStorage, STORAGE_KEYS } from '../../src/store/storage.ts';
import { finishRun, makeStore } from './helpers.ts';

const stores: GameStore[] = [];
function track<T extends { store: GameStore }>(x: T): T {
  stores.push(x.store);
  return x;
}
afterEach(() => stores.splice(0).forEach((s) => s.getState().dispose()));

describe('history you can reopen', () => {
  it('keeps the run across a reload and rebuilds the same debrief from its seed and inputs', () => {
    const first = track(makeStore());
    finishRun(first.s);
    const report = first.s().report!;
    const state = first.s().getRun()!.state;
    const id = first.s().historyId!;
    expect(first.s().history[0]).toMatchObject({ id, partnerId: 'fixer', figures: { ending: 'good-end' } });
    first.s().showTitle();

    const again = track(makeStore({ storage: first.storage }));
    expect(again.s().history.map((e) => e.id)).toEqual([id]);
    expect(again.s().openHistory(id)).toBeNull();
    expect(again.s().screen).toBe('debrief');
    expect(again.s().report).toEqual(report);
    expect(again.s().getRun()!.state).toEqual(state);
  });

  it('replays the same scenario, partner and seed', () => {
    const { s } = track(makeStore({ seed: 9 }));
    finishRun(s);
    const id = s().historyId!;
    s().showTitle();
    s().rollSeed();
    expect(s().replayHistorySeed(id)).toBeNull();
    expect(s().screen).toBe('briefing');
    expect(s().getRun()!.state).toMatchObject({ seed: 9, partnerId: 'fixer', phase: 'preparation' });
  });

  it('deletes one run or all of them, in storage too', () => {
    const { s, storage } = track(makeStore());
    finishRun(s);
    s().playAgain(true);
    s().showPreparation();
    s().commitPreparation();
    s().choose('wait');
    s().choose('tell');
    expect(s().history).toHaveLength(2);
    s().deleteHistory(s().history[1]!.id!);
    expect(readHistory(storage)).toHaveLength(1);
    s().deleteHistory(null);
    expect(s().history).toEqual([]);
    expect(storage.getItem(STORAGE_KEYS.history)).toBe('[]');
  });

  it('refuses to reopen a run whose scenario changed, or one saved without inputs', () => {
    const { s, storage } = track(makeStore());
    finishRun(s);
    const entry = { ...s().history[0]!, id: 'old', fingerprint: 'different' };
    const legacy = { ...s().history[0]!, id: 'legacy', inputs: undefined };
    storage.setItem(STORAGE_KEYS.history, JSON.stringify([entry, legacy]));
    const again = track(makeStore({ storage }));
    const screen = again.s().screen;
    expect(again.s().openHistory('old')).toMatch(/has changed since this run was played/);
    expect(again.s().openHistory('legacy')).toMatch(/saved before runs could be reopened/);
    expect(again.s().screen).toBe(screen);
  });

  it('keeps at most HISTORY_LIMIT runs, newest first', () => {
    const storage = memoryStorage();
    let history: HistoryEntry[] = [];
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) {
      history = recordRun(storage, history, { scenarioId: 'tiny', title: 'Tiny', seed: i, partner: 'Ally', outcome: 'good', overall: 50, communication: 50, proactivity: 50, businessImpact: 50, verdict: 'x', endedAt: 'now', id: `r${i}` });
    }
    expect(readHistory(storage)).toHaveLength(HISTORY_LIMIT);
    expect(readHistory(storage)[0]!.id).toBe(`r${HISTORY_LIMIT + 4}`);
  });
});

describe('what-if from any decision', () => {
  it('replays the run up to a decision, plays on with another choice, and keeps the branch with its parent', () => {
    const { s } = track(makeStore());
    finishRun(s, 'restore');
    const parent = s().historyId!;
    const parentClock = s().getRun()!.state.clock;
    expect(s().whatIf(1)).toBeNull();
    expect(s().screen).toBe('incident');
    expect(s().view?.beat?.id).toBe('outage');
    // The thinking time before the decision is replayed: the branch starts where the choice was made.
    expect(s().getRun()!.state.clock).toBe(3);
    expect(s().choose('wait')).toBeNull();
    expect(s().choose('tell')).toBeNull();
    expect(s().history).toHaveLength(2);
    expect(s().history[0]).toMatchObject({ parent: { id: parent, decision: 1 } });
    expect(s().history[0]!.figures!.clock).not.toBe(parentClock);
    expect(s().whatIf(7)).toBe('this run has no decision 7');
  });

  it('keeps a branch tied to its parent across a reload mid-branch', () => {
    const first = track(makeStore());
    finishRun(first.s, 'restore');
    const parent = first.s().historyId!;
    expect(first.s().whatIf(1)).toBeNull();
    const again = track(makeStore({ storage: first.storage }));
    expect(again.s().screen).toBe('incident');
    again.s().resume();
    expect(again.s().choose('wait')).toBeNull();
    expect(again.s().choose('tell')).toBeNull();
    expect(again.s().history[0]).toMatchObject({ parent: { id: parent, decision: 1 } });
  });
});
