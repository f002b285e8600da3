import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Lang } from '../../i18n/lang.ts';
import { consoleLang, hasConsoleWords, sayRefusal, t, useLang } from './i18n.ts';
import type { CompiledScenario } from '../../engine/compile.ts';
import type { ScoreReport } from '../../engine/scoring.ts';
import type { GameView } from '../../engine/view.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import { CompiledCache } from '../../store/catalog.ts';
import { sayLoadProblem } from '../../store/messages.ts';
import { isLoadProblem, type ScenarioLibrary } from '../../store/scenario-library.ts';
import { createClockDriver, type Scheduler } from '../../store/clock-driver.ts';
import type { KeyValueStorage } from '../../store/storage.ts';
import { Exercise, type ExerciseDeps } from '../exercise.ts';
import type { Refusal } from '../refusals.ts';
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
  /** The language the console speaks (the presenter follows it; so does a scenario still being set up, where it has a translation). */
  lang: Lang;

  /**
   * Chooses a scenario for the exercise: a shipped one by id (its data downloaded first, when this
   * browser does not have it yet), or one opened from a file. Returns the refusal.
   */
  chooseScenario(id: string, file?: { key: string; name: string }): Promise<string | null>;
  /** Runs a command on the exercise; a refusal becomes the message, in the console's language. Returns that text. */
  act(command: (ex: Exercise) => Refusal, announce?: string): string | null;
  setTab(tab: ConsoleTab): void;
  /**
   * Speaks `lang` from now on (its words fetched first, if need be): the console, the presenter,
   * and, while the exercise is set up, the scenario's text where it has that translation.
   */
  setLang(lang: Lang): Promise<void>;
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
  /** The language to start in (the browser's remembered choice); English when not given. */
  lang?: Lang;
  /** Fetches the console's words in `lang`; false when they cannot come. Words already in hand when not given. */
  loadWords?: (lang: Lang) => Promise<boolean>;
}

