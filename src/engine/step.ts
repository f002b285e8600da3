import type { ScenarioIndex } from './scenario-index.ts';
import type { RunEvent } from './machine.ts';
import { advanceClock } from './effects.ts';
import { draft } from './draft.ts';
import {
  applyChoiceInPlace,
  canChoose,
  canCommitPreparation,
  commitPreparationInPlace,
  decisionDeadline,
  enterBeatInPlace,
  extendTimer,
  hasTimedOut,
  holdTimer,
  nextReleasableInject,
  releaseInject,
  skipOption,
} from './rules.ts';
import { holds } from './conditions.ts';
import type { RunState } from './state.ts';

// The scenario machine (machine.ts) as a plain function over RunState, for the checker.
// XState interprets the machine's state nodes, guards and eventless transitions on every
// step, and that bookkeeping cost more than the game's own rules in the explorer (profiled
// in issue 13). The rules are the same reducers from rules.ts; only the control structure
// (which reducer runs when) is restated here, and tests/engine/step.test.ts walks every
// shipped scenario at random through both and requires the same state after every step.
// A step copies the run once (draft.ts) and applies the rules to that copy in place.
//
// At rest a run is in one of three places: preparation, a beat's pending decision
// ("deciding"), or ended (the machine's `done`). "Routing" never rests: a choice is routed
// to the next beat within the same step.

/** True when the run has ended: the machine's snapshot is `done`. */
export function isEnded(state: RunState): boolean {
  return state.phase === 'ended';
}

/** One step of a run, as the machine takes it. Events the machine would ignore return the same state. */
export function stepState(index: ScenarioIndex, state: RunState, event: RunEvent): RunState {
  if (state.phase === 'ended') return state;
  if (state.phase === 'preparation') {
    if (event.type !== 'prep.commit' || !canCommitPreparation(index, state, event.measures)) return state;
    const s = draft(state);
    commitPreparationInPlace(index, s, event.measures);
    enterBeatInPlace(index, s, index.scenario.start);
    return settleBeat(index, s, true);
  }
  const decision = state.beat === null ? undefined : index.beats.get(state.beat)?.decision;
  if (!decision) return state;
  switch (event.type) {
    case 'player.choose':
      if (!decision.options.some((o) => o.id === event.option) || !canChoose(index, state, event.option)) return settleBeat(index, state);
      return choose(index, state, event.option, 'player', event.votes);
    case 'clock.tick': {
      if (event.minutes <= 0) return settleBeat(index, state);
      const s = draft(state);
      advanceClock(index, s, event.minutes);
      return settleBeat(index, s, true);
    }
    case 'facilitator.extend':
      return settleBeat(index, decisionDeadline(index, state) === null ? state : extendTimer(index, state, event.minutes));
    case 'facilitator.hold':
      return settleBeat(index, decisionDeadline(index, state) === null ? state : holdTimer(index, state));
    case 'facilitator.release':
      return settleBeat(index, nextReleasableInject(index, state) === null ? state : releaseInject(index, state));
    case 'facilitator.skip': {
      const option = skipOption(index, state);
      return option === null ? settleBeat(index, state) : choose(index, state, option, 'facilitator');
    }
    case 'prep.commit':
      return settleBeat(index, state);
    default: {
      const unreachable: never = event;
      throw new Error(`unknown event ${JSON.stringify(unreachable)}`);
    }
  }
}

/** A choice applied and routed, on a copy of the run. */
function choose(index: ScenarioIndex, state: RunState, option: string, by: 'player' | 'facilitator', votes?: Record<string, number>): RunState {
  const s = draft(state);
  applyChoiceInPlace(index, s, option, by, votes);
  route(index, s);
  return settleBeat(index, s, true);
}

/** Enters the beat a choice just made leads to: the machine's `routing` state. Changes `s`. */
function route(index: ScenarioIndex, s: RunState): void {
  const beat = index.beats.get(s.beat!)!;
  for (const option of beat.decision!.options) {
    if (s.lastChoice?.option !== option.id) continue;
    const branch = option.branches?.find((b) => holds(index, s, b.when));
    enterBeatInPlace(index, s, branch ? branch.next : option.next);
    return;
  }
  throw new Error(`beat "${beat.id}" has no route for option "${s.lastChoice?.option}"`);
}

/**
 * The machine's eventless `deciding` transition: a timed-out decision takes its default and
 * moves on, repeatedly. `owned`: `state` is this step's own copy and may be changed.
 */
function settleBeat(index: ScenarioIndex, state: RunState, owned = false): RunState {
  let s = state;
  for (let entered = 0; s.phase === 'incident'; entered++) {
    const decision = s.beat === null ? undefined : index.beats.get(s.beat)?.decision;
    if (!decision || decision.default === undefined || decision.timeLimit === undefined || !hasTimedOut(index, s)) return s;
    // A timeout can only fire on entry when the time limit is 0, so a chain longer than the
    // scenario's beats has come round again and would never end (the machine would hang).
    if (entered > index.scenario.beats.length) {
      throw new Error(`beat "${s.beat}" times out again and again with no time passing; give its time limit at least 1 minute`);
    }
    if (!owned && s === state) s = draft(state);
    applyChoiceInPlace(index, s, decision.default, 'timeout');
    route(index, s);
  }
  return s;
}
