import type { DimensionScore } from '../../engine/scoring.ts';
import { buildDebrief, type DebriefData } from '../../store/debrief.ts';
import { debriefJson, debriefMarkdown, exportFileName } from '../../store/export.ts';
import { rememberedLang } from '../../i18n/browser-lang.ts';
import { DIMENSION_LABELS, duration, gameTime, money, signed, TIER_LABELS } from '../../store/format.ts';
import type { AppContext, ScreenView } from '../context.ts';
import { focusHeading, h, svg } from '../dom.ts';
import { metricsChart } from '../parts/chart.ts';
import type { HistoryEntry } from '../../store/history.ts';
import { scoreClass } from '../parts/history.ts';
import { capabilityName, closedPanel, comparisonPanel, judgementPanel, measuresFacts } from '../parts/partner-lesson.ts';

// Why the run scored what it scored: scores with reasons, objectives, a chart, the decisions
// one by one next to what a strategic partner would have done, and questions to take home.

const OUTCOME_LABELS = { good: 'Good outcome', mixed: 'Mixed outcome', bad: 'Bad outcome' } as const;

export function debriefScreen(ctx: AppContext): ScreenView {
  const { store } = ctx;
  const state = store.getState();
  const run = state.getRun();
  const compiled = state.getCompiled();
  const heading = h('h1', { text: 'Debrief' });
  if (!run || !compiled || !state.report) {
    return { el: h('div', { class: 'screen' }, heading, h('p', { text: 'There is no finished run to debrief.' })), focus: () => focusHeading(heading), destroy: () => {} };
  }
  const d = buildDebrief(compiled, run.state, state.report);
  const entry = state.history.find((e) => e.id !== undefined && e.id === state.historyId);
  const parent = entry?.parent ? state.history.find((e) => e.id === entry.parent!.id) : undefined;
  const whatIf = entry ? (n: number): void => void store.getState().whatIf(n) : null;
  const r = d.report;
  heading.textContent = `Debrief: ${d.title}`;

  const exportButtons = (where: string): HTMLElement =>
    h(
      'div',
      { class: 'debrief-actions' },
      h(
        'div',
        { class: 'action-group', attrs: { role: 'group', 'aria-label': `Keep this debrief (${where})` } },
        h('button', { class: 'btn btn--small', attrs: { type: 'button' }, data: { export: 'md' }, text: 'Download Markdown', on: { click: () => ctx.download(exportFileName(d, 'md', rememberedLang()), 'text/markdown', debriefMarkdown(d, rememberedLang())) } }),
        h('button', { class: 'btn btn--small', attrs: { type: 'button' }, data: { export: 'json' }, text: 'Download JSON', on: { click: () => ctx.download(exportFileName(d, 'json', rememberedLang()), 'application/json', debriefJson(d, run.save())) } }),
        h('button', { class: 'btn btn--small', attrs: { type: 'button' }, text: 'Print or save as PDF', on: { click: () => ctx.print() } }),
      ),
      h(
        'div',
        { class: 'action-group', attrs: { role: 'group', 'aria-label': `Play again (${where})` } },
        h('button', { class: 'btn btn--primary', attrs: { type: 'button' }, text: `Play again, seed ${d.seed}`, on: { click: () => store.getState().playAgain(true) } }),
        h('button', { class: 'btn', attrs: { type: 'button' }, text: 'New seed', on: { click: () => store.getState().playAgain(false) } }),
        h('button', { class: 'btn btn--ghost', attrs: { type: 'button' }, text: 'Title', on: { click: () => store.getState().showTitle() } }),
      ),
    );

  const hero = h(
    'section',
    { class: 'panel verdict', attrs: { 'aria-labelledby': 'verdict-heading' } },
    scoreRing(r.overall),
    h(
      'div',
      { class: 'verdict__body' },
      h('p', { class: 'eyebrow', text: 'Verdict on the response: your decisions with your IT partner' }),
      h('h2', { id: 'verdict-heading', class: 'verdict__label', text: r.verdict.label }),
      h('p', { class: 'verdict__text', text: r.verdict.text }),
      d.ending
        ? h('p', { class: 'verdict__ending' }, h('span', { class: `ending__badge ending__badge--${d.ending.outcome}`, text: OUTCOME_LABELS[d.ending.outcome] }), ' ', h('strong', { text: d.ending.title }), `. ${d.ending.narrative}`)
        : null,
      h(
        'p',
        { class: 'small muted', text: `${d.company} · ${d.partner.name} (${TIER_LABELS[d.partner.tier]}) · seed ${d.seed} · closed at ${gameTime(d.clock)}` },
      ),
      r.provisional ? h('p', { class: 'small', text: 'The run did not reach an ending, so business impact uses the figures so far.' }) : null,
    ),
  );

  const scores = h(
    'section',
    { class: 'scores', attrs: { 'aria-labelledby': 'scores-heading' } },
    h('h2', { id: 'scores-heading', class: 'section-title', text: 'Scores and the reasons behind them' }),
    h('div', { class: 'score-cards' }, ...[r.communication, r.proactivity, r.businessImpact].map(scoreCard)),
  );

  const objectives = h(
    'section',
    { class: 'panel', attrs: { 'aria-labelledby': 'objectives-heading' } },
    h('h2', { id: 'objectives-heading', class: 'panel__title', text: 'Learning objectives' }),
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
            h('p', { class: 'objective__text', text: o.text }),
            h('p', { class: 'objective__rating' }, h('strong', { text: `${o.rating}: ${o.label}.` }), ` ${o.reason}`),
            o.evidence.length
              ? h('ul', { class: 'reasons' }, ...o.evidence.map((e) => h('li', null, h('span', { class: e.points >= 0 ? 'pts pts--plus' : 'pts pts--minus', text: signed(e.points) }), ` ${e.reason}`)))
              : null,
          ),
        ),
      ),
    ),
  );

  const chart = h(
    'section',
    { class: 'panel', attrs: { 'aria-labelledby': 'chart-heading' } },
    h('h2', { id: 'chart-heading', class: 'panel__title', text: 'How the incident unfolded' }),
    metricsChart(d),
    h(
      'dl',
      { class: 'facts facts--row' },
      fact('Revenue lost', money(d.metrics.revenueLost, d.currency)),
      fact('Customers affected', d.metrics.customersAffected.toLocaleString('en-GB')),
      fact('Downtime', duration(d.metrics.downtimeMinutes)),
      fact('Compliance exposure', `${Math.round(d.metrics.complianceExposure)} of 100`),
    ),
    measuresFacts(d),
  );

  const timeline = h(
    'section',
    { class: 'panel', attrs: { 'aria-labelledby': 'timeline-heading' } },
    h('h2', { id: 'timeline-heading', class: 'panel__title', text: 'Decision by decision' }),
    d.measures.length
      ? h('p', { class: 'small muted', text: `Prepared with: ${d.measures.map((m) => m.name).join(', ')}.` })
      : h('p', { class: 'small muted', text: 'No preventive measures were bought.' }),
    whatIf ? h('p', { class: 'small muted', text: 'What if? Reopen any decision, choose again and play on from there; the branch is kept with this run in your history.' }) : null,
    h('ol', { class: 'timeline' }, ...d.timeline.map((e) => timelineItem(e, whatIf))),
  );

  const questions = h(
    'section',
    { class: 'panel questions', attrs: { 'aria-labelledby': 'questions-heading' } },
    h('h2', { id: 'questions-heading', class: 'panel__title', text: 'Questions for your own organisation' }),
    h('p', { class: 'small muted', text: 'Take these to your next technology review. If the honest answer is “not sure”, that is the place to start.' }),
    h('ol', { class: 'question-list' }, ...d.questions.map((q) => h('li', { text: q.text }))),
  );

  const el = h(
    'div',
    { class: 'screen debrief-screen' },
    h('div', { class: 'screen__head' }, h('p', { class: 'eyebrow', text: `${d.industry} · ${d.company}` }), heading),
    hero,
    entry && parent ? branchPanel(d, entry, parent) : null,
    judgementPanel(d),
    exportButtons('top'),
    scores,
    comparisonPanel(d),
    closedPanel(d),
    h('div', { class: 'debrief-grid' }, objectives, questions),
    chart,
    timeline,
    exportButtons('end'),
  );
  return { el, focus: () => focusHeading(heading), destroy: () => {} };
}

