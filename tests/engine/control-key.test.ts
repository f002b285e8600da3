import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import { controlKey, controlKeyParts, controlRelevance } from '../../src/engine/control-key.ts';
import { branchesAt, preparationPlans, stepFresh } from '../../src/engine/explore.ts';
import { initialState } from '../../src/engine/rules.ts';
import { nextInt, seedState } from '../../src/engine/rng.ts';
import type { RunState } from '../../src/engine/state.ts';
import { SCENARIOS_DIR } from '../../src/scenarios/load-file.ts';
import { parseScenario } from '../../src/scenarios/load.ts';

// The explorer merges runs by controlKey, a compact string; controlKeyParts states what the
// key holds. Two runs must get the same string exactly when their parts are the same (as
// JSON), or the explorer would merge runs that differ (fewer states) or split runs that do
// not (more). Checked over the states of seeded random walks through every shipped scenario.

const files = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.yaml')).sort();

describe('controlKey', () => {
  it.each(files)('separates the runs of %s exactly as its parts do', (file) => {
    const parsed = parseScenario(readFileSync(join(SCENARIOS_DIR, file), 'utf8'), file);
    if (!parsed.scenario) throw new Error(`${file} does not load`);
    const compiled = compileScenario(parsed.scenario);
    const relevance = controlRelevance(compiled.index);
    const plans = preparationPlans(compiled);
    let rng = seedState(13);
    const pick = (n: number): number => {
      const [i, next] = nextInt(rng, 0, n - 1);
      rng = next;
      return i;
    };
    const states: RunState[] = [];
    for (let walk = 0; walk < 150; walk++) {
      const partners = compiled.index.scenario.partners;
      let s = initialState(compiled.index, { seed: 1 + (walk % 3), partner: partners[walk % partners.length]!.id });
      for (let step = 0; step < 60; step++) {
        states.push(s);
        const branches = branchesAt(compiled, s, plans);
        if (branches.length === 0) break;
        s = stepFresh(compiled, s, branches[pick(branches.length)]!);
      }
    }
    const byKey = new Map<string, string>();
    const byParts = new Map<string, string>();
    for (const s of states) {
      const key = controlKey(compiled.index, relevance, s);
      const parts = JSON.stringify(controlKeyParts(compiled.index, relevance, s));
      expect(byKey.get(key) ?? parts, `one key, two sets of parts in ${file}`).toBe(parts);
      expect(byParts.get(parts) ?? key, `one set of parts, two keys in ${file}`).toBe(key);
      byKey.set(key, parts);
      byParts.set(parts, key);
    }
    // Many distinct states, and many repeats: both directions were tried.
    expect(byKey.size).toBeGreaterThan(100);
    expect(byKey.size).toBeLessThan(states.length);
  });
});
