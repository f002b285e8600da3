import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CompiledScenario } from '../../engine/compile.ts';
import type { ScoreReport } from '../../engine/scoring.ts';
import type { GameView } from '../../engine/view.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import { CompiledCache } from '../../store/catalog.ts';
import type { ScenarioLibrary } from '../../store/scenario-library.ts';
import { createClockDriver, type Scheduler } from '../../store/clock-driver.ts';
import type { KeyValueStorage } from '../../store/storage.ts';
import { Exercise, type ExerciseDeps } from '../exercise.ts';
import { presenterFrame, type PresenterFrame } from '../frame.ts';
import { writeFrame } from '../frame-store.ts';
import { latestUnfinished, newerCopy, readCurrent, writeCurrent, type SessionArchive } from '../persist.ts';
import { mergeSessions, readSessionFile, withCollapsedTicks } from '../session-file.ts';
import { checkScenarioFile, MAX_FILE_BYTES, type ParseScenario, type ScenarioFile, type ScenarioFileStore } from '../scenario-files.ts';
import { newSession, type Session, type SessionSummary } from '../session.ts';
import { summaryOf, withSummary } from '../session-summary.ts';
import { memoryStore } from '../idb.ts';
import { saveVoteRecords } from '../room/room-storage.ts';
import type { ScenarioProblem } from '../../scenarios/load.ts';
import {
  consoleClosedMessage,
  consoleOpenMessage,
  consoleReceive,
  consoleStart,
  frameMessage,
  type ConsoleSync,
  type SyncChannel,
  type SyncMessage,
} from '../sync.ts';

// The console's state: the exercise, what it shows, and the plumbing around it. After every
// accepted command the session is written to localStorage (synchronously) and to the archive,
// and a new frame goes to the presenter. Everything with a side effect comes in through deps,
// so the whole console runs in Node tests.

export type ConsoleTab = 'exercise' | 'report' | 'sessions';

export interface ConsoleMessage {
  tone: 'error' | 'info';
  text: string;
}

export interface ConsoleState {
  session: Session;
  view: GameView | null;
  score: ScoreReport | null;
  tab: ConsoleTab;
  /** The answer to the last command that was refused, or a notice. */
  message: ConsoleMessage | null;
  /** Short text for the live region after a command succeeds. */
  announcement: { text: string; n: number };
  sync: ConsoleSync;
  /** Every session in the archive, newest first. */
  history: Session[];
  storageProblem: string | null;
  /** Scenario files opened in this browser, newest first (the scenario picker lists them). */
  files: ScenarioFile[];
  /** What was wrong with the last scenario file opened, until another is opened or dismissed. */
  fileProblems: { file: string; errors: ScenarioProblem[] } | null;
  /** The shipped scenario being downloaded because the facilitator chose it; null when none is. */
  scenarioLoad: { id: string; title: string } | null;

  /**
   * Chooses a scenario for the exercise: a shipped one by id (its data downloaded first, when this
   * browser does not have it yet), or one opened from a file. Returns the refusal.
   */
  chooseScenario(id: string, file?: { key: string; name: string }): Promise<string | null>;
  /** Runs a command on the exercise; a refusal becomes the message. Returns the refusal. */
  act(command: (ex: Exercise) => string | null, announce?: string): string | null;
  setTab(tab: ConsoleTab): void;
  dismissMessage(): void;
  notify(message: ConsoleMessage): void;
  /** Starts a new exercise; the current one stays in the history. */
  newExercise(): void;
  /** Opens a session from the history. */
  openSession(id: string): Promise<string | null>;
  removeSession(id: string): Promise<void>;
  /** Adds sessions to the archive (an import). */
  addSessions(sessions: Session[]): Promise<void>;
  /**
   * Checks a scenario file with the scenario loader; a good one is kept in the browser and chosen
   * for the exercise, a bad one leaves everything as it was and its problems in fileProblems.
   */
  openScenarioFile(name: string, bytes: Uint8Array): Promise<string | null>;
  dismissFileProblems(): void;
  /** Takes the exercise back from another console window. */
  takeControl(): Promise<void>;
  /** Checks a session file and adds what passes; existing sessions are never replaced. */
  importSessions(text: string): Promise<{ messages: string[]; problems: string[] }>;
  /** The scores of a stored session (replayed), or null before its incident starts. */
  scoreOf(session: Session): ScoreReport | null;
  /** What the session history lists for a session: its stored summary (replayed once for sessions saved before summaries). */
  summaryOf(session: Session): SessionSummary | null;
  exercise(): Exercise;
  /** The exercise's scenario as written, before the tailoring. */
  baseScenario(): Scenario | null;
  compiled(): CompiledScenario | null;
  frame(): PresenterFrame;
  dispose(): void;
}

