import type { Inject, Option } from '../scenarios/schema.ts';
import { dueAt, injectKey } from './clock.ts';
import { holds } from './conditions.ts';
import { advanceClock, applyEffects, deliver, drawVariable, settle } from './effects.ts';
import { draft } from './draft.ts';
import { seedState } from './rng.ts';
import type { ScenarioIndex } from './scenario-index.ts';
import { emptyMetrics, type ChoiceSource, type RunState } from './state.ts';

// The reducers the scenario machine's actions call. Each takes a run and returns a new one.
// The hot ones also come as `…InPlace` versions that change a draft (draft.ts) the caller
// owns: the checker's stepper (step.ts) copies a run once per step instead of once per rule.

export interface RunInput {
  seed: number;
  partner: string;
}

export function initialState(index: ScenarioIndex, input: RunInput): RunState {
  const { scenario } = index;
  const s: RunState = {
    scenarioId: scenario.id,
    partnerId: input.partner,
    seed: input.seed,
    rng: seedState(input.seed),
    phase: 'preparation',
    clock: 0,
    beat: null,
    beatEnteredAt: 0,
    posedAt: null,
    timerExtension: 0,
    timerHeld: false,
    lastChoice: null,
    budgetLeft: scenario.preparation.budget,
    measures: [],
    flags: [],
    vars: {},
    services: Object.fromEntries(scenario.company.services.map((x) => [x.id, x.status ?? 'up'])),
    metrics: emptyMetrics(),
    sentiment: Object.fromEntries(scenario.stakeholders.map((x) => [x.id, x.sentiment])),
    regulators: Object.fromEntries(
      (scenario.regulators ?? []).map((r) => [r.id, { startedAt: null, deadline: null, notifiedAt: null, missed: false }]),
    ),
    delivered: [],
    ending: null,
    log: [{ t: 0, type: 'run.started', seed: input.seed, partner: input.partner }],
  };
  for (const variable of scenario.variables ?? []) drawVariable(index, s, variable.id);
  return s;
}

export function preparationCost(index: ScenarioIndex, measures: readonly string[]): number {
  return measures.reduce((sum, id) => sum + (index.measures.get(id)?.cost ?? Infinity), 0);
}

/** A preparation plan is valid when every measure exists, none repeats, and it fits the budget. */
export function canCommitPreparation(index: ScenarioIndex, state: RunState, measures: readonly string[]): boolean {
  return (
    state.phase === 'preparation' &&
    new Set(measures).size === measures.length &&
    preparationCost(index, measures) <= state.budgetLeft
  );
}

export function commitPreparation(index: ScenarioIndex, state: RunState, measures: readonly string[]): RunState {
  const s = draft(state);
  commitPreparationInPlace(index, s, measures);
  return s;
}

export function commitPreparationInPlace(index: ScenarioIndex, s: RunState, measures: readonly string[]): void {
  // Apply in the scenario's own order so the same set always gives the same run.
  const chosen = index.scenario.preparation.measures.filter((m) => measures.includes(m.id));
  const spent = preparationCost(index, measures);
  s.budgetLeft -= spent;
  s.measures = chosen.map((m) => m.id);
  s.log.push({ t: 0, type: 'preparation.committed', measures: s.measures, spent });
  s.phase = 'incident';
  for (const measure of chosen) applyEffects(index, s, measure.effects);
}

export function enterBeat(index: ScenarioIndex, state: RunState, beatId: string): RunState {
  const s = draft(state);
  enterBeatInPlace(index, s, beatId);
  return s;
}

export function enterBeatInPlace(index: ScenarioIndex, s: RunState, beatId: string): void {
  const beat = index.beats.get(beatId);
  if (!beat) throw new Error(`no beat "${beatId}"`);
  s.beat = beatId;
  s.beatEnteredAt = s.clock;
  s.posedAt = null;
  s.timerExtension = 0;
  s.timerHeld = false;
  s.log.push({ t: s.clock, type: 'beat.entered', beat: beatId });
  applyEffects(index, s, beat.onEnter);
  // The decision is put to the player once the entry effects have landed: time an entry lets
  // pass ("six hours later...") must not eat the decision's own time limit.
  if (beat.decision) {
    s.beatEnteredAt = s.clock;
    s.posedAt = s.clock;
  }
  settle(index, s);
  if (beat.ending) {
    s.phase = 'ended';
    s.ending = beatId;
    s.posedAt = null;
    s.log.push({
      t: s.clock,
      type: 'ending.reached',
      beat: beatId,
      outcome: beat.ending.outcome,
      metrics: { ...s.metrics },
      sentiment: { ...s.sentiment },
    });
  }
}

export function findOption(index: ScenarioIndex, state: RunState, optionId: string): Option | undefined {
  return state.beat ? index.options.get(state.beat)?.get(optionId) : undefined;
}

export function isOptionAvailable(index: ScenarioIndex, state: RunState, option: Option): boolean {
  return option.requires === undefined || holds(index, state, option.requires);
}

