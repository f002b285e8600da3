import type { InjectView } from '../../engine/view.ts';
import { gameTime } from '../../store/format.ts';
import { h } from '../dom.ts';
import { icon } from './icons.ts';
import type { UiText } from '../text.ts';
import { channelLabel } from '../../i18n/channels.ts';
import type { Lang } from '../../i18n/lang.ts';

// The inject feed. It is a polite live region: only new messages are added to it, so a screen
// reader announces each one once, in full, without re-reading the rest.

export interface Feed {
  el: HTMLElement;
  /** Shows every inject in the list; only the ones not seen before are added (and announced). */
  update(injects: readonly InjectView[]): InjectView[];
  destroy(): void;
}

/** `written`: the attributes for scenario text (see text-lang.ts). */
export function createFeed(t: UiText, lang: Lang, written: { lang?: string } = {}): Feed {
  const list = h('ol', { class: 'feed__list', attrs: { reversed: true } });
  const empty = h('p', { class: 'feed__empty muted small', text: t('feedEmpty') });
  const log = h('div', { class: 'feed__log', attrs: { role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-labelledby': 'feed-heading' } }, list);
  // Focusable because it scrolls: keyboard users must be able to reach older messages.
  const el = h('section', { class: 'panel feed', attrs: { 'aria-labelledby': 'feed-heading', tabindex: '0' } }, h('h2', { id: 'feed-heading', class: 'panel__title', text: t('incoming') }), empty, log);
  let shown = 0;
  const timers = new Set<ReturnType<typeof setTimeout>>();

  return {
    el,
    update(injects) {
      const fresh = injects.slice(shown);
      shown = injects.length;
      empty.hidden = shown > 0;
      for (const inject of fresh) {
        const item = h(
          'li',
          { class: `inject inject--${inject.channel} inject--new`, data: { channel: inject.channel } },
          h(
            'p',
            { class: 'inject__meta' },
            icon(inject.channel, 'ico inject__icon'),
            h('span', { class: 'inject__channel', text: channelLabel(inject.channel, lang) }),
            h('span', { class: 'inject__from', text: t('injectFrom', { from: inject.from }) }),
            h('span', { class: 'inject__time', text: t('injectAt', { time: gameTime(inject.t) }) }),
          ),
          h('p', { class: 'inject__text', attrs: written, text: inject.text }),
        );
        list.prepend(item);
        const timer = setTimeout(() => {
          item.classList.remove('inject--new');
          timers.delete(timer);
        }, 4000);
        timers.add(timer);
      }
      return fresh;
    },
    destroy() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
