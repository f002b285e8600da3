import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import { Run } from '../../src/engine/runtime.ts';
import { parseScenario } from '../../src/scenarios/load.ts';

const doc = readFileSync(new URL('../../docs/scenario-format.md', import.meta.url), 'utf8');
const example = doc.split('```yaml\n').at(-1)!.split('\n```')[0]!;

describe('docs/scenario-format.md', () => {
  it('has a complete example that loads without problems', () => {
    const result = parseScenario(example, 'docs/scenario-format.md');
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.scenario?.id).toBe('bakery-orders-down');
  });

  it('plays the example to its good ending with a prepared strategic partner', () => {
    const run = Run.start(compileScenario(parseScenario(example, 'example').scenario!), { seed: 1, partner: 'ally' });
    run.commitPreparation(['replica']);
    run.choose('failover');
    run.choose('honest-update');
    expect(run.state.ending).toBe('good-day');
  });
});
