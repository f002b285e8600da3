import { h, replace } from '../../ui/dom.ts';
import type { ConsoleStore } from '../console/console-store.ts';
import { roomVotesMarkdown, roomVotesReport } from './room-report.ts';
import { loadVoteRecords } from './room-storage.ts';
import { consoleLang, t } from '../console/i18n.ts';
import { formats } from '../../i18n/format.ts';

// The report's "Votes from the room" section: per decision, the split, how sure people were and
// why, from the phones' votes (room-report.ts). Shown only when the exercise ran with a room.

export function roomVotesView(store: ConsoleStore, download: (fileName: string, mime: string, text: string) => void): { el: HTMLElement; destroy(): void } {
  const el = h('section', { class: 'fac-report__section room-votes', attrs: { 'aria-labelledby': 'room-votes-title' } });
  let shown = '';
  const render = (): void => {
    const session = store.getState().session;
    const records = loadVoteRecords(session.id);
    const key = `${store.getState().lang}:${session.id}:${JSON.stringify(records)}`;
    if (key === shown) return;
    shown = key;
    el.hidden = records.length === 0;
    if (records.length === 0) return replace(el);
    const report = roomVotesReport(records);
    replace(
      el,
      h('h2', { id: 'room-votes-title', text: t('roomVotes') }),
      ...report.map((d) =>
        h(
          'article',
          { class: 'room-votes__decision' },
          h('h3', { text: d.prompt }),
          h('p', { text: t(d.anonymous ? 'phoneVotesAnonymous' : 'phoneVotesNamed', { count: d.total }) }),
          h('ul', null, ...d.distribution.map((o) => h('li', { text: t('shareLine', { label: o.label, count: o.count, share: formats(consoleLang()).percent(Math.round(o.share * 100) / 100) }) }))),
          d.confidence
            ? h('p', { text: t('confidenceLine', { median: d.confidence.median, min: d.confidence.min, max: d.confidence.max, count: d.confidence.count }) })
            : null,
          d.rationales.length > 0
            ? h('ul', { class: 'room-votes__why' }, ...d.rationales.map((r) => h('li', { text: `${r.name ? `${r.name}: ` : ''}“${r.text}” (${r.option})` })))
            : null,
        ),
      ),
      h('button', {
        class: 'btn btn--small',
        attrs: { type: 'button' },
        text: t('downloadVotes'),
        on: { click: () => download(`war-room-votes-${session.id}.md`, 'text/markdown', roomVotesMarkdown(report)) },
      }),
    );
  };
  const off = store.subscribe(render);
  const onStorage = (e: StorageEvent) => {
    if (e.key?.startsWith('war-room.room-votes.')) render();
  };
  window.addEventListener('storage', onStorage);
  render();
  return {
    el,
    destroy() {
      off();
      window.removeEventListener('storage', onStorage);
    },
  };
}
