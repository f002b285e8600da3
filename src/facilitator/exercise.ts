import { seedProblem } from '../engine/rng.ts';
import type { CompiledScenario } from '../engine/compile.ts';
import type { RunEvent } from '../engine/machine.ts';
import { refusal, Run, RunError, SAVE_FORMAT, SAVE_VERSION, startSnapshot, stepSnapshot } from '../engine/runtime.ts';
import { scoreRun, type Rating, type ScoreReport } from '../engine/scoring.ts';
import type { LogEntry, RunState } from '../engine/state.ts';
import { buildView, revealedView, type GameView } from '../engine/view.ts';
import { unavailableText } from '../i18n/engine-text.ts';
import type { Lang } from '../i18n/lang.ts';
import { passedOn, type Refusal } from './refusals.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { tailoringProblem, tailorScenario, type Tailoring } from '../scenarios/tailoring.ts';
import { PACES, type Pace, type Speed } from '../store/pace.ts';
import { gameTime } from '../store/format.ts';
import {
  ACTION_STATUSES,
  BRIEFING_PAGES,
  type BriefingPage,
  CAPABILITY_ELEMENTS,
  castVotes,
  isDueDate,
  MAX_NAME_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_PARTICIPANTS,
  MAX_VOTES,
  NOTE_KINDS,
  type CorrectiveAction,
  type JournalKind,
  type NoteKind,
  type Participant,
  withSettings,
  type FindingEdit,
  type PresenterDisplay,
  type ReportEdits,
  type ScenarioFileRef,
  type Session,
} from './session.ts';
import {
  CLOCK_MODES,
  EXTEND_REAL_MINUTES,
  gameMinutesFor,
  MAX_DISCUSSION_SECONDS,
  msPerGameMinute,
  pacedStep,
  TIME_STEPS,
  type ClockMode,
} from './clock-policy.ts';

// The facilitator's exercise: a session and the engine run it drives. Every command either
// refuses with a reason as data (refusals.ts; the console words it in its language), or returns null and leaves a new session object (rev + 1)
// for the console to save, render and send to the presenter.

export interface ExerciseDeps {
  /** Real time in ms. */
  now(): number;
  newId(): string;
  /**
   * A scenario by id, or one opened from a file by its key in the scenario store, in `lang` (its
   * translation laid over the English; English where it has none or it has not arrived).
   */
  scenario(id: string, file?: string | null, lang?: Lang): Scenario | null;
  compile(scenario: Scenario): CompiledScenario;
  /** The language of the engine's own words in views (durations, the company's clock): the console's. English when not given. */
  wordsLang?(): Lang;
}

export const SPEEDS: readonly Speed[] = [1, 2, 4];

export const REPORT_TEXT_FIELDS = ['handling', 'summary', 'scope', 'missionArea', 'threat', 'sponsor', 'organisations', 'poc', 'hotwash'] as const satisfies readonly (keyof ReportEdits)[];
export type ReportTextField = (typeof REPORT_TEXT_FIELDS)[number];

export class Exercise {
  private run: Run | null = null;
  private compiled: CompiledScenario | null = null;
  private hiddenView: { key: string; view: GameView; state: RunState } | null = null;
  /** The last tailored scenario, so an unchanged layer gives the same object (and the same compile). */
  private tailored: { base: Scenario; layer: string; scenario: Scenario } | null = null;

  private constructor(
    private current: Session,
    private readonly deps: ExerciseDeps,
  ) {}

  /** Opens a session, replaying its run. Throws a RunError saying why a run cannot be rebuilt. */
  static open(stored: Session, deps: ExerciseDeps): Exercise {
    const session = withSettings(stored);
    const ex = new Exercise(session, deps);
    if (session.run) {
      const scenario = ex.resolve(session.scenarioId, session.scenarioFile?.key ?? null);
      if (!scenario) {
        throw new RunError(
          session.scenarioFile
            ? `this session uses the scenario file "${session.scenarioFile.name}", which this browser no longer has; open that file again`
            : `this session uses scenario "${session.scenarioId}", which this version of War Room does not have`,
        );
      }
      ex.restoreRun(scenario, session.run.fingerprint);
    }
    return ex;
  }

  /** The scenario with the session's tailoring laid over it. */
  private resolve(id: string, file: string | null, tailoring: Tailoring = this.current.tailoring, lang: Lang = this.current.scenarioLang): Scenario | null {
    const base = this.deps.scenario(id, file, lang);
    if (!base) return null;
    const layer = JSON.stringify(tailoring);
    if (this.tailored?.base !== base || this.tailored.layer !== layer) this.tailored = { base, layer, scenario: tailorScenario(base, tailoring) };
    return this.tailored.scenario;
  }

