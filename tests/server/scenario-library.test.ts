import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIOS_DIR } from '../../src/scenarios/load-file.ts';
import { loadScenarioLibrary } from '../../server/scenarios.ts';

// The server's scenarios come with their translations, checked, compiled as their readers read them.

describe('scenario library', () => {
  it('loads each scenario’s German, leaves a scenario without it in English, and keeps the run the English scenario’s', async () => {
    const library = await loadScenarioLibrary();
    const german = library.translated!('ransomware-manufacturer', 'de');
    expect(german?.index.scenario.title).toBe('Erpresserbriefe in der Nachtschicht');
    expect(library.get('ransomware-manufacturer')!.index.scenario.title).toBe('Ransom notes on the night shift');
    expect(library.translated!('invoice-fraud', 'de')).toBeNull();
    expect(library.translated!('ransomware-manufacturer', 'en')).toBeNull();
  });

  it('leaves a translation that does not check out of the rooms, and keeps its scenario', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'war-room-library-'));
    try {
      copyFileSync(join(SCENARIOS_DIR, 'ransomware-manufacturer.yaml'), join(dir, 'ransomware-manufacturer.yaml'));
      mkdirSync(join(dir, 'translations'));
      writeFileSync(join(dir, 'translations', 'ransomware-manufacturer.de.yaml'), 'formatVersion: 1\nscenario: another-one\nlanguage: de\ntitle: { text: Falsch }\n');
      const library = await loadScenarioLibrary(dir);
      expect(library.ids()).toEqual(['ransomware-manufacturer']);
      expect(library.translated!('ransomware-manufacturer', 'de')).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
