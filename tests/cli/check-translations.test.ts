import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles, toJson, type CheckCommandOptions } from '../../src/cli/check.ts';
import { formatFile } from '../../src/cli/format-check.ts';
import { parseScenario } from '../../src/scenarios/load.ts';
import { sourceHash } from '../../src/scenarios/translation.ts';
import { ROOT, warRoom } from './run-cli.ts';

const MINIMAL = join(ROOT, 'tests/fixtures/scenarios/minimal.yaml');

/** A folder with the minimal scenario and a German translation: the title current, the summary stale, the rest missing. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'war-room-translations-'));
  copyFileSync(MINIMAL, join(dir, 'minimal.yaml'));
  const s = parseScenario(readFileSync(MINIMAL, 'utf8'), 'minimal.yaml').scenario!;
  mkdirSync(join(dir, 'translations'));
  writeFileSync(
    join(dir, 'translations', 'minimal.de.yaml'),
    [
      'formatVersion: 1',
      'scenario: minimal',
      'language: de',
      `title: { from: ${sourceHash(s.title)}, text: Kleiner Ausfall }`,
      `summary: { from: ${sourceHash('an older summary')}, text: Das kleinste Szenario }`,
      '',
    ].join('\n'),
  );
  return dir;
}

const options = (paths: string[], strict: boolean): CheckCommandOptions => ({
  paths,
  strict,
  seeds: [1],
  maxStates: 10_000,
  maxSeconds: 60,
  pathCap: 100,
  cwd: ROOT,
  jobs: 1,
});

describe('war-room check and translations', () => {
  it('reports missing and stale texts per language as warnings, and as errors with --strict', async () => {
    const dir = folder();
    const run = await checkFiles(options([dir], false));
    expect(run.files).toHaveLength(1);
    const [f] = run.files;
    expect(f!.errors).toEqual([]);
    const translation = join(dir, 'translations', 'minimal.de.yaml');
    const stale = f!.warnings.find((w) => w.path === 'summary')!;
    expect(stale).toMatchObject({ file: translation, line: 5, column: 10 });
    expect(stale.message).toContain(`now ${sourceHash('The smallest scenario the format allows, used by the loader tests.')}`);
    expect(f!.warnings.find((w) => w.path === 'industry')!.message).toBe('not translated into de: the English is shown');
    expect(f!.translations).toMatchObject([{ language: 'de', file: translation, valid: true, stale: ['summary'] }]);
    const total = f!.translations![0]!.total;
    expect(f!.translations![0]!.missing).toHaveLength(total - 2);
    expect(formatFile(f!)).toContain(`  translations         de: 2/${total} translated, ${total - 2} missing, 1 stale\n`);
    expect(toJson(f!).translations).toEqual(f!.translations);
    expect(run.ok).toBe(true);

    const strict = await checkFiles(options([dir], true));
    expect(strict.ok).toBe(false);
    expect(strict.files[0]!.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['summary', 'industry']));
    // Every missing and stale text is an error, in the translation file (the rest are the fixture's balance rules).
    expect(strict.files[0]!.errors.filter((e) => e.file === translation)).toHaveLength(total - 1);
    expect(strict.files[0]!.warnings.filter((e) => e.file === translation)).toEqual([]);
  });

  it('says nothing about translations for a scenario that has none', async () => {
    const run = await checkFiles(options([MINIMAL], true));
    expect(run.files[0]!.translations).toBeUndefined();
    expect(formatFile(run.files[0]!)).not.toContain('translations');
    expect(toJson(run.files[0]!)).not.toHaveProperty('translations');
  });

  it('reports a broken translation file at its line, and checks a translation given by name with its scenario', async () => {
    const dir = folder();
    const file = join(dir, 'translations', 'minimal.de.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title:', 'titel:'));
    const run = await checkFiles(options([file], false));
    expect(run.files.map((f) => f.id)).toEqual(['minimal']);
    expect(run.ok).toBe(false);
    expect(run.files[0]!.errors).toMatchObject([{ file, line: 4, column: 1, path: 'titel', message: expect.stringContaining('did you mean "title"') }]);
    expect(formatFile(run.files[0]!)).toContain('translations         de: the file has errors');
  });

  it('passes --strict for the scenarios that ship in German', () => {
    const r = warRoom('check', '--strict', '--json', '--seeds', '1', 'scenarios/payments-friday-night.yaml');
    const [payments] = (JSON.parse(r.stdout) as { scenarios: Record<string, any>[] }).scenarios;
    expect(payments!.translations).toMatchObject([{ language: 'de', valid: true, missing: [], stale: [] }]);
    expect(payments!.errors.filter((e: { file: string }) => e.file.includes('translations'))).toEqual([]);
  });
});

describe('war-room translate', () => {
  it('writes the translation file with every English text to fill in, and keeps what is translated', () => {
    const dir = folder();
    const r = warRoom('translate', join(dir, 'minimal.yaml'), '--lang', 'de');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/1 translated \(0 fingerprinted now\), \d+ to translate, 1 stale/);
    const written = readFileSync(join(dir, 'translations', 'minimal.de.yaml'), 'utf8');
    expect(written).toContain('text: Kleiner Ausfall');
    expect(written).toMatch(/industry: \{ from: [0-9a-f]{8}, en: Retail \}/);
    expect(warRoom('translate', join(dir, 'minimal.yaml'), '--lang', 'fr')).toMatchObject({ status: 2, stderr: expect.stringContaining('--lang must be one of de') });
  });
});
