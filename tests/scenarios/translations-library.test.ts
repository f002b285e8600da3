import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIOS_DIR } from '../../src/scenarios/load-file.ts';
import { parseScenario } from '../../src/scenarios/load.ts';
import { localizeScenario, scenarioTexts, translationStatus } from '../../src/scenarios/translation.ts';
import { TRANSLATIONS_FOLDER } from '../../src/scenarios/translation-file.ts';
import { TRANSLATION_SCHEMA_FILE, translationJsonSchemaText } from '../../src/scenarios/translation-json-schema.ts';
import { parseTranslation } from '../../src/scenarios/translation-load.ts';
import { bundleScenarios, catalogueOf } from '../../src/scenarios/vite-plugin.ts';

// Every translation that ships loads against its English scenario and is complete: a language
// a scenario offers is never half English. `war-room check --strict` enforces the same.

const DIR = join(SCENARIOS_DIR, TRANSLATIONS_FOLDER);
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
/** The scenarios issue 14 ships in German. */
const GERMAN = ['cloud-region-sale', 'payments-friday-night', 'ransomware-manufacturer'];

describe('the shipped translations', () => {
  it('include German for the scenarios issue 14 names', () => {
    for (const id of GERMAN) expect(files).toContain(`${id}.de.yaml`);
  });

  for (const file of files) {
    describe(file, () => {
      const [stem, language] = file.replace(/\.yaml$/, '').split('.') as [string, string];
      const english = parseScenario(readFileSync(join(SCENARIOS_DIR, `${stem}.yaml`), 'utf8'), `${stem}.yaml`).scenario!;
      const text = readFileSync(join(DIR, file), 'utf8');
      const loaded = parseTranslation(text, file, english, language);

      it('loads with no errors, translates its own scenario and points editors at the schema', () => {
        expect(loaded.errors).toEqual([]);
        expect(loaded.translation!.scenario).toBe(english.id);
        expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../translation.schema.json');
      });

      it('is complete and up to date with the English', () => {
        const status = translationStatus(english, loaded.translation!);
        expect(status.missing).toEqual([]);
        expect(status.stale).toEqual([]);
      });

      it('is a translation: the texts that change are not left in English', () => {
        const localized = localizeScenario(english, loaded.translation!, 'de');
        const texts = scenarioTexts(english);
        const changed = scenarioTexts(localized).filter((t, i) => t.text !== texts[i]!.text).length;
        // Names of people and companies stay as they are; nearly everything else reads differently.
        expect(changed / texts.length).toBeGreaterThan(0.85);
      });
    });
  }

  it('leave the scenario folder to scenarios: no translation sits beside one', () => {
    expect(readdirSync(SCENARIOS_DIR).filter((f) => /\.[a-z]{2}\.ya?ml$/.test(f))).toEqual([]);
    expect(existsSync(DIR)).toBe(true);
  });
});

describe('scenarios/translation.schema.json', () => {
  it('matches the zod schema (run `npx war-room schema` when this fails)', () => {
    expect(readFileSync(TRANSLATION_SCHEMA_FILE, 'utf8')).toBe(translationJsonSchemaText());
  });
});

describe('the catalogue the picker reads', () => {
  it('lists the languages of each scenario, and where each translation is', async () => {
    const entries = await bundleScenarios();
    expect(entries.flatMap((e) => e.errors)).toEqual([]);
    const catalogue = catalogueOf(entries, (e) => `/${e.file}.json`, (e, language) => `/${e.file}.${language}.json`);
    for (const entry of catalogue) {
      const id = entry.scenario!.id;
      if (GERMAN.includes(id)) {
        expect(entry.scenario!.languages, id).toEqual(['en', 'de']);
        expect(entry.translations, id).toEqual({ de: `/${id}.yaml.de.json` });
      } else {
        expect(entry.scenario!.languages, id).toEqual(['en']);
        expect(entry.translations, id).toBeUndefined();
      }
    }
  });

  it('comes sorted by English title, so a page opening on a saved game never sorts it', async () => {
    const catalogue = catalogueOf(await bundleScenarios(), (e) => `/${e.file}.json`, () => '');
    const titles = catalogue.map((e) => e.scenario!.title);
    expect(titles.length).toBeGreaterThan(1);
    // Every neighbour in order, as an English reader sorts them (a byte order would put "AI…" before "Accounts…").
    for (let i = 1; i < titles.length; i++) expect(titles[i - 1]!.localeCompare(titles[i]!, 'en'), `${titles[i - 1]} / ${titles[i]}`).toBeLessThanOrEqual(0);
  });
});