  private restoreRun(scenario: Scenario, fingerprint: string): void {
    const s = this.current;
    const compiled = this.deps.compile(scenario);
    this.run = Run.restore(compiled, {
      format: SAVE_FORMAT,
      version: SAVE_VERSION,
      scenario: { id: s.scenarioId, fingerprint },
      seed: s.seed,
      partner: s.partner,
      inputs: s.run?.inputs ?? [],
      undone: s.run?.undone ?? [],
    });
    this.compiled = compiled;
    this.hiddenView = null;
  }

  get session(): Session {
    return this.current;
  }

  get scenario(): Scenario | null {
    return this.compiled?.index.scenario ?? this.resolve(this.current.scenarioId, this.current.scenarioFile?.key ?? null);
  }

  getCompiled(): CompiledScenario | null {
    return this.compiled;
  }

  get state(): RunState | null {
    return this.run?.state ?? null;
  }

  view(): GameView | null {
    return this.run?.view(this.wordsLang()) ?? null;
  }

  private wordsLang(): Lang {
    return this.deps.wordsLang?.() ?? 'en';
  }

  score(): ScoreReport | null {
    return this.run && this.compiled ? scoreRun(this.compiled.index, this.run.log) : null;
  }

  /**
   * What the room may see. A recorded choice: the run before it. A revealed one: its consequences
   * (services, gauges, stakeholders) but still the beat and the injects the room had, so the next
   * beat's text only reaches the projector when the facilitator moves on. Else the live run.
   */
  shown(): { view: GameView; state: RunState } | null {
    const { run, compiled } = this;
    if (!run || !compiled) return null;
    const from = this.current.hiddenFrom;
    const lang = this.wordsLang();
    if (from === null) return { view: run.view(lang), state: run.state };
    const key = `${this.current.id}:${lang}:${from}:${JSON.stringify(run.inputs.slice(0, from))}`;
    if (this.hiddenView?.key !== key) {
      let snapshot = startSnapshot(compiled, { seed: run.state.seed, partner: run.state.partnerId });
      for (const event of run.inputs.slice(0, from)) snapshot = stepSnapshot(compiled, snapshot, event);
      this.hiddenView = { key, view: buildView(compiled, snapshot.context, lang), state: snapshot.context };
    }
    const before = this.hiddenView;
    if (this.current.decision !== 'revealed') return { view: before.view, state: before.state };
    return { view: revealedView(run.view(lang), before.view), state: before.state };
  }

  /** True when game time should be running by itself (only in the real-time mode). */
  get clockRunning(): boolean {
    const s = this.current;
    return s.clock === 'realtime' && s.stage === 'incident' && s.decision === 'open' && !s.paused && this.run?.state.phase === 'incident';
  }

  /** Real milliseconds per game minute now: the pace and speed, slowed while a timed decision is open. */
  msPerGameMinute(): number {
    const s = this.current;
    return msPerGameMinute(s.pace, s.speed, this.decisionLimit());
  }

  /** The open decision's time limit in game minutes, or null when it has none (or it is held). */
  private decisionLimit(): number | null {
    const state = this.run?.state;
    const compiled = this.compiled;
    if (!state || !compiled || state.beat === null || state.posedAt === null || state.timerHeld) return null;
    return compiled.index.beats.get(state.beat)?.decision?.timeLimit ?? null;
  }

  // ---- set-up ----------------------------------------------------------------------------

  setFacilitator(name: string): Refusal {
    return this.commit({ facilitator: clip(name) });
  }

  setTeamName(name: string): Refusal {
    return this.commit({ team: { ...this.current.team, name: clip(name) } });
  }

  addParticipant(name: string, role: string): Refusal {
    const trimmed = clip(name);
    if (!trimmed) return { key: 'refused.participantName' };
    const participant: Participant = { id: this.deps.newId(), name: trimmed, role };
    return this.commit({ team: { ...this.current.team, participants: [...this.current.team.participants, participant] } });
  }

