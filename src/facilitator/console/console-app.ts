import type { CatalogueEntry } from '../../scenarios/bundled.ts';
import { h, isTypingTarget, replace } from '../../ui/dom.ts';
import { skipOption } from '../../engine/rules.ts';
import { createConfirmDialog } from './confirm-dialog.ts';
import type { ConsoleState, ConsoleStore, ConsoleTab } from './console-store.ts';
import { controlsView } from './controls-view.ts';
import { evaluationView } from './evaluation-view.ts';
import { materialView } from './material-view.ts';
import { reportView } from './report-view.ts';
import { rememberedLang } from '../../i18n/browser-lang.ts';
import { roomPanel } from '../room/room-panel.ts';
import { roomVotesView } from '../room/room-votes-view.ts';
import { sessionsView } from './sessions-view.ts';
import { setupView, type View } from './setup-view.ts';
import { adoptShell, SHELL_DEFAULTS } from './shell.ts';
import { commandFor, SHORTCUT_HELP, type Command } from './shortcuts.ts';

// The facilitator console: a top bar with the tabs, and under it the set-up, the live exercise
// (controls, private material, evaluation), the report, or the session history.

export interface ConsoleEnv {
  /** The shipped scenarios' cards, for the picker. */
  catalog: readonly CatalogueEntry[];
  download(fileName: string, mime: string, text: string): void;
  downloadBytes(fileName: string, mime: string, bytes: Uint8Array): void;
  print(): void;
  openPresenter(): void;
  now(): number;
}

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
      title: 'End the exercise?',
      text: finished
        ? 'The run has reached its ending. The projector shows the scores and the console opens the report.'
        : 'The run has not reached its ending; the scores will use the figures so far. You can go back to the incident from the report.',
      confirm: 'End and debrief',
      danger: !finished,
    });
    if (yes) act((x) => x.end(), 'Exercise ended; the report is open');
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
      title: 'Skip this beat?',
      text: `The beat's default applies: “${label}”. The report records it as skipped by the facilitator, not as the team's choice.`,
      confirm: 'Skip and apply it',
      danger: true,
    });
    if (yes) act((x) => x.skip(), 'Beat skipped');
  };

  // ---- top bar, from the shell the page painted before this chunk arrived (shell.ts) ----
  const shell = adoptShell(root);
  const { who, presenterStatus, savedStatus, tabButtons, messageSlot, main } = shell;
  shell.presenterButton.addEventListener('click', () => env.openPresenter());
  shell.helpButton.addEventListener('click', () => showHelp());
  for (const b of tabButtons) b.addEventListener('click', () => store.getState().setTab(b.dataset.tab as ConsoleTab));
  const live = h('p', { class: 'visually-hidden', attrs: { 'aria-live': 'polite', role: 'status' } });
  const takeover = h(
    'div',
    { class: 'fac-takeover', attrs: { role: 'alert' } },
    h('p', { text: 'This exercise is now run from another console window. This window is read-only so the two never disagree.' }),
    h('button', { class: 'btn btn--primary', attrs: { type: 'button' }, text: 'Run it from here', on: { click: () => void store.getState().takeControl() } }),
  );

  // ---- the views ----
  const setup = setupView(store, env.catalog, env.openPresenter, { el: shell.setup, heading: shell.setupHeading });
  const controls = controlsView(store, { onEnd: () => void askEnd(), onSkip: () => void askSkip(), now: env.now });
  const material = materialView(store);
  const evaluation = evaluationView(store);
  const live3 = h('div', { class: 'fac-live' }, h('h1', { class: 'visually-hidden', text: 'Running the exercise' }), controls.el, material.el, evaluation.el);
  // The report speaks the language this device remembers (the console's own switch sets the same choice).
  const report = reportView(store, { download: env.download, downloadBytes: env.downloadBytes, print: env.print, now: env.now, lang: rememberedLang });
  const sessions = sessionsView(store, { download: env.download, confirm: confirm.ask, now: env.now });
  const room = roomPanel(store, { download: env.download });
  const roomVotes = roomVotesView(store, env.download, rememberedLang);
  report.el.append(roomVotes.el);

  const help = h(
    'dialog',
    { class: 'dialog fac-dialog', attrs: { 'aria-labelledby': 'fac-help-title' } },
    h('h2', { class: 'dialog__title', id: 'fac-help-title', text: 'Keyboard shortcuts' }),
    h('dl', { class: 'keys fac-keys' }, ...SHORTCUT_HELP.flatMap((s) => [h('dt', null, h('kbd', { text: s.keys })), h('dd', { text: s.does })])),
    h('p', { class: 'muted small', text: 'Shortcuts work whenever the cursor is not in a text field.' }),
    h('div', { class: 'actions' }, h('button', { class: 'btn btn--primary', attrs: { type: 'button' }, text: 'Close', on: { click: () => help.close() } })),
  );
  const showHelp = (): void => {
    if (!help.open) help.showModal();
  };

  // The shell stays where it is: nothing above the set-up's introduction changes size.
  messageSlot.after(takeover);
  root.append(live, help, confirm.el);
  document.documentElement.dataset.facilitator = 'console';
  document.title = 'Facilitator console · War Room';

  let shown: { key: string; views: View[] } | null = null;
  const show = (state: ConsoleState): void => {
    const key = state.tab === 'exercise' ? (state.session.stage === 'setup' ? 'setup' : 'live') : state.tab;
    if (shown?.key === key) return;
    const views: View[] = key === 'setup' ? [setup] : key === 'live' ? [controls, material, evaluation] : key === 'report' ? [report] : [sessions];
    showOnly(main, key === 'setup' ? setup.el : key === 'live' ? live3 : key === 'report' ? report.el : sessions.el);
    // The workshop room's panel opens each view; on the set-up it follows the title and
    // introduction, which the page painted before the panel's code arrived and which must not move.
    if (key === 'setup') shell.setupHead.after(room.el);
    else main.prepend(room.el);
    const first = shown === null;
    shown = { key, views };
    for (const v of views) v.update(state);
    if (!first) views[0]!.focus();
  };

  const render = (state: ConsoleState, prev: ConsoleState | null): void => {
    show(state);
    for (const v of shown!.views) v.update(state);
    for (const b of tabButtons) {
      const current = b.dataset.tab === state.tab;
      if (current) b.setAttribute('aria-current', 'page');
      else b.removeAttribute('aria-current');
    }
    const s = state.session;
    setText(who, s.team.name ? `${s.team.name} · ${s.scenarioTitle}` : s.scenarioTitle || SHELL_DEFAULTS.who);
    const n = state.sync.presenters.length;
    setText(presenterStatus, n === 0 ? SHELL_DEFAULTS.presenters : n === 1 ? 'Presenter connected' : `${n} presenter windows`);
    presenterStatus.className = `fac-top__status fac-top__status--${n > 0 ? 'on' : 'off'}`;
    setText(savedStatus, state.storageProblem ? 'Not saved: see the message' : SHELL_DEFAULTS.saved);
    savedStatus.className = `fac-top__saved${state.storageProblem ? ' fac-top__saved--bad' : ''}`;
    takeover.hidden = state.sync.authority;
    document.body.dataset.stage = s.stage;
    document.body.dataset.decision = s.decision;
    document.body.dataset.rev = String(s.rev);
    document.body.dataset.phase = state.view?.phase ?? 'none';

    if (!prev || state.message !== prev.message || state.storageProblem !== prev.storageProblem) {
      const m = state.message ?? (state.storageProblem ? { tone: 'error' as const, text: state.storageProblem } : null);
      replace(
        messageSlot,
        m
          ? h(
              'div',
              { class: `notice notice--${m.tone} fac-message`, attrs: { role: m.tone === 'error' ? 'alert' : 'status' } },
              h('p', { class: 'fac-message__text', text: m.text }),
              state.message
                ? h('button', { class: 'btn btn--small', attrs: { type: 'button' }, text: 'Dismiss', on: { click: () => store.getState().dismissMessage() } })
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
        act((x) => x.togglePause(), s.session.stage === 'briefing' ? 'Incident started' : s.session.paused ? 'Resumed' : 'Paused');
        return;
      case 'speed':
        act((x) => x.cycleSpeed());
        return;
      case 'release':
        act((x) => x.release(), 'Inject released');
        return;
      case 'skip':
        void askSkip();
        return;
      case 'extend':
        act((x) => x.extend(), 'Timer extended');
        return;
      case 'hold':
        act((x) => x.hold(), 'Timer stopped');
        return;
      case 'record':
        act((x) => x.record(), 'Choice recorded');
        return;
      case 'reveal':
        act((x) => x.reveal(), 'Consequences revealed');
        return;
      case 'continue':
        act((x) => x.continue(), 'Next decision');
        return;
      case 'undo':
        act((x) => x.undo(), 'Last choice undone; it stays in the record');
        return;
      case 'end':
        void askEnd();
        return;
      case 'note':
        if (s.tab !== 'exercise' || s.session.stage === 'setup') s.setTab('exercise');
        evaluation.focusNote();
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
        if (option) act((x) => x.addVote(option.id, 1), `${option.label}: ${(s.session.votes[option.id] ?? 0) + 1} votes`);
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
    if (confirm.el.open || help.open) return;
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
      roomVotes.destroy();
      window.removeEventListener('keydown', onKey);
      root.removeEventListener('click', onClick);
      replace(root);
    },
  };
}
