import { isLang, preferredLang, type Lang } from './lang.ts';

// The browser edge of the language choice: one remembered choice for every War Room page on
// this device (game, console, presenter, phone), and the page's `lang` kept true for screen readers.

const KEY = 'war-room.lang';

export function rememberedLang(): Lang {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(KEY);
  } catch {
    // Storage refused (private mode): the browser's languages decide.
  }
  return preferredLang(stored, navigator.languages ?? [navigator.language]);
}

/** Keeps the page's `lang` true to the words it shows. */
export function showLang(lang: Lang): void {
  document.documentElement.lang = lang;
}

/** The person chose `lang`: show it, and remember it for the next visit to any War Room page. */
export function chooseLang(lang: Lang): void {
  showLang(lang);
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // The choice lasts as long as the page.
  }
}

/**
 * The language this device's person chose on some War Room page, or null when they never chose
 * (a workshop phone then follows the room's language rather than the browser's).
 */
export function storedLang(): Lang | null {
  try {
    const stored = localStorage.getItem(KEY);
    return isLang(stored) ? stored : null;
  } catch {
    return null;
  }
}
