import type { CheckReport } from '../engine/check.ts';
import type { ScenarioProblem } from '../scenarios/load.ts';

// The shapes `war-room check` passes between its parts (check.ts, check-file.ts, the worker
// pool, the formatter), in a module of their own so that none of them imports another in a circle.

/** One scenario file's entry in the report (and in --json). */
export interface FileCheck {
  file: string;
  id: string | null;
  errors: ScenarioProblem[];
  warnings: ScenarioProblem[];
  /** Problems beyond the ones kept (a file can hold hundreds of thousands of bad items). */
  errorsNotKept?: number;
  warningsNotKept?: number;
  /** Null when the file could not be loaded or explored. */
  report: CheckReport | null;
  /** The scenario's translation files, when it has any (scenarios/translations/<file>.<lang>.yaml). */
  translations?: TranslationCheck[];
  ms: number;
}

/** One translation file of a scenario: what it lacks, by translation-file key (`beats.cards-fail.title`). */
export interface TranslationCheck {
  language: string;
  file: string;
  /** False when the file itself has errors: then missing and stale are not known. */
  valid: boolean;
  /** English texts in the scenario. */
  total: number;
  missing: string[];
  stale: string[];
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
  /** Each phase of a file's check stops after this many seconds. */
  maxSeconds: number;
  pathCap: number;
  cwd: string;
  /** Files checked at once, in worker threads (1: in this thread). */
  jobs: number;
}
