import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_DOCS } from '../../src/cli/docs.ts';
import { languagesOf } from '../../src/scenarios/bundled.ts';
import { catalogueMarkdown } from '../../src/scenarios/catalogue.ts';
import { bundleScenarios } from '../../src/scenarios/vite-plugin.ts';

describe('docs/scenarios.md', () => {
  it('is the catalogue of the scenarios that ship (regenerate with `npx war-room docs`)', async () => {
    const entries = await bundleScenarios();
    const expected = catalogueMarkdown(entries.map((e) => ({ file: e.file, scenario: e.scenario!, languages: languagesOf(e) })));
    expect(readFileSync(GENERATED_DOCS.scenarios, 'utf8')).toBe(expected);
  });

  it('lists every scenario with its facts', async () => {
    const text = readFileSync(GENERATED_DOCS.scenarios, 'utf8');
    const entries = await bundleScenarios();
    expect(text).toContain(`${entries.length} scenarios ship with War Room.`);
    for (const { scenario } of entries) expect(text).toContain(`## ${scenario!.title}`);
  });

  it('names the languages of a scenario that has translations', async () => {
    const text = readFileSync(GENERATED_DOCS.scenarios, 'utf8');
    const entry = (id: string) => text.split(`<a id="${id}"></a>`)[1]!.split('<a id=')[0]!;
    expect(entry('payments-friday-night')).toContain('· in English and German');
    expect(entry('invoice-fraud')).not.toContain('German');
  });
});
