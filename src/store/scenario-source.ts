import type { CatalogueEntry } from '../scenarios/bundled.ts';
import type { Scenario } from '../scenarios/schema.ts';
import type { Translation } from '../scenarios/translation-schema.ts';
import type { LoadProblem } from './messages.ts';

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

/** One scenario's data, or why it could not be had (worded by the store's catalogue where it is shown). */
export async function fetchScenario(title: string, url: string, fetcher: typeof fetch = fetch): Promise<Scenario | LoadProblem> {
  try {
    const response = await fetcher(url);
    if (!response.ok) return { problem: 'load.http', params: { title, status: String(response.status) } };
    const data = (await response.json()) as Scenario | null;
    if (typeof data !== 'object' || data === null || typeof data.id !== 'string') return { problem: 'load.damaged', params: { title } };
    return data;
  } catch (error) {
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    return offline ? { problem: 'load.offline', params: { title } } : { problem: 'load.failed', params: { title, reason: (error as Error).message } };
  }
}

/** One scenario's translation (validated at build time), or why it could not be had. */
export async function fetchTranslation(title: string, url: string, fetcher: typeof fetch = fetch): Promise<Translation | LoadProblem> {
  try {
    const response = await fetcher(url);
    if (!response.ok) return { problem: 'load.translationHttp', params: { title, status: String(response.status) } };
    const data = (await response.json()) as Translation | null;
    if (typeof data !== 'object' || data === null || typeof data.language !== 'string') return { problem: 'load.translationDamaged', params: { title } };
    return data;
  } catch (error) {
    return { problem: 'load.translationFailed', params: { title, reason: (error as Error).message } };
  }
}
