import { chooseLang, showLang } from '../../i18n/browser-lang.ts';
import { isLang } from '../../i18n/lang.ts';
import type { CatalogueEntry } from '../../scenarios/bundled.ts';
import { h, isTypingTarget, replace } from '../../ui/dom.ts';
import { skipOption } from '../../engine/rules.ts';
import { createConfirmDialog } from './confirm-dialog.ts';
import type { ConsoleState, ConsoleStore, ConsoleTab } from './console-store.ts';
import { roomPanel } from '../room/room-panel.ts';
import type { Screen } from './later-screens.ts';
import { setupView } from './setup-view.ts';
import { adoptShell, localizeShell } from './shell.ts';
import { commandFor, shortcutHelp, type Command } from './shortcuts.ts';
import { t } from './i18n.ts';

// The facilitator console: a top bar with the tabs, and under it the set-up, the live exercise
// (controls, private material, evaluation), the report, or the session history.
// A language switch in the top bar: the views are built again in the new language (what is typed
// lives in the store, so nothing is lost), and the presenter follows through its next frame.
// Only the set-up comes with the console's first chunk: the running exercise, the report and the
// session history are in a chunk of their own (later-screens.ts), fetched when one of them is
// first shown (with a visible wait; the service worker precaches every chunk, so this works
// offline too), and each is built when first shown.

export interface ConsoleEnv {
  /** The shipped scenarios' cards, for the picker. */
  catalog: readonly CatalogueEntry[];
  download(fileName: string, mime: string, text: string): void;
  downloadBytes(fileName: string, mime: string, bytes: Uint8Array): void;
  print(): void;
  openPresenter(): void;
  now(): number;
}

/** What shows under the top bar. */
type ScreenKey = 'setup' | 'live' | 'report' | 'sessions';
type LazyKey = Exclude<ScreenKey, 'setup'>;

const screenKey = (state: ConsoleState): ScreenKey => (state.tab === 'exercise' ? (state.session.stage === 'setup' ? 'setup' : 'live') : state.tab);

/** Leaves `el` as the only child of `parent`, without taking it out first when it is there already (the set-up the page painted). */
const showOnly = (parent: HTMLElement, el: HTMLElement): void => {
  for (const child of [...parent.childNodes]) if (child !== el) child.remove();
  if (el.parentNode !== parent) parent.append(el);
};

/** Sets an element's text only when it changes: the shell came with its first words, and a live region rewritten with the same words may be read out again. */
const setText = (el: HTMLElement, text: string): void => {
  if (el.textContent !== text) el.textContent = text;
};

