import { PACE_SECONDS, type Pace, type Speed } from '../store/pace.ts';

// How game time relates to the room's real time in a workshop. A leadership team needs minutes
// of real discussion per decision, so the facilitator's clock is slower than the solo game's:
// in the facilitator-paced mode game time moves only when the facilitator moves it, and in the
// real-time mode a decision's timer never runs out faster than the room can talk.

/**
 * paced: game time moves only when the facilitator advances (a decision, or "time passes");
 * realtime: game time runs by the clock at the chosen pace.
 */
export const CLOCK_MODES = ['paced', 'realtime'] as const;
export type ClockMode = (typeof CLOCK_MODES)[number];

/** The shortest real time a timed decision may last at each pace, in seconds (at any speed). */
export const MIN_DECISION_SECONDS: Record<Pace, number> = { relaxed: 120, standard: 90, intense: 60 };

/** What "+5 min" adds to a running decision timer: five minutes of the room's real time. */
export const EXTEND_REAL_MINUTES = 5;

/** The facilitator's "time passes" steps, in game minutes. */
export const TIME_STEPS = [30, 120] as const;

/** The discussion timer's choices, in real minutes; 0 is off. */
export const DISCUSSION_MINUTES = [0, 1, 2, 3, 5, 10] as const;
/** When the console starts warning that the discussion time is running down, in seconds. */
export const DISCUSSION_WARNING_SECONDS = 30;
/** Upper bound of a discussion timer, in seconds. */
export const MAX_DISCUSSION_SECONDS = 60 * 60;

/**
 * Real milliseconds per game minute. While a timed decision is open, the clock slows so that the
 * decision's whole time limit lasts at least the pace's minimum in real time; speed never makes a
 * decision shorter than that.
 */
export function msPerGameMinute(pace: Pace, speed: Speed, decisionLimit: number | null): number {
  const base = (PACE_SECONDS[pace] * 1000) / speed;
  if (decisionLimit === null || decisionLimit <= 0) return base;
  return Math.max(base, (MIN_DECISION_SECONDS[pace] * 1000) / decisionLimit);
}

/** The game minutes that add `realMinutes` of real time at a given clock rate (at least 1). */
export function gameMinutesFor(realMinutes: number, msPerMinute: number): number {
  return Math.max(1, Math.ceil((realMinutes * 60_000) / msPerMinute));
}

/**
 * How far "time passes" may move the clock: never onto a decision's deadline, because in the
 * facilitator-paced mode a default is applied only when the facilitator confirms it (skip).
 */
export function pacedStep(clock: number, deadline: number | null, minutes: number): { minutes: number; capped: boolean } {
  if (deadline === null || clock + minutes < deadline) return { minutes, capped: false };
  return { minutes: Math.max(0, deadline - clock - 1), capped: true };
}

/** Seconds left on a discussion timer at real time `now` (ms), never below 0. */
export function discussionLeft(endsAt: string | null, now: number): number | null {
  if (endsAt === null) return null;
  const end = Date.parse(endsAt);
  if (Number.isNaN(end)) return null;
  return Math.max(0, Math.ceil((end - now) / 1000));
}

/** "2:05" for a number of seconds. */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
