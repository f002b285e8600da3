import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/scenarios/json-schema.ts';
import { SCENARIOS_DIR } from '../../src/scenarios/load-file.ts';
import { parseScenario } from '../../src/scenarios/load.ts';
import { formatPath, type PathSegment } from '../../src/scenarios/locate.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import { localizeScenario, scenarioTexts, sourceHash, translationStatus } from '../../src/scenarios/translation.ts';
import { parseTranslation } from '../../src/scenarios/translation-load.ts';
import { translationStub } from '../../src/scenarios/translation-stub.ts';

const MINIMAL = join(import.meta.dirname, '../fixtures/scenarios/minimal.yaml');
const minimal = (): Scenario => parseScenario(readFileSync(MINIMAL, 'utf8'), 'minimal.yaml').scenario!;

/** A translation of the minimal scenario: the title and one option label, from the current English. */
function germanFor(s: Scenario, extra = ''): string {
  return [
    'formatVersion: 1',
    'scenario: minimal',
    'language: de',
    `title: { from: ${sourceHash(s.title)}, text: Der Shop ist offline }`,
    'beats:',
    '  outage:',
    '    decision:',
    '      options:',
    '        tell:',
    `          label: { from: ${sourceHash(s.beats[0]!.decision!.options[0]!.label)}, text: Ehrliches Status-Update posten }`,
    extra,
  ].join('\n');
}

/**
 * Every string in the scenario whose JSON Schema is reader-facing text (a Label or a Text: a
 * string with a length limit of 200 or more and no id pattern), found by walking the value with
 * the schema: what a translation must be able to carry.
 */
function textPathsBySchema(s: Scenario): string[] {
  const root = scenarioJsonSchema() as Record<string, any>;
  const defs = root.$defs as Record<string, any>;
  const resolve = (node: any): any => {
    let current = node;
    for (let i = 0; i < 10 && current?.$ref; i++) current = defs[current.$ref.replace('#/$defs/', '')];
    return current;
  };
  const out: string[] = [];
  const walk = (value: unknown, schema: any, path: PathSegment[]): void => {
    let node = resolve(schema);
    const members = node?.anyOf ?? node?.oneOf;
    if (members) {
      const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value === 'object' ? 'object' : typeof value;
      const typed = members.map(resolve).filter((m: any) => m.type === kind || (kind === 'number' && m.type === 'integer'));
      const tagged = typed.find((m: any) => m.properties?.type?.const !== undefined && m.properties.type.const === (value as any)?.type);
      node = tagged ?? typed[0];
    }
    if (!node) return;
    if (typeof value === 'string') {
      if (node.type === 'string' && (node.maxLength ?? 0) >= 200 && !node.pattern) out.push(formatPath(path));
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, node.items, [...path, i]));
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, node.properties?.[k], [...path, k]);
    }
  };
  walk(s, root, []);
  return out.sort();
}

const shipped = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.yaml')).sort();

describe('the texts a translation carries', () => {
  for (const file of shipped) {
    it(`are every reader-facing text of ${file}, found from the schema`, () => {
      const s = parseScenario(readFileSync(join(SCENARIOS_DIR, file), 'utf8'), file).scenario!;
      const listed = scenarioTexts(s).map((t) => formatPath(t.path)).sort();
      expect(listed).toEqual(textPathsBySchema(s));
    });
  }
});

describe('localizeScenario', () => {
  it('puts each translated text in place, keeps the English where there is none, and changes nothing else', () => {
    const s = minimal();
    const { translation, errors } = parseTranslation(germanFor(s), 'minimal.de.yaml', s, 'de');
    expect(errors).toEqual([]);
    const de = localizeScenario(s, translation, 'de');
    expect(de.title).toBe('Der Shop ist offline');
    expect(de.beats[0]!.decision!.options[0]!.label).toBe('Ehrliches Status-Update posten');
    // Fallback: not translated, so English.
    expect(de.beats[0]!.decision!.options[1]!.label).toBe('Wait and see');
    expect(de.summary).toBe(s.summary);
    // Only texts change: the structure, ids and numbers are the English scenario's.
    const strip = (x: Scenario) => JSON.stringify({ ...x, title: '', beats: x.beats.map((b) => ({ ...b, decision: b.decision && { ...b.decision, options: b.decision.options.map((o) => ({ ...o, label: '' })) } })) });
    expect(strip(de)).toBe(strip(s));
    // The English scenario itself is untouched, and English asks for no merge.
    expect(s.title).toBe('Minimal outage');
    expect(localizeScenario(s, translation, 'en')).toBe(s);
  });

  it('refuses a translation of another language or another scenario', () => {
    const s = minimal();
    const { translation } = parseTranslation(germanFor(s), 'minimal.de.yaml', s);
    expect(() => localizeScenario({ ...s, id: 'other' }, translation, 'de')).toThrow(/of scenario "minimal", not "other"/);
  });
});

