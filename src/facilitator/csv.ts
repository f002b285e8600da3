import { gameTime } from '../store/format.ts';
import type { AfterActionReport } from './report.ts';

// CSV for spreadsheets (RFC 4180: comma separated, CRLF line ends, quotes doubled). Cells that a
// spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) get a leading apostrophe,
// so scenario text or a note can never become a formula in someone's Excel.

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvText(header: readonly string[], rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function decisionsCsv(r: AfterActionReport): string {
  return csvText(
    ['n', 'game_time', 'beat', 'prompt', 'choice', 'decided_by', 'votes', 'advised', 'followed_advice', 'status', 'undone_at'],
    r.decisions.map((d) => [
      d.n,
      gameTime(d.t),
      d.beatTitle,
      d.prompt,
      d.label,
      d.by,
      d.votes.map((v) => `${v.label}: ${v.count}`).join('; '),
      d.advised,
      d.followed,
      d.kept ? 'kept' : 'undone',
      d.undoneAt,
    ]),
  );
}

export function notesCsv(r: AfterActionReport): string {
  return csvText(
    ['taken_at', 'game_time', 'beat', 'kind', 'objective', 'note'],
    r.notes.map((n) => [n.at, gameTime(n.t), n.beatTitle, n.kindLabel, n.objectiveText, n.text]),
  );
}
