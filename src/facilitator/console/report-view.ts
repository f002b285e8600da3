import { h, replace } from '../../ui/dom.ts';
import { decisionsCsv, notesCsv } from '../csv.ts';
import { buildReport, type AfterActionReport } from '../report.ts';
import { reportFileName, reportJson } from '../report-files.ts';
import type { CorrectiveAction } from '../session.ts';
import type { ConsoleState, ConsoleStore } from './console-store.ts';
import { ratingsEditor } from './evaluation-view.ts';
import { field, keyed, panel, replaceOptions, setValue } from './parts.ts';
import { aarFromReport, type AarIp } from '../aar.ts';
import { aarMarkdown, planCsv } from '../aar-text.ts';
import { ACTION_STATUSES, CAPABILITY_ELEMENTS, type ActionStatus, type CapabilityElement } from '../session.ts';
import { aarEditor, aarHtml } from './aar-editor.ts';
import type { View } from './setup-view.ts';
import type { Lang } from '../../i18n/lang.ts';
import { reportWords } from '../report-words.ts';

// The debrief for the facilitator: final ratings, the improvement plan with owners and due
// dates, the after-action report as it will print, and its exports, all in the console's
// language: the screen is built in it, and built again when the facilitator switches.

export interface ReportEnv {
  download(fileName: string, mime: string, text: string): void;
  /** A binary file (the DOCX). */
  downloadBytes(fileName: string, mime: string, bytes: Uint8Array): void;
  print(): void;
  now(): number;
  /** The console's language: the screen's words, and every report and export made from it. */
  lang(): Lang;
}

export function reportView(store: ConsoleStore, env: ReportEnv): View {
  // Other panels (the room's votes) are appended after the screen's own parts, and stay when it is rebuilt.
  const el = h('div', { class: 'fac-report' });
  let built: Screen | null = null;
  const screen = (): Screen => {
    const lang = env.lang();
    if (built?.lang === lang) return built;
    for (const part of built?.parts ?? []) part.remove();
    built = reportScreen(store, env, lang);
    el.prepend(...built.parts);
    return built;
  };
  screen();
  return {
    el,
    update: (state) => screen().update(state),
    focus: () => screen().focus(),
  };
}

/** The report screen in one language: its parts go into the view's element. */
type Screen = Omit<View, 'el'> & { lang: Lang; parts: HTMLElement[] };

