import { h, replace } from '../../ui/dom.ts';
import { decisionsCsv, notesCsv } from '../csv.ts';
import { buildReport, type AfterActionReport } from '../report.ts';
import { reportFileName, reportJson, reportMarkdown } from '../report-markdown.ts';
import type { CorrectiveAction } from '../session.ts';
import type { ConsoleState, ConsoleStore } from './console-store.ts';
import { ratingsEditor } from './evaluation-view.ts';
import { field, keyed, panel, replaceOptions, setValue } from './parts.ts';
import { reportDocument } from './report-document.ts';
import type { View } from './setup-view.ts';

// The debrief for the facilitator: final ratings, the improvement plan with owners and due
// dates, the after-action report as it will print, and its exports.

export interface ReportEnv {
  download(fileName: string, mime: string, text: string): void;
  print(): void;
  now(): number;
}

export function reportView(store: ConsoleStore, env: ReportEnv): View {
  const act = (f: Parameters<ConsoleState['act']>[0], announce?: string): string | null => store.getState().act(f, announce);

  const current = (): AfterActionReport | null => {
    const ex = store.getState().exercise();
    const compiled = ex.getCompiled();
    const state = ex.state;
    const score = ex.score();
    if (!compiled || !state || !score || state.phase === 'preparation') return null;
    return buildReport(compiled, ex.session, state, score, new Date(env.now()).toISOString());
  };
  const exportAs = (kind: 'md' | 'json' | 'decisions' | 'notes'): void => {
    const r = current();
    if (!r) return;
    if (kind === 'md') env.download(reportFileName(r, 'md'), 'text/markdown', reportMarkdown(r));
    if (kind === 'json') env.download(reportFileName(r, 'json'), 'application/json', reportJson(r, store.getState().session));
    if (kind === 'decisions') env.download(reportFileName(r, 'csv', '-decisions'), 'text/csv', decisionsCsv(r));
    if (kind === 'notes') env.download(reportFileName(r, 'csv', '-notes'), 'text/csv', notesCsv(r));
  };
  const exportButton = (label: string, onClick: () => void): HTMLButtonElement =>
    h('button', { class: 'btn', attrs: { type: 'button' }, text: label, on: { click: onClick } });
  const toolbar = h(
    'div',
    { class: 'fac-row fac-report__exports', attrs: { role: 'group', 'aria-label': 'Export the report' } },
    exportButton('Markdown', () => exportAs('md')),
    exportButton('JSON', () => exportAs('json')),
    exportButton('CSV: decisions', () => exportAs('decisions')),
    exportButton('CSV: notes', () => exportAs('notes')),
    h('button', { class: 'btn btn--primary', attrs: { type: 'button' }, text: 'Print or save as PDF', on: { click: () => env.print() } }),
  );
  const reopen = h('button', { class: 'btn btn--ghost btn--small', attrs: { type: 'button' }, text: 'Back to the incident', on: { click: () => void act((x) => x.reopen()) } });

  const ratings = ratingsEditor(store);
  const improvements = h('ul', { class: 'fac-improvements' });
  const actions = h('ol', { class: 'fac-actions', attrs: { 'aria-label': 'Corrective actions' } });
  const addAction = h('button', {
    class: 'btn',
    attrs: { type: 'button' },
    text: 'Add a corrective action',
    on: {
      click: () => {
        if (act((x) => x.addAction(), 'Corrective action added') === null) focusLastAction();
      },
    },
  });
  const focusLastAction = (): void => actions.querySelector<HTMLTextAreaElement>('li:last-child textarea')?.focus();
  const preview = h('div', { class: 'fac-report__preview' });
  const empty = h('p', { class: 'fac-empty', text: 'The report is ready once the incident has started. Set up the exercise and open the briefing first.' });

  const heading = h('h1', { class: 'fac-title', attrs: { tabindex: '-1' }, text: 'After-action report' });
  const editor = h(
    'div',
    { class: 'fac-report__editor' },
    panel('Ratings per objective', 'fac-report__ratings', h('p', { class: 'muted small', text: 'Each starts from the game’s suggestion; choose another rating to override it.' }), ratings.el),
    panel(
      'Improvement plan',
      'fac-report__plan',
      h('p', { class: 'muted small', text: 'Agree what will change, who owns it and by when. Plan an action from an area for improvement, or add your own.' }),
      improvements,
      actions,
      addAction,
    ),
  );
  const body = h('div', { class: 'fac-report__grid' }, editor, h('div', { class: 'fac-report__doc' }, preview));
  const el = h(
    'div',
    { class: 'fac-report' },
    h('div', { class: 'fac-report__head' }, heading, toolbar, reopen),
    empty,
    body,
  );

  const rows = new Map<string, { li: HTMLElement; update(a: CorrectiveAction, objectives: { value: string; label: string }[]): void }>();
  const actionRow = (a: CorrectiveAction, n: number) => {
    const issue = h('textarea', { class: 'input', attrs: { rows: 2, maxlength: 4000 } });
    issue.addEventListener('input', () => act((x) => x.updateAction(a.id, { issue: issue.value })));
    const action = h('textarea', { class: 'input', attrs: { rows: 2, maxlength: 4000 } });
    action.addEventListener('input', () => act((x) => x.updateAction(a.id, { action: action.value })));
    const objective = h('select', { class: 'select' });
    objective.addEventListener('change', () => act((x) => x.updateAction(a.id, { objective: objective.value || null })));
    const owner = h('input', { class: 'input', attrs: { type: 'text', maxlength: 200 } });
    owner.addEventListener('input', () => act((x) => x.updateAction(a.id, { owner: owner.value })));
    const due = h('input', { class: 'input', attrs: { type: 'date' } });
    due.addEventListener('change', () => act((x) => x.updateAction(a.id, { due: due.value })));
    const remove = h('button', {
      class: 'btn btn--small btn--ghost',
      attrs: { type: 'button', 'aria-label': `Remove corrective action ${n}` },
      text: 'Remove',
      on: { click: () => act((x) => x.removeAction(a.id), 'Corrective action removed') },
    });
    const li = h(
      'li',
      { class: 'fac-action' },
      field('Area for improvement', issue),
      field('Corrective action', action),
      h('div', { class: 'fac-row fac-row--fields' }, field('Objective', objective), field('Owner', owner), field('Due', due)),
      remove,
    );
    return {
      li,
      update(next: CorrectiveAction, objectives: { value: string; label: string }[]) {
        setValue(issue, next.issue);
        setValue(action, next.action);
        replaceOptions(objective, objectives, next.objective ?? '');
        setValue(owner, next.owner);
        setValue(due, next.due);
      },
    };
  };

  const renderImprovements = keyed((r: AfterActionReport) => {
    if (r.improvements.length === 0) return replace(improvements, h('li', { class: 'muted small', text: 'No areas for improvement found yet.' }));
    replace(
      improvements,
      ...r.improvements.map((f) =>
        h(
          'li',
          { class: 'fac-improvement' },
          h('span', { text: f.text }),
          h('button', {
            class: 'btn btn--small',
            attrs: { type: 'button', 'aria-label': `Plan an action for: ${f.text}` },
            text: 'Plan an action',
            on: {
              click: () => {
                if (act((x) => x.addAction({ issue: f.text, objective: f.objective }), 'Corrective action added') === null) focusLastAction();
              },
            },
          }),
        ),
      ),
    );
  });
  const renderPreview = keyed((r: AfterActionReport) => replace(preview, reportDocument(r)));

  return {
    el,
    update(state: ConsoleState) {
      const r = state.session.stage === 'setup' || state.session.stage === 'briefing' ? null : current();
      empty.hidden = r !== null;
      body.hidden = r === null;
      toolbar.hidden = r === null;
      reopen.hidden = !(state.session.stage === 'debrief' && state.view?.phase !== 'ended');
      if (!r) return;
      ratings.update(state);
      const scenario = store.getState().exercise().scenario;
      const objectives = [{ value: '', label: 'General' }, ...(scenario?.objectives ?? []).map((o) => ({ value: o.id, label: o.text.length > 50 ? `${o.text.slice(0, 49)}…` : o.text }))];
      const ids = state.session.actions.map((a) => a.id);
      if (ids.join() !== [...rows.keys()].join()) {
        for (const id of [...rows.keys()]) if (!ids.includes(id)) rows.delete(id);
        state.session.actions.forEach((a, i) => {
          if (!rows.has(a.id)) rows.set(a.id, actionRow(a, i + 1));
        });
        replace(actions, ...ids.map((id) => rows.get(id)!.li));
      }
      for (const a of state.session.actions) rows.get(a.id)!.update(a, objectives);
      renderImprovements(JSON.stringify(r.improvements), r);
      const { generatedAt: _ignored, ...stable } = r;
      renderPreview(JSON.stringify(stable), r);
    },
    focus() {
      heading.focus();
    },
  };
}
