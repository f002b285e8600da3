import { describe, expect, it } from 'vitest';
import { markWritten, writtenIn } from '../../src/ui/text-lang.ts';

// Scenario text says its language only when it differs from the page's (see src/ui/text-lang.ts).

describe('writtenIn', () => {
  it('marks English scenario text on a German page, and nothing when the languages agree', () => {
    expect(writtenIn('en', 'de')).toEqual({ lang: 'en' });
    expect(writtenIn('de', 'en')).toEqual({ lang: 'de' });
    expect(writtenIn('de', 'de')).toEqual({});
    expect(writtenIn('en', 'en')).toEqual({});
  });
});

describe('markWritten', () => {
  // Just the two methods it uses: the test runs without a DOM.
  const element = (): Element & { attrs: Map<string, string> } => {
    const attrs = new Map<string, string>();
    return { attrs, setAttribute: (n: string, v: string) => void attrs.set(n, v), removeAttribute: (n: string) => void attrs.delete(n) } as unknown as Element & { attrs: Map<string, string> };
  };

  it('sets lang when the text is in another language and removes it when the scenario is translated later', () => {
    const el = element();
    markWritten(el, 'en', 'de');
    expect(el.attrs.get('lang')).toBe('en');
    markWritten(el, 'de', 'de');
    expect(el.attrs.has('lang')).toBe(false);
  });
});
