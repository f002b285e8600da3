import { MAX_SEED, seedProblem } from '../engine/rng.ts';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CompiledScenario } from '../engine/compile.ts';
import type { RunEvent } from '../engine/machine.ts';
import { refusal, Run } from '../engine/runtime.ts';
import { scoreRun, type ScoreReport } from '../engine/scoring.ts';
import type { GameView } from '../engine/view.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { clearAutosave, PACE_SECONDS, readAutosave, writeAutosave, type Pace, type Speed } from './autosave.ts';
import { CompiledCache, findScenario, type CatalogEntry } from './catalog.ts';
import { createClockDriver, type Scheduler } from './clock-driver.ts';
import { money } from './format.ts';
import { historyEntry, readHistory, recordRun, type HistoryEntry } from './history.ts';
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
  /** The running scenario; null on title and picker when no run exists. */
  scenario: Scenario | null;
  /** Recomputed after every engine event; null when no run exists. */
  view: GameView | null;
  paused: boolean;
  pauseReason: PauseReason | null;
  speed: Speed;
  reducedMotion: boolean;
  muted: boolean;

  catalog: CatalogEntry[];
  selection: Selection;
  /** Measures ticked on the preparation screen, not yet committed. */
  prep: { selected: string[]; message: string | null };
  /** Set when the run reaches an ending. */
  report: ScoreReport | null;
  history: HistoryEntry[];
  notice: Notice | null;

  showTitle(): void;
  showPicker(): void;
  selectScenario(id: string): void;
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
  setMuted(muted: boolean): void;
  setReducedMotion(reduced: boolean): void;
  dismissNotice(): void;

  /** The run itself, for exports; null when there is none. */
  getRun(): Run | null;
  getCompiled(): CompiledScenario | null;
  /** Stops the clock for good (tests, page unload). */
  dispose(): void;
}

export type GameStore = StoreApi<GameState>;

export interface GameStoreDeps {
  catalog: CatalogEntry[];
  storage: KeyValueStorage;
  /** Real time in ms, for the clock and for dating history entries. */
  now: () => number;
  scheduler: Scheduler;
  randomSeed: () => number;
  reducedMotion?: boolean;
  /** ISO time stamps for history and set-aside saves; defaults to new Date(now()). */
  stamp?: () => string;
}

export { MAX_SEED } from '../engine/rng.ts';

