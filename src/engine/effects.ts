import type { Effect, Inject, NumberExpr } from '../scenarios/schema.ts';
import { accrue, clamp, deliveredSlots, injectKey, isDue, nextScheduled, openBeatInjects } from './clock.ts';
import { holds } from './conditions.ts';
import { nextInt } from './rng.ts';
import type { KeyedInject, ScenarioIndex } from './scenario-index.ts';
import type { RunState } from './state.ts';

// What changes a run: named effects, and the game time they and the player's choices let
// pass, during which injects whose effects apply in turn arrive and regulators' clocks run.
// The two call each other (an inject's effects may advance the clock, the clock delivers
// injects), so both live here; clock.ts holds the schedule they read. All functions change
// a draft (draft.ts): its metrics and log in place, every other container by replacing it.

/** The longest an `advance` effect moves the clock: 30 days, the schema's bound on game minutes. */
export const MAX_ADVANCE_MINUTES = 60 * 24 * 30;

/**
 * Resolves a number that may refer to a scenario variable. Non-numeric variables count as 0.
 * The schema bounds every number, so the result is finite; one that is not is refused
 * rather than carried into the clock and the scores.
 */
export function evaluateNumber(state: RunState, expr: NumberExpr): number {
  if (typeof expr === 'number') return finite(expr, 'a number', '');
  const raw = state.vars[expr.var];
  const value = typeof raw === 'number' ? raw : 0;
  return finite(value * (expr.times ?? 1) + (expr.plus ?? 0), 'variable', expr.var, ' scaled');
}

/** The message's parts come separately so that it is only put together when it is thrown (this runs at every effect). */
function finite(value: number, what: string, id: string, after = ''): number {
  if (!Number.isFinite(value)) throw new Error(`${id === '' ? what : `${what} "${id}"${after}`} gives ${value}, which is not a finite number; keep effect numbers within the schema's bounds`);
  return value;
}

const BOUNDED_METRICS = new Set(['complianceExposure', 'fatigue']);

/** Draws a scenario variable from its declared range into a draft. */
export function drawVariable(index: ScenarioIndex, s: RunState, id: string): void {
  const variable = index.scenario.variables?.find((v) => v.id === id);
  if (!variable) return;
  let value: string | number;
  if (variable.from) {
    const [i, next] = nextInt(s.rng, 0, variable.from.length - 1);
    s.rng = next;
    value = variable.from[i] ?? variable.from[0]!;
  } else {
    const [n, next] = nextInt(s.rng, variable.min ?? 0, variable.max ?? 0);
    s.rng = next;
    value = n;
  }
  s.vars = { ...s.vars, [id]: value };
  s.log.push({ t: s.clock, type: 'variable.drawn', variable: id, value });
}

/** Applies named effects, in order, to a draft. Each behaviour lives here and only here. */
export function applyEffects(index: ScenarioIndex, s: RunState, effects: readonly Effect[] | undefined): void {
  for (const effect of effects ?? []) applyEffect(index, s, effect);
}

