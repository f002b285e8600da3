import { h, replace } from '../../ui/dom.ts';
import { clockTime } from '../report-files.ts';
import { consoleLang } from './i18n.ts';
import { sessionFileName, sessionFileText } from '../session-file.ts';
import type { Session } from '../session.ts';
import { t } from './i18n.ts';
import type { ConfirmOptions } from './confirm-dialog.ts';
import type { ConsoleState, ConsoleStore } from './console-store.ts';
import { keyed } from './parts.ts';
import type { View } from './setup-view.ts';

// The session history: every exercise run in this browser, to reopen, compare, export as a file
// or import from one. Importing adds; it never overwrites what is here.


/** "6 December 2026" / "6. Dezember 2026", in the browser's own time zone. */
function localDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(consoleLang() === 'de' ? 'de-DE' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

export interface SessionsEnv {
  download(fileName: string, mime: string, text: string): void;
  confirm(o: ConfirmOptions): Promise<boolean>;
  now(): number;
}

export function sessionsView(store: ConsoleStore, env: SessionsEnv): View {
  const results = h('div', { class: 'fac-import-results', attrs: { role: 'status', 'aria-live': 'polite' } });
  const file = h('input', { class: 'visually-hidden', attrs: { type: 'file', accept: '.json,application/json', id: 'fac-import-file' } });
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    file.value = '';
    if (!chosen) return;
    replace(results, h('p', { text: t('reading', { file: chosen.name }) }));
    const text = await chosen.text();
    const { messages, problems } = await store.getState().importSessions(text);
    replace(
      results,
      h('h3', { class: 'fac-subtitle', text: t('importOf', { file: chosen.name }) }),
      messages.length ? h('ul', { class: 'fac-list' }, ...messages.map((m) => h('li', { text: m }))) : null,
      problems.length
        ? h(
            'div',
            { class: 'fac-problems' },
            h('p', { text: t('importProblems', { count: problems.length }) }),
            h('ul', { class: 'fac-list' }, ...problems.map((p) => h('li', { text: p }))),
          )
        : null,
      !messages.length && !problems.length ? h('p', { text: t('nothingToImport') }) : null,
    );
  });
  const importLabel = h('label', { class: 'btn', attrs: { for: 'fac-import-file' }, text: t('importFile') });
  const exportAll = h('button', {
    class: 'btn',
    attrs: { type: 'button' },
    text: t('exportAll'),
    on: {
      click: () => {
        const all = store.getState().history;
        const stamp = new Date(env.now()).toISOString();
        env.download(sessionFileName(all, stamp), 'application/json', sessionFileText(all, stamp));
      },
    },
  });
  const fresh = h('button', { class: 'btn btn--primary', attrs: { type: 'button' }, text: t('newExercise'), on: { click: () => store.getState().newExercise() } });

  const table = h('div', { class: 'table-wrap fac-history' });
  const heading = h('h1', { class: 'fac-title', attrs: { tabindex: '-1' }, text: t('sessions') });
  const el = h(
    'div',
    { class: 'fac-sessions' },
    h('div', { class: 'fac-report__head' }, heading, h('div', { class: 'fac-row' }, fresh, exportAll, importLabel, file)),
    h('p', { class: 'muted', text: t('sessionsIntro') }),
    results,
    table,
  );

  const render = keyed((state: ConsoleState) => {
    const sessions = state.history;
    if (sessions.length === 0) return replace(table, h('p', { class: 'muted', text: t('noSessions') }));
    const current = state.session.id;
    replace(
      table,
      h(
        'table',
        { class: 'table fac-table' },
        h('caption', { class: 'visually-hidden', text: t('sessionsCaption') }),
        h(
          'thead',
          null,
          h('tr', null, ...(['date', 'team', 'scenario', 'status', 'communication', 'proactivity', 'impact', 'overall', 'verdict', 'notes', 'actions'] as const).map((c) => h('th', { attrs: { scope: 'col' }, text: t(`col.${c}`) }))),
        ),
        h('tbody', null, ...sessions.map((s) => row(s, s.id === current))),
      ),
    );
  });

  const row = (s: Session, isCurrent: boolean): HTMLElement => {
    // From the summary stored with the session: listing replays nothing.
    const score = store.getState().summaryOf(s);
    const cell = (v: number | undefined): HTMLElement => h('td', { class: 'num', text: v === undefined ? '–' : String(v) });
    const team = s.team.name || t('unnamedTeamTitle');
    const open = h('button', {
      class: 'btn btn--small',
      attrs: { type: 'button', 'aria-label': t('openLabel', { action: isCurrent ? t('openNow') : t('open'), team }) },
      text: isCurrent ? t('openNow') : t('open'),
      on: { click: () => void (isCurrent ? store.getState().setTab(s.stage === 'debrief' ? 'report' : 'exercise') : store.getState().openSession(s.id)) },
    });
    const exportOne = h('button', {
      class: 'btn btn--small btn--ghost',
      attrs: { type: 'button', 'aria-label': t('exportLabel', { team }) },
      text: t('export'),
      on: {
        click: () => {
          const stamp = new Date(env.now()).toISOString();
          env.download(sessionFileName([s], stamp), 'application/json', sessionFileText([s], stamp));
        },
      },
    });
    const remove = isCurrent
      ? null
      : h('button', {
          class: 'btn btn--small btn--ghost',
          attrs: { type: 'button', 'aria-label': t('deleteLabel', { team }) },
          text: t('delete'),
          on: {
            click: async () => {
              const yes = await env.confirm({
                title: t('deleteTitle', { team }),
                text: t('deleteText'),
                confirm: t('delete'),
                danger: true,
              });
              if (yes) await store.getState().removeSession(s.id);
            },
          },
        });
    return h(
      'tr',
      { class: isCurrent ? 'fac-history__current' : '' },
      h('td', null, h('time', { attrs: { datetime: s.startedAt ?? s.createdAt }, text: `${localDate(s.startedAt ?? s.createdAt)} ${clockTime(s.startedAt ?? s.createdAt)}` })),
      h('th', { attrs: { scope: 'row' }, text: team }),
      h('td', { text: s.scenarioTitle }),
      h('td', { text: isCurrent ? t('current', { stage: t(`stage.${s.stage}`) }) : t(`stage.${s.stage}`) }),
      cell(score?.communication),
      cell(score?.proactivity),
      cell(score?.businessImpact),
      cell(score?.overall),
      h('td', { text: score ? score.verdict : '–' }),
      h('td', { class: 'num', text: String(s.notes.length) }),
      h('td', { class: 'fac-history__actions' }, open, exportOne, remove),
    );
  };

  return {
    el,
    update(state) {
      // The live session changes every game minute; its row only needs a refresh on real changes.
      render(JSON.stringify([state.history.map((s) => [s.id, s.id === state.session.id ? [s.stage, s.notes.length, s.team.name] : s.rev])]), state);
    },
    focus() {
      heading.focus();
    },
  };
}
