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

/** `key`: the inject's delivery key when the caller has it precomputed (the same string object compares fastest). */
export function deliver(index: ScenarioIndex, s: RunState, beat: string | null, inject: Inject, key = injectKey(beat, inject)): void {
  s.delivered.push(key);
  s.log.push({ t: s.clock, type: 'inject.delivered', inject: inject.id, beat });
  applyEffects(index, s, inject.effects);
}

/** The current beat's injects while they can still arrive (its decision is open, or it has none), else none. */
function openBeatInjects(index: ScenarioIndex, s: RunState): readonly KeyedInject[] {
  const beat = s.beat ? index.beats.get(s.beat) : undefined;
  return beat && (s.posedAt !== null || !beat.decision) ? (index.keyedBeatInjects.get(beat.id) ?? NONE) : NONE;
}

const NONE: readonly KeyedInject[] = [];

/** Delivers every inject of `injects` that is due now; true when any was. */
function deliverDue(index: ScenarioIndex, s: RunState, beat: string | null, injects: readonly KeyedInject[]): boolean {
  let delivered = false;
  for (const { inject, key } of injects) {
    if (s.delivered.includes(key) || !isDue(index, s, inject, beat !== null)) continue;
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
    // Scenario-wide injects first, then the beat's (the order deliveries are logged in).
    if (deliverDue(index, s, null, index.keyedGlobalInjects)) changed = true;
    if (deliverDue(index, s, s.beat, openBeatInjects(index, s))) changed = true;
  }
}

/** The next game minute, after now and no later than `until`, at which something is scheduled. */
function nextScheduled(index: ScenarioIndex, s: RunState, until: number): number {
  let next = until;
  for (const { inject, key } of index.keyedGlobalInjects) {
    if (inject.at !== undefined && inject.at > s.clock && inject.at < next && !s.delivered.includes(key)) next = inject.at;
  }
  for (const { inject, key } of openBeatInjects(index, s)) {
    const at = inject.at === undefined ? undefined : s.beatEnteredAt + inject.at;
    if (at !== undefined && at > s.clock && at < next && !s.delivered.includes(key)) next = at;
  }
  for (const id in s.regulators) {
    const clock = s.regulators[id]!;
    if (clock.deadline !== null && clock.notifiedAt === null && !clock.missed && clock.deadline + 1 > s.clock && clock.deadline + 1 < next) {
      next = clock.deadline + 1;
    }
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
