import { capabilitiesIn } from '../../engine/capabilities.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import { formats } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/lang.ts';
import { tierLabel } from '../../i18n/vocabulary.ts';
import { count, duration, money } from '../../store/format.ts';
import type { AppContext, ScreenView } from '../context.ts';
import { focusHeading, h } from '../dom.ts';
import { backButton } from '../parts/back-button.ts';
import { prepareRoomWhenIdle } from '../parts/prepare-room.ts';
import { sentimentMeter } from '../parts/sentiment.ts';
import { writtenIn } from '../text-lang.ts';
import { uiText, type UiText } from '../text.ts';

// Who the company is, what its business depends on, and what is at stake.

const percent = (x: number, lang: Lang): string => formats(lang).percent(Math.round(x * 100) / 100);

export function briefingScreen(ctx: AppContext): ScreenView {
  const { store } = ctx;
  const { scenario, view, lang, runLang } = store.getState();
  const t = uiText(lang);
  const w = writtenIn(runLang, lang);
  const heading = h('h1', { attrs: scenario ? w : {}, text: scenario?.title ?? t('briefingEyebrow') });
  if (!scenario || !view) {
    return { el: h('div', { class: 'screen' }, heading, h('p', { text: t('noRun') })), focus: () => focusHeading(heading), destroy: () => {} };
  }
  const c = scenario.company;
  const cur = c.currency ?? 'EUR';
  const partner = scenario.partners.find((p) => p.id === view.partner.id) ?? scenario.partners[0]!;
  const serviceName = new Map(c.services.map((s) => [s.id, s.name]));
  const dependants = new Map<string, string[]>();
  for (const s of c.services) for (const d of s.dependsOn ?? []) dependants.set(d, [...(dependants.get(d) ?? []), s.name]);

  const section = (id: string, title: string, ...children: (Node | null)[]): HTMLElement => sectionIn(id, title, {}, ...children);
  // A section whose title is the scenario's own words (the company's name).
  const sectionIn = (id: string, title: string, attrs: { lang?: string }, ...children: (Node | null)[]): HTMLElement =>
    h('section', { class: 'panel', attrs: { 'aria-labelledby': id } }, h('h2', { id, class: 'panel__title', attrs, text: title }), ...children);

  const company = sectionIn(
    'brief-company',
    c.name,
    w,
    h('p', { class: 'lede', attrs: w, text: c.description }),
    h(
      'dl',
      { class: 'facts' },
      fact(t('industry'), scenario.industry, w),
      c.annualRevenue !== undefined ? fact(t('annualRevenue'), money(c.annualRevenue, cur, lang)) : null,
      fact(t('revenuePerHour'), money(c.revenuePerHour, cur, lang)),
      fact(t('customers'), count(c.customers, lang)),
      c.employees !== undefined ? fact(t('employees'), count(c.employees, lang)) : null,
    ),
  );

  const services = section(
    'brief-services',
    t('whatBusinessRunsOn'),
    h(
      'ul',
      { class: 'service-list' },
      ...c.services.map((s) =>
        h(
          'li',
          { class: 'service-item' },
          h('div', { class: 'service-item__head' }, h('strong', { attrs: w, text: s.name }), s.status && s.status !== 'up' ? h('span', { class: `status status--${s.status}`, text: s.status === 'down' ? t('statusDown') : t('statusDegraded') }) : null),
          s.description ? h('p', { class: 'small', attrs: w, text: s.description }) : null,
          h(
            'p',
            { class: 'small muted' },
            s.revenueShare === 0 && s.customerShare === 0
              ? dependants.has(s.id)
                ? t('earnsNothing', { services: formats(lang).list(dependants.get(s.id)!) })
                : t('supportsIndirectly')
              : t('carries', { revenue: percent(s.revenueShare, lang), customers: percent(s.customerShare, lang) }),
            s.dependsOn?.length ? t('needs', { services: s.dependsOn.map((d) => serviceName.get(d) ?? d).join(', ') }) : '',
          ),
        ),
      ),
    ),
  );

  const stakes = section(
    'brief-stakes',
    t('whatIsAtStake'),
    h(
      'dl',
      { class: 'facts' },
      fact(t('revenueAtRisk'), money(scenario.stakes.revenueAtRisk, cur, lang)),
      fact(t('downtimeTolerance'), duration(scenario.stakes.downtimeToleranceMinutes, lang)),
    ),
    scenario.regulators?.length
      ? h(
          'ul',
          { class: 'plain-list' },
          ...scenario.regulators.map((r) =>
            h('li', null, h('strong', { attrs: w, text: r.name }), t('mustBeTold', { duration: duration(r.deadlineMinutes, lang) }), r.description ? h('span', { attrs: w, text: ` ${r.description}` }) : ''),
          ),
        )
      : null,
  );

  const people = section(
    'brief-people',
    t('peopleInRoom'),
    h(
      'ul',
      { class: 'people' },
      ...scenario.stakeholders.map((p) =>
        h(
          'li',
          { class: 'person' },
          h('span', { class: 'avatar', attrs: { 'aria-hidden': 'true' }, text: initials(p.name) }),
          h('div', null, h('strong', { text: p.name }), h('span', { class: 'muted small', attrs: w, text: ` · ${p.role}` }), p.cares ? h('p', { class: 'small', text: t('caresAbout', { cares: p.cares }) }) : null, sentimentMeter(p.name, p.sentiment, undefined, lang)),
        ),
      ),
    ),
  );

  const partnerPanel = section(
    'brief-partner',
    t('yourPartner'),
    h('p', null, h('strong', { attrs: w, text: partner.name }), ' ', h('span', { class: `tier tier--${partner.tier}`, text: tierLabel(partner.tier, lang) })),
    h('p', { attrs: w, text: partner.description }),
    partnerSplit(scenario, partner, t),
    h('p', {
      class: 'small muted',
      text: t('worksAt', {
        speed: partner.timeFactor === 1 ? t('usualSpeed') : t('timesUsualTime', { factor: partner.timeFactor }),
        rates: partner.costFactor === 1 ? t('standardRates') : t('timesStandardRates', { factor: partner.costFactor }),
      }),
    }),
  );

  const objectives = section('brief-objectives', t('whatItTests'), h('ul', { class: 'plain-list' }, ...scenario.objectives.map((o) => h('li', { attrs: w, text: o.text }))));

  const next = h('button', { class: 'btn btn--primary btn--large', attrs: { type: 'button' }, text: t('goToPreparation'), on: { click: () => store.getState().showPreparation() } });
  const back = backButton(t('backToScenarios'), t('backToScenariosName'), () => store.getState().showPicker());

  const el = h(
    'div',
    { class: 'screen briefing-screen' },
    h(
      'div',
      { class: 'screen__head' },
      back,
      h('p', { class: 'eyebrow', text: scenario.setting ? t('briefingEyebrowSetting', { setting: scenario.setting }) : t('briefingEyebrow') }),
      heading,
      h('p', { class: 'lede', attrs: w, text: scenario.summary }),
    ),
    h('div', { class: 'brief-grid' }, company, stakes, services, people, partnerPanel, objectives),
    h('div', { class: 'actions actions--end actions--sticky' }, h('p', { class: 'small muted', text: t('nextPreparation') }), next),
  );
  return { el, focus: () => focusHeading(heading), destroy: prepareRoomWhenIdle(ctx) };
}

