import type { GameView, OptionView } from '../../engine/view.ts';
import { capabilityName } from '../../i18n/capabilities.ts';
import { unavailableText } from '../../i18n/engine-text.ts';
import { duration, gameTime, money } from '../../store/format.ts';
import { h, replace } from '../dom.ts';
import { icon } from './icons.ts';
import type { Lang } from '../../i18n/lang.ts';
import { writtenIn } from '../text-lang.ts';
import { uiText, type UiText } from '../text.ts';

// The situation, the decision and its options, the outcome of the last choice, and the ending.

export interface DecisionPanel {
  el: HTMLElement;
  /** `fresh` is true when a new decision has just been put to the player. */
  update(view: GameView, fresh: boolean): void;
  /** Where focus goes when the screen opens or a decision arrives. */
  focusTarget(): HTMLElement;
  /** Triggers option n (1-based) as if its button were pressed. Returns false if there is none. */
  press(n: number): boolean;
  /** The outcome of the last choice, when there is one to show (focus and scroll go there after a choice). */
  outcomeTarget(): HTMLElement | null;
  /** Stops the input guard's timers. */
  destroy(): void;
}

export interface DecisionPanelOptions {
  onChoose(option: string): string | null;
  onDebrief(): void;
  /** Real seconds one game minute lasts right now (pace and speed), for the countdown. */
  secondsPerMinute(): number;
  paused(): boolean;
  /** The option the clock will pick when the time runs out (the view does not carry it). */
  defaultOption(view: GameView): string | null;
  /** How long a new decision ignores input after it has been drawn, in ms (default {@link INPUT_GUARD_MS}). */
  guardMs?: number;
  /** The language of the panel's own words (English by default). */
  lang?: Lang;
  /** The language the scenario's text is in (the panel's language by default). */
  textLang?: Lang;
}

/**
 * A new decision accepts no input until it has been drawn and this long after: the second click
 * of a double-click, the second tap of a double-tap or a repeated "1" would otherwise choose on
 * a question the player never saw.
 */
export const INPUT_GUARD_MS = 400;

const OUTCOME_KEYS = { good: 'outcomeGood', mixed: 'outcomeMixed', bad: 'outcomeBad' } as const;

