import { capabilitiesIn } from '../../engine/capabilities.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import { count, duration, money, TIER_LABELS } from '../../store/format.ts';
import type { AppContext, ScreenView } from '../context.ts';
import { focusHeading, h } from '../dom.ts';
import { prepareRoomWhenIdle } from '../parts/prepare-room.ts';
import { sentimentMeter } from '../parts/sentiment.ts';

// Who the company is, what its business depends on, and what is at stake.

const percent = (x: number): string => `${Math.round(x * 100)}%`;

export function briefingScreen(ctx: AppContext): ScreenView {
  const { store } = ctx;
  const { scenario, view } = store.getState();
  const heading = h('h1', { text: scenario?.title ?? 'Briefing' });
  if (!scenario || !view) {
    return { el: h('div', { class: 'screen' }, heading, h('p', { text: 'No run is set up. Go back and choose a scenario.' })), focus: () => focusHeading(heading), destroy: () => {} };
  }
  const c = scenario.company;
  const cur = c.currency ?? 'EUR';
  const partner = scenario.partners.find((p) => p.id === view.partner.id) ?? scenario.partners[0]!;
  const serviceName = new Map(c.services.map((s) => [s.id, s.name]));
  const dependants = new Map<string, string[]>();
  for (const s of c.services) for (const d of s.dependsOn ?? []) dependants.set(d, [...(dependants.get(d) ?? []), s.name]);

  const section = (id: string, title: string, ...children: (Node | null)[]): HTMLElement =>
    h('section', { class: 'panel', attrs: { 'aria-labelledby': id } }, h('h2', { id, class: 'panel__title', text: title }), ...children);

  const company = section(
    'brief-company',
    c.name,
    h('p', { class: 'lede', text: c.description }),
    h(
      'dl',
      { class: 'facts' },
      fact('Industry', scenario.industry),
      c.annualRevenue !== undefined ? fact('Annual revenue', money(c.annualRevenue, cur)) : null,
      fact('Revenue per hour', money(c.revenuePerHour, cur)),
      fact('Customers', count(c.customers)),
      c.employees !== undefined ? fact('Employees', count(c.employees)) : null,
    ),
  );

  const services = section(
    'brief-services',
    'What the business runs on',
    h(
      'ul',
      { class: 'service-list' },
      ...c.services.map((s) =>
        h(
          'li',
          { class: 'service-item' },
          h('div', { class: 'service-item__head' }, h('strong', { text: s.name }), s.status && s.status !== 'up' ? h('span', { class: `status status--${s.status}`, text: s.status }) : null),
          s.description ? h('p', { class: 'small', text: s.description }) : null,
          h(
            'p',
            { class: 'small muted' },
            s.revenueShare === 0 && s.customerShare === 0
              ? dependants.has(s.id)
                ? `Earns nothing itself, but ${dependants.get(s.id)!.join(', ')} cannot run without it`
                : 'Supports the business indirectly'
              : `Carries ${percent(s.revenueShare)} of revenue and ${percent(s.customerShare)} of customers`,
            s.dependsOn?.length ? ` · needs ${s.dependsOn.map((d) => serviceName.get(d) ?? d).join(', ')}` : '',
          ),
        ),
      ),
    ),
  );

  const stakes = section(
    'brief-stakes',
    'What is at stake',
    h(
      'dl',
      { class: 'facts' },
      fact('Revenue at risk', money(scenario.stakes.revenueAtRisk, cur)),
      fact('Downtime the business can absorb', duration(scenario.stakes.downtimeToleranceMinutes)),
    ),
    scenario.regulators?.length
      ? h(
          'ul',
          { class: 'plain-list' },
          ...scenario.regulators.map((r) =>
            h('li', null, h('strong', { text: r.name }), `: must be told within ${duration(r.deadlineMinutes)} once it applies.`, r.description ? ` ${r.description}` : ''),
          ),
        )
      : null,
  );

  const people = section(
    'brief-people',
    'People in the room',
    h(
      'ul',
      { class: 'people' },
      ...scenario.stakeholders.map((p) =>
        h(
          'li',
          { class: 'person' },
          h('span', { class: 'avatar', attrs: { 'aria-hidden': 'true' }, text: initials(p.name) }),
          h('div', null, h('strong', { text: p.name }), h('span', { class: 'muted small', text: ` · ${p.role}` }), p.cares ? h('p', { class: 'small', text: `Cares about: ${p.cares}` }) : null, sentimentMeter(p.name, p.sentiment)),
        ),
      ),
    ),
  );

  const partnerPanel = section(
    'brief-partner',
    'Your IT partner',
    h('p', null, h('strong', { text: partner.name }), ' ', h('span', { class: `tier tier--${partner.tier}`, text: TIER_LABELS[partner.tier] })),
    h('p', { text: partner.description }),
    partnerSplit(scenario, partner),
    h(
      'p',
      { class: 'small muted', text: `Works at ${partner.timeFactor === 1 ? 'the usual speed' : `${partner.timeFactor}× the usual time`} and ${partner.costFactor === 1 ? 'standard rates' : `${partner.costFactor}× standard rates`}.` },
    ),
  );

  const objectives = section('brief-objectives', 'What this scenario tests', h('ul', { class: 'plain-list' }, ...scenario.objectives.map((o) => h('li', { text: o.text }))));

  const next = h('button', { class: 'btn btn--primary btn--large', attrs: { type: 'button' }, text: 'Go to preparation', on: { click: () => store.getState().showPreparation() } });
  const back = h('button', { class: 'btn btn--ghost', attrs: { type: 'button' }, text: '← Scenarios', on: { click: () => store.getState().showPicker() } });

  const el = h(
    'div',
    { class: 'screen briefing-screen' },
    h(
      'div',
      { class: 'screen__head' },
      back,
      h('p', { class: 'eyebrow', text: scenario.setting ? `Briefing · ${scenario.setting}` : 'Briefing' }),
      heading,
      h('p', { class: 'lede', text: scenario.summary }),
    ),
    h('div', { class: 'brief-grid' }, company, stakes, services, people, partnerPanel, objectives),
    h('div', { class: 'actions actions--end actions--sticky' }, h('p', { class: 'small muted', text: 'Next: spend your preparation budget, then the incident starts.' }), next),
  );
  return { el, focus: () => focusHeading(heading), destroy: prepareRoomWhenIdle(ctx) };
}

