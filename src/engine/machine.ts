import { and, assign, setup, type SnapshotFrom } from 'xstate';
import type { Condition } from '../scenarios/schema.ts';
import { holds } from './conditions.ts';
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
  initialState,
  nextReleasableInject,
  releaseInject,
  skipOption,
  tick,
  type RunInput,
} from './rules.ts';
import type { ScenarioIndex } from './scenario-index.ts';
import type { ChoiceSource, RunState } from './state.ts';

export type RunEvent =
  | { type: 'prep.commit'; measures: string[] }
  | { type: 'player.choose'; option: string; votes?: Record<string, number> }
  | { type: 'clock.tick'; minutes: number }
  | { type: 'facilitator.extend'; minutes: number }
  | { type: 'facilitator.hold' }
  | { type: 'facilitator.release' }
  | { type: 'facilitator.skip' };

export type RunEventType = RunEvent['type'];

/** A beat's state id; `#beat.<id>` targets it from anywhere in the machine. */
export const beatStateId = (beat: string): string => `beat:${beat}`;

/**
 * Compiles a scenario into an XState machine. Each beat becomes a state with two children:
 * `deciding` waits for `player.choose` or a timeout; `routing` picks the next beat with
 * eventless transitions, so branch conditions see the chosen option's effects.
 * Game time only moves on `clock.tick` (no delayed transitions), so every path can be walked.
 */
export function compileMachine(index: ScenarioIndex) {
  const { scenario } = index;
  const beatTarget = (beat: string): string => `#${beatStateId(beat)}`;

  const beatStates: Record<string, object> = {};
  for (const beat of scenario.beats) {
    const enter = { type: 'enterBeat', params: { beat: beat.id } } as const;
    if (beat.ending) {
      beatStates[beat.id] = { id: beatStateId(beat.id), type: 'final', entry: enter };
      continue;
    }
    const decision = beat.decision!;
    const routes = decision.options.flatMap((option) => [
      ...(option.branches ?? []).map((branch) => ({
        guard: and([
          { type: 'lastChoiceWas', params: { option: option.id } },
          { type: 'conditionHolds', params: { condition: branch.when } },
        ]),
        target: beatTarget(branch.next),
      })),
      { guard: { type: 'lastChoiceWas', params: { option: option.id } }, target: beatTarget(option.next) },
    ]);
    beatStates[beat.id] = {
      id: beatStateId(beat.id),
      entry: enter,
      initial: 'deciding',
      states: {
        deciding: {
          on: {
            'player.choose': decision.options.map((option) => ({
              guard: { type: 'canChoose', params: { option: option.id } },
              actions: { type: 'applyChoice', params: { option: option.id, by: 'player' } },
              target: 'routing',
            })),
            'clock.tick': { actions: 'tick' },
            'facilitator.extend': { guard: 'isTimed', actions: 'extendTimer' },
            'facilitator.hold': { guard: 'isTimed', actions: 'holdTimer' },
            'facilitator.release': { guard: 'hasInjectToRelease', actions: 'releaseInject' },
            'facilitator.skip': { guard: 'canSkip', actions: 'skipDecision', target: 'routing' },
          },
          ...(decision.default !== undefined && decision.timeLimit !== undefined
            ? {
                always: {
                  guard: 'decisionTimedOut',
                  actions: { type: 'applyChoice', params: { option: decision.default, by: 'timeout' } },
                  target: 'routing',
                },
              }
            : {}),
        },
        routing: { always: routes },
      },
    };
  }

  return setup({
    types: {
      context: {} as RunState,
      events: {} as RunEvent,
      input: {} as RunInput,
    },
    guards: {
      canCommitPreparation: ({ context, event }) =>
        event.type === 'prep.commit' && canCommitPreparation(index, context, event.measures),
      canChoose: ({ context, event }, params: { option: string }) =>
        event.type === 'player.choose' && event.option === params.option && canChoose(index, context, params.option),
      lastChoiceWas: ({ context }, params: { option: string }) => context.lastChoice?.option === params.option,
      conditionHolds: ({ context }, params: { condition: Condition }) => holds(index, context, params.condition),
      decisionTimedOut: ({ context }) => hasTimedOut(index, context),
      isTimed: ({ context }) => decisionDeadline(index, context) !== null,
      hasInjectToRelease: ({ context }) => nextReleasableInject(index, context) !== null,
      canSkip: ({ context }) => skipOption(index, context) !== null,
    },
    actions: {
      commitPreparation: assign(({ context, event }) =>
        event.type === 'prep.commit' ? commitPreparation(index, context, event.measures) : context,
      ),
      enterBeat: assign(({ context }, params: { beat: string }) => enterBeat(index, context, params.beat)),
      applyChoice: assign(({ context, event }, params: { option: string; by: ChoiceSource }) =>
        applyChoice(index, context, params.option, params.by, event.type === 'player.choose' ? event.votes : undefined),
      ),
      skipDecision: assign(({ context }) => applyChoice(index, context, skipOption(index, context)!, 'facilitator')),
      extendTimer: assign(({ context, event }) =>
        event.type === 'facilitator.extend' ? extendTimer(index, context, event.minutes) : context,
      ),
      holdTimer: assign(({ context }) => holdTimer(index, context)),
      releaseInject: assign(({ context }) => releaseInject(index, context)),
      tick: assign(({ context, event }) => (event.type === 'clock.tick' ? tick(index, context, event.minutes) : context)),
    },
  }).createMachine({
    id: scenario.id,
    context: ({ input }) => initialState(index, input),
    initial: 'preparation',
    states: {
      preparation: {
        on: { 'prep.commit': { guard: 'canCommitPreparation', actions: 'commitPreparation', target: 'incident' } },
      },
      incident: {
        initial: scenario.start,
        // The beats are generated from data, so their exact literal types are unknown here.
        states: beatStates as never,
        onDone: 'debrief',
      },
      debrief: { type: 'final' },
    },
  });
}

export type ScenarioMachine = ReturnType<typeof compileMachine>;
export type RunSnapshot = SnapshotFrom<ScenarioMachine>;
