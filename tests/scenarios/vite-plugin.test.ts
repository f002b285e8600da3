import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleScenarios, DEV_SCENARIOS_URL, scenariosPlugin, SCENARIOS_MODULE } from '../../src/scenarios/vite-plugin.ts';

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
  const emitted: { fileName: string; source: string }[] = [];
  (plugin.configResolved as (c: { command: string; base: string }) => void)({ command, base: '/' });
  const id = (plugin.resolveId as (id: string) => string | undefined)(SCENARIOS_MODULE)!;
  const context = {
    emitFile: (file: { fileName: string; source: string }) => void emitted.push(file),
    error: (m: string) => {
      throw new Error(m);
    },
  };
  const code = await (plugin.load as unknown as (this: typeof context, id: string) => Promise<string>).call(context, id);
  return { url: JSON.parse(code.replace(/^export default /, '').replace(/;$/, '')) as string, emitted };
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

  it('ships valid scenarios as one JSON asset, not as script', async () => {
    const dir = folder();
    rmSync(join(dir, 'broken.yaml'));
    const { url, emitted } = await load(dir, 'build');
    expect(emitted).toHaveLength(1);
    expect(url).toBe(`/${emitted[0]!.fileName}`);
    expect(emitted[0]!.fileName).toMatch(/^assets\/scenarios-[0-9a-f]{8}\.json$/);
    expect(JSON.parse(emitted[0]!.source).map((e: { scenario: { id: string } }) => e.scenario.id)).toEqual(['minimal']);
  });

  it('points the dev server at freshly validated scenarios', async () => {
    expect((await load(folder(), 'serve')).url).toBe(DEV_SCENARIOS_URL);
  });

  it('fails a production build on any scenario error, naming file and line', async () => {
    await expect(load(folder(), 'build')).rejects.toThrow(/broken\.yaml:4:1/);
  });
});
