import { duration } from '../../engine/local-time.ts';
import { verdictFor, type DimensionScore } from '../../engine/scoring.ts';
import { rememberedLang } from '../../i18n/browser-lang.ts';
import { objectiveReasonText, ratingLabel, scoreReasonText, verdictLabel, verdictText } from '../../i18n/engine-text.ts';
import { formats } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/lang.ts';
import { capabilityName } from '../../i18n/capabilities.ts';
import { dimensionLabel, tierLabel } from '../../i18n/vocabulary.ts';
import { buildDebrief, metricLabel, type DebriefData } from '../../store/debrief.ts';
import { debriefText } from '../../store/debrief-text.ts';
import { debriefJson, debriefMarkdown, exportFileName } from '../../store/export.ts';
import { gameTime, money, signed } from '../../store/format.ts';
import type { AppContext, ScreenView } from '../context.ts';
import { focusHeading, h, svg } from '../dom.ts';
import { metricsChart } from '../parts/chart.ts';
import type { HistoryEntry } from '../../store/history.ts';
import { scoreClass } from '../parts/history.ts';
import { closedPanel, comparisonPanel, judgementPanel, measuresFacts } from '../parts/partner-lesson.ts';
import { writtenIn } from '../text-lang.ts';

// Why the run scored what it scored: scores with reasons, objectives, a chart, the decisions
// one by one next to what a strategic partner would have done, and questions to take home.
// In the player's language: our words from the debrief catalogue, scores and verdicts from the
// engine's catalogue, the scenario's text as the (localized) scenario has it.

