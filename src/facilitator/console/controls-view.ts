import { refusal } from '../../engine/runtime.ts';
import type { GameView } from '../../engine/view.ts';
import { unavailableText } from '../../i18n/engine-text.ts';
import { duration, gameTime, money } from '../../store/format.ts';
import { h, replace } from '../../ui/dom.ts';
import { markWritten, writtenIn } from '../../ui/text-lang.ts';
import { clockText, DISCUSSION_MINUTES, DISCUSSION_WARNING_SECONDS, discussionLeft, EXTEND_REAL_MINUTES, TIME_STEPS } from '../clock-policy.ts';
import type { PresenterDisplay } from '../session.ts';
import type { ConsoleState, ConsoleStore } from './console-store.ts';
import { commandButton, keyed, setButtonLabel, setDisabled } from './parts.ts';
import type { View } from './setup-view.ts';
import { consoleLang, t } from './i18n.ts';

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
  const lang = consoleLang;
  const act = (f: Parameters<ConsoleState['act']>[0], announce?: string): string | null => store.getState().act(f, announce);

  const clock = h('p', { class: 'fac-clock', attrs: { role: 'timer', 'aria-label': t('gameClock') } });
  const runState = h('p', { class: 'fac-runstate' });
  const pause = commandButton(t('pause'), 'toggle-pause', () => act((x) => x.togglePause()), 'btn--primary');
  const speed = commandButton(t('speed', { speed: 1 }), 'speed', () => act((x) => x.cycleSpeed()));
  const stepLabel = (m: number): string => (m % 60 === 0 ? t('stepHours', { hours: m / 60 }) : t('stepMinutes', { minutes: m }));
  const steps = TIME_STEPS.map((m) => commandButton(t('timePasses', { step: stepLabel(m) }), null, () => act((x) => x.passTime(m), t('said.timePassed', { step: stepLabel(m) }))));
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
  const extend = commandButton(t('extend', { minutes: EXTEND_REAL_MINUTES }), 'extend', () => act((x) => x.extend(), t('said.extendedBy', { minutes: EXTEND_REAL_MINUTES })));
  const hold = commandButton(t('stopTimer'), 'hold', () => act((x) => x.hold(), t('said.held')));
  // The discussion timer: real minutes for the room, shown on the projector; it never applies anything.
  const discussionSelect = h(
    'select',
    { class: 'select select--small', attrs: { 'aria-label': t('discussionLabel') }, on: { change: () => act((x) => x.setDiscussion(Number(discussionSelect.value) * 60)) } },
    ...DISCUSSION_MINUTES.map((m) => h('option', { attrs: { value: String(m) }, text: m === 0 ? t('noDiscussion') : t('discussionMinutes', { minutes: m }) })),
  );
  const discussionStart = commandButton(t('startDiscussion'), null, () => act((x) => x.startDiscussion(), t('said.discussionStarted')));
  const discussionStop = commandButton(t('stop'), null, () => act((x) => x.stopDiscussion(), t('said.discussionStopped')), 'btn--ghost');
  const discussionLeftText = h('p', { class: 'fac-discussion__left', attrs: { role: 'timer', 'aria-label': t('discussionLeft') } });
  const discussion = h('div', { class: 'fac-discussion' }, discussionSelect, discussionStart, discussionStop, discussionLeftText);
  const renderDiscussion = (): void => {
    const d = store.getState().session.discussion;
    const left = discussionLeft(d.endsAt, handlers.now());
    const text = left === null ? '' : left === 0 ? t('discussionUp') : t('timeLeft', { time: clockText(left) });
    if (discussionLeftText.textContent !== text) discussionLeftText.textContent = text;
    discussion.dataset.warn = left !== null && left <= DISCUSSION_WARNING_SECONDS ? (left === 0 ? 'over' : 'soon') : 'no';
  };
  const discussionTimer = setInterval(renderDiscussion, 500);

  const options = h('ol', { class: 'fac-options', attrs: { 'aria-label': t('optionsLabel') } });
  const record = commandButton(t('recordChoice'), 'record', () => act((x) => x.record(), t('said.recorded')), 'btn--primary');
  const clearVotes = h('button', { class: 'btn btn--small btn--ghost', attrs: { type: 'button' }, text: t('clearVotes'), on: { click: () => act((x) => x.clearVotes()) } });
  const decision = h(
    'section',
    { class: 'fac-decision', attrs: { 'aria-label': t('decision') } },
    h('p', { class: 'eyebrow', text: t('decisionInRoom') }),
    prompt,
    h('div', { class: 'fac-timer-row' }, timer, h('div', { class: 'fac-row' }, extend, hold)),
    discussion,
    options,
    h('div', { class: 'fac-row fac-decision__record' }, record, clearVotes),
  );

  // After a choice: reveal, then move on.
  const stageText = h('p', { class: 'fac-stage__text' });
  const reveal = commandButton(t('reveal'), 'reveal', () => act((x) => x.reveal(), t('said.revealed')), 'btn--primary');
  const next = commandButton(t('next'), 'continue', () => act((x) => x.continue(), t('said.next')), 'btn--primary');
  const stage = h('section', { class: 'fac-stage', attrs: { 'aria-label': t('recordedChoice') } }, stageText, h('div', { class: 'fac-row' }, reveal, next));

  const endingText = h('p', { class: 'fac-stage__text' });
  const ending = h('section', { class: 'fac-stage fac-stage--ending', attrs: { 'aria-label': t('endingReached') } }, endingText);

  const release = commandButton(t('release'), 'release', () => act((x) => x.release(), t('said.released')));
  const skip = commandButton(t('skip'), 'skip', () => handlers.onSkip());
  const undo = commandButton(t('undo'), 'undo', () => act((x) => x.undo(), t('said.undone')));
  const end = commandButton(t('endAndDebrief'), 'end', () => handlers.onEnd(), 'btn--danger');
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
    costs: t('display.costs'),
    scores: t('display.scores'),
    largeText: t('display.largeText'),
    graphic: t('display.graphic'),
  };
  const display = h(
    'fieldset',
    { class: 'fac-display' },
    h('legend', { text: t('onProjector') }),
    ...(Object.keys(displayBoxes) as (keyof PresenterDisplay)[]).map((k) => h('label', { class: 'fac-display__item' }, displayBoxes[k], ` ${displayLabels[k]}`)),
  );

  // The briefing: preparation the room buys.
  const budget = h('p', { class: 'fac-budget' });
  const measures = h('ul', { class: 'fac-measures', attrs: { 'aria-label': t('preparationMeasures') } });
  const back = h('button', { class: 'btn btn--ghost btn--small', attrs: { type: 'button' }, text: t('backToSetup'), on: { click: () => act((x) => x.backToSetup()) } });
  // A projector too small for the whole briefing shows one half at a time; this chooses which.
  const pageButtons = (['company', 'preparation'] as const).map((page) =>
    h('button', {
      class: 'btn btn--small',
      attrs: { type: 'button', 'aria-pressed': 'false', 'data-page': page },
      text: t(`page.${page}`),
      on: { click: () => act((x) => x.setBriefingPage(page)) },
    }),
  );
  const briefingPages = h(
    'div',
    { class: 'fac-briefing-pages', attrs: { role: 'group', 'aria-label': t('smallProjector') } },
    h('span', { class: 'muted small', text: t('smallProjectorHint') }),
    ...pageButtons,
  );
  const briefing = h(
    'section',
    { class: 'fac-prep', attrs: { 'aria-label': t('preparation') } },
    briefingPages,
    h('p', { class: 'eyebrow', text: t('preparation') }),
    h('p', { class: 'muted small', text: t('preparationHint') }),
    budget,
    measures,
    back,
  );

  const heading = h('h2', { class: 'fac-panel__title', text: t('controls'), attrs: { tabindex: '-1' } });
  const el = h(
    'section',
    { class: 'fac-panel fac-controls', attrs: { 'aria-label': t('controls') } },
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
    const written = writtenIn(state.session.scenarioLang, lang());
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
          h('span', { class: 'fac-option__label', attrs: written, text: o.label }),
          o.available ? null : h('span', { class: 'fac-option__why', text: unavailableText(o, lang()) }),
        );
        const input = h('input', {
          class: 'input fac-votes__input',
          attrs: { type: 'number', min: 0, max: 999, step: 1, value: String(count), 'aria-label': t('votesFor', { key: String(o.key), label: o.label }) },
        });
        input.addEventListener('change', () => act((x) => x.setVotes(o.id, Number(input.value) || 0)));
        const minus = h('button', {
          class: 'btn btn--small fac-votes__step',
          attrs: { type: 'button', 'aria-label': t('voteLess', { key: String(o.key) }), disabled: count === 0 },
          text: '−',
          on: { click: () => act((x) => x.addVote(o.id, -1)) },
        });
        const plus = h('button', {
          class: 'btn btn--small fac-votes__step',
          attrs: { type: 'button', 'aria-label': t('voteMore', { key: String(o.key) }), 'aria-keyshortcuts': `Shift+${o.key}` },
          text: '+',
          on: { click: () => act((x) => x.addVote(o.id, 1)) },
        });
        const share = total > 0 ? Math.round((count / total) * 100) : 0;
        return h(
          'li',
          { class: 'fac-options__item' },
          mark,
          h('div', { class: 'fac-votes', attrs: { role: 'group', 'aria-label': t('votesForKey', { key: String(o.key) }) } }, minus, input, plus),
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
    const written = writtenIn(state.session.scenarioLang, lang());
    replace(budget, t('budget', { budget: money(view.preparation.budget, view.currency, lang()), left: money(left, view.currency, lang()) }));
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
          h('label', { attrs: { for: box.id } }, h('strong', { attrs: written, text: m.name }), ` · ${money(m.cost, view.currency, lang())}`, h('span', { class: 'fac-measure__desc', attrs: written, text: m.description })),
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
          ? t('status.briefing')
          : s.stage === 'debrief'
            ? t('status.debrief')
            : view?.ending && s.decision === 'open'
              ? t('status.ending')
              : s.decision === 'recorded'
                ? t('status.recorded')
                : s.decision === 'revealed'
                  ? t('status.revealed')
                  : s.clock === 'paced'
                    ? t('status.paced')
                    : s.paused
                      ? t('status.paused')
                      : t('status.running', { speed: s.speed, pace: t(`paceName.${s.pace}`) });
      const roomClock = s.decision === 'recorded' ? ex.shown()?.view.clock : undefined;
      replace(runState, roomClock !== undefined && roomClock !== view?.clock ? t('roomStillSees', { status, time: gameTime(roomClock) }) : status);
      runState.className = `fac-runstate fac-runstate--${ex.clockRunning ? 'live' : 'held'}`;

      const paced = s.clock === 'paced';
      setButtonLabel(pause, s.stage === 'briefing' ? t('startIncident') : s.paused ? t('resume') : t('pause'));
      setDisabled(pause, !(s.stage === 'briefing' || incident));
      realtimeRow.hidden = paced && s.stage !== 'briefing';
      speed.hidden = paced;
      pacedRow.hidden = !paced || !incident;
      for (const b of steps) setDisabled(b, !(incident && s.decision === 'open' && view?.decision), t('timePassesWhy'));
      modeSwitch.textContent = paced ? t('toRealtime') : t('toPaced');
      modeSwitch.hidden = s.stage === 'debrief';
      for (const k of Object.keys(displayBoxes) as (keyof PresenterDisplay)[]) displayBoxes[k].checked = s.display[k];
      if (discussionSelect.value !== String(s.discussion.seconds / 60)) discussionSelect.value = String(s.discussion.seconds / 60);
      setDisabled(discussionStart, s.discussion.seconds === 0, t('chooseDiscussionFirst'));
      setButtonLabel(discussionStart, s.discussion.endsAt ? t('restartDiscussion') : t('startDiscussion'));
      discussionStop.hidden = s.discussion.endsAt === null;
      renderDiscussion();
      setButtonLabel(speed, t('speed', { speed: s.speed }));
      setDisabled(speed, !incident);

      briefing.hidden = s.stage !== 'briefing';
      for (const b of pageButtons) b.setAttribute('aria-pressed', String(b.dataset.page === s.briefingPage));
      if (s.stage === 'briefing') renderMeasures(JSON.stringify([s.prep, view?.preparation.budgetLeft]), state);

      const d = incident && s.decision === 'open' ? (view?.decision ?? null) : null;
      decision.hidden = !d;
      if (d) {
        replace(prompt, d.prompt);
        markWritten(prompt, s.scenarioLang, lang());
        replace(timer, paced ? pacedTimerText(view) : timerText(view));
        extend.hidden = paced;
        hold.hidden = paced;
        const allows = allowedNow(compiled, run, true);
        setDisabled(extend, !allows({ type: 'facilitator.extend', minutes: 1 }), t('noTimedDecision'));
        setDisabled(hold, !allows({ type: 'facilitator.hold' }), t('noTimedDecision'));
        renderOptions(JSON.stringify([s.selected, s.votes, d.options.map((o) => [o.id, o.available]), view?.beat?.id]), state);
        setDisabled(record, s.selected === null, t('markFirst'));
        setDisabled(clearVotes, Object.keys(s.votes).length === 0);
      }

      stage.hidden = !(incident && s.decision !== 'open');
      if (!stage.hidden) {
        const last = view?.lastChoice;
        const upNext = view?.decision?.prompt ?? (view?.ending ? t('theEnding', { title: view.ending.title }) : null);
        const label = last?.label ?? '';
        replace(stageText, s.decision === 'recorded' ? t('recordedText', { label }) : upNext ? t('revealedNext', { label, next: upNext }) : t('revealedText', { label }));
        reveal.hidden = s.decision !== 'recorded';
        next.hidden = s.decision !== 'revealed';
      }

      ending.hidden = !(incident && s.decision === 'open' && view?.ending);
      if (!ending.hidden && view?.ending) replace(endingText, t('endingText', { title: view.ending.title, outcome: t(`outcome.${view.ending.outcome}`) }));

      more.hidden = !incident;
      const open = incident && s.decision === 'open' && !!view?.decision;
      const allows = allowedNow(compiled, run, open);
      setDisabled(release, !allows({ type: 'facilitator.release' }), t('noInjectWaiting'));
      setDisabled(skip, !allows({ type: 'facilitator.skip' }), t('noDecisionOpen'));
      const canUndo = incident && (s.run?.inputs.some((e) => e.type === 'player.choose' || e.type === 'facilitator.skip') ?? false);
      setDisabled(undo, !canUndo, t('nothingToUndo'));
      setDisabled(end, !incident);
    },
    focus() {
      heading.focus();
    },
    destroy() {
      clearInterval(discussionTimer);
    },
  };
}

/** Whether the run would take a command now; a button it would refuse is disabled with the console's own reason. */
function allowedNow(
  compiled: ReturnType<ConsoleState['compiled']>,
  run: ReturnType<ConsoleState['exercise']>['state'],
  open: boolean,
): (event: Parameters<typeof refusal>[2]) => boolean {
  return (event) => open && !!compiled && !!run && refusal(compiled, run, event) === null;
}

function pacedTimerText(view: GameView | null): string {
  const d = view?.decision;
  if (!d) return '';
  if (d.deadline === null || d.timerHeld) return t('noDeadline');
  return t('dueAt', { time: gameTime(d.deadline) });
}

function timerText(view: GameView | null): string {
  const d = view?.decision;
  if (!d) return '';
  if (d.timerHeld) return t('timerStopped');
  if (d.remaining === null || d.deadline === null) return t('noTimeLimit');
  return t('leftDefaultAt', { left: duration(d.remaining), time: gameTime(d.deadline) });
}
