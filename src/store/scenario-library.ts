import type { Lang } from '../i18n/lang.ts';
import type { CatalogueEntry } from '../scenarios/bundled.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { localizeScenario } from '../scenarios/translation.ts';
import type { Translation } from '../scenarios/translation-schema.ts';
import type { LoadProblem } from './messages.ts';
import { fetchScenario, fetchTranslation } from './scenario-source.ts';

// The scenarios the game knows (the catalogue's cards) and the ones whose data has arrived.
// Data is fetched once per scenario, on first need; a failed download can be tried again.
// A library may keep only the few scenarios asked for last (`keep`): the game needs the data of
// the run being played or opened, not of every scenario played since the page loaded (25-30 KiB
// of heap each, measured over five games), and fetches an older one again when asked (a hashed
// file the browser and the service worker keep).
// A scenario is kept per language it is played in: asked for in German, a scenario with a German
// translation arrives as its English data merged with that translation (localizeScenario), one
// without arrives in English. `languageOf` says which a player gets.

export type ScenarioLoader = (entry: CatalogueEntry & { url: string }) => Promise<Scenario | LoadProblem>;

export type TranslationLoader = (title: string, url: string) => Promise<Translation | LoadProblem>;

export interface LibraryOptions {
  /** How many scenarios' data to keep, those asked for last (get or load); all of them by default. */
  keep?: number;
  /** Fetches a translation's data (the catalogue entry's `translations` URL). */
  translationLoader?: TranslationLoader;
}

export class ScenarioLibrary {
  private readonly loaded = new Map<string, Scenario>();
  private readonly pending = new Map<string, Promise<Scenario | LoadProblem>>();
  /** When each scenario was last asked for (a counter, not a clock). */
  private readonly asked = new Map<string, number>();
  private asks = 0;
  private readonly keep: number;
  private readonly translationLoader: TranslationLoader;

  constructor(
    readonly catalog: CatalogueEntry[],
    private readonly loader: ScenarioLoader = (e) => fetchScenario(e.scenario?.title ?? e.file, e.url),
    options: LibraryOptions = {},
  ) {
    this.keep = Math.max(1, options.keep ?? Infinity);
    this.translationLoader = options.translationLoader ?? ((title, url) => fetchTranslation(title, url));
  }

  /** The language scenario `id` is played in when `lang` is asked for: `lang` if it has that translation, else English. */
  languageOf(id: string, lang: Lang): Lang {
    if (lang === 'en') return 'en';
    const entry = this.catalog.find((e) => e.scenario?.id === id);
    return entry?.translations?.[lang] ? lang : 'en';
  }

  private keyOf(id: string, lang: Lang): string {
    return `${this.languageOf(id, lang)}:${id}`;
  }

  /** A library whose scenarios are all in hand (tests, the CLI, the server). */
  static of(scenarios: readonly { file: string; scenario: Scenario }[]): ScenarioLibrary {
    const library = new ScenarioLibrary(scenarios.map((s) => ({ file: s.file, scenario: s.scenario, url: null, errors: [] })));
    for (const s of scenarios) library.loaded.set(library.keyOf(s.scenario.id, 'en'), s.scenario);
    return library;
  }

  /** The scenario's data in `languageOf(id, lang)` if it has arrived. */
  get(id: string, lang: Lang = 'en'): Scenario | null {
    const key = this.keyOf(id, lang);
    this.asked.set(key, ++this.asks);
    return this.loaded.get(key) ?? null;
  }

  /** The scenario's data in `languageOf(id, lang)`, fetched if needed; else why it is not available. */
  load(id: string, lang: Lang = 'en'): Promise<Scenario | LoadProblem> {
    const key = this.keyOf(id, lang);
    this.asked.set(key, ++this.asks);
    const have = this.loaded.get(key);
    if (have) return Promise.resolve(have);
    const entry = this.catalog.find((e) => e.scenario?.id === id);
    if (!entry?.scenario) return Promise.resolve({ problem: 'load.notInGame', params: { id } });
    if (!entry.url) return Promise.resolve({ problem: 'load.noData', params: { title: entry.scenario.title } });
    let promise = this.pending.get(key);
    if (!promise) {
      const language = this.languageOf(id, lang);
      const translationUrl = language === 'en' ? null : (entry.translations?.[language] ?? null);
      const title = entry.scenario.title;
      promise = Promise.all([this.loader({ ...entry, url: entry.url }), translationUrl ? this.translationLoader(title, translationUrl) : null]).then(
        ([scenario, translation]) => {
          this.pending.delete(key);
          if (isLoadProblem(scenario)) return scenario;
          if (translation && isLoadProblem(translation)) return translation;
          let result: Scenario;
          try {
            result = localizeScenario(scenario, translation, language);
          } catch (error) {
            return { problem: 'load.translationMisfit', params: { lang: language, title, reason: (error as Error).message } };
          }
          this.keepData(key, result);
          return result;
        },
      );
      this.pending.set(key, promise);
    }
    return promise;
  }

  /**
   * Keeps a scenario's data, letting go of the one asked for longest ago when over `keep`. By when
   * they were asked for, not when they arrived: of two downloads, the one asked for first may
   * come last, and the other is the one the player chose since.
   */
  private keepData(key: string, scenario: Scenario): void {
    this.loaded.set(key, scenario);
    while (this.loaded.size > this.keep) {
      let oldest: string | null = null;
      for (const other of this.loaded.keys()) {
        if (oldest === null || (this.asked.get(other) ?? 0) < (this.asked.get(oldest) ?? 0)) oldest = other;
      }
      this.loaded.delete(oldest!);
    }
  }
}

/** True for a load's problem, false for the data asked for. */
export const isLoadProblem = (result: object): result is LoadProblem => 'problem' in result;
