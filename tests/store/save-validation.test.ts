import { afterEach, describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import { Run } from '../../src/engine/runtime.ts';
import { savedScenarioId } from '../../src/store/autosave.ts';
import type { GameStore } from '../../src/store/game-store.ts';
import { memoryStorage, STORAGE_KEYS } from '../../src/store/storage.ts';
import { tinyScenario } from '../fixtures/tiny-scenario.ts';
import { makeStore } from './helpers.ts';

// Saves are input from outside: each corrupted kind is refused with a notice a player can read,
// as strictly as the facilitator's session import, never with an internal error's text.

const stores: GameStore[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.getState().dispose()));

function noticeFor(save: unknown): string {
  const { storage } = makeStore();
  storage.setItem(STORAGE_KEYS.save, JSON.stringify(save));
  const made = makeStore({ storage });
  stores.push(made.store);
  expect(made.s().view).toBeNull();
  return made.s().notice?.text ?? '(no notice)';
}

const started = (): ReturnType<Run['save']> => {
  const run = Run.start(compileScenario(tinyScenario()), { seed: 1, partner: 'fixer' });
  run.commitPreparation([]);
  return run.save();
};
const withInputs = (inputs: unknown[], extra: object = {}): object => ({ ...started(), inputs, state: undefined, ...extra });

describe('saved inputs are checked like a session import', () => {
  it('refuses a clock tick of 1e308 minutes', () => {
    expect(noticeFor(withInputs([{ type: 'prep.commit', measures: [] }, { type: 'clock.tick', minutes: 1e308 }]))).toMatch(
      /Input 2 of the save cannot be replayed: the clock moves in whole minutes, from 1 to 43200 \(30 days\) at a time/,
    );
  });

  const hostile: [string, object, RegExp][] = [
    ['measures that are not a list', withInputs([{ type: 'prep.commit', measures: 'replica' }]), /the preparation must be a list of at most 100 measure ids/],
    ['an input that is not an object', withInputs([null]), /an input must be an object with a type/],
    ['an unknown input type', withInputs([{ type: 'player.cheat' }]), /unknown input type "player.cheat"/],
    ['an extra field', withInputs([{ type: 'prep.commit', measures: [], admin: true }]), /a prep.commit input has no field "admin"/],
    ['votes that are not counts', withInputs([{ type: 'prep.commit', measures: [] }, { type: 'player.choose', option: 'wait', votes: { wait: -1 } }]), /votes are whole numbers/],
    ['an extension of Infinity (as null in JSON)', withInputs([{ type: 'prep.commit', measures: [] }, { type: 'facilitator.extend', minutes: null }]), /a timer is extended by whole minutes/],
    ['a damaged undo record', withInputs([{ type: 'prep.commit', measures: [] }], { undone: [{ event: 5 }] }), /record of taken-back choices is damaged/],
    ['inputs that are not a list', withInputs([], { inputs: { length: 3 } }), /no inputs to replay/],
    ['a seed that is not a number', withInputs([], { seed: 'seven' }), /no valid seed and partner/],
    ['too many inputs', withInputs(Array.from({ length: 100_001 }, () => ({ type: 'clock.tick', minutes: 1 }))), /holds 100001 inputs; a run has at most 100000/],
  ];
  for (const [what, save, message] of hostile) {
    it(`refuses ${what} with a message for a person`, () => {
      const text = noticeFor(save);
      expect(text).toMatch(message);
      expect(text).not.toMatch(/is not a function|Cannot read|undefined|TypeError|JSON at position/);
    });
  }
});

describe('what a save says of itself before it is replayed', () => {
  // The page fetches a saved run's scenario data, and the war room's code, before replaying it (src/main.ts).
  const header = (save: unknown): string | null => {
    const storage = memoryStorage();
    if (save !== undefined) storage.setItem(STORAGE_KEYS.save, typeof save === 'string' ? save : JSON.stringify(save));
    return savedScenarioId(storage);
  };

  it('names the scenario of a save made in preparation, during the incident or after the end', () => {
    const run = Run.start(compileScenario(tinyScenario()), { seed: 1, partner: 'fixer' });
    expect(header(run.save())).toBe('tiny');
    run.commitPreparation([]);
    expect(header(run.save())).toBe('tiny');
    const saved = run.save();
    expect(header({ ...saved, state: { ...saved.state, phase: 'ended' } })).toBe('tiny');
  });

  it('says nothing of a missing or damaged save', () => {
    expect(header(undefined)).toBeNull();
    expect(header('{"format":"war-room.run","state":{"phase":"incid')).toBeNull();
    expect(header('null')).toBeNull();
    expect(header({ scenario: { id: 7 }, state: { phase: 'incident' } })).toBeNull();
  });
});
