import { describe, expect, it } from 'vitest';
import { scenarioCard } from '../../src/scenarios/bundled.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import { createGameStore } from '../../src/store/game-store.ts';
import type { LoadProblem } from '../../src/store/messages.ts';
import { ScenarioLibrary } from '../../src/store/scenario-library.ts';
import { memoryStorage, STORAGE_KEYS } from '../../src/store/storage.ts';
import { tinyScenario } from '../fixtures/tiny-scenario.ts';
import { fakeTime } from './fake-time.ts';
import { finishRun, makeStore } from './helpers.ts';
import { storeHistoryActions } from '../../src/ui/parts/history.ts';

/** A library of the tiny scenario whose download the test resolves by hand. */
function handLibrary() {
  const scenario = tinyScenario();
  const calls: ((result: Scenario | LoadProblem) => void)[] = [];
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
    calls[0]!({ problem: 'load.http', params: { title: 'Tiny outage', status: '503' } });
    expect(await first).toEqual({ problem: 'load.http', params: { title: 'Tiny outage', status: '503' } });
    const second = library.load(scenario.id);
    expect(calls).toHaveLength(2);
    calls[1]!(scenario);
    expect(await second).toBe(scenario);
  });
});

/** Two scenarios, downloaded by hand, in a library that keeps `keep` of them. */
function twoScenarioLibrary(keep: number) {
  const a = tinyScenario();
  const b: Scenario = { ...tinyScenario(), id: 'tiny-two', title: 'Tiny outage, again' };
  const calls: { id: string; resolve: (result: Scenario | LoadProblem) => void }[] = [];
  const library = new ScenarioLibrary(
    [a, b].map((s) => ({ file: `${s.id}.yaml`, scenario: scenarioCard(s), url: `/${s.id}.json`, errors: [] })),
    (entry) => new Promise((resolve) => calls.push({ id: entry.scenario!.id, resolve })),
    { keep },
  );
  return { a, b, library, calls };
}

describe('ScenarioLibrary keeping only the scenarios asked for last', () => {
  it('lets go of an older scenario and downloads it again when it is asked for', async () => {
    const { a, b, library, calls } = twoScenarioLibrary(1);
    const first = library.load(a.id);
    calls[0]!.resolve(a);
    await first;
    const second = library.load(b.id);
    calls[1]!.resolve(b);
    await second;
    expect(library.get(b.id)).toBe(b);
    expect(library.get(a.id)).toBeNull();
    const again = library.load(a.id);
    expect(calls).toHaveLength(3);
    calls[2]!.resolve(a);
    expect(await again).toBe(a);
    expect(library.get(b.id)).toBeNull();
  });

  it('keeps the scenario asked for last when an earlier download arrives after it', async () => {
    const { a, b, library, calls } = twoScenarioLibrary(1);
    const slow = library.load(a.id);
    const chosen = library.load(b.id);
    calls[1]!.resolve(b);
    calls[0]!.resolve(a);
    await Promise.all([slow, chosen]);
    expect(library.get(b.id)).toBe(b);
    expect(library.get(a.id)).toBeNull();
  });

  it('keeps every scenario by default (facilitator mode offers them all)', async () => {
    const { a, b, library, calls } = twoScenarioLibrary(Infinity);
    const both = Promise.all([library.load(a.id), library.load(b.id)]);
    calls[0]!.resolve(a);
    calls[1]!.resolve(b);
    await both;
    expect(library.get(a.id)).toBe(a);
    expect(library.get(b.id)).toBe(b);
  });

  it('lets the game start the scenario chosen last, and reopen a past run of one it let go of', async () => {
    const { a, b, library, calls } = twoScenarioLibrary(1);
    const store = storeOn(library);
    const s = () => store.getState();
    const loading = s().loadScenario(a.id);
    calls[0]!.resolve(a);
    expect(await loading).toBeNull();
    s().selectScenario(a.id);
    finishRun(s);
    const pastRun = s().historyId!;
    s().showTitle();

    s().selectScenario(b.id);
    calls[1]!.resolve(b);
    await library.load(b.id);
    expect(library.get(a.id)).toBeNull();
    expect(s().beginBriefing()).toBeNull();
    expect(s().scenario?.id).toBe(b.id);
    // Finish the new run before reopening the old one (a run in progress cannot be replaced).
    s().showPreparation();
    expect(s().commitPreparation()).toBeNull();
    s().tick(3);
    expect(s().choose('restore')).toBeNull();
    expect(s().choose('tell')).toBeNull();
    s().showTitle();

    const opening = storeHistoryActions(store).open(pastRun);
    expect(calls).toHaveLength(3);
    calls[2]!.resolve(a);
    expect(await opening).toBeNull();
    expect(s().screen).toBe('debrief');
    expect(s().scenario?.id).toBe(a.id);
    s().dispose();
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
    calls[0]!({ problem: 'load.offline', params: { title: 'Tiny outage' } });
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
    calls[0]!({ problem: 'load.http', params: { title: 'Tiny outage', status: '503' } });
    expect(await failing).toMatch(/HTTP 503/);
    expect(store.getState().screen).toBe('title');

    const opening = actions.open(id);
    calls[1]!(scenario);
    expect(await opening).toBeNull();
    expect(store.getState().screen).toBe('debrief');
    store.getState().dispose();
  });
});