function applyEffect(index: ScenarioIndex, s: RunState, effect: Effect): void {
  switch (effect.type) {
    case 'adjust': {
      const { metric, by } = effect.params;
      const value = s.metrics[metric] + evaluateNumber(s, by);
      const max = BOUNDED_METRICS.has(metric) ? 100 : metric === 'customersAffected' ? index.scenario.company.customers : Infinity;
      s.metrics[metric] = finite(clamp(value, 0, max), 'metric', metric);
      return;
    }
    case 'sentiment': {
      const { stakeholder, by } = effect.params;
      const current = s.sentiment[stakeholder];
      if (current === undefined) return;
      const value = clamp(current + evaluateNumber(s, by), 0, 100);
      if (value !== current) {
        s.sentiment = { ...s.sentiment, [stakeholder]: value };
        s.log.push({ t: s.clock, type: 'sentiment.changed', stakeholder, by: value - current, value });
      }
      return;
    }
    case 'set-flag':
      setFlag(s, effect.params.flag);
      return;
    case 'clear-flag':
      if (s.flags.includes(effect.params.flag)) s.flags = s.flags.filter((f) => f !== effect.params.flag);
      return;
    case 'service': {
      const { service, status, without } = effect.params;
      if (without !== undefined) {
        const { [service]: _previous, ...others } = s.runsWithout ?? {};
        s.runsWithout = without.length > 0 ? { ...others, [service]: [...new Set(without)].sort() } : others;
      }
      if (s.services[service] !== status) {
        s.services = { ...s.services, [service]: status };
        s.log.push({ t: s.clock, type: 'service.changed', service, status });
      }
      return;
    }
    case 'if':
      applyEffects(index, s, holds(index, s, effect.params.when) ? effect.params.then : effect.params.else);
      return;
    case 'draw':
      drawVariable(index, s, effect.params.var);
      return;
    case 'advance':
      advanceClock(index, s, Math.min(MAX_ADVANCE_MINUTES, Math.max(0, Math.round(evaluateNumber(s, effect.params.minutes)))));
      return;
    case 'notify': {
      const clock = s.regulators[effect.params.regulator];
      if (clock && clock.notifiedAt === null) {
        s.regulators = { ...s.regulators, [effect.params.regulator]: { ...clock, notifiedAt: s.clock } };
        // Telling a regulator before anything notifiable happened is recorded, not scored.
        const when = clock.deadline === null ? 'early' : s.clock <= clock.deadline ? 'on-time' : 'late';
        s.log.push({ t: s.clock, type: 'regulator.notified', regulator: effect.params.regulator, when });
      }
      return;
    }
    default: {
      const unreachable: never = effect;
      throw new Error(`unknown effect ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Sets a flag, keeping the list sorted. The list is replaced, never changed in place (see draft.ts). */
function setFlag(s: RunState, flag: string): void {
  if (!s.flags.includes(flag)) s.flags = [...s.flags, flag].sort();
}

/** `key`: the inject's delivery key when the caller has it precomputed (the same string object compares fastest). */
export function deliver(index: ScenarioIndex, s: RunState, beat: string | null, inject: Inject, key = injectKey(beat, inject)): void {
  s.delivered = [...s.delivered, key];
  s.log.push({ t: s.clock, type: 'inject.delivered', inject: inject.id, beat });
  applyEffects(index, s, inject.effects);
}

/** Delivers every inject of `injects` that is due now; true when any was. */
function deliverDue(index: ScenarioIndex, s: RunState, beat: string | null, injects: readonly KeyedInject[]): boolean {
  let delivered = false;
  // Read before any delivery below: those replace s.delivered, but only with keys of this list, each seen once.
  const had = deliveredSlots(index, s);
  for (const { inject, key, slot } of injects) {
    if (had[slot] === 1 || !isDue(index, s, inject, beat !== null)) continue;
    deliver(index, s, beat, inject, key);
    delivered = true;
  }
  return delivered;
}

/**
 * Brings a run up to date with its own rules: delivers every inject that is due, starts
 * regulators' clocks whose trigger now holds, and marks missed deadlines. Repeats until
 * nothing changes, because an inject's effects can make another inject due.
 */
export function settle(index: ScenarioIndex, s: RunState): void {
  if (s.phase !== 'incident') return;
  // This runs after every step and every slice of time: delivery keys are precomputed.
  for (let changed = true; changed; ) {
    changed = false;
    for (const regulator of index.scenario.regulators ?? []) {
      let clock = s.regulators[regulator.id];
      if (!clock) continue;
      if (clock.startedAt === null && holds(index, s, regulator.trigger)) {
        clock = { ...clock, startedAt: s.clock, deadline: s.clock + regulator.deadlineMinutes };
        s.regulators = { ...s.regulators, [regulator.id]: clock };
        s.log.push({ t: s.clock, type: 'regulator.clock-started', regulator: regulator.id, deadline: clock.deadline! });
        changed = true;
      }
      if (clock.deadline !== null && clock.notifiedAt === null && !clock.missed && s.clock > clock.deadline) {
        s.regulators = { ...s.regulators, [regulator.id]: { ...clock, missed: true } };
        s.metrics.complianceExposure = clamp(s.metrics.complianceExposure + regulator.penalty, 0, 100);
        setFlag(s, `missed-${regulator.id}`);
        s.log.push({ t: s.clock, type: 'regulator.deadline-missed', regulator: regulator.id });
        changed = true;
      }
    }
    // Scenario-wide injects first, then the beat's (the order deliveries are logged in).
    if (deliverDue(index, s, null, index.keyedGlobalInjects)) changed = true;
    if (deliverDue(index, s, s.beat, openBeatInjects(index, s))) changed = true;
  }
}

/** Lets `minutes` of game time pass, in segments that stop at each scheduled event. */
export function advanceClock(index: ScenarioIndex, s: RunState, minutes: number): void {
  if (s.phase !== 'incident' || minutes <= 0) return;
  const target = s.clock + minutes;
  while (s.clock < target) {
    accrue(index, s, nextScheduled(index, s, target) - s.clock);
    settle(index, s);
  }
  s.log.push({ t: s.clock, type: 'clock.advanced', minutes, metrics: { ...s.metrics } });
}
