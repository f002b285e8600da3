import { afterEach, describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import { Run } from '../../src/engine/runtime.ts';
import { scoreRun } from '../../src/engine/scoring.ts';
import type { GameStore } from '../../src/store/game-store.ts';
import { STORAGE_KEYS } from '../../src/store/storage.ts';
import { tinyScenario } from '../fixtures/tiny-scenario.ts';
import { makeStore } from './helpers.ts';

const stores: GameStore[] = [];
function track<T extends { store: GameStore }>(x: T): T {
  stores.push(x.store);
  return x;
}
afterEach(() => stores.splice(0).forEach((s) => s.getState().dispose()));

function toIncident(s: () => ReturnType<GameStore['getState']>, measures: string[] = []) {
  expect(s().beginBriefing()).toBeNull();
  s().showPreparation();
  for (const m of measures) expect(s().togglePreparation(m)).toBeNull();
  expect(s().commitPreparation()).toBeNull();
}

describe('game store: a run from title to debrief', () => {
  it('starts on the title with the first scenario, its first partner and a seed selected', () => {
    const { s } = track(makeStore({ seed: 7 }));
    expect(s().screen).toBe('title');
    expect(s().selection).toEqual({ scenarioId: 'tiny', partnerId: 'fixer', seed: 7, pace: 'standard' });
    expect(s().view).toBeNull();
  });

  it('walks briefing, preparation and incident, and records the finished run in the history', () => {
    const { s, storage } = track(makeStore());
    s().selectPartner('ally');
    expect(s().beginBriefing()).toBeNull();
    expect(s().screen).toBe('briefing');
    expect(s().view?.partner.id).toBe('ally');
    s().showPreparation();
    expect(s().screen).toBe('preparation');
    expect(s().togglePreparation('replica')).toBeNull();
    expect(s().commitPreparation()).toBeNull();
    expect(s().screen).toBe('incident');
    expect(s().view?.beat?.id).toBe('outage');
    expect(s().choose('failover')).toBeNull();
    expect(s().view?.lastChoice?.outcome).toBe('Back in ten minutes.');
    expect(s().choose('tell')).toBeNull();
    expect(s().view?.phase).toBe('ended');
    expect(s().report?.provisional).toBe(false);
    expect(s().history).toHaveLength(1);
    expect(s().history[0]).toMatchObject({ scenarioId: 'tiny', partner: 'Ally', outcome: 'good', overall: s().report!.overall });
    expect(JSON.parse(storage.getItem(STORAGE_KEYS.history)!)).toHaveLength(1);
    s().showDebrief();
    expect(s().screen).toBe('debrief');
  });

  it('refuses a measure the budget cannot pay, with a message naming it and what is left', () => {
    const { s } = track(makeStore());
    s().beginBriefing();
    s().showPreparation();
    expect(s().togglePreparation('replica')).toBeNull();
    const why = s().togglePreparation('templates');
    expect(why).toMatch(/Status templates.*costs €50 but only €40 of the budget is left/);
    expect(s().prep).toEqual({ selected: ['replica'], message: why });
    // Unticking frees the budget again.
    expect(s().togglePreparation('replica')).toBeNull();
    expect(s().togglePreparation('templates')).toBeNull();
    expect(s().prep.selected).toEqual(['templates']);
  });

  it('refuses an unavailable option with the engine’s reason and leaves the run unchanged', () => {
    const { s } = track(makeStore());
    toIncident(s);
    const before = s().view;
    expect(s().choose('failover')).toMatch(/not available: Needs a standby/);
    expect(s().view).toBe(before);
  });

  it('words the engine’s refusals and the seed check in the player’s language', () => {
    const { s } = track(makeStore());
    toIncident(s);
    expect(s().setSeed(-1)).toBe('the seed must be a whole number from 0 to 2,147,483,647');
    s().setLang('de');
    expect(s().choose('failover')).toBe('Option „failover“ steht nicht zur Verfügung: Needs a standby and a partner who can run it');
    expect(s().choose('panic')).toBe('es gibt keine Option „panic“ im Abschnitt „outage“; zur Wahl stehen failover, restore, wait');
    expect(s().setSeed(2 ** 31)).toBe('erlaubt sind ganze Zahlen von 0 bis 2.147.483.647');
    expect(s().selection.seed).toBe(42);
  });

  it('refuses choices while paused', () => {
    const { s } = track(makeStore());
    toIncident(s);
    s().pause();
    expect(s().choose('restore')).toBe('the game is paused');
    s().resume();
    expect(s().choose('restore')).toBeNull();
  });

  it('plays again with the same seed or a new one', () => {
    const { s } = track(makeStore({ seed: 9 }));
    toIncident(s);
    s().choose('restore');
    s().choose('tell');
    expect(s().playAgain(true)).toBeNull();
    expect(s().screen).toBe('briefing');
    expect(s().view?.seed).toBe(9);
    expect(s().view?.phase).toBe('preparation');
    expect(s().report).toBeNull();
  });

  it('leaves a live incident for the title paused, and continues it where it was', () => {
    const { s, time } = track(makeStore());
    toIncident(s);
    time.advance(6_000);
    s().showTitle();
    expect(s().screen).toBe('title');
    expect(s().paused).toBe(true);
    time.advance(30_000);
    expect(s().view?.clock).toBe(2);
    s().continueRun();
    expect(s().screen).toBe('incident');
    s().resume();
    time.advance(3_000);
    expect(s().view?.clock).toBe(3);
  });

  it('rejects seeds that are not whole non-negative numbers', () => {
    const { s } = track(makeStore());
    expect(s().setSeed(-1)).toMatch(/whole number/);
    expect(s().setSeed(1.5)).toMatch(/whole number/);
    expect(s().setSeed(12345)).toBeNull();
    expect(s().selection.seed).toBe(12345);
  });
});

describe('game store: the real-time clock', () => {
  it('ticks the run once every 3 s at 1×, faster at 2× and 4×, and not while paused', () => {
    const { s, time } = track(makeStore());
    toIncident(s);
    time.advance(9_000);
    expect(s().view?.clock).toBe(3);
    s().setSpeed(2);
    time.advance(9_000);
    expect(s().view?.clock).toBe(9);
    s().setSpeed(4);
    time.advance(3_000);
    expect(s().view?.clock).toBe(13);
    s().pause();
    time.advance(30_000);
    expect(s().view?.clock).toBe(13);
  });

  it('makes hesitation cost game time: the default applies when the time limit runs out', () => {
    const { s, time } = track(makeStore());
    toIncident(s);
    expect(s().view?.decision?.remaining).toBe(15);
    time.advance(15 * 3_000 + 500);
    expect(s().view?.lastChoice).toMatchObject({ option: 'wait', by: 'timeout' });
    expect(s().view?.beat?.id).toBe('update');
  });

  it('does not tick outside the incident screen, and stops once the run has ended', () => {
    const { s, time } = track(makeStore());
    s().beginBriefing();
    time.advance(30_000);
    expect(s().view?.clock).toBe(0);
    s().showPreparation();
    s().commitPreparation();
    s().choose('restore');
    s().choose('tell');
    const clock = s().view!.clock;
    const inputs = s().getRun()!.inputs.length;
    time.advance(60_000);
    expect(s().view!.clock).toBe(clock);
    expect(s().getRun()!.inputs.length).toBe(inputs);
  });
});

describe('game store: waiting for the war room', () => {
  it('does not start the clock until the room has drawn, and waits again on the next visit', () => {
    const { store, time, s } = makeStore();
    stores.push(store);
    // makeStore does not wait; a store that does:
    const waiting = track(makeStore({ waitForRoom: true }));
    toIncident(waiting.s);
    waiting.time.advance(30_000);
    expect(waiting.s().view?.clock).toBe(0);
    waiting.s().setRoomReady(true);
    waiting.time.advance(3_000);
    expect(waiting.s().view?.clock).toBe(1);
    waiting.s().showTitle();
    waiting.s().continueRun();
    waiting.s().resume();
    expect(waiting.s().roomReady).toBe(false);
    waiting.time.advance(9_000);
    expect(waiting.s().view?.clock).toBe(1);
    // A store that does not wait runs at once.
    toIncident(s);
    time.advance(3_000);
    expect(s().view?.clock).toBe(1);
  });
});

describe('game store: autosave and resume', () => {
  it('saves after every event and a new store resumes the same run, paused', () => {
    const first = track(makeStore({ seed: 5 }));
    toIncident(first.s, ['templates']);
    first.time.advance(21_000); // seven game minutes
    const saved = JSON.parse(first.storage.getItem(STORAGE_KEYS.save)!);
    expect(saved.format).toBe('war-room.run');
    expect(saved.version).toBe(1);
    expect(saved.inputs).toHaveLength(first.s().getRun()!.inputs.length);

    const second = track(makeStore({ storage: first.storage, seed: 999 }));
    expect(second.s().screen).toBe('incident');
    expect(second.s().paused).toBe(true);
    expect(second.s().pauseReason).toBe('resumed');
    expect(second.s().view).toEqual(first.s().view);
    expect(second.s().view?.seed).toBe(5);
    expect(second.s().view?.clock).toBe(7);
    // Paused on resume: the clock waits for the player.
    second.time.advance(30_000);
    expect(second.s().view?.clock).toBe(7);
    second.s().resume();
    second.time.advance(3_000);
    expect(second.s().view?.clock).toBe(8);
  });

  it('keeps ticked preparation measures across a reload, and forgets them for a new run', () => {
    const first = track(makeStore());
    first.s().beginBriefing();
    first.s().showPreparation();
    expect(first.s().togglePreparation('templates')).toBeNull();
    const second = track(makeStore({ storage: first.storage }));
    expect(second.s().screen).toBe('preparation');
    expect(second.s().prep.selected).toEqual(['templates']);
    // Unticking is remembered too.
    expect(second.s().togglePreparation('templates')).toBeNull();
    const third = track(makeStore({ storage: first.storage }));
    expect(third.s().prep.selected).toEqual([]);
    expect(third.s().togglePreparation('templates')).toBeNull();
    expect(third.s().beginBriefing()).toBeNull();
    expect(third.s().prep.selected).toEqual([]);
  });

  it('starts every new run at 1× whatever speed the last one used', () => {
    const { s } = track(makeStore());
    toIncident(s);
    s().setSpeed(4);
    expect(s().speed).toBe(4);
    s().choose('failover');
    s().choose('tell');
    expect(s().playAgain(true)).toBeNull();
    expect(s().speed).toBe(1);
  });

  it('resumes a finished run on the debrief with the same scores', () => {
    const first = track(makeStore());
    toIncident(first.s);
    first.s().choose('restore');
    first.s().choose('hide');
    const second = track(makeStore({ storage: first.storage }));
    expect(second.s().screen).toBe('debrief');
    expect(second.s().report).toEqual(first.s().report);
    // Reopening a finished run does not count it twice.
    expect(second.s().history).toHaveLength(1);
  });

  it('keeps a damaged save aside under its own key, explains, and starts fresh', () => {
    const broken = '{"format":"war-room.run", "version": 1, "inputs": [';
    const storage = makeStore().storage;
    storage.setItem(STORAGE_KEYS.save, broken);
    const { s } = track(makeStore({ storage }));
    expect(s().screen).toBe('title');
    expect(s().view).toBeNull();
    expect(s().notice?.title).toBe('Your saved game could not be resumed');
    expect(s().notice?.text).toMatch(/cannot be read as JSON/);
    const kept = `${STORAGE_KEYS.badSavePrefix}2025-01-01T00-00-00Z`;
    expect(s().notice?.text).toContain(kept);
    expect(storage.getItem(kept)).toBe(broken);
    expect(storage.getItem(STORAGE_KEYS.save)).toBeNull();
  });

  it('explains an incompatible save version and never overwrites an earlier bad save', () => {
    const { storage } = makeStore();
    const compiled = compileScenario(tinyScenario());
    const save = { ...Run.start(compiled, { seed: 1, partner: 'fixer' }).save(), version: 99 };
    const earlier = `${STORAGE_KEYS.badSavePrefix}2025-01-01T00-00-00Z`;
    storage.setItem(earlier, 'older bad save');
    storage.setItem(STORAGE_KEYS.save, JSON.stringify(save));
    const { s } = track(makeStore({ storage }));
    expect(s().notice?.text).toMatch(/version 99 is not supported/);
    expect(storage.getItem(earlier)).toBe('older bad save');
    expect(JSON.parse(storage.getItem(`${earlier}-2`)!).version).toBe(99);
  });

  it('explains a save for a scenario this game does not have', () => {
    const { storage } = makeStore();
    const save = Run.start(compileScenario(tinyScenario()), { seed: 1, partner: 'fixer' }).save();
    storage.setItem(STORAGE_KEYS.save, JSON.stringify({ ...save, scenario: { id: 'gone', fingerprint: 'x' } }));
    const { s } = track(makeStore({ storage }));
    expect(s().notice?.text).toMatch(/scenario "gone", which this version of the game does not have/);
  });

  it('explains a save whose inputs no longer replay', () => {
    const { storage } = makeStore();
    const save = Run.start(compileScenario(tinyScenario()), { seed: 1, partner: 'fixer' }).save();
    storage.setItem(STORAGE_KEYS.save, JSON.stringify({ ...save, inputs: [{ type: 'player.choose', option: 'tell' }], state: undefined }));
    const { s } = track(makeStore({ storage }));
    expect(s().notice?.text).toMatch(/Input 1 of the save cannot be replayed/);
  });

  it('scores the same as a headless replay of its inputs', () => {
    const { s, time } = track(makeStore({ seed: 77 }));
    toIncident(s, ['replica']);
    time.advance(12_000);
    s().choose('restore');
    time.advance(6_000);
    s().choose('tell');
    const run = s().getRun()!;
    const compiled = compileScenario(tinyScenario());
    const replay = Run.start(compiled, { seed: 77, partner: 'fixer' });
    for (const input of run.inputs) replay.send(input);
    expect(scoreRun(compiled.index, replay.log)).toEqual(s().report);
  });

  it('remembers the mute choice', () => {
    const first = track(makeStore());
    first.s().setMuted(true);
    expect(track(makeStore({ storage: first.storage })).s().muted).toBe(true);
  });

  it('remembers the volume, clamped to 0..1, and ignores a mangled saved value', () => {
    const first = track(makeStore());
    expect(first.s().volume).toBe(0.7);
    first.s().setVolume(0.35);
    expect(track(makeStore({ storage: first.storage })).s().volume).toBe(0.35);
    first.s().setVolume(7);
    expect(first.s().volume).toBe(1);
    first.storage.setItem(STORAGE_KEYS.volume, 'loud');
    expect(track(makeStore({ storage: first.storage })).s().volume).toBe(0.7);
  });
});

describe('game store: robustness', () => {
  it('keeps other views updating and commands working when one view throws', () => {
    const { s, store } = track(makeStore());
    const seen: number[] = [];
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      store.subscribe(() => {
        throw new Error('broken view');
      });
      store.subscribe((state) => seen.push(state.view?.clock ?? -1));
      toIncident(s);
      expect(s().choose('restore')).toBeNull();
    } finally {
      console.error = original;
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(s().view?.beat?.id).toBe('update');
    expect(errors.length).toBeGreaterThan(0);
  });
});
