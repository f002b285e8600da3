import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import { Run } from '../../src/engine/runtime.ts';
import { FIELDS_START, withFieldTable } from '../../src/scenarios/field-table.ts';
import { parseScenario } from '../../src/scenarios/load.ts';

const doc = readFileSync(new URL('../../docs/scenario-format.md', import.meta.url), 'utf8');
const example = doc.split('```yaml\n').at(-1)!.split('\n```')[0]!;

describe('docs/scenario-format.md', () => {
  it('has a field reference generated from the current schema (run `npx war-room docs` when this fails)', () => {
    expect(doc).toContain(FIELDS_START);
    expect(doc === withFieldTable(doc), 'the field reference is stale: run npx war-room docs').toBe(true);
  });

  it('lists every field the schema has, including the ones the hand-written table left out', () => {
    for (const field of ['employees', 'degradedShare', 'cares', 'intro', 'audience', 'stakeholder', 'objective']) expect(doc).toContain(`| \`${field}\` |`);
    expect(doc).toContain('`partner-lead`');
  });

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
