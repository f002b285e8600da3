import { h, replace } from '../../ui/dom.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { ConsoleStore } from '../console/console-store.ts';
import { reportWords } from '../report-words.ts';
import { roomVotesMarkdown, roomVotesReport, voteShare } from './room-report.ts';
import { loadVoteRecords } from './room-storage.ts';

// The report's "Votes from the room" section: per decision, the split, how sure people were and
// why, from the phones' votes (room-report.ts). Shown only when the exercise ran with a room.
// In the console's language (`lang`), like the rest of the report; names and rationales as typed.

export function roomVotesView(store: ConsoleStore, download: (fileName: string, mime: string, text: string) => void, lang: () => Lang): { el: HTMLElement; destroy(): void } {
  const el = h('section', { class: 'fac-report__section room-votes', attrs: { 'aria-labelledby': 'room-votes-title' } });
  let shown = '';
  const render = (): void => {
    const session = store.getState().session;
    const records = loadVoteRecords(session.id);
    const language = lang();
    const t = reportWords(language);
    const key = `${language}:${session.id}:${JSON.stringify(records)}`;
    if (key === shown) return;
    shown = key;
    el.hidden = records.length === 0;
    if (records.length === 0) return replace(el);
    const report = roomVotesReport(records);
    replace(
      el,
      h('h2', { id: 'room-votes-title', text: t('votes.heading') }),
      ...report.map((d) =>
        h(
          'article',
          { class: 'room-votes__decision' },
          h('h3', { text: d.prompt }),
          h('p', { text: t(d.anonymous ? 'votesView.anonymous' : 'votesView.named', { count: d.total }) }),
          h('ul', null, ...d.distribution.map((o) => h('li', { text: t('votes.option', { label: o.label, count: o.count, share: voteShare(o.share, language) }) }))),
          d.confidence ? h('p', { text: t('votesView.confidence', { median: d.confidence.median, min: d.confidence.min, max: d.confidence.max, count: d.confidence.count }) }) : null,
          d.rationales.length > 0
            ? h(
                'ul',
                { class: 'room-votes__why' },
                ...d.rationales.map((r) => h('li', { text: r.name ? t('votes.rationaleNamed', { name: r.name, text: r.text, option: r.option }) : t('votes.rationale', { text: r.text, option: r.option }) })),
              )
            : null,
        ),
      ),
      h('button', {
        class: 'btn btn--small',
        attrs: { type: 'button' },
        text: t('votesView.download'),
        on: { click: () => download(t('file.votes', { id: session.id }), 'text/markdown', roomVotesMarkdown(report, language)) },
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
