import { watch } from 'node:fs';
import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { DEFAULT_MAX_SECONDS } from '../engine/check.ts';
import { DEFAULT_SEEDS } from '../engine/explore.ts';
import { DEFAULT_PATH_CAP } from '../engine/path-scores.ts';
import { findScenarioFiles } from '../scenarios/find-files.ts';
import { integer, parse, seedList } from './args.ts';
import { checkInWorkers, defaultJobs } from './check-pool.ts';
import type { CheckCommandOptions, CheckRun, FileCheck } from './check-types.ts';
import { formatFile, formatSummary } from './format-check.ts';
import { CHECK_HELP } from './help.ts';

// `war-room check`: every file is loaded, compiled and explored on its own; whatever goes
// wrong with one file is reported against that file and the others still run. Each file's
// part of the report is printed as soon as it and the files before it are done. The
// checking itself (check-file.ts: YAML, schema, engine) is imported only where files are
// checked: in the workers, or here when they run in this thread.

export type { CheckCommandOptions, CheckRun, FileCheck } from './check-types.ts';


/** Where `check` writes: the report to `out`, progress (on a terminal only) to `progress`. */
export interface CheckOutput {
  out: (text: string) => void;
  progress?: (text: string) => void;
}

export async function runCheck(args: string[], io: CheckOutput): Promise<number> {
  const { values, positionals } = parse(args, {
    json: { type: 'boolean' },
    strict: { type: 'boolean' },
    watch: { type: 'boolean', short: 'w' },
    seeds: { type: 'string' },
    'max-states': { type: 'string' },
    'max-seconds': { type: 'string' },
    paths: { type: 'string' },
    jobs: { type: 'string', short: 'j' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(CHECK_HELP);
    return 0;
  }
  const options: CheckCommandOptions = {
    paths: positionals.length > 0 ? positionals : ['scenarios'],
    strict: values.strict ?? false,
    seeds: seedList(values.seeds, 'seeds', DEFAULT_SEEDS),
    maxStates: integer(values['max-states'], 'max-states', 200_000, 1),
    maxSeconds: integer(values['max-seconds'], 'max-seconds', DEFAULT_MAX_SECONDS, 1),
    pathCap: integer(values.paths, 'paths', DEFAULT_PATH_CAP, 1),
    cwd: process.cwd(),
    jobs: values.jobs === undefined ? 0 : integer(values.jobs, 'jobs', 1, 1),
  };
  const json = values.json ?? false;
  const run = await checkFiles(options, json ? undefined : (f) => io.out(formatFile(f)), io.progress);
  io.out(json ? `${JSON.stringify({ scenarios: run.files.map(toJson) }, null, 2)}\n` : formatSummary(run));
  if (values.watch) return watchFiles(run.files.map((f) => f.file), options, io);
  return run.ok ? 0 : 1;
}

/** Checks every file; `onFile` gets each result in file order, as soon as it and those before it are done. */
export async function checkFiles(options: CheckCommandOptions, onFile?: (f: FileCheck) => void, progress?: (text: string) => void): Promise<CheckRun> {
  const shown = (path: string): string => {
    const rel = relative(options.cwd, path);
    return rel.startsWith('..') || rel === '' ? path : rel;
  };
  const started = performance.now();
  const found = await findScenarioFiles(options.paths);
  const files: FileCheck[] = found.errors.map((e) => ({ file: shown(e.file), id: null, errors: [{ ...e, file: shown(e.file) }], warnings: [], report: null, ms: 0 }));
  files.forEach((f) => onFile?.(f));
  const targets = await Promise.all(found.files.map(async (file) => ({ file: shown(file), size: (await stat(file).catch(() => null))?.size ?? 0 })));
  const jobs = options.jobs > 0 ? options.jobs : defaultJobs(targets.length);
  const results: (FileCheck | undefined)[] = new Array(targets.length);
  let printed = 0;
  let done = 0;
  const tell = (): void => progress?.(`checking: ${done}/${targets.length} files done, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const timer = progress ? setInterval(tell, 250) : undefined;
  tell();
  try {
    const checkHere = async (file: string): Promise<FileCheck> => (await import('./check-file.ts')).checkFile(file, options);
    await checkInWorkers(targets, options, jobs, checkHere, (index, result) => {
      results[index] = result;
      done++;
      tell();
      for (; printed < results.length && results[printed]; printed++) onFile?.(results[printed]!);
    });
  } finally {
    if (timer) clearInterval(timer);
    progress?.('');
  }
  files.push(...results.map((r, i) => r ?? { file: targets[i]!.file, id: null, errors: [], warnings: [], report: null, ms: 0 }));
  return { files, ok: files.every((f) => f.errors.length === 0), ms: Math.round(performance.now() - started), jobs: Math.min(jobs, Math.max(1, targets.length)) };
}

/** `--watch`: re-checks a file each time it is saved, until interrupted. */
function watchFiles(files: string[], options: CheckCommandOptions, io: CheckOutput): Promise<number> {
  io.out(`watching ${files.length} file${files.length === 1 ? '' : 's'}; save one to check it again (Ctrl-C stops)\n`);
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  let queue = Promise.resolve();
  for (const file of files) {
    watch(file, () => {
      // Editors save in several writes: wait until the file has been quiet for a moment.
      clearTimeout(pending.get(file));
      pending.set(
        file,
        setTimeout(() => {
          queue = queue.then(async () => {
            const run = await checkFiles({ ...options, paths: [file], jobs: 1 });
            for (const f of run.files) io.out(formatFile(f));
            io.out(formatSummary(run));
          });
        }, 150),
      );
    });
  }
  return new Promise(() => {});
}

/** The --json shape: the fields issue 2 names first, then the extras. */
export function toJson(f: FileCheck): Record<string, unknown> {
  const r = f.report;
  return {
    file: f.file,
    id: f.id,
    errors: f.errors,
    warnings: f.warnings,
    ...(f.errorsNotKept ? { errorsNotShown: f.errorsNotKept } : {}),
    ...(f.warningsNotKept ? { warningsNotShown: f.warningsNotKept } : {}),
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
    incomplete: r?.incomplete ?? [],
    states: r?.states ?? 0,
    scoresSampled: r?.scoresSampled ?? false,
    pathsScored: r?.pathsScored ?? 0,
    pathsSteered: r?.pathsSteered ?? 0,
    balance: r?.balance ?? [],
    seedSpread: r?.seedSpread ?? null,
    endingExamples: r?.endingExamples ?? {},
    ...(f.translations ? { translations: f.translations } : {}),
    ms: f.ms,
  };
}
