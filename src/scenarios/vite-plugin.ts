import { basename, relative } from 'node:path';
import type { Plugin } from 'vite';
import { findScenarioFiles, loadScenarioFile, PROJECT_ROOT, SCENARIOS_DIR } from './load-file.ts';
import type { BundledScenario } from './bundled.ts';

// Scenarios are validated when the game is built, by the same loader as the CLI, and reach the
// browser as JSON: the player's download carries no YAML parser or schema library, and a broken
// file fails the build with its file, line and column (in dev it shows as a card with its errors).

export const SCENARIOS_MODULE = 'virtual:war-room/scenarios';
const RESOLVED = `\0${SCENARIOS_MODULE}`;

export async function bundleScenarios(dir = SCENARIOS_DIR): Promise<BundledScenario[]> {
  const { files, errors } = await findScenarioFiles([dir]);
  const entries: BundledScenario[] = errors.map((e) => ({ file: relative(PROJECT_ROOT, e.file), scenario: null, errors: [e] }));
  for (const path of files) {
    const result = await loadScenarioFile(path);
    const file = relative(PROJECT_ROOT, path);
    entries.push({ file: basename(path), scenario: result.scenario, errors: result.errors.map((e) => ({ ...e, file })) });
  }
  return entries;
}

export function scenariosPlugin(dir = SCENARIOS_DIR): Plugin {
  let building = false;
  return {
    name: 'war-room-scenarios',
    configResolved(config) {
      building = config.command === 'build';
    },
    resolveId(id) {
      return id === SCENARIOS_MODULE ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const entries = await bundleScenarios(dir);
      const problems = entries.flatMap((e) => e.errors);
      if (building && problems.length > 0) {
        this.error(`scenario files have errors:\n${problems.map((p) => `  ${p.file}:${p.line}:${p.column} ${p.path}: ${p.message}`).join('\n')}`);
      }
      for (const p of problems) this.warn(`${p.file}:${p.line}:${p.column} ${p.path}: ${p.message}`);
      return `export default ${JSON.stringify(entries)};`;
    },
    configureServer(server) {
      server.watcher.add(dir);
      const reload = (file: string): void => {
        if (!/\.ya?ml$/i.test(file)) return;
        const mod = server.moduleGraph.getModuleById(RESOLVED);
        if (mod) server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('add', reload);
      server.watcher.on('change', reload);
      server.watcher.on('unlink', reload);
    },
  };
}
