import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';
import { spreadOverSeeds } from '../src/engine/check.ts';
import { compileScenario } from '../src/engine/compile.ts';
import { explore } from '../src/engine/explore.ts';
import { scorePaths } from '../src/engine/path-scores.ts';
import { evaluatePolicies } from '../src/engine/policies.ts';
import { findScenarioFiles } from '../src/scenarios/find-files.ts';
import { loadScenarioFile, SCENARIOS_DIR } from '../src/scenarios/load-file.ts';
import { preparationPlans } from '../src/engine/explore.ts';
import type { RunEvent } from '../src/engine/machine.ts';
import { initialState } from '../src/engine/rules.ts';
import { startSnapshot, stepSnapshot } from '../src/engine/runtime.ts';
import { stepState } from '../src/engine/step.ts';
import { PROJECT_ROOT } from '../src/scenarios/load-file.ts';
import { compare, cpuMs, fmt } from './measure.ts';

// Section 2: how long `war-room check` takes over the shipped scenarios: the command as a
// user runs it (wall time, the issue 13 goal is <= 5 s on 2 cores; before issue 13 it took
// about 18 s idle), the cost of one step with the pure stepper against the XState machine
// it replaced (the baseline, measured in the same run on the same walk), and the phases
// checkScenario runs, timed one by one in this thread.

/** The same walk through a scenario for both steppers: preparation, then always the first option. */
function walkOf(compiled: ReturnType<typeof compileScenario>): RunEvent[] {
  const partner = compiled.index.scenario.partners[0]!.id;
  const events: RunEvent[] = [{ type: 'prep.commit', measures: preparationPlans(compiled).at(-1)! }];
  let s = stepState(compiled.index, initialState(compiled.index, { seed: 1, partner }), events[0]!);
  for (let i = 0; i < 200 && s.phase === 'incident'; i++) {
    const options = compiled.index.beats.get(s.beat!)!.decision!.options;
    const event: RunEvent = i % 2 === 0 ? { type: 'clock.tick', minutes: 3 } : { type: 'player.choose', option: options[0]!.id };
    events.push(event);
    s = stepState(compiled.index, s, event);
  }
  return events;
}

export async function checkBench(): Promise<void> {
  const started = performance.now();
  const cli = spawnSync(process.execPath, ['bin/war-room.mjs', 'check', '--json'], { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wall = performance.now() - started;
  const scenarios = cli.status === null ? 0 : (JSON.parse(cli.stdout) as { scenarios: unknown[] }).scenarios.length;
  console.log(`Check: \`war-room check\` over ${scenarios} shipped scenarios: ${fmt(wall / 1000, 1)} s wall (goal <= 5 s on 2 idle cores; about 18 s before issue 13)`);

  const ransomware = await loadScenarioFile(`${SCENARIOS_DIR}/ransomware-manufacturer.yaml`);
  if (ransomware.scenario) {
    const compiled = compileScenario(ransomware.scenario);
    const walk = walkOf(compiled);
    const partner = compiled.index.scenario.partners[0]!.id;
    const rates = compare(
      {
        machine: () => {
          let x = startSnapshot(compiled, { seed: 1, partner });
          for (const e of walk) x = stepSnapshot(compiled, x, e);
        },
        stepper: () => {
          let x = initialState(compiled.index, { seed: 1, partner });
          for (const e of walk) x = stepState(compiled.index, x, e);
        },
      },
      3,
      300,
    );
    const us = (perSecond: number): string => fmt(1e6 / (perSecond * walk.length), 1);
    console.log(
      `  one step, ransomware-manufacturer (${walk.length}-event walk): XState machine ${us(rates.machine!)} µs (baseline), ` +
        `pure stepper ${us(rates.stepper!)} µs: ${fmt(rates.stepper! / rates.machine!, 1)}x faster`,
    );
  }

  const { files } = await findScenarioFiles([SCENARIOS_DIR]);
  console.log(`  by phase, in this thread (CPU ms per phase; wall ms in the last column):`);
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
