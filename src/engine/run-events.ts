import type { RunEvent } from './machine.ts';

// The shape and bounds of a run's inputs, checked before the engine looks at their meaning, so
// inputs from outside (a save, a session file, a network frame) can never reach the machine
// malformed (a `measures` that is not a list) or absurd (a tick of 1e308 minutes).

/** The longest one input may move game time or extend a timer: 30 days, the format's limit for minutes. */
export const MAX_EVENT_MINUTES = 60 * 24 * 30;
/** More inputs than any run needs: a two-hour session ticking every second is ~7,200. */
export const MAX_RUN_INPUTS = 100_000;
const MAX_ID = 64;
const MAX_LIST = 100;
const MAX_VOTES = 100_000;

const isId = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= MAX_ID;
const whole = (x: unknown, min: number, max: number): x is number => typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;

/**
 * Why a value is not a well-formed run input, as data (src/i18n/refusal-text.ts words it in each
 * language). Field names and types from outside are cut to 40 characters, so a hostile input
 * cannot make the reason long.
 */
export type InputProblem =
  | { readonly why: 'notAnInput' }
  | { readonly why: 'extraFields'; readonly type: string; readonly fields: readonly string[] }
  | { readonly why: 'measuresNotList'; readonly max: number }
  | { readonly why: 'noOptionId' }
  | { readonly why: 'votesNotMap' }
  | { readonly why: 'votesOutOfRange'; readonly max: number }
  | { readonly why: 'tickOutOfRange'; readonly max: number }
  | { readonly why: 'extendOutOfRange'; readonly max: number }
  | { readonly why: 'unknownInput'; readonly type: string | null };

/** Why a value is not a well-formed run input; null when it is one. */
export function eventShapeProblem(value: unknown): InputProblem | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { why: 'notAnInput' };
  const e = value as Record<string, unknown>;
  const type = e.type as RunEvent['type'] | undefined;
  const raw: unknown = e.type;
  const only = (...allowed: string[]): InputProblem | null => {
    const extra = Object.keys(e).filter((k) => k !== 'type' && !allowed.includes(k));
    return extra.length > 0 ? { why: 'extraFields', type: String(type), fields: extra.map((k) => k.slice(0, 40)) } : null;
  };
  switch (type) {
    case 'prep.commit':
      if (!Array.isArray(e.measures) || e.measures.length > MAX_LIST || !e.measures.every(isId)) return { why: 'measuresNotList', max: MAX_LIST };
      return only('measures');
    case 'player.choose': {
      if (!isId(e.option)) return { why: 'noOptionId' };
      if (e.votes !== undefined) {
        const votes = e.votes;
        if (typeof votes !== 'object' || votes === null || Array.isArray(votes)) return { why: 'votesNotMap' };
        const entries = Object.entries(votes);
        if (entries.length > 5 || !entries.every(([id, n]) => isId(id) && whole(n, 0, MAX_VOTES))) return { why: 'votesOutOfRange', max: MAX_VOTES };
      }
      return only('option', 'votes');
    }
    case 'clock.tick':
      if (!whole(e.minutes, 1, MAX_EVENT_MINUTES)) return { why: 'tickOutOfRange', max: MAX_EVENT_MINUTES };
      return only('minutes');
    case 'facilitator.extend':
      if (!whole(e.minutes, 1, MAX_EVENT_MINUTES)) return { why: 'extendOutOfRange', max: MAX_EVENT_MINUTES };
      return only('minutes');
    case 'facilitator.hold':
    case 'facilitator.release':
    case 'facilitator.skip':
      return only();
    default:
      return { why: 'unknownInput', type: typeof raw === 'string' ? raw.slice(0, 40) : null };
  }
}

/**
 * The same inputs with each run of consecutive clock ticks merged into one (split again only
 * past MAX_EVENT_MINUTES). The clock stops at every scheduled event inside a tick, so the run
 * reaches the same beats, choices and endings; only the log's clock samples get coarser. A
 * session that ticked every second replays in a handful of steps instead of tens of thousands.
 */
export function collapseTicks(inputs: readonly RunEvent[]): RunEvent[] {
  const out: RunEvent[] = [];
  for (const event of inputs) {
    const last = out[out.length - 1];
    if (event.type === 'clock.tick' && last?.type === 'clock.tick' && last.minutes + event.minutes <= MAX_EVENT_MINUTES) {
      out[out.length - 1] = { type: 'clock.tick', minutes: last.minutes + event.minutes };
    } else {
      out.push(event);
    }
  }
  return out;
}
