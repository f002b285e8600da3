import type { BundledScenario, CatalogueEntry } from '../scenarios/bundled.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { fetchScenario } from './scenario-source.ts';

// The scenarios the game knows (the catalogue's cards) and the ones whose data has arrived.
// Data is fetched once per scenario, on first need; a failed download can be tried again.
// A library may keep only the few scenarios asked for last (`keep`): the game needs the data of
// the run being played or opened, not of every scenario played since the page loaded (25-30 KiB
// of heap each, measured over five games), and fetches an older one again when asked (a hashed
// file the browser and the service worker keep).

export type ScenarioLoader = (entry: CatalogueEntry & { url: string }) => Promise<Scenario | string>;

export interface LibraryOptions {
  /** How many scenarios' data to keep, those asked for last (get or load); all of them by default. */
  keep?: number;
}

export class ScenarioLibrary {
  private readonly loaded = new Map<string, Scenario>();
  private readonly pending = new Map<string, Promise<Scenario | string>>();
  /** When each scenario was last asked for (a counter, not a clock). */
  private readonly asked = new Map<string, number>();
  private asks = 0;
  private readonly keep: number;

  constructor(
    readonly catalog: CatalogueEntry[],
    private readonly loader: ScenarioLoader = (e) => fetchScenario(e.scenario?.title ?? e.file, e.url),
    options: LibraryOptions = {},
  ) {
    this.keep = Math.max(1, options.keep ?? Infinity);
  }

  /** A library whose scenarios are all in hand (tests, the CLI, the server). */
  static of(scenarios: readonly { file: string; scenario: Scenario }[]): ScenarioLibrary {
    const library = new ScenarioLibrary(scenarios.map((s) => ({ file: s.file, scenario: s.scenario, url: null, errors: [] })));
    for (const s of scenarios) library.loaded.set(s.scenario.id, s.scenario);
    return library;
  }

  /** The scenario's data if it has arrived. */
  get(id: string): Scenario | null {
    this.asked.set(id, ++this.asks);
    return this.loaded.get(id) ?? null;
  }

  /** The scenario's data, fetched if needed; a string says why it is not available. */
  load(id: string): Promise<Scenario | string> {
    this.asked.set(id, ++this.asks);
    const have = this.loaded.get(id);
    if (have) return Promise.resolve(have);
    const entry = this.catalog.find((e) => e.scenario?.id === id);
    if (!entry?.scenario) return Promise.resolve(`the scenario “${id}” is not in this game`);
    if (!entry.url) return Promise.resolve(`the data of “${entry.scenario.title}” is not available`);
    let promise = this.pending.get(id);
    if (!promise) {
      promise = this.loader({ ...entry, url: entry.url }).then((result) => {
        this.pending.delete(id);
        if (typeof result !== 'string') this.keepData(id, result);
        return result;
      });
      this.pending.set(id, promise);
    }
    return promise;
  }

  /**
   * Keeps a scenario's data, letting go of the one asked for longest ago when over `keep`. By when
   * they were asked for, not when they arrived: of two downloads, the one asked for first may
   * come last, and the other is the one the player chose since.
   */
  private keepData(id: string, scenario: Scenario): void {
    this.loaded.set(id, scenario);
    while (this.loaded.size > this.keep) {
      let oldest: string | null = null;
      for (const other of this.loaded.keys()) {
        if (oldest === null || (this.asked.get(other) ?? 0) < (this.asked.get(oldest) ?? 0)) oldest = other;
      }
      this.loaded.delete(oldest!);
    }
  }
}
