import type { ScenarioProblem } from './load.ts';
import type { Scenario } from './schema.ts';

/** A scenario file as the browser receives it: validated at build time, or its problems. */
export interface BundledScenario {
  file: string;
  scenario: Scenario | null;
  errors: ScenarioProblem[];
}
