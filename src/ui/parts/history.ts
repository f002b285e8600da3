import type { HistoryEntry } from '../../store/history.ts';
import { h } from '../dom.ts';

/** Past runs as a list, newest first, with the best and latest scores summarised above it. */
export function historyPanel(history: readonly HistoryEntry[], limit = 8): HTMLElement {
  const section = h('section', { class: 'panel history', attrs: { 'aria-labelledby': 'history-heading' } });
  section.append(h('h2', { id: 'history-heading', class: 'panel__title', text: 'Your past runs' }));
  if (history.length === 0) {
    section.append(h('p', { class: 'muted', text: 'No runs yet. Finish a scenario and your scores appear here, so you can see your progress.' }));
    return section;
  }
  const best = Math.max(...history.map((e) => e.overall));
  const latest = history[0]!;
  const previous = history.find((e, i) => i > 0 && e.scenarioId === latest.scenarioId);
  const trend = previous ? latest.overall - previous.overall : null;
  section.append(
    h(
      'dl',
      { class: 'stats' },
      h('div', { class: 'stat' }, h('dt', { text: 'Runs played' }), h('dd', { text: String(history.length) })),
      h('div', { class: 'stat' }, h('dt', { text: 'Best overall' }), h('dd', { text: String(best) })),
      h(
        'div',
        { class: 'stat' },
        h('dt', { text: 'Latest' }),
        h('dd', null, String(latest.overall), trend === null ? null : h('span', { class: trend >= 0 ? 'trend trend--up' : 'trend trend--down', text: trend >= 0 ? `▲ ${trend} since last try` : `▼ ${-trend} since last try` })),
      ),
    ),
  );
  section.append(
    h(
      'ol',
      { class: 'runs', attrs: { 'aria-label': 'Recent runs, newest first' } },
      ...history.slice(0, limit).map((e) =>
        h(
          'li',
          { class: 'run' },
          h('span', { class: `score-pill run__score ${scoreClass(e.overall)}`, attrs: { 'aria-label': `Overall ${e.overall}` }, text: String(e.overall) }),
          h(
            'div',
            { class: 'run__body' },
            h('strong', { class: 'run__title', text: e.title }),
            h('span', { class: 'run__meta small muted', text: `${e.verdict} · ${e.partner} · seed ${e.seed} · ${formatDate(e.endedAt)}` }),
          ),
        ),
      ),
    ),
  );
  return section;
}

export function scoreClass(score: number): string {
  return score >= 70 ? 'score--high' : score >= 45 ? 'score--mid' : 'score--low';
}

function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
