import { fromMarkup } from '../dom.ts';
import { m } from '../markup.ts';

/** The War Room mark: a radar sweep in a rounded square, drawn in SVG. Also written into facilitator.html (see vite.config.ts). */
export const BRAND_MARK = m(
  'div',
  { class: 'brand' },
  m(
    'svg',
    { viewBox: '0 0 32 32', width: 28, height: 28, 'aria-hidden': 'true', class: 'brand__icon' },
    m('rect', { x: 1.5, y: 1.5, width: 29, height: 29, rx: 7, fill: 'none', stroke: 'currentColor', 'stroke-width': 2 }),
    m('circle', { cx: 16, cy: 16, r: 9, fill: 'none', stroke: 'currentColor', 'stroke-width': 1.5, opacity: 0.5 }),
    m('circle', { cx: 16, cy: 16, r: 4.5, fill: 'none', stroke: 'currentColor', 'stroke-width': 1.5, opacity: 0.7 }),
    m('path', { d: 'M16 16 L16 7 A9 9 0 0 1 24.2 12.3 Z', fill: 'currentColor', opacity: 0.55 }),
    m('circle', { cx: 21, cy: 11.5, r: 1.8, fill: '#ff6b57' }),
  ),
  m('span', { class: 'brand__name' }, 'War Room'),
);

export function brandMark(): HTMLElement {
  return fromMarkup(BRAND_MARK) as HTMLElement;
}
