import { h, replace, uid } from '../../ui/dom.ts';
import { KEYS, type CommandKind } from './shortcuts.ts';

// Small building blocks the console's panels share. All text goes in as text nodes.

type ShortcutKind = Exclude<CommandKind, 'select' | 'vote'>;

/** A button that shows its keyboard shortcut and tells assistive tech about it. */
export function commandButton(label: string, kind: ShortcutKind | null, onClick: () => void, cls = ''): HTMLButtonElement {
  const key = kind ? KEYS[kind] : null;
  const labelEl = h('span', { class: 'fac-btn__label', text: label });
  const button = h(
    'button',
    {
      class: `btn fac-btn ${cls}`.trim(),
      attrs: { type: 'button', 'aria-keyshortcuts': key?.aria ?? null },
      on: { click: () => onClick() },
    },
    labelEl,
    key ? h('kbd', { class: 'fac-btn__key', attrs: { 'aria-hidden': 'true' }, text: key.show }) : null,
  );
  return button;
}

/** Changes a command button's label without touching its key hint. */
export function setButtonLabel(button: HTMLButtonElement, label: string): void {
  const el = button.querySelector('.fac-btn__label');
  if (el && el.textContent !== label) el.textContent = label;
}

export function setDisabled(button: HTMLButtonElement | HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, disabled: boolean, why?: string): void {
  button.disabled = disabled;
  if (why && disabled) button.title = why;
  else button.removeAttribute('title');
}

/** A labelled control: the label is tied to the control by id. */
export function field(labelText: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string): HTMLElement {
  control.id ||= uid('fac-field');
  const hintEl = hint ? h('span', { class: 'fac-hint', id: uid('fac-hint'), text: hint }) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field fac-field' }, h('label', { attrs: { for: control.id }, text: labelText }), control, hintEl);
}

/** Sets a form control's value unless the user is typing in it. */
export function setValue(control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string): void {
  if (document.activeElement === control) return;
  if (control.value !== value) control.value = value;
}

export function select(options: { value: string; label: string }[], value: string, onChange: (v: string) => void, cls = 'select'): HTMLSelectElement {
  const el = h('select', { class: cls, on: { change: () => onChange(el.value) } }, ...options.map((o) => h('option', { attrs: { value: o.value }, text: o.label })));
  el.value = value;
  return el;
}

export function replaceOptions(el: HTMLSelectElement, options: { value: string; label: string }[], value: string): void {
  const key = JSON.stringify(options);
  if (el.dataset.options !== key) {
    replace(el, ...options.map((o) => h('option', { attrs: { value: o.value }, text: o.label })));
    el.dataset.options = key;
  }
  if (el.value !== value) el.value = value;
}

export function panel(title: string, cls: string, ...children: (Node | null)[]): HTMLElement {
  const id = uid('fac-panel');
  return h('section', { class: `fac-panel ${cls}`, attrs: { 'aria-labelledby': id } }, h('h2', { class: 'fac-panel__title', id, text: title }), ...children);
}

export function list(items: string[], cls = 'fac-list'): HTMLElement {
  return h('ul', { class: cls }, ...items.map((t) => h('li', { text: t })));
}

/** Only re-renders when the key changes: keeps DOM churn (and focus loss) away from clock ticks. */
export function keyed<T>(render: (value: T) => void): (key: string, value: T) => void {
  let last: string | null = null;
  return (key, value) => {
    if (key === last) return;
    last = key;
    render(value);
  };
}
