import type { AppContext } from '../context.ts';
import { h } from '../dom.ts';
import { roomFontsReady } from '../room-fonts.ts';
import { uiText } from '../text.ts';

// The Phaser war room, loaded on demand in its own chunk, with a progress bar while its code and
// then its files (backdrop, portraits, icons, sounds) load; the game clock waits for its first frame.
// The canvas is decorative for assistive tech: everything a player must read is in HTML.

export function createStage(ctx: AppContext): { el: HTMLElement; destroy(): void } {
  const t = uiText(ctx.store.getState().lang);
  const host = h('div', { class: 'stage__canvas', attrs: { 'aria-hidden': 'true' } });
  const progress = h('progress', { class: 'stage__progress', attrs: { max: '100', value: '5', 'aria-label': t('loadingRoomAria') } });
  const label = h('p', { class: 'stage__label', text: t('loadingRoom') });
  const loader = h('div', { class: 'stage__loader' }, label, progress);
  const el = h('div', { class: 'stage' }, host, loader);

  let closed = false;
  let mounted: { destroy(): void } | null = null;
  let frameWatch = 0;

  // The game clock waits for this: the first decision's time must not run out while loading.
  const ready = (): void => {
    if (!closed) ctx.store.getState().setRoomReady(true);
  };

  const fail = (message: string): void => {
    ready();
    if (closed) return;
    loader.classList.add('stage__loader--static');
    progress.hidden = true;
    label.textContent = message;
  };

  const load = ctx.loadWarRoom;
  if (!load) {
    fail(t('operationsView'));
    el.classList.add('stage--fallback');
  } else {
    delete document.body.dataset.warRoomFrame;
    void load()
      // Canvas text is measured once when drawn: wait (briefly) for the room's fonts first.
      .then((mod) => roomFontsReady().then(() => mod))
      .then((mod) => {
        if (closed) return;
        progress.value = 40;
        label.textContent = t('settingUpRoom');
        mounted = mod.mountWarRoom(host, ctx.store, {
          // Setting the room up is the rest of the bar, up to 95; the first frame completes it (the
          // pictures and sounds arrive after it, see war-room-scene.ts).
          onProgress: (fraction) => {
            if (!closed) progress.value = Math.max(progress.value, 40 + Math.round(55 * Math.min(1, Math.max(0, fraction))));
          },
          onSounds: (sounds) => ctx.sound.useSamples(sounds),
        });
        const started = performance.now();
        const waitForFrame = (): void => {
          if (closed) return;
          if (document.body.dataset.warRoomFrame === '1' || performance.now() - started > 8000) {
            progress.value = 100;
            loader.hidden = true;
            ready();
            return;
          }
          frameWatch = requestAnimationFrame(waitForFrame);
        };
        waitForFrame();
      })
      .catch((error: unknown) => {
        console.error('The war room view failed to load', error);
        fail(t('roomFailed'));
        el.classList.add('stage--fallback');
      });
  }

  return {
    el,
    destroy() {
      closed = true;
      cancelAnimationFrame(frameWatch);
      mounted?.destroy();
      mounted = null;
    },
  };
}
