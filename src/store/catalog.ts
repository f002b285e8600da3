import { compileScenario, type CompiledScenario } from '../engine/compile.ts';
import type { ScenarioProblem } from '../scenarios/load.ts';
import type { Scenario } from '../scenarios/schema.ts';

// Every scenario file the game ships. Only types come from the loader: the browser receives
// scenarios already validated at build time, without the YAML parser or the schema. A file that fails to load stays in the catalog with its
// errors, so the picker can show what is wrong instead of hiding it.

export type { ScenarioProblem };

interface Entry {
  file: string;
  scenario: { title: string } | null;
  errors: readonly unknown[];
}

/**
 * The catalog from scenarios validated at build time (virtual:war-room/scenarios): cards or whole
 * scenarios, in the order given. The build's catalogue comes sorted by English title
 * (catalogueOf); each screen that lists scenarios sorts them for its reader.
 */
export function catalogFrom<T extends Entry>(entries: readonly T[]): T[] {
  return entries.map((e) => ({ ...e, file: e.file.split('/').pop() ?? e.file, scenario: e.errors.length === 0 ? e.scenario : null }));
}

/**
 * Compiles a scenario on first use and keeps only the latest: compiling takes milliseconds,
 * while keeping every scenario ever played would grow the heap game after game.
 */
export class CompiledCache {
  private latest: CompiledScenario | null = null;

  get(scenario: Scenario): CompiledScenario {
    if (this.latest?.index.scenario !== scenario) this.latest = compileScenario(scenario);
    return this.latest;
  }
}

/** "line 40, field beats[2].next: no beat "x"": the one line a card shows per problem. */
export function describeIssue(issue: { line: number | null; path: string; message: string }): string {
  const where = [issue.line !== null ? `line ${issue.line}` : null, issue.path && issue.path !== '(file)' ? `field ${issue.path}` : null].filter(Boolean).join(', ');
  return where ? `${where}: ${issue.message}` : issue.message;
}
