import { h, replace } from '../../ui/dom.ts';
import { editableFindings, overviewFacts, type AarFinding, type AarIp } from '../aar.ts';
import { RATING_NAMES } from '../aar-text.ts';
import { REPORT_TEXT_FIELDS, type ReportTextField } from '../exercise.ts';
import type { ConsoleState, ConsoleStore } from './console-store.ts';
import { field, keyed, panel, setValue } from './parts.ts';

// The facilitator's hand on the AAR/IP: the report's own text (marking, summary, overview,
// hotwash), every generated finding (edit, merge into another, remove, restore) and the
// document as it will be sent, which the print stylesheet turns into the PDF.

const TEXT_LABELS: Record<ReportTextField, { label: string; hint?: string; long?: boolean }> = {
  handling: { label: 'Handling marking', hint: 'Printed on the cover and every page.' },
  summary: { label: 'Executive summary', hint: 'Leave empty to use the generated one, shown as the placeholder.', long: true },
  scope: { label: 'Scope' },
  missionArea: { label: 'Mission area' },
  threat: { label: 'Threat or hazard' },
  sponsor: { label: 'Sponsor' },
  organisations: { label: 'Participating organisations' },
  poc: { label: 'Point of contact' },
  hotwash: { label: 'Hotwash and participant feedback', long: true },
};

const KIND_LABELS = { strength: 'Strength', improvement: 'Area for improvement', 'partner-gap': 'Partner capability gap' } as const;

export function aarEditor(store: ConsoleStore): { text: HTMLElement; findings: HTMLElement; update(state: ConsoleState, aar: AarIp): void } {
  const act = (f: Parameters<ConsoleState['act']>[0], announce?: string): string | null => store.getState().act(f, announce);

  const inputs = new Map<ReportTextField, HTMLInputElement | HTMLTextAreaElement>();
  const fields = REPORT_TEXT_FIELDS.map((k) => {
    const spec = TEXT_LABELS[k];
    const control = spec.long ? h('textarea', { class: 'input', attrs: { rows: 4, maxlength: 16000 } }) : h('input', { class: 'input', attrs: { type: 'text', maxlength: 4000 } });
    control.addEventListener('input', () => act((x) => x.setReportText(k, control.value)));
    inputs.set(k, control);
    return field(spec.label, control, spec.hint);
  });
  const appendix = h('input', { attrs: { type: 'checkbox', id: 'fac-aar-appendix' } });
  appendix.addEventListener('change', () => act((x) => x.setAppendix(appendix.checked)));
  const text = panel(
    'Report text',
    'fac-report__text',
    ...fields,
    h('label', { class: 'fac-display__item' }, appendix, ' Add an appendix with the game’s artefacts (seed, game clock, scores, verdict)'),
  );

  const list = h('ol', { class: 'fac-findings', attrs: { 'aria-label': 'Findings' } });
  const removedList = h('ul', { class: 'fac-findings fac-findings--removed', attrs: { 'aria-label': 'Removed or merged findings' } });
  const findings = panel(
    'Findings',
    'fac-report__findings',
    h('p', { class: 'muted small', text: 'Every finding the report generated. Rewrite it, merge it into another, or remove it; nothing here is final until you export.' }),
    list,
    h('h3', { class: 'fac-subtitle', text: 'Removed or merged' }),
    removedList,
  );

  const findingRow = (f: AarFinding, all: AarFinding[]): HTMLElement => {
    const input = (label: string, key: 'title' | 'reference' | 'analysis' | 'rootCause', long: boolean): HTMLElement => {
      const control = long ? h('textarea', { class: 'input', attrs: { rows: 2, maxlength: 4000 } }) : h('input', { class: 'input', attrs: { type: 'text', maxlength: 4000 } });
      control.value = f[key];
      control.dataset.finding = f.id;
      control.dataset.key = key;
      control.addEventListener('change', () => act((x) => x.editFinding(f.id, { [key]: control.value })));
      return field(label, control);
    };
    const merge = h(
      'select',
      { class: 'select', attrs: { 'aria-label': `Merge “${f.title}” into another finding` } },
      h('option', { attrs: { value: '' }, text: 'Merge into…' }),
      ...all.filter((o) => o.id !== f.id && o.kind === f.kind).map((o) => h('option', { attrs: { value: o.id }, text: o.title.length > 70 ? `${o.title.slice(0, 69)}…` : o.title })),
    );
    merge.addEventListener('change', () => merge.value && act((x) => x.editFinding(f.id, { mergedInto: merge.value }), 'Findings merged'));
    return h(
      'li',
      { class: `fac-finding fac-finding--${f.kind}`, attrs: { 'data-finding': f.id } },
      h('p', { class: 'eyebrow', text: `${KIND_LABELS[f.kind]}${f.merged.length ? ` · ${f.merged.length + 1} merged` : ''}${f.edited ? ' · edited' : ''}` }),
      input('Finding', 'title', false),
      input('Reference', 'reference', false),
      input('Analysis', 'analysis', true),
      input('Root cause', 'rootCause', true),
      h(
        'div',
        { class: 'fac-row' },
        merge,
        h('button', { class: 'btn btn--small btn--ghost', attrs: { type: 'button' }, text: 'Remove', on: { click: () => act((x) => x.editFinding(f.id, { removed: true }), 'Finding removed') } }),
      ),
    );
  };
  const renderFindings = keyed((aar: AarIp) => {
    const all = editableFindings(aar);
    replace(list, ...(all.length ? all.map((f) => findingRow(f, all)) : [h('li', { class: 'muted small', text: 'No findings yet.' })]));
  });
  const renderRemoved = keyed((state: ConsoleState) => {
    const gone = Object.entries(state.session.report.findings).filter(([, e]) => e.removed || e.mergedInto);
    replace(
      removedList,
      ...(gone.length
        ? gone.map(([id, e]) =>
            h(
              'li',
              { class: 'fac-finding--gone' },
              h('span', { text: `${e.title ?? id}${e.mergedInto ? ' (merged)' : ' (removed)'}` }),
              h('button', { class: 'btn btn--small', attrs: { type: 'button' }, text: 'Restore', on: { click: () => act((x) => x.resetFinding(id), 'Finding restored') } }),
            ),
          )
        : [h('li', { class: 'muted small', text: 'None.' })]),
    );
  });

  return {
    text,
    findings,
    update(state, aar) {
      for (const [k, control] of inputs) setValue(control, state.session.report[k]);
      (inputs.get('summary') as HTMLTextAreaElement).placeholder = aar.executiveSummary;
      appendix.checked = state.session.report.appendix;
      const all = editableFindings(aar);
      renderFindings(JSON.stringify(all), aar);
      renderRemoved(JSON.stringify(state.session.report.findings), state);
    },
  };
}

