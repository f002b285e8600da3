import { CURRENCIES, MAX_TAILORED_NAME, tailorablePeople, type Currency } from '../../scenarios/tailoring.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import { h, replace } from '../../ui/dom.ts';
import type { ConsoleState, ConsoleStore } from './console-store.ts';
import { field, keyed, panel, select, setValue } from './parts.ts';
import { t } from './i18n.ts';

// Tailoring for the client without touching YAML: the company's name, sector and currency and
// the names of the scenario's people. Each field shows the scenario's own value as its
// placeholder; leaving it empty keeps that value. Saved as typed, shown everywhere at once.

export function tailoringView(store: ConsoleStore, base: (state: ConsoleState) => Scenario | null): { el: HTMLElement; update(state: ConsoleState): void } {
  const act = (f: Parameters<ConsoleState['act']>[0]): string | null => store.getState().act(f);
  const text = (): HTMLInputElement => h('input', { class: 'input', attrs: { type: 'text', maxlength: MAX_TAILORED_NAME } });

  const company = text();
  company.addEventListener('input', () => act((x) => x.setTailoring({ company: company.value })));
  const sector = text();
  sector.addEventListener('input', () => act((x) => x.setTailoring({ sector: sector.value })));
  const currency = select([], '', (v) => act((x) => x.setTailoring({ currency: v as Currency | '' })));

  const people = h('ul', { class: 'fac-tailor__people' });
  const personInputs = new Map<string, HTMLInputElement>();
  const renderPeople = keyed((scenario: Scenario | null) => {
    personInputs.clear();
    if (!scenario) return replace(people);
    replace(
      people,
      ...tailorablePeople(scenario).map((p) => {
        const input = text();
        input.placeholder = p.name;
        input.addEventListener('input', () => act((x) => x.setTailoring({ people: { [p.id]: input.value } })));
        personInputs.set(p.id, input);
        return h('li', null, field(t('personField', { name: p.name, role: p.role }), input));
      }),
    );
  });

  const el = panel(
    t('tailorTitle'),
    'fac-setup__tailor',
    h('p', { class: 'muted small', text: t('tailorIntro') }),
    h('div', { class: 'fac-tailor__company' }, field(t('companyName'), company), field(t('sector'), sector), field(t('currency'), currency)),
    h('h3', { class: 'fac-subtitle', text: t('scenarioPeople') }),
    people,
  );

  return {
    el,
    update(state) {
      const scenario = base(state);
      const tailoring = state.session.tailoring;
      company.placeholder = scenario?.company.name ?? '';
      sector.placeholder = scenario?.industry ?? '';
      setValue(company, tailoring.company);
      setValue(sector, tailoring.sector);
      const own = scenario?.company.currency ?? 'EUR';
      // The currencies' names in the console's language (the view is built again when it changes).
      const options = [{ value: '', label: t('asInScenario', { currency: t(`currency.${own}`) }) }, ...CURRENCIES.map((c) => ({ value: c, label: t(`currency.${c}`) }))];
      if (currency.dataset.own !== own) {
        currency.dataset.own = own;
        replace(currency, ...options.map((o) => h('option', { attrs: { value: o.value }, text: o.label })));
      }
      if (currency.value !== tailoring.currency) currency.value = tailoring.currency;
      // The scenario's data may arrive after the console opens (or a new choice downloads): the
      // fields wait for it, since the tailoring is checked against the scenario.
      const waiting = scenario === null || state.scenarioLoad !== null;
      company.disabled = waiting;
      sector.disabled = waiting;
      currency.disabled = waiting;
      renderPeople(JSON.stringify([state.session.scenarioId, state.session.scenarioFile?.key ?? null, scenario !== null]), scenario);
      for (const [id, input] of personInputs) setValue(input, tailoring.people[id] ?? '');
    },
  };
}