export function debriefScreen(ctx: AppContext): ScreenView {
  const { store } = ctx;
  const state = store.getState();
  const lang = state.lang;
  const t = debriefText(lang);
  const w = writtenIn(state.runLang, lang);
  const run = state.getRun();
  const compiled = state.getCompiled();
  const heading = h('h1', { text: t('title') });
  if (!run || !compiled || !state.report) {
    return { el: h('div', { class: 'screen' }, heading, h('p', { text: t('nothing') })), focus: () => focusHeading(heading), destroy: () => {} };
  }
  const d = buildDebrief(compiled, run.state, state.report, lang);
  const entry = state.history.find((e) => e.id !== undefined && e.id === state.historyId);
  const parent = entry?.parent ? state.history.find((e) => e.id === entry.parent!.id) : undefined;
  const whatIf = entry ? (n: number): void => void store.getState().whatIf(n) : null;
  const r = d.report;
  const verdict = verdictText(r.verdict, lang);
  heading.textContent = t('titleOf', { title: d.title });

  const exportButtons = (where: 'top' | 'end'): HTMLElement =>
    h(
      'div',
      { class: 'debrief-actions' },
      h(
        'div',
        { class: 'action-group', attrs: { role: 'group', 'aria-label': t(where === 'top' ? 'keepTop' : 'keepEnd') } },
        h('button', { class: 'btn btn--small', attrs: { type: 'button' }, data: { export: 'md' }, text: t('downloadMd'), on: { click: () => ctx.download(exportFileName(d, 'md', lang), 'text/markdown', debriefMarkdown(d, lang)) } }),
        h('button', { class: 'btn btn--small', attrs: { type: 'button' }, data: { export: 'json' }, text: t('downloadJson'), on: { click: () => ctx.download(exportFileName(d, 'json', lang), 'application/json', debriefJson(d, run.save())) } }),
        h('button', { class: 'btn btn--small', attrs: { type: 'button' }, text: t('print'), on: { click: () => ctx.print() } }),
      ),
      h(
        'div',
        { class: 'action-group', attrs: { role: 'group', 'aria-label': t(where === 'top' ? 'againTop' : 'againEnd') } },
        h('button', { class: 'btn btn--primary', attrs: { type: 'button' }, text: t('playAgainSeed', { seed: String(d.seed) }), on: { click: () => store.getState().playAgain(true) } }),
        h('button', { class: 'btn', attrs: { type: 'button' }, text: t('newSeed'), on: { click: () => store.getState().playAgain(false) } }),
        h('button', { class: 'btn btn--ghost', attrs: { type: 'button' }, text: t('toTitle'), on: { click: () => store.getState().showTitle() } }),
      ),
    );

  const hero = h(
    'section',
    { class: 'panel verdict', attrs: { 'aria-labelledby': 'verdict-heading' } },
    scoreRing(r.overall, t('overall')),
    h(
      'div',
      { class: 'verdict__body' },
      h('p', { class: 'eyebrow', text: t('verdictEyebrow') }),
      h('h2', { id: 'verdict-heading', class: 'verdict__label', text: verdict.label }),
      h('p', { class: 'verdict__text', text: verdict.text }),
      d.ending
        ? h('p', { class: 'verdict__ending' }, h('span', { class: `ending__badge ending__badge--${d.ending.outcome}`, text: t(`outcome.${d.ending.outcome}`) }), ' ', h('strong', { attrs: w, text: d.ending.title }), '. ', h('span', { attrs: w, text: d.ending.narrative }))
        : null,
      h(
        'p',
        { class: 'small muted', text: t('meta', { company: d.company, partner: d.partner.name, tier: tierLabel(d.partner.tier, lang), seed: String(d.seed), time: gameTime(d.clock) }) },
      ),
      r.provisional ? h('p', { class: 'small', text: t('provisional') }) : null,
    ),
  );

  const scores = h(
    'section',
    { class: 'scores', attrs: { 'aria-labelledby': 'scores-heading' } },
    h('h2', { id: 'scores-heading', class: 'section-title', text: t('scoresHeading') }),
    h('div', { class: 'score-cards' }, ...[r.communication, r.proactivity, r.businessImpact].map((dim) => scoreCard(dim, lang))),
  );

  const objectives = h(
    'section',
    { class: 'panel', attrs: { 'aria-labelledby': 'objectives-heading' } },
    h('h2', { id: 'objectives-heading', class: 'panel__title', text: t('objectivesHeading') }),
    h(
      'ul',
      { class: 'objectives' },
      ...r.objectives.map((o) =>
        h(
          'li',
          { class: 'objective', data: { objective: o.id } },
          h('span', { class: `rating rating--${o.rating}`, attrs: { 'aria-hidden': 'true' }, text: o.rating }),
          h(
            'div',
            null,
            h('p', { class: 'objective__text', attrs: w, text: o.text }),
            h('p', { class: 'objective__rating' }, h('strong', { text: `${o.rating}: ${ratingLabel(o.rating, lang)}.` }), ` ${objectiveReasonText(o, lang)}`),
            o.evidence.length
              ? h('ul', { class: 'reasons' }, ...o.evidence.map((e) => h('li', null, h('span', { class: e.points >= 0 ? 'pts pts--plus' : 'pts pts--minus', text: signed(e.points, lang) }), ` ${scoreReasonText(e, lang)}`)))
              : null,
          ),
        ),
      ),
    ),
  );

  const chart = h(
    'section',
    { class: 'panel', attrs: { 'aria-labelledby': 'chart-heading' } },
    h('h2', { id: 'chart-heading', class: 'panel__title', text: t('chartHeading') }),
    metricsChart(d, lang),
    h(
      'dl',
      { class: 'facts facts--row' },
      fact(metricLabel('revenueLost', lang), money(d.metrics.revenueLost, d.currency, lang)),
      fact(metricLabel('customersAffected', lang), formats(lang).number(d.metrics.customersAffected)),
      fact(metricLabel('downtimeMinutes', lang), duration(d.metrics.downtimeMinutes, lang)),
      fact(metricLabel('complianceExposure', lang), t('ofHundred', { value: String(Math.round(d.metrics.complianceExposure)) })),
    ),
    measuresFacts(d, lang, state.runLang),
  );

  const timeline = h(
    'section',
    { class: 'panel', attrs: { 'aria-labelledby': 'timeline-heading' } },
    h('h2', { id: 'timeline-heading', class: 'panel__title', text: t('timelineHeading') }),
    d.measures.length
      ? h('p', { class: 'small muted', text: t('preparedWith', { measures: d.measures.map((m) => m.name).join(', ') }) })
      : h('p', { class: 'small muted', text: t('noMeasures') }),
    whatIf ? h('p', { class: 'small muted', text: t('whatIfIntro') }) : null,
    h('ol', { class: 'timeline' }, ...d.timeline.map((e) => timelineItem(e, whatIf, lang, w))),
  );

  const questions = h(
    'section',
    { class: 'panel questions', attrs: { 'aria-labelledby': 'questions-heading' } },
    h('h2', { id: 'questions-heading', class: 'panel__title', text: t('questionsHeading') }),
    h('p', { class: 'small muted', text: t('questionsIntro') }),
    h('ol', { class: 'question-list' }, ...d.questions.map((q) => h('li', { attrs: w, text: q.text }))),
  );

  const el = h(
    'div',
    // The debrief's own language, so a screen reader reads it right whatever the page around it says.
    { class: 'screen debrief-screen', attrs: { lang } },
    h('div', { class: 'screen__head' }, h('p', { class: 'eyebrow', text: `${d.industry} · ${d.company}` }), heading),
    hero,
    entry && parent ? branchPanel(d, entry, parent, lang) : null,
    judgementPanel(d, lang),
    exportButtons('top'),
    scores,
    comparisonPanel(d, lang, state.runLang),
    closedPanel(d, lang, state.runLang),
    h('div', { class: 'debrief-grid' }, objectives, questions),
    chart,
    timeline,
    exportButtons('end'),
  );
  return { el, focus: () => focusHeading(heading), destroy: () => {} };
}

