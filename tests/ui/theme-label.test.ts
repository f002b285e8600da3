import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator, type Translation } from '../../src/i18n/messages.ts';
import { loadScenarioFile, SCENARIOS_DIR } from '../../src/scenarios/load-file.ts';
import { UI_EN, type UiMessages } from '../../src/ui/messages.ts';
import germanUi from '../../src/ui/messages-de.json';
import { themeLabel } from '../../src/ui/theme-label.ts';

// The picker's theme chips and filter: words for the shipped scenarios' themes, in the player's language.

const catalogues = { en: UI_EN, de: germanUi as Translation<UiMessages> };
const en = translator(catalogues, () => 'en');
const de = translator(catalogues, () => 'de');

async function shippedThemes(): Promise<string[]> {
  const names = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.yaml'));
  const loaded = await Promise.all(names.map((f) => loadScenarioFile(join(SCENARIOS_DIR, f))));
  return [...new Set(loaded.flatMap((l) => l.scenario?.themes ?? []))].sort();
}

describe('theme labels', () => {
  it('gives every theme a shipped scenario uses its own words in English and German', async () => {
    const themes = await shippedThemes();
    expect(themes.length).toBeGreaterThan(10);
    for (const theme of themes) {
      expect(Object.hasOwn(UI_EN, `theme.${theme}`), theme).toBe(true);
      expect(Object.hasOwn(germanUi, `theme.${theme}`), theme).toBe(true);
    }
  });

  it('reads in the player’s language, and spells out a theme a scenario file brings', () => {
    expect(themeLabel('data-protection', de)).toBe('Datenschutz');
    expect(themeLabel('vendor-risk', de)).toBe('Lieferantenrisiko');
    expect(themeLabel('ai', de)).toBe('KI');
    expect(themeLabel('vendor-risk', en)).toBe('vendor risk');
    expect(themeLabel('ai', en)).toBe('AI');
    expect(themeLabel('cold-storage', de)).toBe('cold storage');
  });
});
