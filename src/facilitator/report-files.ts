import type { Lang } from '../i18n/lang.ts';
import type { AfterActionReport } from './report.ts';
import { reportWords } from './report-words.ts';
import type { Session } from './session.ts';

// The after-action report's JSON and file names, and the shared wording of dates and times
// (the AAR/IP's Markdown is in aar-text.ts).

export interface TimeOptions {
  /** IANA zone for real times; the browser's own when omitted. */
  timeZone?: string;
}

// The reports' languages as Intl locales (the same as src/i18n/format.ts); these two take a zone, which formats(lang) does not.
const LOCALES: { readonly [L in Lang]: string } = { en: 'en-GB', de: 'de-DE' };

/** "14:05" in both languages (a 24-hour clock). */
export function clockTime(iso: string, lang: Lang = 'en', opts: TimeOptions = {}): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: opts.timeZone }).format(d);
}

/** "14 March 2025" / "14. März 2025"; a bare date (YYYY-MM-DD) is that day wherever the reader is. */
export function calendarDate(iso: string, lang: Lang = 'en', opts: TimeOptions = {}): string {
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: iso.length === 10 ? 'UTC' : opts.timeZone }).format(d);
}

export const REPORT_JSON_FORMAT = 'war-room.after-action-report';

/** The report with the session it came from, whose run inputs replay the exercise exactly. */
export function reportJson(r: AfterActionReport, session: Session): string {
  return JSON.stringify({ format: REPORT_JSON_FORMAT, version: 1, report: r, session }, null, 2);
}

/** A plan date (YYYY-MM-DD, as the date field keeps it) in the language's numeric order: 2025-04-01 / 01.04.2025. */
export function planDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? reportWords(lang)('planDate', { year: m[1]!, month: m[2]!, day: m[3]! }) : iso;
}

/** "aar-blue-team-2025-03-14.md", "auswertung-fuhrungskreis-2025-03-14-verbesserungsplan.csv": ASCII, for mail and file systems. */
export function reportFileName(r: AfterActionReport, ext: string, part?: 'plan' | 'decisions' | 'notes'): string {
  const t = reportWords(r.lang);
  const ascii = r.overview.team.replace(/ß/g, 'ss').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const team = ascii.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || t('file.team');
  const day = (r.overview.startedAt ?? r.generatedAt).slice(0, 10);
  return t('file.report', { team, day, suffix: part ? t(`file.${part}`) : '', ext });
}
