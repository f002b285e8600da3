import { describe, expect, it } from 'vitest';
import { scenarioCard } from '../../src/scenarios/bundled.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import { createGameStore } from '../../src/store/game-store.ts';
import { ScenarioLibrary } from '../../src/store/scenario-library.ts';
import { memoryStorage, STORAGE_KEYS } from '../../src/store/storage.ts';
import { tinyScenario } from '../fixtures/tiny-scenario.ts';
import { fakeTime } from './fake-time.ts';
import { finishRun, makeStore } from './helpers.ts';
import { storeHistoryActions } from '../../src/ui/parts/history.ts';

/** A library of the tiny scenario whose download the test resolves by hand. */
function handLibrary() {
  const scenario = tinyScenario();
  const calls: ((result: Scenario | string) => void)[] = [];
  const library = new ScenarioLibrary(
    [{ file: 'tiny.yaml', scenario: scenarioCard(scenario), url: '/tiny.json', errors: [] }],
    () => new Promise((resolve) => calls.push(resolve)),
  );
  return { scenario, library, calls };
}

function storeOn(library: ScenarioLibrary, storage = memoryStorage()) {
  const time = fakeTime(0);
  return createGameStore({ library, storage, now: time.now, scheduler: time.scheduler, randomSeed: () => 7, stamp: () => '2025-01-01T00-00-00Z' });
}

describe('ScenarioLibrary', () => {
  it('downloads a scenario once, however many ask, and keeps it', async () => {
    const { scenario, library, calls } = handLibrary();
    const a = library.load(scenario.id);
    const b = library.load(scenario.id);
    expect(calls).toHaveLength(1);
    expect(library.get(scenario.id)).toBeNull();
    calls[0]!(scenario);
    expect(await a).toBe(scenario);
    expect(await b).toBe(scenario);
    expect(library.get(scenario.id)).toBe(scenario);
    await library.load(scenario.id);
    expect(calls).toHaveLength(1);
  });

  it('reports a failed download and tries again on the next request', async () => {
    const { scenario, library, calls } = handLibrary();
    const first = library.load(scenario.id);
    calls[0]!('“Tiny outage” could not be downloaded (HTTP 503); try again in a moment');
    expect(await first).toMatch(/HTTP 503/);
    const second = library.load(scenario.id);
    expect(calls).toHaveLength(2);
    calls[1]!(scenario);
    expect(await second).toBe(scenario);
  });

  it('turns scenarios that cannot be had into cards saying why (facilitator mode)', async () => {
    const { library, calls } = handLibrary();
    const all = library.loadAll();
    calls[0]!('offline');
    const [entry] = await all;
    expect(entry!.scenario).toBeNull();
    expect(entry!.errors[0]!.message).toBe('offline');
  });
});

describe('the game store with scenarios downloaded on demand', () => {
  it('shows the download, refuses the briefing until the data is here, then opens it', async () => {
    const { scenario, library, calls } = handLibrary();
    const store = storeOn(library);
    store.getState().selectScenario(scenario.id);
    expect(store.getState().scenarioLoad).toEqual({ id: scenario.id, message: null });
    expect(store.getState().beginBriefing()).toBe('the scenario is still downloading');
    calls[0]!(scenario);
    await library.load(scenario.id);
    await Promise.resolve();
    expect(store.getState().scenarioLoad).toBeNull();
    expect(store.getState().beginBriefing()).toBeNull();
    expect(store.getState().screen).toBe('briefing');
  });

  it('says why a download failed, and a retry clears it', async () => {
    const { scenario, library, calls } = handLibrary();
    const store = storeOn(library);
    const failed = store.getState().loadScenario(scenario.id);
    calls[0]!('“Tiny outage” is not stored in this browser yet and you are offline; connect to the internet and try again');
    expect(await failed).toMatch(/offline/);
    expect(store.getState().scenarioLoad?.message).toMatch(/offline/);
    expect(store.getState().beginBriefing()).toMatch(/offline/);
    const retry = store.getState().loadScenario(scenario.id);
    calls[1]!(scenario);
    expect(await retry).toBeNull();
    expect(store.getState().scenarioLoad).toBeNull();
  });

  it('keeps a save whose scenario could not be downloaded, and says so', () => {
    const first = makeStore();
    first.s().beginBriefing();
    const raw = first.storage.getItem(STORAGE_KEYS.save);
    expect(raw).not.toBeNull();
    const { library } = handLibrary();
    const store = storeOn(library, first.storage);
    expect(store.getState().notice?.title).toBe('Your saved game is waiting');
    expect(store.getState().screen).toBe('title');
    expect(first.storage.getItem(STORAGE_KEYS.save)).toBe(raw);
  });
});

describe('reopening a past run whose scenario is not downloaded yet', () => {
  it('downloads the scenario first, then opens the debrief; a failed download says why', async () => {
    const first = makeStore();
    const s = () => first.store.getState();
    finishRun(s);
    const id = s().historyId!;
    s().showTitle();
    s().dispose();

    const { scenario, library, calls } = handLibrary();
    const store = storeOn(library, first.storage);
    const actions = storeHistoryActions(store);
    const failing = actions.open(id);
    calls[0]!('“Tiny outage” could not be downloaded (HTTP 503); try again in a moment');
    expect(await failing).toMatch(/HTTP 503/);
    expect(store.getState().screen).toBe('title');

    const opening = actions.open(id);
    calls[1]!(scenario);
    expect(await opening).toBeNull();
    expect(store.getState().screen).toBe('debrief');
    store.getState().dispose();
  });
});
