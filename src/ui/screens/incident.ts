import type { GameView } from '../../engine/view.ts';
import { PACE_SECONDS, type Speed } from '../../store/pace.ts';
import { clockReadout, duration, gameTime } from '../../store/format.ts';
import type { GameState } from '../../store/game-store.ts';
import type { AppContext, ScreenView } from '../context.ts';
import { focusHeading, h, isTypingTarget, replace } from '../dom.ts';
import { createDecisionPanel } from '../parts/decision.ts';
import { createFeed } from '../parts/feed.ts';
import { createPauseDialog } from '../parts/pause-dialog.ts';
import { createStage } from '../parts/stage.ts';
import { createMetricsStrip, createSystemsPanel } from '../parts/status.ts';
import type { ChannelName } from '../../scenarios/schema.ts';
import { SPEEDS, speedForKey } from '../speed-keys.ts';
import { writtenIn } from '../text-lang.ts';
import { uiText } from '../text.ts';

// The incident: the war room canvas with the HTML layer beside it. Keyboard: 1–5 choose,
// Esc or P pause, [ and ] (or Shift+1–3) set the speed. Shortcuts are ignored while focus is in
// a form field.

/** A jump of game time this long or longer (an action that takes hours) is announced. */
const LONG_JUMP_MINUTES = 60;

