import type { Lang } from '../i18n/lang.ts';

// Scenario text comes in the language the scenario was written or translated in, which is not
// always the page's (9 of 12 scenarios have no German). Screen readers pick their voice from
// `lang`, so an element that holds only scenario text says which language it is in when that
// differs from the page's; otherwise it inherits the page's and gets no attribute.

/** Attributes for an element holding only text written in `textLang` on a page in `pageLang`. */
export function writtenIn(textLang: Lang, pageLang: Lang): { lang?: Lang } {
  return textLang === pageLang ? {} : { lang: textLang };
}

/** The same for an element kept across updates: sets `lang`, or removes it when the languages agree. */
export function markWritten(el: Element, textLang: Lang, pageLang: Lang): void {
  if (textLang === pageLang) el.removeAttribute('lang');
  else el.setAttribute('lang', textLang);
}
