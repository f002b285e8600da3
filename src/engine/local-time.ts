// The company's own clock: a scenario's `setting` ("Sunday 02:40, main plant") names the weekday
// and time the incident begins, so game minutes read as "Sun 04:10" and not only as T+1:30. Pure.

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export interface LocalStart {
  /** 0 = Monday. */
  weekday: number;
  /** Minutes after midnight. */
  minutes: number;
}

/** The weekday and time a setting names, or null when it names neither clearly. */
export function parseSetting(setting: string | undefined): LocalStart | null {
  if (!setting) return null;
  const time = /\b([01]?\d|2[0-3])[:.]([0-5]\d)\b/.exec(setting);
  const day = WEEKDAYS.findIndex((d) => new RegExp(`\\b${d}\\b`, 'i').test(setting));
  if (!time || day < 0) return null;
  return { weekday: day, minutes: Number(time[1]) * 60 + Number(time[2]) };
}

/** "Sun 04:10": the local weekday and time `t` game minutes after the start. */
export function localTime(start: LocalStart, t: number): string {
  const total = start.minutes + Math.max(0, Math.round(t));
  const day = WEEKDAYS[(start.weekday + Math.floor(total / 1440)) % 7]!.slice(0, 3);
  const m = total % 1440;
  return `${day} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** A span of game minutes in words: "45 min", "2 h 5 min". */
export function duration(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} min`;
  const rest = m % 60;
  return rest === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${rest} min`;
}
