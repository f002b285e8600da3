import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import { explore } from '../../src/engine/explore.ts';
import { Run } from '../../src/engine/runtime.ts';
import { scoreRun } from '../../src/engine/scoring.ts';
import { SCENARIOS_DIR } from '../../src/scenarios/load-file.ts';
import { parseScenario } from '../../src/scenarios/load.ts';

const files = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.yaml')).sort();

/** Plays the strategic partner's advice, with a little hesitation before each choice. */
function playAdvice(file: string, partner: string, seed: number) {
  const scenario = parseScenario(readFileSync(join(SCENARIOS_DIR, file)), file).scenario!;
  const compiled = compileScenario(scenario);
  const run = Run.start(compiled, { seed, partner });
  let budget = scenario.preparation.budget;
  const measures: string[] = [];
  for (const m of scenario.preparation.measures) if (m.cost <= budget) (budget -= m.cost), measures.push(m.id);
  run.commitPreparation(measures);
  for (let step = 0; !run.isOver && step < 100; step++) {
    const decision = run.view().decision!;
    const beat = scenario.beats.find((b) => b.id === run.state.beat)!;
    const advice = decision.options.find((o) => o.id === beat.decision!.advice.option && o.available);
    run.choose((advice ?? decision.options.find((o) => o.available)!).id);
  }
  return { run, compiled };
}

describe('the scenario library', () => {
  it('ships scenarios', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  for (const file of files) {
    describe(file, () => {
      const text = readFileSync(join(SCENARIOS_DIR, file), 'utf8');
      const result = parseScenario(text, file);

      it('loads with no errors or warnings, points editors at the schema, and is named after its id', () => {
        expect(result.errors).toEqual([]);
        expect(result.warnings).toEqual([]);
        expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./scenario.schema.json');
        expect(result.scenario!.id).toBe(basename(file, '.yaml'));
      });

      it('reaches every beat and every ending, with no dead ends', { timeout: 180_000 }, () => {
        const scenario = result.scenario!;
        const exploration = explore(compileScenario(scenario));
        expect(exploration.truncated).toBe(false);
        expect([...exploration.reachedEndings].sort()).toEqual(scenario.beats.filter((b) => b.ending).map((b) => b.id).sort());
        expect([...exploration.reachedBeats].sort()).toEqual(scenario.beats.map((b) => b.id).sort());
        expect(exploration.deadEnds).toEqual([]);
      });

      it('compiles and plays to an ending with every partner', () => {
        for (const partner of result.scenario!.partners) {
          const { run, compiled } = playAdvice(file, partner.id, 1);
          expect(run.isOver, `${partner.id} did not finish`).toBe(true);
          const report = scoreRun(compiled.index, run.log);
          for (const score of [report.communication, report.proactivity, report.businessImpact]) {
            expect(score.score).toBeGreaterThanOrEqual(0);
            expect(score.score).toBeLessThanOrEqual(100);
          }
        }
      });
    });
  }
});
