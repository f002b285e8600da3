import { h, replace } from '../../ui/dom.ts';
import { t } from './i18n.ts';

// A modal question with two answers, on a native <dialog>: focus stays inside, Esc cancels.

export interface ConfirmOptions {
  title: string;
  text: string;
  confirm: string;
  cancel?: string;
  danger?: boolean;
}

export function createConfirmDialog(): { el: HTMLDialogElement; ask(o: ConfirmOptions): Promise<boolean> } {
  const title = h('h2', { class: 'dialog__title', id: 'fac-confirm-title' });
  const text = h('p', { class: 'dialog__text', id: 'fac-confirm-text' });
  const yes = h('button', { class: 'btn btn--primary', attrs: { type: 'button' } });
  const no = h('button', { class: 'btn btn--ghost', attrs: { type: 'button' } });
  const el = h(
    'dialog',
    { class: 'dialog fac-dialog', attrs: { 'aria-labelledby': 'fac-confirm-title', 'aria-describedby': 'fac-confirm-text' } },
    title,
    text,
    h('div', { class: 'actions' }, yes, no),
  );
  let settle: ((answer: boolean) => void) | null = null;
  const finish = (answer: boolean): void => {
    if (el.open) el.close();
    settle?.(answer);
    settle = null;
  };
  yes.addEventListener('click', () => finish(true));
  no.addEventListener('click', () => finish(false));
  el.addEventListener('cancel', (e) => {
    e.preventDefault();
    finish(false);
  });
  return {
    el,
    ask(o) {
      settle?.(false);
      replace(title, o.title);
      replace(text, o.text);
      replace(yes, o.confirm);
      replace(no, o.cancel ?? t('cancel'));
      yes.className = `btn ${o.danger ? 'btn--danger' : 'btn--primary'}`;
      const previous = document.activeElement as HTMLElement | null;
      el.showModal();
      no.focus();
      return new Promise((resolve) => {
        settle = (answer) => {
          resolve(answer);
          previous?.focus?.();
        };
      });
    },
  };
}
