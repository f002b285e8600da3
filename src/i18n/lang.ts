// The languages War Room speaks. Pure: the browser edge passes in what it knows
// (the stored choice, navigator.languages), so the same choice is made in Node tests and on the server.

export const LANGS = ['en', 'de'] as const;
export type Lang = (typeof LANGS)[number];

/** Each language named in itself, so a switch reads right whatever language is showing. */
export const LANG_NAMES: { readonly [L in Lang]: string } = { en: 'English', de: 'Deutsch' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/**
 * The language to show: the player's remembered choice when it is one we speak, else the first
 * browser language we speak ("de-AT" counts as German), else English.
 */
export function preferredLang(stored: string | null | undefined, browserLanguages: readonly string[]): Lang {
  if (isLang(stored)) return stored;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLang(primary)) return primary;
  }
  return 'en';
}
