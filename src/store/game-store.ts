import { MAX_SEED, seedProblem } from '../engine/rng.ts';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CompiledScenario } from '../engine/compile.ts';
import type { RunEvent } from '../engine/machine.ts';
import { refusal, Run } from '../engine/runtime.ts';
import { scoreRun, type ScoreReport } from '../engine/scoring.ts';
import type { GameView } from '../engine/view.ts';
import type { Lang } from '../i18n/lang.ts';
import { refusalText, seedProblemText } from '../i18n/refusal-text.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { clearAutosave, readAutosave, savedScenarioId, savedScenarioLang, writeAutosave, type SessionMeta } from './autosave.ts';
import { PACE_SECONDS, type Pace, type Speed } from './pace.ts';
import type { CatalogueEntry } from '../scenarios/bundled.ts';
import { CompiledCache } from './catalog.ts';
import { isLoadProblem, type ScenarioLibrary } from './scenario-library.ts';
import { createClockDriver, type Scheduler } from './clock-driver.ts';
import { money } from './format.ts';
import { sayLoadProblem, storeText } from './messages.ts';
import { deleteRuns, historyEntry, readHistory, recordRun, type HistoryEntry } from './history.ts';
import { STORAGE_KEYS, tryRead, tryWrite, type KeyValueStorage } from './storage.ts';

// The one place that owns the running game. Screens and the Phaser scene read this state and
// call its commands; nothing else talks to the engine. See scratch/STORE-CONTRACT.md.

export type Screen = 'title' | 'picker' | 'briefing' | 'preparation' | 'incident' | 'debrief';

export type PauseReason = 'player' | 'resumed' | 'hidden';

export interface Notice {
  tone: 'error' | 'info';
  title: string;
  text: string;
}

export interface Selection {
  scenarioId: string | null;
  partnerId: string | null;
  seed: number;
  pace: Pace;
}

export interface GameState {
  screen: Screen;
  /** The language every screen and the war room speak; the player's choice (setLang). */
  lang: Lang;
  /**
   * The language the running scenario's text is in: the language it was started in when the
   * scenario has that translation, else English. A run keeps it across a change of `lang` and a reload.
   */
  runLang: Lang;
  /** The running scenario; null on title and picker when no run exists. */
  scenario: Scenario | null;
  /** Recomputed after every engine event; null when no run exists. */
  view: GameView | null;
  paused: boolean;
  pauseReason: PauseReason | null;
  speed: Speed;
  reducedMotion: boolean;
  muted: boolean;
  /** Sound volume, 0 (silent) to 1; kept apart from muted so unmuting restores it. */
  volume: number;
  /**
   * False from the moment the incident screen opens until the war room has drawn its first
   * frame (see GameStoreDeps.waitForRoom): the game clock does not run before the room is seen.
   */
  roomReady: boolean;

  catalog: CatalogueEntry[];
  /**
   * The scenario whose data is being downloaded (message null) or failed to download (message
   * says why); null when the selected scenario's data is in hand or nothing is selected.
   */
  scenarioLoad: { id: string; message: string | null } | null;
  selection: Selection;
  /** Measures ticked on the preparation screen, not yet committed. */
  prep: { selected: string[]; message: string | null };
  /** Set when the run reaches an ending. */
  report: ScoreReport | null;
  history: HistoryEntry[];
  /** The history entry of the finished run on screen, once recorded or reopened. */
  historyId: string | null;
  notice: Notice | null;

