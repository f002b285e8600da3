import type { Lang } from '../i18n/lang.ts';
import { gameTime } from '../store/format.ts';
import type { AfterActionReport } from './report.ts';
import { reportWords } from './report-words.ts';

// CSV for spreadsheets (RFC 4180: quotes doubled, CRLF line ends). Cells that a spreadsheet would
// run as a formula (=, +, -, @, tab, CR at the start) get a leading apostrophe, so scenario text or
// a note can never become a formula in someone's Excel.
//
// Each language's CSV is what that language's Excel opens by a double click, in columns:
// - English: comma separated, plain UTF-8 (as before; scripts that read it keep working).
// - German: semicolon separated, because German Excel splits on the list separator ";" (with ","
//   every line lands in column A), and UTF-8 with a byte order mark, without which Excel reads the
//   file as Windows-1252 and garbles every ä, ö, ü and ß.
// The column names and words (decided by, kept or undone) are the report's language, so a German
// team reads its own file; numbers stay plain digits (whole numbers only: no decimal separator to
// disagree about), dates stay ISO (YYYY-MM-DD, which Excel reads in every locale) and game times T+h:mm.

export interface CsvDialect {
  readonly separator: ',' | ';';
  readonly bom: boolean;
}

export const CSV_DIALECTS: { readonly [L in Lang]: CsvDialect } = {
  en: { separator: ',', bom: false },
  de: { separator: ';', bom: true },
};

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | boolean | null | undefined, separator: CsvDialect['separator'] = ','): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /["\r\n]/.test(s) || s.includes(separator) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvText(header: readonly string[], rows: readonly (readonly (string | number | boolean | null)[])[], dialect: CsvDialect = CSV_DIALECTS.en): string {
  const text = [header, ...rows].map((row) => row.map((v) => csvField(v, dialect.separator)).join(dialect.separator)).join('\r\n') + '\r\n';
  return dialect.bom ? `\uFEFF${text}` : text;
}

export function decisionsCsv(r: AfterActionReport): string {
  const t = reportWords(r.lang);
  return csvText(
    [t('csv.n'), t('csv.gameTime'), t('csv.beat'), t('csv.prompt'), t('csv.choice'), t('csv.decidedBy'), t('csv.votes'), t('csv.advised'), t('csv.followed'), t('csv.status'), t('csv.undoneAt')],
    r.decisions.map((d) => [
      d.n,
      gameTime(d.t),
      d.beatTitle,
      d.prompt,
      d.label,
      t(`csv.by.${d.by}`),
      d.votes.map((v) => t('csv.vote', { label: v.label, count: String(v.count) })).join('; '),
      d.advised,
      d.followed ? t('csv.yes') : t('csv.no'),
      d.kept ? t('csv.kept') : t('csv.undone'),
      d.undoneAt,
    ]),
    CSV_DIALECTS[r.lang],
  );
}

export function notesCsv(r: AfterActionReport): string {
  const t = reportWords(r.lang);
  return csvText(
    [t('csv.takenAt'), t('csv.gameTime'), t('csv.beat'), t('csv.kind'), t('csv.objective'), t('csv.note')],
    r.notes.map((n) => [n.at, gameTime(n.t), n.beatTitle, n.kindLabel, n.objectiveText, n.text]),
    CSV_DIALECTS[r.lang],
  );
}
