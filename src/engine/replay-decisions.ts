import type { CompiledScenario } from './compile.ts';
import { missingCapabilities } from './capabilities.ts';
import { canChoose, decisionDeadline, isOptionAvailable, skipOption } from './rules.ts';
import { Run, RunError } from './runtime.ts';
import type { ChoiceSource, LogEntry, RunState } from './state.ts';

// Replays a player's decisions under other circumstances (another IT partner, no preparation,
// one decision taken differently) from the run's seed. The decisions are matched by beat: the
// k-th time a beat is reached, the player's k-th answer to that beat is given, after the same
// thinking time. Where that answer is out of reach, what would happen in play happens: the
// decision's default when the clock runs out, else the first usable option. Pure and budgeted.

/** One answer a player gave, as the run's log recorded it. */
export interface PlayedDecision {
  beat: string;
  option: string;
  by: ChoiceSource;
  waited: number;
}

export interface ReplayPlan {
  seed: number;
  partner: string;
  prep: readonly string[];
  decisions: readonly PlayedDecision[];
}

/** Why a replay applied another option than the player's. */
export type ChangeReason = 'out-of-reach' | 'not-reached';

export interface ChangedDecision {
  /** 1-based position of the decision in the replay. */
  n: number;
  beat: string;
  /** The player's answer to this beat, or null when the player never reached it. */
  played: string | null;
  applied: string;
  reason: ChangeReason;
}

/**
 * An option that was not open at a decision. `needs`: the partner capabilities that would have
 * opened it; empty when the partner is not the reason (preparation or the situation closed it).
 */
export interface ClosedAt {
  n: number;
  t: number;
  beat: string;
  option: string;
  needs: string[];
}

export interface ReplayResult {
  state: RunState;
  /** The decisions answered in this replay, in order. */
  applied: { n: number; t: number; beat: string; option: string }[];
  changed: ChangedDecision[];
  /** Options not open at each decision. */
  closed: ClosedAt[];
  /** False when the replay stopped before an ending (a refused step or the budget ran out). */
  complete: boolean;
}

/** Decisions a replay answers at most: far above any shipped scenario's length. */
export const MAX_REPLAY_DECISIONS = 500;

export function playedDecisions(log: readonly LogEntry[]): PlayedDecision[] {
  return log.flatMap((e) => (e.type === 'decision.made' ? [{ beat: e.beat, option: e.option, by: e.by, waited: e.waited }] : []));
}

/** The seed, partner, preparation and answers of a finished or running game. */
export function planOf(state: RunState): ReplayPlan {
  return { seed: state.seed, partner: state.partnerId, prep: state.measures, decisions: playedDecisions(state.log) };
}

export function replayDecisions(compiled: CompiledScenario, plan: ReplayPlan): ReplayResult {
  const { index } = compiled;
  const queues = new Map<string, PlayedDecision[]>();
  for (const d of plan.decisions) queues.set(d.beat, [...(queues.get(d.beat) ?? []), d]);
  const run = Run.start(compiled, { seed: plan.seed, partner: plan.partner });
  const applied: ReplayResult['applied'] = [];
  const changed: ChangedDecision[] = [];
  const closed: ClosedAt[] = [];
  const done = (complete: boolean): ReplayResult => ({ state: run.state, applied, changed, closed, complete });
  try {
    run.commitPreparation([...plan.prep]);
    for (let n = 1; n <= MAX_REPLAY_DECISIONS && !run.isOver; n++) {
      const state = run.state;
      const beat = state.beat === null ? undefined : index.beats.get(state.beat);
      const decision = beat?.decision;
      if (!beat || !decision || state.posedAt === null) return done(false);
      for (const option of decision.options) {
        if (isOptionAvailable(index, state, option)) continue;
        closed.push({ n, t: state.clock, beat: beat.id, option: option.id, needs: missingCapabilities(index, state, option.requires) });
      }
      const played = queues.get(beat.id)?.shift();
      const answered = decisionsIn(run.state);
      const deadline = decisionDeadline(index, state);
      const wait = played?.by === 'timeout' && deadline !== null ? deadline - state.clock : Math.min(played?.waited ?? 0, deadline === null ? Infinity : deadline - state.clock - 1);
      if (wait >= 1) run.advance(wait);
      if (decisionsIn(run.state) === answered) {
        const wanted = played?.option;
        const option = wanted !== undefined && canChoose(index, run.state, wanted) ? wanted : fallbackOption(compiled, run.state);
        if (option === null) return done(false);
        run.choose(option);
      }
      const last = run.state.log.findLast((e) => e.type === 'decision.made');
      if (last?.type !== 'decision.made') return done(false);
      applied.push({ n, t: last.t, beat: last.beat, option: last.option });
      if (!played) changed.push({ n, beat: last.beat, played: null, applied: last.option, reason: 'not-reached' });
      else if (played.option !== last.option) changed.push({ n, beat: last.beat, played: played.option, applied: last.option, reason: 'out-of-reach' });
    }
  } catch (error) {
    if (error instanceof RunError) return done(false);
    throw error;
  }
  return done(run.isOver);
}

function decisionsIn(state: RunState): number {
  let n = 0;
  for (const e of state.log) if (e.type === 'decision.made') n++;
  return n;
}

/** What play would apply when the player's answer cannot be given: the timer's default, else the first usable option. */
function fallbackOption(compiled: CompiledScenario, state: RunState): string | null {
  const decision = state.beat ? compiled.index.beats.get(state.beat)?.decision : undefined;
  if (decision?.default !== undefined && canChoose(compiled.index, state, decision.default)) return decision.default;
  const usable = decision?.options.find((o) => isOptionAvailable(compiled.index, state, o));
  return usable?.id ?? skipOption(compiled.index, state);
}
