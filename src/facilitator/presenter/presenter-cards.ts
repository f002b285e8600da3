import type { Scenario } from '../../scenarios/schema.ts';
import { unavailableText, verdictText } from '../../i18n/engine-text.ts';
import { duration, gameTime, money } from '../../store/format.ts';
import { h } from '../../ui/dom.ts';
import type { PresenterFrame } from '../frame.ts';
import { CHANNEL_LABELS } from '../../ui/parts/feed.ts';

// The projector's side column, one card per moment of the exercise. Large type, few words, and
// only what the frame carries (which holds nothing facilitator-only).

const BY_LABELS = { player: 'The team chose', timeout: 'Time ran out; applied', facilitator: 'Beat skipped; applied' } as const;
const OUTCOME_LABELS = { good: 'Good outcome', mixed: 'Mixed outcome', bad: 'Bad outcome' } as const;

export function stageCard(f: PresenterFrame | null, scenario: Scenario | null): Node[] {
  if (!f || f.stage === 'setup') {
    return [
      h('p', { class: 'pres__eyebrow', text: 'Getting ready' }),
      h('h2', { class: 'pres__headline', text: f?.teamName ? `Welcome, ${f.teamName}` : 'The exercise starts soon' }),
      h('p', { class: 'pres__lede', text: 'Your company’s IT is about to have a very bad day. Decide together how your IT partner responds.' }),
      f && f.participants.length
        ? h('ul', { class: 'pres__roster-list', attrs: { 'aria-label': 'Who plays which role' } }, ...f.participants.map((p) => h('li', null, h('strong', { text: p.roleLabel }), p.name)))
        : null,
    ].filter((n) => n !== null) as Node[];
  }
  const view = f.view;
  if (f.stage === 'briefing' && view && scenario) {
    const left = view.preparation.budgetLeft - view.preparation.measures.filter((m) => f.prep.includes(m.id)).reduce((s, m) => s + m.cost, 0);
    return [
      h('p', { class: 'pres__eyebrow', text: `Briefing · ${scenario.company.name}` }),
      h('h2', { class: 'pres__headline', text: scenario.title }),
      h('p', { class: 'pres__lede', text: scenario.summary }),
      h('p', { class: 'pres__meta', text: `Revenue at risk ${money(scenario.stakes.revenueAtRisk, view.currency)} · the business tolerates ${duration(scenario.stakes.downtimeToleranceMinutes)} of downtime` }),
      h('h3', { class: 'pres__subhead', text: `Preparation: ${money(left, view.currency)} of ${money(view.preparation.budget, view.currency)} left` }),
      h(
        'ul',
        { class: 'pres__measures' },
        ...view.preparation.measures.map((m) => {
          const bought = f.prep.includes(m.id);
          return h(
            'li',
            { class: `pres__measure${bought ? ' pres__measure--bought' : ''}` },
            h('span', { class: 'pres__measure-mark', attrs: { 'aria-hidden': 'true' }, text: bought ? '✓' : '' }),
            h('span', { class: 'pres__measure-name', text: m.name }),
            h('span', { class: 'pres__measure-cost', text: `${money(m.cost, view.currency)}${bought ? ' · bought' : ''}` }),
            h('span', { class: 'pres__measure-desc', text: m.description }),
          );
        }),
      ),
    ];
  }
  if (f.stage === 'debrief' && !f.debrief) {
    // Scores and the verdict stay with the facilitator unless they choose to show them.
    return [
      h('p', { class: 'pres__eyebrow', text: 'Debrief' }),
      h('h2', { class: 'pres__headline', text: 'Exercise complete' }),
      h('p', { class: 'pres__lede', text: f.teamName ? `Thank you, ${f.teamName}. The debrief starts now.` : 'Thank you. The debrief starts now.' }),
    ];
  }
  if (f.stage === 'debrief' && f.debrief) {
    const d = f.debrief;
    return [
      h('p', { class: 'pres__eyebrow', text: 'Debrief' }),
      view?.ending ? h('h2', { class: 'pres__headline', text: view.ending.title }) : h('h2', { class: 'pres__headline', text: 'The exercise has ended' }),
      h(
        'dl',
        { class: 'pres__scores' },
        ...(
          [
            ['Communication', d.communication],
            ['Proactivity', d.proactivity],
            ['Business impact', d.businessImpact],
            ['Overall', d.overall],
          ] as const
        ).flatMap(([k, v]) => [h('dt', { text: k }), h('dd', null, h('span', { class: 'pres__score-n', text: String(v) }), h('span', { class: 'pres__bar', attrs: { 'aria-hidden': 'true' } }, h('span', { class: 'pres__bar-fill', attrs: { style: `width:${v}%` } })))]),
      ),
      h('p', { class: 'pres__verdict' }, h('strong', { text: verdictText(d.verdict, 'en').label }), ` ${verdictText(d.verdict, 'en').text}`),
      view?.ending ? h('p', { class: `pres__outcome-badge pres__outcome-badge--${view.ending.outcome}`, text: OUTCOME_LABELS[view.ending.outcome] }) : null,
      view?.ending ? h('p', { class: 'pres__lede', text: view.ending.narrative }) : null,
      d.provisional ? h('p', { class: 'pres__meta', text: 'The exercise ended before the incident did: the figures are those when it stopped.' }) : null,
    ].filter((n) => n !== null) as Node[];
  }
  if (!view) return [];

  if (f.outcome) {
    return [
      h('p', { class: 'pres__eyebrow', text: 'What happened' }),
      h('h2', { class: 'pres__headline', text: f.outcome.label }),
      h('p', { class: 'pres__outcome', text: f.outcome.text }),
    ];
  }
  if (view.ending) {
    return [
      h('p', { class: 'pres__eyebrow', text: 'The incident is over' }),
      h('h2', { class: 'pres__headline', text: view.ending.title }),
      h('p', { class: `pres__outcome-badge pres__outcome-badge--${view.ending.outcome}`, text: OUTCOME_LABELS[view.ending.outcome] }),
      h('p', { class: 'pres__lede', text: view.ending.narrative }),
    ];
  }
  const decision = view.decision;
  if (!decision || !view.beat) return [h('p', { class: 'pres__lede', text: view.beat?.narrative ?? '' })];

  if (f.recorded) {
    const votes = f.recorded.votes ?? {};
    const total = Object.values(votes).reduce((a, b) => a + b, 0);
    return [
      h('p', { class: 'pres__eyebrow', text: view.beat.title }),
      h('p', { class: 'pres__prompt pres__prompt--small', text: decision.prompt }),
      h('p', { class: 'pres__chosen-label', text: BY_LABELS[f.recorded.by] }),
      h('h2', { class: 'pres__headline pres__chosen', text: f.recorded.label }),
      total > 0
        ? h(
            'ol',
            { class: 'pres__options pres__options--votes', attrs: { 'aria-label': 'How the room voted' } },
            ...decision.options
              .filter((o) => (votes[o.id] ?? 0) > 0)
              .map((o) => tallyRow(o.key, o.label, votes[o.id] ?? 0, total, o.id === f.recorded!.option)),
          )
        : null,
      h('p', { class: 'pres__wait', text: 'Consequences after the discussion.' }),
    ].filter((n) => n !== null) as Node[];
  }

  // Facilitator-paced: no game-time countdown; the discussion timer (real minutes) is the pressure.
  const paced = f.clock === 'paced';
  const timer = paced
    ? f.discussionEndsAt
      ? ''
      : decision.deadline !== null && !decision.timerHeld
        ? `Due by ${gameTime(decision.deadline)}`
        : ''
    : decision.timerHeld
      ? 'Timer stopped'
      : decision.remaining !== null && decision.deadline !== null
        ? `${duration(decision.remaining)} left · decide by ${gameTime(decision.deadline)}`
        : 'No time limit';
  const urgent = !paced && !decision.timerHeld && decision.remaining !== null && decision.remaining <= 5;
  const total = f.votes?.reduce((s, v) => s + v.count, 0) ?? 0;
  return [
    h('p', { class: 'pres__eyebrow', text: view.beat.title }),
    h('p', { class: 'pres__narrative', text: view.beat.narrative }),
    h('h2', { class: 'pres__prompt', text: decision.prompt }),
    f.discussionEndsAt ? h('p', { class: 'pres__timer pres__discussion', attrs: { 'data-ends': f.discussionEndsAt, role: 'timer', 'aria-label': 'Discussion time left' } }) : null,
    timer ? h('p', { class: `pres__timer${urgent ? ' pres__timer--urgent' : ''}`, text: timer }) : null,
    h(
      'ol',
      { class: 'pres__options' },
      ...decision.options.map((o) => {
        const vote = f.votes?.find((v) => v.option === o.id);
        const share = vote && total > 0 ? Math.round((vote.count / total) * 100) : 0;
        return h(
          'li',
          { class: `pres__option${o.available ? '' : ' pres__option--unavailable'}` },
          h('span', { class: 'pres__option-key', attrs: { 'aria-hidden': 'true' }, text: String(o.key) }),
          h(
            'span',
            { class: 'pres__option-body' },
            h('span', { class: 'pres__option-label', text: o.label }),
            o.available ? null : h('span', { class: 'pres__option-why', text: `Not possible: ${unavailableText(o, 'en')}` }),
            f.display.costs && o.available ? h('span', { class: 'pres__option-cost', text: costText(o.cost, o.minutes, view.currency) }) : null,
            vote
              ? h(
                  'span',
                  { class: 'pres__tally' },
                  h('span', { class: 'pres__bar', attrs: { 'aria-hidden': 'true' } }, h('span', { class: 'pres__bar-fill', attrs: { style: `width:${share}%` } })),
                  h('span', { class: 'pres__tally-n', text: `${vote.count} vote${vote.count === 1 ? '' : 's'}` }),
                )
              : null,
          ),
        );
      }),
    ),
  ].filter((n) => n !== null) as Node[];
}

