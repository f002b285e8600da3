import type { GameStore } from '../../store/game-store.ts';
import { HISTORY_LIMIT, type HistoryEntry } from '../../store/history.ts';
import { h, replace } from '../dom.ts';

/** What a player can do with a past run; absent where the panel is only a summary. */
export interface HistoryActions {
  open(id: string): Promise<string | null>;
  replay(id: string): Promise<string | null>;
  remove(id: string | null): void;
}

export function storeHistoryActions(store: GameStore): HistoryActions {
  // A past run's scenario may not be downloaded yet: fetch it first, then reopen or replay.
  const withScenario = async (id: string, then: () => string | null): Promise<string | null> => {
    const entry = store.getState().history.find((e) => e.id === id);
    const known = entry && store.getState().catalog.some((e) => e.scenario?.id === entry.scenarioId);
    return (known ? await store.getState().loadScenario(entry.scenarioId) : null) ?? then();
  };
  return {
    open: (id) => withScenario(id, () => store.getState().openHistory(id)),
    replay: (id) => withScenario(id, () => store.getState().replayHistorySeed(id)),
    remove: (id) => store.getState().deleteHistory(id),
  };
}

/** The history panel, redrawn whenever the history changes; destroy() unsubscribes. */
export function liveHistoryPanel(store: GameStore): { el: HTMLElement; destroy(): void } {
  const actions = storeHistoryActions(store);
  const holder = h('div', { class: 'history-holder' });
  const status = h('p', { class: 'small history__status', attrs: { role: 'status' } });
  const wrapped: HistoryActions = {
    open: (id) => ((status.textContent = 'Opening…'), actions.open(id).then(report)),
    replay: (id) => ((status.textContent = 'Opening…'), actions.replay(id).then(report)),
    remove: (id) => {
      actions.remove(id);
      status.textContent = id === null ? 'All past runs were deleted.' : 'The run was deleted.';
    },
  };
  function report(why: string | null): string | null {
    status.textContent = why ? `Cannot do that: ${why}.` : '';
    return why;
  }
  const draw = (history: readonly HistoryEntry[]): void => replace(holder, historyPanel(history, 10, wrapped, status));
  draw(store.getState().history);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.history !== prev.history) draw(s.history);
  });
  return { el: holder, destroy: unsubscribe };
}

/** Past runs as a list, newest first, with the best and latest scores summarised above it. */
export function historyPanel(history: readonly HistoryEntry[], limit = 8, actions?: HistoryActions, status?: HTMLElement): HTMLElement {
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
  // What-if branches are listed under the run they branched from.
  const ids = new Set(history.map((e) => e.id));
  const roots = history.filter((e) => !e.parent || !ids.has(e.parent.id));
  const branchesOf = (id: string | undefined): HistoryEntry[] => (id ? history.filter((e) => e.parent?.id === id) : []);
  const item = (e: HistoryEntry): HTMLElement => {
    const branches = branchesOf(e.id);
    return h(
      'li',
      { class: 'run-item', data: e.id ? { run: e.id } : {} },
      h(
        'div',
        { class: 'run' },
        h('span', { class: `score-pill run__score ${scoreClass(e.overall)}`, attrs: { 'aria-label': `Overall ${e.overall}` }, text: String(e.overall) }),
        h(
          'div',
          { class: 'run__body' },
          h('strong', { class: 'run__title', text: e.parent ? `What-if from decision ${e.parent.decision}` : e.title }),
          h('span', { class: 'run__meta small muted', text: `${e.verdict} · ${e.partner} · seed ${e.seed} · ${formatDate(e.endedAt)}` }),
        ),
      ),
      actions && e.id ? runActions(e, actions) : null,
      branches.length ? h('ol', { class: 'runs runs--branches', attrs: { 'aria-label': `What-if branches of this run` } }, ...branches.map(item)) : null,
    );
  };
  section.append(h('ol', { class: 'runs', attrs: { 'aria-label': 'Recent runs, newest first' } }, ...roots.slice(0, limit).map(item)));
  if (actions) {
    const clear = h('button', { class: 'btn btn--small btn--ghost', attrs: { type: 'button' }, text: 'Delete all past runs' });
    clear.addEventListener('click', () => {
      if (clear.dataset.confirm === '1') return actions.remove(null);
      clear.dataset.confirm = '1';
      clear.textContent = `Confirm: delete all ${history.length} runs`;
    });
    section.append(h('p', { class: 'small muted', text: `Kept in this browser across reloads: the latest ${HISTORY_LIMIT} runs.` }), clear);
  }
  if (status) section.append(status);
  return section;
}

function runActions(e: HistoryEntry, actions: HistoryActions): HTMLElement {
  const name = e.parent ? `what-if from decision ${e.parent.decision}` : `${e.title}, seed ${e.seed}`;
  const button = (text: string, label: string, click: () => void): HTMLElement =>
    h('button', { class: 'btn btn--small', attrs: { type: 'button', 'aria-label': `${label}: ${name}` }, text, on: { click } });
  return h(
    'div',
    { class: 'run__actions', attrs: { role: 'group', 'aria-label': `Actions for ${name}` } },
    e.inputs ? button('Debrief', 'Open the debrief', () => actions.open(e.id!)) : null,
    button('Replay this seed', 'Replay this seed', () => actions.replay(e.id!)),
    button('Delete', 'Delete', () => actions.remove(e.id!)),
  );
}

export function scoreClass(score: number): string {
  return score >= 70 ? 'score--high' : score >= 45 ? 'score--mid' : 'score--low';
}

function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
