import type { Lang } from '../../i18n/lang.ts';
import { translator, type Translate, type Translation } from '../../i18n/messages.ts';
import { PRESENTER_EN, type PresenterMessages } from './messages.ts';

// The presenter's words in the language the console's frame asks for. One presenter runs per
// page; its language is set from each frame it draws (useLang), once that language's words are here.

const catalogues: { en: PresenterMessages; de?: Translation<PresenterMessages> } = { en: PRESENTER_EN };
let current: Lang = 'en';

export const t: Translate<PresenterMessages> = translator(catalogues, () => current);
export const presenterLang = (): Lang => current;
export const hasPresenterWords = (lang: Lang): boolean => lang === 'en' || catalogues[lang] !== undefined;
export function addPresenterWords(lang: Exclude<Lang, 'en'>, words: Translation<PresenterMessages>): void {
  catalogues[lang] = words;
}
export function useLang(lang: Lang): void {
  current = lang;
}
