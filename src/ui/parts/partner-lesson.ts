import type { DebriefData } from '../../store/debrief.ts';
import { count, duration, durationShort, gameTime, money, signed, TIER_LABELS } from '../../store/format.ts';
import { h } from '../dom.ts';

// The debrief's partner lesson: the player's decisions and the partner's capability judged apart,
// the same decisions with every partner side by side, the better options the partner closed, and
// what the article measures (uptime, productivity, the preparation's return).

const OUTCOME_WORDS = { good: 'good', mixed: 'mixed', bad: 'bad' } as const;

export function judgementPanel(d: DebriefData): HTMLElement {
  const { decisions, partner } = d.judgement;
  return h(
    'section',
    { class: 'panel judgement', attrs: { 'aria-labelledby': 'judgement-heading' } },
    h('h2', { id: 'judgement-heading', class: 'panel__title', text: 'Your decisions, your partner’s capability' }),
    h(
      'div',
      { class: 'judgement__grid' },
      h(
        'article',
        { class: 'judgement__card', data: { judged: 'decisions' } },
        h('p', { class: 'eyebrow', text: 'Your decisions (leadership)' }),
        h('h3', { class: 'judgement__label', text: decisions.label }),
        h('p', { text: decisions.text }),
      ),
      h(
        'article',
        { class: 'judgement__card', data: { judged: 'partner' } },
        h('p', { class: 'eyebrow', text: `Your partner’s capability (${d.partner.name})` }),
        h('h3', { class: 'judgement__label', text: partner.label }),
        h('p', { text: partner.text }),
      ),
    ),
    partner.lesson ? h('p', { class: 'lesson', data: { lesson: '' }, text: partner.lesson }) : null,
  );
}

export function comparisonPanel(d: DebriefData): HTMLElement {
  const { partners } = d.lessons.comparison;
  const row = (p: (typeof partners)[number]): HTMLElement =>
    h(
      'tr',
      { class: p.own ? 'compare__own' : '', data: { partner: p.partner.id } },
      h('th', { attrs: { scope: 'row' } }, h('strong', { text: p.partner.name }), h('span', { class: 'small muted', text: ` ${TIER_LABELS[p.partner.tier]}${p.own ? ' · yours' : ''}` })),
      h('td', { data: { cell: 'overall' }, text: String(p.scores.overall) }),
      h('td', { text: `${p.scores.communication} / ${p.scores.proactivity} / ${p.scores.businessImpact}` }),
      h('td', { data: { cell: 'revenue' }, text: money(p.revenueLost, d.currency) }),
      h('td', { text: duration(p.downtimeMinutes) }),
      h('td', { text: count(p.customersAffected) }),
      h('td', { text: gameTime(p.endedAt) }),
      h('td', { text: p.ending ? `${p.ending.title} (${OUTCOME_WORDS[p.ending.outcome]})` : 'no ending' }),
      h(
        'td',
        null,
        p.own
          ? 'as played'
          : p.changed.length === 0
            ? 'none'
            : h('ul', { class: 'plain-list' }, ...(d.changes[p.partner.id] ?? []).map((c) => h('li', { text: changeText(c) }))),
      ),
    );
  return h(
    'section',
    { class: 'panel', attrs: { 'aria-labelledby': 'compare-heading' } },
    h('h2', { id: 'compare-heading', class: 'panel__title', text: 'The same decisions with each IT partner' }),
    h('p', { class: 'small muted', text: 'Your own choices replayed from the same seed with every partner. Where a partner could not offer your choice, what happens in play happened: its default applied.' }),
    h(
      'div',
      { class: 'table-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': 'Partner comparison table' } },
      h(
        'table',
        { class: 'compare' },
        h(
          'thead',
          null,
          h('tr', null, ...['Partner', 'Overall', 'Comm. / Proact. / Impact', 'Revenue lost', 'Downtime', 'Customers affected', 'Ended at', 'Ending', 'Decisions that changed'].map((t) => h('th', { attrs: { scope: 'col' }, text: t }))),
        ),
        h('tbody', null, ...partners.map(row)),
      ),
    ),
    d.judgement.partner.lesson ? h('p', { class: 'lesson', text: d.judgement.partner.lesson }) : null,
  );
}

function changeText(c: DebriefData['changes'][string][number]): string {
  return c.played === null
    ? `${c.n}. ${c.beatTitle}: not reached in your run; “${c.applied}” applied`
    : `${c.n}. ${c.beatTitle}: “${c.played}” out of reach; “${c.applied}” applied`;
}

