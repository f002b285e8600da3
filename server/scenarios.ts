import { compileScenario, type CompiledScenario } from '../src/engine/compile.ts';
import type { Lang } from '../src/i18n/lang.ts';
import { findScenarioFiles } from '../src/scenarios/find-files.ts';
import { loadScenarioFile, SCENARIOS_DIR } from '../src/scenarios/load-file.ts';
import { findTranslations, loadTranslationFile } from '../src/scenarios/translation-file.ts';
import { localizeScenario } from '../src/scenarios/translation.ts';

// The scenarios a server can run: the library's files, loaded and compiled once at start, each
// with its translations (scenarios/translations/<file>.<lang>.yaml), checked against it and
// compiled as that language's players read it. The run itself is always the English scenario's;
// a translation only changes the words phones are sent.

export interface ScenarioLibrary {
  get(id: string): CompiledScenario | null;
  ids(): string[];
  /** The scenario as `lang` reads it; null when it has no translation into `lang` (its phones then read English). */
  translated?(id: string, lang: Lang): CompiledScenario | null;
}

/** One scenario's translations for a room: the compiled scenario in a language, or null (English text). */
export type ScenarioTranslations = (lang: Lang) => CompiledScenario | null;

export const NO_TRANSLATIONS: ScenarioTranslations = () => null;

/** The translations of one scenario in a library, for a room that runs it. */
export function translationsOf(library: ScenarioLibrary, id: string): ScenarioTranslations {
  return (lang) => (lang === 'en' ? null : (library.translated?.(id, lang) ?? null));
}

export async function loadScenarioLibrary(dir = SCENARIOS_DIR): Promise<ScenarioLibrary> {
  const { files } = await findScenarioFiles([dir]);
  const compiled = new Map<string, CompiledScenario>();
  const translated = new Map<string, CompiledScenario>();
  for (const file of files) {
    const { scenario, errors } = await loadScenarioFile(file);
    if (!scenario) {
      process.stderr.write(`war-room: ${file} is left out of the rooms: ${errors[0]?.message ?? 'cannot be loaded'}\n`);
      continue;
    }
    compiled.set(scenario.id, compileScenario(scenario));
    for (const found of (await findTranslations(file)).files) {
      const load = await loadTranslationFile(found, scenario);
      if (!load.translation) {
        // A broken translation leaves the rooms in English for that language, not without the scenario.
        const e = load.errors[0];
        process.stderr.write(`war-room: ${found.path} is left out of the rooms (its phones read English): ${e ? `line ${e.line}: ${e.message}` : 'cannot be loaded'}\n`);
        continue;
      }
      translated.set(`${scenario.id}/${found.language}`, compileScenario(localizeScenario(scenario, load.translation, found.language)));
    }
  }
  return {
    get: (id) => compiled.get(id) ?? null,
    ids: () => [...compiled.keys()].sort(),
    translated: (id, lang) => translated.get(`${id}/${lang}`) ?? null,
  };
}
