import type { CatalogueEntry } from '../scenarios/bundled.ts';
import type { Scenario } from '../scenarios/schema.ts';
import type { Translation } from '../scenarios/translation-schema.ts';

// The catalogue arrives as one small JSON file validated at build time (src/scenarios/vite-plugin.ts),
// each scenario's data as its own file, fetched when it is needed. If the catalogue cannot be
// fetched the game still opens, with one card that says what went wrong.

export async function fetchScenarios(url: string, fetcher: typeof fetch = fetch): Promise<CatalogueEntry[]> {
  const failed = (message: string): CatalogueEntry[] => [
    { file: url, scenario: null, url: null, errors: [{ file: url, line: 1, column: 1, path: '(file)', message }] },
  ];
  try {
    const response = await fetcher(url);
    if (!response.ok) return failed(`the scenarios could not be downloaded (HTTP ${response.status}); reload the page to try again`);
    const data: unknown = await response.json();
    if (!Array.isArray(data)) return failed('the scenarios file is damaged: expected a list of scenarios');
    return data as CatalogueEntry[];
  } catch (error) {
    return failed(`the scenarios could not be downloaded (${(error as Error).message}); check the connection and reload`);
  }
}

/** One scenario's data, or a sentence saying why it could not be had. */
export async function fetchScenario(title: string, url: string, fetcher: typeof fetch = fetch): Promise<Scenario | string> {
  try {
    const response = await fetcher(url);
    if (!response.ok) return `“${title}” could not be downloaded (HTTP ${response.status}); try again in a moment`;
    const data = (await response.json()) as Scenario | null;
    if (typeof data !== 'object' || data === null || typeof data.id !== 'string') return `the data of “${title}” is damaged`;
    return data;
  } catch (error) {
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    return offline
      ? `“${title}” is not stored in this browser yet and you are offline; connect to the internet and try again`
      : `“${title}” could not be downloaded (${(error as Error).message}); check the connection and try again`;
  }
}

/** One scenario's translation (validated at build time), or a sentence saying why it could not be had. */
export async function fetchTranslation(title: string, url: string, fetcher: typeof fetch = fetch): Promise<Translation | string> {
  try {
    const response = await fetcher(url);
    if (!response.ok) return `the translation of “${title}” could not be downloaded (HTTP ${response.status}); try again in a moment`;
    const data = (await response.json()) as Translation | null;
    if (typeof data !== 'object' || data === null || typeof data.language !== 'string') return `the translation of “${title}” is damaged`;
    return data;
  } catch (error) {
    return `the translation of “${title}” could not be downloaded (${(error as Error).message}); check the connection and try again`;
  }
}
