import { h, replace } from '../../ui/dom.ts';
import { calendarDate, clockTime } from '../report-files.ts';
import { sessionFileName, sessionFileText } from '../session-file.ts';
import type { Session, Stage } from '../session.ts';
import type { ConfirmOptions } from './confirm-dialog.ts';
import type { ConsoleState, ConsoleStore } from './console-store.ts';
import { keyed } from './parts.ts';
import type { View } from './setup-view.ts';

// The session history: every exercise run in this browser, to reopen, compare, export as a file
// or import from one. Importing adds; it never overwrites what is here.

const STAGE_LABELS: Record<Stage, string> = { setup: 'Setting up', briefing: 'Briefing', incident: 'In progress', debrief: 'Finished' };

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
    replace(results, h('p', { text: `Reading ${chosen.name}…` }));
    const text = await chosen.text();
    const { messages, problems } = await store.getState().importSessions(text);
    replace(
      results,
      h('h3', { class: 'fac-subtitle', text: `Import of ${chosen.name}` }),
      messages.length ? h('ul', { class: 'fac-list' }, ...messages.map((m) => h('li', { text: m }))) : null,
      problems.length
        ? h(
            'div',
            { class: 'fac-problems' },
            h('p', { text: `${problems.length} problem${problems.length === 1 ? '' : 's'}; the sessions concerned were not imported, and nothing already here was changed:` }),
            h('ul', { class: 'fac-list' }, ...problems.map((p) => h('li', { text: p }))),
          )
        : null,
      !messages.length && !problems.length ? h('p', { text: 'Nothing to import.' }) : null,
    );
  });
  const importLabel = h('label', { class: 'btn', attrs: { for: 'fac-import-file' }, text: 'Import a session file' });
  const exportAll = h('button', {
    class: 'btn',
    attrs: { type: 'button' },
    text: 'Export all sessions',
    on: {
      click: () => {
        const all = store.getState().history;
        const stamp = new Date(env.now()).toISOString();
        env.download(sessionFileName(all, stamp), 'application/json', sessionFileText(all, stamp));
      },
    },
  });
  const fresh = h('button', { class: 'btn btn--primary', attrs: { type: 'button' }, text: 'New exercise', on: { click: () => store.getState().newExercise() } });

  const table = h('div', { class: 'table-wrap fac-history' });
  const heading = h('h1', { class: 'fac-title', attrs: { tabindex: '-1' }, text: 'Sessions' });
  const el = h(
    'div',
    { class: 'fac-sessions' },
    h('div', { class: 'fac-report__head' }, heading, h('div', { class: 'fac-row' }, fresh, exportAll, importLabel, file)),
    h('p', { class: 'muted', text: 'Every exercise is kept in this browser, saved as it happens. Export a file to keep a copy elsewhere or to move sessions to another computer.' }),
    results,
    table,
  );

  const render = keyed((state: ConsoleState) => {
    const sessions = state.history;
    if (sessions.length === 0) return replace(table, h('p', { class: 'muted', text: 'No sessions yet.' }));
    const current = state.session.id;
    replace(
      table,
      h(
        'table',
        { class: 'table fac-table' },
        h('caption', { class: 'visually-hidden', text: 'Sessions, newest first' }),
        h(
          'thead',
          null,
          h('tr', null, ...['Date', 'Team', 'Scenario', 'Status', 'Comm.', 'Proact.', 'Impact', 'Overall', 'Verdict', 'Notes', 'Actions'].map((t) => h('th', { attrs: { scope: 'col' }, text: t }))),
        ),
        h('tbody', null, ...sessions.map((s) => row(s, s.id === current))),
      ),
    );
  });

  const row = (s: Session, isCurrent: boolean): HTMLElement => {
    // From the summary stored with the session: listing replays nothing.
    const score = store.getState().summaryOf(s);
    const cell = (v: number | undefined): HTMLElement => h('td', { class: 'num', text: v === undefined ? '–' : String(v) });
    const team = s.team.name || 'Unnamed team';
    const open = h('button', {
      class: 'btn btn--small',
      attrs: { type: 'button', 'aria-label': `${isCurrent ? 'Open now' : 'Open'}: ${team}` },
      text: isCurrent ? 'Open now' : 'Open',
      on: { click: () => void (isCurrent ? store.getState().setTab(s.stage === 'debrief' ? 'report' : 'exercise') : store.getState().openSession(s.id)) },
    });
    const exportOne = h('button', {
      class: 'btn btn--small btn--ghost',
      attrs: { type: 'button', 'aria-label': `Export ${team} as a file` },
      text: 'Export',
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
          attrs: { type: 'button', 'aria-label': `Delete ${team}` },
          text: 'Delete',
          on: {
            click: async () => {
              const yes = await env.confirm({
                title: `Delete “${team}”?`,
                text: 'The session, its notes and its report are removed from this browser. Export it first if you may want it again.',
                confirm: 'Delete',
                danger: true,
              });
              if (yes) await store.getState().removeSession(s.id);
            },
          },
        });
    return h(
      'tr',
      { class: isCurrent ? 'fac-history__current' : '' },
      h('td', null, h('time', { attrs: { datetime: s.startedAt ?? s.createdAt }, text: `${calendarDate(s.startedAt ?? s.createdAt)} ${clockTime(s.startedAt ?? s.createdAt)}` })),
      h('th', { attrs: { scope: 'row' }, text: team }),
      h('td', { text: s.scenarioTitle }),
      h('td', { text: `${STAGE_LABELS[s.stage]}${isCurrent ? ' (current)' : ''}` }),
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
