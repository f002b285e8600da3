import { describe, expect, it } from 'vitest';
import { createConsoleStore, type ConsoleDeps, type ConsoleStore } from '../../src/facilitator/console/console-store.ts';
import { memoryStore } from '../../src/facilitator/idb.ts';
import { readFrame } from '../../src/facilitator/frame-store.ts';
import { readCurrent } from '../../src/facilitator/persist.ts';
import type { Session } from '../../src/facilitator/session.ts';
import { helloMessage, type SyncChannel, type SyncMessage } from '../../src/facilitator/sync.ts';
import { ScenarioLibrary } from '../../src/store/scenario-library.ts';
import type { LoadProblem } from '../../src/store/messages.ts';
import { memoryStorage } from '../../src/store/storage.ts';
import { scenarioCard } from '../../src/scenarios/bundled.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import { workshopScenario } from './helpers.ts';
import { verdictLabel } from '../../src/i18n/engine-text.ts';

/** A BroadcastChannel stand-in: every endpoint hears the others, never itself. */
function bus() {
  const endpoints = new Set<{ deliver(m: SyncMessage): void }>();
  const heard: SyncMessage[] = [];
  const open = (onMessage: (m: SyncMessage) => void): SyncChannel => {
    const endpoint = { deliver: onMessage };
    endpoints.add(endpoint);
    return {
      post(m) {
        const copy = structuredClone(m);
        heard.push(copy);
        for (const e of endpoints) if (e !== endpoint) e.deliver(copy);
      },
      close: () => void endpoints.delete(endpoint),
    };
  };
  return { open, heard };
}

/** A scheduler whose time moves only when the test says so. */
function fakeTime() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 0;
  return {
    now: () => now,
    scheduler: {
      setTimer: (fn: () => void, ms: number) => {
        const id = ++nextId;
        timers.push({ at: now + ms, fn, id });
        return id;
      },
      clearTimer: (id: unknown) => void (timers = timers.filter((t) => t.id !== id)),
    },
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        due.fn();
      }
      now = end;
    },
  };
}

function setup(shared?: { storage: ReturnType<typeof memoryStorage>; archive: ReturnType<typeof memoryStore<Session>>; bus: ReturnType<typeof bus> }) {
  const scenario = workshopScenario();
  const time = fakeTime();
  let n = 0;
  const storage = shared?.storage ?? memoryStorage();
  const archive = shared?.archive ?? memoryStore<Session>((s) => s.id);
  const b = shared?.bus ?? bus();
  const deps: ConsoleDeps = {
    library: ScenarioLibrary.of([{ file: 'tiny.yaml', scenario }]),
    storage,
    archive,
    openChannel: b.open,
    now: () => Date.parse('2025-03-14T09:00:00Z') + time.now(),
    monotonic: time.now,
    scheduler: time.scheduler,
    newId: () => `id-${shared ? 'b' : 'a'}-${++n}`,
    randomSeed: () => 42,
  };
  return { deps, storage, archive, bus: b, time };
}

