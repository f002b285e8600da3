import { money as formatMoney } from '../../store/format.ts';
import type { GameState } from '../../store/game-store.ts';
import type { AppContext, ScreenView } from '../context.ts';
import { focusHeading, h, uid } from '../dom.ts';
import { backButton } from '../parts/back-button.ts';
import { prepareRoomWhenIdle } from '../parts/prepare-room.ts';
import { uiText } from '../text.ts';
import { writtenIn } from '../text-lang.ts';

// Spend the budget on preventive measures. The total updates as measures are ticked; a measure
// the budget cannot pay is refused with a message saying so.

export function preparationScreen(ctx: AppContext): ScreenView {
  const { store } = ctx;
  const { scenario, view, lang, runLang } = store.getState();
  const t = uiText(lang);
  const w = writtenIn(runLang, lang);
  const heading = h('h1', { text: t('prepHeading') });
  if (!scenario || !view) {
    return { el: h('div', { class: 'screen' }, heading, h('p', { text: t('noRun') })), focus: () => focusHeading(heading), destroy: () => {} };
  }
  const cur = view.currency;
  const money = (amount: number, currency: string): string => formatMoney(amount, currency, lang);
  const budget = view.preparation.budgetLeft;
  const measures = view.preparation.measures;

  const spentText = h('strong', { class: 'budget__spent' });
  const leftText = h('strong', { class: 'budget__left' });
  const leftCopy = h('span');
  const fill = h('span', { class: 'budget__fill' });
  const budgetStatus = h('p', { class: 'visually-hidden', attrs: { role: 'status' } });
  const message = h('p', { class: 'prep-message', attrs: { role: 'alert' } });

  const boxes = new Map<string, HTMLInputElement>();
  const list = h(
    'ul',
    { class: 'measures' },
    ...measures.map((m) => {
      const id = uid('measure');
      const box = h('input', {
        id,
        attrs: { type: 'checkbox', value: m.id },
        on: {
          change: () => {
            store.getState().togglePreparation(m.id);
            // The store decides; the box shows what it decided.
            box.checked = store.getState().prep.selected.includes(m.id);
          },
        },
      });
      boxes.set(m.id, box);
      return h(
        'li',
        { class: 'measure' },
        box,
        h(
          'label',
          { attrs: { for: id } },
          h('span', { class: 'measure__head' }, h('span', { class: 'measure__name', attrs: w, text: m.name }), h('span', { class: 'measure__cost', text: money(m.cost, cur) })),
          h('span', { class: 'measure__text', attrs: w, text: m.description }),
          h('span', { class: 'measure__note' }),
        ),
      );
    }),
  );

  const render = (state: GameState): void => {
    const selected = state.prep.selected;
    const spent = selected.reduce((sum, id) => sum + (measures.find((m) => m.id === id)?.cost ?? 0), 0);
    spentText.textContent = money(spent, cur);
    leftText.textContent = money(budget - spent, cur);
    leftCopy.textContent = money(budget - spent, cur);
    fill.style.width = `${budget > 0 ? Math.min(100, (spent / budget) * 100) : 0}%`;
    budgetStatus.textContent = t('budgetStatus', { spent: money(spent, cur), left: money(budget - spent, cur) });
    for (const [id, box] of boxes) {
      box.checked = selected.includes(id);
      box.closest('.measure')?.classList.toggle('measure--chosen', box.checked);
      const cost = measures.find((m) => m.id === id)?.cost ?? 0;
      const unaffordable = !box.checked && cost > budget - spent;
      box.closest('.measure')?.classList.toggle('measure--unaffordable', unaffordable);
      const note = box.closest('.measure')?.querySelector('.measure__note');
      if (note) note.textContent = unaffordable ? t('overBudget', { amount: money(cost - (budget - spent), cur) }) : '';
    }
    message.textContent = state.prep.message ?? '';
  };

  const start = h('button', {
    class: 'btn btn--primary btn--large',
    attrs: { type: 'button' },
    text: t('startIncident'),
    on: { click: () => store.getState().commitPreparation() },
  });
  const back = backButton(t('backToBriefing'), t('backToBriefingName'), () => store.getState().showBriefing());

  const el = h(
    'div',
    { class: 'screen prep-screen' },
    h(
      'div',
      { class: 'screen__head' },
      back,
      h('p', { class: 'eyebrow', attrs: w, text: scenario.title }),
      heading,
      h('p', { class: 'lede', attrs: scenario.preparation.intro ? w : {}, text: scenario.preparation.intro ?? t('prepIntro') }),
    ),
    h(
      'section',
      { class: 'panel budget', attrs: { 'aria-label': t('budget') } },
      h(
        'div',
        { class: 'budget__figures' },
        h('span', null, t('budgetLabel'), h('strong', { text: money(budget, cur) })),
        h('span', null, t('chosenLabel'), spentText),
        h('span', null, t('leftLabel'), leftText),
      ),
      h('div', { class: 'budget__bar', attrs: { 'aria-hidden': 'true' } }, fill),
      budgetStatus,
    ),
    h('fieldset', { class: 'fieldset fieldset--measures' }, h('legend', { text: t('preventiveMeasures') }), list),
    // The bar stays on screen while the list scrolls, so a refusal is seen where it happens.
    h(
      'div',
      { class: 'actions actions--end actions--sticky prep-bar' },
      message,
      h('p', { class: 'small muted' }, h('strong', { class: 'prep-bar__left' }, t('leftColon'), leftCopy), h('span', { class: 'hide-narrow', text: t('prepBarHint') })),
      start,
    ),
  );

  render(store.getState());
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.prep !== prev.prep) render(state);
  });
  // A run resumed at this screen never showed the briefing: prepare the room here too (once).
  const cancelPrepare = prepareRoomWhenIdle(ctx);
  return {
    el,
    focus: () => focusHeading(heading),
    destroy: () => {
      unsubscribe();
      cancelPrepare();
    },
  };
}
