import { gameTime } from '../../store/format.ts';
import type { PauseReason } from '../../store/game-store.ts';
import { h, replace } from '../dom.ts';

// The pause dialog: a modal <dialog>, so focus stays inside it and Esc closes it.

export interface PauseDialog {
  el: HTMLDialogElement;
  open(reason: PauseReason, clock: number): void;
  close(): void;
  readonly isOpen: boolean;
}

const REASON_TEXT: Record<PauseReason, string> = {
  player: 'The clock is stopped. Take your time; nothing happens until you resume.',
  resumed: 'Welcome back. Your incident was saved and restored exactly where you left it. The clock is stopped until you resume.',
  hidden: 'The game paused itself while this tab was in the background.',
};

export function createPauseDialog(opts: { onResume(): void; onQuit(): void }): PauseDialog {
  const reasonText = h('p', { class: 'dialog__text' });
  const clockText = h('p', { class: 'dialog__clock' });
  const resume = h('button', { class: 'btn btn--primary btn--large', attrs: { type: 'button' }, text: 'Resume', on: { click: () => opts.onResume() } });
  const quit = h('button', { class: 'btn btn--ghost', attrs: { type: 'button' }, text: 'Leave to the title (the run is saved)', on: { click: () => opts.onQuit() } });
  const keys = h(
    'dl',
    { class: 'keys' },
    ...[
      ['1 – 5', 'Choose an option'],
      ['Esc or P', 'Pause and resume'],
      ['Tab', 'Move between controls'],
    ].flatMap(([k, v]) => [h('dt', null, h('kbd', { text: k! })), h('dd', { text: v! })]),
  );
  const el = h(
    'dialog',
    { class: 'dialog pause-dialog', attrs: { 'aria-labelledby': 'pause-heading', 'aria-describedby': 'pause-text' } },
    h('h2', { id: 'pause-heading', class: 'dialog__title', text: 'Paused' }),
    clockText,
    h('div', { id: 'pause-text' }, reasonText),
    h('div', { class: 'actions' }, resume, quit),
    h('h3', { class: 'dialog__subtitle', text: 'Keyboard' }),
    keys,
  );
  // Esc fires "cancel": resume through the store so the state and the dialog agree.
  el.addEventListener('cancel', (e) => {
    e.preventDefault();
    opts.onResume();
  });
  el.addEventListener('keydown', (e) => {
    if ((e.key === 'p' || e.key === 'P') && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      opts.onResume();
    }
  });

  let previousFocus: Element | null = null;
  return {
    el,
    open(reason, clock) {
      replace(reasonText, REASON_TEXT[reason]);
      clockText.textContent = `Game clock stopped at ${gameTime(clock)}`;
      if (el.open) return;
      previousFocus = document.activeElement;
      el.showModal();
      resume.focus();
    },
    close() {
      if (!el.open) return;
      el.close();
      if (previousFocus instanceof HTMLElement && previousFocus.isConnected && previousFocus !== document.body) previousFocus.focus();
      previousFocus = null;
    },
    get isOpen() {
      return el.open;
    },
  };
}
