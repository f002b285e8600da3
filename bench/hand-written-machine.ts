import { and, assign, createActor, setup, type AnyStateMachine } from 'xstate';

// The tiny scenario (tests/fixtures/tiny-scenario.ts) written by hand as an XState machine:
// the same states (preparation; two decision beats, each deciding + routing; two endings;
// debrief), the same events, and assigns doing comparable work (copy the run, log, accrue
// outage cost, apply the option's effects). The bench compares it with the compiled machine
// to show what compiling from data costs.

interface Ctx {
  clock: number;
  posedAt: number | null;
  beat: string | null;
  lastChoice: string | null;
  measures: string[];
  flags: string[];
  services: Record<string, 'up' | 'down'>;
  sentiment: Record<string, number>;
  revenueLost: number;
  log: { t: number; type: string; detail: string }[];
}

type Ev = { type: 'prep.commit'; measures: string[] } | { type: 'player.choose'; option: string } | { type: 'clock.tick'; minutes: number };

const copy = (c: Ctx): Ctx => ({
  ...c,
  measures: [...c.measures],
  flags: [...c.flags],
  services: { ...c.services },
  sentiment: { ...c.sentiment },
  log: [...c.log],
});

const advance = (c: Ctx, minutes: number): void => {
  if (c.services.db === 'down') c.revenueLost += 100 * minutes;
  c.clock += minutes;
  c.log.push({ t: c.clock, type: 'clock.advanced', detail: String(minutes) });
};

function applyChoice(context: Ctx, option: string): Ctx {
  const c = copy(context);
  c.log.push({ t: c.clock, type: 'decision.made', detail: option });
  c.lastChoice = option;
  c.posedAt = null;
  if (option === 'failover') {
    advance(c, 10);
    c.services.db = 'up';
    c.flags.push('recovered');
  } else if (option === 'restore') {
    advance(c, 150);
    c.services.db = 'up';
    c.flags.push('recovered');
  } else if (option === 'wait') c.flags.push('data-exposed');
  else if (option === 'tell') c.sentiment.customers = Math.min(100, (c.sentiment.customers ?? 0) + 10);
  return c;
}

function enterBeat(context: Ctx, beat: string, decision: boolean): Ctx {
  const c = copy(context);
  c.beat = beat;
  c.posedAt = decision ? c.clock : null;
  c.log.push({ t: c.clock, type: 'beat.entered', detail: beat });
  if (beat === 'outage') c.services.db = 'down';
  return c;
}

const choose = (option: string) => ({ type: 'choose', params: { option } }) as const;
const enter = (beat: string, decision: boolean) => ({ type: 'enter', params: { beat, decision } }) as const;

export function handWrittenMachine() {
  return setup({
    types: { context: {} as Ctx, events: {} as Ev },
    guards: {
      fits: ({ event }) => event.type === 'prep.commit' && event.measures.length <= 1,
      picked: ({ event }, p: { option: string }) => event.type === 'player.choose' && event.option === p.option,
      canFailover: ({ context }) => context.measures.includes('replica'),
      last: ({ context }, p: { option: string }) => context.lastChoice === p.option,
      recovered: ({ context }) => context.flags.includes('recovered'),
      timedOut: ({ context }) => context.posedAt !== null && context.clock >= context.posedAt + 15,
    },
    actions: {
      commit: assign(({ context, event }) => {
        const c = copy(context);
        if (event.type === 'prep.commit') c.measures = [...event.measures];
        c.log.push({ t: 0, type: 'preparation.committed', detail: c.measures.join(',') });
        return c;
      }),
      choose: assign(({ context }, params: { option: string }) => applyChoice(context, params.option)),
      enter: assign(({ context }, params: { beat: string; decision: boolean }) => enterBeat(context, params.beat, params.decision)),
      tick: assign(({ context, event }) => {
        const c = copy(context);
        if (event.type === 'clock.tick') advance(c, event.minutes);
        return c;
      }),
    },
  }).createMachine({
    id: 'hand-written',
    context: {
      clock: 0,
      posedAt: null,
      beat: null,
      lastChoice: null,
      measures: [],
      flags: [],
      services: { db: 'up', shop: 'up' },
      sentiment: { ceo: 70, customers: 60 },
      revenueLost: 0,
      log: [],
    },
    initial: 'preparation',
    states: {
      preparation: { on: { 'prep.commit': { guard: 'fits', actions: 'commit', target: 'incident' } } },
      incident: {
        initial: 'outage',
        states: {
          outage: {
            entry: enter('outage', true),
            initial: 'deciding',
            states: {
              deciding: {
                on: {
                  'player.choose': [
                    { guard: and([{ type: 'picked', params: { option: 'failover' } }, 'canFailover']), actions: choose('failover'), target: 'routing' },
                    { guard: { type: 'picked', params: { option: 'restore' } }, actions: choose('restore'), target: 'routing' },
                    { guard: { type: 'picked', params: { option: 'wait' } }, actions: choose('wait'), target: 'routing' },
                  ],
                  'clock.tick': { actions: 'tick' },
                },
                always: { guard: 'timedOut', actions: choose('wait'), target: 'routing' },
              },
              routing: {
                always: [
                  { guard: { type: 'last', params: { option: 'failover' } }, target: '#update' },
                  { guard: { type: 'last', params: { option: 'restore' } }, target: '#update' },
                  { guard: and([{ type: 'last', params: { option: 'wait' } }, 'recovered']), target: '#update' },
                  { guard: { type: 'last', params: { option: 'wait' } }, target: '#update' },
                ],
              },
            },
          },
          update: {
            id: 'update',
            entry: enter('update', true),
            initial: 'deciding',
            states: {
              deciding: {
                on: {
                  'player.choose': [
                    { guard: { type: 'picked', params: { option: 'tell' } }, actions: choose('tell'), target: 'routing' },
                    { guard: { type: 'picked', params: { option: 'hide' } }, actions: choose('hide'), target: 'routing' },
                  ],
                  'clock.tick': { actions: 'tick' },
                },
              },
              routing: {
                always: [
                  { guard: and([{ type: 'last', params: { option: 'tell' } }, 'recovered']), target: '#good-end' },
                  { guard: { type: 'last', params: { option: 'tell' } }, target: '#bad-end' },
                  { guard: { type: 'last', params: { option: 'hide' } }, target: '#bad-end' },
                ],
              },
            },
          },
          'good-end': { id: 'good-end', type: 'final', entry: enter('good-end', false) },
          'bad-end': { id: 'bad-end', type: 'final', entry: enter('bad-end', false) },
        },
        onDone: 'debrief',
      },
      debrief: { type: 'final' },
    },
  });
}

/** A pure stepper for any machine, built the way src/engine/runtime.ts steps scenario machines. */
export function stepperFor(machine: AnyStateMachine) {
  const self = createActor(machine);
  const noop = (): void => {};
  const scope = { self, system: self.system, id: '', sessionId: '', logger: noop, defer: noop, emit: noop, stopChild: noop, actionExecutor: noop } as never;
  return {
    start: () => machine.getInitialSnapshot(scope, undefined),
    step: (snapshot: ReturnType<AnyStateMachine['getInitialSnapshot']>, event: Ev) => machine.transition(snapshot, event, scope),
  };
}
