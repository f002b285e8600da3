import { describe, expect, it } from 'vitest';
import { preferredLang } from '../../src/i18n/lang.ts';

describe('preferredLang', () => {
  it('keeps a remembered choice over the browser’s languages', () => {
    expect(preferredLang('en', ['de-DE', 'de'])).toBe('en');
  });
  it('takes the first browser language it speaks, regional variants included', () => {
    expect(preferredLang(null, ['fr-FR', 'de-AT', 'en-US'])).toBe('de');
    expect(preferredLang(null, ['EN-us'])).toBe('en');
  });
  it('ignores a stored value it does not speak and falls back to English', () => {
    expect(preferredLang('fr', ['fr-FR', 'it'])).toBe('en');
    expect(preferredLang(undefined, [])).toBe('en');
  });
});
