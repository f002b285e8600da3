import { gameTime } from '../../store/format.ts';
import type { AppContext, ScreenView } from '../context.ts';
import { focusHeading, h } from '../dom.ts';
import { liveHistoryPanel } from '../parts/history.ts';

export function titleScreen(ctx: AppContext): ScreenView {
  const { store } = ctx;
  const state = store.getState();
  const heading = h('h1', { class: 'hero__title', text: 'War Room' });
  const play = h('button', {
    class: 'btn btn--primary btn--large',
    attrs: { type: 'button' },
    text: 'Choose a scenario',
    on: { click: () => store.getState().showPicker() },
  });
  const run = state.getRun();
  const resumable = run && !run.isOver && state.scenario;
  const cont = resumable
    ? h(
        'button',
        { class: 'btn btn--large', attrs: { type: 'button' }, on: { click: () => store.getState().continueRun() } },
        `Continue “${state.scenario!.title}”`,
        run.state.phase === 'incident' ? h('span', { class: 'btn__sub', text: ` at ${gameTime(run.state.clock)}` }) : null,
      )
    : null;
  const history = liveHistoryPanel(store);
  const playable = state.catalog.filter((e) => e.scenario).length;

  const steps = [
    ['Prepare', 'Spend a limited budget on the measures you think will matter.'],
    ['Respond', 'The clock runs. Calls, alerts and posts arrive. Choose how your IT partner acts.'],
    ['Debrief', 'See what each choice cost the business, and what a strategic partner would have done.'],
  ] as const;

  const el = h(
    'div',
    { class: 'screen title-screen' },
    h(
      'section',
      { class: 'hero', attrs: { 'aria-labelledby': 'hero-title' } },
      h('div', { class: 'hero__radar', attrs: { 'aria-hidden': 'true' } }),
      h('p', { class: 'eyebrow', text: 'An incident tabletop game' }),
      heading,
      h(
        'p',
        { class: 'hero__lede', text: 'The systems are down and the phones will not stop. You decide how your company’s IT partner responds, minute by minute, and see what every choice costs the business.' },
      ),
      h('div', { class: 'actions' }, play, cont),
      h('p', { class: 'muted small', text: `${playable} scenario${playable === 1 ? '' : 's'} ready. Plays with mouse, touch or keyboard alone.` }),
      h('p', { class: 'small' }, h('a', { attrs: { href: 'facilitator.html#/console' }, text: 'Running a workshop? Open facilitator mode' })),
      h(
        'ol',
        { class: 'steps' },
        ...steps.map(([name, text], i) =>
          h('li', { class: 'step' }, h('span', { class: 'step__n', attrs: { 'aria-hidden': 'true' }, text: String(i + 1) }), h('strong', { text: name }), h('span', { text })),
        ),
      ),
    ),
    history.el,
  );
  heading.id = 'hero-title';

  return {
    el,
    focus: () => focusHeading(heading),
    destroy: () => history.destroy(),
  };
}