function scoreRing(overall: number, caption: string): HTMLElement {
  const r = 52;
  const c = 2 * Math.PI * r;
  const ring = svg(
    'svg',
    { viewBox: '0 0 120 120', class: `ring ${scoreClass(overall)}`, 'aria-hidden': 'true' },
    svg('circle', { cx: 60, cy: 60, r, class: 'ring__track' }),
    svg('circle', { cx: 60, cy: 60, r, class: 'ring__value', 'stroke-dasharray': `${(c * overall) / 100} ${c}`, transform: 'rotate(-90 60 60)' }),
  );
  return h(
    'div',
    { class: 'verdict__ring' },
    ring,
    h('p', { class: 'ring__label' }, h('span', { class: 'ring__number', data: { score: 'overall' }, text: String(overall) }), h('span', { class: 'ring__caption', text: caption })),
  );
}

function scoreCard(dim: DimensionScore, lang: Lang): HTMLElement {
  const t = debriefText(lang);
  const id = `score-${dim.dimension}`;
  return h(
    'article',
    { class: 'score-card', attrs: { 'aria-labelledby': id } },
    h('h3', { id, class: 'score-card__title', text: dimensionLabel(dim.dimension, lang) }),
    h('p', { class: 'score-card__score' }, h('span', { class: `score-card__value ${scoreClass(dim.score)}`, data: { score: dim.dimension }, text: String(dim.score) }), h('span', { class: 'muted', text: ' / 100' })),
    h('div', { class: 'bar', attrs: { 'aria-hidden': 'true' } }, h('span', { class: `bar__fill ${scoreClass(dim.score)}`, attrs: { style: `width:${dim.score}%` } })),
    h('p', { class: 'small muted', text: t('startsAt', { base: String(dim.base) }) }),
    dim.items.length
      ? h('ul', { class: 'reasons' }, ...dim.items.map((i) => h('li', null, h('span', { class: i.points >= 0 ? 'pts pts--plus' : 'pts pts--minus', text: signed(i.points, lang) }), ` ${scoreReasonText(i, lang)}`)))
      : h('p', { class: 'small', text: t('nothingMoved') }),
  );
}