/** A choice can be made when a decision is pending and the option exists and is available. */
export function canChoose(index: ScenarioIndex, state: RunState, optionId: string): boolean {
  if (state.phase !== 'incident' || state.posedAt === null) return false;
  const option = findOption(index, state, optionId);
  return option !== undefined && isOptionAvailable(index, state, option);
}

export function applyChoice(
  index: ScenarioIndex,
  state: RunState,
  optionId: string,
  by: ChoiceSource,
  votes?: Record<string, number>,
): RunState {
  const s = draft(state);
  applyChoiceInPlace(index, s, optionId, by, votes);
  return s;
}

export function applyChoiceInPlace(index: ScenarioIndex, s: RunState, optionId: string, by: ChoiceSource, votes?: Record<string, number>): void {
  const beatId = s.beat;
  const option = findOption(index, s, optionId);
  if (!beatId || !option || s.posedAt === null) throw new Error(`cannot apply option "${optionId}" now`);
  const partner = index.partners.get(s.partnerId);
  s.log.push({ t: s.clock, type: 'decision.made', beat: beatId, option: optionId, by, waited: s.clock - s.posedAt, ...(votes ? { votes } : {}) });
  s.posedAt = null;
  s.lastChoice = { beat: beatId, option: optionId, by };
  s.metrics.spend += (option.cost ?? 0) * (partner?.costFactor ?? 1);
  // The response takes time before it lands: the outage keeps costing while the work is done.
  advanceClock(index, s, Math.round((option.minutes ?? 0) * (partner?.timeFactor ?? 1)));
  applyEffects(index, s, option.effects);
  settle(index, s);
}

export function decisionDeadline(index: ScenarioIndex, state: RunState): number | null {
  const limit = state.beat ? index.beats.get(state.beat)?.decision?.timeLimit : undefined;
  if (state.posedAt === null || limit === undefined || state.timerHeld) return null;
  return state.posedAt + limit + state.timerExtension;
}

// Facilitator controls: a workshop's facilitator steers the pace of a run without editing it.

export function extendTimer(index: ScenarioIndex, state: RunState, minutes: number): RunState {
  const s = draft(state);
  s.timerExtension += minutes;
  s.log.push({ t: s.clock, type: 'timer.extended', beat: s.beat!, minutes });
  return s;
}

export function holdTimer(index: ScenarioIndex, state: RunState): RunState {
  const s = draft(state);
  s.timerHeld = true;
  s.log.push({ t: s.clock, type: 'timer.held', beat: s.beat! });
  return s;
}

/** The inject that would arrive next by the clock: the current beat's first, then the scenario's. */
export function nextReleasableInject(index: ScenarioIndex, state: RunState): { beat: string | null; inject: Inject } | null {
  if (state.phase !== 'incident' || state.posedAt === null) return null;
  const ready = (beat: string | null, inject: Inject): boolean =>
    !state.delivered.includes(injectKey(beat, inject)) &&
    inject.at !== undefined &&
    (inject.when === undefined || holds(index, state, inject.when));
  const earliest = (beat: string | null, list: readonly Inject[]) =>
    list
      .filter((i) => ready(beat, i))
      .sort((a, b) => (dueAt(state, a, beat !== null) ?? 0) - (dueAt(state, b, beat !== null) ?? 0))[0];
  const beatInject = state.beat ? earliest(state.beat, index.beats.get(state.beat)?.injects ?? []) : undefined;
  if (beatInject) return { beat: state.beat, inject: beatInject };
  const globalInject = earliest(null, index.globalInjects);
  return globalInject ? { beat: null, inject: globalInject } : null;
}

export function releaseInject(index: ScenarioIndex, state: RunState): RunState {
  const next = nextReleasableInject(index, state);
  if (!next) return state;
  const s = draft(state);
  deliver(index, s, next.beat, next.inject);
  settle(index, s);
  return s;
}

/** The option a skipped beat resolves to: its default, else the advice, else the first available option. */
export function skipOption(index: ScenarioIndex, state: RunState): string | null {
  const decision = state.beat ? index.beats.get(state.beat)?.decision : undefined;
  if (!decision || state.posedAt === null) return null;
  const usable = (id: string | undefined) => id !== undefined && canChoose(index, state, id);
  if (usable(decision.default)) return decision.default!;
  if (usable(decision.advice.option)) return decision.advice.option;
  return decision.options.find((o) => usable(o.id))?.id ?? null;
}

/**
 * True when the pending decision's time is up and its default can be applied. A default whose
 * `requires` does not hold cannot happen, so the decision waits (the loader warns about this).
 */
export function hasTimedOut(index: ScenarioIndex, state: RunState): boolean {
  const deadline = decisionDeadline(index, state);
  if (deadline === null || state.clock < deadline) return false;
  const fallback = state.beat ? index.beats.get(state.beat)?.decision?.default : undefined;
  return fallback !== undefined && canChoose(index, state, fallback);
}

export function tick(index: ScenarioIndex, state: RunState, minutes: number): RunState {
  if (state.phase !== 'incident' || minutes <= 0) return state;
  const s = draft(state);
  advanceClock(index, s, minutes);
  return s;
}
