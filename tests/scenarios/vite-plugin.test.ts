import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleScenarios, scenariosPlugin, SCENARIOS_MODULE } from '../../src/scenarios/vite-plugin.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/scenarios');

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'war-room-scenarios-'));
  copyFileSync(join(FIXTURES, 'minimal.yaml'), join(dir, 'minimal.yaml'));
  writeFileSync(join(dir, 'broken.yaml'), 'formatVersion: 1\nid: broken\ntitle: [unclosed\n');
  return dir;
}

/** Runs the plugin's hooks the way Vite would, for a dev server or a build. */
async function load(dir: string, command: 'serve' | 'build') {
  const plugin = scenariosPlugin(dir);
  const warnings: string[] = [];
  (plugin.configResolved as (c: { command: string }) => void)({ command });
  const id = (plugin.resolveId as (id: string) => string | undefined)(SCENARIOS_MODULE)!;
  const context = {
    warn: (m: string) => warnings.push(m),
    error: (m: string) => {
      throw new Error(m);
    },
  };
  const code = await (plugin.load as unknown as (this: typeof context, id: string) => Promise<string>).call(context, id);
  return { code, warnings };
}

describe('scenario bundling for the browser', () => {
  it('validates every file and keeps broken ones with their located errors', async () => {
    const entries = await bundleScenarios(folder());
    expect(entries.map((e) => [e.file, e.scenario?.id ?? null])).toEqual([
      ['broken.yaml', null],
      ['minimal.yaml', 'minimal'],
    ]);
    expect(entries[0]!.errors[0]).toMatchObject({ line: 4, column: 1, path: '(YAML syntax)' });
    expect(entries[0]!.errors[0]!.file).toMatch(/broken\.yaml$/);
  });

  it('serves broken files as cards in dev, with a warning in the terminal', async () => {
    const { code, warnings } = await load(folder(), 'serve');
    const entries = JSON.parse(code.replace(/^export default /, '').replace(/;$/, ''));
    expect(entries).toHaveLength(2);
    expect(warnings[0]).toMatch(/broken\.yaml:4:1 \(YAML syntax\)/);
  });

  it('fails a production build on any scenario error, naming file and line', async () => {
    await expect(load(folder(), 'build')).rejects.toThrow(/broken\.yaml:4:1/);
  });
});
