import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { checkScenario, type CheckReport, type ScenarioPath } from '../engine/check.ts';
import { compileScenario } from '../engine/compile.ts';
import { DEFAULT_SEEDS, type PathExample } from '../engine/explore.ts';
import { DEFAULT_PATH_CAP } from '../engine/path-scores.ts';
import type { ScenarioProblem } from '../scenarios/load.ts';
import { findScenarioFiles, loadScenarioFile } from '../scenarios/load-file.ts';
import { formatPath, locate } from '../scenarios/locate.ts';
import { integer, parse, seedList } from './args.ts';
import { checkInWorkers, defaultJobs } from './check-pool.ts';
import { formatCheck } from './format-check.ts';
import { CHECK_HELP } from './help.ts';

// `war-room check`: every file is loaded, compiled and explored on its own; whatever goes
// wrong with one file is reported against that file and the others still run.


/** One scenario file's entry in the report (and in --json). */
export interface FileCheck {
  file: string;
  id: string | null;
  errors: ScenarioProblem[];
  warnings: ScenarioProblem[];
  /** Null when the file could not be loaded or explored. */
  report: CheckReport | null;
  ms: number;
}

export interface CheckRun {
  files: FileCheck[];
  ok: boolean;
  /** Wall-clock time of the whole check. */
  ms: number;
  jobs: number;
}

export interface CheckCommandOptions {
  paths: string[];
  strict: boolean;
  seeds: number[];
  maxStates: number;
  pathCap: number;
  cwd: string;
  /** Files checked at once, in worker threads (1: in this thread). */
  jobs: number;
}

export async function runCheck(args: string[]): Promise<{ output: string; exitCode: number }> {
  const { values, positionals } = parse(args, {
    json: { type: 'boolean' },
    strict: { type: 'boolean' },
    seeds: { type: 'string' },
    'max-states': { type: 'string' },
    paths: { type: 'string' },
    jobs: { type: 'string', short: 'j' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { output: CHECK_HELP, exitCode: 0 };
  const run = await checkFiles({
    paths: positionals.length > 0 ? positionals : ['scenarios'],
    strict: values.strict ?? false,
    seeds: seedList(values.seeds, 'seeds', DEFAULT_SEEDS),
    maxStates: integer(values['max-states'], 'max-states', 200_000, 1),
    pathCap: integer(values.paths, 'paths', DEFAULT_PATH_CAP, 1),
    cwd: process.cwd(),
    jobs: values.jobs === undefined ? 0 : integer(values.jobs, 'jobs', 1, 1),
  });
  const output = values.json ? `${JSON.stringify({ scenarios: run.files.map(toJson) }, null, 2)}\n` : formatCheck(run);
  return { output, exitCode: run.ok ? 0 : 1 };
}

export async function checkFiles(options: CheckCommandOptions): Promise<CheckRun> {
  const shown = (path: string): string => {
    const rel = relative(options.cwd, path);
    return rel.startsWith('..') || rel === '' ? path : rel;
  };
  const started = performance.now();
  const found = await findScenarioFiles(options.paths);
  const files: FileCheck[] = found.errors.map((e) => ({ file: shown(e.file), id: null, errors: [{ ...e, file: shown(e.file) }], warnings: [], report: null, ms: 0 }));
  const targets = found.files.map(shown);
  const jobs = options.jobs > 0 ? options.jobs : defaultJobs(targets.length);
  files.push(...(await checkInWorkers(targets, options, jobs, (file) => checkFile(file, options))));
  return { files, ok: files.every((f) => f.errors.length === 0), ms: Math.round(performance.now() - started), jobs: Math.min(jobs, Math.max(1, targets.length)) };
}

export async function checkFile(file: string, options: CheckCommandOptions): Promise<FileCheck> {
  const started = performance.now();
  const entry: FileCheck = { file, id: null, errors: [], warnings: [], report: null, ms: 0 };
  try {
    const loaded = await loadScenarioFile(file);
    entry.errors.push(...loaded.errors);
    entry.warnings.push(...loaded.warnings);
    if (loaded.scenario && loaded.errors.length === 0) {
      entry.id = loaded.scenario.id;
      const report = checkScenario(compileScenario(loaded.scenario), {
        seeds: options.seeds,
        maxStates: options.maxStates,
        pathCap: options.pathCap,
      });
      entry.report = report;
      const where = await locator(file);
      for (const problem of report.problems) {
        const message = problem.example ? `${problem.message}; replay: ${playCommand(file, problem.example)}` : problem.message;
        (problem.severity === 'error' ? entry.errors : entry.warnings).push({ file, ...where(problem.path), message });
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

/** The --json shape: the fields issue 2 names first, then the extras. */
function toJson(f: FileCheck): Record<string, unknown> {
  const r = f.report;
  return {
    file: f.file,
    id: f.id,
    errors: f.errors,
    warnings: f.warnings,
    beats: r?.beats ?? 0,
    decisions: r?.decisions ?? 0,
    endings: r?.endings ?? 0,
    pathsExplored: r?.pathsExplored ?? 0,
    unreachableBeats: r?.unreachableBeats ?? [],
    deadEnds: r?.deadEnds ?? [],
    unreachedEndings: r?.unreachedEndings ?? [],
    scores: r?.scores ?? null,
    policies: (r?.policies ?? []).map((p) => ({ name: p.name, overall: p.overall, partner: p.partner, simple: p.simple, byPartner: p.byPartner })),
    timedWithoutDefault: r?.timedWithoutDefault ?? [],
    loops: r?.loops ?? [],
    neverTakenOptions: r?.neverTakenOptions ?? [],
    complete: r?.complete ?? false,
    states: r?.states ?? 0,
    scoresSampled: r?.scoresSampled ?? false,
    pathsScored: r?.pathsScored ?? 0,
    pathsSteered: r?.pathsSteered ?? 0,
    balance: r?.balance ?? [],
    seedSpread: r?.seedSpread ?? null,
    endingExamples: r?.endingExamples ?? {},
    ms: f.ms,
  };
}
