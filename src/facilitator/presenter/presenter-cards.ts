import type { Scenario } from '../../scenarios/schema.ts';
import { unavailableText, verdictText } from '../../i18n/engine-text.ts';
import { duration, gameTime, money } from '../../store/format.ts';
import { h } from '../../ui/dom.ts';
import type { PresenterFrame } from '../frame.ts';
import { dimensionLabel } from '../../i18n/vocabulary.ts';
import { presenterLang, t } from './i18n.ts';
import type { Lang } from '../../i18n/lang.ts';
import { writtenIn } from '../../ui/text-lang.ts';
import { channelLabel } from '../../i18n/channels.ts';

// The projector's side column, one card per moment of the exercise. Large type, few words, and
// only what the frame carries (which holds nothing facilitator-only).

/** Attributes for the scenario's own text: its language when that is not the page's (see ui/text-lang.ts). */
const written = (scenarioLang: Lang | undefined): { lang?: Lang } => writtenIn(scenarioLang ?? presenterLang(), presenterLang());

const cash = (amount: number, currency: string): string => money(amount, currency, presenterLang());

export function stageCard(f: PresenterFrame | null, scenario: Scenario | null): Node[] {
  const w = written(f?.scenarioLang);
  if (!f || f.stage === 'setup') {
    return [
      h('p', { class: 'pres__eyebrow', text: t('gettingReady') }),
      h('h2', { class: 'pres__headline', text: f?.teamName ? t('welcome', { team: f.teamName }) : t('startsSoon') }),
      h('p', { class: 'pres__lede', text: t('lede') }),
      f && f.participants.length
        ? h('ul', { class: 'pres__roster-list', attrs: { 'aria-label': t('whoPlays') } }, ...f.participants.map((p) => h('li', null, h('strong', { text: p.roleLabel }), p.name)))
        : null,
    ].filter((n) => n !== null) as Node[];
  }
  const view = f.view;
  if (f.stage === 'briefing' && view && scenario) {
    const left = view.preparation.budgetLeft - view.preparation.measures.filter((m) => f.prep.includes(m.id)).reduce((s, m) => s + m.cost, 0);
    return [
      h('p', { class: 'pres__eyebrow', text: t('briefingOf', { company: scenario.company.name }) }),
      h('h2', { class: 'pres__headline', attrs: w, text: scenario.title }),
      h('p', { class: 'pres__lede', attrs: w, text: scenario.summary }),
      h('p', { class: 'pres__meta', text: t('stakes', { amount: cash(scenario.stakes.revenueAtRisk, view.currency), duration: duration(scenario.stakes.downtimeToleranceMinutes) }) }),
      h('h3', { class: 'pres__subhead', text: t('preparationLeft', { left: cash(left, view.currency), budget: cash(view.preparation.budget, view.currency) }) }),
      h(
        'ul',
        { class: 'pres__measures' },
        ...view.preparation.measures.map((m) => {
          const bought = f.prep.includes(m.id);
          return h(
            'li',
            { class: `pres__measure${bought ? ' pres__measure--bought' : ''}` },
            h('span', { class: 'pres__measure-mark', attrs: { 'aria-hidden': 'true' }, text: bought ? '✓' : '' }),
            h('span', { class: 'pres__measure-name', attrs: w, text: m.name }),
            h('span', { class: 'pres__measure-cost', text: `${cash(m.cost, view.currency)}${bought ? t('bought') : ''}` }),
            h('span', { class: 'pres__measure-desc', attrs: w, text: m.description }),
          );
        }),
      ),
    ];
  }
  if (f.stage === 'debrief' && !f.debrief) {
    // Scores and the verdict stay with the facilitator unless they choose to show them.
    return [
      h('p', { class: 'pres__eyebrow', text: t('debrief') }),
      h('h2', { class: 'pres__headline', text: t('complete') }),
      h('p', { class: 'pres__lede', text: f.teamName ? t('thanksTeam', { team: f.teamName }) : t('thanks') }),
    ];
  }
  if (f.stage === 'debrief' && f.debrief) {
    const d = f.debrief;
    return [
      h('p', { class: 'pres__eyebrow', text: t('debrief') }),
      view?.ending ? h('h2', { class: 'pres__headline', attrs: w, text: view.ending.title }) : h('h2', { class: 'pres__headline', text: t('hasEnded') }),
      h(
        'dl',
        { class: 'pres__scores' },
        ...(
          [
            [dimensionLabel('communication', presenterLang()), d.communication],
            [dimensionLabel('proactivity', presenterLang()), d.proactivity],
            [dimensionLabel('businessImpact', presenterLang()), d.businessImpact],
            [t('overall'), d.overall],
          ] as const
        ).flatMap(([k, v]) => [h('dt', { text: k }), h('dd', null, h('span', { class: 'pres__score-n', text: String(v) }), h('span', { class: 'pres__bar', attrs: { 'aria-hidden': 'true' } }, h('span', { class: 'pres__bar-fill', attrs: { style: `width:${v}%` } })))]),
      ),
      h('p', { class: 'pres__verdict' }, h('strong', { text: verdictText(d.verdict, presenterLang()).label }), ` ${verdictText(d.verdict, presenterLang()).text}`),
      view?.ending ? h('p', { class: `pres__outcome-badge pres__outcome-badge--${view.ending.outcome}`, text: t(`outcome.${view.ending.outcome}`) }) : null,
      view?.ending ? h('p', { class: 'pres__lede', attrs: w, text: view.ending.narrative }) : null,
      d.provisional ? h('p', { class: 'pres__meta', text: t('provisional') }) : null,
    ].filter((n) => n !== null) as Node[];
  }
  if (!view) return [];

  if (f.outcome) {
    return [
      h('p', { class: 'pres__eyebrow', text: t('whatHappened') }),
      h('h2', { class: 'pres__headline', attrs: w, text: f.outcome.label }),
      h('p', { class: 'pres__outcome', attrs: w, text: f.outcome.text }),
    ];
  }
  if (view.ending) {
    return [
      h('p', { class: 'pres__eyebrow', text: t('incidentOver') }),
      h('h2', { class: 'pres__headline', attrs: w, text: view.ending.title }),
      h('p', { class: `pres__outcome-badge pres__outcome-badge--${view.ending.outcome}`, text: t(`outcome.${view.ending.outcome}`) }),
      h('p', { class: 'pres__lede', attrs: w, text: view.ending.narrative }),
    ];
  }
  const decision = view.decision;
  if (!decision || !view.beat) return [h('p', { class: 'pres__lede', attrs: w, text: view.beat?.narrative ?? '' })];

  if (f.recorded) {
    const votes = f.recorded.votes ?? {};
    const total = Object.values(votes).reduce((a, b) => a + b, 0);
    return [
      h('p', { class: 'pres__eyebrow', attrs: w, text: view.beat.title }),
      h('p', { class: 'pres__prompt pres__prompt--small', attrs: w, text: decision.prompt }),
      h('p', { class: 'pres__chosen-label', text: t(`by.${f.recorded.by}`) }),
      h('h2', { class: 'pres__headline pres__chosen', attrs: w, text: f.recorded.label }),
      total > 0
        ? h(
            'ol',
            { class: 'pres__options pres__options--votes', attrs: { 'aria-label': t('howVoted') } },
            ...decision.options
              .filter((o) => (votes[o.id] ?? 0) > 0)
              .map((o) => tallyRow(o.key, o.label, votes[o.id] ?? 0, total, o.id === f.recorded!.option, w)),
          )
        : null,
      h('p', { class: 'pres__wait', text: t('afterDiscussion') }),
    ].filter((n) => n !== null) as Node[];
  }

  // Facilitator-paced: no game-time countdown; the discussion timer (real minutes) is the pressure.
  const paced = f.clock === 'paced';
  const timer = paced
    ? f.discussionEndsAt
      ? ''
      : decision.deadline !== null && !decision.timerHeld
        ? t('dueBy', { time: gameTime(decision.deadline) })
        : ''
    : decision.timerHeld
      ? t('timerStopped')
      : decision.remaining !== null && decision.deadline !== null
        ? t('leftDecideBy', { left: duration(decision.remaining), time: gameTime(decision.deadline) })
        : t('noTimeLimit');
  const urgent = !paced && !decision.timerHeld && decision.remaining !== null && decision.remaining <= 5;
  const total = f.votes?.reduce((s, v) => s + v.count, 0) ?? 0;
  return [
    h('p', { class: 'pres__eyebrow', attrs: w, text: view.beat.title }),
    h('p', { class: 'pres__narrative', attrs: w, text: view.beat.narrative }),
    h('h2', { class: 'pres__prompt', attrs: w, text: decision.prompt }),
    f.discussionEndsAt ? h('p', { class: 'pres__timer pres__discussion', attrs: { 'data-ends': f.discussionEndsAt, role: 'timer', 'aria-label': t('discussionLeftLabel') } }) : null,
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
            h('span', { class: 'pres__option-label', attrs: w, text: o.label }),
            o.available ? null : h('span', { class: 'pres__option-why', text: t('notPossible', { why: unavailableText(o, presenterLang()) }) }),
            f.display.costs && o.available ? h('span', { class: 'pres__option-cost', text: costText(o.cost, o.minutes, view.currency) }) : null,
            vote
              ? h(
                  'span',
                  { class: 'pres__tally' },
                  h('span', { class: 'pres__bar', attrs: { 'aria-hidden': 'true' } }, h('span', { class: 'pres__bar-fill', attrs: { style: `width:${share}%` } })),
                  h('span', { class: 'pres__tally-n', text: t('votes', { count: vote.count }) }),
                )
              : null,
          ),
        );
      }),
    ),
  ].filter((n) => n !== null) as Node[];
}

