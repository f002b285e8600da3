import type { AfterActionReport } from './report.ts';
import type { Session } from './session.ts';

// The after-action report's JSON and file names, and the shared wording of dates and times
// (the AAR/IP's Markdown is in aar-text.ts).

export interface TimeOptions {
  /** IANA zone for real times; the browser's own when omitted. */
  timeZone?: string;
}

export function clockTime(iso: string, opts: TimeOptions = {}): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: opts.timeZone }).format(d);
}

export function calendarDate(iso: string, opts: TimeOptions = {}): string {
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: iso.length === 10 ? 'UTC' : opts.timeZone }).format(d);
}

export const REPORT_JSON_FORMAT = 'war-room.after-action-report';

/** The report with the session it came from, whose run inputs replay the exercise exactly. */
export function reportJson(r: AfterActionReport, session: Session): string {
  return JSON.stringify({ format: REPORT_JSON_FORMAT, version: 1, report: r, session }, null, 2);
}

/** "aar-blue-team-2025-03-14.md" */
export function reportFileName(r: AfterActionReport, ext: string, suffix = ''): string {
  const team = r.overview.team.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'team';
  const day = (r.overview.startedAt ?? r.generatedAt).slice(0, 10);
  return `aar-${team}-${day}${suffix}.${ext}`;
}
