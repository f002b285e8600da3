import type { Lang } from '../i18n/lang.ts';

// The company's own clock: a scenario's `setting` ("Sunday 02:40, main plant", or its German
// translation "Sonntag 02:40, Hauptwerk") names the weekday and time the incident begins, so game
// minutes read as "Sun 04:10" ("So 04:10" in a German run) and not only as T+1:30. Pure: the
// language is an input, English unless a caller says otherwise.

/** Weekday names a setting may use, Monday first, in every language a scenario is written in. */
const WEEKDAY_NAMES: readonly (readonly string[])[] = [
  ['Monday', 'Montag'],
  ['Tuesday', 'Dienstag'],
  ['Wednesday', 'Mittwoch'],
  ['Thursday', 'Donnerstag'],
  ['Friday', 'Freitag'],
  ['Saturday', 'Samstag', 'Sonnabend'],
  ['Sunday', 'Sonntag'],
];

/** How a clock abbreviates the weekday, Monday first. */
const WEEKDAY_SHORT: { readonly [L in Lang]: readonly string[] } = {
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  de: ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'],
};

/** A span's units: "2 h 5 min" in English, "2 Std. 5 Min." in German. */
const UNITS: { readonly [L in Lang]: { readonly h: string; readonly min: string } } = {
  en: { h: 'h', min: 'min' },
  de: { h: 'Std.', min: 'Min.' },
};

export interface LocalStart {
  /** 0 = Monday. */
  weekday: number;
  /** Minutes after midnight. */
  minutes: number;
}

/** The weekday and time a setting names (in English or German), or null when it names neither clearly. */
export function parseSetting(setting: string | undefined): LocalStart | null {
  if (!setting) return null;
  const time = /\b([01]?\d|2[0-3])[:.]([0-5]\d)\b/.exec(setting);
  const day = WEEKDAY_NAMES.findIndex((names) => names.some((d) => new RegExp(`\\b${d}\\b`, 'i').test(setting)));
  if (!time || day < 0) return null;
  return { weekday: day, minutes: Number(time[1]) * 60 + Number(time[2]) };
}

/** "Sun 04:10" ("So 04:10" in German): the local weekday and time `t` game minutes after the start. */
export function localTime(start: LocalStart, t: number, lang: Lang = 'en'): string {
  const total = start.minutes + Math.max(0, Math.round(t));
  const day = WEEKDAY_SHORT[lang][(start.weekday + Math.floor(total / 1440)) % 7]!;
  const m = total % 1440;
  return `${day} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** A span of game minutes in words: "45 min", "2 h 5 min" ("45 Min.", "2 Std. 5 Min." in German). */
export function duration(minutes: number, lang: Lang = 'en'): string {
  const { h, min } = UNITS[lang];
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} ${min}`;
  const rest = m % 60;
  return rest === 0 ? `${m / 60} ${h}` : `${Math.floor(m / 60)} ${h} ${rest} ${min}`;
}