function scoreRing(overall: number): HTMLElement {
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
    h('p', { class: 'ring__label' }, h('span', { class: 'ring__number', data: { score: 'overall' }, text: String(overall) }), h('span', { class: 'ring__caption', text: 'overall' })),
  );
}

function scoreCard(dim: DimensionScore): HTMLElement {
  const id = `score-${dim.dimension}`;
  return h(
    'article',
    { class: 'score-card', attrs: { 'aria-labelledby': id } },
    h('h3', { id, class: 'score-card__title', text: DIMENSION_LABELS[dim.dimension] }),
    h('p', { class: 'score-card__score' }, h('span', { class: `score-card__value ${scoreClass(dim.score)}`, data: { score: dim.dimension }, text: String(dim.score) }), h('span', { class: 'muted', text: ' / 100' })),
    h('div', { class: 'bar', attrs: { 'aria-hidden': 'true' } }, h('span', { class: `bar__fill ${scoreClass(dim.score)}`, attrs: { style: `width:${dim.score}%` } })),
    h('p', { class: 'small muted', text: `Starts at ${dim.base}.` }),
    dim.items.length
      ? h('ul', { class: 'reasons' }, ...dim.items.map((i) => h('li', null, h('span', { class: i.points >= 0 ? 'pts pts--plus' : 'pts pts--minus', text: signed(i.points) }), ` ${i.reason}`)))
      : h('p', { class: 'small', text: 'Nothing moved this score.' }),
  );
}

