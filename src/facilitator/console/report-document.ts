import { duration, gameTime, TIER_LABELS } from '../../store/format.ts';
import { h } from '../../ui/dom.ts';
import type { AfterActionReport, Finding } from '../report.ts';
import { calendarDate, clockTime } from '../report-markdown.ts';

// The after-action report as an HTML document: the console's preview and, through the print
// stylesheet, the PDF. It says the same as the Markdown export, section for section.

const OUTCOME = { good: 'good', mixed: 'mixed', bad: 'bad' } as const;

export function reportDocument(r: AfterActionReport): HTMLElement {
  const o = r.overview;
  const when = (t: number, at: string | null): string => (at ? `${gameTime(t)} (${clockTime(at)})` : gameTime(t));
  const findings = (list: Finding[]): HTMLElement =>
    list.length === 0
      ? h('p', { class: 'muted', text: 'None recorded.' })
      : h(
          'ul',
          null,
          ...list.map((f) => h('li', null, f.t !== null ? h('span', { class: 'aar__t', text: `${gameTime(f.t)} ` }) : null, f.text, f.source === 'note' ? h('em', { text: ' (evaluator note)' }) : null)),
        );

  const facts: [string, string][] = [
    ['Scenario', `${o.exercise} (${o.industry}, ${o.company})`],
    ['Team', o.team],
    ...(o.facilitator ? ([['Facilitator', o.facilitator]] as [string, string][]) : []),
    ['IT partner played', `${o.partner.name} (${TIER_LABELS[o.partner.tier]})`],
    ...(o.startedAt ? ([['Started', `${calendarDate(o.startedAt)} at ${clockTime(o.startedAt)}`]] as [string, string][]) : []),
    ...(o.endedAt ? ([['Ended', `${clockTime(o.endedAt)}${o.realMinutes !== null ? ` (${duration(o.realMinutes)} in the room)` : ''}`]] as [string, string][]) : []),
    ['Game time covered', gameTime(o.gameMinutes)],
    ['Ending', o.ending ? `${o.ending.title} (${OUTCOME[o.ending.outcome]})` : 'Not reached: the exercise was ended early'],
    ['Seed', String(o.seed)],
  ];

  return h(
    'article',
    { class: 'aar', attrs: { 'aria-label': 'After-action report' } },
    h('header', { class: 'aar__head' }, h('p', { class: 'aar__kicker', text: 'After-action report and improvement plan' }), h('h2', { class: 'aar__title', text: o.exercise }), h('p', { text: `Team ${o.team}${o.startedAt ? `, ${calendarDate(o.startedAt)}` : ''}` })),
    h('section', null, h('h3', { text: 'Exercise overview' }), h('dl', { class: 'aar__facts' }, ...facts.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })])), h('p', { text: o.summary })),
    o.participants.length
      ? h('section', null, h('h3', { text: 'Participants' }), h('ul', { class: 'aar__people' }, ...o.participants.map((p) => h('li', null, h('strong', { text: p.name }), ` · ${p.roleLabel}`))))
      : null,
    h(
      'section',
      null,
      h('h3', { text: 'Objectives and ratings' }),
      h('p', { class: 'aar__legend', text: 'P performed without challenges · S with some challenges · M with major challenges · U unable to be performed' }),
      h(
        'table',
        { class: 'aar__table' },
        h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' }, text: 'Objective' }), h('th', { attrs: { scope: 'col' }, text: 'Rating' }), h('th', { attrs: { scope: 'col' }, text: 'Game suggestion' }))),
        h(
          'tbody',
          null,
          ...r.objectives.map((ob) =>
            h(
              'tr',
              null,
              h('td', null, ob.text, ...ob.notes.map((n) => h('p', { class: 'aar__note', text: `${when(n.t, n.at)}, ${n.kindLabel.toLowerCase()}: ${n.text}` }))),
              h('td', { class: 'aar__rating' }, h('strong', { text: ob.rating }), ` ${ob.label}`, ob.overridden ? h('em', { text: ' (evaluator)' }) : null),
              h('td', { class: 'aar__small', text: `${ob.suggested}: ${ob.suggestedReason}` }),
            ),
          ),
        ),
      ),
    ),
    h(
      'section',
      null,
      h('h3', { text: 'Scores and verdict' }),
      h(
        'dl',
        { class: 'aar__scores' },
        ...(
          [
            ['Communication', r.scores.communication],
            ['Proactivity', r.scores.proactivity],
            ['Business impact', r.scores.businessImpact],
            ['Overall', r.scores.overall],
          ] as const
        ).flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: String(v) })]),
      ),
      h('p', null, h('strong', { text: `Verdict on the IT partner: ${r.scores.verdict.label}. ` }), r.scores.verdict.text),
      r.scores.provisional ? h('p', { class: 'aar__small', text: 'The run did not reach an ending: business impact uses the figures when the exercise stopped.' }) : null,
    ),
    h('section', null, h('h3', { text: 'Strengths' }), findings(r.strengths)),
    h('section', null, h('h3', { text: 'Areas for improvement' }), findings(r.improvements)),
    h(
      'section',
      { class: 'aar__plan' },
      h('h3', { text: 'Improvement plan' }),
      r.actions.length === 0
        ? h('p', { class: 'muted', text: 'No corrective actions were agreed.' })
        : h(
            'table',
            { class: 'aar__table' },
            h('thead', null, h('tr', null, ...['Area for improvement', 'Corrective action', 'Objective', 'Owner', 'Due'].map((t) => h('th', { attrs: { scope: 'col' }, text: t })))),
            h('tbody', null, ...r.actions.map((a) => h('tr', null, h('td', { text: a.issue }), h('td', { text: a.action }), h('td', { text: a.objectiveText ?? '' }), h('td', { text: a.owner }), h('td', { text: a.due ? calendarDate(a.due) : '' })))),
          ),
    ),
    h(
      'section',
      { class: 'aar__timeline' },
      h('h3', { text: 'Timeline' }),
      h(
        'ol',
        null,
        ...r.timeline.map((item) =>
          h(
            'li',
            { class: `aar__event aar__event--${item.kind}` },
            h('span', { class: 'aar__t', text: when(item.t, item.at) }),
            h('span', { class: 'aar__what', text: item.text }),
            item.detail ? h('span', { class: 'aar__detail', text: item.detail }) : null,
          ),
        ),
      ),
    ),
    h('footer', { class: 'aar__foot', text: `Generated by War Room on ${calendarDate(r.generatedAt)} at ${clockTime(r.generatedAt)}.` }),
  );
}
