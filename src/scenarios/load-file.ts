import { readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileErrorMessage, fileProblem } from './find-files.ts';
import { scenarioJsonSchemaText } from './json-schema.ts';
import { MAX_SCENARIO_BYTES, parseScenario, type LoadResult, type ScenarioProblem } from './load.ts';

// Node-only file access around the pure loader.

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const SCENARIOS_DIR = join(PROJECT_ROOT, 'scenarios');
export const SCHEMA_FILE = join(SCENARIOS_DIR, 'scenario.schema.json');

export async function loadScenarioFile(path: string): Promise<LoadResult> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { scenario: null, errors: [fileProblem(path, 'not a file')], warnings: [] };
    if (info.size > MAX_SCENARIO_BYTES) return parseScenario(new Uint8Array(MAX_SCENARIO_BYTES + 1), path);
    return parseScenario(new Uint8Array(await readFile(path)), path);
  } catch (error) {
    return { scenario: null, errors: [fileProblem(path, fileErrorMessage(error, 'no such file'))], warnings: [] };
  }
}

export async function writeSchemaFile(): Promise<string> {
  await writeFile(SCHEMA_FILE, scenarioJsonSchemaText());
  return SCHEMA_FILE;
}
