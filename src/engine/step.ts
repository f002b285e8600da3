import type { ScenarioIndex } from './scenario-index.ts';
import type { RunEvent } from './machine.ts';
import {
  applyChoice,
  canChoose,
  canCommitPreparation,
  commitPreparation,
  decisionDeadline,
  enterBeat,
  extendTimer,
  hasTimedOut,
  holdTimer,
  nextReleasableInject,
  releaseInject,
  skipOption,
  tick,
} from './rules.ts';
import { holds } from './conditions.ts';
import type { RunState } from './state.ts';

// The scenario machine (machine.ts) as a plain function over RunState, for the checker.
// XState interprets the machine's state nodes, guards and eventless transitions on every
// step, and that bookkeeping cost more than the game's own rules in the explorer (profiled
// in issue 13). The rules are the same reducers from rules.ts; only the control structure
// (which reducer runs when) is restated here, and tests/engine/step.test.ts walks every
// shipped scenario at random through both and requires the same state after every step.
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
    const committed = commitPreparation(index, state, event.measures);
    return settleBeat(index, enterBeat(index, committed, index.scenario.start));
  }
  const decision = state.beat === null ? undefined : index.beats.get(state.beat)?.decision;
  if (!decision) return state;
  let s = state;
  let choseNow = false;
  switch (event.type) {
    case 'player.choose':
      if (decision.options.some((o) => o.id === event.option) && canChoose(index, s, event.option)) {
        s = applyChoice(index, s, event.option, 'player', event.votes);
        choseNow = true;
      }
      break;
    case 'clock.tick':
      s = tick(index, s, event.minutes);
      break;
    case 'facilitator.extend':
      if (decisionDeadline(index, s) !== null) s = extendTimer(index, s, event.minutes);
      break;
    case 'facilitator.hold':
      if (decisionDeadline(index, s) !== null) s = holdTimer(index, s);
      break;
    case 'facilitator.release':
      if (nextReleasableInject(index, s) !== null) s = releaseInject(index, s);
      break;
    case 'facilitator.skip': {
      const option = skipOption(index, s);
      if (option !== null) {
        s = applyChoice(index, s, option, 'facilitator');
        choseNow = true;
      }
      break;
    }
    case 'prep.commit':
      break;
    default: {
      const unreachable: never = event;
      throw new Error(`unknown event ${JSON.stringify(unreachable)}`);
    }
  }
  return choseNow ? settleBeat(index, route(index, s)) : settleBeat(index, s);
}

/** The beat a choice just made leads to, entered: the machine's `routing` state. */
function route(index: ScenarioIndex, s: RunState): RunState {
  const beat = index.beats.get(s.beat!)!;
  for (const option of beat.decision!.options) {
    if (s.lastChoice?.option !== option.id) continue;
    const branch = option.branches?.find((b) => holds(index, s, b.when));
    return enterBeat(index, s, branch ? branch.next : option.next);
  }
  throw new Error(`beat "${beat.id}" has no route for option "${s.lastChoice?.option}"`);
}

/** The machine's eventless `deciding` transition: a timed-out decision takes its default and moves on, repeatedly. */
function settleBeat(index: ScenarioIndex, state: RunState): RunState {
  let s = state;
  for (let entered = 0; s.phase === 'incident'; entered++) {
    const decision = s.beat === null ? undefined : index.beats.get(s.beat)?.decision;
    if (!decision || decision.default === undefined || decision.timeLimit === undefined || !hasTimedOut(index, s)) return s;
    // A timeout can only fire on entry when the time limit is 0, so a chain longer than the
    // scenario's beats has come round again and would never end (the machine would hang).
    if (entered > index.scenario.beats.length) {
      throw new Error(`beat "${s.beat}" times out again and again with no time passing; give its time limit at least 1 minute`);
    }
    s = route(index, applyChoice(index, s, decision.default, 'timeout'));
  }
  return s;
}
