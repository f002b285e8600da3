import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import type { RunEvent } from '../../src/engine/machine.ts';
import { Run } from '../../src/engine/runtime.ts';
import { scoreRun } from '../../src/engine/scoring.ts';
import { SCENARIOS_DIR } from '../../src/scenarios/load-file.ts';
import { parseScenario } from '../../src/scenarios/load.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';

// One golden replay per scenario: recorded inputs and the scores they must give. Any change to a
// scenario, the engine or the scoring that moves a number shows here. After an intended change,
// regenerate with: UPDATE_GOLDEN=1 npx vitest run tests/scenarios/golden.test.ts

interface Golden {
  scenario: string;
  seed: number;
  partner: string;
  inputs: RunEvent[];
  expected: { ending: string; communication: number; proactivity: number; businessImpact: number; overall: number };
}

const GOLDEN_DIR = join(import.meta.dirname, 'golden');
const files = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.yaml')).sort();
const load = (file: string): Scenario => parseScenario(readFileSync(join(SCENARIOS_DIR, file)), file).scenario!;

/** The reference play: the strategic partner, greedy preparation, the advice with a little hesitation. */
function record(scenario: Scenario): Omit<Golden, 'expected'> {
  const partner = (scenario.partners.find((p) => p.tier === 'strategic') ?? scenario.partners[0]!).id;
  const run = Run.start(compileScenario(scenario), { seed: 7, partner });
  let budget = scenario.preparation.budget;
  const measures: string[] = [];
  for (const m of scenario.preparation.measures) if (m.cost <= budget) (budget -= m.cost), measures.push(m.id);
  run.commitPreparation(measures);
  while (!run.isOver && run.inputs.length < 200) {
    run.advance(2);
    const decision = run.view().decision;
    if (!decision) continue;
    const advice = scenario.beats.find((b) => b.id === run.state.beat)!.decision!.advice.option;
    run.choose(decision.options.find((o) => o.id === advice && o.available)?.id ?? decision.options.find((o) => o.available)!.id);
  }
  return { scenario: scenario.id, seed: 7, partner, inputs: [...run.inputs] };
}

function replay(scenario: Scenario, golden: Omit<Golden, 'expected'>): Golden['expected'] {
  const compiled = compileScenario(scenario);
  const run = Run.start(compiled, { seed: golden.seed, partner: golden.partner });
  for (const event of golden.inputs) run.send(event);
  const report = scoreRun(compiled.index, run.log);
  return {
    ending: run.state.ending ?? '(no ending)',
    communication: report.communication.score,
    proactivity: report.proactivity.score,
    businessImpact: report.businessImpact.score,
    overall: report.overall,
  };
}

describe('golden replays', () => {
  for (const file of files) {
    const path = join(GOLDEN_DIR, `${basename(file, '.yaml')}.json`);
    it(`${file} gives the recorded scores for its recorded play`, () => {
      const scenario = load(file);
      if (process.env.UPDATE_GOLDEN) {
        const recorded = record(scenario);
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(path, `${JSON.stringify({ ...recorded, expected: replay(scenario, recorded) }, null, 2)}\n`);
      }
      expect(existsSync(path), `no golden replay: run UPDATE_GOLDEN=1 npx vitest run ${basename(import.meta.filename)}`).toBe(true);
      const golden = JSON.parse(readFileSync(path, 'utf8')) as Golden;
      expect(replay(scenario, golden)).toEqual(golden.expected);
    });
  }
});
