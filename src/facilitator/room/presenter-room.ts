import type qrcodeGenerator from 'qrcode-generator';
import type { Lang } from '../../i18n/lang.ts';
import { h, replace, svg } from '../../ui/dom.ts';
import { t } from '../presenter/i18n.ts';
import { loadPublicRoomInfo, ROOM_INFO_KEY } from './room-storage.ts';
import './room.css';

// The presenter's join card: the room's code, the address and a QR code for it, big enough to
// scan from the back of the room. It reads what the console stored (code and address only) and
// follows the console when it opens or closes a room. The QR encoder comes only when a room is
// shown (most exercises open none); its square is kept free meanwhile, so nothing moves.
// It also carries the room's language (the facilitator's choice for the room), which the
// presenter may follow: `lang()` now, and `onLanguage` each time the console changes it.

type QrEncoder = typeof qrcodeGenerator;
let encoder: Promise<QrEncoder> | null = null;
const loadEncoder = (): Promise<QrEncoder> => (encoder ??= import('qrcode-generator').then((m) => m.default));

export interface PresenterRoomOptions {
  /** Called with the room's language when a room is shown and whenever the console changes it. */
  onLanguage?(lang: Lang): void;
}

/** The card; `render()` draws it again (in the presenter's words when its language changed). */
export function presenterRoomCard(options: PresenterRoomOptions = {}): { el: HTMLElement; destroy(): void; lang(): Lang | null; render(): void } {
  const el = h('aside', { class: 'presenter-room' });
  let lang: Lang | null = null;
  const render = (): void => {
    el.setAttribute('aria-label', t('joinFromPhone'));
    const info = loadPublicRoomInfo();
    el.hidden = info === null;
    const was = lang;
    lang = info?.lang ?? null;
    if (lang !== null && lang !== was) options.onLanguage?.(lang);
    if (!info) return replace(el);
    const qr = h('span', { class: 'presenter-room__qr' });
    const url = info.joinUrl;
    void loadEncoder()
      .then((qrcode) => {
        if (qr.isConnected) qr.replaceWith(qrSvg(qrcode, url));
      })
      // Without the encoder (offline before the service worker stored it) the code and the address still show.
      .catch(() => undefined);
    replace(
      el,
      qr,
      h(
        'div',
        { class: 'presenter-room__text' },
        h('span', { text: t('joinFromPhone') }),
        h('span', { class: 'presenter-room__code', text: info.code }),
        h('span', { class: 'presenter-room__url', text: info.joinUrl.replace(/^https?:\/\//, '').replace(/\?code=.*$/, '') }),
      ),
    );
  };
  const onStorage = (e: StorageEvent): void => {
    if (e.key === ROOM_INFO_KEY || e.key === null) render();
  };
  window.addEventListener('storage', onStorage);
  render();
  return { el, destroy: () => window.removeEventListener('storage', onStorage), lang: () => lang, render };
}

/** The QR code as one SVG path of dark modules, with the standard four-module quiet zone. */
export function qrSvg(qrcode: QrEncoder, text: string): SVGSVGElement {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  const quiet = 4;
  let d = '';
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c + quiet} ${r + quiet}h1v1h-1z`;
  const size = n + quiet * 2;
  return svg(
    'svg',
    { class: 'presenter-room__qr', viewBox: `0 0 ${size} ${size}`, role: 'img', 'aria-label': t('qrFor', { url: text }), 'shape-rendering': 'crispEdges' },
    svg('rect', { width: size, height: size, fill: '#fff' }),
    svg('path', { d, fill: '#000' }),
  );
}
