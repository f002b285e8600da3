import { LANG_NAMES, LANGS } from '../../i18n/lang.ts';
import { fromMarkup } from '../../ui/dom.ts';
import { m, type Markup } from '../../ui/markup.ts';
import { BRAND_MARK } from '../../ui/parts/brand.ts';
import type { ConsoleTab } from './console-store.ts';
import { t } from './i18n.ts';
import type { ConsoleMessages } from './messages.ts';

// The console's shell: the skip link, the top bar, and the set-up's title and introduction (the
// page's largest text, its LCP). Written into facilitator.html at build time (vite.config.ts) so
// it paints with the page, before the console's chunk has arrived; the console then takes over
// these same elements (adoptShell) instead of drawing them again. Its text is written only here.
// The page is built in English; each text carries its key (data-t), and a console that speaks
// another language has those texts swapped by a few bytes of script right after the shell, before
// the first paint (vite.config.ts, SHELL_KEYS), so a German console never shows English first.

export const CONSOLE_TABS: readonly ConsoleTab[] = ['exercise', 'report', 'sessions'];

/** Every text of the shell, by the element that shows it (data-t) or the attribute that holds it (data-t-aria). */
export const SHELL_KEYS = [
  'skipLink',
  'mode',
  'tabsLabel',
  'tab.exercise',
  'tab.report',
  'tab.sessions',
  'newExercise',
  'saved',
  'noPresenter',
  'openPresenter',
  'shortcuts',
  'language',
  'setupTitle',
  'setupIntro',
] as const satisfies readonly (keyof ConsoleMessages)[];

/** A text of the shell, marked with its key so the page can swap it for another language's before painting. */
const said = (key: (typeof SHELL_KEYS)[number]): Markup => m('span', { 'data-t': key }, t(key));

const kbd = (key: string): Markup => m('kbd', { 'aria-hidden': 'true' }, key);

/** The shell's elements, in #app's order. */
export function consoleShell(): Markup[] {
  return [
    m('a', { class: 'skip-link', href: '#main', 'data-t': 'skipLink' }, t('skipLink')),
    m(
      'header',
      { class: 'fac-top' },
      m('div', { class: 'fac-top__brand' }, BRAND_MARK, m('span', { class: 'fac-top__mode', 'data-t': 'mode' }, t('mode'))),
      m(
        'nav',
        { class: 'fac-tabs', 'aria-label': t('tabsLabel'), 'data-t-aria': 'tabsLabel' },
        ...CONSOLE_TABS.map((id) => m('button', { class: 'fac-tab', type: 'button', 'data-tab': id, 'aria-current': id === 'exercise' ? 'page' : false, 'data-t': `tab.${id}` }, t(`tab.${id}`))),
      ),
      m('p', { class: 'fac-top__who', 'data-t': 'newExercise' }, t('newExercise')),
      m(
        'div',
        { class: 'fac-top__tools' },
        m('p', { class: 'fac-top__saved', 'data-t': 'saved' }, t('saved')),
        m('p', { class: 'fac-top__status fac-top__status--off', role: 'status', 'data-t': 'noPresenter' }, t('noPresenter')),
        m('button', { class: 'btn btn--small', type: 'button', 'aria-keyshortcuts': 'W', 'data-shell': 'presenter' }, said('openPresenter'), ' ', kbd('W')),
        m('button', { class: 'btn btn--small btn--ghost', type: 'button', 'aria-keyshortcuts': 'Shift+?', 'data-shell': 'help' }, said('shortcuts'), ' ', kbd('?')),
        // The language switch: each language named in itself; the page's head script has chosen one before the first paint.
        m(
          'p',
          { class: 'fac-top__lang' },
          m('label', { class: 'visually-hidden', for: 'fac-lang', 'data-t': 'language' }, t('language')),
          m('select', { id: 'fac-lang', class: 'select select--small', 'data-shell': 'lang' }, ...LANGS.map((l) => m('option', { value: l, lang: l }, LANG_NAMES[l]))),
        ),
      ),
    ),
    m('div', { class: 'fac-message-slot' }),
    m(
      'main',
      { id: 'main', class: 'fac-main', tabindex: -1 },
      m(
        'div',
        { class: 'fac-setup' },
        m(
          'div',
          { class: 'fac-setup__head' },
          m('h1', { class: 'fac-title', tabindex: -1, 'data-t': 'setupTitle' }, t('setupTitle')),
          m('p', { class: 'muted', 'data-t': 'setupIntro' }, t('setupIntro')),
        ),
      ),
    ),
  ];
}

/** Says the shell's texts in the console's current language (only those that differ change, so nothing is read out again). */
export function localizeShell(root: HTMLElement): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-t]')) {
    const text = t(el.dataset.t as (typeof SHELL_KEYS)[number]);
    if (el.textContent !== text) el.textContent = text;
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-t-aria]')) el.setAttribute('aria-label', t(el.dataset.tAria as (typeof SHELL_KEYS)[number]));
}

export interface ConsoleShell {
  topbar: HTMLElement;
  tabButtons: HTMLButtonElement[];
  who: HTMLElement;
  savedStatus: HTMLElement;
  presenterStatus: HTMLElement;
  presenterButton: HTMLButtonElement;
  helpButton: HTMLButtonElement;
  langSelect: HTMLSelectElement;
  messageSlot: HTMLElement;
  main: HTMLElement;
  /** The set-up view's frame (.fac-setup) and its head (title and introduction). */
  setup: HTMLElement;
  setupHead: HTMLElement;
  setupHeading: HTMLElement;
}

/**
 * The shell the page was served with, or, where the page came without it, the same shell built
 * here. What else #app holds (the <noscript> note) goes.
 */
export function adoptShell(root: HTMLElement): ConsoleShell {
  if (!root.querySelector(':scope > .fac-top')) root.replaceChildren(...consoleShell().map((node) => fromMarkup(node)));
  for (const child of [...root.children]) if (child.tagName === 'NOSCRIPT') child.remove();
  // Set by the page's head script when it was opened on an exercise past its set-up: the console now shows what is right.
  delete document.documentElement.dataset.consoleResume;
  const one = <T extends HTMLElement>(selector: string): T => {
    const el = root.querySelector<T>(selector);
    if (!el) throw new Error(`the console's shell has no ${selector}`);
    return el;
  };
  // The top bar's live parts say what the console tells them from now on; their keys were for the first paint.
  for (const live of root.querySelectorAll<HTMLElement>('.fac-top__who, .fac-top__saved, .fac-top__status')) delete live.dataset.t;
  return {
    topbar: one('.fac-top'),
    tabButtons: [...root.querySelectorAll<HTMLButtonElement>('.fac-tabs > button[data-tab]')],
    who: one('.fac-top__who'),
    savedStatus: one('.fac-top__saved'),
    presenterStatus: one('.fac-top__status'),
    presenterButton: one('[data-shell="presenter"]'),
    helpButton: one('[data-shell="help"]'),
    langSelect: one('[data-shell="lang"]'),
    messageSlot: one('.fac-message-slot'),
    main: one('#main'),
    setup: one('#main > .fac-setup'),
    setupHead: one('.fac-setup__head'),
    setupHeading: one('.fac-setup__head > h1'),
  };
}
