import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import type { RunEvent } from '../../src/engine/machine.ts';
import { comparePartners } from '../../src/engine/partner-comparison.ts';
import { preparationRoi } from '../../src/engine/preparation-roi.ts';
import { planOf, replayDecisions } from '../../src/engine/replay-decisions.ts';
import { Run } from '../../src/engine/runtime.ts';
import { SCENARIOS_DIR } from '../../src/scenarios/load-file.ts';
import { parseScenario } from '../../src/scenarios/load.ts';

// The partner comparison and the preparation ROI of each scenario's golden replay (the advice
// path with the strategic partner, tests/scenarios/golden/), pinned. After an intended change,
// regenerate both with: UPDATE_GOLDEN=1 npx vitest run tests/scenarios/golden.test.ts tests/scenarios/comparison-golden.test.ts

const GOLDEN_DIR = join(import.meta.dirname, 'golden');
const COMPARISON_DIR = join(import.meta.dirname, 'golden-comparison');
const files = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.yaml')).sort();

function compare(file: string) {
  const scenario = parseScenario(readFileSync(join(SCENARIOS_DIR, file)), file).scenario!;
  const compiled = compileScenario(scenario);
  const golden = JSON.parse(readFileSync(join(GOLDEN_DIR, `${scenario.id}.json`), 'utf8')) as { seed: number; partner: string; inputs: RunEvent[] };
  const run = Run.start(compiled, { seed: golden.seed, partner: golden.partner });
  for (const event of golden.inputs) run.send(event);
  const comparison = comparePartners(compiled, run.state);
  const roi = preparationRoi(compiled, run.state);
  return {
    // The run's own partner replayed must be the run itself, or every other row is suspect.
    ownReplayMatches: replayDecisions(compiled, planOf(run.state)).state.metrics.revenueLost === run.state.metrics.revenueLost,
    comparison: comparison.partners.map((p) => ({
      partner: p.partner.id,
      scores: p.scores,
      revenueLost: p.revenueLost,
      downtimeMinutes: p.downtimeMinutes,
      staffHoursLost: p.staffHoursLost,
      endedAt: p.endedAt,
      ending: p.ending?.beat ?? null,
      changed: p.changed.map((c) => `${c.beat}: ${c.played ?? '(not reached)'} -> ${c.applied}`),
    })),
    lesson: comparison.lesson,
    closed: comparison.closed.map((c) => `${c.beat}/${c.option.id} needs ${c.needs.map((n) => n.capability).join('+')}`),
    roi: { lossAvoided: roi.lossAvoided, spent: roi.spent, overallGain: roi.overallGain },
  };
}

describe('partner comparison goldens', () => {
  for (const file of files) {
    const path = join(COMPARISON_DIR, `${basename(file, '.yaml')}.json`);
    it(`${file}: the advice path compared across partners`, () => {
      const actual = compare(file);
      if (process.env.UPDATE_GOLDEN) {
        mkdirSync(COMPARISON_DIR, { recursive: true });
        writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
      }
      expect(existsSync(path), `no comparison golden: run UPDATE_GOLDEN=1 npx vitest run ${basename(import.meta.filename)}`).toBe(true);
      expect(actual.ownReplayMatches).toBe(true);
      expect(actual).toEqual(JSON.parse(readFileSync(path, 'utf8')));
    });
  }
});
