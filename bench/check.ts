import { basename } from 'node:path';
import { spreadOverSeeds } from '../src/engine/check.ts';
import { compileScenario } from '../src/engine/compile.ts';
import { explore } from '../src/engine/explore.ts';
import { scorePaths } from '../src/engine/path-scores.ts';
import { evaluatePolicies } from '../src/engine/policies.ts';
import { findScenarioFiles, loadScenarioFile, SCENARIOS_DIR } from '../src/scenarios/load-file.ts';
import { cpuMs, fmt } from './measure.ts';

// Section 2: how long `war-room check` takes over the shipped scenarios, by phase. The
// phases are the ones checkScenario runs, timed one by one, in this thread (the CLI spreads
// files over one worker per core, so its wall time is lower on an idle machine).

export async function checkBench(): Promise<void> {
  const { files } = await findScenarioFiles([SCENARIOS_DIR]);
  console.log(`Check: ${files.length} scenarios in scenarios/ (CPU ms per phase; wall ms in the last column)`);
  const header = ['scenario', 'states', 'transitions', 'explore', 'µs/step', 'scores', 'policies', 'spread', 'total', 'wall'];
  const widths = [26, 8, 12, 8, 8, 7, 9, 7, 7, 7];
  const row = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' ');
  console.log(`  ${row(header)}`);
  let totalCpu = 0;
  let totalWall = 0;
  for (const file of files) {
    const wallStart = performance.now();
    const loaded = await loadScenarioFile(file);
    if (!loaded.scenario) {
      console.log(`  ${basename(file)}: does not load (${loaded.errors[0]?.message ?? 'unknown error'})`);
      continue;
    }
    const compiled = compileScenario(loaded.scenario);
    let t = cpuMs();
    const graph = explore(compiled);
    const exploreMs = cpuMs() - t;
    t = cpuMs();
    scorePaths(compiled, graph);
    const scoresMs = cpuMs() - t;
    t = cpuMs();
    evaluatePolicies(compiled);
    const policiesMs = cpuMs() - t;
    t = cpuMs();
    spreadOverSeeds(compiled, 200);
    const spreadMs = cpuMs() - t;
    const wall = performance.now() - wallStart;
    const cpu = exploreMs + scoresMs + policiesMs + spreadMs;
    totalCpu += cpu;
    totalWall += wall;
    console.log(
      `  ${row([
        loaded.scenario.id,
        fmt(graph.nodes.length),
        fmt(graph.transitions),
        fmt(exploreMs),
        fmt((exploreMs * 1000) / Math.max(1, graph.transitions)),
        fmt(scoresMs),
        fmt(policiesMs),
        fmt(spreadMs),
        fmt(cpu),
        fmt(wall),
      ])}${graph.truncated ? '  (search stopped at its state limit)' : ''}`,
    );
  }
  console.log(`  all ${files.length}: ${fmt(totalCpu / 1000, 1)} s CPU, ${fmt(totalWall / 1000, 1)} s wall in one thread`);
}
