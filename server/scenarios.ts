import { compileScenario, type CompiledScenario } from '../src/engine/compile.ts';
import { findScenarioFiles } from '../src/scenarios/find-files.ts';
import { loadScenarioFile, SCENARIOS_DIR } from '../src/scenarios/load-file.ts';

// The scenarios a server can run: the library's files, loaded and compiled once at start.

export interface ScenarioLibrary {
  get(id: string): CompiledScenario | null;
  ids(): string[];
}

export async function loadScenarioLibrary(dir = SCENARIOS_DIR): Promise<ScenarioLibrary> {
  const { files } = await findScenarioFiles([dir]);
  const compiled = new Map<string, CompiledScenario>();
  for (const file of files) {
    const { scenario, errors } = await loadScenarioFile(file);
    if (!scenario) {
      process.stderr.write(`war-room: ${file} is left out of the rooms: ${errors[0]?.message ?? 'cannot be loaded'}\n`);
      continue;
    }
    compiled.set(scenario.id, compileScenario(scenario));
  }
  return { get: (id) => compiled.get(id) ?? null, ids: () => [...compiled.keys()].sort() };
}