describe('translation status', () => {
  it('counts missing texts, and a text whose English changed after it was translated as stale', () => {
    const s = minimal();
    const { translation } = parseTranslation(germanFor(s), 'minimal.de.yaml', s);
    const before = translationStatus(s, translation!);
    expect(before.total).toBe(scenarioTexts(s).length);
    expect(before.stale).toEqual([]);
    expect(before.missing).toHaveLength(before.total - 2);
    expect(before.missing).toContain('beats.outage.decision.options.wait.label');

    const edited = { ...s, title: 'Minimal outage, rewritten' };
    expect(translationStatus(edited, translation!).stale).toEqual(['title']);
  });

  it('treats a text without a fingerprint as stale', () => {
    const s = minimal();
    const { translation, errors } = parseTranslation('formatVersion: 1\nscenario: minimal\nlanguage: de\ntitle: { text: Offline }\n', 'm.de.yaml', s);
    expect(errors).toEqual([]);
    expect(translationStatus(s, translation!).stale).toEqual(['title']);
  });
});

describe('parseTranslation', () => {
  it('reports an id the English scenario does not have at its line, with the likely one', () => {
    const s = minimal();
    const text = germanFor(s).replace('        tell:', '        tel:');
    const { translation, errors } = parseTranslation(text, 'minimal.de.yaml', s, 'de');
    expect(translation).toBeNull();
    expect(errors).toEqual([
      {
        file: 'minimal.de.yaml',
        line: 9,
        column: 9,
        path: 'beats.outage.decision.options.tel',
        message: expect.stringMatching(/"tel" is not in the English scenario here; did you mean "tell"\?/),
      },
    ]);
  });

  it('reports a field the English leaves out, a bad fingerprint and a wrong language, each where it is', () => {
    const s = minimal();
    const extra = germanFor(s, '          detail: { from: 0000000a, text: Mehr }');
    expect(parseTranslation(extra, 'f.yaml', s).errors.map((e) => [e.line, e.path])).toEqual([[11, 'beats.outage.decision.options.tell.detail']]);

    const badHash = germanFor(s).replace(/title: \{ from: [0-9a-f]+/, 'title: { from: xyz');
    const bad = parseTranslation(badHash, 'f.yaml', s).errors;
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ line: 4, path: 'title.from' });
    expect(bad[0]!.message).toMatch(/fingerprint/);

    const lang = parseTranslation(germanFor(s), 'minimal.fr.yaml', s, 'fr').errors;
    expect(lang).toMatchObject([{ line: 3, path: 'language', message: expect.stringContaining('the file name says the language is "fr"') }]);
  });

  it('requires the placeholders of the English', () => {
    const s = { ...minimal(), title: 'Down for {duration}' };
    const text = `formatVersion: 1\nscenario: minimal\nlanguage: de\ntitle: { from: ${sourceHash(s.title)}, text: Seit einer Weile offline }\n`;
    const { errors } = parseTranslation(text, 'f.yaml', s);
    expect(errors).toMatchObject([{ line: 4, path: 'title.text', message: expect.stringContaining('the English has {duration}, this has none') }]);
  });
});

describe('translationStub', () => {
  it('lists every English text with its fingerprint, keeps translations, and shows the new English beside a stale one', () => {
    const s = minimal();
    const fresh = translationStub(s, null, 'de');
    expect(fresh.counts).toEqual({ translated: 0, missing: scenarioTexts(s).length, stale: 0, stamped: 0 });
    const parsed = parseTranslation(fresh.text, 'f.yaml', s, 'de');
    expect(parsed.errors).toEqual([]);
    // Nothing is translated yet: the English beside each entry is only for reference.
    expect(translationStatus(s, parsed.translation!).missing).toHaveLength(scenarioTexts(s).length);
    expect(fresh.text).toContain(`title: { from: ${sourceHash(s.title)}, en: Minimal outage }`);

    const { translation } = parseTranslation(germanFor(s), 'f.yaml', s);
    const edited = { ...s, title: 'Minimal outage, rewritten' };
    const update = translationStub(edited, translation, 'de');
    expect(update.counts).toMatchObject({ translated: 1, stale: 1 });
    expect(update.text).toContain(`title: { from: ${sourceHash(s.title)}, en: "Minimal outage, rewritten", text: Der Shop ist offline }`);
    expect(translationStatus(edited, parseTranslation(update.text, 'f.yaml', edited).translation!).stale).toEqual(['title']);
  });
});
