import { describe, expect, it } from 'vitest';
import { formats } from '../../src/i18n/format.ts';
import { LANGS } from '../../src/i18n/lang.ts';
import { placeholders, translate, translator, type Catalogue, type Catalogues, type Translation } from '../../src/i18n/messages.ts';

const en = {
  hello: 'Hello {name}',
  plain: 'Nothing to fill',
  votes: { one: '{count} vote for {option}', other: '{count} votes for {option}' },
  cost: 'It costs {amount}',
} as const satisfies Catalogue;
const de: Translation<typeof en> = {
  hello: 'Hallo {name}',
  plain: 'Nichts einzusetzen',
  votes: { one: '{count} Stimme für {option}', other: '{count} Stimmen für {option}' },
  cost: 'Kosten: {amount}',
};
const catalogues: Catalogues<typeof en> = { en, de };

describe('translate', () => {
  it('fills placeholders and formats numbers for the language', () => {
    expect(translate(catalogues, 'en', 'hello', { name: 'Sam' })).toBe('Hello Sam');
    expect(translate(catalogues, 'de', 'hello', { name: 'Sam' })).toBe('Hallo Sam');
    expect(translate(catalogues, 'en', 'cost', { amount: 12500 })).toBe('It costs 12,500');
    expect(translate(catalogues, 'de', 'cost', { amount: 12500 })).toBe('Kosten: 12.500');
    expect(translate(catalogues, 'de', 'plain')).toBe('Nichts einzusetzen');
  });

  it('writes whole numbers below 1000 as every language’s formatter does (the fill skips Intl for them)', () => {
    for (const lang of LANGS) {
      for (let n = 0; n < 1000; n++) expect(translate(catalogues, lang, 'cost', { amount: n }).endsWith(` ${formats(lang).number(n)}`)).toBe(true);
    }
    expect(translate(catalogues, 'de', 'cost', { amount: 999 })).toBe('Kosten: 999');
    expect(translate(catalogues, 'de', 'cost', { amount: 1000 })).toBe('Kosten: 1.000');
    expect(translate(catalogues, 'de', 'cost', { amount: 2.5 })).toBe('Kosten: 2,5');
    expect(translate(catalogues, 'en', 'cost', { amount: -5 })).toBe('It costs -5');
  });

  it('chooses the plural form by count, with the language’s own rules', () => {
    expect(translate(catalogues, 'en', 'votes', { count: 1, option: 'A' })).toBe('1 vote for A');
    expect(translate(catalogues, 'en', 'votes', { count: 0, option: 'A' })).toBe('0 votes for A');
    expect(translate(catalogues, 'de', 'votes', { count: 1, option: 'B' })).toBe('1 Stimme für B');
    expect(translate(catalogues, 'de', 'votes', { count: 1200, option: 'B' })).toBe('1.200 Stimmen für B');
  });

  it('reads the surface’s language at each call', () => {
    let lang: 'en' | 'de' = 'en';
    const t = translator(catalogues, () => lang);
    expect(t('plain')).toBe('Nothing to fill');
    lang = 'de';
    expect(t('plain')).toBe('Nichts einzusetzen');
  });

  it('makes a missing key, a missing value and an untranslated key type errors', () => {
    const t = translator(catalogues, () => 'en');
    // @ts-expect-error: no such key
    expect(t('nope')).toBe('nope');
    // @ts-expect-error: {name} needs a value
    t('hello');
    // @ts-expect-error: plural forms need a count
    t('votes', { option: 'A' });
    // @ts-expect-error: a translation must have every key
    const incomplete: Translation<typeof en> = { hello: 'Hallo {name}', plain: '', votes: { other: '' } };
    expect(incomplete.hello).toBe('Hallo {name}');
  });
});

describe('placeholders', () => {
  it('lists the names a text or its forms use, once each', () => {
    expect(placeholders('a {x} b {y} c {x}')).toEqual(['x', 'y']);
    expect(placeholders({ one: '{count} for {who}', other: '{count} for {who}' })).toEqual(['count', 'who']);
    expect(placeholders('no braces, or { spaced }')).toEqual([]);
  });
});