export function createGameStore(deps: GameStoreDeps): GameStore {
  const { storage, catalog } = deps;
  const stamp = deps.stamp ?? ((): string => new Date(deps.now()).toISOString());
  const compiledCache = new CompiledCache();
  let run: Run | null = null;
  let compiled: CompiledScenario | null = null;

  const store = createStore<GameState>()((set, get) => {
    const firstPlayable = catalog.find((e) => e.scenario !== null)?.scenario ?? null;

    /** Applies an engine event, refreshes the view, autosaves, and scores the run if it ended. */
    const send = (event: RunEvent): string | null => {
      if (!run || !compiled) return 'no game is running';
      const why = refusal(compiled, run.state, event);
      if (why) return why;
      run.send(event);
      const patch: Partial<GameState> = { view: run.view() };
      if (run.isOver && get().report === null) {
        const report = scoreRun(compiled.index, run.log);
        patch.report = report;
        patch.history = recordRun(
          storage,
          get().history,
          historyEntry(
            {
              scenarioId: compiled.index.scenario.id,
              title: compiled.index.scenario.title,
              seed: run.state.seed,
              partner: patch.view!.partner.name,
              outcome: patch.view!.ending?.outcome ?? null,
            },
            report,
            stamp(),
          ),
        );
      }
      if (!writeAutosave(storage, run, meta(false))) {
        patch.notice = {
          tone: 'error',
          title: 'Autosave failed',
          text: 'The browser refused to store the game (storage full or blocked). You can keep playing, but reloading the page will not resume this run.',
        };
      }
      set(patch);
      return null;
    };

    const meta = (briefing: boolean) => ({ pace: get().selection.pace, speed: get().speed, briefing });

    const startRun = (scenario: Scenario, partnerId: string, seed: number): string | null => {
      try {
        compiled = compiledCache.get(scenario);
        run = Run.start(compiled, { seed, partner: partnerId });
      } catch (error) {
        run = null;
        compiled = null;
        return `"${scenario.title}" cannot start: ${(error as Error).message}`;
      }
      writeAutosave(storage, run, meta(true));
      set({
        screen: 'briefing',
        scenario,
        view: run.view(),
        report: null,
        paused: false,
        pauseReason: null,
        prep: { selected: [], message: null },
      });
      return null;
    };

    const leaveRun = (): void => {
      // A finished run lives on in the history; the autosave is only for resuming.
      if (run?.isOver) clearAutosave(storage);
    };

    return {
      screen: 'title',
      scenario: null,
      view: null,
      paused: false,
      pauseReason: null,
      speed: 1,
      reducedMotion: deps.reducedMotion ?? false,
      muted: tryRead(storage, STORAGE_KEYS.muted) === 'true',
      catalog,
      selection: {
        scenarioId: firstPlayable?.id ?? null,
        partnerId: firstPlayable?.partners[0]?.id ?? null,
        seed: clampSeed(deps.randomSeed()),
        pace: 'standard',
      },
      prep: { selected: [], message: null },
      report: null,
      history: readHistory(storage),
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
      showPicker() {
        set({ screen: 'picker' });
      },
      selectScenario(id) {
        const scenario = findScenario(catalog, id);
        if (!scenario) return;
        const current = get().selection;
        const keepPartner = scenario.partners.some((p) => p.id === current.partnerId);
        set({ selection: { ...current, scenarioId: id, partnerId: keepPartner ? current.partnerId : (scenario.partners[0]?.id ?? null) } });
      },
      selectPartner(id) {
        set({ selection: { ...get().selection, partnerId: id } });
      },
      setSeed(seed) {
        const why = seedProblem(seed);
        if (why) return why;
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
        const scenario = scenarioId ? findScenario(catalog, scenarioId) : null;
        if (!scenario) return 'choose a scenario first';
        const partner = scenario.partners.find((p) => p.id === partnerId) ?? scenario.partners[0];
        if (!partner) return `"${scenario.title}" has no IT partner to play`;
        return startRun(scenario, partner.id, seed);
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
        if (!view || view.phase !== 'preparation') return 'preparation is over';
        const { selected } = get().prep;
        const item = view.preparation.measures.find((m) => m.id === measure);
        if (!item) return `no preparation measure "${measure}"`;
        if (selected.includes(measure)) {
          set({ prep: { selected: selected.filter((m) => m !== measure), message: null } });
          return null;
        }
        const spent = selected.reduce((sum, id) => sum + (view.preparation.measures.find((m) => m.id === id)?.cost ?? 0), 0);
        const left = view.preparation.budgetLeft - spent;
        if (item.cost > left) {
          const message = `“${item.name}” costs ${money(item.cost, view.currency)} but only ${money(left, view.currency)} of the budget is left. Untick something first.`;
          set({ prep: { selected, message } });
          return message;
        }
        set({ prep: { selected: [...selected, measure], message: null } });
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
        if (get().paused) return 'the game is paused';
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
        if (!scenario || !partner) return 'there is no finished run to replay';
        leaveRun();
        const seed = sameSeed ? (run?.state.seed ?? get().selection.seed) : clampSeed(deps.randomSeed());
        set({ selection: { ...get().selection, scenarioId: scenario.id, partnerId: partner, seed } });
        return startRun(scenario, partner, seed);
      },
      setMuted(muted) {
        tryWrite(storage, STORAGE_KEYS.muted, String(muted));
        set({ muted });
      },
      setReducedMotion(reducedMotion) {
        set({ reducedMotion });
      },
      dismissNotice() {
        set({ notice: null });
      },
      getRun: () => run,
      getCompiled: () => compiled,
      dispose() {
        driver.dispose();
        unsubscribe();
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
  const saved = readAutosave(storage, (id) => findScenario(catalog, id), (s) => compiledCache.get(s), stamp());
  if (saved.kind === 'restored') {
    run = saved.run;
    compiled = compiledCache.get(saved.scenario);
    const phase = run.state.phase;
    const view = run.view();
    store.setState({
      scenario: saved.scenario,
      view,
      speed: saved.meta.speed,
      selection: { scenarioId: saved.scenario.id, partnerId: run.state.partnerId, seed: run.state.seed, pace: saved.meta.pace },
      report: phase === 'ended' ? scoreRun(compiled.index, run.log) : null,
      screen: phase === 'ended' ? 'debrief' : phase === 'incident' ? 'incident' : saved.meta.briefing ? 'briefing' : 'preparation',
      // Coming back to a live incident starts paused: the player decides when the clock runs again.
      paused: phase === 'incident',
      pauseReason: phase === 'incident' ? 'resumed' : null,
    });
  } else if (saved.kind === 'rejected') {
    store.setState({
      notice: {
        tone: 'error',
        title: 'Your saved game could not be resumed',
        text: `${capitalise(saved.reason)}. ${
          saved.keptAs
            ? `The save was kept aside in this browser’s storage under “${saved.keptAs}”, so nothing is lost.`
            : 'The browser would not keep a copy of it.'
        } A fresh game is ready.`,
      },
    });
  }

  // The clock runs only while a live incident is on screen and not paused.
  const driver = createClockDriver({
    now: deps.now,
    scheduler: deps.scheduler,
    onTick: (minutes) => store.getState().tick(minutes),
  });
  const syncDriver = (s: GameState): void => {
    driver.setMsPerMinute((PACE_SECONDS[s.selection.pace] * 1000) / s.speed);
    driver.setRunning(s.screen === 'incident' && !s.paused && s.view?.phase === 'incident');
  };
  const unsubscribe = store.subscribe(syncDriver);
  syncDriver(store.getState());

  return store;
}

function clampSeed(x: number): number {
  return Math.abs(Math.floor(x)) % (MAX_SEED + 1);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