export function closedPanel(d: DebriefData): HTMLElement {
  const { closed } = d.lessons.comparison;
  return h(
    'section',
    { class: 'panel', attrs: { 'aria-labelledby': 'closed-heading' } },
    h('h2', { id: 'closed-heading', class: 'panel__title', text: 'Better options your partner kept out of reach' }),
    closed.length === 0
      ? h('p', { text: `${d.partner.name} did not keep a better option out of your reach.` })
      : h(
          'ol',
          { class: 'closed-list' },
          ...closed.map((c) =>
            h(
              'li',
              { class: 'closed', data: { closed: c.option.id } },
              h('p', { class: 'moment__when' }, `Decision ${c.n} · ${localFirst(d, c.n, c.t)} · ${c.beatTitle}`),
              h('p', null, h('strong', { text: c.option.label }), c.advised ? ' (what a strategic partner advised)' : ''),
              h(
                'p',
                { class: 'small' },
                `Needed: ${c.needs.map((n) => `${capabilityName(n.capability)}${n.partners.length ? ` (offered by ${n.partners.map((id) => partnerName(d, id)).join(', ')})` : ''}`).join('; ')}.`,
                c.unavailable ? ` ${c.unavailable}` : '',
              ),
              c.worth
                ? h(
                    'p',
                    { class: 'small' },
                    `With ${partnerName(d, c.worth.partner)} and this option, the same run: revenue lost ${delta(-c.worth.revenueLess, (x) => money(x, d.currency))}, downtime ${delta(-c.worth.downtimeLess, duration)}, overall score ${signed(c.worth.overallGain)}.`,
                  )
                : null,
            ),
          ),
        ),
  );
}

/** Uptime per service, productivity, the preparation's return and spend, for the chart area. */
export function measuresFacts(d: DebriefData): HTMLElement {
  const { uptime, roi } = d.lessons;
  return h(
    'div',
    { class: 'lesson-measures' },
    h(
      'dl',
      { class: 'facts facts--row' },
      fact('Productivity lost', `${count(uptime.staffHoursLost)} staff-hours`, uptime.employees > 0 ? `${count(uptime.employees)} employees` : 'no staff figure in this scenario'),
      fact('Preparation return', `${money(roi.lossAvoided, d.currency)} loss avoided`, `for ${money(roi.spent, d.currency)} spent; ${signed(roi.overallGain)} overall`),
      fact('Response spend', money(roi.responseSpend, d.currency), `preparation ${money(roi.spent, d.currency)} of a ${money(roi.budget, d.currency)} budget`),
    ),
    h('p', { id: 'uptime-caption', class: 'small muted uptime__caption', text: `Uptime per service over ${duration(uptime.minutes)} (a service is as down as what it depends on)` }),
    h(
      'div',
      { class: 'table-scroll', attrs: { tabindex: '0', role: 'region', 'aria-labelledby': 'uptime-caption' } },
      h(
      'table',
      { class: 'uptime', attrs: { 'aria-labelledby': 'uptime-caption' } },
      h('thead', null, h('tr', null, ...['Service', 'Up', 'Down', 'Degraded'].map((t) => h('th', { attrs: { scope: 'col' }, text: t })))),
      h(
        'tbody',
        null,
        ...uptime.services.map((s) =>
          h(
            'tr',
            { data: { service: s.id } },
            h('th', { attrs: { scope: 'row' }, text: s.name }),
            h('td', null, h('span', { class: 'uptime__bar', attrs: { 'aria-hidden': 'true' } }, h('span', { attrs: { style: `width:${Math.round(s.uptime * 100)}%` } })), ` ${Math.round(s.uptime * 100)}%`),
            h('td', { text: durationShort(s.downMinutes) }),
            h('td', { text: durationShort(s.degradedMinutes) }),
          ),
        ),
      ),
      ),
    ),
  );
}

/** When decision n was made: "Sun 02:43 (T+0:03)" when the scenario names its local time, else "T+0:03". */
function localFirst(d: DebriefData, n: number, t: number): string {
  const e = d.timeline.find((x) => x.n === n);
  if (!e) return gameTime(t);
  return e.local ? `${e.local} (${gameTime(e.t)})` : gameTime(e.t);
}

function fact(label: string, value: string, note: string): HTMLElement {
  return h('div', { class: 'fact' }, h('dt', { text: label }), h('dd', null, value, h('span', { class: 'small muted fact__note', text: ` ${note}` })));
}

function delta(x: number, unit: (v: number) => string): string {
  return x === 0 ? 'unchanged' : `${x < 0 ? '−' : '+'}${unit(Math.abs(x))}`;
}

function partnerName(d: DebriefData, id: string): string {
  return d.lessons.comparison.partners.find((p) => p.partner.id === id)?.partner.name ?? id;
}

/** "legal-liaison" reads as "legal liaison". */
export function capabilityName(id: string): string {
  return id.replace(/-/g, ' ');
}
