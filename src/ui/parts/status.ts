import type { GameView } from '../../engine/view.ts';
import { count, duration, durationShort, money } from '../../store/format.ts';
import type { ServiceStatusName } from '../../scenarios/schema.ts';
import { h, replace } from '../dom.ts';
import { icon, type IconName } from './icons.ts';
import { sentimentMeter } from './sentiment.ts';
import type { Lang } from '../../i18n/lang.ts';
import { uiText } from '../text.ts';
import { writtenIn } from '../text-lang.ts';

// Readouts of the incident in text: the canvas draws the same things, but what a player must
// read lives here, so it works with a screen reader and without the war room scene.

export const STATUS_TEXT = {
  up: { icon: 'check', label: 'statusUp' },
  degraded: { icon: 'warning-dot', label: 'statusDegraded' },
  down: { icon: 'cross', label: 'statusDown' },
} as const satisfies Record<ServiceStatusName, { icon: IconName; label: string }>;

export function createMetricsStrip(lang: Lang): { el: HTMLElement; update(view: GameView, totalCustomers: number): void } {
  const t = uiText(lang);
  const tile = (label: string): { el: HTMLElement; value: HTMLElement; sub: HTMLElement } => {
    const value = h('span', { class: 'metric__value' });
    const sub = h('span', { class: 'metric__sub' });
    return { el: h('div', { class: 'metric' }, h('dt', { class: 'metric__label', text: label }), h('dd', { class: 'metric__data' }, value, ' ', sub)), value, sub };
  };
  const revenue = tile(t('revenueLost'));
  const customers = tile(t('customersHit'));
  const downtime = tile(t('downtime'));
  const compliance = tile(t('compliance'));
  const regulators = h('div', { class: 'metric metric--regulators' });
  const el = h('dl', { class: 'metrics', attrs: { 'aria-label': t('incidentFigures') } }, revenue.el, customers.el, downtime.el, compliance.el, regulators);

  return {
    el,
    update(view, totalCustomers) {
      const m = view.metrics;
      revenue.value.textContent = money(m.revenueLost, view.currency, lang);
      revenue.sub.textContent = t('spent', { amount: money(m.spend, view.currency, lang) });
      customers.value.textContent = count(m.customersAffected, lang);
      customers.sub.textContent = t('ofTotal', { total: count(totalCustomers, lang) });
      downtime.value.textContent = durationShort(m.downtimeMinutes, lang);
      downtime.sub.textContent = t('totalOutage');
      compliance.value.textContent = `${Math.round(m.complianceExposure)}`;
      compliance.sub.textContent = t('exposureOf100');
      for (const [t, v] of [[revenue, m.revenueLost], [customers, m.customersAffected], [downtime, m.downtimeMinutes], [compliance, m.complianceExposure]] as const) {
        t.el.classList.toggle('metric--hot', v > 0);
      }
      const active = view.regulators.filter((r) => r.deadline !== null);
      regulators.hidden = active.length === 0;
      replace(
        regulators,
        h('dt', { class: 'metric__label', text: t('notifyRegulator') }),
        ...active.map((r) =>
          h(
            'dd',
            // Notified after the deadline is a miss, never a green tick.
            { class: `reg reg--${r.notified && !r.missed ? 'done' : r.missed ? 'missed' : 'open'}` },
            icon(r.notified && !r.missed ? 'check' : r.missed ? 'cross' : 'timer', 'ico ico--inline'),
            r.notified
              ? t(r.missed ? 'regNotifiedLate' : 'regNotified', { name: r.name })
              : r.missed
                ? t('regMissed', { name: r.name })
                : t('regLeft', { name: r.name, duration: duration(r.remaining ?? 0, lang) }),
          ),
        ),
      );
    },
  };
}

/** `textLang`: the language the scenario's names are in (see text-lang.ts). */
export function createSystemsPanel(lang: Lang, textLang: Lang = lang): { el: HTMLElement; update(view: GameView): void } {
  const t = uiText(lang);
  const services = h('ul', { class: 'systems__list' });
  const people = h('ul', { class: 'systems__people' });
  const el = h(
    'section',
    // Focusable because it scrolls: keyboard users must be able to reach what is below the fold.
    { class: 'panel systems', attrs: { 'aria-labelledby': 'systems-heading', tabindex: '0' } },
    h('h2', { id: 'systems-heading', class: 'panel__title', text: t('systemsAndPeople') }),
    services,
    people,
  );
  let lastKey = '';
  return {
    el,
    update(view) {
      // Rebuild only when something shown here changed, not on every clock tick.
      const key = JSON.stringify([view.services.map((s) => s.effective + s.status), view.stakeholders.map((s) => Math.round(s.sentiment))]);
      if (key === lastKey) return;
      lastKey = key;
      const names = new Map(view.services.map((s) => [s.id, s.name]));
      replace(
        services,
        ...view.services.map((s) => {
          const st = STATUS_TEXT[s.effective];
          const blockers = s.dependsOn.filter((d) => view.services.find((x) => x.id === d)?.effective !== 'up').map((d) => names.get(d) ?? d);
          const via =
            s.effective !== s.status && blockers.length > 0
              ? t(s.effective === 'down' ? 'becauseDown' : 'becauseStruggling', { count: blockers.length, services: blockers.join(', ') })
              : '';
          return h(
            'li',
            { class: `svc svc--${s.effective}` },
            icon(st.icon, 'ico svc__icon'),
            h('span', { class: 'svc__name', attrs: writtenIn(textLang, lang), text: s.name }),
            h('span', { class: 'svc__status', text: t(st.label) }),
            via ? h('span', { class: 'svc__via', text: via }) : null,
          );
        }),
      );
      replace(people, ...view.stakeholders.map((p) => h('li', { class: 'who' }, h('span', { class: 'who__name' }, h('strong', { text: p.name }), h('span', { class: 'muted', attrs: writtenIn(textLang, lang), text: ` · ${p.role}` })), sentimentMeter(p.name, p.sentiment, p.start, lang))));
    },
  };
}
