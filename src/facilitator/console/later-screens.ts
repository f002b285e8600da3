import { h } from '../../ui/dom.ts';
import type { ConsoleStore } from './console-store.ts';
import { controlsView, type ControlHandlers } from './controls-view.ts';
import { evaluationView } from './evaluation-view.ts';
import { t } from './i18n.ts';
import { materialView } from './material-view.ts';
import type { View } from './setup-view.ts';

// The screens the console does not open on, in one chunk of their own that the console fetches
// when the first of them is shown (console-app.ts): a console opening on its set-up neither
// downloads nor runs them. One chunk, not one per screen: each chunk costs a request, and the
// modules these screens share would otherwise be split into further small chunks.

export { reportView } from './report-view.ts';
export { sessionsView } from './sessions-view.ts';
export { roomVotesView } from '../room/room-votes-view.ts';

/** A screen of the console, built in its current language: its element and the views it updates. */
export interface Screen {
  el: HTMLElement;
  views: View[];
  /** The running exercise's note box (shortcut O). */
  focusNote?(): void;
  destroy?(): void;
}

/** The running exercise's screen: the controls, the private material and the evaluation side by side. */
export function liveScreen(store: ConsoleStore, handlers: ControlHandlers): Screen {
  const controls = controlsView(store, handlers);
  const material = materialView(store);
  const evaluation = evaluationView(store);
  const el = h('div', { class: 'fac-live' }, h('h1', { class: 'visually-hidden', text: t('runningHeading') }), controls.el, material.el, evaluation.el);
  return {
    el,
    views: [controls, material, evaluation],
    focusNote: () => evaluation.focusNote(),
    destroy: () => controls.destroy?.(),
  };
}
