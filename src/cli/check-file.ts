import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { checkScenario, type ScenarioPath } from '../engine/check.ts';
import { compileScenario } from '../engine/compile.ts';
import type { PathExample } from '../engine/explore.ts';
import type { ScenarioProblem } from '../scenarios/load.ts';
import { loadScenarioFile } from '../scenarios/load-file.ts';
import { formatPath, locate } from '../scenarios/locate.ts';
import type { CheckCommandOptions, FileCheck } from './check-types.ts';
import { checkTranslations } from './check-translations.ts';

// Checks one scenario file for `war-room check`: load, compile, explore, and place each
// problem in the file. A worker thread (check-worker.ts) imports this; the command's main
// thread only when it checks files itself (--jobs 1, --watch).

/** Problems kept per file and severity; more than this only count (a hostile file can hold 200,000 bad items). */
export const MAX_PROBLEMS_KEPT = 1_000;

/** Keeps the first MAX_PROBLEMS_KEPT problems of a list and counts the rest. */
function keep(into: ScenarioProblem[], from: readonly ScenarioProblem[]): number {
  const room = Math.max(0, MAX_PROBLEMS_KEPT - into.length);
  // A loop, not push(...from): spreading 200,000 items into a call overflows the stack.
  for (let i = 0; i < Math.min(room, from.length); i++) into.push(from[i]!);
  return Math.max(0, from.length - room);
}

export async function checkFile(file: string, options: CheckCommandOptions): Promise<FileCheck> {
  const started = performance.now();
  const entry: FileCheck = { file, id: null, errors: [], warnings: [], report: null, ms: 0 };
  try {
    const loaded = await loadScenarioFile(file);
    const errorsNotKept = keep(entry.errors, loaded.errors);
    const warningsNotKept = keep(entry.warnings, loaded.warnings);
    if (errorsNotKept > 0) entry.errorsNotKept = errorsNotKept;
    if (warningsNotKept > 0) entry.warningsNotKept = warningsNotKept;
    if (loaded.scenario && loaded.errors.length === 0) {
      entry.id = loaded.scenario.id;
      const translated = await checkTranslations(file, loaded.scenario, options.strict);
      if (translated.translations.length > 0 || translated.warnings.length > 0) entry.translations = translated.translations;
      const moreErrors = keep(entry.errors, translated.errors);
      const moreWarnings = keep(entry.warnings, translated.warnings);
      if (moreErrors > 0) entry.errorsNotKept = (entry.errorsNotKept ?? 0) + moreErrors;
      if (moreWarnings > 0) entry.warningsNotKept = (entry.warningsNotKept ?? 0) + moreWarnings;
      const report = checkScenario(compileScenario(loaded.scenario), {
        seeds: options.seeds,
        maxStates: options.maxStates,
        maxSeconds: options.maxSeconds,
        now: cpuClock(),
        pathCap: options.pathCap,
      });
      entry.report = report;
      // Locating means parsing the file's YAML again: only worth it when there is something to locate.
      const where = report.problems.length > 0 ? await locator(file) : null;
      for (const problem of report.problems) {
        const message = problem.example ? `${problem.message}; replay: ${playCommand(file, problem.example)}` : problem.message;
        (problem.severity === 'error' ? entry.errors : entry.warnings).push({ file, ...where!(problem.path), message });
      }
      if (options.strict) {
        for (const check of report.balance.filter((c) => !c.ok)) {
          entry.errors.push({ file, line: 1, column: 1, path: '(balance)', message: `balance rule failed: ${check.rule}: ${check.detail}` });
        }
      }
    }
  } catch (error) {
    // A crash inside the engine is a bug, but it must not hide the other files.
    entry.errors.push({ file, line: 1, column: 1, path: '(file)', message: `internal error while checking this file: ${(error as Error).message}` });
  }
  entry.ms = Math.round(performance.now() - started);
  return entry;
}

/**
 * The clock the time limits are measured on: CPU milliseconds of the thread checking the file,
 * where Node can tell them, so that a file gets the same budget of work however many other
 * processes share the machine (by the wall clock, a loaded machine cut ransomware-manufacturer's
 * search short at the default 30 s while it needs under 5 s of CPU); wall time otherwise.
 */
function cpuClock(): () => number {
  if (typeof process.threadCpuUsage !== 'function') return () => performance.now();
  return () => {
    const used = process.threadCpuUsage();
    return (used.user + used.system) / 1000;
  };
}

/** Turns scenario paths into positions in the file's YAML text. */
async function locator(file: string): Promise<(path: ScenarioPath) => { line: number; column: number; path: string }> {
  const lines = new LineCounter();
  const doc = parseDocument(await readFile(file, 'utf8'), { lineCounter: lines });
  return (path) => {
    const pos = locate(doc, lines, path);
    return { line: pos.line, column: pos.column, path: formatPath(path) };
  };
}

export function playCommand(file: string, example: PathExample): string {
  const parts = [`war-room play ${file}`, `--seed ${example.seed}`, `--partner ${example.partner}`];
  if (example.prep.length > 0) parts.push(`--prep ${example.prep.join(',')}`);
  if (example.choices.length > 0) parts.push(`--choices ${example.choices.join(',')}`);
  parts.push('--think 0');
  return parts.join(' ');
}
