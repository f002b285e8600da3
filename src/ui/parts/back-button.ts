import { h } from '../dom.ts';

// The way back to the screen before, on every screen that has one: its short word ("Scenarios")
// after an arrow the CSS draws (.btn--back), and a name that says where it goes for screen readers.

export function backButton(word: string, name: string, onClick: () => void): HTMLButtonElement {
  return h('button', { class: 'btn btn--ghost btn--back', attrs: { type: 'button', 'aria-label': name }, text: word, on: { click: onClick } });
}
