import type { GameState, Screen } from '../store/game-store.ts';
import type { AppContext, ScreenView } from './context.ts';
import { h, replace } from './dom.ts';
import { brandMark } from './parts/brand.ts';
import { briefingScreen } from './screens/briefing.ts';
import { debriefScreen } from './screens/debrief.ts';
import { incidentScreen } from './screens/incident.ts';
import { pickerScreen } from './screens/picker.ts';
import { preparationScreen } from './screens/preparation.ts';
import { titleScreen } from './screens/title.ts';
import { startRouting } from './routes.ts';
import { directSound } from './sound-director.ts';
import { uiText, type UiText } from './text.ts';

// The page shell: top bar, notice banner, and the current screen. Screens are created when they
// open and destroyed when they close, so none of them keeps listening in the background.

function screenTitle(screen: Screen, t: UiText): string {
  switch (screen) {
    case 'title':
      return t('docTitle');
    case 'picker':
      return t('docTitleScreen', { screen: t('screenPicker') });
    case 'briefing':
      return t('docTitleScreen', { screen: t('screenBriefing') });
    case 'preparation':
      return t('docTitleScreen', { screen: t('screenPreparation') });
    case 'incident':
      return t('docTitleScreen', { screen: t('screenIncident') });
    case 'debrief':
      return t('docTitleScreen', { screen: t('screenDebrief') });
    default: {
      const unreachable: never = screen;
      throw new Error(`unknown screen ${String(unreachable)}`);
    }
  }
}

function createScreen(screen: Screen, ctx: AppContext): ScreenView {
  switch (screen) {
    case 'title':
      return titleScreen(ctx);
    case 'picker':
      return pickerScreen(ctx);
    case 'briefing':
      return briefingScreen(ctx);
    case 'preparation':
      return preparationScreen(ctx);
    case 'incident':
      return incidentScreen(ctx);
    case 'debrief':
      return debriefScreen(ctx);
    default: {
      const unreachable: never = screen;
      throw new Error(`unknown screen ${String(unreachable)}`);
    }
  }
}

export function mountApp(root: HTMLElement, options: Omit<AppContext, 'toolbar'>): { destroy(): void } {
  const toolbar = h('div', { class: 'topbar__slot' });
  const ctx: AppContext = { ...options, toolbar };
  const { store, sound } = ctx;
  const t = (): UiText => uiText(store.getState().lang);

  const muteButton = h('button', {
    class: 'btn btn--ghost sound-toggle',
    attrs: { type: 'button' },
    on: {
      click: () => {
        const next = !store.getState().muted;
        store.getState().setMuted(next);
        if (!next) sound.unlock();
      },
    },
  });
  // A native range: arrow keys, Page Up/Down, Home and End work, and screen readers announce it.
  const volumeInput = h('input', {
    class: 'volume__range',
    attrs: { type: 'range', min: '0', max: '100', step: '5' },
    on: {
      input: (e) => {
        const value = Number((e.target as HTMLInputElement).value) / 100;
        store.getState().setVolume(value);
        // Turning the volume up is a clear wish to hear something.
        if (value > 0 && store.getState().muted) store.getState().setMuted(false);
        sound.unlock();
      },
    },
  }) as HTMLInputElement;
  const renderMute = (muted: boolean, volume: number): void => {
    muteButton.setAttribute('aria-pressed', String(!muted));
    replace(
      muteButton,
      h('span', { class: muted ? 'icon icon--mute' : 'icon icon--sound', attrs: { 'aria-hidden': 'true' } }),
      h('span', { class: 'sound-toggle__text', text: muted ? t()('soundOff') : t()('soundOn') }),
    );
    volumeInput.value = String(Math.round(volume * 100));
    volumeInput.setAttribute('aria-label', t()('volume'));
    volumeLabel.title = t()('volume');
    volumeInput.setAttribute('aria-valuetext', muted ? t()('volumeMuted', { percent: Math.round(volume * 100) }) : `${Math.round(volume * 100)}%`);
    volumeInput.classList.toggle('volume__range--muted', muted);
  };

  const volumeLabel = h('label', { class: 'volume' }, volumeInput);
  const topbar = h('header', { class: 'topbar' }, brandMark(), toolbar, h('div', { class: 'topbar__tools' }, muteButton, volumeLabel));
  const noticeSlot = h('div', { class: 'notice-slot' });
  const main = h('main', { id: 'main', class: 'main', attrs: { tabindex: '-1' } });
  const skip = h('a', { class: 'skip-link', attrs: { href: '#main' }, text: t()('skipLink') });
  replace(root, skip, topbar, noticeSlot, main);

  let current: { screen: Screen; view: ScreenView } | null = null;
  const show = (screen: Screen, focusLater = false): void => {
    current?.view.destroy();
    const view = createScreen(screen, ctx);
    replace(main, view.el);
    current = { screen, view };
    document.title = screenTitle(screen, t());
    document.body.dataset.screen = screen;
    const focus = (): void => {
      view.focus();
      // A new screen starts at its top, whatever focusing its heading scrolled.
      window.scrollTo(0, 0);
    };
    if (!focusLater) return focus();
    requestAnimationFrame(() => {
      if (current?.view === view) focus();
    });
  };

  const renderNotice = (state: GameState): void => {
    const notice = state.notice;
    if (!notice) {
      replace(noticeSlot);
      return;
    }
    const dismiss = h('button', {
      class: 'btn btn--small',
      attrs: { type: 'button' },
      text: t()('dismiss'),
      on: { click: () => store.getState().dismissNotice() },
    });
    replace(
      noticeSlot,
      h(
        'div',
        { class: `notice notice--${notice.tone}`, attrs: { role: notice.tone === 'error' ? 'alert' : 'status' } },
        h('div', { class: 'notice__body' }, h('strong', { class: 'notice__title', text: notice.title }), h('p', { text: notice.text })),
        dismiss,
      ),
    );
  };

  // Sound cues belong to the whole game, not one screen: any click or key may unlock audio.
  const unlock = (): void => sound.unlock();
  window.addEventListener('pointerdown', unlock);
  window.addEventListener('keydown', unlock);

  const unsubscribe = store.subscribe((state, prev) => {
    if (state.screen !== prev.screen) show(state.screen);
    else if (state.lang !== prev.lang) {
      // A new language: the shell's words, and the screen on show drawn again in it.
      skip.textContent = t()('skipLink');
      renderMute(state.muted, state.volume);
      renderNotice(state);
      show(state.screen);
      // The switch that changed it keeps the focus, as if the screen had not been redrawn.
      main.querySelector<HTMLInputElement>('.lang-switch input:checked')?.focus();
    }
    if (state.notice !== prev.notice) renderNotice(state);
    if (state.muted !== prev.muted || state.volume !== prev.volume) renderMute(state.muted, state.volume);
  });
  const initial = store.getState();
  renderMute(initial.muted, initial.volume);
  const stopSound = directSound(store, sound);
  renderNotice(initial);
  // The first screen takes focus in the page's first frame: focusing lays the page out, and that
  // first layout (the costliest, 90-140 ms on a slow machine) made the task that had just restored
  // the run and built the screen the longest before the war room's first frame.
  show(initial.screen, true);
  const stopRouting = startRouting(store);

  return {
    destroy() {
      stopRouting();
      unsubscribe();
      stopSound();
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
      current?.view.destroy();
      current = null;
      replace(root);
    },
  };
}
