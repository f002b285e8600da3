import type { Lang } from '../../i18n/lang.ts';
import { refusalText, seedProblemText, tailoringProblemText } from '../../i18n/refusal-text.ts';
import { translateRef, translator, type Translate, type Translation } from '../../i18n/messages.ts';
import type { Refused } from '../refusals.ts';
import { CONSOLE_EN, type ConsoleMessages } from './messages.ts';

// The console's words in the language it shows. One console runs per page, so its language is
// kept here, where every view reads it; the store's `lang` is the truth and sets it (useLang).
// Other languages arrive when chosen (fetched by start.ts, or given directly in tests).

const catalogues: { en: ConsoleMessages; de?: Translation<ConsoleMessages> } = { en: CONSOLE_EN };
let current: Lang = 'en';

/** The message `key` in the console's current language. */
export const t: Translate<ConsoleMessages> = translator(catalogues, () => current);

export const consoleLang = (): Lang => current;

/** A message carried as data (a MessageRef of the console's catalogue: a refusal, the room's codes) in the console's current language. */
export const sayRef = (key: keyof ConsoleMessages & string, params?: Readonly<Record<string, string | number>>): string => translateRef(catalogues, current, key, params);

/** True when the console has its words in `lang` (English always). */
export const hasConsoleWords = (lang: Lang): boolean => lang === 'en' || catalogues[lang] !== undefined;

/** Keeps a fetched translation (our own build's file, checked against English by tests/i18n). */
export function addConsoleWords(lang: Exclude<Lang, 'en'>, words: Translation<ConsoleMessages>): void {
  catalogues[lang] = words;
}

/** The console shows `lang` from now on (a language without its words reads as English). */
export function useLang(lang: Lang): void {
  current = lang;
}

/** Why the exercise refused a command, in the console's current language. */
export function sayRefusal(refused: Refused): string {
  // The run's, the seed check's and the tailoring's reasons are worded by the engine's catalogue.
  if (refused.key === 'run') return refusalText(refused.run, current);
  if (refused.key === 'seed') return seedProblemText(refused.seed, current);
  if (refused.key === 'tailoring') return tailoringProblemText(refused.tailoring, current);
  return sayRef(refused.key, 'params' in refused ? refused.params : undefined);
}
