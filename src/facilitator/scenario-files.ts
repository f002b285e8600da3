import { fingerprint } from '../engine/hash.ts';
import type { LoadResult, ScenarioProblem } from '../scenarios/load.ts';
import type { Scenario } from '../scenarios/schema.ts';
import type { KeyedStore } from './idb.ts';

// Scenario files a facilitator opens from disk at run time (a client's own version of a scenario).
// The file is checked by the same loader the build and the CLI use, loaded in its own chunk only
// when a file is opened, and the validated scenario is kept in IndexedDB beside the sessions, so
// an exercise on it resumes after a reload and its presenter window can draw it.

export interface ScenarioFile {
  /** A fingerprint of the validated scenario: opening the same file twice keeps one copy. */
  key: string;
  /** The file's name as it was opened. */
  name: string;
  scenario: Scenario;
  openedAt: string;
}

export type ScenarioFileStore = KeyedStore<ScenarioFile>;

/** The loader, as the console receives it (a worker in the browser). */
export type ParseScenario = (input: Uint8Array, file: string) => Promise<LoadResult>;

/** How long a file may take to check before the check is abandoned. */
export const CHECK_BUDGET_MS = 20_000;

export type OpenedScenarioFile = { file: ScenarioFile; warnings: ScenarioProblem[]; errors?: undefined } | { errors: ScenarioProblem[]; file?: undefined };

/** Files larger than this are refused before they are read into memory. */
export const MAX_FILE_BYTES = 512 * 1024;

/** Checks a file's bytes with the scenario loader: the scenario, or located problems. Nothing is stored here. */
export async function checkScenarioFile(name: string, bytes: Uint8Array, parse: ParseScenario, now: string): Promise<OpenedScenarioFile> {
  const result = await parse(bytes, name);
  if (!result.scenario) return { errors: result.errors };
  const key = fingerprint(JSON.stringify(result.scenario));
  return { file: { key, name, scenario: result.scenario, openedAt: now }, warnings: result.warnings };
}

/** "scenario.yaml, line 12, column 5, field beats[0].title: text must not be empty": one problem on one line. */
export function describeProblem(p: ScenarioProblem): string {
  const field = p.path && p.path !== '(file)' && p.path !== '(top level)' ? `, field ${p.path}` : '';
  return `${p.file}, line ${p.line}, column ${p.column}${field}: ${p.message}`;
}
