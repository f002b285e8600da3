import type { BundledScenario } from '../scenarios/bundled.ts';

// The scenarios arrive as one JSON file validated at build time (src/scenarios/vite-plugin.ts).
// If it cannot be fetched the game still opens, with one card that says what went wrong.

export async function fetchScenarios(url: string, fetcher: typeof fetch = fetch): Promise<BundledScenario[]> {
  const failed = (message: string): BundledScenario[] => [
    { file: url, scenario: null, errors: [{ file: url, line: 1, column: 1, path: '(file)', message }] },
  ];
  try {
    const response = await fetcher(url);
    if (!response.ok) return failed(`the scenarios could not be downloaded (HTTP ${response.status}); reload the page to try again`);
    const data: unknown = await response.json();
    if (!Array.isArray(data)) return failed('the scenarios file is damaged: expected a list of scenarios');
    return data as BundledScenario[];
  } catch (error) {
    return failed(`the scenarios could not be downloaded (${(error as Error).message}); check the connection and reload`);
  }
}
