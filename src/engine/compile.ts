import type { Scenario } from '../scenarios/schema.ts';
import { compileMachine, type ScenarioMachine } from './machine.ts';
import { indexScenario, type ScenarioIndex } from './scenario-index.ts';

export interface CompiledScenario {
  index: ScenarioIndex;
  machine: ScenarioMachine;
}

/** Compiles a validated scenario (see src/scenarios/load.ts) into its index and machine. */
export function compileScenario(scenario: Scenario): CompiledScenario {
  const index = indexScenario(scenario);
  return { index, machine: compileMachine(index) };
}