  showTitle(): void;
  /** Speaks `lang` from now on; the picker's scenario is fetched in it for the next run. */
  setLang(lang: Lang): void;
  showPicker(): void;
  selectScenario(id: string): void;
  /** Downloads a scenario's data in `lang` (the current language by default) if it is not here yet; resolves to why it failed, or null. */
  loadScenario(id: string, lang?: Lang): Promise<string | null>;
  selectPartner(id: string): void;
  /** Returns why the seed was refused, or null. */
  setSeed(seed: number): string | null;
  rollSeed(): void;
  setPace(pace: Pace): void;
  /** Starts a run from the selection and opens the briefing. Returns why it could not, or null. */
  beginBriefing(): string | null;
  showBriefing(): void;
  showPreparation(): void;
  /** Ticks or unticks a measure; refuses (with a message in prep.message) what the budget cannot pay. */
  togglePreparation(measure: string): string | null;
  commitPreparation(): string | null;
  choose(option: string): string | null;
  tick(minutes: number): void;
  pause(reason?: PauseReason): void;
  resume(): void;
  togglePause(): void;
  setSpeed(speed: Speed): void;
  /** Returns to a run left for the title screen. */
  continueRun(): void;
  showDebrief(): void;
  playAgain(sameSeed: boolean): string | null;
  /** Rebuilds a past run from its seed and inputs and opens its debrief. Returns why it could not, or null. */
  openHistory(id: string): string | null;
  /** Starts the same scenario, partner and seed as a past run. */
  replayHistorySeed(id: string): string | null;
  /** Deletes one past run, or all of them with null. */
  deleteHistory(id: string | null): void;
  /** Replays the finished run up to its n-th decision (1-based) and lets the player choose again from there. */
  whatIf(decision: number): string | null;
  setMuted(muted: boolean): void;
  /** Sets the volume (clamped to 0..1) and remembers it across reloads. */
  setVolume(volume: number): void;
  setReducedMotion(reduced: boolean): void;
  /** The war room view reports that it has drawn (or could not load and the HTML stands alone). */
  setRoomReady(ready: boolean): void;
  dismissNotice(): void;

  /** The selected scenario's data in the language it will be played in, once downloaded (the picker shows its partners from it). */
  selectedScenario(): Scenario | null;
  /** The run itself, for exports; null when there is none. */
  getRun(): Run | null;
  getCompiled(): CompiledScenario | null;
  /** Stops the clock for good (tests, page unload). */
  dispose(): void;
}

export type GameStore = StoreApi<GameState>;

export interface GameStoreDeps {
  /** The catalogue's cards, and each scenario's data once downloaded. */
  library: ScenarioLibrary;
  storage: KeyValueStorage;
  /** Real time in ms, for the clock and for dating history entries. */
  now: () => number;
  scheduler: Scheduler;
  randomSeed: () => number;
  reducedMotion?: boolean;
  /** ISO time stamps for history and set-aside saves; defaults to new Date(now()). */
  stamp?: () => string;
  /** When true, the clock waits for setRoomReady(true) each time the incident screen opens. */
  waitForRoom?: boolean;
  /** The language to start in (the remembered choice or the browser's); English by default. */
  lang?: Lang;
}

export { MAX_SEED } from '../engine/rng.ts';