/** Who decides what: leadership calls are the player's; some options need a partner capability. */
function partnerSplit(scenario: Scenario, partner: Scenario['partners'][number], t: UiText): HTMLElement {
  const needed = [...new Set(scenario.beats.flatMap((b) => (b.decision?.options ?? []).flatMap((o) => (o.requires ? capabilitiesIn(o.requires) : []))))];
  const has = needed.filter((c) => partner.capabilities.includes(c));
  const lacks = needed.filter((c) => !partner.capabilities.includes(c));
  const name = (c: string): string => c.replace(/-/g, ' ');
  const others = (c: string): string => scenario.partners.filter((p) => p.capabilities.includes(c)).map((p) => p.name).join(', ');
  return h(
    'div',
    { class: 'partner-split' },
    h('p', null, t('youLead', { partner: partner.name })),
    needed.length
      ? h(
          'ul',
          { class: 'plain-list small' },
          has.length ? h('li', null, h('strong', { text: t('itCan') }), has.map(name).join(', ')) : null,
          ...lacks.map((c) => h('li', null, h('strong', { text: t('itCannot') }), `${name(c)}${others(c) ? t('othersCan', { partners: others(c) }) : ''}`)),
        )
      : null,
  );
}

function fact(label: string, value: string, attrs: { lang?: string } = {}): HTMLElement {
  return h('div', { class: 'fact' }, h('dt', { text: label }), h('dd', { attrs, text: value }));
}

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}
