import type { Lang } from '../../i18n/lang.ts';
import { moodLabel } from '../../i18n/vocabulary.ts';
import { moodOf } from '../../i18n/vocabulary.ts';
import { h } from '../dom.ts';
import { uiText } from '../text.ts';

/** A stakeholder's confidence, 0–100, as a labelled bar with the number in words too. */
export function sentimentMeter(name: string, value: number, start?: number, lang: Lang = 'en'): HTMLElement {
  const t = uiText(lang);
  const v = Math.round(value);
  const mood = moodOf(v);
  const word = moodLabel(mood, lang);
  const change = start === undefined ? '' : v > start ? t('confidenceUp', { points: v - Math.round(start) }) : v < start ? t('confidenceDown', { points: Math.round(start) - v }) : '';
  return h(
    'div',
    { class: `sentiment sentiment--${mood}` },
    h(
      'div',
      { class: 'sentiment__bar', attrs: { role: 'img', 'aria-label': t('confidenceAria', { name, value: v, mood: word, change }) } },
      h('span', { class: 'sentiment__fill', attrs: { style: `width:${Math.max(2, Math.min(100, v))}%` } }),
    ),
    h('span', { class: 'sentiment__label small', attrs: { 'aria-hidden': 'true' }, text: `${word} · ${v}${change}` }),
  );
}