async function runningConsole(env = setup(), clock: 'paced' | 'realtime' = 'realtime'): Promise<{ store: ConsoleStore } & ReturnType<typeof setup>> {
  const store = await createConsoleStore(env.deps);
  const act = store.getState().act;
  expect(act((x) => x.setClockMode(clock))).toBeNull();
  expect(act((x) => x.setTeamName('Blue team'))).toBeNull();
  expect(act((x) => x.choosePartner('ally'))).toBeNull();
  expect(act((x) => x.openBriefing())).toBeNull();
  expect(act((x) => x.startIncident())).toBeNull();
  return { store, ...env };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

/** A library of the workshop scenario and a second one, served from cards like the built app's, counting downloads. */
function downloading(fail: (id: string) => LoadProblem | null = () => null) {
  const tiny = workshopScenario();
  const other: Scenario = { ...workshopScenario(), id: 'other', title: 'Other drill' };
  const fetched: string[] = [];
  let release: () => void = () => {};
  let gate: Promise<void> = Promise.resolve();
  const library = new ScenarioLibrary(
    [other, tiny].map((s) => ({ file: `${s.id}.yaml`, scenario: scenarioCard(s), url: `/${s.id}.json`, errors: [] })),
    async (entry) => {
      fetched.push(entry.url);
      await gate;
      const id = entry.scenario!.id;
      return fail(id) ?? (id === 'other' ? other : tiny);
    },
  );
  return {
    library,
    fetched,
    /** Holds every download until the returned function is called. */
    hold: () => {
      gate = new Promise((r) => (release = r));
      return () => release();
    },
  };
}

describe('console store', () => {
  it('opens with only the first scenario downloaded and downloads another when it is chosen', async () => {
    const env = setup();
    const source = downloading();
    env.deps.library = source.library;
    const opening = source.hold();
    const store = await createConsoleStore(env.deps);
    // A new exercise opens on the first card, shown before its data has arrived.
    expect(source.fetched).toEqual(['/other.json']);
    expect(store.getState().scenarioLoad).toEqual({ id: 'other', title: 'Other drill' });
    expect(store.getState().session.scenarioTitle).toBe('Other drill');
    expect(store.getState().exercise().scenario).toBeNull();
    opening();
    await expect.poll(() => store.getState().scenarioLoad).toBeNull();
    expect(store.getState().exercise().scenario?.id).toBe('other');
    const release = source.hold();
    const chosen = store.getState().chooseScenario(workshopScenario().id);
    expect(store.getState().scenarioLoad).toEqual({ id: workshopScenario().id, title: workshopScenario().title });
    expect(store.getState().session.scenarioId).toBe('other');
    release();
    expect(await chosen).toBeNull();
    expect(source.fetched).toEqual(['/other.json', `/${workshopScenario().id}.json`]);
    expect(store.getState().scenarioLoad).toBeNull();
    expect(store.getState().session.scenarioId).toBe(workshopScenario().id);
    // Chosen again, it is not downloaded again, and the exercise runs.
    expect(await store.getState().chooseScenario('other')).toBeNull();
    expect(await store.getState().chooseScenario(workshopScenario().id)).toBeNull();
    expect(source.fetched).toHaveLength(2);
    const act = store.getState().act;
    expect(act((x) => x.setTeamName('Blue team'))).toBeNull();
    expect(act((x) => x.choosePartner('ally'))).toBeNull();
    expect(act((x) => x.openBriefing())).toBeNull();
    expect(act((x) => x.startIncident())).toBeNull();
    expect(store.getState().view?.scenarioId).toBe(workshopScenario().id);
    store.getState().dispose();
  });

  it('keeps the exercise and says why when a chosen scenario cannot be downloaded', async () => {
    const env = setup();
    const source = downloading((id) => (id === 'other' ? null : { problem: 'load.http', params: { title: 'Tiny', status: '503' } }));
    env.deps.library = source.library;
    const store = await createConsoleStore(env.deps);
    const rev = store.getState().session.rev;
    expect(await store.getState().chooseScenario(workshopScenario().id)).toMatch(/could not be downloaded/);
    expect(store.getState().message).toEqual({ tone: 'error', text: '“Tiny” could not be downloaded (HTTP 503); try again in a moment' });
    expect(store.getState().session.scenarioId).toBe('other');
    expect(store.getState().session.rev).toBe(rev);
    expect(store.getState().scenarioLoad).toBeNull();
    store.getState().dispose();
  });

  it('downloads the scenario of the exercise it resumes', async () => {
    const first = await runningConsole();
    const session = first.store.getState().session;
    first.store.getState().dispose();
    await flush();
    const env = setup({ storage: first.storage, archive: first.archive, bus: first.bus });
    const source = downloading();
    env.deps.library = source.library;
    const second = await createConsoleStore(env.deps);
    expect(source.fetched).toEqual([`/${session.scenarioId}.json`]);
    expect(second.getState().session.id).toBe(session.id);
    expect(second.getState().view?.scenarioId).toBe(session.scenarioId);
    second.getState().dispose();
  });

  it('saves the session after every accepted command, and explains a refused one', async () => {
    const { store, storage, archive } = await runningConsole();
    expect(readCurrent(storage)?.rev).toBe(store.getState().session.rev);
    const rev = store.getState().session.rev;
    expect(store.getState().act((x) => x.reveal())).toBe('there is no recorded choice waiting to be revealed');
    expect(store.getState().message).toEqual({ tone: 'error', text: 'There is no recorded choice waiting to be revealed' });
    expect(store.getState().session.rev).toBe(rev);
    store.getState().act((x) => x.addNote({ text: 'Calm start', objective: null, kind: 'observation' }));
    expect(readCurrent(storage)?.notes.map((n) => n.text)).toEqual(['Calm start']);
    await flush();
    expect((await archive.get(store.getState().session.id))?.notes).toHaveLength(1);
    store.getState().dispose();
  });

  it('runs the game clock in real time and holds it while paused', async () => {
    const { store, time } = await runningConsole();
    // Standard pace is 3 s a game minute, but the open decision's 15 minutes must last at least
    // 90 real seconds: 6 s a game minute.
    time.advance(6000 * 4);
    expect(store.getState().view?.clock).toBe(4);
    store.getState().act((x) => x.pause());
    time.advance(60_000);
    expect(store.getState().view?.clock).toBe(4);
    store.getState().act((x) => x.resume());
    // 4× would make it 0.75 s; the decision's minimum keeps 6 s.
    store.getState().act((x) => x.setSpeed(4));
    time.advance(6000);
    expect(store.getState().view?.clock).toBe(5);
    store.getState().dispose();
  });

  it('moves game time only by the facilitator’s hand in the facilitator-paced mode', async () => {
    const { store, time } = await runningConsole(setup(), 'paced');
    time.advance(10 * 60_000);
    expect(store.getState().view?.clock).toBe(0);
    expect(store.getState().act((x) => x.passTime(30))).toBeNull();
    // The decision is due at T+15: time stops a minute short, and nothing is applied.
    expect(store.getState().view?.clock).toBe(14);
    expect(store.getState().session.decision).toBe('open');
    expect(store.getState().act((x) => x.passTime(30))).toBe('the decision is due at T+0:15: record the team\'s choice, or skip the beat to apply its default');
    time.advance(10 * 60_000);
    expect(store.getState().view?.clock).toBe(14);
    store.getState().dispose();
  });

  it('answers a presenter’s hello with the current frame and sends one after each change', async () => {
    const { store, bus: b } = await runningConsole();
    const presenter = b.open(() => {});
    b.heard.length = 0;
    presenter.post(helloMessage('p1'));
    const reply = b.heard.find((m) => m.kind === 'frame');
    expect(reply?.kind === 'frame' && reply.frame.rev).toBe(store.getState().session.rev);
    expect(store.getState().sync.presenters).toEqual(['p1']);
    store.getState().act((x) => x.setVotes('wait', 2));
    const last = b.heard.at(-1);
    expect(last?.kind === 'frame' && last.frame.votes?.find((v) => v.option === 'wait')?.count).toBe(2);
    store.getState().dispose();
  });

  it('resumes where the exercise was when the console is opened again', async () => {
    const first = await runningConsole();
    first.time.advance(6000 * 2);
    first.store.getState().act((x) => x.record('restore'));
    const before = first.store.getState();
    first.store.getState().dispose();
    const second = await createConsoleStore(setup({ storage: first.storage, archive: first.archive, bus: first.bus }).deps);
    expect(second.getState().session).toEqual(before.session);
    expect(second.getState().view).toEqual(before.view);
    expect(second.getState().session.decision).toBe('recorded');
    expect(readFrame(first.storage)?.recorded?.label).toBe('Restore from backup');
    second.getState().dispose();
  });

  it('hands control to a console opened later, and can take it back with the newest copy', async () => {
    const first = await runningConsole();
    const second = await createConsoleStore(setup({ storage: first.storage, archive: first.archive, bus: first.bus }).deps);
    expect(first.store.getState().sync.authority).toBe(false);
    expect(first.store.getState().act((x) => x.pause())).toMatch(/^Another console window is running this exercise/);
    second.getState().act((x) => x.addNote({ text: 'From the second window', objective: null, kind: 'observation' }));
    await flush();
    await first.store.getState().takeControl();
    expect(first.store.getState().sync.authority).toBe(true);
    expect(second.getState().sync.authority).toBe(false);
    expect(first.store.getState().session.notes.map((n) => n.text)).toEqual(['From the second window']);
    first.store.getState().dispose();
    second.getState().dispose();
  });

  it('keeps the exercise safe and says why when the scenarios could not be loaded', async () => {
    const first = await runningConsole();
    const session = first.store.getState().session;
    first.store.getState().dispose();
    await flush();
    const env = setup({ storage: first.storage, archive: first.archive, bus: first.bus });
    env.deps.library = new ScenarioLibrary([{ file: 'scenarios.json', scenario: null, url: null, errors: [{ file: 'scenarios.json', line: 1, column: 1, path: '(file)', message: 'offline' }] }]);
    const second = await createConsoleStore(env.deps);
    expect(second.getState().message?.text).toMatch(/^The scenarios could not be loaded \(offline\), so the last exercise \(“Blue team”\) cannot be shown/);
    expect(readCurrent(first.storage)?.id).toBe(session.id);
    expect((await first.archive.get(session.id))?.rev).toBe(session.rev);
    second.getState().dispose();
  });

  it('keeps a finished exercise in the history when a new one starts, and reopens it', async () => {
    const { store } = await runningConsole();
    store.getState().act((x) => x.end());
    expect(store.getState().tab).toBe('report');
    const id = store.getState().session.id;
    store.getState().newExercise();
    await flush();
    expect(store.getState().session.stage).toBe('setup');
    expect(store.getState().history.map((s) => s.id)).toContain(id);
    expect(await store.getState().openSession(id)).toBeNull();
    expect(store.getState().session).toMatchObject({ id, stage: 'debrief' });
    store.getState().dispose();
  });

  it('saves each session with the scores the history lists, and lists them without replaying', async () => {
    const { store, archive } = await runningConsole();
    store.getState().act((x) => x.end());
    await flush();
    const score = store.getState().score!;
    const id = store.getState().session.id;
    const saved = (await archive.get(id))!;
    const expected = {
      communication: score.communication.score,
      proactivity: score.proactivity.score,
      businessImpact: score.businessImpact.score,
      overall: score.overall,
      verdict: verdictLabel(score.verdict, 'en'),
    };
    expect(saved.summary).toEqual(expected);
    // A stored session whose run no longer replays (its scenario changed) still lists its scores:
    // they come from the summary, not from a replay.
    const unplayable: Session = { ...saved, id: 'other', run: { ...saved.run!, fingerprint: 'changed-scenario' } };
    expect(store.getState().scoreOf(unplayable)).toBeNull();
    expect(store.getState().summaryOf(unplayable)).toEqual(expected);
    store.getState().dispose();
  });

  it('replays a session saved before summaries once, and stores its summary from then on', async () => {
    const first = await runningConsole();
    first.store.getState().act((x) => x.end());
    await flush();
    const id = first.store.getState().session.id;
    const { summary, ...legacy } = (await first.archive.get(id))!;
    first.store.getState().newExercise();
    await first.archive.put(legacy);
    first.store.getState().dispose();
    const env = setup({ storage: first.storage, archive: first.archive, bus: first.bus });
    const store = await createConsoleStore(env.deps);
    const listed = store.getState().history.find((s) => s.id === id)!;
    expect(listed.summary).toBeUndefined();
    expect(store.getState().summaryOf(listed)).toEqual(summary);
    await flush();
    expect((await first.archive.get(id))?.summary).toEqual(summary);
    expect(store.getState().history.find((s) => s.id === id)?.summary).toEqual(summary);
    store.getState().dispose();
  });
});
