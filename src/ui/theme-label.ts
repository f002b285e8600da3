import { UI_EN, type UiMessages } from './messages.ts';
import type { UiText } from './text.ts';

// A scenario's theme tags (`themes: [data-protection, vendor-risk]`) are ids the picker filters by.
// The themes the shipped scenarios use have words in the screens' catalogue (`theme.<id>`); a
// scenario file may bring a theme of its own, which reads as its id spelt out.

type ThemeKey = Extract<keyof UiMessages, `theme.${string}`>;

const isThemeKey = (key: string): key is ThemeKey => Object.hasOwn(UI_EN, key);

/** A theme tag in the player's words. */
export function themeLabel(theme: string, t: UiText): string {
  const key = `theme.${theme}`;
  return isThemeKey(key) ? t(key) : theme.replace(/-/g, ' ');
}