export async function createConsoleStore(deps: ConsoleDeps): Promise<ConsoleStore> {
  const cache = new CompiledCache();
  const { library } = deps;
  const initialLang: Lang = deps.lang && hasConsoleWords(deps.lang) ? deps.lang : 'en';
  useLang(initialLang);
  const titleOf = (id: string): string => library.catalog.find((e) => e.scenario?.id === id)?.scenario?.title ?? id;
  /** Downloads the shipped scenario a session runs, if it has one and this browser lacks it. */
  const fetchFor = async (session: Pick<Session, 'scenarioId' | 'scenarioFile'> & { scenarioLang?: Lang } | null): Promise<void> => {
    if (!session || session.scenarioFile || !session.scenarioId) return;
    await library.load(session.scenarioId);
    // Its run was made on the scenario in that language: the replay needs the same text.
    await fetchTranslation(session.scenarioId, session.scenarioLang ?? 'en');
  };
  const fileStore = deps.files ?? memoryStore<ScenarioFile>((f) => f.key);
  const files = new Map<string, ScenarioFile>();

  // A scenario in another language comes from the library, which fetches its translation and
  // keeps the localized scenario (the same object, so the same compile, each time it is asked for).
  /** The language a scenario runs in when the console speaks `lang`: that one if the scenario has it, else English. */
  const scenarioLangFor = (id: string, file: boolean, lang: Lang): Lang => (file ? 'en' : library.languageOf(id, lang));
  /** Fetches a scenario in `lang`, if it has that translation and it is not here yet; a string says why it could not. */
  const fetchTranslation = async (id: string, lang: Lang): Promise<string | null> => {
    if (lang === 'en' || library.get(id, lang)) return null;
    const result = await library.load(id, lang);
    return isLoadProblem(result) ? sayLoadProblem(result, consoleLang()) : null;
  };

  const exerciseDeps: ExerciseDeps = {
    now: deps.now,
    newId: deps.newId,
    scenario: (id, file, lang = 'en') => {
      if (file) return files.get(file)?.scenario ?? null;
      // Until its translation is here, a scenario reads as English (a restore fetches it first).
      return library.get(id, lang) ?? library.get(id);
    },
    compile: (s: Scenario) => cache.get(s),
    wordsLang: consoleLang,
  };
  const self = deps.newId();

  let archived: Session[] = [];
  let storageProblem = deps.archiveProblem ?? null;
  try {
    archived = await deps.archive.getAll();
  } catch (error) {
    storageProblem = t('historyUnreadable', { message: (error as Error).message });
  }
  try {
    for (const f of await fileStore.getAll()) files.set(f.key, f);
  } catch (error) {
    storageProblem ??= t('filesUnreadable', { message: (error as Error).message });
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
      if (isLoadProblem(result)) unavailable = sayLoadProblem(result, consoleLang());
    }
  }
  // A run made on a translated scenario replays on the same text.
  if (opening.run && opening.scenarioLang && opening.scenarioLang !== 'en') {
    const why = await fetchTranslation(opening.scenarioId, opening.scenarioLang);
    if (why) unavailable ??= why;
  }
  if (unavailable) startMessage = { tone: 'error', text: capitalise(unavailable) };
  let ex: Exercise;
  try {
    ex = Exercise.open(opening, exerciseDeps);
  } catch (error) {
    startMessage = {
      tone: 'error',
      text: playable && !unavailable
        ? t('resumeFailed', { team: candidate?.team.name || t('unnamedTeam'), message: (error as Error).message })
        : t('scenariosMissing', { why: (unavailable ?? loadProblem) ? ` (${unavailable ?? loadProblem})` : '', team: candidate?.team.name || t('unnamedTeam') }),
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
        lang: get()?.lang ?? initialLang,
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
        .catch((error: Error) => set({ storageProblem: t('historyRefused', { message: error.message }) }));
      return ok ? null : t('storageRefused');
    };

    const switchTo = (session: Session): string | null => {
      try {
        ex = Exercise.open(session, exerciseDeps);
      } catch (error) {
        return t('sessionUnopenable', { message: (error as Error).message });
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
      lang: initialLang,

      async chooseScenario(id, file) {
        if (!file && !library.get(id)) {
          set({ scenarioLoad: { id, title: titleOf(id) } });
          const result = await library.load(id);
          // A later choice owns the picker; this download still counts for when it is chosen again.
          if (get().scenarioLoad?.id !== id) return null;
          set({ scenarioLoad: null });
          if (isLoadProblem(result)) {
            const why = sayLoadProblem(result, get().lang);
            set({ message: { tone: 'error', text: capitalise(why) } });
            return why;
          }
        } else if (get().scenarioLoad) set({ scenarioLoad: null });
        const lang = await scenarioLangIn(id, !!file, get().lang);
        return get().act((x) => x.chooseScenario(id, file ?? null, lang));
      },
      async openScenarioFile(name, bytes) {
        const refuse = (message: string): string => {
          set({ fileProblems: { file: name, errors: [{ file: name, line: 1, column: 1, path: '(file)', message }] } });
          return message;
        };
        if (bytes.byteLength > MAX_FILE_BYTES) return refuse(t('fileTooBig', { size: Math.ceil(bytes.byteLength / 1024), limit: MAX_FILE_BYTES / 1024 }));
        if (!deps.loadParser) return refuse(t('noFileReader'));
        let parse: ParseScenario;
        try {
          parse = await deps.loadParser();
        } catch (error) {
          return refuse(t('checkerUnloadable', { message: (error as Error).message }));
        }
        let opened: Awaited<ReturnType<typeof checkScenarioFile>>;
        try {
          opened = await checkScenarioFile(name, bytes, parse, new Date(deps.now()).toISOString());
        } catch (error) {
          return refuse((error as Error).message);
        }
        if (!opened.file) {
          set({ fileProblems: { file: name, errors: opened.errors } });
          return opened.errors[0]?.message ?? t('notAScenario');
        }
        const { file } = opened;
        files.set(file.key, file);
        try {
          await fileStore.put(file);
        } catch (error) {
          set({ storageProblem: t('fileNotKept', { message: (error as Error).message }) });
        }
        // The file is the latest choice: a shipped scenario still downloading no longer takes its place.
        set({ files: fileList(), fileProblems: null, scenarioLoad: null });
        const why = get().act((x) => x.chooseScenario(file.scenario.id, { key: file.key, name: file.name }), t('said.opened', { file: file.name }));
        if (why === null) {
          const named = { title: file.scenario.title, file: file.name };
          const text = opened.warnings.length ? t('fileChosenWarned', { ...named, count: opened.warnings.length }) : t('fileChosen', named);
          set({ message: { tone: 'info', text } });
        }
        return why;
      },
      dismissFileProblems() {
        set({ fileProblems: null });
      },

      act(command, announce) {
        if (!get().sync.authority) {
          const text = t('otherWindow');
          set({ message: { tone: 'error', text } });
          return text;
        }
        const rev = ex.session.rev;
        const refused = command(ex);
        if (refused) {
          const why = sayRefusal(refused);
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
      async setLang(lang) {
        if (!(await (deps.loadWords ?? (async (l: Lang) => hasConsoleWords(l)))(lang))) return;
        useLang(lang);
        set({ lang });
        // The presenter follows: a new frame in the new language.
        changed();
        await alignScenarioLang();
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
        changed({ tab: 'exercise', message: { tone: 'info', text: t('newReady', { team: current.team.name || t('previousExercise') }) } });
        void alignScenarioLang();
      },
      async openSession(id) {
        await writes;
        const session = (await deps.archive.get(id)) ?? get().history.find((s) => s.id === id) ?? null;
        if (!session) return t('sessionGone');
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
        for (const s of listed) if (!s.scenarioFile && s.scenarioLang !== 'en') await fetchTranslation(s.scenarioId, s.scenarioLang);
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
            if (!isLoadProblem(result)) set({ history: [...get().history] });
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
      baseScenario: () => exerciseDeps.scenario(ex.session.scenarioId, ex.session.scenarioFile?.key ?? null, ex.session.scenarioLang),
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

  /** The scenario's language for a choice made while the console speaks `lang`, its translation fetched first (English when it cannot come). */
  async function scenarioLangIn(id: string, file: boolean, lang: Lang): Promise<Lang> {
    const wanted = scenarioLangFor(id, file, lang);
    const why = await fetchTranslation(id, wanted);
    if (!why) return wanted;
    store.setState({ message: { tone: 'error', text: t('translationUnavailable', { title: titleOf(id), message: why }) } });
    return 'en';
  }
  /** While the exercise is set up, its scenario's text follows the console's language where it can. */
  async function alignScenarioLang(): Promise<void> {
    const s = store.getState();
    if (s.session.stage !== 'setup' || !s.sync.authority || s.scenarioLoad) return;
    const lang = await scenarioLangIn(s.session.scenarioId, !!s.session.scenarioFile, s.lang);
    const now = store.getState().session;
    if (now.stage !== 'setup' || now.scenarioId !== s.session.scenarioId || now.scenarioLang === lang) return;
    store.getState().act((x) => x.setScenarioLang(lang));
  }

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
        store.setState({ scenarioLoad: null, ...(isLoadProblem(result) ? { message: { tone: 'error' as const, text: capitalise(sayLoadProblem(result, store.getState().lang)) } } : {}) });
        void alignScenarioLang();
      });
    });
  } else if (opening.stage === 'setup') void alignScenarioLang();
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
