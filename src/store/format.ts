// Formatting shared by the screens and the Markdown export, so both say the same thing.

import { formats } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';

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

/**
 * A compact span for tight readouts: "45m", "2h 05m", "124h 32m". German writes the SI units
 * ("45 min", "2 h 05 min"), shorter than "Std."/"Min." and never read as metres.
 */
export function durationShort(minutes: number, lang: Lang = 'en'): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = String(m % 60).padStart(2, '0');
  if (lang === 'de') return m < 60 ? `${m} min` : `${h} h ${rest} min`;
  return m < 60 ? `${m}m` : `${h}h ${rest}m`;
}

// Amounts and counts are written by the one formatter per language; a surface passes its language.
export function money(amount: number, currency: string, lang: Lang = 'en'): string {
  return formats(lang).money(amount, currency);
}

export function count(n: number, lang: Lang = 'en'): string {
  return formats(lang).number(Math.round(n));
}

/** Points with their sign, as the language writes the number: "+5", "−21.8" / "−21,8", "0". */
export function signed(points: number, lang: Lang = 'en'): string {
  const sign = points > 0 ? '+' : points < 0 ? '−' : '';
  return `${sign}${formats(lang).number(Math.abs(points))}`;
}