function costText(cost: number, minutes: number, currency: string): string {
  const parts = [cost > 0 ? money(cost, currency) : 'No direct cost', minutes > 0 ? `takes ${duration(minutes)}` : 'immediate'];
  return parts.join(' · ');
}

function tallyRow(key: number, label: string, count: number, total: number, chosen: boolean): HTMLElement {
  const share = total > 0 ? Math.round((count / total) * 100) : 0;
  return h(
    'li',
    { class: `pres__option pres__option--tally${chosen ? ' pres__option--chosen' : ''}` },
    h('span', { class: 'pres__option-key', attrs: { 'aria-hidden': 'true' }, text: String(key) }),
    h(
      'span',
      { class: 'pres__option-body' },
      h('span', { class: 'pres__option-label pres__option-label--small', text: label }),
      h(
        'span',
        { class: 'pres__tally' },
        h('span', { class: 'pres__bar', attrs: { 'aria-hidden': 'true' } }, h('span', { class: 'pres__bar-fill', attrs: { style: `width:${share}%` } })),
        h('span', { class: 'pres__tally-n', text: `${count} vote${count === 1 ? '' : 's'}` }),
      ),
    ),
  );
}

/** The briefing's other half: the company, its systems and the people who will be calling. */
export function companyCard(scenario: Scenario): Node[] {
  const c = scenario.company;
  return [
    h(
      'div',
      { class: 'pres__company' },
      h('p', { class: 'pres__eyebrow', text: `${scenario.industry}${scenario.setting ? ` · ${scenario.setting}` : ''}` }),
      h('h2', { class: 'pres__headline', text: c.name }),
      h('p', { class: 'pres__lede', text: c.description }),
      h('h3', { class: 'pres__subhead', text: 'Systems' }),
      h('ul', { class: 'pres__systems' }, ...c.services.map((s) => h('li', null, h('strong', { text: s.name }), s.description ? h('span', { text: s.description }) : null))),
      h('h3', { class: 'pres__subhead', text: 'Who will be calling' }),
      h('ul', { class: 'pres__people' }, ...scenario.stakeholders.map((p) => h('li', null, h('strong', { text: p.name }), h('span', { text: p.role })))),
    ),
  ];
}

export function spotlight(f: PresenterFrame | null): Node[] {
  if (!f || f.onTheSpot.length === 0) return [];
  return [
    h('h2', { class: 'pres__subhead', text: 'On the spot' }),
    h(
      'ul',
      { class: 'pres__spot-list' },
      ...f.onTheSpot.map((s) => h('li', { class: 'pres__spot-item' }, h('strong', { text: s.label }), s.people.length ? h('span', { text: s.people.join(', ') }) : null)),
    ),
  ];
}

/** Every inject since the last decision, oldest first: the room reads the whole story, not the last line. */
export function injectsCard(f: PresenterFrame | null): Node[] {
  const list = f?.injects ?? [];
  if (list.length === 0) return [];
  return [
    h(
      'ol',
      { class: 'pres__inject-list' },
      ...list.map((i) =>
        h(
          'li',
          { class: 'pres__inject-item' },
          h('p', { class: 'pres__inject-head' }, h('span', { class: `pres__channel pres__channel--${i.channel}`, text: CHANNEL_LABELS[i.channel] ?? i.channel }), ` ${i.from} · ${gameTime(i.t)}`),
          h('p', { class: 'pres__inject-text', text: i.text }),
        ),
      ),
    ),
  ];
}
