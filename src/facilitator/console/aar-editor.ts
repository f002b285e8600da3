import { h, replace } from '../../ui/dom.ts';
import { editableFindings, overviewFacts, reportText, type AarFinding, type AarIp } from '../aar.ts';
import { planColumns, planRows } from '../aar-text.ts';
import { REPORT_TEXT_FIELDS, type ReportTextField } from '../exercise.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { ReportMessages } from '../report-messages.ts';
import { reportWords } from '../report-words.ts';
import type { ConsoleState, ConsoleStore } from './console-store.ts';
import { field, keyed, panel, setValue } from './parts.ts';

// The facilitator's hand on the AAR/IP: the report's own text (marking, summary, overview,
// hotwash), every generated finding (edit, merge into another, remove, restore) and the
// document as it will be sent, which the print stylesheet turns into the PDF. Built in one language;
// the report screen builds it again when the console's language changes.

type TextKey = Extract<keyof ReportMessages, 'ed.handling' | 'ed.handlingHint' | 'ed.summary' | 'ed.summaryHint' | 'ed.scope' | 'ed.missionArea' | 'ed.threat' | 'ed.sponsor' | 'ed.organisations' | 'ed.poc' | 'ed.hotwash'>;
const TEXT_LABELS: Record<ReportTextField, { label: TextKey; hint?: TextKey; long?: boolean }> = {
  handling: { label: 'ed.handling', hint: 'ed.handlingHint' },
  summary: { label: 'ed.summary', hint: 'ed.summaryHint', long: true },
  scope: { label: 'ed.scope' },
  missionArea: { label: 'ed.missionArea' },
  threat: { label: 'ed.threat' },
  sponsor: { label: 'ed.sponsor' },
  organisations: { label: 'ed.organisations' },
  poc: { label: 'ed.poc' },
  hotwash: { label: 'ed.hotwash', long: true },
};

export function aarEditor(store: ConsoleStore, lang: Lang): { text: HTMLElement; findings: HTMLElement; update(state: ConsoleState, aar: AarIp): void } {
  const t = reportWords(lang);
  const act = (f: Parameters<ConsoleState['act']>[0], announce?: string): string | null => store.getState().act(f, announce);

  const inputs = new Map<ReportTextField, HTMLInputElement | HTMLTextAreaElement>();
  const fields = REPORT_TEXT_FIELDS.map((k) => {
    const spec = TEXT_LABELS[k];
    const control = spec.long ? h('textarea', { class: 'input', attrs: { rows: 4, maxlength: 16000 } }) : h('input', { class: 'input', attrs: { type: 'text', maxlength: 4000 } });
    control.addEventListener('input', () => act((x) => x.setReportText(k, control.value)));
    inputs.set(k, control);
    return field(t(spec.label), control, spec.hint ? t(spec.hint) : undefined);
  });
  const appendix = h('input', { attrs: { type: 'checkbox', id: 'fac-aar-appendix' } });
  appendix.addEventListener('change', () => act((x) => x.setAppendix(appendix.checked)));
  const text = panel(
    t('ed.text'),
    'fac-report__text',
    ...fields,
    h('label', { class: 'fac-display__item' }, appendix, ` ${t('ed.appendix')}`),
  );

  const list = h('ol', { class: 'fac-findings', attrs: { 'aria-label': t('ed.findings') } });
  const removedList = h('ul', { class: 'fac-findings fac-findings--removed', attrs: { 'aria-label': t('ed.goneList') } });
  const findings = panel(
    t('ed.findings'),
    'fac-report__findings',
    h('p', { class: 'muted small', text: t('ed.findingsHint') }),
    list,
    h('h3', { class: 'fac-subtitle', text: t('ed.gone') }),
    removedList,
  );

  const findingRow = (f: AarFinding, all: AarFinding[]): HTMLElement => {
    const input = (label: 'ed.finding' | 'f.reference' | 'f.analysis' | 'f.rootCause', key: 'title' | 'reference' | 'analysis' | 'rootCause', long: boolean): HTMLElement => {
      const control = long ? h('textarea', { class: 'input', attrs: { rows: 2, maxlength: 4000 } }) : h('input', { class: 'input', attrs: { type: 'text', maxlength: 4000 } });
      control.value = f[key];
      control.dataset.finding = f.id;
      control.dataset.key = key;
      control.addEventListener('change', () => act((x) => x.editFinding(f.id, { [key]: control.value })));
      return field(t(label), control);
    };
    const merge = h(
      'select',
      { class: 'select', attrs: { 'aria-label': t('ed.mergeInto', { finding: f.title }) } },
      h('option', { attrs: { value: '' }, text: t('ed.mergeChoose') }),
      ...all.filter((o) => o.id !== f.id && o.kind === f.kind).map((o) => h('option', { attrs: { value: o.id }, text: o.title.length > 70 ? `${o.title.slice(0, 69)}…` : o.title })),
    );
    merge.addEventListener('change', () => merge.value && act((x) => x.editFinding(f.id, { mergedInto: merge.value }), t('ed.mergedDone')));
    return h(
      'li',
      { class: `fac-finding fac-finding--${f.kind}`, attrs: { 'data-finding': f.id } },
      h('p', { class: 'eyebrow', text: [t(`ed.kind.${f.kind}`), f.merged.length ? t('ed.merged', { count: f.merged.length + 1 }) : '', f.edited ? t('ed.edited') : ''].filter(Boolean).join(' · ') }),
      input('ed.finding', 'title', false),
      input('f.reference', 'reference', false),
      input('f.analysis', 'analysis', true),
      input('f.rootCause', 'rootCause', true),
      h(
        'div',
        { class: 'fac-row' },
        merge,
        h('button', { class: 'btn btn--small btn--ghost', attrs: { type: 'button' }, text: t('view.remove'), on: { click: () => act((x) => x.editFinding(f.id, { removed: true }), t('ed.removed')) } }),
      ),
    );
  };
  const renderFindings = keyed((aar: AarIp) => {
    const all = editableFindings(aar);
    replace(list, ...(all.length ? all.map((f) => findingRow(f, all)) : [h('li', { class: 'muted small', text: t('ed.noFindings') })]));
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
              h('span', { text: t(e.mergedInto ? 'ed.wasMerged' : 'ed.wasRemoved', { finding: e.title ?? id }) }),
              h('button', { class: 'btn btn--small', attrs: { type: 'button' }, text: t('ed.restore'), on: { click: () => act((x) => x.resetFinding(id), t('ed.restored')) } }),
            ),
          )
        : [h('li', { class: 'muted small', text: t('ed.none') })]),
    );
  });

  return {
    text,
    findings,
    update(state, aar) {
      for (const [k, control] of inputs) setValue(control, reportText(state.session.report, k, lang));
      (inputs.get('summary') as HTMLTextAreaElement).placeholder = aar.executiveSummary;
      appendix.checked = state.session.report.appendix;
      const all = editableFindings(aar);
      renderFindings(JSON.stringify(all), aar);
      renderRemoved(JSON.stringify(state.session.report.findings), state);
    },
  };
}

