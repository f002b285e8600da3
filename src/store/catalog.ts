import { compileScenario, type CompiledScenario } from '../engine/compile.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { parseScenario, type LoadIssue } from './scenario-parse.ts';

// Every scenario file the game ships, parsed once at start-up. A file that fails to load stays in
// the catalog with its errors, so the picker can show what is wrong instead of hiding it.

export interface CatalogEntry {
  /** The file name, e.g. "ransomware-manufacturer.yaml". */
  file: string;
  scenario: Scenario | null;
  errors: LoadIssue[];
}

export type { LoadIssue };

export function buildCatalog(files: Record<string, string>): CatalogEntry[] {
  return Object.entries(files)
    .map(([path, text]) => {
      const file = path.split('/').pop() ?? path;
      try {
        const { scenario, errors } = parseScenario(text, file);
        return { file, scenario: errors.length === 0 ? scenario : null, errors };
      } catch (error) {
        return { file, scenario: null, errors: [issue(file, `could not be read: ${(error as Error).message}`)] };
      }
    })
    .sort(byTitle);
}

/** Playable scenarios by title, then broken files by name. */
function byTitle(a: CatalogEntry, b: CatalogEntry): number {
  if ((a.scenario === null) !== (b.scenario === null)) return a.scenario === null ? 1 : -1;
  return (a.scenario?.title ?? a.file).localeCompare(b.scenario?.title ?? b.file);
}

function issue(file: string, message: string): LoadIssue {
  return { file, line: null, column: null, path: '', message };
}

/** Compiles scenarios on first use and remembers them; a scenario that cannot compile reports why. */
export class CompiledCache {
  private readonly cache = new Map<string, CompiledScenario>();

  get(scenario: Scenario): CompiledScenario {
    let compiled = this.cache.get(scenario.id);
    if (!compiled) {
      compiled = compileScenario(scenario);
      this.cache.set(scenario.id, compiled);
    }
    return compiled;
  }
}

export function findScenario(catalog: readonly CatalogEntry[], id: string): Scenario | null {
  return catalog.find((e) => e.scenario?.id === id)?.scenario ?? null;
}

/** "beats[2].next, line 40: no beat "x"" — the one line a card shows for a broken file. */
export function describeIssue(issue: LoadIssue): string {
  const where = [issue.line !== null ? `line ${issue.line}` : null, issue.path ? `field ${issue.path}` : null].filter(Boolean).join(', ');
  return where ? `${where}: ${issue.message}` : issue.message;
}