  /**
   * People who joined the workshop room from their phones, added to the team under their seat's
   * id. A seat already listed, or someone the facilitator typed in with the same name and role,
   * is left as it is; the list stops at its bound.
   */
  addRoomParticipants(seats: readonly { id: string; name: string; role: string }[]): Refusal {
    const list = this.current.team.participants;
    const known = new Set(list.map((p) => p.id));
    const typed = new Set(list.map((p) => sameness(p.name, p.role)));
    const added: Participant[] = [];
    for (const seat of seats) {
      const id = roomParticipantId(seat.id);
      const name = clip(seat.name);
      if (!name || known.has(id) || typed.has(sameness(name, seat.role))) continue;
      if (list.length + added.length >= MAX_PARTICIPANTS) break;
      known.add(id);
      typed.add(sameness(name, seat.role));
      added.push({ id, name, role: seat.role });
    }
    if (added.length === 0) return null;
    return this.commit({ team: { ...this.current.team, participants: [...list, ...added] } });
  }

  updateParticipant(id: string, patch: Partial<Pick<Participant, 'name' | 'role'>>): Refusal {
    const list = this.current.team.participants;
    if (!list.some((p) => p.id === id)) return { key: 'refused.noParticipant' };
    const participants = list.map((p) =>
      p.id === id ? { ...p, ...(patch.name !== undefined ? { name: clip(patch.name) } : {}), ...(patch.role !== undefined ? { role: patch.role } : {}) } : p,
    );
    return this.commit({ team: { ...this.current.team, participants } });
  }

  removeParticipant(id: string): Refusal {
    return this.commit({ team: { ...this.current.team, participants: this.current.team.participants.filter((p) => p.id !== id) } });
  }

  /** Chooses a shipped scenario, or (with `file`) one opened from a YAML file. People renamed for the last one are dropped. */
  chooseScenario(id: string, file: ScenarioFileRef | null = null, lang: Lang = 'en'): Refusal {
    if (this.current.stage !== 'setup') return { key: 'refused.scenarioFixed' };
    const tailoring = { ...this.current.tailoring, people: {} };
    const scenario = this.resolve(id, file?.key ?? null, tailoring, lang);
    if (!scenario) return file ? { key: 'refused.noScenarioFile', params: { name: file.name } } : { key: 'refused.noScenario', params: { id } };
    const partner = scenario.partners.some((p) => p.id === this.current.partner) ? this.current.partner : (scenario.partners[0]?.id ?? '');
    return this.commit({ scenarioId: id, scenarioFile: file, scenarioTitle: scenario.title, scenarioLang: lang, tailoring, partner, ratings: {} });
  }

  /**
   * Runs the scenario's text in `lang` (its translation, English where it has none). Only during
   * the set-up: the run that starts with the briefing is of the scenario in one language.
   */
  setScenarioLang(lang: Lang): Refusal {
    const s = this.current;
    if (s.scenarioLang === lang) return null;
    if (s.stage !== 'setup') return { key: 'refused.langFixed' };
    const scenario = this.resolve(s.scenarioId, s.scenarioFile?.key ?? null, s.tailoring, lang);
    if (!scenario) return { key: 'refused.chooseScenario' };
    return this.commit({ scenarioLang: lang, scenarioTitle: scenario.title });
  }

  /**
   * Tailors the scenario for the client (company, sector, currency, people's names), at any stage:
   * only text changes, so a running exercise replays its inputs under the new names.
   */
  setTailoring(patch: Partial<Tailoring>): Refusal {
    const s = this.current;
    const next: Tailoring = {
      company: patch.company !== undefined ? clip(patch.company) : s.tailoring.company,
      sector: patch.sector !== undefined ? clip(patch.sector) : s.tailoring.sector,
      currency: patch.currency ?? s.tailoring.currency,
      people: patch.people !== undefined ? Object.fromEntries(Object.entries({ ...s.tailoring.people, ...patch.people }).map(([id, n]) => [id, clip(n)]).filter(([, n]) => n)) : s.tailoring.people,
    };
    const base = this.deps.scenario(s.scenarioId, s.scenarioFile?.key ?? null, s.scenarioLang);
    const why = tailoringProblem(next, base);
    if (why) return { key: 'tailoring', tailoring: why };
    const scenario = this.resolve(s.scenarioId, s.scenarioFile?.key ?? null, next);
    if (!scenario) return { key: 'refused.chooseScenario' };
    if (this.run) {
      try {
        this.restoreRun(scenario, this.deps.compile(scenario).index.fingerprint);
      } catch (error) {
        return { key: 'refused.tailoringRun', params: { reason: (error as Error).message } };
      }
    }
    return this.commit({ tailoring: next, scenarioTitle: scenario.title, ...this.runPatch() });
  }

  choosePartner(id: string): Refusal {
    if (this.current.stage !== 'setup') return { key: 'refused.partnerFixed' };
    if (!this.scenario?.partners.some((p) => p.id === id)) return { key: 'refused.noPartner', params: { id } };
    return this.commit({ partner: id });
  }

