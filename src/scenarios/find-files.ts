import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { ScenarioProblem } from './load.ts';

// Finding scenario files, apart from loading them: `war-room check` lists the files in its
// main thread and loads them in its workers, so the main thread does not import the YAML
// parser and the schema (about 65 ms of CPU before the first worker could start).

/** A problem with a whole file, reported at its start. */
export const fileProblem = (file: string, message: string): ScenarioProblem => ({ file, line: 1, column: 1, path: '(file)', message });

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

const isScenarioFile = (name: string): boolean => ['.yaml', '.yml'].includes(extname(name).toLowerCase());

/**
 * A translation file (scenarios/translations/<file>.<lang>.yaml) is checked with its scenario:
 * the path of that scenario, or null for any other file. (Folders never list translations: they
 * sit in a folder of their own.)
 */
function scenarioOfTranslation(path: string): string | null {
  if (basename(dirname(path)) !== 'translations') return null;
  const match = /^(.+)\.[a-z]{2}(\.ya?ml)$/i.exec(basename(path));
  return match ? join(dirname(dirname(path)), `${match[1]}${match[2]}`) : null;
}

/** Expands folders to the scenario files in them (sorted); files are kept as given, translation files become their scenario's. */
export async function findScenarioFiles(paths: string[]): Promise<{ files: string[]; errors: ScenarioProblem[] }> {
  const files: string[] = [];
  const errors: ScenarioProblem[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        const names = (await readdir(path)).filter(isScenarioFile).sort();
        if (names.length === 0) errors.push(fileProblem(path, 'this folder has no .yaml scenario files'));
        files.push(...names.map((n) => join(path, n)));
      } else {
        const scenario = scenarioOfTranslation(path);
        if (scenario === null) files.push(path);
        else if (!files.includes(scenario)) files.push(scenario);
      }
    } catch (error) {
      errors.push(fileProblem(path, fileErrorMessage(error, 'no such file or folder')));
    }
  }
  return { files, errors };
}