/** The AAR/IP as an HTML document: the console's preview and, printed, the PDF; `lang` on it so a screen reader and the print hyphenate German as German. */
export function aarHtml(a: AarIp): HTMLElement {
  const t = reportWords(a.lang);
  const finding = (f: AarFinding): HTMLElement =>
    h(
      'li',
      null,
      h('strong', { text: f.title }),
      h('dl', { class: 'aar__facts' }, h('dt', { text: t('f.reference') }), h('dd', { text: f.reference }), h('dt', { text: t('f.analysis') }), h('dd', { text: f.analysis }), ...(f.rootCause ? [h('dt', { text: t('f.rootCause') }), h('dd', { text: f.rootCause })] : [])),
    );
  const findings = (list: AarFinding[]): HTMLElement => (list.length ? h('ol', null, ...list.map(finding)) : h('p', { class: 'muted', text: t('noneRecorded') }));
  const facts = overviewFacts(a);
  return h(
    'article',
    { class: 'aar', attrs: { 'aria-label': t('view.title'), lang: a.lang } },
    h('p', { class: 'aar__marking', text: a.cover.handling }),
    h('header', { class: 'aar__head aar__cover' }, h('p', { class: 'aar__kicker', text: t('doc.kind') }), h('h2', { class: 'aar__title', text: a.cover.title }), h('p', { text: `${a.cover.company} · ${a.cover.team} · ${a.cover.dates}` })),
    h('section', null, h('h3', { text: t('h.summary') }), h('p', { text: a.executiveSummary })),
    h('section', null, h('h3', { text: t('h.overview') }), h('dl', { class: 'aar__facts' }, ...facts.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]))),
    h(
      'section',
      null,
      h('h3', { text: t('h.analysis') }),
      ...a.analysis.map((o) =>
        h(
          'div',
          { class: 'aar__objective' },
          h('h4', { text: o.text }),
          h('p', { text: `${t('coreCapability')}: ${o.capability}` }),
          o.rating ? h('p', null, h('strong', { text: t(`rating.${o.rating}`) }), o.overrideReason ? ` ${t('override', { suggested: o.suggested ?? '', reason: o.overrideReason })}` : '') : null,
          o.missingReason ? h('p', { class: 'notice notice--error', text: t('ed.missingReason') }) : null,
          h('h5', { text: t('h.strengths') }),
          findings(o.strengths),
          h('h5', { text: t('h.improvements') }),
          findings(o.improvements),
        ),
      ),
      a.partnerGaps.length ? h('div', { class: 'aar__objective' }, h('h4', { text: t('h.gaps') }), findings(a.partnerGaps)) : null,
    ),
    h('section', null, h('h3', { text: t('h.hotwash') }), h('p', { text: a.hotwash.notes || t('noHotwash') }), a.hotwash.observations.length ? h('ul', null, ...a.hotwash.observations.map((t) => h('li', { text: t }))) : null),
    h(
      'section',
      null,
      h('h3', { text: t('h.plan') }),
      a.plan.length
        ? h(
            'div',
            // A region that may scroll sideways: reachable and named for keyboard and screen-reader
            // users, by a name of its own (the console's plan editor beside it is "Improvement plan").
            { class: 'aar__wide', attrs: { role: 'region', tabindex: '0', 'aria-label': t('planTable') } },
            h(
              'table',
              { class: 'aar__table' },
              h('thead', null, h('tr', null, ...planColumns(a).map((text) => h('th', { text })))),
              h('tbody', null, ...planRows(a).map((row) => h('tr', null, ...row.map((text) => h('td', { text }))))),
            ),
          )
        : h('p', { class: 'muted', text: t('noPlan') }),
    ),
    a.appendix
      ? h(
          'section',
          null,
          h('h3', { text: t('h.appendix') }),
          h('p', { text: t('ax.line', { seed: String(a.appendix.seed), partner: a.appendix.partner, gameTime: a.appendix.gameTime, ending: a.appendix.ending }) }),
          h('p', { text: `${t('ax.scores')}: ${t('ax.scoresValue', a.appendix.scores)}. ${a.appendix.verdict}` }),
          h('ul', null, ...a.appendix.decisions.map((d) => h('li', { text: t('ax.decision', d) }))),
        )
      : null,
    h('p', { class: 'aar__marking', text: a.cover.handling }),
  );
}
