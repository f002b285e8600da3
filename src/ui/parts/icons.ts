import type { ChannelName } from '../../scenarios/schema.ts';
import { svg } from '../dom.ts';

// Small line icons drawn for this game (24×24, stroked with currentColor), so they look the
// same on every platform instead of depending on emoji fonts. Always decorative: the text
// next to them says the same thing.

export type IconName = ChannelName | 'timer' | 'check' | 'cross' | 'warning-dot';

const PATHS: Record<IconName, string[]> = {
  alert: ['M12 3 L22 20 H2 Z', 'M12 9 V14', 'M12 17 V17.5'],
  email: ['M3 6 H21 V18 H3 Z', 'M3 6 L12 13 L21 6'],
  call: ['M6 3 L9.5 3 L11 7.5 L8.8 9 C9.8 11.5 12.5 14.2 15 15.2 L16.5 13 L21 14.5 V18 C21 19.5 19.5 21 18 21 C10 20.5 3.5 14 3 6 C3 4.5 4.5 3 6 3 Z'],
  chat: ['M4 5 H20 V16 H10 L5 20 V16 H4 Z', 'M8 10 H16', 'M8 13 H13'],
  social: ['M9 4 L7 20', 'M17 4 L15 20', 'M4 9 H20', 'M3.5 15 H19.5'],
  news: ['M4 5 H17 V19 H6 C4.9 19 4 18.1 4 17 Z', 'M17 9 H20 V17 C20 18.1 19.1 19 18 19 H6', 'M7 8 H14', 'M7 11 H14', 'M7 14 H11'],
  regulator: ['M12 3 V20', 'M5 20 H19', 'M4 7 H20', 'M6 7 L3 14 H9 Z', 'M18 7 L15 14 H21 Z'],
  vendor: ['M14.5 3.5 A5 5 0 0 0 10 10 L3.5 16.5 L7.5 20.5 L14 14 A5 5 0 0 0 20.5 9.5 L17 13 L13 9 Z'],
  status: ['M12 3 A9 9 0 1 1 11.99 3 Z', 'M12 8 A4 4 0 1 1 11.99 8 Z'],
  timer: ['M12 7 A7 7 0 1 1 11.99 7 Z', 'M12 10 V14 L14.5 15.5', 'M10 3 H14', 'M12 3 V7'],
  check: ['M4 12.5 L9.5 18 L20 6.5'],
  cross: ['M6 6 L18 18', 'M18 6 L6 18'],
  'warning-dot': ['M12 4 L21 19 H3 Z'],
};

export function icon(name: IconName, cls = 'ico'): SVGSVGElement {
  return svg(
    'svg',
    { viewBox: '0 0 24 24', class: cls, 'aria-hidden': 'true', focusable: 'false', fill: 'none', stroke: 'currentColor', 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' },
    ...PATHS[name].map((d) => svg('path', { d })),
  );
}
