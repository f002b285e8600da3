import type { GameView } from '../../engine/view.ts';
import { interpolate } from '../../engine/text.ts';
import { unavailableText } from '../../i18n/engine-text.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import { duration, gameTime, money } from '../../store/format.ts';
import { h, replace } from '../../ui/dom.ts';
import { writtenIn } from '../../ui/text-lang.ts';
import { roleName } from '../../i18n/roles.ts';
import { channelLabel } from '../../i18n/channels.ts';
import { consoleLang, t } from './i18n.ts';
import type { ConsoleState, ConsoleStore } from './console-store.ts';
import { keyed, list } from './parts.ts';
import type { View } from './setup-view.ts';

// The facilitator's private material for where the exercise stands: the beat as the room reads
// it, the questions to ask, what good looks like, the expected actions, the advice, every option
// in detail, and who each inject is aimed at.

export function materialView(store: ConsoleStore): View {
  const body = h('div', { class: 'fac-material__body' });
  const heading = h('h2', { class: 'fac-panel__title', attrs: { tabindex: '-1' }, text: t('material') });
  const el = h('section', { class: 'fac-panel fac-material', attrs: { 'aria-labelledby': 'fac-material-title' } }, heading, body);
  heading.id = 'fac-material-title';

  const render = keyed((state: ConsoleState) => {
    const ex = store.getState().exercise();
    const scenario = ex.scenario;
    const s = state.session;
    if (!scenario) return replace(body, h('p', { class: 'muted', text: t('chooseInSetup') }));
    const w = writtenIn(s.scenarioLang, consoleLang());
    if (s.stage === 'setup' || s.stage === 'briefing') return replace(body, ...briefingMaterial(scenario, state.view, w));
    if (s.stage === 'debrief') return replace(body, h('p', { text: t('ended') }));
    // While a choice waits to be revealed, the room (and so the facilitator) is still on its beat.
    const view = s.decision === 'recorded' ? (ex.shown()?.view ?? state.view) : state.view;
    if (!view) return replace(body);
    replace(body, ...beatMaterial(scenario, view, state, ex.state ? (t: string) => interpolate(t, ex.state!) : (t: string) => t, w));
  });

  return {
    el,
    update(state) {
      const ex = store.getState().exercise();
      const shownBeat = ex.shown()?.view.beat?.id;
      render(
        JSON.stringify([state.session.stage, state.session.scenarioLang, state.session.decision, state.view?.beat?.id, shownBeat, state.view?.injects.length, state.view?.decision?.options.map((o) => o.available), state.session.team.participants, state.view?.ending?.beat]),
        state,
      );
    },
    focus() {
      heading.focus();
    },
  };
}

/** `w`: the attributes for the scenario's own text (see ui/text-lang.ts); `Object.assign(el, w)` sets an element's `lang`. */
function briefingMaterial(scenario: Scenario, view: GameView | null, w: Written): Node[] {
  const currency = scenario.company.currency ?? 'EUR';
  const out: Node[] = [h('p', { class: 'eyebrow', text: t('beforeIncident') }), h('h3', { class: 'fac-beat-title', attrs: w, text: scenario.title })];
  if (scenario.facilitator?.overview) out.push(private_(t('overview'), h('p', { attrs: w, text: scenario.facilitator.overview })));
  if (scenario.facilitator?.questions?.length) out.push(private_(t('questionsWhole'), Object.assign(list(scenario.facilitator.questions), w)));
  out.push(
    h('h4', { class: 'fac-subtitle', text: t('theCompany', { name: scenario.company.name }) }),
    h('p', { attrs: w, text: scenario.company.description }),
    h(
      'ul',
      { class: 'fac-facts' },
      h('li', { text: t('revenueAtRisk', { amount: money(scenario.stakes.revenueAtRisk, currency, consoleLang()) }) }),
      h('li', { text: t('downtimeTolerated', { duration: duration(scenario.stakes.downtimeToleranceMinutes) }) }),
      h('li', { text: t('revenuePerHour', { amount: money(scenario.company.revenuePerHour, currency, consoleLang()) }) }),
    ),
    h('h4', { class: 'fac-subtitle', text: t('learningObjectives') }),
    Object.assign(list(scenario.objectives.map((o) => o.text)), w),
    h('h4', { class: 'fac-subtitle', text: t('stakeholders') }),
    list(scenario.stakeholders.map((st) => (st.cares ? t('stakeholderCares', { name: st.name, role: st.role, cares: st.cares }) : t('stakeholder', { name: st.name, role: st.role })))),
  );
  if (view) out.push(h('p', { class: 'muted small', text: t('partnerInPlay', { partner: view.partner.name, seed: String(view.seed) }) }));
  return out;
}

