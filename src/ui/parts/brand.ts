import { h, svg } from '../dom.ts';

/** The War Room mark: a radar sweep in a rounded square, drawn in SVG. */
export function brandMark(): HTMLElement {
  const icon = svg(
    'svg',
    { viewBox: '0 0 32 32', width: 28, height: 28, 'aria-hidden': 'true', class: 'brand__icon' },
    svg('rect', { x: 1.5, y: 1.5, width: 29, height: 29, rx: 7, fill: 'none', stroke: 'currentColor', 'stroke-width': 2 }),
    svg('circle', { cx: 16, cy: 16, r: 9, fill: 'none', stroke: 'currentColor', 'stroke-width': 1.5, opacity: 0.5 }),
    svg('circle', { cx: 16, cy: 16, r: 4.5, fill: 'none', stroke: 'currentColor', 'stroke-width': 1.5, opacity: 0.7 }),
    svg('path', { d: 'M16 16 L16 7 A9 9 0 0 1 24.2 12.3 Z', fill: 'currentColor', opacity: 0.55 }),
    svg('circle', { cx: 21, cy: 11.5, r: 1.8, fill: '#ff6b57' }),
  );
  return h('div', { class: 'brand' }, icon, h('span', { class: 'brand__name', text: 'War Room' }));
}
