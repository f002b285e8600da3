import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/lang.ts';
import { placeholders, type Catalogue, type Message, type Translation } from '../../src/i18n/messages.ts';
import { roleName } from '../../src/i18n/roles.ts';
import { ENGINE_TEXT_DE } from '../../src/i18n/engine-text-de.ts';
import { ENGINE_TEXT_EN } from '../../src/i18n/engine-text-en.ts';
import { JOIN_EN, type JoinMessages } from '../../src/join/messages.ts';
import { DEBRIEF_DE } from '../../src/store/debrief-messages-de.ts';
import { DEBRIEF_EN } from '../../src/store/debrief-messages.ts';
import joinDe from '../../src/join/messages-de.json';
import { ROLES } from '../../src/scenarios/roles.ts';
import { PHONE_WORDS } from '../../server/phone-words.ts';
import { STORE_EN, type StoreMessages } from '../../src/store/messages.ts';
import storeDe from '../../src/store/messages-de.json';
import { UI_EN, type UiMessages } from '../../src/ui/messages.ts';
import uiDe from '../../src/ui/messages-de.json';
import { REPORT_DE } from '../../src/facilitator/report-messages-de.ts';
import { REPORT_EN } from '../../src/facilitator/report-messages.ts';
import { EXPORT_DE } from '../../src/store/export-messages-de.ts';
import { EXPORT_EN } from '../../src/store/export-messages.ts';
import { CONSOLE_EN, type ConsoleMessages } from '../../src/facilitator/console/messages.ts';
import consoleDe from '../../src/facilitator/console/messages-de.json';
import { PRESENTER_EN, type PresenterMessages } from '../../src/facilitator/presenter/messages.ts';
import presenterDe from '../../src/facilitator/presenter/messages-de.json';

// Every catalogue of the interface, each language checked against English: the same keys (the
// types already demand it), no empty text, the same placeholders, and the plural forms the language needs.
// A translation kept as JSON (fetched when shown) is held to its English catalogue's type here: a missing key fails tsc.
const JOIN_DE: Translation<JoinMessages> = joinDe;
const CONSOLE_DE: Translation<ConsoleMessages> = consoleDe;
const PRESENTER_DE: Translation<PresenterMessages> = presenterDe;
const UI_DE: Translation<UiMessages> = uiDe;
const STORE_DE: Translation<StoreMessages> = storeDe;
const CATALOGUES: Record<string, Record<string, Catalogue>> = {
  join: { en: JOIN_EN, de: JOIN_DE },
  engine: { en: ENGINE_TEXT_EN, de: ENGINE_TEXT_DE },
  debrief: { en: DEBRIEF_EN, de: DEBRIEF_DE },
  'phone refusal': { en: PHONE_WORDS.en, de: PHONE_WORDS.de! },
  game: { en: UI_EN, de: UI_DE },
  gameStore: { en: STORE_EN, de: STORE_DE },
  reports: { en: REPORT_EN, de: REPORT_DE },
  'solo export': { en: EXPORT_EN, de: EXPORT_DE },
  console: { en: CONSOLE_EN, de: CONSOLE_DE },
  presenter: { en: PRESENTER_EN, de: PRESENTER_DE },
};

const forms = (m: Message): string[] => (typeof m === 'string' ? [m] : Object.values(m).filter((x): x is string => typeof x === 'string'));

describe.each(Object.entries(CATALOGUES))('the %s catalogue', (_name, byLang) => {
  const en = byLang.en!;
  it.each(LANGS.filter((l) => l !== 'en'))('is complete in %s, with the same placeholders as English', (lang) => {
    const other = byLang[lang]!;
    const problems: string[] = [];
    for (const [key, message] of Object.entries(en)) {
      const translated = other[key];
      if (translated === undefined) problems.push(`${key}: missing`);
      else if (forms(translated).some((f) => f.trim() === '')) problems.push(`${key}: empty`);
      else if (placeholders(translated).join() !== placeholders(message).join())
        problems.push(`${key}: placeholders ${placeholders(translated).join()} instead of ${placeholders(message).join()}`);
      else if (typeof translated !== 'string') {
        const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
        const absent = needed.filter((c) => c !== 'other' && !(c in translated));
        if (absent.length > 0) problems.push(`${key}: no ${absent.join(', ')} form`);
      }
    }
    for (const key of Object.keys(other)) if (!(key in en)) problems.push(`${key}: not in English`);
    expect(problems).toEqual([]);
  });
});

describe('role names', () => {
  it('names every workshop role in every language', () => {
    for (const lang of LANGS) for (const r of ROLES) expect(roleName(r.id, lang).title.length).toBeGreaterThan(0);
    expect(roleName('legal', 'de').label).toBe('Recht');
    expect(roleName('legal', 'en').label).toBe('Legal');
    expect(roleName('unknown-role', 'de').label).toBe('unknown-role');
  });
});
