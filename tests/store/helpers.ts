import { expect } from 'vitest';
import { createGameStore, type GameStore } from '../../src/store/game-store.ts';
import { ScenarioLibrary } from '../../src/store/scenario-library.ts';
import { memoryStorage } from '../../src/store/storage.ts';
import { tinyScenario } from '../fixtures/tiny-scenario.ts';
import { fakeTime } from './fake-time.ts';

export function tinyCatalog() {
  return [{ file: 'tiny.yaml', scenario: tinyScenario(), errors: [] }];
}

/** A store on the tiny scenario with in-memory storage and a hand-cranked clock. */
export function makeStore(options: { storage?: ReturnType<typeof memoryStorage>; seed?: number; waitForRoom?: boolean } = {}) {
  const storage = options.storage ?? memoryStorage();
  const time = fakeTime(0);
  const store: GameStore = createGameStore({
    library: ScenarioLibrary.of(tinyCatalog()),
    storage,
    now: time.now,
    scheduler: time.scheduler,
    randomSeed: () => options.seed ?? 42,
    stamp: () => '2025-01-01T00-00-00Z',
    waitForRoom: options.waitForRoom ?? false,
  });
  return { store, storage, time, s: () => store.getState() };
}

export type StoreState = () => ReturnType<GameStore['getState']>;

/** FixIt with the standby bought: restore (the failover is out of its reach), then tell. */
export function finishRun(s: StoreState, first = 'restore'): void {
  s().selectPartner('fixer');
  expect(s().beginBriefing()).toBeNull();
  s().showPreparation();
  expect(s().togglePreparation('replica')).toBeNull();
  expect(s().commitPreparation()).toBeNull();
  s().tick(3);
  expect(s().choose(first)).toBeNull();
  expect(s().choose('tell')).toBeNull();
  expect(s().view?.phase).toBe('ended');
}
