import { gameTime } from '../../store/format.ts';
import type { AppContext, ScreenView } from '../context.ts';
import { focusHeading, h } from '../dom.ts';
import { liveHistoryPanel } from '../parts/history.ts';
import { languageSwitch } from '../parts/lang-switch.ts';
import { uiText } from '../text.ts';

export function titleScreen(ctx: AppContext): ScreenView {
  const { store } = ctx;
  const state = store.getState();
  const t = uiText(state.lang);
  const heading = h('h1', { class: 'hero__title', text: 'War Room' });
  const play = h('button', {
    class: 'btn btn--primary btn--large',
    attrs: { type: 'button' },
    text: t('chooseScenario'),
    on: { click: () => store.getState().showPicker() },
  });
  const run = state.getRun();
  const resumable = run && !run.isOver && state.scenario;
  const cont = resumable
    ? h(
        'button',
        { class: 'btn btn--large', attrs: { type: 'button' }, on: { click: () => store.getState().continueRun() } },
        t('continueRun', { title: state.scenario!.title }),
        run.state.phase === 'incident' ? h('span', { class: 'btn__sub', text: t('continueAt', { time: gameTime(run.state.clock) }) }) : null,
      )
    : null;
  const history = liveHistoryPanel(store);
  const switcher = languageSwitch(store);
  const playable = state.catalog.filter((e) => e.scenario).length;

  const steps = [
    [t('stepPrepare'), t('stepPrepareText')],
    [t('stepRespond'), t('stepRespondText')],
    [t('stepDebrief'), t('stepDebriefText')],
  ] as const;

  const el = h(
    'div',
    { class: 'screen title-screen' },
    h(
      'section',
      { class: 'hero', attrs: { 'aria-labelledby': 'hero-title' } },
      h('div', { class: 'hero__radar', attrs: { 'aria-hidden': 'true' } }),
      switcher,
      h('p', { class: 'eyebrow', text: t('titleEyebrow') }),
      heading,
      h(
        'p',
        { class: 'hero__lede', text: t('titleLede') },
      ),
      h('div', { class: 'actions' }, play, cont),
      h('p', { class: 'muted small', text: t('scenariosReady', { count: playable }) }),
      h('p', { class: 'small' }, h('a', { attrs: { href: 'facilitator.html#/console' }, text: t('facilitatorLink') })),
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