  setSeed(seed: number): Refusal {
    if (this.current.stage !== 'setup') return { key: 'refused.seedFixed' };
    const why = seedProblem(seed);
    if (why) return { key: 'seed', seed: why };
    return this.commit({ seed });
  }

  setPace(pace: Pace): Refusal {
    if (!PACES.includes(pace)) return { key: 'refused.noPace', params: { pace } };
    return this.commit({ pace });
  }

  setClockMode(mode: ClockMode): Refusal {
    if (!CLOCK_MODES.includes(mode)) return { key: 'refused.noClockMode', params: { mode } };
    if (mode === this.current.clock) return null;
    return this.commit({ clock: mode }, this.current.stage === 'incident' ? 'time' : undefined, mode === 'paced' ? 'Switched to the facilitator-paced clock' : 'Switched to the real-time clock');
  }

  /** Switches what the projector shows besides the exercise. */
  setDisplay(patch: Partial<PresenterDisplay>): Refusal {
    return this.commit({ display: { ...this.current.display, ...patch } });
  }

  /** Chooses the half of the briefing a projector too small for both shows. */
  setBriefingPage(page: BriefingPage): Refusal {
    if (!BRIEFING_PAGES.includes(page)) return { key: 'refused.noBriefingPage', params: { page } };
    return this.commit({ briefingPage: page });
  }