export function mountConsole(root: HTMLElement, store: ConsoleStore, env: ConsoleEnv): { destroy(): void } {
  const confirm = createConfirmDialog();
  const act = (f: Parameters<ConsoleState['act']>[0], announce?: string): string | null => store.getState().act(f, announce);

  const askEnd = async (): Promise<void> => {
    const s = store.getState();
    if (s.session.stage !== 'incident') return void act((x) => x.end());
    const finished = s.view?.phase === 'ended';
    const yes = await confirm.ask({
      title: t('endTitle'),
      text: finished ? t('endFinished') : t('endUnfinished'),
      confirm: t('endConfirm'),
      danger: !finished,
    });
    if (yes) act((x) => x.end(), t('said.ended'));
  };

  // Skipping applies the beat's default (else the advised option): only with the facilitator's yes.
  const askSkip = async (): Promise<void> => {
    const s = store.getState();
    const ex = s.exercise();
    const compiled = s.compiled();
    const state = ex.state;
    const beat = state?.beat ? compiled?.index.beats.get(state.beat) : undefined;
    const id = beat?.decision ? (skipOption(compiled!.index, state!) ?? null) : null;
    const label = id ? (s.view?.decision?.options.find((o) => o.id === id)?.label ?? id) : null;
    if (!label) return void act((x) => x.skip());
    const yes = await confirm.ask({
      title: t('skipTitle'),
      text: t('skipText', { label }),
      confirm: t('skipConfirm'),
      danger: true,
    });
    if (yes) act((x) => x.skip(), t('said.skipped'));
  };

  // ---- top bar, from the shell the page painted before this chunk arrived (shell.ts) ----
  const shell = adoptShell(root);
  const { who, presenterStatus, savedStatus, tabButtons, messageSlot, main } = shell;
  shell.presenterButton.addEventListener('click', () => env.openPresenter());
  shell.helpButton.addEventListener('click', () => showHelp());
  for (const b of tabButtons) b.addEventListener('click', () => store.getState().setTab(b.dataset.tab as ConsoleTab));
  const live = h('p', { class: 'visually-hidden', attrs: { 'aria-live': 'polite', role: 'status' } });
  const langSelect = shell.langSelect;
  langSelect.value = store.getState().lang;
  langSelect.addEventListener('change', () => {
    const chosen = langSelect.value;
    if (!isLang(chosen)) return;
    chooseLang(chosen);
    void store.getState().setLang(chosen).then(() => {
      // Words that could not come (offline) leave the console as it was; the switch says so.
      langSelect.value = store.getState().lang;
      showLang(store.getState().lang);
    });
  });
  // The workshop room's panel holds the room's connection: it is built once and says its words
  // again itself when the language changes. So do the room's votes, built with the report.
  const room = roomPanel(store, { download: env.download });
  let roomVotes: { el: HTMLElement; destroy(): void } | null = null;

  // ---- the screens not on show at first: one chunk (later-screens.ts), fetched when the first of them is shown ----
  type LaterScreens = typeof import('./later-screens.ts');
  let later: LaterScreens | null = null;
  let fetchingLater: Promise<LaterScreens> | null = null;
  /** Fetches the chunk once (again after a failure, so a lost download can be retried). */
  const fetchLater = (): Promise<LaterScreens> =>
    (fetchingLater ??= import('./later-screens.ts').then(
      (module) => (later = module),
      (error: unknown) => {
        fetchingLater = null;
        throw error;
      },
    ));
  const buildLater = (key: LazyKey, m: LaterScreens): Screen => {
    switch (key) {
      case 'live':
        return m.liveScreen(store, { onEnd: () => void askEnd(), onSkip: () => void askSkip(), now: env.now });
      case 'report': {
        roomVotes ??= m.roomVotesView(store, env.download, () => store.getState().lang);
        const report = m.reportView(store, { download: env.download, downloadBytes: env.downloadBytes, print: env.print, now: env.now, lang: () => store.getState().lang });
        report.el.append(roomVotes.el);
        return { el: report.el, views: [report] };
      }
      case 'sessions': {
        const sessions = m.sessionsView(store, { download: env.download, confirm: confirm.ask, now: env.now });
        return { el: sessions.el, views: [sessions] };
      }
      default: {
        const unknown: never = key;
        throw new Error(`no console screen "${String(unknown)}"`);
      }
    }
  };

  // ---- the views, built in the console's language (again when it changes); other screens when first shown ----
  const build = () => {
    const takeover = h(
      'div',
      { class: 'fac-takeover', attrs: { role: 'alert' } },
      h('p', { text: t('takeoverText') }),
      h('button', { class: 'btn btn--primary', attrs: { type: 'button' }, text: t('takeoverButton'), on: { click: () => void store.getState().takeControl() } }),
    );
    const setup = setupView(store, env.catalog, env.openPresenter, { el: shell.setup, heading: shell.setupHeading });
    // The shell stays where it is: nothing above the set-up's introduction changes size.
    messageSlot.after(takeover);
    return { takeover, setup };
  };
  let v = build();
  let screens: Partial<Record<ScreenKey, Screen>> = { setup: { el: v.setup.el, views: [v.setup] } };
  /** The screen in the console's language, built now if its code is here; null while it is being fetched. */
  const screenFor = (key: ScreenKey): Screen | null => {
    const built = screens[key];
    if (built || key === 'setup') return built ?? null;
    return later ? (screens[key] = buildLater(key, later)) : null;
  };

  let help: HTMLDialogElement | null = null;
  const helpDialog = (): HTMLDialogElement => {
    const dialog = h(
      'dialog',
      { class: 'dialog fac-dialog', attrs: { 'aria-labelledby': 'fac-help-title' } },
      h('h2', { class: 'dialog__title', id: 'fac-help-title', text: t('helpTitle') }),
      h('dl', { class: 'keys fac-keys' }, ...shortcutHelp().flatMap((s) => [h('dt', null, h('kbd', { text: s.keys })), h('dd', { text: s.does })])),
      h('p', { class: 'muted small', text: t('helpNote') }),
      h('div', { class: 'actions' }, h('button', { class: 'btn btn--primary', attrs: { type: 'button' }, text: t('close'), on: { click: () => dialog.close() } })),
    );
    root.append(dialog);
    return dialog;
  };
  const showHelp = (): void => {
    help ??= helpDialog();
    if (!help.open) help.showModal();
  };
  const rebuild = (): void => {
    const wasOpen = help?.open ?? false;
    v.takeover.remove();
    help?.remove();
    help = null;
    for (const screen of Object.values(screens)) screen.destroy?.();
    // The set-up fills the frame the page painted: all but its title and introduction go.
    for (const child of [...shell.setup.children]) if (child !== shell.setupHead) child.remove();
    v = build();
    screens = { setup: { el: v.setup.el, views: [v.setup] } };
    if (wasOpen) showHelp();
    shown = null;
  };

  root.append(live, confirm.el);
  document.documentElement.dataset.facilitator = 'console';

  // What shows while a screen's code is on its way, or why it could not come.
  const waiting = h('div', { class: 'fac-waiting' });
  let shown: { key: ScreenKey; screen: Screen | null } | null = null;
  /** A screen asked for by the facilitator (not the one the console opened on) takes the focus once it arrives. */
  let focusOnArrival = false;
  const show = (state: ConsoleState): void => {
    const key = screenKey(state);
    if (shown?.key === key) return;
    const screen = screenFor(key);
    showOnly(main, screen?.el ?? waiting);
    // The workshop room's panel opens each view; on the set-up it follows the title and
    // introduction, which the page painted before the panel's code arrived and which must not move.
    if (key === 'setup') shell.setupHead.after(room.el);
    else main.prepend(room.el);
    const focus = shown !== null;
    shown = { key, screen };
    if (!screen) {
      focusOnArrival = focus;
      replace(waiting, h('p', { class: 'muted', attrs: { role: 'status' }, text: t('loadingView') }));
      fetchLater().then(
        () => {
          if (shown?.key !== key || shown.screen) return;
          shown = null;
          show(store.getState());
          if (focusOnArrival) shown!.screen?.views[0]!.focus();
        },
        (error: unknown) => {
          if (shown?.key !== key || shown.screen) return;
          replace(waiting, h('p', { class: 'notice notice--error', attrs: { role: 'alert' }, text: t('viewUnloadable', { message: error instanceof Error ? error.message : String(error) }) }));
        },
      );
      return;
    }
    for (const v of screen.views) v.update(state);
    if (focus) screen.views[0]!.focus();
  };

  const render = (state: ConsoleState, prev: ConsoleState | null): void => {
    if (!prev || state.lang !== prev.lang) {
      showLang(state.lang);
      localizeShell(root);
      document.title = t('pageTitle');
      if (langSelect.value !== state.lang) langSelect.value = state.lang;
      if (prev) rebuild();
    }
    const focusAfter = prev !== null && state.lang !== prev.lang;
    show(state);
    if (focusAfter) langSelect.focus();
    for (const v of shown!.screen?.views ?? []) v.update(state);
    for (const b of tabButtons) {
      const current = b.dataset.tab === state.tab;
      if (current) b.setAttribute('aria-current', 'page');
      else b.removeAttribute('aria-current');
    }
    const s = state.session;
    setText(who, s.team.name ? t('whoLine', { team: s.team.name, scenario: s.scenarioTitle }) : s.scenarioTitle || t('newExercise'));
    const n = state.sync.presenters.length;
    setText(presenterStatus, n === 0 ? t('noPresenter') : n === 1 ? t('presenterConnected') : t('presenterWindows', { count: n }));
    presenterStatus.className = `fac-top__status fac-top__status--${n > 0 ? 'on' : 'off'}`;
    setText(savedStatus, state.storageProblem ? t('notSaved') : t('saved'));
    savedStatus.className = `fac-top__saved${state.storageProblem ? ' fac-top__saved--bad' : ''}`;
    v.takeover.hidden = state.sync.authority;
    document.body.dataset.stage = s.stage;
    document.body.dataset.decision = s.decision;
    document.body.dataset.rev = String(s.rev);
    document.body.dataset.phase = state.view?.phase ?? 'none';

    if (!prev || state.message !== prev.message || state.storageProblem !== prev.storageProblem || state.lang !== prev.lang) {
      const m = state.message ?? (state.storageProblem ? { tone: 'error' as const, text: state.storageProblem } : null);
      replace(
        messageSlot,
        m
          ? h(
              'div',
              { class: `notice notice--${m.tone} fac-message`, attrs: { role: m.tone === 'error' ? 'alert' : 'status' } },
              h('p', { class: 'fac-message__text', text: m.text }),
              state.message
                ? h('button', { class: 'btn btn--small', attrs: { type: 'button' }, text: t('dismiss'), on: { click: () => store.getState().dismissMessage() } })
                : null,
            )
          : null,
      );
    }
    if (prev && state.announcement.n !== prev.announcement.n) replace(live, state.announcement.text);
  };

  const run = (c: Command): void => {
    const s = store.getState();
    const options = s.view?.decision?.options ?? [];
    switch (c.kind) {
      case 'toggle-pause':
        act((x) => x.togglePause(), s.session.stage === 'briefing' ? t('said.started') : s.session.paused ? t('said.resumed') : t('said.paused'));
        return;
      case 'speed':
        act((x) => x.cycleSpeed());
        return;
      case 'release':
        act((x) => x.release(), t('said.released'));
        return;
      case 'skip':
        void askSkip();
        return;
      case 'extend':
        act((x) => x.extend(), t('said.extended'));
        return;
      case 'hold':
        act((x) => x.hold(), t('said.held'));
        return;
      case 'record':
        act((x) => x.record(), t('said.recorded'));
        return;
      case 'reveal':
        act((x) => x.reveal(), t('said.revealed'));
        return;
      case 'continue':
        act((x) => x.continue(), t('said.next'));
        return;
      case 'undo':
        act((x) => x.undo(), t('said.undone'));
        return;
      case 'end':
        void askEnd();
        return;
      case 'note':
        if (s.tab !== 'exercise' || s.session.stage === 'setup') s.setTab('exercise');
        // The note box is on the running exercise's screen, which may still be on its way.
        if (s.session.stage !== 'setup') fetchLater().then(() => screenFor('live')?.focusNote?.(), () => {}); // a failure shows in the screen's place
        return;
      case 'presenter':
        env.openPresenter();
        return;
      case 'help':
        showHelp();
        return;
      case 'select': {
        const option = options[c.n - 1];
        if (option) act((x) => x.select(s.session.selected === option.id ? null : option.id));
        return;
      }
      case 'vote': {
        const option = options[c.n - 1];
        if (option) act((x) => x.addVote(option.id, 1), t('said.votes', { option: option.label, count: (s.session.votes[option.id] ?? 0) + 1 }));
        return;
      }
      default: {
        const unreachable: never = c;
        throw new Error(`unknown command ${JSON.stringify(unreachable)}`);
      }
    }
  };
  const onKey = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.repeat || isTypingTarget(e.target)) return;
    if (confirm.el.open || help?.open) return;
    // Space and Enter on a focused button belong to the button.
    if ((e.key === ' ' || e.key === 'Enter') && e.target instanceof HTMLButtonElement) return;
    const command = commandFor(e);
    if (!command) return;
    const s = store.getState();
    // Shortcuts steer the exercise; on the report and history tabs only the global ones apply.
    const global = command.kind === 'help' || command.kind === 'presenter' || command.kind === 'note';
    if (!global && (s.tab !== 'exercise' || s.session.stage === 'setup')) return;
    e.preventDefault();
    run(command);
  };
  window.addEventListener('keydown', onKey);
  // A button clicked with the mouse gives its focus back, so Space pauses instead of pressing
  // it again (a second "+5 min"). A button reached with the keyboard keeps Space and Enter.
  const onClick = (e: MouseEvent): void => {
    const button = e.target instanceof Element ? e.target.closest('button') : null;
    if (button && e.detail > 0 && root.contains(button) && !button.closest('dialog')) button.blur();
  };
  root.addEventListener('click', onClick);

  const unsubscribe = store.subscribe((state, prev) => render(state, prev));
  render(store.getState(), null);

  return {
    destroy() {
      unsubscribe();
      room.destroy();
      roomVotes?.destroy();
      for (const screen of Object.values(screens)) screen.destroy?.();
      window.removeEventListener('keydown', onKey);
      root.removeEventListener('click', onClick);
      replace(root);
    },
  };
}