/** Who decides what: leadership calls are the player's; some options need a partner capability. */
function partnerSplit(scenario: Scenario, partner: Scenario['partners'][number]): HTMLElement {
  const needed = [...new Set(scenario.beats.flatMap((b) => (b.decision?.options ?? []).flatMap((o) => (o.requires ? capabilitiesIn(o.requires) : []))))];
  const has = needed.filter((c) => partner.capabilities.includes(c));
  const lacks = needed.filter((c) => !partner.capabilities.includes(c));
  const name = (c: string): string => c.replace(/-/g, ' ');
  const others = (c: string): string => scenario.partners.filter((p) => p.capabilities.includes(c)).map((p) => p.name).join(', ');
  return h(
    'div',
    { class: 'partner-split' },
    h('p', null, `You lead the response: who to tell, what to risk, what to pay for are your decisions. ${partner.name} does the technical work, so some options depend on what it can do; they say so, and an option out of its reach names the capability it needs.`),
    needed.length
      ? h(
          'ul',
          { class: 'plain-list small' },
          has.length ? h('li', null, h('strong', { text: 'It can: ' }), has.map(name).join(', ')) : null,
          ...lacks.map((c) => h('li', null, h('strong', { text: 'It cannot: ' }), `${name(c)}${others(c) ? ` (${others(c)} can)` : ''}`)),
        )
      : null,
  );
}

function fact(label: string, value: string): HTMLElement {
  return h('div', { class: 'fact' }, h('dt', { text: label }), h('dd', { text: value }));
}

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}