  /** Sets the discussion timer for decisions (real seconds, 0 = off); a running one stops. */
  setDiscussion(seconds: number): Refusal {
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_DISCUSSION_SECONDS) return { key: 'refused.discussionRange', params: { max: MAX_DISCUSSION_SECONDS / 60 } };
    return this.commit({ discussion: { seconds, endsAt: null } });
  }

  /** Starts (or restarts) the discussion timer for the open decision. */
  startDiscussion(): Refusal {
    const why = this.live();
    if (why) return why;
    const { seconds } = this.current.discussion;
    if (seconds === 0) return { key: 'refused.discussionUnset' };
    return this.commit({ discussion: { seconds, endsAt: new Date(this.deps.now() + seconds * 1000).toISOString() } });
  }

  stopDiscussion(): Refusal {
    if (this.current.discussion.endsAt === null) return null;
    return this.commit({ discussion: { ...this.current.discussion, endsAt: null } });
  }

  /** Starts the run and shows the room the briefing and the preparation budget. */
  openBriefing(): Refusal {
    const s = this.current;
    if (s.stage !== 'setup') return { key: 'refused.briefingOpen' };
    if (!s.team.name) return { key: 'refused.teamName' };
    const scenario = this.resolve(s.scenarioId, s.scenarioFile?.key ?? null);
    if (!scenario) return { key: 'refused.chooseScenario' };
    try {
      this.compiled = this.deps.compile(scenario);
      this.run = Run.start(this.compiled, { seed: s.seed, partner: s.partner });
    } catch (error) {
      this.compiled = null;
      this.run = null;
      return { key: 'refused.cannotStart', params: { title: scenario.title, reason: (error as Error).message } };
    }
    return this.commit({ stage: 'briefing', prep: [], ...this.runPatch() }, 'briefing', `Briefing opened for ${s.team.name}`);
  }

  backToSetup(): Refusal {
    if (this.current.stage !== 'briefing') return { key: 'refused.noWayBack' };
    this.run = null;
    this.compiled = null;
    return this.commit({ stage: 'setup', run: null, prep: [] });
  }

  togglePreparation(measure: string): Refusal {
    const s = this.current;
    const view = this.view();
    if (s.stage !== 'briefing' || !view) return { key: 'refused.prepInBriefing' };
    const item = view.preparation.measures.find((m) => m.id === measure);
    if (!item) return { key: 'refused.noMeasure', params: { id: measure } };
    if (s.prep.includes(measure)) return this.commit({ prep: s.prep.filter((m) => m !== measure) });
    const spent = s.prep.reduce((sum, id) => sum + (view.preparation.measures.find((m) => m.id === id)?.cost ?? 0), 0);
    const left = view.preparation.budgetLeft - spent;
    if (item.cost > left) return { key: 'refused.overBudget', params: { name: item.name, cost: item.cost, left } };
    return this.commit({ prep: [...s.prep, measure] });
  }

  // ---- running the incident ----------------------------------------------------------------

  /** Commits the preparation and starts the clock. */
  startIncident(): Refusal {
    if (this.current.stage !== 'briefing') return { key: this.current.stage === 'setup' ? 'refused.openBriefing' : 'refused.incidentStarted' };
    const why = this.engine({ type: 'prep.commit', measures: this.current.prep });
    if (why) return why;
    return this.commit({ stage: 'incident', decision: 'open', paused: false, startedAt: this.iso() }, 'started', 'Incident started');
  }

  pause(): Refusal {
    if (this.current.stage !== 'incident') return { key: 'refused.notRunning' };
    if (this.current.paused) return null;
    return this.commit({ paused: true }, 'paused', 'Paused');
  }

  resume(): Refusal {
    if (this.current.stage !== 'incident') return { key: 'refused.notRunning' };
    if (!this.current.paused) return null;
    return this.commit({ paused: false }, 'resumed', 'Resumed');
  }

  togglePause(): Refusal {
    if (this.current.stage === 'briefing') return this.startIncident();
    return this.current.paused ? this.resume() : this.pause();
  }

  setSpeed(speed: Speed): Refusal {
    if (!SPEEDS.includes(speed)) return { key: 'refused.noSpeed' };
    if (speed === this.current.speed) return null;
    return this.commit({ speed }, 'speed', `Speed ${speed}×`);
  }

  cycleSpeed(): Refusal {
    const next = SPEEDS[(SPEEDS.indexOf(this.current.speed) + 1) % SPEEDS.length]!;
    return this.setSpeed(next);
  }

  /** Lets game time pass; the clock driver calls this only while clockRunning. */
  tick(minutes: number): Refusal {
    if (!this.clockRunning) return { key: 'refused.clockStopped' };
    return this.engine({ type: 'clock.tick', minutes });
  }

  /**
   * "Time passes": moves game time on by the facilitator's hand. It stops a minute short of an open
   * decision's deadline, so a default is only ever applied when the facilitator skips the beat.
   */
  passTime(minutes: number): Refusal {
    const why = this.live();
    if (why) return why;
    if (!TIME_STEPS.includes(minutes as (typeof TIME_STEPS)[number])) return { key: 'refused.timeSteps', params: { short: TIME_STEPS[0], long: TIME_STEPS[1] } };
    const before = this.run!.state.clock;
    const deadline = this.view()?.decision?.deadline ?? null;
    const step = pacedStep(before, deadline, minutes);
    if (step.minutes === 0) return { key: 'refused.decisionDue', params: { time: gameTime(deadline!) } };
    const refused = this.engine({ type: 'clock.tick', minutes: step.minutes });
    if (refused) return refused;
    if (this.current.decision !== 'open') return null;
    const to = this.run!.state.clock;
    return this.journal('time', `Time passed: ${gameTime(before)} to ${gameTime(to)}${step.capped ? ' (stopped before the decision is due)' : ''}`);
  }

  release(): Refusal {
    const why = this.live();
    if (why) return why;
    const before = this.run!.log.length;
    const refused = this.engine({ type: 'facilitator.release' });
    if (refused) return refused;
    const delivered = this.run!.log.slice(before).filter((e) => e.type === 'inject.delivered').length;
    return this.journal('released', delivered === 1 ? 'Released the next inject early' : `Released ${delivered} injects early`);
  }

  skip(): Refusal {
    const why = this.live();
    if (why) return why;
    return this.engine({ type: 'facilitator.skip' }, 'skipped');
  }

  /** Gives the decision five more minutes of real time (as many game minutes as that is at this rate). */
  extend(realMinutes = EXTEND_REAL_MINUTES): Refusal {
    const why = this.live();
    if (why) return why;
    const minutes = gameMinutesFor(realMinutes, this.msPerGameMinute());
    const refused = this.engine({ type: 'facilitator.extend', minutes });
    return refused ?? this.journal('extended', `Gave the decision ${realMinutes} more real minutes (${minutes} game minutes)`);
  }

  hold(): Refusal {
    const why = this.live();
    if (why) return why;
    const refused = this.engine({ type: 'facilitator.hold' });
    return refused ?? this.journal('held', "Stopped the decision's timer");
  }

  /** Marks the option the room is leaning to; the presenter does not show it until recorded. */
  select(option: string | null): Refusal {
    if (option !== null) {
      const found = this.view()?.decision?.options.find((o) => o.id === option);
      if (!found) return { key: 'refused.noOption', params: { id: option } };
      if (!found.available) return { key: 'refused.optionUnavailable', params: { key: found.key, reason: unavailableText(found, this.wordsLang()) } };
    }
    return this.commit({ selected: option });
  }

  /** Sets one option's vote count. */
  setVotes(option: string, count: number): Refusal {
    const decision = this.view()?.decision;
    if (!decision || this.current.decision !== 'open') return { key: 'refused.noVote' };
    if (!decision.options.some((o) => o.id === option)) return { key: 'refused.noOption', params: { id: option } };
    if (!Number.isInteger(count) || count < 0 || count > MAX_VOTES) return { key: 'refused.voteRange', params: { max: MAX_VOTES } };
    const votes = { ...this.current.votes };
    if (count === 0) delete votes[option];
    else votes[option] = count;
    return this.commit({ votes });
  }

  addVote(option: string, by: 1 | -1 = 1): Refusal {
    return this.setVotes(option, Math.max(0, (this.current.votes[option] ?? 0) + by));
  }

  clearVotes(): Refusal {
    return this.commit({ votes: {} });
  }

  /** Records the team's choice (the selected option when none is given) with the vote tally. */
  record(option = this.current.selected): Refusal {
    const why = this.live();
    if (why) return why;
    if (option === null) return { key: 'refused.markOption' };
    const votes = castVotes(this.current.votes);
    return this.engine({ type: 'player.choose', option, ...(votes ? { votes } : {}) });
  }

  reveal(): Refusal {
    if (this.current.decision !== 'recorded') return { key: 'refused.nothingToReveal' };
    return this.commit({ decision: 'revealed' }, 'revealed', 'Revealed the consequences');
  }

  /** After the consequences: put the next decision to the room. */
  continue(): Refusal {
    const d = this.current.decision;
    if (d === 'recorded') return { key: 'refused.revealFirst' };
    if (d !== 'revealed') return { key: 'refused.decisionOpen' };
    const next = this.run?.view().beat?.title;
    return this.commit({ decision: 'open', hiddenFrom: null }, 'continued', next ? `Moved on to "${next}"` : 'Moved on');
  }

  /** Takes back the last choice; the run keeps it in its record of undone choices. */
  undo(): Refusal {
    const { run, compiled } = this;
    if (this.current.stage !== 'incident' || !run || !compiled) return { key: 'refused.undoLive' };
    let undone;
    try {
      undone = run.undoLastChoice();
    } catch (error) {
      return passedOn((error as Error).message);
    }
    const event = undone.event;
    const option = event.type === 'player.choose' ? event.option : null;
    const label = undone.beat && option ? (compiled.index.options.get(undone.beat)?.get(option)?.label ?? option) : 'the skipped beat';
    const votes = event.type === 'player.choose' ? (event.votes ?? {}) : {};
    return this.commit(
      { decision: 'open', hiddenFrom: null, votes, selected: option, ...this.runPatch() },
      'undone',
      `Took back "${label}" (chosen at ${gameTime(undone.t)})`,
    );
  }

  end(): Refusal {
    const s = this.current;
    if (s.stage !== 'incident') return { key: s.stage === 'debrief' ? 'refused.alreadyEnded' : 'refused.notStarted' };
    return this.commit({ stage: 'debrief', paused: true, hiddenFrom: null, decision: s.decision === 'recorded' ? 'revealed' : s.decision, endedAt: this.iso() }, 'ended', 'Ended the exercise and opened the debrief');
  }

  /** Back from the debrief to a run that has not reached its ending (an end pressed too early). */
  reopen(): Refusal {
    if (this.current.stage !== 'debrief') return { key: 'refused.notInDebrief' };
    if (this.run?.isOver) return { key: 'refused.runOver' };
    return this.commit({ stage: 'incident', paused: true, endedAt: null }, 'reopened', 'Went back to the incident');
  }

  // ---- evaluation -------------------------------------------------------------------------

  addNote(input: { text: string; objective: string | null; kind: NoteKind }): Refusal {
    const text = input.text.trim();
    if (!text) return { key: 'refused.noteEmpty' };
    if (text.length > MAX_NOTE_LENGTH) return { key: 'refused.noteTooLong', params: { max: MAX_NOTE_LENGTH, length: text.length } };
    const bad = this.checkObjective(input.objective) ?? (NOTE_KINDS.includes(input.kind) ? null : ({ key: 'refused.noNoteKind', params: { kind: input.kind } } as const));
    if (bad) return bad;
    const state = this.run?.state;
    const note = { id: this.deps.newId(), at: this.iso(), t: state?.clock ?? 0, beat: state?.beat ?? null, objective: input.objective, kind: input.kind, text };
    return this.commit({ notes: [...this.current.notes, note] });
  }

  updateNote(id: string, patch: { text?: string; objective?: string | null; kind?: NoteKind }): Refusal {
    const note = this.current.notes.find((n) => n.id === id);
    if (!note) return { key: 'refused.noNote' };
    if (patch.text !== undefined && !patch.text.trim()) return { key: 'refused.noteCleared' };
    if (patch.objective !== undefined) {
      const bad = this.checkObjective(patch.objective);
      if (bad) return bad;
    }
    const next = { ...note, ...patch, ...(patch.text !== undefined ? { text: patch.text.trim().slice(0, MAX_NOTE_LENGTH) } : {}) };
    return this.commit({ notes: this.current.notes.map((n) => (n.id === id ? next : n)) });
  }

  removeNote(id: string): Refusal {
    return this.commit({ notes: this.current.notes.filter((n) => n.id !== id) });
  }

  /** Overrides the game's suggested rating; null goes back to the suggestion. */
  setRating(objective: string, rating: Rating | null): Refusal {
    const bad = this.checkObjective(objective);
    if (bad) return bad;
    const ratings = { ...this.current.ratings };
    if (rating === null) delete ratings[objective];
    else if (['P', 'S', 'M', 'U'].includes(rating)) ratings[objective] = rating;
    else return { key: 'refused.noRating' };
    return this.commit({ ratings });
  }

  addAction(input: Partial<Omit<CorrectiveAction, 'id'>> = {}): Refusal {
    const action: CorrectiveAction = {
      id: this.deps.newId(),
      issue: '',
      action: '',
      objective: null,
      owner: '',
      due: '',
      element: 'planning',
      org: '',
      start: '',
      status: 'not started',
      ...input,
    };
    const bad = this.checkAction(action);
    return bad ?? this.commit({ actions: [...this.current.actions, action] });
  }

  updateAction(id: string, patch: Partial<Omit<CorrectiveAction, 'id'>>): Refusal {
    const action = this.current.actions.find((a) => a.id === id);
    if (!action) return { key: 'refused.noAction' };
    const next = { ...action, ...patch };
    const bad = this.checkAction(next);
    return bad ?? this.commit({ actions: this.current.actions.map((a) => (a.id === id ? next : a)) });
  }

  removeAction(id: string): Refusal {
    return this.commit({ actions: this.current.actions.filter((a) => a.id !== id) });
  }

  // ---- the report's own text ---------------------------------------------------------------

  /** Sets one of the report's free-text fields (summary, overview fields, hotwash notes, marking). */
  setReportText(field: ReportTextField, value: string): Refusal {
    if (!REPORT_TEXT_FIELDS.includes(field)) return { key: 'refused.noReportField', params: { field } };
    const max = field === 'hotwash' ? MAX_NOTE_LENGTH * 4 : field === 'summary' ? MAX_NOTE_LENGTH * 2 : MAX_NOTE_LENGTH;
    if (value.length > max) return { key: 'refused.textTooLong', params: { max } };
    return this.commit({ report: { ...this.current.report, [field]: value } });
  }

  setAppendix(on: boolean): Refusal {
    return this.commit({ report: { ...this.current.report, appendix: on } });
  }

  /** Why the evaluator's rating differs from the game's suggestion; the report prints it. */
  setRatingReason(objective: string, reason: string): Refusal {
    const bad = this.checkObjective(objective);
    if (bad) return bad;
    if (reason.length > MAX_NOTE_LENGTH) return { key: 'refused.reasonTooLong', params: { max: MAX_NOTE_LENGTH } };
    const ratingReasons = { ...this.current.report.ratingReasons, [objective]: reason };
    if (!reason.trim()) delete ratingReasons[objective];
    return this.commit({ report: { ...this.current.report, ratingReasons } });
  }

  /** Edits, removes (removed: true) or merges (mergedInto: another finding's id) a generated finding. */
  editFinding(id: string, patch: FindingEdit): Refusal {
    if (!id || id.length > 200) return { key: 'refused.noFinding' };
    if (patch.mergedInto === id) return { key: 'refused.selfMerge' };
    for (const key of ['title', 'reference', 'analysis', 'rootCause'] as const) {
      if ((patch[key]?.length ?? 0) > MAX_NOTE_LENGTH) return { key: 'refused.textTooLong', params: { max: MAX_NOTE_LENGTH } };
    }
    const findings = { ...this.current.report.findings, [id]: { ...this.current.report.findings[id], ...patch } };
    return this.commit({ report: { ...this.current.report, findings } });
  }

  /** Undoes every edit to a finding: back to what the report generated. */
  resetFinding(id: string): Refusal {
    const findings = { ...this.current.report.findings };
    delete findings[id];
    return this.commit({ report: { ...this.current.report, findings } });
  }

  // ---- internals --------------------------------------------------------------------------

  private live(): Refusal {
    const s = this.current;
    if (s.stage !== 'incident') return { key: s.stage === 'debrief' ? 'refused.ended' : 'refused.startIncident' };
    if (s.decision === 'recorded') return { key: 'refused.choiceWaiting' };
    if (s.decision === 'revealed') return { key: 'refused.moveOn' };
    return null;
  }

  /** Sends an engine event; a choice the run makes (by the team, the clock or a skip) is recorded. */
  private engine(event: RunEvent, kind: JournalKind = 'recorded'): Refusal {
    const { run, compiled } = this;
    if (!run || !compiled) return { key: 'refused.notStartedRun' };
    const why = refusal(compiled, run.state, event);
    if (why) return { key: 'run', run: why };
    const inputsBefore = run.inputs.length;
    const madeBefore = decisions(run.log);
    run.send(event);
    const made = run.log.filter((e) => e.type === 'decision.made').slice(madeBefore);
    if (made.length === 0) return this.commit(this.runPatch());
    const first = made[0]!;
    const label = compiled.index.options.get(first.beat)?.get(first.option)?.label ?? first.option;
    const journalKind: JournalKind = first.by === 'timeout' ? 'timeout' : kind;
    const text =
      first.by === 'timeout'
        ? `The clock ran out: "${label}" applied`
        : first.by === 'facilitator'
          ? `Skipped the beat: "${label}" applied`
          : `Recorded the team's choice: "${label}"${first.votes ? ` (votes: ${voteSummary(first.votes, (o) => compiled.index.options.get(first.beat)?.get(o)?.label ?? o)})` : ''}`;
    return this.commit(
      { ...this.runPatch(), decision: 'recorded', hiddenFrom: inputsBefore, votes: {}, selected: null, discussion: { ...this.current.discussion, endsAt: null } },
      journalKind,
      text,
    );
  }

  private journal(kind: JournalKind, text: string): Refusal {
    return this.commit({}, kind, text);
  }

  private runPatch(): Pick<Session, 'run'> {
    const { run, compiled } = this;
    if (!run || !compiled) return { run: null };
    return { run: { fingerprint: compiled.index.fingerprint, inputs: [...run.inputs], undone: [...run.undone] } };
  }

  private commit(patch: Partial<Session>, kind?: JournalKind, text?: string): null {
    const at = this.iso();
    const journal = kind && text ? [...this.current.journal, { at, t: this.run?.state.clock ?? 0, kind, text }] : this.current.journal;
    this.current = { ...this.current, ...patch, journal, rev: this.current.rev + 1, updatedAt: at };
    return null;
  }

  private iso(): string {
    return new Date(this.deps.now()).toISOString();
  }

  private checkObjective(objective: string | null): Refusal {
    if (objective === null) return null;
    return this.scenario?.objectives.some((o) => o.id === objective) ? null : { key: 'refused.noObjective', params: { id: objective } };
  }

  private checkAction(a: CorrectiveAction): Refusal {
    if (!isDueDate(a.due)) return { key: 'refused.dueNotDate', params: { date: a.due } };
    if (!isDueDate(a.start)) return { key: 'refused.startNotDate', params: { date: a.start } };
    if (a.start && a.due && a.start > a.due) return { key: 'refused.startAfterDue' };
    if (!CAPABILITY_ELEMENTS.includes(a.element)) return { key: 'refused.noElement', params: { element: a.element } };
    if (!ACTION_STATUSES.includes(a.status)) return { key: 'refused.noStatus', params: { status: a.status } };
    return this.checkObjective(a.objective);
  }
}

function decisions(log: readonly LogEntry[]): number {
  return log.reduce((n, e) => n + (e.type === 'decision.made' ? 1 : 0), 0);
}

/** "Fail over 4, Wait 2": a tally in words, biggest first. */
export function voteSummary(votes: Record<string, number>, label: (option: string) => string = (o) => o): string {
  return Object.entries(votes)
    .sort((a, b) => b[1] - a[1])
    .map(([option, n]) => `${label(option)} ${n}`)
    .join(', ');
}

/** A participant who joined from a phone is listed under the room seat's id. */
export const roomParticipantId = (seatId: string): string => `room-${seatId}`.slice(0, 100);

const sameness = (name: string, role: string): string => `${role}\u0000${name.trim().toLowerCase()}`;

function clip(s: string): string {
  return s.trim().slice(0, MAX_NAME_LENGTH);
}
