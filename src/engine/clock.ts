import type { Inject } from '../scenarios/schema.ts';
import { holds } from './conditions.ts';
import { applyEffects, clamp } from './effects.ts';
import type { KeyedInject, ScenarioIndex } from './scenario-index.ts';
import { outageRates } from './services.ts';
import type { RunState } from './state.ts';

// Game time. Everything that happens "while the clock runs" is here: outage costs accrue,
// timed injects arrive, regulators' notification clocks run out. All functions mutate a draft.

const FATIGUE_PER_HOUR_IN_OUTAGE = 2;
const FATIGUE_PER_HOUR_OTHERWISE = 0.5;

export const GLOBAL_INJECT_PREFIX = '*';

export function injectKey(beat: string | null, inject: Inject): string {
  return `${beat ?? GLOBAL_INJECT_PREFIX}/${inject.id}`;
}

/** The earliest game minute at which an inject may arrive, or null if it has no time. */
export function dueAt(s: RunState, inject: Inject, inBeat: boolean): number | null {
  if (inject.at === undefined) return null;
  return inBeat ? s.beatEnteredAt + inject.at : inject.at;
}

function isDue(index: ScenarioIndex, s: RunState, inject: Inject, inBeat: boolean): boolean {
  const at = dueAt(s, inject, inBeat);
  if (at !== null && s.clock < at) return false;
  return inject.when === undefined || holds(index, s, inject.when);
}

export function deliver(index: ScenarioIndex, s: RunState, beat: string | null, inject: Inject): void {
  s.delivered.push(injectKey(beat, inject));
  s.log.push({ t: s.clock, type: 'inject.delivered', inject: inject.id, beat });
  applyEffects(index, s, inject.effects);
}

/** The injects that can still arrive now: the scenario's, and the current beat's while its decision is open. */
function openInjects(index: ScenarioIndex, s: RunState): { beat: string | null; injects: readonly KeyedInject[] }[] {
  const groups: { beat: string | null; injects: readonly KeyedInject[] }[] = [{ beat: null, injects: index.keyedGlobalInjects }];
  const beat = s.beat ? index.beats.get(s.beat) : undefined;
  if (beat && (s.posedAt !== null || !beat.decision)) groups.push({ beat: beat.id, injects: index.keyedBeatInjects.get(beat.id) ?? [] });
  return groups;
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
      const clock = s.regulators[regulator.id];
      if (!clock) continue;
      if (clock.startedAt === null && holds(index, s, regulator.trigger)) {
        clock.startedAt = s.clock;
        clock.deadline = s.clock + regulator.deadlineMinutes;
        s.log.push({ t: s.clock, type: 'regulator.clock-started', regulator: regulator.id, deadline: clock.deadline });
        changed = true;
      }
      if (clock.deadline !== null && clock.notifiedAt === null && !clock.missed && s.clock > clock.deadline) {
        clock.missed = true;
        s.metrics.complianceExposure = clamp(s.metrics.complianceExposure + regulator.penalty, 0, 100);
        if (!s.flags.includes(`missed-${regulator.id}`)) {
          s.flags.push(`missed-${regulator.id}`);
          s.flags.sort();
        }
        s.log.push({ t: s.clock, type: 'regulator.deadline-missed', regulator: regulator.id });
        changed = true;
      }
    }
    for (const group of openInjects(index, s)) {
      for (const { inject, key } of group.injects) {
        if (s.delivered.includes(key) || !isDue(index, s, inject, group.beat !== null)) continue;
        deliver(index, s, group.beat, inject);
        changed = true;
      }
    }
  }
}

/** The next game minute, after now and no later than `until`, at which something is scheduled. */
function nextScheduled(index: ScenarioIndex, s: RunState, until: number): number {
  let next = until;
  const consider = (t: number | null): void => {
    if (t !== null && t > s.clock && t < next) next = t;
  };
  for (const group of openInjects(index, s)) {
    for (const { inject, key } of group.injects) {
      if (inject.at !== undefined && !s.delivered.includes(key)) consider(dueAt(s, inject, group.beat !== null));
    }
  }
  for (const clock of Object.values(s.regulators)) {
    if (clock.deadline !== null && clock.notifiedAt === null && !clock.missed) consider(clock.deadline + 1);
  }
  return next;
}

/** Lets `minutes` of game time pass, in segments that stop at each scheduled event. */
export function advanceClock(index: ScenarioIndex, s: RunState, minutes: number): void {
  if (s.phase !== 'incident' || minutes <= 0) return;
  const { revenuePerHour, customers } = index.scenario.company;
  const target = s.clock + minutes;
  while (s.clock < target) {
    const until = nextScheduled(index, s, target);
    const span = until - s.clock;
    const rates = outageRates(index, s);
    s.metrics.revenueLost = round2(s.metrics.revenueLost + (revenuePerHour / 60) * rates.revenueFraction * span);
    s.metrics.downtimeMinutes += span * rates.downtimeWeight;
    s.metrics.customersAffected = Math.max(s.metrics.customersAffected, Math.round(customers * rates.customerFraction));
    const fatiguePerHour = rates.anyOutage ? FATIGUE_PER_HOUR_IN_OUTAGE : FATIGUE_PER_HOUR_OTHERWISE;
    s.metrics.fatigue = clamp(round2(s.metrics.fatigue + (fatiguePerHour * span) / 60), 0, 100);
    s.clock = until;
    settle(index, s);
  }
  s.log.push({ t: s.clock, type: 'clock.advanced', minutes, metrics: { ...s.metrics } });
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