function timelineItem(e: DebriefData['timeline'][number], whatIf: ((n: number) => void) | null): HTMLElement {
  return h(
    'li',
    { class: `moment ${e.advice.followed ? 'moment--aligned' : e.advice.closed ? 'moment--closed' : 'moment--diverged'}` },
    h(
      'p',
      { class: 'moment__when' },
      h('span', { class: 'moment__n', text: String(e.n) }),
      e.local ? ` ${e.local} ` : ' ',
      h('span', { class: e.local ? 'muted small' : '', text: e.local ? `(${gameTime(e.t)})` : gameTime(e.t) }),
      ` · ${e.beatTitle}`,
    ),
    h('p', { class: 'moment__prompt', text: e.prompt }),
    h(
      'dl',
      { class: 'moment__facts' },
      h('dt', { text: e.by === 'timeout' ? 'Applied when time ran out' : 'You chose' }),
      h('dd', null, h('strong', { text: e.chosen.label }), h('span', { class: 'muted', text: ` after ${duration(e.waited)}` })),
      h('dt', { text: 'What it caused' }),
      h('dd', { text: e.chosen.outcome }),
      h('dt', { text: e.advice.followed ? 'A strategic partner would have done the same' : 'A strategic partner would have chosen' }),
      h('dd', null, e.advice.followed ? null : h('strong', { text: `${e.advice.label}. ` }), e.advice.closed ? '(Out of reach with your partner.) ' : '', e.advice.why),
      e.notTaken.length ? h('dt', { text: 'Open to you, not taken' }) : null,
      e.notTaken.length ? h('dd', null, h('ul', { class: 'not-taken' }, ...e.notTaken.map((o) => h('li', { text: o.label })))) : null,
      e.notOpen.length ? h('dt', { text: 'Not open to you' }) : null,
      e.notOpen.length ? h('dd', null, h('ul', { class: 'not-taken' }, ...e.notOpen.map((o) => h('li', null, o.label, o.why ? h('span', { class: 'muted', text: ` (${o.why})` }) : null)))) : null,
      e.outOfReach.length ? h('dt', { text: 'Out of reach with your partner' }) : null,
      e.outOfReach.length
        ? h('dd', null, h('ul', { class: 'not-taken', data: { outOfReach: '' } }, ...e.outOfReach.map((o) => h('li', null, o.label, h('span', { class: 'muted', text: ` (needs ${o.needs.map(capabilityName).join(', ')})` })))))
        : null,
      e.points.length ? h('dt', { text: 'Score' }) : null,
      e.points.length
        ? h('dd', null, ...e.points.map((p) => h('span', { class: 'point' }, h('span', { class: p.points >= 0 ? 'pts pts--plus' : 'pts pts--minus', text: signed(p.points) }), ` ${DIMENSION_LABELS[p.dimension].toLowerCase()}: ${p.reason}`)))
        : null,
    ),
    whatIf
      ? h('button', { class: 'btn btn--small moment__whatif', attrs: { type: 'button' }, data: { whatif: String(e.n) }, text: `What if? Choose again at decision ${e.n}`, on: { click: () => whatIf(e.n) } })
      : null,
  );
}

function fact(label: string, value: string): HTMLElement {
  return h('div', { class: 'fact' }, h('dt', { text: label }), h('dd', { text: value }));
}

/** A what-if branch next to the run it branched from: scores, money, time, ending. */
function branchPanel(d: DebriefData, branch: HistoryEntry, parent: HistoryEntry): HTMLElement {
  const rows: [string, (e: HistoryEntry) => string][] = [
    ['Overall', (e) => String(e.overall)],
    ['Communication / Proactivity / Business impact', (e) => `${e.communication} / ${e.proactivity} / ${e.businessImpact}`],
    ['Revenue lost', (e) => (e.figures ? money(e.figures.revenueLost, d.currency) : 'not recorded')],
    ['Downtime', (e) => (e.figures ? duration(e.figures.downtimeMinutes) : 'not recorded')],
    ['Ended at', (e) => (e.figures ? gameTime(e.figures.clock) : 'not recorded')],
    ['Ending', (e) => `${e.outcome ?? 'none'} (${e.verdict})`],
  ];
  return h(
    'section',
    { class: 'panel', attrs: { 'aria-labelledby': 'branch-heading' } },
    h('h2', { id: 'branch-heading', class: 'panel__title', text: `What-if from decision ${branch.parent!.decision}, next to the run it branched from` }),
    h(
      'div',
      { class: 'table-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': 'What-if and original run, side by side' } },
      h(
        'table',
        { class: 'compare', data: { branch: '' } },
        h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' }, text: 'Measure' }), h('th', { attrs: { scope: 'col' }, text: 'Original run' }), h('th', { attrs: { scope: 'col' }, text: 'This what-if' }))),
        h('tbody', null, ...rows.map(([label, value]) => h('tr', null, h('th', { attrs: { scope: 'row' }, text: label }), h('td', { text: value(parent) }), h('td', { text: value(branch) })))),
      ),
    ),
  );
}