/** The AAR/IP as an HTML document: the console's preview and, printed, the PDF. */
export function aarHtml(a: AarIp): HTMLElement {
  const finding = (f: AarFinding): HTMLElement =>
    h(
      'li',
      null,
      h('strong', { text: f.title }),
      h('dl', { class: 'aar__facts' }, h('dt', { text: 'Reference' }), h('dd', { text: f.reference }), h('dt', { text: 'Analysis' }), h('dd', { text: f.analysis }), ...(f.rootCause ? [h('dt', { text: 'Root cause' }), h('dd', { text: f.rootCause })] : [])),
    );
  const findings = (list: AarFinding[]): HTMLElement => (list.length ? h('ol', null, ...list.map(finding)) : h('p', { class: 'muted', text: 'None recorded.' }));
  const ov = a.overview;
  const facts = overviewFacts(ov);
  return h(
    'article',
    { class: 'aar', attrs: { 'aria-label': 'After-action report' } },
    h('p', { class: 'aar__marking', text: a.cover.handling }),
    h('header', { class: 'aar__head aar__cover' }, h('p', { class: 'aar__kicker', text: 'After-Action Report / Improvement Plan' }), h('h2', { class: 'aar__title', text: a.cover.title }), h('p', { text: `${a.cover.company} · ${a.cover.team} · ${a.cover.dates}` })),
    h('section', null, h('h3', { text: 'Executive summary' }), h('p', { text: a.executiveSummary })),
    h('section', null, h('h3', { text: 'Exercise overview' }), h('dl', { class: 'aar__facts' }, ...facts.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]))),
    h(
      'section',
      null,
      h('h3', { text: 'Analysis of capabilities' }),
      ...a.analysis.map((o) =>
        h(
          'div',
          { class: 'aar__objective' },
          h('h4', { text: o.text }),
          h('p', { text: `Core capability: ${o.capability}` }),
          o.rating ? h('p', null, h('strong', { text: RATING_NAMES[o.rating] }), o.overrideReason ? ` Evaluator’s rating (the game suggested ${o.suggested}). Reason: ${o.overrideReason}` : '') : null,
          o.missingReason ? h('p', { class: 'notice notice--error', text: 'This rating was changed: give the reason before sending the report.' }) : null,
          h('h5', { text: 'Strengths' }),
          findings(o.strengths),
          h('h5', { text: 'Areas for improvement' }),
          findings(o.improvements),
        ),
      ),
      a.partnerGaps.length ? h('div', { class: 'aar__objective' }, h('h4', { text: 'IT partner capability gaps' }), findings(a.partnerGaps)) : null,
    ),
    h('section', null, h('h3', { text: 'Participant feedback and hotwash' }), h('p', { text: a.hotwash.notes || 'No hotwash notes recorded.' }), a.hotwash.observations.length ? h('ul', null, ...a.hotwash.observations.map((t) => h('li', { text: t }))) : null),
    h(
      'section',
      null,
      h('h3', { text: 'Improvement plan' }),
      a.plan.length
        ? h(
            'table',
            { class: 'aar__table' },
            h('thead', null, h('tr', null, ...['#', 'Objective / capability', 'Issue', 'Capability element', 'Corrective action', 'Responsible organisation', 'Point of contact', 'Start', 'Completion', 'Status'].map((t) => h('th', { text: t })))),
            h('tbody', null, ...a.plan.map((p) => h('tr', null, ...[String(p.n), `${p.objective} / ${p.capability}`, p.issue, p.element, p.action, p.org, p.poc, p.start, p.completion, p.status].map((t) => h('td', { text: t }))))),
          )
        : h('p', { class: 'muted', text: 'No corrective actions agreed yet.' }),
    ),
    a.appendix
      ? h(
          'section',
          null,
          h('h3', { text: 'Appendix: exercise artefacts' }),
          h('p', { text: `Seed ${a.appendix.seed} · ${a.appendix.partner} · game time ${a.appendix.gameTime} · ending: ${a.appendix.ending}` }),
          h('p', { text: `Scores: communication ${a.appendix.scores.communication}, proactivity ${a.appendix.scores.proactivity}, business impact ${a.appendix.scores.businessImpact}, overall ${a.appendix.scores.overall}. ${a.appendix.verdict}` }),
          h('ul', null, ...a.appendix.decisions.map((d) => h('li', { text: `${d.when} “${d.beat}”: ${d.choice} (${d.by})` }))),
        )
      : null,
    h('p', { class: 'aar__marking', text: a.cover.handling }),
  );
}
