import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from './json-schema.ts';
import { MAX_SCENARIO_BYTES, parseScenario, type LoadResult, type ScenarioProblem } from './load.ts';

// Node-only file access around the pure loader.

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const SCENARIOS_DIR = join(PROJECT_ROOT, 'scenarios');
export const SCHEMA_FILE = join(SCENARIOS_DIR, 'scenario.schema.json');

const problem = (file: string, message: string): ScenarioProblem => ({ file, line: 1, column: 1, path: '(file)', message });

/** What went wrong reading a path, in words, by the system's error code. */
export function fileErrorMessage(error: unknown, missing: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return missing;
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: this user may not read it';
    case 'ELOOP':
      return 'symbolic link loop: the link points back to itself';
    case 'ENOTDIR':
      return `${missing} (a part of the path is a file, not a folder)`;
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'EISDIR':
      return 'this is a folder, not a file';
    default:
      return (error as Error).message;
  }
}

export async function loadScenarioFile(path: string): Promise<LoadResult> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { scenario: null, errors: [problem(path, 'not a file')], warnings: [] };
    if (info.size > MAX_SCENARIO_BYTES) return parseScenario(new Uint8Array(MAX_SCENARIO_BYTES + 1), path);
    return parseScenario(new Uint8Array(await readFile(path)), path);
  } catch (error) {
    return { scenario: null, errors: [problem(path, fileErrorMessage(error, 'no such file'))], warnings: [] };
  }
}

const isScenarioFile = (name: string): boolean => ['.yaml', '.yml'].includes(extname(name).toLowerCase());

/** Expands folders to the scenario files in them (sorted); files are kept as given. */
export async function findScenarioFiles(paths: string[]): Promise<{ files: string[]; errors: ScenarioProblem[] }> {
  const files: string[] = [];
  const errors: ScenarioProblem[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        const names = (await readdir(path)).filter(isScenarioFile).sort();
        if (names.length === 0) errors.push(problem(path, 'this folder has no .yaml scenario files'));
        files.push(...names.map((n) => join(path, n)));
      } else {
        files.push(path);
      }
    } catch (error) {
      errors.push(problem(path, fileErrorMessage(error, 'no such file or folder')));
    }
  }
  return { files, errors };
}

export async function writeSchemaFile(): Promise<string> {
  await writeFile(SCHEMA_FILE, scenarioJsonSchemaText());
  return SCHEMA_FILE;
}
