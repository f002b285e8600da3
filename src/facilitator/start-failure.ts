import type { Lang } from '../i18n/lang.ts';

// The page's words when the console could not start. Its catalogue may be what failed to come,
// so this one sentence travels with the page, in each language the console speaks.

const COULD_NOT_START: Record<Lang, string> = {
  en: 'The facilitator console could not start: {why}',
  de: 'Die Moderationskonsole konnte nicht starten: {why}',
};

/** Why the console could not start, in `lang` (the remembered one: nothing else is known yet). */
export function couldNotStart(lang: Lang, why: string): string {
  return COULD_NOT_START[lang].replace('{why}', () => why);
}