export function incidentScreen(ctx: AppContext): ScreenView {
  const { store } = ctx;
  const initial = store.getState();
  const scenario = initial.scenario;
  const lang = initial.lang;
  const t = uiText(lang);
  const written = writtenIn(initial.runLang, lang);

  const clock = h('p', { class: 'clock', attrs: { role: 'timer', 'aria-label': t('companyTime') } });
  // T+ (time since the incident began) is the secondary reading, under or beside the local time.
  const elapsed = h('span', { class: 'clock-elapsed' });
  const runState = h('span', { class: 'run-state' });
  const speedButtons = SPEEDS.map((speed) =>
    h('button', {
      class: 'btn btn--small speed',
      attrs: { type: 'button', 'aria-pressed': 'false', 'aria-label': t('speedTimes', { speed }), 'aria-keyshortcuts': `Shift+${SPEEDS.indexOf(speed) + 1}` },
      text: `${speed}×`,
      on: { click: () => store.getState().setSpeed(speed) },
    }),
  );
  const pauseButton = h('button', {
    class: 'btn btn--small pause-button',
    attrs: { type: 'button', 'aria-keyshortcuts': 'Escape P' },
    on: { click: () => store.getState().togglePause() },
  });
  const heading = h('h1', { class: 'visually-hidden', text: t('incidentHeading', { title: scenario?.title ?? '' }) });
  const buttons = h('div', { class: 'controls__buttons' }, h('div', { class: 'speeds', attrs: { role: 'group', 'aria-label': t('gameSpeed') } }, ...speedButtons), pauseButton);
  const controls = h(
    'div',
    { class: 'controls' },
    h('p', { class: 'controls__title', attrs: written, text: scenario?.title ?? '' }),
    h('div', { class: 'controls__clock' }, clock, elapsed, runState),
    buttons,
  );

  const metrics = createMetricsStrip(lang);
  const systems = createSystemsPanel(lang, initial.runLang);
  const feed = createFeed(t, lang, written);
  const stage = createStage(ctx);
  const secondsPerMinute = (): number => PACE_SECONDS[store.getState().selection.pace] / store.getState().speed;
  const decision = createDecisionPanel({
    onChoose: (option) => store.getState().choose(option),
    onDebrief: () => store.getState().showDebrief(),
    secondsPerMinute,
    paused: () => store.getState().paused,
    lang,
    textLang: initial.runLang,
    defaultOption: (view) => (view.beat ? (scenario?.beats.find((b) => b.id === view.beat!.id)?.decision?.default ?? null) : null),
  });
  const pauseDialog = createPauseDialog({
    onResume: () => store.getState().resume(),
    onQuit: () => store.getState().showTitle(),
    t,
  });
  // A short note for screen readers when time is running out; polite, so it never interrupts.
  const urgency = h('p', { class: 'visually-hidden', attrs: { 'aria-live': 'polite' } });

  ctx.toolbar.append(controls);
  const el = h(
    'div',
    { class: 'screen incident-screen' },
    heading,
    h('div', { class: 'incident' }, h('div', { class: 'incident__main' }, metrics.el, stage.el, h('div', { class: 'incident__lower' }, feed.el, systems.el)), decision.el),
    urgency,
  );
  // The pause panel sits over the (dimmed) war room, not over the page: the situation and the
  // options stay readable while the team talks them over.
  stage.el.append(pauseDialog.el);
  // A long jump of game time ("T+14 → T+41") gets a short "27 h later" card over the room, with
  // what happened meanwhile, so nobody wonders where the day went.
  const jumpNote = h('div', { class: 'time-jump', attrs: { role: 'status', hidden: true } });
  stage.el.append(jumpNote);
  let jumpTimer: ReturnType<typeof setTimeout> | null = null;
  const showJump = (from: number, to: number, meanwhile: readonly { channel: ChannelName; from: string }[]): void => {
    if (jumpTimer !== null) clearTimeout(jumpTimer);
    const senders = [...new Set(meanwhile.map((i) => i.from))].slice(0, 3);
    replace(
      jumpNote,
      h('p', { class: 'time-jump__title', text: t('later', { duration: duration(to - from, lang) }) }),
      h('p', { class: 'time-jump__span', text: `${gameTime(from)} → ${gameTime(to)}` }),
      senders.length > 0
        ? h('p', {
            class: 'time-jump__meanwhile',
            text: t(meanwhile.length > senders.length ? 'meanwhileMore' : 'meanwhile', { count: meanwhile.length, senders: senders.join(', ') }),
          })
        : null,
    );
    jumpNote.hidden = false;
    jumpTimer = setTimeout(() => {
      jumpTimer = null;
      jumpNote.hidden = true;
    }, 5000);
  };

  let decisionKey = '';
  let lastChoice: GameView['lastChoice'] = initial.view?.lastChoice ?? null;
  let warned = '';
  const keyOf = (): string => {
    const run = store.getState().getRun();
    return run ? `${run.state.beat}@${run.state.posedAt}` : '';
  };

  const renderControls = (state: GameState): void => {
    const view = state.view;
    const readout = clockReadout(view?.localTime ?? null, view?.clock ?? 0);
    clock.textContent = readout.main;
    clock.setAttribute('aria-label', readout.elapsed ? t('companyTime') : t('gameClock'));
    elapsed.textContent = readout.elapsed ?? '';
    elapsed.hidden = readout.elapsed === null;
    const ended = view?.phase === 'ended';
    runState.textContent = ended ? t('closed') : state.paused ? t('paused') : t('live');
    runState.className = `run-state ${ended ? 'run-state--ended' : state.paused ? 'run-state--paused' : 'run-state--live'}`;
    speedButtons.forEach((b, i) => b.setAttribute('aria-pressed', String(SPEEDS[i] === state.speed)));
    pauseButton.textContent = state.paused ? t('resume') : t('pause');
    buttons.hidden = ended;
    const dim = state.paused && !ended;
    controls.classList.toggle('controls--paused', dim);
    el.classList.toggle('incident-screen--paused', dim);
    document.documentElement.style.setProperty('--minute-ms', `${Math.round(secondsPerMinute() * 1000)}ms`);
  };

  const renderView = (view: GameView, first: boolean): void => {
    metrics.update(view, scenario?.company.customers ?? 0);
    systems.update(view);
    const key = keyOf();
    const fresh = key !== decisionKey;
    decisionKey = key;
    const outcomeChanged = view.lastChoice !== lastChoice;
    lastChoice = view.lastChoice;
    decision.update(view, fresh || first);
    if (!first && fresh && !store.getState().paused) {
      // After a choice (or a timeout) the player first sees what it caused; the next question
      // follows below the outcome, in reading order.
      const outcome = outcomeChanged && view.phase !== 'ended' ? decision.outcomeTarget() : null;
      if (outcome) {
        outcome.focus({ preventScroll: true });
        outcome.scrollIntoView({ block: 'start', behavior: 'instant' });
      } else focusHeading(decision.focusTarget());
    }
    const d = view.decision;
    if (d?.remaining != null && d.remaining <= 3 && warned !== key) {
      warned = key;
      urgency.textContent = t('minutesLeftToDecide', { count: d.remaining });
    }
  };

  const onKey = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
    if (isTypingTarget(e.target)) return;
    const state = store.getState();
    if (e.key === 'Escape' || e.key === 'p' || e.key === 'P') {
      if (state.view?.phase !== 'incident') return;
      e.preventDefault();
      state.togglePause();
      return;
    }
    const speed = state.view?.phase === 'incident' ? speedForKey(e, state.speed) : null;
    if (speed !== null) {
      e.preventDefault();
      state.setSpeed(speed);
      return;
    }
    if (/^[1-5]$/.test(e.key) && !state.paused && decision.press(Number(e.key))) e.preventDefault();
  };

  const syncPause = (state: GameState): void => {
    if (state.paused && state.view?.phase === 'incident') pauseDialog.open(state.pauseReason ?? 'player', state.view.clock);
    else if (pauseDialog.isOpen) {
      pauseDialog.close();
      // Back to the question the team was discussing.
      if (state.view?.phase === 'incident') focusHeading(decision.focusTarget());
    }
  };

  const first = store.getState();
  renderControls(first);
  if (first.view) {
    feed.update(first.view.injects);
    renderView(first.view, true);
  }

  const unsubscribe = store.subscribe((state, prev) => {
    if (state.paused !== prev.paused || state.speed !== prev.speed || state.view !== prev.view) renderControls(state);
    if (state.view && state.view !== prev.view) {
      const fresh = feed.update(state.view.injects);
      if (prev.view && state.view.clock - prev.view.clock >= LONG_JUMP_MINUTES) showJump(prev.view.clock, state.view.clock, fresh);
      renderView(state.view, false);
    }
    if (state.paused !== prev.paused || state.view?.phase !== prev.view?.phase) syncPause(state);
  });
  window.addEventListener('keydown', onKey);

  // Pause when the player switches tabs: the clock should not run where nobody is watching.
  const onVisibility = (): void => {
    if (document.hidden && store.getState().view?.phase === 'incident') store.getState().pause('hidden');
  };
  document.addEventListener('visibilitychange', onVisibility);

  // The top bar wraps on a phone; sticky parts below it (the time left) sit just under it.
  const topbar = document.querySelector<HTMLElement>('.topbar');
  const topbarWatch = new ResizeObserver(() => el.style.setProperty('--sticky-top', `${topbar?.offsetHeight ?? 0}px`));
  if (topbar) topbarWatch.observe(topbar);

  return {
    el,
    focus() {
      if (store.getState().paused && store.getState().view?.phase === 'incident') syncPause(store.getState());
      else focusHeading(decision.focusTarget());
    },
    destroy() {
      unsubscribe();
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('visibilitychange', onVisibility);
      topbarWatch.disconnect();
      pauseDialog.close();
      decision.destroy();
      if (jumpTimer !== null) clearTimeout(jumpTimer);
      feed.destroy();
      stage.destroy();
      controls.remove();
    },
  };
}
