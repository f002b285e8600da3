import type { GameStore } from '../../store/game-store.ts';
import { HISTORY_LIMIT, type HistoryEntry } from '../../store/history.ts';
import { h, replace } from '../dom.ts';
import type { Lang } from '../../i18n/lang.ts';
import { uiText, type UiText } from '../text.ts';

/** What a player can do with a past run; absent where the panel is only a summary. */
export interface HistoryActions {
  open(id: string): Promise<string | null>;
  replay(id: string): Promise<string | null>;
  remove(id: string | null): void;
}

export function storeHistoryActions(store: GameStore): HistoryActions {
  // A past run's scenario may not be downloaded yet: fetch it first, then reopen or replay.
  // Reopened, a run is rebuilt in the language it was played in; replayed, it is a new run in today's language.
  const withScenario = async (id: string, reopen: boolean, then: () => string | null): Promise<string | null> => {
    const entry = store.getState().history.find((e) => e.id === id);
    const known = entry && store.getState().catalog.some((e) => e.scenario?.id === entry.scenarioId);
    const lang = reopen ? (entry?.lang ?? 'en') : store.getState().lang;
    return (known ? await store.getState().loadScenario(entry.scenarioId, lang) : null) ?? then();
  };
  return {
    open: (id) => withScenario(id, true, () => store.getState().openHistory(id)),
    replay: (id) => withScenario(id, false, () => store.getState().replayHistorySeed(id)),
    remove: (id) => store.getState().deleteHistory(id),
  };
}

/** The history panel, redrawn whenever the history changes; destroy() unsubscribes. */
export function liveHistoryPanel(store: GameStore): { el: HTMLElement; destroy(): void } {
  const actions = storeHistoryActions(store);
  const t = uiText(store.getState().lang);
  const holder = h('div', { class: 'history-holder' });
  const status = h('p', { class: 'small history__status', attrs: { role: 'status' } });
  const wrapped: HistoryActions = {
    open: (id) => ((status.textContent = t('opening')), actions.open(id).then(report)),
    replay: (id) => ((status.textContent = t('opening')), actions.replay(id).then(report)),
    remove: (id) => {
      actions.remove(id);
      status.textContent = id === null ? t('allDeleted') : t('runDeleted');
    },
  };
  function report(why: string | null): string | null {
    status.textContent = why ? t('cannotDo', { why }) : '';
    return why;
  }
  const draw = (history: readonly HistoryEntry[]): void => replace(holder, historyPanel(history, 10, wrapped, status, store.getState().lang));
  draw(store.getState().history);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.history !== prev.history) draw(s.history);
  });
  return { el: holder, destroy: unsubscribe };
}

/** Past runs as a list, newest first, with the best and latest scores summarised above it. */
export function historyPanel(history: readonly HistoryEntry[], limit = 8, actions?: HistoryActions, status?: HTMLElement, lang: Lang = 'en'): HTMLElement {
  const t = uiText(lang);
  const section = h('section', { class: 'panel history', attrs: { 'aria-labelledby': 'history-heading' } });
  section.append(h('h2', { id: 'history-heading', class: 'panel__title', text: t('historyTitle') }));
  if (history.length === 0) {
    section.append(h('p', { class: 'muted', text: t('historyEmpty') }));
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
      h('div', { class: 'stat' }, h('dt', { text: t('runsPlayed') }), h('dd', { text: String(history.length) })),
      h('div', { class: 'stat' }, h('dt', { text: t('bestOverall') }), h('dd', { text: String(best) })),
      h(
        'div',
        { class: 'stat' },
        h('dt', { text: t('latest') }),
        h('dd', null, String(latest.overall), trend === null ? null : h('span', { class: trend >= 0 ? 'trend trend--up' : 'trend trend--down', text: trend >= 0 ? t('trendUp', { points: trend }) : t('trendDown', { points: -trend }) })),
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
        h('span', { class: `score-pill run__score ${scoreClass(e.overall)}`, attrs: { 'aria-label': t('overallScore', { score: e.overall }) }, text: String(e.overall) }),
        h(
          'div',
          { class: 'run__body' },
          h('strong', { class: 'run__title', text: e.parent ? t('whatIfFrom', { decision: e.parent.decision }) : e.title }),
          h('span', { class: 'run__meta small muted', text: t('runMeta', { verdict: e.verdict, partner: e.partner, seed: String(e.seed), date: formatDate(e.endedAt, lang) }) }),
        ),
      ),
      actions && e.id ? runActions(e, actions, t) : null,
      branches.length ? h('ol', { class: 'runs runs--branches', attrs: { 'aria-label': t('whatIfBranches') } }, ...branches.map(item)) : null,
    );
  };
  section.append(h('ol', { class: 'runs', attrs: { 'aria-label': t('recentRuns') } }, ...roots.slice(0, limit).map(item)));
  if (actions) {
    const clear = h('button', { class: 'btn btn--small btn--ghost', attrs: { type: 'button' }, text: t('deleteAll') });
    clear.addEventListener('click', () => {
      if (clear.dataset.confirm === '1') return actions.remove(null);
      clear.dataset.confirm = '1';
      clear.textContent = t('confirmDeleteAll', { count: history.length });
    });
    section.append(h('p', { class: 'small muted', text: t('historyKept', { count: HISTORY_LIMIT }) }), clear);
  }
  if (status) section.append(status);
  return section;
}

function runActions(e: HistoryEntry, actions: HistoryActions, t: UiText): HTMLElement {
  const name = e.parent ? t('runNameWhatIf', { decision: e.parent.decision }) : t('runName', { title: e.title, seed: String(e.seed) });
  const button = (text: string, label: string, click: () => void): HTMLElement =>
    h('button', { class: 'btn btn--small', attrs: { type: 'button', 'aria-label': t('actionLabel', { action: label, name }) }, text, on: { click } });
  return h(
    'div',
    { class: 'run__actions', attrs: { role: 'group', 'aria-label': t('actionsFor', { name }) } },
    e.inputs ? button(t('debriefButton'), t('openDebrief'), () => actions.open(e.id!)) : null,
    button(t('replaySeed'), t('replaySeed'), () => actions.replay(e.id!)),
    button(t('deleteRun'), t('deleteRun'), () => actions.remove(e.id!)),
  );
}

export function scoreClass(score: number): string {
  return score >= 70 ? 'score--high' : score >= 45 ? 'score--mid' : 'score--low';
}

const DATE_LOCALES: { readonly [L in Lang]: string } = { en: 'en-GB', de: 'de-DE' };

function formatDate(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(DATE_LOCALES[lang], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
