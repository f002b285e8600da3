import type { CheckReport } from '../engine/check.ts';
import type { ScenarioProblem } from '../scenarios/load.ts';
import type { CheckRun, FileCheck, TranslationCheck } from './check-types.ts';
import { count, padEnd, padStart, printable, seconds } from './text.ts';

// The human-readable `war-room check` report: problems first, compiler style
// (file:line:column), then a compact block per scenario, file by file as each is done, and
// one summary table at the end. Scenario text is printed with control characters escaped.

/** Problems printed per file and severity; the rest are counted ("and N more"). */
export const MAX_PROBLEMS_SHOWN = 50;

const SCORE_LABELS = {
  communication: 'communication',
  proactivity: 'proactivity',
  businessImpact: 'business impact',
  overall: 'overall',
} as const;

export function problemLine(p: ScenarioProblem, severity: 'error' | 'warning'): string {
  return printable(`${p.file}:${p.line}:${p.column}: ${severity}: ${p.path}: ${p.message}`);
}

const list = (xs: readonly string[]): string => (xs.length === 0 ? 'none' : xs.join(', '));

function scenarioBlock(f: FileCheck, r: CheckReport): string[] {
  const out: string[] = [];
  out.push(printable(`${f.file}  ${r.id}: ${r.title}`));
  out.push(
    `  beats ${r.beats} · decisions ${r.decisions} · endings ${r.endings} · paths ${count(r.pathsExplored)} · ` +
      `states ${count(r.states)}${r.complete ? '' : ' (search stopped early)'} · ${seconds(f.ms)}`,
  );
  for (const line of r.incomplete) out.push(`  incomplete: ${line}`);
  out.push(`  unreachable beats    ${list(r.unreachableBeats)}`);
  out.push(`  dead ends            ${list(r.deadEnds.map((d) => `${d.beat} (${d.reason})`))}`);
  out.push(`  unreached endings    ${list(r.unreachedEndings)}`);
  out.push(`  timed, no default    ${list(r.timedWithoutDefault)}`);
  if (r.loops.length > 0) out.push(`  loops                ${list(r.loops.map((l) => l.beat ?? '(start)'))}`);
  if (r.neverTakenOptions.length > 0) out.push(`  never available      ${list(r.neverTakenOptions)}`);
  if (f.translations) out.push(`  translations         ${list(f.translations.map(translationSummary))}`);
  const how = r.scoresSampled
    ? `a sample of ${count(r.pathsScored)} paths (+${r.pathsSteered} steered to the extremes)`
    : `all ${count(r.pathsScored)} paths`;
  out.push(`  scores over ${how}`);
  out.push(`    ${' '.repeat(32)}min   mean    max`);
  for (const [name, label] of Object.entries(SCORE_LABELS) as [keyof typeof SCORE_LABELS, string][]) {
    const s = r.scores[name];
    out.push(`    ${padEnd(label, 32)}${padStart(s.min, 3)}  ${padStart(s.mean.toFixed(1), 5)}  ${padStart(s.max, 5)}`);
  }
  out.push('  policies (mean overall over seeds, best partner):');
  for (const p of r.policies) {
    out.push(`    ${padEnd(p.name, 32)}${padStart(p.overall.toFixed(1), 5)}  ${p.partner}${p.simple ? '' : '  (the intended good play)'}`);
  }
  out.push('  balance:');
  for (const c of r.balance) out.push(`    ${c.ok ? '✓' : '✗'} ${c.rule}: ${c.detail}`);
  const s = r.seedSpread;
  if (s) {
    out.push(
      `  seed spread: business impact over seeds 1-${s.seeds} (advice, ${s.partner}, greedy preparation): ` +
        `min ${s.min} · p10 ${s.p10} · mean ${s.mean} · p90 ${s.p90} · max ${s.max}`,
    );
  }
  return out.map(printable);
}

/** `de: complete (321 texts)`, or what is left to do. */
function translationSummary(t: TranslationCheck): string {
  if (!t.valid) return `${t.language}: the file has errors`;
  if (t.missing.length === 0 && t.stale.length === 0) return `${t.language}: complete (${t.total} texts)`;
  const done = t.total - t.missing.length;
  return `${t.language}: ${done}/${t.total} translated, ${t.missing.length} missing, ${t.stale.length} stale`;
}

function summaryTable({ files, ms, jobs }: CheckRun): string[] {
  const header = ['scenario', 'beats', 'dec', 'end', 'paths', 'states', 'unreach', 'dead', 'balance', 'time', 'result'];
  const rows = files.map((f) => {
    const r = f.report;
    const errors = f.errors.length + (f.errorsNotKept ?? 0);
    const result = errors > 0 ? `${count(errors)} error${errors === 1 ? '' : 's'}` : 'ok';
    if (!r) return [printable(f.id ?? f.file), '-', '-', '-', '-', '-', '-', '-', '-', seconds(f.ms), result];
    const passed = r.balance.filter((c) => c.ok).length;
    return [
      r.id,
      String(r.beats),
      String(r.decisions),
      String(r.endings),
      count(r.pathsExplored),
      count(r.states),
      String(r.unreachableBeats.length),
      String(r.deadEnds.length),
      `${passed}/${r.balance.length}`,
      seconds(f.ms),
      result,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 || i === cells.length - 1 ? padEnd(c, widths[i]!) : padStart(c, widths[i]!))).join('  ').trimEnd();
  const failed = files.filter((f) => f.errors.length > 0).length;
  return [
    line(header),
    ...rows.map(line),
    `${files.length} file${files.length === 1 ? '' : 's'} · ${failed} with errors · ${seconds(ms)} in all` +
      (jobs > 1 ? ` (${jobs} files at a time; the time column is per file)` : ''),
  ];
}

/** One file's part of the report: its problems (at most MAX_PROBLEMS_SHOWN of each kind), then its block. */
export function formatFile(f: FileCheck): string {
  const out: string[] = [];
  const shown = (problems: readonly ScenarioProblem[], severity: 'error' | 'warning', more: number): void => {
    for (const p of problems.slice(0, MAX_PROBLEMS_SHOWN)) out.push(problemLine(p, severity));
    const hidden = problems.length - Math.min(problems.length, MAX_PROBLEMS_SHOWN) + more;
    if (hidden > 0) out.push(`${printable(f.file)}: … and ${count(hidden)} more ${severity}${hidden === 1 ? '' : 's'} in this file`);
  };
  shown(f.errors, 'error', f.errorsNotKept ?? 0);
  shown(f.warnings, 'warning', f.warningsNotKept ?? 0);
  if (out.length > 0) out.push('');
  if (f.report) out.push(...scenarioBlock(f, f.report), '');
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

export function formatSummary(run: CheckRun): string {
  return `${summaryTable(run).join('\n')}\n`;
}

export function formatCheck(run: CheckRun): string {
  return run.files.map(formatFile).join('') + formatSummary(run);
}
