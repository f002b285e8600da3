import { compileScenario, type CompiledScenario } from '../../src/engine/compile.ts';
import { Scenario } from '../../src/scenarios/schema.ts';
import { tinyScenario } from '../fixtures/tiny-scenario.ts';

/** The tiny fixture, validated by the real schema and compiled. */
export function compiledTiny(edit?: (s: Scenario) => void): CompiledScenario {
  const raw = tinyScenario();
  edit?.(raw);
  return compileScenario(Scenario.parse(raw));
}