function beatMaterial(scenario: Scenario, view: GameView, state: ConsoleState, text: (s: string) => string, w: Written): Node[] {
  const out: Node[] = [];
  const s = state.session;
  if (view.ending && s.decision === 'open') {
    out.push(h('p', { class: 'eyebrow', text: t('ending') }), h('h3', { class: 'fac-beat-title', attrs: w, text: view.ending.title }), h('p', { attrs: w, text: view.ending.narrative }));
    if (scenario.facilitator?.questions?.length) out.push(private_(t('questionsDebrief'), Object.assign(list(scenario.facilitator.questions), w)));
    return out;
  }
  if (!view.beat) return out;
  const beat = scenario.beats.find((b) => b.id === view.beat!.id);
  out.push(h('p', { class: 'eyebrow', text: t('thisBeat') }), h('h3', { class: 'fac-beat-title', attrs: w, text: view.beat.title }), h('p', { attrs: w, text: view.beat.narrative }));

  const live = state.view;
  if (s.decision === 'recorded' && live?.lastChoice) {
    out.push(private_(t('willBeRevealed'), h('p', { attrs: w }, h('strong', { text: `${live.lastChoice.label}: ` }), live.lastChoice.outcome)));
  }
  const notes = beat?.facilitator;
  if (notes?.questions?.length) out.push(private_(t('questionsToAsk'), Object.assign(list(notes.questions), w)));
  if (notes?.lookFor?.length) out.push(private_(t('lookFor'), Object.assign(list(notes.lookFor), w)));
  if (notes?.expectedActions?.length) out.push(private_(t('expectedActions'), Object.assign(list(notes.expectedActions), w)));

  const decision = beat?.decision;
  if (decision) {
    const advised = decision.options.find((o) => o.id === decision.advice.option);
    out.push(
      private_(
        t('advice'),
        h('p', { attrs: w }, h('strong', { text: advised ? text(advised.label) : decision.advice.option }), h('br'), text(decision.advice.why)),
        decision.default && decision.timeLimit !== undefined
          ? h('p', { class: 'muted small', text: t('ifTimeRunsOut', { label: text(decision.options.find((o) => o.id === decision.default)?.label ?? decision.default) }) })
          : null,
      ),
    );
    const optionViews = view.decision?.options ?? [];
    out.push(
      h('h4', { class: 'fac-subtitle', text: t('optionsInDetail') }),
      h(
        'ol',
        { class: 'fac-option-detail' },
        ...decision.options.map((o, i) => {
          const ov = optionViews.find((x) => x.id === o.id);
          const facts = [ov && ov.cost > 0 ? money(ov.cost, view.currency, consoleLang()) : null, ov && ov.minutes > 0 ? duration(ov.minutes) : null].filter(Boolean).join(' · ');
          return h(
            'li',
            null,
            h('strong', { attrs: w, text: `${i + 1}. ${text(o.label)}` }),
            o.id === decision.advice.option ? h('span', { class: 'fac-tag fac-tag--advice', text: t('advised') }) : null,
            facts ? h('span', { class: 'muted small', text: ` ${facts}` }) : null,
            o.detail ? h('p', { class: 'small', attrs: w, text: text(o.detail) }) : null,
            ov && !ov.available ? h('p', { class: 'small fac-warn', text: t('notAvailableWhy', { why: unavailableText(ov, consoleLang()) }) }) : null,
          );
        }),
      ),
    );
  }

  const entered = view.injects.filter((i) => i.beat === view.beat!.id || i.beat === null);
  const recent = entered.slice(-6).reverse();
  if (recent.length) {
    out.push(
      h('h4', { class: 'fac-subtitle', text: t('injectsNewest') }),
      h(
        'ul',
        { class: 'fac-injects' },
        ...recent.map((i) => {
          const aimed = i.audience.map((r) => {
            const people = s.team.participants.filter((p) => p.role === r).map((p) => p.name);
            const role = roleName(r, consoleLang()).label;
            return people.length ? `${role} (${people.join(', ')})` : role;
          });
          return h(
            'li',
            { class: 'fac-inject' },
            h('p', { class: 'fac-inject__head', text: `${gameTime(i.t)} · ${channelLabel(i.channel, consoleLang())} · ${i.from}` }),
            h('p', { attrs: w, text: i.text }),
            aimed.length ? h('p', { class: 'fac-inject__aim', text: t('onTheSpot', { who: aimed.join('; ') }) }) : null,
          );
        }),
      ),
    );
  }
  return out;
}

type Written = ReturnType<typeof writtenIn>;

/** Material only the facilitator sees, marked as such. */
function private_(title: string, ...children: (Node | null)[]): HTMLElement {
  return h('div', { class: 'fac-private' }, h('h4', { class: 'fac-private__title', text: title }), ...children);
}
