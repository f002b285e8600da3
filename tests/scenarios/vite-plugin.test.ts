import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SCENARIOS_DIR } from '../../src/scenarios/load-file.ts';
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

  it('ships a catalogue of cards and one JSON asset per scenario, not script', async () => {
    const dir = folder();
    rmSync(join(dir, 'broken.yaml'));
    const { url, emitted } = await load(dir, 'build');
    const catalogue = emitted.find((f) => f.fileName.startsWith('assets/scenarios-'))!;
    const data = emitted.find((f) => f.fileName.startsWith('assets/scenario-minimal-'))!;
    expect(emitted).toHaveLength(2);
    expect(url).toBe(`/${catalogue.fileName}`);
    expect(catalogue.fileName).toMatch(/^assets\/scenarios-[0-9a-f]{8}\.json$/);
    expect(data.fileName).toMatch(/^assets\/scenario-minimal-[0-9a-f]{8}\.json$/);
    const [entry] = JSON.parse(catalogue.source);
    expect(entry.url).toBe(`/${data.fileName}`);
    expect(entry.scenario.id).toBe('minimal');
    // A card, not the scenario: the beats stay in the scenario's own file.
    expect(entry.scenario.beats).toBeUndefined();
    expect(JSON.parse(data.source).beats.length).toBeGreaterThan(0);
  });

  it('keeps the catalogue of every shipped scenario within 20 KB gzipped', async () => {
    const { emitted } = await load(SCENARIOS_DIR, 'build');
    const catalogue = emitted.find((f) => f.fileName.startsWith('assets/scenarios-'))!;
    const cards = JSON.parse(catalogue.source) as { scenario: { id: string }; translations?: Record<string, string> }[];
    expect(cards.length).toBeGreaterThanOrEqual(12);
    // The catalogue, one asset per scenario, and one per translation, each where its card says.
    const translations = cards.flatMap((c) => Object.entries(c.translations ?? {}).map(([language, url]) => ({ id: c.scenario.id, language, url })));
    expect(translations.length).toBeGreaterThanOrEqual(3);
    expect(emitted.length).toBe(cards.length + 1 + translations.length);
    for (const t of translations) {
      const asset = emitted.find((f) => `/${f.fileName}` === t.url)!;
      expect(asset.fileName).toMatch(new RegExp(`^assets/scenario-${t.id}\\.${t.language}-[0-9a-f]{8}\\.json$`));
      expect(JSON.parse(asset.source)).toMatchObject({ scenario: t.id, language: t.language });
    }
    expect(gzipSync(catalogue.source).length).toBeLessThanOrEqual(20 * 1024);
  });

  it('points the dev server at freshly validated scenarios', async () => {
    expect((await load(folder(), 'serve')).url).toBe(DEV_SCENARIOS_URL);
  });

  it('fails a production build on any scenario error, naming file and line', async () => {
    await expect(load(folder(), 'build')).rejects.toThrow(/broken\.yaml:4:1/);
  });
});
