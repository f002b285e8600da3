import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { fileErrorMessage, fileProblem } from './find-files.ts';
import { MAX_SCENARIO_BYTES } from './load.ts';
import type { Scenario } from './schema.ts';
import { parseTranslation, type TranslationLoad } from './translation-load.ts';
import { TRANSLATION_LANGUAGES, type TranslationLanguage } from './translation-schema.ts';

// Node-only file access around the pure translation loader. A scenario's translations live in
// the folder `translations` beside it, one file per language named after the scenario's file:
// scenarios/translations/ransomware-manufacturer.de.yaml. (Not beside it: everything that lists
// scenarios/*.yaml would take a translation for a scenario.)

export const TRANSLATIONS_FOLDER = 'translations';

export interface TranslationFile {
  language: TranslationLanguage;
  path: string;
}

const isLanguage = (l: string): l is TranslationLanguage => (TRANSLATION_LANGUAGES as readonly string[]).includes(l);

/** Where the translation of `scenarioFile` into `language` is (whether or not it exists). */
export function translationPath(scenarioFile: string, language: TranslationLanguage): string {
  const ext = extname(scenarioFile);
  return join(dirname(scenarioFile), TRANSLATIONS_FOLDER, `${basename(scenarioFile, ext)}.${language}${ext || '.yaml'}`);
}

/**
 * The translation files of a scenario file, by language. A file named like one but in a
 * language War Room does not ship is reported, so a typo ("ger") is not silently ignored.
 */
export async function findTranslations(scenarioFile: string): Promise<{ files: TranslationFile[]; unknown: string[] }> {
  const folder = join(dirname(scenarioFile), TRANSLATIONS_FOLDER);
  const ext = extname(scenarioFile);
  const stem = `${basename(scenarioFile, ext)}.`;
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return { files: [], unknown: [] };
  }
  const files: TranslationFile[] = [];
  const unknown: string[] = [];
  for (const name of names.sort()) {
    if (!name.startsWith(stem) || !/\.ya?ml$/i.test(name)) continue;
    const language = name.slice(stem.length).replace(/\.ya?ml$/i, '');
    if (language.includes('.')) continue;
    if (isLanguage(language)) files.push({ language, path: join(folder, name) });
    else unknown.push(join(folder, name));
  }
  return { files, unknown };
}

export async function loadTranslationFile(file: TranslationFile, scenario: Scenario): Promise<TranslationLoad> {
  const where = () => ({ line: 1, column: 1, path: '(file)' });
  try {
    const info = await stat(file.path);
    if (!info.isFile()) return { translation: null, errors: [fileProblem(file.path, 'not a file')], where };
    if (info.size > MAX_SCENARIO_BYTES) return parseTranslation(new Uint8Array(MAX_SCENARIO_BYTES + 1), file.path, scenario, file.language);
    return parseTranslation(new Uint8Array(await readFile(file.path)), file.path, scenario, file.language);
  } catch (error) {
    return { translation: null, errors: [fileProblem(file.path, fileErrorMessage(error, 'no such file'))], where };
  }
}
