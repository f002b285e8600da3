import { basename, relative } from 'node:path';
import type { Plugin } from 'vite';
import { findScenarioFiles } from './find-files.ts';
import { loadScenarioFile, PROJECT_ROOT, SCENARIOS_DIR } from './load-file.ts';
import { localizeScenario } from './translation.ts';
import { fingerprint } from '../engine/hash.ts';
import { sortedByTitle } from './by-title.ts';
import { languagesOf, scenarioCard, type BundledScenario, type CatalogueEntry } from './bundled.ts';
import { findTranslations, loadTranslationFile } from './translation-file.ts';
import type { Translation, TranslationLanguage } from './translation-schema.ts';

// Scenarios are validated when the game is built, by the same loader as the CLI, and reach the
// browser as JSON assets: a small catalogue (the cards the picker shows) fetched at start-up,
// and one file per scenario fetched when it is chosen. The game's scripts carry no YAML parser,
// no schema library and no scenario text, and a broken file fails the build with its file, line
// and column (in dev it shows as a card with its errors).

export const SCENARIOS_MODULE = 'virtual:war-room/scenarios';
const RESOLVED = `\0${SCENARIOS_MODULE}`;

export async function bundleScenarios(dir = SCENARIOS_DIR): Promise<BundledScenario[]> {
  const { files, errors } = await findScenarioFiles([dir]);
  const entries: BundledScenario[] = errors.map((e) => ({ file: relative(PROJECT_ROOT, e.file), scenario: null, errors: [e] }));
  for (const path of files) {
    const result = await loadScenarioFile(path);
    const file = relative(PROJECT_ROOT, path);
    const entry: BundledScenario = { file: basename(path), scenario: result.scenario, errors: result.errors.map((e) => ({ ...e, file })) };
    if (result.scenario) {
      // A broken translation fails the build like a broken scenario; a missing or stale text only shows the English.
      const translations: Partial<Record<TranslationLanguage, Translation>> = {};
      for (const tf of (await findTranslations(path)).files) {
        const loaded = await loadTranslationFile(tf, result.scenario);
        entry.errors.push(...loaded.errors.map((e) => ({ ...e, file: relative(PROJECT_ROOT, e.file) })));
        if (loaded.translation) translations[tf.language] = loaded.translation;
      }
      if (Object.keys(translations).length > 0) entry.translations = translations;
    }
    entries.push(entry);
  }
  return entries;
}

/** The URL the dev server answers with a freshly validated catalogue. */
export const DEV_SCENARIOS_URL = '/@war-room/scenarios.json';
/** The dev server's prefix for one scenario's data, by file name. */
const DEV_SCENARIO_PREFIX = '/@war-room/scenario/';

/** The dev server's prefix for one translation's data: /@war-room/translation/<language>/<file>. */
const DEV_TRANSLATION_PREFIX = '/@war-room/translation/';

/**
 * The catalogue for these files, by English title (broken files last); `urlOf` names where each
 * valid scenario's data is served, and `translationUrlOf` where each of its translations is.
 * Sorted here, once, so a page that opens on a saved game never sorts it.
 */
export function catalogueOf(
  entries: readonly BundledScenario[],
  urlOf: (entry: BundledScenario & { scenario: object }) => string,
  translationUrlOf: (entry: BundledScenario & { scenario: object }, language: TranslationLanguage, translation: Translation) => string,
): CatalogueEntry[] {
  const catalogue = entries.map((e): CatalogueEntry => {
    if (!e.scenario || e.errors.length > 0) return { file: e.file, scenario: null, url: null, errors: e.errors };
    const valid = e as BundledScenario & { scenario: object };
    const languages = languagesOf(e).filter((l): l is TranslationLanguage => l !== 'en');
    const localized = Object.fromEntries(languages.map((l) => [l, localizeScenario(e.scenario!, e.translations![l]!, l)]));
    const entry: CatalogueEntry = { file: e.file, scenario: scenarioCard(e.scenario, languages, localized), url: urlOf(valid), errors: [] };
    if (languages.length > 0) {
      entry.translations = Object.fromEntries(languages.map((l) => [l, translationUrlOf(valid, l, e.translations![l]!)]));
    }
    return entry;
  });
  return sortedByTitle(catalogue, 'en');
}

/**
 * `virtual:war-room/scenarios` exports the URL of the catalogue JSON asset: data the game
 * fetches at start-up, not code in its scripts. Each entry names its scenario's own asset.
 */