function reportScreen(store: ConsoleStore, env: ReportEnv, lang: Lang): Screen {
  const t = reportWords(lang);
  const act = (f: Parameters<ConsoleState['act']>[0], announce?: string): string | null => store.getState().act(f, announce);

  const current = (): AfterActionReport | null => {
    const ex = store.getState().exercise();
    const compiled = ex.getCompiled();
    const state = ex.state;
    const score = ex.score();
    if (!compiled || !state || !score || state.phase === 'preparation') return null;
    return buildReport(compiled, ex.session, state, score, new Date(env.now()).toISOString(), lang);
  };
  const currentAar = (r: AfterActionReport): AarIp => {
    const ex = store.getState().exercise();
    return aarFromReport(ex.getCompiled()!, ex.session, ex.state!, ex.score()!, r);
  };
  /** A report with an unexplained rating override (or an empty plan line) is not sent out. */
  const ready = (a: AarIp): boolean => {
    if (a.problems.length === 0) return true;
    store.getState().notify({ tone: 'error', text: t('view.notReady', { problems: a.problems.join(' ') }) });
    return false;
  };
  const exportAs = (kind: 'docx' | 'md' | 'json' | 'plan' | 'decisions' | 'notes'): void => {
    const r = current();
    if (!r) return;
    const a = currentAar(r);
    if ((kind === 'docx' || kind === 'md') && !ready(a)) return;
    if (kind === 'docx') {
      // The docx library is loaded only now, in its own chunk.
      void import('../aar-docx.ts')
        .then(async (m) => env.downloadBytes(reportFileName(r, 'docx'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', await m.aarDocx(a)))
        .catch((error: Error) => store.getState().notify({ tone: 'error', text: t('view.docxFailed', { error: error.message }) }));
    }
    if (kind === 'md') env.download(reportFileName(r, 'md'), 'text/markdown', aarMarkdown(a));
    if (kind === 'json') env.download(reportFileName(r, 'json'), 'application/json', reportJson(r, store.getState().session));
    if (kind === 'plan') env.download(reportFileName(r, 'csv', 'plan'), 'text/csv', planCsv(a));
    if (kind === 'decisions') env.download(reportFileName(r, 'csv', 'decisions'), 'text/csv', decisionsCsv(r));
    if (kind === 'notes') env.download(reportFileName(r, 'csv', 'notes'), 'text/csv', notesCsv(r));
  };
  const exportButton = (label: string, onClick: () => void): HTMLButtonElement =>
    h('button', { class: 'btn', attrs: { type: 'button' }, text: label, on: { click: onClick } });
  const toolbar = h(
    'div',
    { class: 'fac-row fac-report__exports', attrs: { role: 'group', 'aria-label': t('view.exports') } },
    h('button', { class: 'btn btn--primary', attrs: { type: 'button' }, text: t('view.docx'), on: { click: () => exportAs('docx') } }),
    exportButton(t('view.md'), () => exportAs('md')),
    exportButton(t('view.json'), () => exportAs('json')),
    exportButton(t('view.csvPlan'), () => exportAs('plan')),
    exportButton(t('view.csvDecisions'), () => exportAs('decisions')),
    exportButton(t('view.csvNotes'), () => exportAs('notes')),
    h('button', {
      class: 'btn',
      attrs: { type: 'button' },
      text: t('view.print'),
      on: {
        click: () => {
          const r = current();
          if (r && ready(currentAar(r))) env.print();
        },
      },
    }),
  );
  const reopen = h('button', { class: 'btn btn--ghost btn--small', attrs: { type: 'button' }, text: t('view.reopen'), on: { click: () => void act((x) => x.reopen()) } });

  const ratings = ratingsEditor(store);
  const improvements = h('ul', { class: 'fac-improvements' });
  const actions = h('ol', { class: 'fac-actions', attrs: { 'aria-label': t('view.actions') } });
  const addAction = h('button', {
    class: 'btn',
    attrs: { type: 'button' },
    text: t('view.addAction'),
    on: {
      click: () => {
        if (act((x) => x.addAction(), t('view.actionAdded')) === null) focusLastAction();
      },
    },
  });
  const focusLastAction = (): void => actions.querySelector<HTMLTextAreaElement>('li:last-child textarea')?.focus();
  const preview = h('div', { class: 'fac-report__preview' });
  const empty = h('p', { class: 'fac-empty', text: t('view.empty') });

  const heading = h('h1', { class: 'fac-title', attrs: { tabindex: '-1' }, text: t('view.title') });
  const editor = h(
    'div',
    { class: 'fac-report__editor' },
    panel(t('view.ratings'), 'fac-report__ratings', h('p', { class: 'muted small', text: t('view.ratingsHint') }), ratings.el),
    panel(
      t('view.plan'),
      'fac-report__plan',
      h('p', { class: 'muted small', text: t('view.planHint') }),
      improvements,
      actions,
      addAction,
    ),
  );
  const aarEdit = aarEditor(store, lang);
  editor.append(aarEdit.text, aarEdit.findings);
  const body = h('div', { class: 'fac-report__grid' }, editor, h('div', { class: 'fac-report__doc' }, preview));
  const parts = [h('div', { class: 'fac-report__head' }, heading, toolbar, reopen), empty, body];

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
    const start = h('input', { class: 'input', attrs: { type: 'date' } });
    start.addEventListener('change', () => act((x) => x.updateAction(a.id, { start: start.value })));
    const org = h('input', { class: 'input', attrs: { type: 'text', maxlength: 200 } });
    org.addEventListener('input', () => act((x) => x.updateAction(a.id, { org: org.value })));
    const element = h('select', { class: 'select' }, ...CAPABILITY_ELEMENTS.map((e) => h('option', { attrs: { value: e }, text: t(`element.${e}`) })));
    element.addEventListener('change', () => act((x) => x.updateAction(a.id, { element: element.value as CapabilityElement })));
    const status = h('select', { class: 'select' }, ...ACTION_STATUSES.map((e) => h('option', { attrs: { value: e }, text: t(`status.${e}`) })));
    status.addEventListener('change', () => act((x) => x.updateAction(a.id, { status: status.value as ActionStatus })));
    const remove = h('button', {
      class: 'btn btn--small btn--ghost',
      attrs: { type: 'button', 'aria-label': t('view.removeAction', { n }) },
      text: t('view.remove'),
      on: { click: () => act((x) => x.removeAction(a.id), t('view.actionRemoved')) },
    });
    const li = h(
      'li',
      { class: 'fac-action' },
      field(t('view.issue'), issue),
      field(t('view.action'), action),
      h('div', { class: 'fac-row fac-row--fields' }, field(t('view.objective'), objective), field(t('plan.element'), element), field(t('plan.status'), status)),
      h('div', { class: 'fac-row fac-row--fields' }, field(t('plan.org'), org), field(t('plan.poc'), owner)),
      h('div', { class: 'fac-row fac-row--fields' }, field(t('plan.start'), start), field(t('plan.completion'), due)),
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
        setValue(start, next.start);
        setValue(org, next.org);
        if (element.value !== next.element) element.value = next.element;
        if (status.value !== next.status) status.value = next.status;
      },
    };
  };

  const renderImprovements = keyed((r: AfterActionReport) => {
    if (r.improvements.length === 0) return replace(improvements, h('li', { class: 'muted small', text: t('view.noImprovements') }));
    replace(
      improvements,
      ...r.improvements.map((f) =>
        h(
          'li',
          { class: 'fac-improvement' },
          h('span', { text: f.text }),
          h('button', {
            class: 'btn btn--small',
            attrs: { type: 'button', 'aria-label': t('view.planActionFor', { finding: f.text }) },
            text: t('view.planAction'),
            on: {
              click: () => {
                if (act((x) => x.addAction({ issue: f.text, objective: f.objective }), t('view.actionAdded')) === null) focusLastAction();
              },
            },
          }),
        ),
      ),
    );
  });
  const renderPreview = keyed((a: AarIp) => replace(preview, aarHtml(a)));

  return {
    lang,
    parts,
    update(state: ConsoleState) {
      const r = state.session.stage === 'setup' || state.session.stage === 'briefing' ? null : current();
      empty.hidden = r !== null;
      body.hidden = r === null;
      toolbar.hidden = r === null;
      reopen.hidden = !(state.session.stage === 'debrief' && state.view?.phase !== 'ended');
      if (!r) return;
      ratings.update(state);
      const scenario = store.getState().exercise().scenario;
      const objectives = [{ value: '', label: t('view.general') }, ...(scenario?.objectives ?? []).map((o) => ({ value: o.id, label: o.text.length > 50 ? `${o.text.slice(0, 49)}…` : o.text }))];
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
      const a = currentAar(r);
      aarEdit.update(state, a);
      renderPreview(JSON.stringify(a), a);
    },
    focus() {
      heading.focus();
    },
  };
}
