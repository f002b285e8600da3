import { chooseLang } from '../../i18n/browser-lang.ts';
import { LANG_NAMES, LANGS, type Lang } from '../../i18n/lang.ts';
import type { GameStore } from '../../store/game-store.ts';
import { h, uid } from '../dom.ts';
import { loadLanguage, uiText } from '../text.ts';

// The language switch: a native radio group (arrow keys move between languages, screen readers
// announce "Language, radio group"), each language named in itself and marked with its own
// `lang`, so "Deutsch" is read in German whatever the page speaks. The choice is remembered for
// every War Room page (chooseLang) and the store's language changes once its words are here.

export function languageSwitch(store: GameStore): HTMLElement {
  const current = store.getState().lang;
  const t = uiText(current);
  const status = h('span', { class: 'lang-switch__status small', attrs: { role: 'status' } });
  const name = uid('lang');
  const choose = async (lang: Lang): Promise<void> => {
    if (!(await loadLanguage(lang))) {
      status.textContent = t('languageUnavailable', { language: LANG_NAMES[lang] });
      return;
    }
    chooseLang(lang);
    store.getState().setLang(lang);
  };
  return h(
    'fieldset',
    { class: 'lang-switch' },
    h('legend', { class: 'lang-switch__legend', text: t('language') }),
    ...LANGS.map((lang) => {
      const id = uid('lang-option');
      return h(
        'span',
        { class: 'lang-switch__option' },
        h('input', {
          id,
          class: 'lang-switch__input',
          attrs: { type: 'radio', name, value: lang, checked: lang === current },
          on: { change: () => void choose(lang) },
        }),
        h('label', { class: 'lang-switch__label', attrs: { for: id, lang }, text: LANG_NAMES[lang] }),
      );
    }),
    status,
  );
}