function costText(cost: number, minutes: number, currency: string): string {
  const parts = [cost > 0 ? cash(cost, currency) : t('noDirectCost'), minutes > 0 ? t('takes', { duration: duration(minutes) }) : t('immediate')];
  return parts.join(' · ');
}

function tallyRow(key: number, label: string, count: number, total: number, chosen: boolean, w: { lang?: Lang }): HTMLElement {
  const share = total > 0 ? Math.round((count / total) * 100) : 0;
  return h(
    'li',
    { class: `pres__option pres__option--tally${chosen ? ' pres__option--chosen' : ''}` },
    h('span', { class: 'pres__option-key', attrs: { 'aria-hidden': 'true' }, text: String(key) }),
    h(
      'span',
      { class: 'pres__option-body' },
      h('span', { class: 'pres__option-label pres__option-label--small', attrs: w, text: label }),
      h(
        'span',
        { class: 'pres__tally' },
        h('span', { class: 'pres__bar', attrs: { 'aria-hidden': 'true' } }, h('span', { class: 'pres__bar-fill', attrs: { style: `width:${share}%` } })),
        h('span', { class: 'pres__tally-n', text: t('votes', { count }) }),
      ),
    ),
  );
}

/** The briefing's other half: the company, its systems and the people who will be calling. */
export function companyCard(scenario: Scenario, scenarioLang?: Lang): Node[] {
  const w = written(scenarioLang);
  const c = scenario.company;
  return [
    h(
      'div',
      { class: 'pres__company' },
      h('p', { class: 'pres__eyebrow', text: `${scenario.industry}${scenario.setting ? ` · ${scenario.setting}` : ''}` }),
      h('h2', { class: 'pres__headline', attrs: w, text: c.name }),
      h('p', { class: 'pres__lede', attrs: w, text: c.description }),
      h('h3', { class: 'pres__subhead', text: t('systems') }),
      h('ul', { class: 'pres__systems' }, ...c.services.map((s) => h('li', null, h('strong', { attrs: w, text: s.name }), s.description ? h('span', { attrs: w, text: s.description }) : null))),
      h('h3', { class: 'pres__subhead', text: t('whoCalls') }),
      h('ul', { class: 'pres__people' }, ...scenario.stakeholders.map((p) => h('li', null, h('strong', { text: p.name }), h('span', { attrs: w, text: p.role })))),
    ),
  ];
}

export function spotlight(f: PresenterFrame | null): Node[] {
  if (!f || f.onTheSpot.length === 0) return [];
  return [
    h('h2', { class: 'pres__subhead', text: t('onTheSpot') }),
    h(
      'ul',
      { class: 'pres__spot-list' },
      ...f.onTheSpot.map((s) => h('li', { class: 'pres__spot-item' }, h('strong', { text: s.label }), s.people.length ? h('span', { text: s.people.join(', ') }) : null)),
    ),
  ];
}

/** Every inject since the last decision, oldest first: the room reads the whole story, not the last line. */
export function injectsCard(f: PresenterFrame | null): Node[] {
  const w = written(f?.scenarioLang);
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
          h('p', { class: 'pres__inject-head' }, h('span', { class: `pres__channel pres__channel--${i.channel}`, text: channelLabel(i.channel, presenterLang()) }), ` ${i.from} · ${gameTime(i.t)}`),
          h('p', { class: 'pres__inject-text', attrs: w, text: i.text }),
        ),
      ),
    ),
  ];
}
