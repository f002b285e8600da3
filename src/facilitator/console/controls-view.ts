import { refusal } from '../../engine/runtime.ts';
import type { GameView } from '../../engine/view.ts';
import { unavailableText } from '../../i18n/engine-text.ts';
import { duration, gameTime, money } from '../../store/format.ts';
import { h, replace } from '../../ui/dom.ts';
import { clockText, DISCUSSION_MINUTES, DISCUSSION_WARNING_SECONDS, discussionLeft, EXTEND_REAL_MINUTES, TIME_STEPS } from '../clock-policy.ts';
import type { PresenterDisplay } from '../session.ts';
import type { ConsoleState, ConsoleStore } from './console-store.ts';
import { commandButton, keyed, setButtonLabel, setDisabled } from './parts.ts';
import type { View } from './setup-view.ts';

// The facilitator's controls: the clock, the pace, the decision with its vote tally, and every
// steering command, each with its key. Buttons that cannot act now are disabled with the reason.

export interface ControlHandlers {
  onEnd(): void;
  /** Skipping applies a default: the console asks first. */
  onSkip(): void;
  /** Real time in ms, for the discussion timer. */
  now(): number;
}

export function controlsView(store: ConsoleStore, handlers: ControlHandlers): View {
  const act = (f: Parameters<ConsoleState['act']>[0], announce?: string): string | null => store.getState().act(f, announce);

  const clock = h('p', { class: 'fac-clock', attrs: { role: 'timer', 'aria-label': 'Game clock' } });
  const runState = h('p', { class: 'fac-runstate' });
  const pause = commandButton('Pause', 'toggle-pause', () => act((x) => x.togglePause()), 'btn--primary');
  const speed = commandButton('Speed 1×', 'speed', () => act((x) => x.cycleSpeed()));
  const stepLabel = (m: number): string => (m % 60 === 0 ? `+${m / 60} h` : `+${m} min`);
  const steps = TIME_STEPS.map((m) => commandButton(`Time passes ${stepLabel(m)}`, null, () => act((x) => x.passTime(m), `${stepLabel(m)} of game time passed`)));
  const realtimeRow = h('div', { class: 'fac-row' }, pause, speed);
  const pacedRow = h('div', { class: 'fac-row' }, ...steps);
  const modeSwitch = h('button', {
    class: 'btn btn--small btn--ghost',
    attrs: { type: 'button' },
    on: { click: () => act((x) => x.setClockMode(x.session.clock === 'paced' ? 'realtime' : 'paced')) },
  });

  // The decision.
  const prompt = h('h3', { class: 'fac-decision__prompt' });
  const timer = h('p', { class: 'fac-timer' });
  const extend = commandButton(`+${EXTEND_REAL_MINUTES} real min`, 'extend', () => act((x) => x.extend(), `Timer extended by ${EXTEND_REAL_MINUTES} real minutes`));
  const hold = commandButton('Stop timer', 'hold', () => act((x) => x.hold(), 'Timer stopped'));
  // The discussion timer: real minutes for the room, shown on the projector; it never applies anything.
  const discussionSelect = h(
    'select',
    { class: 'select select--small', attrs: { 'aria-label': 'Discussion time per decision' }, on: { change: () => act((x) => x.setDiscussion(Number(discussionSelect.value) * 60)) } },
    ...DISCUSSION_MINUTES.map((m) => h('option', { attrs: { value: String(m) }, text: m === 0 ? 'No discussion timer' : `Discussion: ${m} min` })),
  );
  const discussionStart = commandButton('Start discussion timer', null, () => act((x) => x.startDiscussion(), 'Discussion timer started'));
  const discussionStop = commandButton('Stop', null, () => act((x) => x.stopDiscussion(), 'Discussion timer stopped'), 'btn--ghost');
  const discussionLeftText = h('p', { class: 'fac-discussion__left', attrs: { role: 'timer', 'aria-label': 'Discussion time left' } });
  const discussion = h('div', { class: 'fac-discussion' }, discussionSelect, discussionStart, discussionStop, discussionLeftText);
  const renderDiscussion = (): void => {
    const d = store.getState().session.discussion;
    const left = discussionLeft(d.endsAt, handlers.now());
    const text = left === null ? '' : left === 0 ? 'Discussion time is up' : `${clockText(left)} left`;
    if (discussionLeftText.textContent !== text) discussionLeftText.textContent = text;
    discussion.dataset.warn = left !== null && left <= DISCUSSION_WARNING_SECONDS ? (left === 0 ? 'over' : 'soon') : 'no';
  };
  setInterval(renderDiscussion, 500);

  const options = h('ol', { class: 'fac-options', attrs: { 'aria-label': 'Options: mark the team’s choice and count votes' } });
  const record = commandButton('Record the team’s choice', 'record', () => act((x) => x.record(), 'Choice recorded'), 'btn--primary');
  const clearVotes = h('button', { class: 'btn btn--small btn--ghost', attrs: { type: 'button' }, text: 'Clear votes', on: { click: () => act((x) => x.clearVotes()) } });
  const decision = h(
    'section',
    { class: 'fac-decision', attrs: { 'aria-label': 'Decision' } },
    h('p', { class: 'eyebrow', text: 'Decision in the room' }),
    prompt,
    h('div', { class: 'fac-timer-row' }, timer, h('div', { class: 'fac-row' }, extend, hold)),
    discussion,
    options,
    h('div', { class: 'fac-row fac-decision__record' }, record, clearVotes),
  );

  // After a choice: reveal, then move on.
  const stageText = h('p', { class: 'fac-stage__text' });
  const reveal = commandButton('Reveal the consequences', 'reveal', () => act((x) => x.reveal(), 'Consequences revealed on the projector'), 'btn--primary');
  const next = commandButton('Next decision', 'continue', () => act((x) => x.continue(), 'Next decision on the projector'), 'btn--primary');
  const stage = h('section', { class: 'fac-stage', attrs: { 'aria-label': 'Recorded choice' } }, stageText, h('div', { class: 'fac-row' }, reveal, next));

  const endingText = h('p', { class: 'fac-stage__text' });
  const ending = h('section', { class: 'fac-stage fac-stage--ending', attrs: { 'aria-label': 'Ending reached' } }, endingText);

  const release = commandButton('Release next inject', 'release', () => act((x) => x.release(), 'Inject released'));
  const skip = commandButton('Skip this beat', 'skip', () => handlers.onSkip());
  const undo = commandButton('Undo last choice', 'undo', () => act((x) => x.undo(), 'Last choice undone; it stays in the record'));
  const end = commandButton('End and debrief', 'end', () => handlers.onEnd(), 'btn--danger');
  const more = h('div', { class: 'fac-grid-buttons' }, release, skip, undo, end);

  // What the projector shows besides the exercise.
  const displayBox = (key: keyof PresenterDisplay): HTMLInputElement => {
    const box = h('input', { attrs: { type: 'checkbox', id: `fac-display-${key}` } });
    box.addEventListener('change', () => act((x) => x.setDisplay({ [key]: box.checked })));
    return box;
  };
  const displayBoxes: Record<keyof PresenterDisplay, HTMLInputElement> = {
    costs: displayBox('costs'),
    scores: displayBox('scores'),
    largeText: displayBox('largeText'),
    graphic: displayBox('graphic'),
  };
  const displayLabels: Record<keyof PresenterDisplay, string> = {
    costs: 'Show options’ costs and times',
    scores: 'Show scores and verdict at the end',
    largeText: 'Large text',
    graphic: 'War-room graphic',
  };
  const display = h(
    'fieldset',
    { class: 'fac-display' },
    h('legend', { text: 'On the projector' }),
    ...(Object.keys(displayBoxes) as (keyof PresenterDisplay)[]).map((k) => h('label', { class: 'fac-display__item' }, displayBoxes[k], ` ${displayLabels[k]}`)),
  );

  // The briefing: preparation the room buys.
  const budget = h('p', { class: 'fac-budget' });
  const measures = h('ul', { class: 'fac-measures', attrs: { 'aria-label': 'Preparation measures' } });
  const back = h('button', { class: 'btn btn--ghost btn--small', attrs: { type: 'button' }, text: 'Back to set-up', on: { click: () => act((x) => x.backToSetup()) } });
  // A projector too small for the whole briefing shows one half at a time; this chooses which.
  const pageButtons = (['company', 'preparation'] as const).map((page) =>
    h('button', {
      class: 'btn btn--small',
      attrs: { type: 'button', 'aria-pressed': 'false', 'data-page': page },
      text: page === 'company' ? 'The company' : 'Stakes and preparation',
      on: { click: () => act((x) => x.setBriefingPage(page)) },
    }),
  );
  const briefingPages = h(
    'div',
    { class: 'fac-briefing-pages', attrs: { role: 'group', 'aria-label': 'Briefing on a small projector' } },
    h('span', { class: 'muted small', text: 'Small projector, one half at a time:' }),
    ...pageButtons,
  );
  const briefing = h(
    'section',
    { class: 'fac-prep', attrs: { 'aria-label': 'Preparation' } },
    briefingPages,
    h('p', { class: 'eyebrow', text: 'Preparation' }),
    h('p', { class: 'muted small', text: 'The room decides what to buy before the incident. Tick what they choose, then start.' }),
    budget,
    measures,
    back,
  );

  const heading = h('h2', { class: 'fac-panel__title', text: 'Controls', attrs: { tabindex: '-1' } });
  const el = h(
    'section',
    { class: 'fac-panel fac-controls', attrs: { 'aria-label': 'Controls' } },
    heading,
    h('div', { class: 'fac-clockbox' }, clock, runState, realtimeRow, pacedRow, modeSwitch),
    briefing,
    stage,
    ending,
    decision,
    more,
    display,
  );

  const renderOptions = keyed((state: ConsoleState) => {
    const d = state.view?.decision;
    if (!d) return replace(options);
    const total = Object.values(state.session.votes).reduce((a, b) => a + b, 0);
    replace(
      options,
      ...d.options.map((o) => {
        const selected = state.session.selected === o.id;
        const count = state.session.votes[o.id] ?? 0;
        const mark = h(
          'button',
          {
            class: `fac-option${selected ? ' fac-option--selected' : ''}${o.available ? '' : ' fac-option--unavailable'}`,
            attrs: { type: 'button', 'aria-pressed': String(selected), 'aria-keyshortcuts': String(o.key), disabled: !o.available },
            on: { click: () => act((x) => x.select(selected ? null : o.id)) },
          },
          h('kbd', { attrs: { 'aria-hidden': 'true' }, text: String(o.key) }),
          h('span', { class: 'fac-option__label', text: o.label }),
          o.available ? null : h('span', { class: 'fac-option__why', text: unavailableText(o, 'en') }),
        );
        const input = h('input', {
          class: 'input fac-votes__input',
          attrs: { type: 'number', min: 0, max: 999, step: 1, value: String(count), 'aria-label': `Votes for option ${o.key}, ${o.label}` },
        });
        input.addEventListener('change', () => act((x) => x.setVotes(o.id, Number(input.value) || 0)));
        const minus = h('button', {
          class: 'btn btn--small fac-votes__step',
          attrs: { type: 'button', 'aria-label': `One vote less for option ${o.key}`, disabled: count === 0 },
          text: '−',
          on: { click: () => act((x) => x.addVote(o.id, -1)) },
        });
        const plus = h('button', {
          class: 'btn btn--small fac-votes__step',
          attrs: { type: 'button', 'aria-label': `One vote more for option ${o.key}`, 'aria-keyshortcuts': `Shift+${o.key}` },
          text: '+',
          on: { click: () => act((x) => x.addVote(o.id, 1)) },
        });
        const share = total > 0 ? Math.round((count / total) * 100) : 0;
        return h(
          'li',
          { class: 'fac-options__item' },
          mark,
          h('div', { class: 'fac-votes', attrs: { role: 'group', 'aria-label': `Votes for option ${o.key}` } }, minus, input, plus),
          h('span', { class: 'fac-votes__bar', attrs: { 'aria-hidden': 'true' } }, h('span', { class: 'fac-votes__fill', attrs: { style: `width:${share}%` } })),
        );
      }),
    );
  });

  const renderMeasures = keyed((state: ConsoleState) => {
    const view = state.view;
    if (!view) return replace(measures);
    const spent = state.session.prep.reduce((sum, id) => sum + (view.preparation.measures.find((m) => m.id === id)?.cost ?? 0), 0);
    const left = view.preparation.budgetLeft - spent;
    replace(budget, `Budget ${money(view.preparation.budget, view.currency)} · left ${money(left, view.currency)}`);
    replace(
      measures,
      ...view.preparation.measures.map((m) => {
        const chosen = state.session.prep.includes(m.id);
        const box = h('input', { attrs: { type: 'checkbox', checked: chosen, id: `fac-measure-${m.id}` } });
        box.addEventListener('change', () => {
          if (act((x) => x.togglePreparation(m.id)) !== null) box.checked = chosen;
        });
        return h(
          'li',
          { class: `fac-measure${chosen ? ' fac-measure--chosen' : ''}` },
          box,
          h('label', { attrs: { for: box.id } }, h('strong', { text: m.name }), ` · ${money(m.cost, view.currency)}`, h('span', { class: 'fac-measure__desc', text: m.description })),
        );
      }),
    );
  });

  return {
    el,
    update(state) {
      const s = state.session;
      const view = state.view;
      const ex = store.getState().exercise();
      const compiled = store.getState().compiled();
      const run = ex.state;
      const incident = s.stage === 'incident';

      replace(clock, gameTime(view?.clock ?? 0));
      const status =
        s.stage === 'briefing'
          ? 'Briefing: the clock starts with the incident'
          : s.stage === 'debrief'
            ? 'Ended: debrief'
            : view?.ending && s.decision === 'open'
              ? 'The run has reached its ending'
              : s.decision === 'recorded'
                ? 'Clock held: the room is discussing the choice'
                : s.decision === 'revealed'
                  ? 'Clock held: consequences on screen'
                  : s.clock === 'paced'
                    ? 'Facilitator-paced: game time moves when you move it'
                    : s.paused
                      ? 'Paused'
                      : `Running at ${s.speed}× (${s.pace} pace)`;
      const roomClock = s.decision === 'recorded' ? ex.shown()?.view.clock : undefined;
      replace(runState, roomClock !== undefined && roomClock !== view?.clock ? `${status} · the room still sees ${gameTime(roomClock)}` : status);
      runState.className = `fac-runstate fac-runstate--${ex.clockRunning ? 'live' : 'held'}`;

      const paced = s.clock === 'paced';
      setButtonLabel(pause, s.stage === 'briefing' ? 'Start the incident' : s.paused ? 'Resume' : 'Pause');
      setDisabled(pause, !(s.stage === 'briefing' || incident));
      realtimeRow.hidden = paced && s.stage !== 'briefing';
      speed.hidden = paced;
      pacedRow.hidden = !paced || !incident;
      for (const b of steps) setDisabled(b, !(incident && s.decision === 'open' && view?.decision), 'Time passes while a decision is open');
      modeSwitch.textContent = paced ? 'Switch to the real-time clock' : 'Switch to the facilitator-paced clock';
      modeSwitch.hidden = s.stage === 'debrief';
      for (const k of Object.keys(displayBoxes) as (keyof PresenterDisplay)[]) displayBoxes[k].checked = s.display[k];
      if (discussionSelect.value !== String(s.discussion.seconds / 60)) discussionSelect.value = String(s.discussion.seconds / 60);
      setDisabled(discussionStart, s.discussion.seconds === 0, 'Choose the discussion time first');
      setButtonLabel(discussionStart, s.discussion.endsAt ? 'Restart discussion timer' : 'Start discussion timer');
      discussionStop.hidden = s.discussion.endsAt === null;
      renderDiscussion();
      setButtonLabel(speed, `Speed ${s.speed}×`);
      setDisabled(speed, !incident);

      briefing.hidden = s.stage !== 'briefing';
      for (const b of pageButtons) b.setAttribute('aria-pressed', String(b.dataset.page === s.briefingPage));
      if (s.stage === 'briefing') renderMeasures(JSON.stringify([s.prep, view?.preparation.budgetLeft]), state);

      const d = incident && s.decision === 'open' ? (view?.decision ?? null) : null;
      decision.hidden = !d;
      if (d) {
        replace(prompt, d.prompt);
        replace(timer, paced ? pacedTimerText(view) : timerText(view));
        extend.hidden = paced;
        hold.hidden = paced;
        const live = refusalOr(compiled, run, true);
        setDisabled(extend, live({ type: 'facilitator.extend', minutes: 1 }) !== null, 'No timed decision is running');
        setDisabled(hold, live({ type: 'facilitator.hold' }) !== null, 'No timed decision is running');
        renderOptions(JSON.stringify([s.selected, s.votes, d.options.map((o) => [o.id, o.available]), view?.beat?.id]), state);
        setDisabled(record, s.selected === null, 'Mark the option the team chose first (1–5)');
        setDisabled(clearVotes, Object.keys(s.votes).length === 0);
      }

      stage.hidden = !(incident && s.decision !== 'open');
      if (!stage.hidden) {
        const last = view?.lastChoice;
        const upNext = view?.decision?.prompt ?? (view?.ending ? `the ending, “${view.ending.title}”` : null);
        replace(
          stageText,
          s.decision === 'recorded'
            ? `Recorded: “${last?.label ?? ''}”. The projector shows the choice; its consequences stay hidden until you reveal them.`
            : `The projector shows what happened after “${last?.label ?? ''}”.${upNext ? ` Next: ${upNext}` : ''}`,
        );
        reveal.hidden = s.decision !== 'recorded';
        next.hidden = s.decision !== 'revealed';
      }

      ending.hidden = !(incident && s.decision === 'open' && view?.ending);
      if (!ending.hidden && view?.ending) replace(endingText, `The run reached its ending: “${view.ending.title}” (${view.ending.outcome}). End the exercise to open the debrief.`);

      more.hidden = !incident;
      const open = incident && s.decision === 'open' && !!view?.decision;
      const live = refusalOr(compiled, run, open);
      setDisabled(release, !open || live({ type: 'facilitator.release' }) !== null, 'No inject is waiting in this beat');
      setDisabled(skip, !open || live({ type: 'facilitator.skip' }) !== null, 'No decision is open');
      const canUndo = incident && (s.run?.inputs.some((e) => e.type === 'player.choose' || e.type === 'facilitator.skip') ?? false);
      setDisabled(undo, !canUndo, 'There is no choice to undo');
      setDisabled(end, !incident);
    },
    focus() {
      heading.focus();
    },
  };
}

function refusalOr(
  compiled: ReturnType<ConsoleState['compiled']>,
  run: ReturnType<ConsoleState['exercise']>['state'],
  open: boolean,
): (event: Parameters<typeof refusal>[2]) => string | null {
  return (event) => (!open || !compiled || !run ? 'not now' : refusal(compiled, run, event));
}

function pacedTimerText(view: GameView | null): string {
  const d = view?.decision;
  if (!d) return '';
  if (d.deadline === null || d.timerHeld) return 'No deadline: the room has as long as it needs';
  return `Due at ${gameTime(d.deadline)} in game time. Game time waits for you; nothing is applied unless you skip.`;
}

function timerText(view: GameView | null): string {
  const d = view?.decision;
  if (!d) return '';
  if (d.timerHeld) return 'Timer stopped: the room has as long as it needs';
  if (d.remaining === null || d.deadline === null) return 'No time limit';
  return `${duration(d.remaining)} left (the default applies at ${gameTime(d.deadline)})`;
}
