import { moodOf } from '../../store/format.ts';
import { h } from '../dom.ts';

/** A stakeholder's confidence, 0–100, as a labelled bar with the number in words too. */
export function sentimentMeter(name: string, value: number, start?: number): HTMLElement {
  const v = Math.round(value);
  const mood = moodOf(v);
  const change = start === undefined ? '' : v > start ? ` (up ${v - Math.round(start)})` : v < start ? ` (down ${Math.round(start) - v})` : '';
  return h(
    'div',
    { class: `sentiment sentiment--${mood}` },
    h(
      'div',
      { class: 'sentiment__bar', attrs: { role: 'img', 'aria-label': `${name}: confidence ${v} of 100, ${mood}${change}` } },
      h('span', { class: 'sentiment__fill', attrs: { style: `width:${Math.max(2, Math.min(100, v))}%` } }),
    ),
    h('span', { class: 'sentiment__label small', attrs: { 'aria-hidden': 'true' }, text: `${mood} · ${v}${change}` }),
  );
}