export function createGameStore(deps: GameStoreDeps): GameStore {
  const { storage, library } = deps;
  const { catalog } = library;
  const stamp = deps.stamp ?? ((): string => new Date(deps.now()).toISOString());
  const compiledCache = new CompiledCache();
  let run: Run | null = null;
  let compiled: CompiledScenario | null = null;
  /** Set while a what-if branch is played: the run and decision it branched from. */
  let branchOf: { id: string; decision: number } | null = null;

  const store = createStore<GameState>()((set, get) => {
    const firstPlayable = catalog.find((e) => e.scenario !== null)?.scenario ?? null;

    /** Applies an engine event, refreshes the view, autosaves, and scores the run if it ended. */
    const send = (event: RunEvent): string | null => {
      if (!run || !compiled) return storeText(get().lang)('noGame');
      const why = refusal(compiled, run.state, event);
      if (why) return refusalText(why, get().lang);
      run.send(event);
      const patch: Partial<GameState> = { view: run.view(get().lang) };
      if (run.isOver && get().report === null) {
        const report = scoreRun(compiled.index, run.log);
        patch.report = report;
        const endedAt = stamp();
        const id = uniqueId(get().history, `${compiled.index.scenario.id}-${run.state.seed}-${endedAt}`);
        const { metrics } = run.state;
        patch.history = recordRun(storage, get().history, {
          ...historyEntry(
            {
              scenarioId: compiled.index.scenario.id,
              title: compiled.index.scenario.title,
              seed: run.state.seed,
              partner: patch.view!.partner.name,
              outcome: patch.view!.ending?.outcome ?? null,
            },
            report,
            endedAt,
          ),
          id,
          partnerId: run.state.partnerId,
          fingerprint: compiled.index.fingerprint,
          ...(get().runLang !== 'en' ? { lang: get().runLang } : {}),
          inputs: [...run.inputs],
          figures: { revenueLost: metrics.revenueLost, downtimeMinutes: metrics.downtimeMinutes, customersAffected: metrics.customersAffected, clock: run.state.clock, ending: run.state.ending },
          ...(branchOf ? { parent: branchOf } : {}),
        });
        patch.historyId = id;
        branchOf = null;
      }
      if (!writeAutosave(storage, run, meta(false))) {
        const t = storeText(get().lang);
        patch.notice = { tone: 'error', title: t('autosaveFailedTitle'), text: t('autosaveFailedText') };
      }
      set(patch);
      return null;
    };

    const meta = (briefing: boolean): SessionMeta => ({
      pace: get().selection.pace,
      speed: get().speed,
      briefing,
      prep: get().prep.selected,
      ...(branchOf ? { branchOf } : {}),
      // The scenario's language: a localized scenario has its own fingerprint, so a reload must localize it the same way.
      ...(get().runLang !== 'en' ? { lang: get().runLang } : {}),
    });

    const startRun = (scenario: Scenario, partnerId: string, seed: number, runLang: Lang): string | null => {
      branchOf = null;
      try {
        compiled = compiledCache.get(scenario);
        run = Run.start(compiled, { seed, partner: partnerId });
      } catch (error) {
        run = null;
        compiled = null;
        return `"${scenario.title}" cannot start: ${(error as Error).message}`;
      }
      // A new run starts at 1×, whatever speed the last one ended at, and with nothing ticked.
      set({ speed: 1, prep: { selected: [], message: null }, runLang });
      writeAutosave(storage, run, meta(true));
      set({
        screen: 'briefing',
        scenario,
        view: run.view(get().lang),
        report: null,
        historyId: null,
        paused: false,
        pauseReason: null,
      });
      return null;
    };

    /** A past run rebuilt from its seed and inputs, or why it cannot be. */
    const rebuild = (entry: HistoryEntry | undefined): { scenario: Scenario; compiled: CompiledScenario; run: Run; lang: Lang } | string => {
      const t = storeText(get().lang);
      if (!entry) return t('runGone');
      if (!entry.inputs || !entry.partnerId) return t('runTooOld', { title: entry.title });
      const lang = entry.lang ?? 'en';
      const scenario = library.get(entry.scenarioId, lang);
      if (!scenario) return t('scenarioGone', { title: entry.title });
      const c = compiledCache.get(scenario);
      if (entry.fingerprint !== c.index.fingerprint) return t('scenarioChanged', { title: entry.title });
      try {
        const r = Run.start(c, { seed: entry.seed, partner: entry.partnerId });
        for (const input of entry.inputs) r.send(input);
        return { scenario, compiled: c, run: r, lang };
      } catch (error) {
        return `the run of “${entry.title}” does not replay: ${(error as Error).message}`;
      }
    };

    /** Refuses to replace a run that is still being played. */
    const liveRun = (): string | null =>
      run && !run.isOver ? storeText(get().lang)('runInProgress') : null;

    const leaveRun = (): void => {
      // A finished run lives on in the history; the autosave is only for resuming.
      if (run?.isOver) clearAutosave(storage);
    };

    return {
      screen: 'title',
      lang: deps.lang ?? 'en',
      runLang: 'en',
      scenario: null,
      view: null,
      paused: false,
      pauseReason: null,
      speed: 1,
      reducedMotion: deps.reducedMotion ?? false,
      muted: tryRead(storage, STORAGE_KEYS.muted) === 'true',
      volume: savedVolume(tryRead(storage, STORAGE_KEYS.volume)),
      roomReady: !deps.waitForRoom,
      catalog,
      scenarioLoad: null,
      selection: {
        scenarioId: firstPlayable?.id ?? null,
        partnerId: firstPlayable?.partners[0]?.id ?? null,
        seed: clampSeed(deps.randomSeed()),
        pace: 'standard',
      },
      prep: { selected: [], message: null },
      report: null,
      history: readHistory(storage),
      historyId: null,
      notice: null,

      showTitle() {
        if (run?.isOver) {
          leaveRun();
          run = null;
          compiled = null;
          set({ screen: 'title', scenario: null, view: null, report: null });
          return;
        }
        set({ screen: 'title', paused: run ? true : get().paused, pauseReason: run ? 'player' : get().pauseReason });
      },
      setLang(lang) {
        if (lang === get().lang) return;
        set({ lang });
        // The next run is played in the new language: fetch the chosen scenario's data in it now.
        const { scenarioId } = get().selection;
        if (scenarioId && get().screen === 'picker') void get().loadScenario(scenarioId);
      },
      showPicker() {
        set({ screen: 'picker' });
        // The selected scenario's data is needed for the briefing: fetch it while the player reads.
        const { scenarioId } = get().selection;
        if (scenarioId) void get().loadScenario(scenarioId);
      },
      selectScenario(id) {
        const scenario = catalog.find((e) => e.scenario?.id === id)?.scenario;
        if (!scenario) return;
        const current = get().selection;
        const keepPartner = scenario.partners.some((p) => p.id === current.partnerId);
        set({ selection: { ...current, scenarioId: id, partnerId: keepPartner ? current.partnerId : (scenario.partners[0]?.id ?? null) } });
        void get().loadScenario(id);
      },
      async loadScenario(id, lang = get().lang) {
        if (library.get(id, lang)) {
          if (get().scenarioLoad?.id === id) set({ scenarioLoad: null });
          return null;
        }
        set({ scenarioLoad: { id, message: null } });
        const result = await library.load(id, lang);
        const message = isLoadProblem(result) ? sayLoadProblem(result, get().lang) : null;
        // A later choice owns the status line; this download still counts for when it is needed.
        if (get().scenarioLoad?.id === id) set({ scenarioLoad: message ? { id, message } : null });
        return message;
      },
      selectPartner(id) {
        set({ selection: { ...get().selection, partnerId: id } });
      },
      setSeed(seed) {
        const why = seedProblem(seed);
        if (why) return seedProblemText(why, get().lang);
        set({ selection: { ...get().selection, seed } });
        return null;
      },
      rollSeed() {
        set({ selection: { ...get().selection, seed: clampSeed(deps.randomSeed()) } });
      },
      setPace(pace) {
        set({ selection: { ...get().selection, pace } });
      },
      beginBriefing() {
        const { scenarioId, partnerId, seed } = get().selection;
        const t = storeText(get().lang);
        if (!scenarioId) return t('chooseScenarioFirst');
        const scenario = library.get(scenarioId, get().lang);
        if (!scenario) {
          const load = get().scenarioLoad;
          return load?.id === scenarioId && load.message ? load.message : t('stillDownloading');
        }
        const partner = scenario.partners.find((p) => p.id === partnerId) ?? scenario.partners[0];
        if (!partner) return t('noPartner', { title: scenario.title });
        return startRun(scenario, partner.id, seed, library.languageOf(scenarioId, get().lang));
      },
      showBriefing() {
        if (run?.state.phase === 'preparation') set({ screen: 'briefing' });
      },
      showPreparation() {
        if (!run) return;
        set({ screen: run.state.phase === 'preparation' ? 'preparation' : 'incident' });
        if (run.state.phase === 'preparation') writeAutosave(storage, run, meta(false));
      },
      togglePreparation(measure) {
        const view = get().view;
        if (!view || view.phase !== 'preparation') return storeText(get().lang)('prepOver');
        const { selected } = get().prep;
        const item = view.preparation.measures.find((m) => m.id === measure);
        if (!item) return `no preparation measure "${measure}"`;
        if (selected.includes(measure)) {
          set({ prep: { selected: selected.filter((m) => m !== measure), message: null } });
          if (run) writeAutosave(storage, run, meta(false));
          return null;
        }
        const spent = selected.reduce((sum, id) => sum + (view.preparation.measures.find((m) => m.id === id)?.cost ?? 0), 0);
        const left = view.preparation.budgetLeft - spent;
        if (item.cost > left) {
          const lang = get().lang;
          const message = storeText(lang)('cannotAfford', { measure: item.name, cost: money(item.cost, view.currency, lang), left: money(left, view.currency, lang) });
          set({ prep: { selected, message } });
          return message;
        }
        set({ prep: { selected: [...selected, measure], message: null } });
        if (run) writeAutosave(storage, run, meta(false));
        return null;
      },
      commitPreparation() {
        const why = send({ type: 'prep.commit', measures: get().prep.selected });
        if (why) {
          set({ prep: { ...get().prep, message: why } });
          return why;
        }
        set({ screen: 'incident', paused: false, pauseReason: null });
        return null;
      },
      choose(option) {
        if (get().paused) return storeText(get().lang)('gamePaused');
        return send({ type: 'player.choose', option });
      },
      tick(minutes) {
        if (!run || run.isOver || run.state.phase !== 'incident') return;
        send({ type: 'clock.tick', minutes });
      },
      pause(reason = 'player') {
        if (get().paused) return;
        set({ paused: true, pauseReason: reason });
      },
      resume() {
        set({ paused: false, pauseReason: null });
      },
      togglePause() {
        if (get().paused) get().resume();
        else get().pause('player');
      },
      setSpeed(speed) {
        set({ speed });
        if (run && !run.isOver) writeAutosave(storage, run, meta(get().screen === 'briefing'));
      },
      continueRun() {
        if (!run) return;
        const phase = run.state.phase;
        set({ screen: phase === 'ended' ? 'debrief' : phase === 'incident' ? 'incident' : 'preparation' });
      },
      showDebrief() {
        if (!run?.isOver) return;
        set({ screen: 'debrief' });
      },
      playAgain(sameSeed) {
        const scenario = get().scenario;
        const partner = run?.state.partnerId ?? get().selection.partnerId;
        if (!scenario || !partner) return storeText(get().lang)('noFinishedRun');
        leaveRun();
        const seed = sameSeed ? (run?.state.seed ?? get().selection.seed) : clampSeed(deps.randomSeed());
        set({ selection: { ...get().selection, scenarioId: scenario.id, partnerId: partner, seed } });
        return startRun(scenario, partner, seed, get().runLang);
      },
      openHistory(id) {
        const busy = liveRun();
        if (busy) return busy;
        const entry = get().history.find((e) => e.id === id);
        const rebuilt = rebuild(entry);
        if (typeof rebuilt === 'string') return rebuilt;
        leaveRun();
        ({ run, compiled } = rebuilt);
        set({
          runLang: rebuilt.lang,
          screen: 'debrief',
          scenario: rebuilt.scenario,
          view: rebuilt.run.view(get().lang),
          report: scoreRun(rebuilt.compiled.index, rebuilt.run.log),
          historyId: id,
          paused: false,
          pauseReason: null,
        });
        return null;
      },
      replayHistorySeed(id) {
        const busy = liveRun();
        if (busy) return busy;
        const entry = get().history.find((e) => e.id === id);
        const scenario = entry ? library.get(entry.scenarioId, get().lang) : null;
        if (!entry || !scenario) return storeText(get().lang)('runOrScenarioGone');
        const partner = scenario.partners.find((p) => p.id === entry.partnerId || p.name === entry.partner) ?? scenario.partners[0];
        if (!partner) return storeText(get().lang)('noPartner', { title: scenario.title });
        leaveRun();
        set({ selection: { ...get().selection, scenarioId: scenario.id, partnerId: partner.id, seed: entry.seed } });
        return startRun(scenario, partner.id, entry.seed, library.languageOf(scenario.id, get().lang));
      },
      deleteHistory(id) {
        set({ history: deleteRuns(storage, get().history, id), ...(id === null || id === get().historyId ? { historyId: null } : {}) });
      },
      whatIf(decision) {
        const parentId = get().historyId;
        if (!run?.isOver || !compiled || !parentId) return storeText(get().lang)('whatIfNeedsEnd');
        // The input that made the n-th decision (a choice, or the clock tick that ran its timer out).
        const decisionsIn = (r: Run): number => r.log.filter((e) => e.type === 'decision.made').length;
        const probe = Run.start(compiled, { seed: run.state.seed, partner: run.state.partnerId });
        const at = !Number.isInteger(decision) || decision < 1 ? -1 : run.inputs.findIndex((input) => (probe.send(input), decisionsIn(probe) >= decision));
        if (at < 0) return storeText(get().lang)('noSuchDecision', { decision: String(decision) });
        const scenario = get().scenario!;
        const branch = Run.start(compiled, { seed: run.state.seed, partner: run.state.partnerId });
        for (const input of run.inputs.slice(0, at)) branch.send(input);
        leaveRun();
        run = branch;
        branchOf = { id: parentId, decision };
        writeAutosave(storage, run, meta(false));
        set({ screen: 'incident', scenario, view: run.view(get().lang), report: null, historyId: null, paused: false, pauseReason: null });
        return null;
      },
      setMuted(muted) {
        tryWrite(storage, STORAGE_KEYS.muted, String(muted));
        set({ muted });
      },
      setVolume(volume) {
        const next = clampVolume(volume);
        if (next === get().volume) return;
        tryWrite(storage, STORAGE_KEYS.volume, String(next));
        set({ volume: next });
      },
      setReducedMotion(reducedMotion) {
        set({ reducedMotion });
      },
      setRoomReady(roomReady) {
        if (get().roomReady !== roomReady) set({ roomReady });
      },
      dismissNotice() {
        set({ notice: null });
      },
      selectedScenario: () => {
        const id = get().selection.scenarioId;
        return id ? library.get(id, get().lang) : null;
      },
      getRun: () => run,
      getCompiled: () => compiled,
      dispose() {
        driver.dispose();
        unsubscribe();
        unsubscribeRoom();
      },
    };
  });

  // One view that throws while updating must not stop the others, nor the command that changed
  // the state: zustand calls listeners in a loop, so each is isolated here.
  const subscribe = store.subscribe;
  store.subscribe = (listener) =>
    subscribe((state, prev) => {
      try {
        listener(state, prev);
      } catch (error) {
        console.error('A view failed to update; the game goes on.', error);
      }
    });

  // Resume where the player left off, or explain why that is not possible.
  // The caller downloads the saved run's scenario first (see savedScenarioId); if that failed,
  // the save stays where it is, to resume on a later visit.
  const savedId = savedScenarioId(storage);
  const savedLang = savedScenarioLang(storage);
  const waiting = savedId !== null && !library.get(savedId, savedLang) && catalog.some((e) => e.scenario?.id === savedId);
  const saved = waiting ? ({ kind: 'none' } as const) : readAutosave(storage, (id) => library.get(id, savedLang), (s) => compiledCache.get(s), stamp());
  const t = storeText(store.getState().lang);
  if (waiting) store.setState({ notice: { tone: 'error', title: t('saveWaitingTitle'), text: t('saveWaitingText') } });
  if (saved.kind === 'restored') {
    run = saved.run;
    compiled = compiledCache.get(saved.scenario);
    // A what-if branch still being played stays tied to its parent across a reload.
    if (!run.isOver) branchOf = saved.meta.branchOf ?? null;
    const phase = run.state.phase;
    const view = run.view(store.getState().lang);
    store.setState({
      scenario: saved.scenario,
      runLang: library.languageOf(saved.scenario.id, savedLang),
      view,
      speed: saved.meta.speed,
      selection: { scenarioId: saved.scenario.id, partnerId: run.state.partnerId, seed: run.state.seed, pace: saved.meta.pace },
      report: phase === 'ended' ? scoreRun(compiled.index, run.log) : null,
      screen: phase === 'ended' ? 'debrief' : phase === 'incident' ? 'incident' : saved.meta.briefing ? 'briefing' : 'preparation',
      // Ticked but uncommitted measures come back too (only ones this scenario still offers).
      prep: {
        selected: phase === 'preparation' ? (saved.meta.prep ?? []).filter((m, i, all) => all.indexOf(m) === i && view.preparation.measures.some((x) => x.id === m)) : [],
        message: null,
      },
      // Coming back to a live incident starts paused: the player decides when the clock runs again.
      paused: phase === 'incident',
      pauseReason: phase === 'incident' ? 'resumed' : null,
    });
  } else if (saved.kind === 'rejected') {
    const reason = capitalise(saved.reason);
    store.setState({
      notice: {
        tone: 'error',
        title: t('saveRejectedTitle'),
        text: saved.keptAs ? t('saveRejectedKept', { reason, key: saved.keptAs }) : t('saveRejectedLost', { reason }),
      },
    });
  }

  // The clock runs only while a live incident is on screen and not paused.
  const driver = createClockDriver({
    now: deps.now,
    scheduler: deps.scheduler,
    onTick: (minutes) => store.getState().tick(minutes),
  });
  // Reads the latest state, not the listener's argument: a listener that changed the state
  // (roomReady above) makes zustand hand later listeners an older snapshot.
  const syncDriver = (): void => {
    const s = store.getState();
    driver.setMsPerMinute((PACE_SECONDS[s.selection.pace] * 1000) / s.speed);
    driver.setRunning(s.screen === 'incident' && !s.paused && s.view?.phase === 'incident' && s.roomReady);
  };
  // Leaving the incident screen forgets the room: the next visit waits for its first frame again.
  const unsubscribeRoom = deps.waitForRoom
    ? store.subscribe((s, prev) => {
        if (s.screen !== prev.screen && s.roomReady) store.setState({ roomReady: false });
      })
    : () => {};
  const unsubscribe = store.subscribe(syncDriver);
  syncDriver();

  return store;
}

function uniqueId(history: readonly HistoryEntry[], base: string): string {
  let id = base;
  for (let n = 2; history.some((e) => e.id === id); n++) id = `${base}-${n}`;
  return id;
}

function clampSeed(x: number): number {
  return Math.abs(Math.floor(x)) % (MAX_SEED + 1);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Volume when nothing (or nothing sensible) was saved: loud enough to hear, not startling. */
const DEFAULT_VOLUME = 0.7;

function clampVolume(x: number): number {
  // Two decimals: the slider's steps, and a stable string in storage.
  return Number.isFinite(x) ? Math.round(Math.min(1, Math.max(0, x)) * 100) / 100 : DEFAULT_VOLUME;
}

function savedVolume(raw: string | null): number {
  return raw === null || raw.trim() === '' ? DEFAULT_VOLUME : clampVolume(Number(raw));
}
