import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseScenario } from '../../src/scenarios/load.ts';
import { sortedByTitle } from '../../src/scenarios/by-title.ts';
import { catalogFrom, describeIssue } from '../../src/store/catalog.ts';
import { tinyScenario } from '../fixtures/tiny-scenario.ts';

describe('scenario catalog', () => {
  it('loads valid files and keeps broken ones with their errors instead of failing', () => {
    const broken = stringify({ ...tinyScenario(), id: 'broken', difficulty: 'impossible' });
    // What the build-time bundle holds: each file's scenario, or its located problems.
    const files = { 'tiny.yaml': stringify(tinyScenario()), 'broken.yaml': broken, 'not-yaml.yaml': 'title: [unclosed' };
    const catalog = catalogFrom(Object.entries(files).map(([file, text]) => ({ file, ...parseScenario(text, file) })));
    expect(catalog.map((e) => e.file)).toEqual(['tiny.yaml', 'broken.yaml', 'not-yaml.yaml']);
    expect(catalog[0]!.scenario?.title).toBe('Tiny outage');
    expect(catalog[1]!.scenario).toBeNull();
    expect(catalog[1]!.errors.some((e) => e.path === 'difficulty')).toBe(true);
    expect(catalog[2]!.errors[0]!.file).toBe('not-yaml.yaml');
  });

  it('describes an issue by line and field', () => {
    expect(describeIssue({ line: 12, path: 'beats[0].next', message: 'no beat "x"' })).toBe(
      'line 12, field beats[0].next: no beat "x"',
    );
    expect(describeIssue({ line: null, path: '', message: 'empty file' })).toBe('empty file');
  });

  it('sorts by the titles a reader sees, in their language’s order, with broken files last', () => {
    const entry = (file: string, title: string | null, de?: string) => ({
      file,
      scenario: title === null ? null : { title, localized: de ? { de: { title: de } } : undefined },
      errors: title === null ? ['broken'] : [],
    });
    const entries = [entry('broken.yaml', null), entry('a.yaml', 'Zero day at the bank', 'Ärger im Rechenzentrum'), entry('b.yaml', 'Alarm at dawn', 'Zahlungsausfall am Freitag'), entry('c.yaml', 'Ordering stops', 'Bestellungen stehen still')];
    const german = (e: (typeof entries)[number]) => e.scenario?.localized?.de?.title ?? e.scenario?.title ?? e.file;
    // German order of the German titles: Ä sorts with A, not after Z as a byte order would.
    expect(sortedByTitle(entries, 'de', german).map((e) => e.file)).toEqual(['a.yaml', 'c.yaml', 'b.yaml', 'broken.yaml']);
    expect(sortedByTitle(entries, 'en').map((e) => e.file)).toEqual(['b.yaml', 'c.yaml', 'a.yaml', 'broken.yaml']);
  });
});
