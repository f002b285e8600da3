import type { Effect, NumberExpr } from '../scenarios/schema.ts';
import { advanceClock } from './clock.ts';
import { holds } from './conditions.ts';
import { nextInt } from './rng.ts';
import type { ScenarioIndex } from './scenario-index.ts';
import type { RunState } from './state.ts';

/** The longest an `advance` effect moves the clock: 30 days, the schema's bound on game minutes. */
export const MAX_ADVANCE_MINUTES = 60 * 24 * 30;

/**
 * Resolves a number that may refer to a scenario variable. Non-numeric variables count as 0.
 * The schema bounds every number, so the result is finite; one that is not is refused
 * rather than carried into the clock and the scores.
 */
export function evaluateNumber(state: RunState, expr: NumberExpr): number {
  if (typeof expr === 'number') return finite(expr, 'a number');
  const raw = state.vars[expr.var];
  const value = typeof raw === 'number' ? raw : 0;
  return finite(value * (expr.times ?? 1) + (expr.plus ?? 0), `variable "${expr.var}" scaled`);
}

function finite(value: number, what: string): number {
  if (!Number.isFinite(value)) throw new Error(`${what} gives ${value}, which is not a finite number; keep effect numbers within the schema's bounds`);
  return value;
}

const BOUNDED_METRICS = new Set(['complianceExposure', 'fatigue']);

/** Draws a scenario variable from its declared range into the (mutable) draft. */
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
  s.vars[id] = value;
  s.log.push({ t: s.clock, type: 'variable.drawn', variable: id, value });
}

/** Applies named effects, in order, to a mutable draft. Each behaviour lives here and only here. */
export function applyEffects(index: ScenarioIndex, s: RunState, effects: readonly Effect[] | undefined): void {
  for (const effect of effects ?? []) applyEffect(index, s, effect);
}

function applyEffect(index: ScenarioIndex, s: RunState, effect: Effect): void {
  switch (effect.type) {
    case 'adjust': {
      const { metric, by } = effect.params;
      const value = s.metrics[metric] + evaluateNumber(s, by);
      const max = BOUNDED_METRICS.has(metric) ? 100 : metric === 'customersAffected' ? index.scenario.company.customers : Infinity;
      s.metrics[metric] = finite(clamp(value, 0, max), `metric "${metric}"`);
      return;
    }
    case 'sentiment': {
      const { stakeholder, by } = effect.params;
      const current = s.sentiment[stakeholder];
      if (current === undefined) return;
      const value = clamp(current + evaluateNumber(s, by), 0, 100);
      if (value !== current) {
        s.sentiment[stakeholder] = value;
        s.log.push({ t: s.clock, type: 'sentiment.changed', stakeholder, by: value - current, value });
      }
      return;
    }
    case 'set-flag':
      if (!s.flags.includes(effect.params.flag)) {
        s.flags.push(effect.params.flag);
        s.flags.sort();
      }
      return;
    case 'clear-flag':
      s.flags = s.flags.filter((f) => f !== effect.params.flag);
      return;
    case 'service': {
      const { service, status, without } = effect.params;
      if (without !== undefined) {
        // Replaced, never mutated: drafts share this object with the state they came from.
        const { [service]: _previous, ...others } = s.runsWithout ?? {};
        s.runsWithout = without.length > 0 ? { ...others, [service]: [...new Set(without)].sort() } : others;
      }
      if (s.services[service] !== status) {
        // Replaced, never mutated, like runsWithout: states share it (see draft.ts).
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
        clock.notifiedAt = s.clock;
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

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
