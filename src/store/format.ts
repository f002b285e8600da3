// Formatting shared by the screens and the Markdown export, so both say the same thing.

import { formats } from '../i18n/format.ts';

/** The engine words durations in scenario text ({duration}) the same way the screens do. */
export { duration } from '../engine/local-time.ts';

/** Game time as the war room shows it: T+0:05, T+2:40, T+26:00. */
export function gameTime(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  return `T+${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * What a clock shows: the company's local day and time first ("Sun 04:10", from the view's
 * localTime), with T+ as the secondary reading; T+ alone when the scenario's setting names no time.
 */
export function clockReadout(localTime: string | null, minutes: number): { main: string; elapsed: string | null } {
  return localTime ? { main: localTime, elapsed: gameTime(minutes) } : { main: gameTime(minutes), elapsed: null };
}

/** A compact span for tight readouts: "45m", "2h 05m", "124h 32m". */
export function durationShort(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  return m < 60 ? `${m}m` : `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

/**
 * The one mood scale for stakeholders' confidence (0–100), used by the HTML panels and the
 * canvas alike so the same number always reads as the same word.
 */
export const MOODS = ['confident', 'uneasy', 'worried', 'angry'] as const;
export type Mood = (typeof MOODS)[number];

export function moodOf(sentiment: number): Mood {
  if (sentiment >= 65) return 'confident';
  if (sentiment >= 40) return 'uneasy';
  if (sentiment >= 20) return 'worried';
  return 'angry';
}

// The screens speak English for now (docs/i18n.md); amounts and counts are written by the one formatter per language.
const english = formats('en');

export function money(amount: number, currency: string): string {
  return english.money(amount, currency);
}

export function count(n: number): string {
  return english.number(Math.round(n));
}

export function signed(points: number): string {
  return points > 0 ? `+${points}` : points < 0 ? `−${Math.abs(points)}` : '0';
}

export const DIMENSION_LABELS = {
  communication: 'Communication',
  proactivity: 'Proactivity',
  businessImpact: 'Business impact',
} as const;

export const TIER_LABELS = { 'break-fix': 'Break-fix vendor', managed: 'Managed service', strategic: 'Strategic partner' } as const;