export function scenariosPlugin(dir = SCENARIOS_DIR): Plugin {
  let building = false;
  let base = '/';
  let emitted: string | null = null;
  return {
    name: 'war-room-scenarios',
    configResolved(config) {
      building = config.command === 'build';
      base = config.base;
    },
    resolveId(id) {
      return id === SCENARIOS_MODULE ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      if (!building) return `export default ${JSON.stringify(DEV_SCENARIOS_URL)};`;
      const entries = await bundleScenarios(dir);
      const problems = entries.flatMap((e) => e.errors);
      if (problems.length > 0) {
        this.error(`scenario files have errors:\n${problems.map((p) => `  ${p.file}:${p.line}:${p.column} ${p.path}: ${p.message}`).join('\n')}`);
      }
      const catalogue = catalogueOf(entries, (e) => {
        const data = JSON.stringify(e.scenario);
        const name = `assets/scenario-${e.scenario.id}-${fingerprint(data)}.json`;
        this.emitFile({ type: 'asset', fileName: name, source: data });
        return `${base}${name}`;
      }, (e, language, translation) => {
        const data = JSON.stringify(translation);
        const name = `assets/scenario-${e.scenario.id}.${language}-${fingerprint(data)}.json`;
        this.emitFile({ type: 'asset', fileName: name, source: data });
        return `${base}${name}`;
      });
      const source = JSON.stringify(catalogue);
      const fileName = `assets/scenarios-${fingerprint(source)}.json`;
      this.emitFile({ type: 'asset', fileName, source });
      emitted = `${base}${fileName}`;
      return `export default ${JSON.stringify(`${base}${fileName}`)};`;
    },
    // The game's page and facilitator mode's ask for the scenarios while their script is still
    // loading, instead of one round trip after it has run: the first screen comes sooner on a slow line.
    transformIndexHtml(_html, ctx) {
      if (!emitted || !/(^|[\\/])(index|facilitator)\.html$/.test(ctx.filename)) return undefined;
      return [{ tag: 'link', attrs: { rel: 'preload', href: emitted, as: 'fetch', crossorigin: 'anonymous' }, injectTo: 'head' }];
    },
    configureServer(server) {
      server.watcher.add(dir);
      server.watcher.on('all', (_event, file) => {
        if (/\.ya?ml$/i.test(file)) server.ws.send({ type: 'full-reload' });
      });
      server.middlewares.use(DEV_SCENARIOS_URL, (_req, res) => {
        bundleScenarios(dir).then(
          (entries) => {
            for (const p of entries.flatMap((e) => e.errors)) server.config.logger.warn(`${p.file}:${p.line}:${p.column} ${p.path}: ${p.message}`);
            res.setHeader('content-type', 'application/json');
            res.end(
              JSON.stringify(
                catalogueOf(
                  entries,
                  (e) => `${DEV_SCENARIO_PREFIX}${encodeURIComponent(e.file)}`,
                  (e, language) => `${DEV_TRANSLATION_PREFIX}${language}/${encodeURIComponent(e.file)}`,
                ),
              ),
            );
          },
          (error: Error) => {
            res.statusCode = 500;
            res.end(error.message);
          },
        );
      });
      server.middlewares.use(DEV_TRANSLATION_PREFIX, (req, res) => {
        const [language = '', name = ''] = (req.url ?? '').replace(/^\//, '').split('?')[0]!.split('/').map(decodeURIComponent);
        bundleScenarios(dir).then(
          (entries) => {
            const found = entries.find((e) => e.file === name && e.errors.length === 0)?.translations?.[language as TranslationLanguage];
            if (!found) {
              res.statusCode = 404;
              res.end(`no valid "${language}" translation of "${name}"`);
              return;
            }
            res.setHeader('content-type', 'application/json');
            res.end(JSON.stringify(found));
          },
          (error: Error) => {
            res.statusCode = 500;
            res.end(error.message);
          },
        );
      });
      server.middlewares.use(DEV_SCENARIO_PREFIX, (req, res) => {
        const file = decodeURIComponent((req.url ?? '').replace(/^\//, '').split('?')[0] ?? '');
        bundleScenarios(dir).then(
          (entries) => {
            const found = entries.find((e) => e.file === file && e.scenario && e.errors.length === 0);
            if (!found) {
              res.statusCode = 404;
              res.end(`no valid scenario file "${file}"`);
              return;
            }
            res.setHeader('content-type', 'application/json');
            res.end(JSON.stringify(found.scenario));
          },
          (error: Error) => {
            res.statusCode = 500;
            res.end(error.message);
          },
        );
      });
    },
  };
}
