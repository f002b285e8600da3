import { parseScenario } from '../scenarios/load.ts';
import { catalogFrom, type CatalogEntry } from './catalog.ts';

// Kept apart from catalog.ts so the browser bundle never pulls in the YAML parser and schema.

/** The catalog from raw YAML texts keyed by path, parsed by the same loader as the CLI. */
export function buildCatalog(files: Record<string, string>): CatalogEntry[] {
  return catalogFrom(
    Object.entries(files).map(([path, text]) => {
      const file = path.split('/').pop() ?? path;
      const { scenario, errors } = parseScenario(text, file);
      return { file, scenario, errors };
    }),
  );
}