/** `w`: the attributes for the scenario's own text (see text-lang.ts). */
function timelineItem(e: DebriefData['timeline'][number], whatIf: ((n: number) => void) | null, lang: Lang, w: { lang?: string }): HTMLElement {
  const t = debriefText(lang);
  return h(
    'li',
    { class: `moment ${e.advice.followed ? 'moment--aligned' : e.advice.closed ? 'moment--closed' : 'moment--diverged'}` },
    h(
      'p',
      { class: 'moment__when' },
      h('span', { class: 'moment__n', text: String(e.n) }),
      e.local ? ` ${e.local} ` : ' ',
      h('span', { class: e.local ? 'muted small' : '', text: e.local ? `(${gameTime(e.t)})` : gameTime(e.t) }),
      ' · ',
      h('span', { attrs: w, text: e.beatTitle }),
    ),
    h('p', { class: 'moment__prompt', attrs: w, text: e.prompt }),
    h(
      'dl',
      { class: 'moment__facts' },
      h('dt', { text: t(e.by === 'timeout' ? 'timedOut' : 'youChose') }),
      h('dd', null, h('strong', { attrs: w, text: e.chosen.label }), h('span', { class: 'muted', text: t('afterWait', { span: duration(e.waited, lang) }) })),
      h('dt', { text: t('caused') }),
      h('dd', { attrs: w, text: e.chosen.outcome }),
      h('dt', { text: t(e.advice.followed ? 'adviceSame' : 'adviceOther') }),
      h('dd', null, e.advice.followed ? null : h('strong', { attrs: w, text: `${e.advice.label}. ` }), e.advice.closed ? t('adviceClosed') : '', e.advice.why),
      e.notTaken.length ? h('dt', { text: t('notTaken') }) : null,
      e.notTaken.length ? h('dd', null, h('ul', { class: 'not-taken' }, ...e.notTaken.map((o) => h('li', { attrs: w, text: o.label })))) : null,
      e.notOpen.length ? h('dt', { text: t('notOpen') }) : null,
      e.notOpen.length ? h('dd', null, h('ul', { class: 'not-taken' }, ...e.notOpen.map((o) => h('li', null, o.label, o.why ? h('span', { class: 'muted', text: ` (${o.why})` }) : null)))) : null,
      e.outOfReach.length ? h('dt', { text: t('outOfReach') }) : null,
      e.outOfReach.length
        ? h('dd', null, h('ul', { class: 'not-taken', data: { outOfReach: '' } }, ...e.outOfReach.map((o) => h('li', null, o.label, h('span', { class: 'muted', text: t('needs', { capabilities: o.needs.map((c) => capabilityName(c, lang)).join(', ') }) })))))
        : null,
      e.points.length ? h('dt', { text: t('score') }) : null,
      e.points.length
        ? h('dd', null, ...e.points.map((p) => h('span', { class: 'point' }, h('span', { class: p.points >= 0 ? 'pts pts--plus' : 'pts pts--minus', text: signed(p.points, lang) }), ` ${lang === 'en' ? dimensionLabel(p.dimension, lang).toLowerCase() : dimensionLabel(p.dimension, lang)}: ${p.reason}`)))
        : null,
    ),
    whatIf
      ? h('button', { class: 'btn btn--small moment__whatif', attrs: { type: 'button' }, data: { whatif: String(e.n) }, text: t('whatIfButton', { n: e.n }), on: { click: () => whatIf(e.n) } })
      : null,
  );
}

function fact(label: string, value: string): HTMLElement {
  return h('div', { class: 'fact' }, h('dt', { text: label }), h('dd', { text: value }));
}

/** A what-if branch next to the run it branched from: scores, money, time, ending. */
function branchPanel(d: DebriefData, branch: HistoryEntry, parent: HistoryEntry, lang: Lang): HTMLElement {
  const t = debriefText(lang);
  const notRecorded = t('notRecorded');
  const rows: [string, (e: HistoryEntry) => string][] = [
    [t('branch.overall'), (e) => String(e.overall)],
    [(['communication', 'proactivity', 'businessImpact'] as const).map((dim) => dimensionLabel(dim, lang)).join(' / '), (e) => `${e.communication} / ${e.proactivity} / ${e.businessImpact}`],
    [metricLabel('revenueLost', lang), (e) => (e.figures ? money(e.figures.revenueLost, d.currency, lang) : notRecorded)],
    [metricLabel('downtimeMinutes', lang), (e) => (e.figures ? duration(e.figures.downtimeMinutes, lang) : notRecorded)],
    [t('branch.endedAt'), (e) => (e.figures ? gameTime(e.figures.clock) : notRecorded)],
    // The verdict follows from the overall score; saved entries keep only its English words.
    [t('branch.ending'), (e) => `${t(`outcomeWord.${e.outcome ?? 'none'}`)} (${verdictLabel(verdictFor(e.overall), lang)})`],
  ];
  return h(
    'section',
    { class: 'panel', attrs: { 'aria-labelledby': 'branch-heading' } },
    h('h2', { id: 'branch-heading', class: 'panel__title', text: t('branch.heading', { n: branch.parent!.decision }) }),
    h(
      'div',
      { class: 'table-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': t('branch.region') } },
      h(
        'table',
        { class: 'compare', data: { branch: '' } },
        h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' }, text: t('branch.measure') }), h('th', { attrs: { scope: 'col' }, text: t('branch.original') }), h('th', { attrs: { scope: 'col' }, text: t('branch.this') }))),
        h('tbody', null, ...rows.map(([label, value]) => h('tr', null, h('th', { attrs: { scope: 'row' }, text: label }), h('td', { text: value(parent) }), h('td', { text: value(branch) })))),
      ),
    ),
  );
}
