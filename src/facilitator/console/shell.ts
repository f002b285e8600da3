import { fromMarkup } from '../../ui/dom.ts';
import { m, type Markup } from '../../ui/markup.ts';
import { BRAND_MARK } from '../../ui/parts/brand.ts';
import type { ConsoleTab } from './console-store.ts';

// The console's shell: the skip link, the top bar, and the set-up's title and introduction (the
// page's largest text, its LCP). Written into facilitator.html at build time (vite.config.ts) so
// it paints with the page, before the console's chunk has arrived; the console then takes over
// these same elements (adoptShell) instead of drawing them again. Its text is written only here.

export const CONSOLE_TABS: readonly { id: ConsoleTab; label: string }[] = [
  { id: 'exercise', label: 'Exercise' },
  { id: 'report', label: 'Report' },
  { id: 'sessions', label: 'Sessions' },
];

/** What the top bar's live parts say before anything is known; the console says the same on its first render, so nothing moves. */
export const SHELL_DEFAULTS = { who: 'New exercise', saved: 'Saved', presenters: 'No presenter window' } as const;

const kbd = (key: string): Markup => m('kbd', { 'aria-hidden': 'true' }, key);

/** The shell's elements, in #app's order. */
export function consoleShell(): Markup[] {
  return [
    m('a', { class: 'skip-link', href: '#main' }, 'Skip to the console'),
    m(
      'header',
      { class: 'fac-top' },
      m('div', { class: 'fac-top__brand' }, BRAND_MARK, m('span', { class: 'fac-top__mode' }, 'Facilitator console')),
      m(
        'nav',
        { class: 'fac-tabs', 'aria-label': 'Console' },
        ...CONSOLE_TABS.map((t) => m('button', { class: 'fac-tab', type: 'button', 'data-tab': t.id, 'aria-current': t.id === 'exercise' ? 'page' : false }, t.label)),
      ),
      m('p', { class: 'fac-top__who' }, SHELL_DEFAULTS.who),
      m(
        'div',
        { class: 'fac-top__tools' },
        m('p', { class: 'fac-top__saved' }, SHELL_DEFAULTS.saved),
        m('p', { class: 'fac-top__status fac-top__status--off', role: 'status' }, SHELL_DEFAULTS.presenters),
        m('button', { class: 'btn btn--small', type: 'button', 'aria-keyshortcuts': 'W', 'data-shell': 'presenter' }, 'Open presenter ', kbd('W')),
        m('button', { class: 'btn btn--small btn--ghost', type: 'button', 'aria-keyshortcuts': 'Shift+?', 'data-shell': 'help' }, 'Shortcuts ', kbd('?')),
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
          m('h1', { class: 'fac-title', tabindex: -1 }, 'Set up the exercise'),
          m('p', { class: 'muted' }, 'Enter the team, choose a scenario, then open the briefing on the projector. Everything you type is saved as you go.'),
        ),
      ),
    ),
  ];
}

export interface ConsoleShell {
  topbar: HTMLElement;
  tabButtons: HTMLButtonElement[];
  who: HTMLElement;
  savedStatus: HTMLElement;
  presenterStatus: HTMLElement;
  presenterButton: HTMLButtonElement;
  helpButton: HTMLButtonElement;
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
  return {
    topbar: one('.fac-top'),
    tabButtons: [...root.querySelectorAll<HTMLButtonElement>('.fac-tabs > button[data-tab]')],
    who: one('.fac-top__who'),
    savedStatus: one('.fac-top__saved'),
    presenterStatus: one('.fac-top__status'),
    presenterButton: one('[data-shell="presenter"]'),
    helpButton: one('[data-shell="help"]'),
    messageSlot: one('.fac-message-slot'),
    main: one('#main'),
    setup: one('#main > .fac-setup'),
    setupHead: one('.fac-setup__head'),
    setupHeading: one('.fac-setup__head > h1'),
  };
}