export function createDecisionPanel(opts: DecisionPanelOptions): DecisionPanel {
  const lang = opts.lang ?? 'en';
  const t = uiText(lang);
  const written = writtenIn(opts.textLang ?? lang, lang);
  // Always in the page (empty when there is nothing to say) so screen readers track it as a live region.
  const outcome = h('div', { class: 'outcome', attrs: { role: 'status', tabindex: '-1' } });
  const beatTitle = h('h2', { id: 'beat-heading', class: 'beat__title', attrs: written });
  const narrative = h('p', { id: 'beat-narrative', class: 'beat__narrative', attrs: written });
  const prompt = h('h3', { class: 'decision__prompt', attrs: { tabindex: '-1', 'aria-describedby': 'beat-narrative', ...written } });
  const countdownText = h('span', { class: 'countdown__text' });
  const countdownFill = h('span', { class: 'countdown__fill' });
  const countdown = h(
    'div',
    { class: 'countdown' },
    icon('timer', 'ico countdown__icon'),
    countdownText,
    h('span', { class: 'countdown__bar', attrs: { 'aria-hidden': 'true' } }, countdownFill),
  );
  const optionList = h('ol', { class: 'options', attrs: { 'aria-label': t('options') } });
  const error = h('p', { class: 'choose-error', attrs: { role: 'alert' } });
  const hint = h('p', { class: 'key-hint small muted', text: t('keyHint') });
  const decision = h('div', { class: 'decision' }, prompt, countdown, optionList, error, hint);

  const endingTitle = h('h2', { class: 'ending__title', attrs: { tabindex: '-1', ...written } });
  const endingText = h('p', { class: 'ending__text', attrs: written });
  const endingBadge = h('p', { class: 'ending__badge' });
  const endingWhen = h('p', { class: 'eyebrow' });
  const debriefButton = h('button', { class: 'btn btn--primary btn--large', attrs: { type: 'button' }, text: t('seeDebrief'), on: { click: () => opts.onDebrief() } });
  const ending = h('div', { class: 'ending' }, endingWhen, endingTitle, endingBadge, endingText, debriefButton);

  const situation = h('div', { class: 'beat' }, h('p', { class: 'eyebrow', text: t('situation') }), beatTitle, narrative);
  const el = h('section', { class: 'panel decision-panel', attrs: { 'aria-labelledby': 'beat-heading' } }, outcome, situation, decision, ending);

  let buttons: { option: OptionView; button: HTMLButtonElement; reason: HTMLElement }[] = [];
  let lastChoiceKey = '';
  let ended = false;
  let limit = 0;
  // The input guard: `armed` turns true one frame after the options are drawn plus guardMs.
  let armed = false;
  let armFrame = 0;
  let armTimer: ReturnType<typeof setTimeout> | null = null;
  const guardMs = opts.guardMs ?? INPUT_GUARD_MS;

  const disarm = (): void => {
    armed = false;
    cancelAnimationFrame(armFrame);
    if (armTimer !== null) clearTimeout(armTimer);
    armTimer = null;
    optionList.dataset.armed = 'false';
    optionList.classList.add('options--arming');
  };
  const arm = (): void => {
    disarm();
    armFrame = requestAnimationFrame(() => {
      armTimer = setTimeout(() => {
        armTimer = null;
        armed = true;
        optionList.dataset.armed = 'true';
        optionList.classList.remove('options--arming');
      }, guardMs);
    });
  };

  const choose = (option: OptionView): void => {
    if (opts.paused() || !armed) return;
    if (!option.available) {
      error.textContent = t('optionRefused', { label: option.label, why: unavailableWhy(option, t, lang) });
      return;
    }
    // Disarm before choosing: the next decision arrives inside onChoose and arms itself again.
    disarm();
    const why = opts.onChoose(option.id);
    if (why) arm();
    error.textContent = why ? t('didNotWork', { why }) : '';
  };

  const renderOptions = (view: GameView): void => {
    const d = view.decision!;
    buttons = d.options.map((option) => {
      const reason = h('span', { class: 'option__reason' });
      const button = h(
        'button',
        {
          class: 'option',
          attrs: { type: 'button', 'aria-keyshortcuts': String(option.key) },
          data: { option: option.id },
          on: { click: () => choose(currentOption(option.id) ?? option) },
        },
        h('kbd', { class: 'option__key', attrs: { 'aria-hidden': 'true' }, text: String(option.key) }),
        h(
          'span',
          { class: 'option__body' },
          h('span', { class: 'option__label', attrs: written, text: option.label }),
          option.detail ? h('span', { class: 'option__detail', attrs: written, text: option.detail }) : null,
          h('span', { class: 'option__meta', text: optionMeta(option, view.currency, t, lang) }),
          reason,
        ),
      );
      return { option, button, reason };
    });
    replace(optionList, ...buttons.map((b) => h('li', null, b.button)));
  };

  const currentOption = (id: string): OptionView | undefined => buttons.find((b) => b.option.id === id)?.option;

  const refreshAvailability = (view: GameView): void => {
    for (const b of buttons) {
      const option = view.decision?.options.find((o) => o.id === b.option.id);
      if (!option) continue;
      b.option = option;
      b.button.setAttribute('aria-disabled', String(!option.available));
      b.button.classList.toggle('option--unavailable', !option.available);
      b.reason.textContent = option.available ? '' : unavailableWhy(option, t, lang);
    }
  };

  const renderCountdown = (view: GameView): void => {
    const d = view.decision;
    if (!d || d.remaining === null || d.deadline === null) {
      countdown.hidden = true;
      return;
    }
    countdown.hidden = false;
    limit = Math.max(limit, d.remaining, 1);
    const seconds = Math.round(d.remaining * opts.secondsPerMinute());
    const fallback = d.options.find((o) => o.id === opts.defaultOption(view));
    replace(
      countdownText,
      h('strong', { text: t('leftToDecide', { duration: duration(d.remaining, lang) }) }),
      t('realTime', { seconds }),
      fallback ? h('span', { class: 'countdown__default', text: t('thenByDefault', { label: fallback.label }) }) : null,
    );
    countdownFill.style.transform = `scaleX(${Math.max(0, Math.min(1, d.remaining / limit)).toFixed(4)})`;
    countdown.classList.toggle('countdown--urgent', d.remaining <= Math.max(2, limit / 4));
  };

  const renderOutcome = (view: GameView): void => {
    const last = view.lastChoice;
    const key = last ? `${last.beat}/${last.option}/${view.clock}/${last.by}` : '';
    if (key === lastChoiceKey) return;
    lastChoiceKey = key;
    if (!last) {
      outcome.className = 'outcome';
      replace(outcome);
      return;
    }
    const timedOut = last.by === 'timeout';
    // A timed-out decision looks different: amber, with the timer icon, so nobody reads it as their own choice.
    outcome.className = `outcome ${timedOut ? 'outcome--timeout' : 'outcome--chosen'}`;
    replace(
      outcome,
      h(
        'p',
        { class: 'outcome__label' },
        timedOut ? icon('timer', 'ico outcome__icon') : null,
        timedOut ? t('timeRanOut') : t('youChose'),
        h('strong', { attrs: written, text: last.label }),
      ),
      h('p', { class: 'outcome__text', attrs: written, text: last.outcome }),
    );
  };

  return {
    el,
    update(view, fresh) {
      renderOutcome(view);
      if (view.phase === 'ended' && view.ending) {
        if (!ended) {
          ended = true;
          disarm();
          situation.hidden = true;
          decision.hidden = true;
          ending.hidden = false;
          endingWhen.textContent = t('closedAt', { time: gameTime(view.clock) });
          endingTitle.textContent = view.ending.title;
          endingText.textContent = view.ending.narrative;
          endingBadge.textContent = t(OUTCOME_KEYS[view.ending.outcome]);
          endingBadge.className = `ending__badge ending__badge--${view.ending.outcome}`;
        }
        return;
      }
      ending.hidden = true;
      situation.hidden = false;
      beatTitle.textContent = view.beat?.title ?? '';
      narrative.textContent = view.beat?.narrative ?? '';
      if (!view.decision) {
        decision.hidden = true;
        disarm();
        return;
      }
      decision.hidden = false;
      if (fresh) {
        limit = 0;
        prompt.textContent = view.decision.prompt;
        error.textContent = '';
        renderOptions(view);
        arm();
      }
      refreshAvailability(view);
      renderCountdown(view);
    },
    focusTarget() {
      return ended ? endingTitle : prompt;
    },
    outcomeTarget() {
      return outcome.firstChild ? outcome : null;
    },
    destroy() {
      disarm();
    },
    press(n) {
      if (ended) return false;
      const b = buttons[n - 1];
      if (!b) return false;
      // During the guard the key is swallowed and focus stays on the outcome being read.
      if (!armed) return true;
      b.button.focus();
      choose(b.option);
      return true;
    },
  };
}

function optionMeta(option: OptionView, currency: string, t: UiText, lang: Lang): string {
  const cost = option.cost > 0 ? t('costs', { amount: money(option.cost, currency, lang) }) : t('noCost');
  const time = option.minutes > 0 ? t('takes', { duration: duration(option.minutes, lang) }) : t('immediate');
  const who = option.partner.length ? t('dependsOnPartner', { capabilities: option.partner.map((c) => capabilityName(c, lang)).join(', ') }) : '';
  return `${cost} · ${time}${who}`;
}

/** Says whether the partner or something else keeps an option closed, and which capability it needs. */
function unavailableWhy(option: OptionView, t: UiText, lang: Lang): string {
  const why = unavailableText(option, lang);
  return option.needs.length
    ? t('outOfReach', { capabilities: option.needs.map((c) => capabilityName(c, lang)).join(', '), why })
    : t('unavailable', { why });
}