export type ConsoleStore = StoreApi<ConsoleState>;

export interface ConsoleDeps {
  /** The shipped scenarios: their cards at once, each one's data when an exercise needs it. */
  library: ScenarioLibrary;
  storage: KeyValueStorage;
  archive: SessionArchive;
  /** Set when the archive is a stand-in (no IndexedDB): the history will not survive the tab. */
  archiveProblem?: string | null;
  openChannel(onMessage: (m: SyncMessage) => void): SyncChannel;
  now(): number;
  /** Monotonic ms for the game clock. */
  monotonic(): number;
  scheduler: Scheduler;
  newId(): string;
  randomSeed(): number;
  /** Where opened scenario files are kept (IndexedDB); in memory when not given. */
  files?: ScenarioFileStore;
  /** The scenario loader, started only when a file is opened. */
  loadParser?: () => Promise<ParseScenario>;
  /**
   * Runs a task once the console has first been drawn (the browser: after the next paint), so the
   * opening scenario's download does not compete with the page's own start. At once when not given.
   */
  afterFirstPaint?: (task: () => void) => void;
}

export async function createConsoleStore(deps: ConsoleDeps): Promise<ConsoleStore> {
  const cache = new CompiledCache();
  const { library } = deps;
  const titleOf = (id: string): string => library.catalog.find((e) => e.scenario?.id === id)?.scenario?.title ?? id;
  /** Downloads the shipped scenario a session runs, if it has one and this browser lacks it. */
  const fetchFor = async (session: Pick<Session, 'scenarioId' | 'scenarioFile'> | null): Promise<void> => {
    if (session && !session.scenarioFile && session.scenarioId) await library.load(session.scenarioId);
  };
  const fileStore = deps.files ?? memoryStore<ScenarioFile>((f) => f.key);
  const files = new Map<string, ScenarioFile>();
  const exerciseDeps: ExerciseDeps = {
    now: deps.now,
    newId: deps.newId,
    scenario: (id, file) => (file ? (files.get(file)?.scenario ?? null) : library.get(id)),
    compile: (s: Scenario) => cache.get(s),
  };
  const self = deps.newId();

  let archived: Session[] = [];
  let storageProblem = deps.archiveProblem ?? null;
  try {
    archived = await deps.archive.getAll();
  } catch (error) {
    storageProblem = `The session history could not be read (${(error as Error).message}). This exercise is still saved in this browser tab’s storage.`;
  }
  try {
    for (const f of await fileStore.getAll()) files.set(f.key, f);
  } catch (error) {
    storageProblem ??= `The scenario files opened before could not be read (${(error as Error).message}). Open them again to use them.`;
  }
  const fileList = (): ScenarioFile[] => [...files.values()].sort((a, b) => b.openedAt.localeCompare(a.openedAt));

  const fresh = (): Session => {
    const first = library.catalog.find((e) => e.scenario)?.scenario;
    return newSession({
      id: deps.newId(),
      now: new Date(deps.now()).toISOString(),
      scenarioId: first?.id ?? '',
      scenarioTitle: first?.title ?? '',
      partner: first?.partners[0]?.id ?? '',
      seed: deps.randomSeed(),
    });
  };

  // Resume the newest copy of the current session, else the latest unfinished one, else start fresh.
  const local = readCurrent(deps.storage);
  const candidate = newerCopy(local, local ? (archived.find((s) => s.id === local.id) ?? null) : latestUnfinished(archived));
  let startMessage: ConsoleMessage | null = null;
  const playable = library.catalog.some((e) => e.scenario);
  const loadProblem = library.catalog.find((e) => !e.scenario)?.errors[0]?.message;
  // Only the scenario the console opens on is downloaded now; the others when they are chosen.
  // `unavailable` says why a shipped scenario's data could not be had (offline, not yet stored).
  // An exercise still being set up shows at once, from the scenario's card, while its data arrives
  // (openingLoad); one past the set-up waits for it, since its run is rebuilt from the data.
  const opening = candidate ?? fresh();
  let unavailable: string | null = null;
  let openingLoad: { id: string; title: string } | null = null;
  if (!opening.scenarioFile && !library.get(opening.scenarioId) && library.catalog.some((e) => e.scenario?.id === opening.scenarioId)) {
    if (opening.stage === 'setup' && !opening.run) openingLoad = { id: opening.scenarioId, title: titleOf(opening.scenarioId) };
    else {
      const result = await library.load(opening.scenarioId);
      if (typeof result === 'string') unavailable = result;
    }
  }
  if (unavailable) startMessage = { tone: 'error', text: capitalise(unavailable) };
  let ex: Exercise;
  try {
    ex = Exercise.open(opening, exerciseDeps);
  } catch (error) {
    startMessage = {
      tone: 'error',
      text: playable && !unavailable
        ? `The last exercise (“${candidate?.team.name || 'unnamed team'}”) could not be resumed: ${(error as Error).message}. It is kept in the session history; a new exercise is ready.`
        : `The scenarios could not be loaded${(unavailable ?? loadProblem) ? ` (${unavailable ?? loadProblem})` : ''}, so the last exercise (“${candidate?.team.name || 'unnamed team'}”) cannot be shown. It is kept in the session history; reload once the scenarios are available.`,
    };
    if (candidate) await deps.archive.put(candidate).catch(() => undefined);
    const next = fresh();
    await fetchFor(next);
    ex = Exercise.open(next, exerciseDeps);
  }

  let channel: SyncChannel | null = null;
  let writes: Promise<void> = Promise.resolve();
  let announceN = 0;
  const scores = new Map<string, ScoreReport | null>();

  const sortHistory = (list: Session[]): Session[] => [...list].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const withSession = (list: Session[], s: Session): Session[] => sortHistory([s, ...list.filter((x) => x.id !== s.id)]);

  const store = createStore<ConsoleState>()((set, get) => {
    const frame = (): PresenterFrame => {
      const state = ex.state;
      return presenterFrame({
        session: ex.session,
        shown: ex.shown(),
        live: state ? { view: ex.view()!, state } : null,
        report: ex.score(),
      });
    };

    /** Saves, broadcasts and refreshes after the session changed. */
    const changed = (patch: Partial<ConsoleState> = {}): void => {
      const score = ex.score();
      // Saved with its scores, so the session history lists it without replaying it.
      const session = withSummary(ex.session, score);
      const problem = persist(session);
      const f = frame();
      if (get()?.sync.authority ?? true) {
        writeFrame(deps.storage, f);
        channel?.post(frameMessage(self, f));
      }
      set({
        session,
        view: ex.view(),
        score,
        history: withSession(get()?.history ?? archived, session),
        ...(problem ? { storageProblem: problem } : {}),
        ...patch,
      });
    };

    const persist = (session: Session): string | null => {
      const ok = writeCurrent(deps.storage, session);
      writes = writes
        .then(() => deps.archive.put(session))
        .catch((error: Error) => set({ storageProblem: `The session history refused to save (${error.message}). The exercise itself is still saved in this tab’s storage.` }));
      return ok ? null : 'This browser refused to save the exercise (storage full or blocked). Export the session file from Sessions now, so nothing is lost.';
    };

    const switchTo = (session: Session): string | null => {
      try {
        ex = Exercise.open(session, exerciseDeps);
      } catch (error) {
        return `This session cannot be opened: ${(error as Error).message}`;
      }
      changed({ tab: session.stage === 'debrief' ? 'report' : 'exercise', message: null });
      return null;
    };

    return {
      session: ex.session,
      view: ex.view(),
      score: ex.score(),
      tab: ex.session.stage === 'debrief' ? 'report' : 'exercise',
      message: startMessage,
      announcement: { text: '', n: 0 },
      sync: consoleStart(self),
      history: sortHistory(archived),
      storageProblem,
      files: fileList(),
      fileProblems: null,
      scenarioLoad: openingLoad,

      async chooseScenario(id, file) {
        if (!file && !library.get(id)) {
          set({ scenarioLoad: { id, title: titleOf(id) } });
          const result = await library.load(id);
          // A later choice owns the picker; this download still counts for when it is chosen again.
          if (get().scenarioLoad?.id !== id) return null;
          set({ scenarioLoad: null });
          if (typeof result === 'string') {
            set({ message: { tone: 'error', text: capitalise(result) } });
            return result;
          }
        } else if (get().scenarioLoad) set({ scenarioLoad: null });
        return get().act((x) => x.chooseScenario(id, file ?? null));
      },
      async openScenarioFile(name, bytes) {
        const refuse = (message: string): string => {
          set({ fileProblems: { file: name, errors: [{ file: name, line: 1, column: 1, path: '(file)', message }] } });
          return message;
        };
        if (bytes.byteLength > MAX_FILE_BYTES) return refuse(`the file is ${Math.ceil(bytes.byteLength / 1024)} KiB; scenario files are limited to ${MAX_FILE_BYTES / 1024} KiB`);
        if (!deps.loadParser) return refuse('this console cannot read scenario files');
        let parse: ParseScenario;
        try {
          parse = await deps.loadParser();
        } catch (error) {
          return refuse(`the scenario checker could not be loaded (${(error as Error).message}); reload the page and try again`);
        }
        let opened: Awaited<ReturnType<typeof checkScenarioFile>>;
        try {
          opened = await checkScenarioFile(name, bytes, parse, new Date(deps.now()).toISOString());
        } catch (error) {
          return refuse((error as Error).message);
        }
        if (!opened.file) {
          set({ fileProblems: { file: name, errors: opened.errors } });
          return opened.errors[0]?.message ?? 'the file is not a scenario';
        }
        const { file } = opened;
        files.set(file.key, file);
        try {
          await fileStore.put(file);
        } catch (error) {
          set({ storageProblem: `The scenario file could not be kept in this browser (${(error as Error).message}); it works until the page is closed.` });
        }
        // The file is the latest choice: a shipped scenario still downloading no longer takes its place.
        set({ files: fileList(), fileProblems: null, scenarioLoad: null });
        const why = get().act((x) => x.chooseScenario(file.scenario.id, { key: file.key, name: file.name }), `Opened ${file.name}`);
        if (why === null) {
          const warned = opened.warnings.length ? ` with ${opened.warnings.length} warning${opened.warnings.length === 1 ? '' : 's'}` : '';
          set({ message: { tone: 'info', text: `“${file.scenario.title}” from ${file.name} is checked${warned} and chosen for this exercise. It is kept in this browser.` } });
        }
        return why;
      },
      dismissFileProblems() {
        set({ fileProblems: null });
      },

      act(command, announce) {
        if (!get().sync.authority) {
          const text = 'Another console window is running this exercise. Use “Run it from here” to take over.';
          set({ message: { tone: 'error', text } });
          return text;
        }
        const rev = ex.session.rev;
        const why = command(ex);
        if (why) {
          set({ message: { tone: 'error', text: capitalise(why) } });
          return why;
        }
        if (ex.session.rev === rev) return null;
        const tab: Partial<ConsoleState> = ex.session.stage === 'debrief' && get().session.stage !== 'debrief' ? { tab: 'report' } : {};
        changed({ message: null, ...tab, ...(announce ? { announcement: { text: announce, n: ++announceN } } : {}) });
        return null;
      },
      setTab(tab) {
        set({ tab });
      },
      dismissMessage() {
        set({ message: null });
      },
      notify(message) {
        set({ message });
      },
      newExercise() {
        const current = ex.session;
        ex = Exercise.open({ ...fresh(), facilitator: current.facilitator, pace: current.pace }, exerciseDeps);
        changed({ tab: 'exercise', message: { tone: 'info', text: `A new exercise is ready. “${current.team.name || 'The previous exercise'}” is in Sessions.` } });
      },
      async openSession(id) {
        await writes;
        const session = (await deps.archive.get(id)) ?? get().history.find((s) => s.id === id) ?? null;
        if (!session) return 'that session is no longer in the history';
        await fetchFor(session);
        const why = switchTo(session);
        if (why) set({ message: { tone: 'error', text: why } });
        return why;
      },
      async removeSession(id) {
        if (id === ex.session.id) return;
        await writes;
        await deps.archive.delete(id);
        set({ history: get().history.filter((s) => s.id !== id) });
      },
      async addSessions(sessions) {
        for (const s of sessions) await deps.archive.put(s);
        set({ history: sortHistory([...sessions, ...get().history.filter((h) => !sessions.some((s) => s.id === h.id))]) });
      },
      async takeControl() {
        // The other window may have moved the exercise on: continue from the newest copy.
        const local = readCurrent(deps.storage);
        const archivedCopy = await deps.archive.get(ex.session.id).catch(() => null);
        const newest = newerCopy(local && local.id === ex.session.id ? local : null, archivedCopy) ?? ex.session;
        if (newest.rev > ex.session.rev) await fetchFor(newest);
        set({ sync: { ...get().sync, authority: true } });
        channel?.post(consoleOpenMessage(self));
        if (newest.rev > ex.session.rev) switchTo(newest);
        else changed();
      },
      async importSessions(text) {
        // Their scenarios' data first: the check replays every run.
        const listed = readSessionFile(text, () => null).sessions;
        for (const id of new Set(listed.filter((s) => !s.scenarioFile).map((s) => s.scenarioId))) await library.load(id);
        // The replay that checks an imported session also gives the scores it is stored with.
        const importedScores = new Map<Session, ScoreReport | null>();
        const checked = readSessionFile(
          text,
          (s) => {
            try {
              importedScores.set(s, Exercise.open(s, exerciseDeps).score());
              return null;
            } catch (error) {
              return (error as Error).message;
            }
          },
          titleOf,
        );
        await writes;
        const stored = await deps.archive.getAll().catch(() => get().history);
        const incoming = checked.sessions.map((s) => withSummary(s, importedScores.get(s) ?? null));
        const merged = mergeSessions(stored, incoming, deps.newId);
        await get().addSessions(merged.added);
        // A room log's votes are kept as the room kept them, under the id the session was stored with.
        merged.added.forEach((s, i) => {
          const records = checked.voteRecords?.get(merged.sources[i] ?? '');
          if (records && records.length > 0) saveVoteRecords(s.id, records, deps.storage);
        });
        return { messages: [...merged.messages, ...(checked.notes ?? [])], problems: checked.problems };
      },
      summaryOf(session) {
        if (session.summary !== undefined) return session.summary;
        // Saved before summaries existed: replayed once, and stored with its summary from then on.
        // The replay needs the scenario's data: the list shows the session again once it is here.
        if (session.run && !session.scenarioFile && !library.get(session.scenarioId) && library.catalog.some((e) => e.scenario?.id === session.scenarioId)) {
          void library.load(session.scenarioId).then((result) => {
            if (typeof result !== 'string') set({ history: [...get().history] });
          });
          return null;
        }
        const summary = summaryOf(session.stage === 'incident' || session.stage === 'debrief' ? get().scoreOf(session) : null);
        if (session.id !== ex.session.id) {
          const updated = { ...session, summary };
          writes = writes.then(() => deps.archive.put(updated)).catch(() => undefined);
          queueMicrotask(() => set({ history: get().history.map((h) => (h === session ? updated : h)) }));
        }
        return summary;
      },
      scoreOf(session) {
        const key = `${session.id}:${session.rev}`;
        if (!scores.has(key)) {
          if (scores.size > 200) scores.clear();
          let report: ScoreReport | null = null;
          try {
            // Only the scores are needed here: the merged-tick replay reaches them in a few steps.
            report = session.run ? Exercise.open(withCollapsedTicks(session), exerciseDeps).score() : null;
          } catch {
            report = null;
          }
          scores.set(key, report);
        }
        return scores.get(key) ?? null;
      },
      exercise: () => ex,
      baseScenario: () => exerciseDeps.scenario(ex.session.scenarioId, ex.session.scenarioFile?.key ?? null),
      compiled: () => ex.getCompiled(),
      frame,
      dispose() {
        driver.dispose();
        unsubscribe();
        channel?.post(consoleClosedMessage(self));
        channel?.close();
        channel = null;
      },
    };
  });

  channel = deps.openChannel((message) => {
    const { state, reply } = consoleReceive(store.getState().sync, message, store.getState().frame());
    if (state !== store.getState().sync) store.setState({ sync: state });
    if (reply) channel?.post(reply);
  });
  channel.post(consoleOpenMessage(self));
  if (openingLoad) {
    const { id } = openingLoad;
    (deps.afterFirstPaint ?? ((task) => task()))(() => {
      void library.load(id).then((result) => {
        // A choice made meanwhile owns the picker and its own download.
        if (store.getState().scenarioLoad?.id !== id) return;
        store.setState({ scenarioLoad: null, ...(typeof result === 'string' ? { message: { tone: 'error' as const, text: capitalise(result) } } : {}) });
      });
    });
  }
  // Without scenarios (a failed download) the stored exercise stays the current one for next time.
  if ((playable && !unavailable) || !candidate) writeCurrent(deps.storage, ex.session);
  writeFrame(deps.storage, store.getState().frame());
  channel.post(frameMessage(self, store.getState().frame()));

  // In the real-time mode, game time runs while a decision is open, the exercise is not paused,
  // and this window leads; in the facilitator-paced mode it only moves by the facilitator's hand.
  const driver = createClockDriver({
    now: deps.monotonic,
    scheduler: deps.scheduler,
    onTick: (minutes) => void store.getState().act((x) => (x.clockRunning ? x.tick(minutes) : null)),
  });
  const syncDriver = (s: ConsoleState): void => {
    driver.setMsPerMinute(ex.msPerGameMinute());
    driver.setRunning(s.sync.authority && ex.clockRunning);
  };
  const unsubscribe = store.subscribe(syncDriver);
  syncDriver(store.getState());
  return store;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
