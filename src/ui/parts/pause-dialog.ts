import { gameTime } from '../../store/format.ts';
import type { PauseReason } from '../../store/game-store.ts';
import { h, replace } from '../dom.ts';
import type { UiText } from '../text.ts';

// The pause panel: a non-modal <dialog> over the war room. It is not modal on purpose: the
// team pauses to discuss the situation and the options, which stay readable (and focusable)
// beside it. The incident screen's own key handler resumes on Esc or P wherever focus is.

export interface PauseDialog {
  el: HTMLDialogElement;
  open(reason: PauseReason, clock: number): void;
  close(): void;
  readonly isOpen: boolean;
}

const REASON_KEYS = { player: 'pauseReasonPlayer', resumed: 'pauseReasonResumed', hidden: 'pauseReasonHidden' } as const satisfies Record<PauseReason, string>;

export function createPauseDialog(opts: { onResume(): void; onQuit(): void; t: UiText }): PauseDialog {
  const { t } = opts;
  const reasonText = h('p', { class: 'dialog__text' });
  const clockText = h('p', { class: 'dialog__clock' });
  const resume = h('button', { class: 'btn btn--primary btn--large', attrs: { type: 'button' }, text: t('resume'), on: { click: () => opts.onResume() } });
  const quit = h('button', { class: 'btn btn--ghost', attrs: { type: 'button' }, text: t('leaveToTitle'), on: { click: () => opts.onQuit() } });
  const keys = h(
    'dl',
    { class: 'keys' },
    ...[
      ['1 – 5', t('keyChoose')],
      [t('keyEsc'), t('keyPause')],
      [t('keyBrackets'), t('keySpeed')],
    ].flatMap(([k, v]) => [h('dt', null, h('kbd', { text: k! })), h('dd', { text: v! })]),
  );
  const el = h(
    'dialog',
    { class: 'dialog pause-dialog', attrs: { 'aria-labelledby': 'pause-heading', 'aria-describedby': 'pause-text' } },
    h('h2', { id: 'pause-heading', class: 'dialog__title', text: t('pauseHeading') }),
    clockText,
    h('div', { id: 'pause-text' }, reasonText),
    h('div', { class: 'actions' }, resume, quit),
    h('h3', { class: 'dialog__subtitle', text: t('keyboard') }),
    keys,
  );
  // The browser may close a dialog on Esc by itself; only the store decides when the game resumes.
  el.addEventListener('cancel', (e) => e.preventDefault());

  let previousFocus: Element | null = null;
  return {
    el,
    open(reason, clock) {
      replace(reasonText, t(REASON_KEYS[reason]));
      clockText.textContent = t('clockStoppedAt', { time: gameTime(clock) });
      if (el.open) return;
      previousFocus = document.activeElement;
      el.show();
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
