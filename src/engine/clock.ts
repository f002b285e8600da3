import type { Inject } from '../scenarios/schema.ts';
import { holds } from './conditions.ts';
import type { KeyedInject, ScenarioIndex } from './scenario-index.ts';
import { outageRates } from './services.ts';
import type { RunState } from './state.ts';

// The schedule of game time: when an inject or a regulator's deadline is due, and what a
// span of game time costs while services are out. Nothing here applies an effect; the
// passing of time that does (delivering injects, whose effects may advance the clock in
// turn) is advanceClock and settle in effects.ts, so imports point one way: effects → clock.

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

/** True when an inject not yet delivered should arrive now: its time has come and its condition holds. */
export function isDue(index: ScenarioIndex, s: RunState, inject: Inject, inBeat: boolean): boolean {
  const at = dueAt(s, inject, inBeat);
  if (at !== null && s.clock < at) return false;
  return inject.when === undefined || holds(index, s, inject.when);
}

/**
 * Which of the scenario's injects a run has had, by slot (KeyedInject). Settling a run asks
 * this of every inject at every slice of game time (scanning the list of keys each time was
 * most of a step's cost). A list of delivery keys is replaced when an inject is delivered,
 * never changed in place (draft.ts), so the table of the last list read stays right for as
 * long as that list is asked about, which is every slice of a step until the next delivery.
 * (A WeakMap of every list read was slower: the garbage collector pays for each entry.)
 */
export function deliveredSlots(index: ScenarioIndex, s: RunState): Uint8Array {
  if (last.delivered === s.delivered && last.index === index) return last.slots;
  const slots = new Uint8Array(index.injectSlots.size);
  for (const key of s.delivered) {
    const slot = index.injectSlots.get(key);
    if (slot !== undefined) slots[slot] = 1;
  }
  last = { delivered: s.delivered, index, slots };
  return slots;
}

/** The last list read, and its table. */
let last: { delivered: readonly string[] | null; index: ScenarioIndex | null; slots: Uint8Array } = { delivered: null, index: null, slots: new Uint8Array(0) };

/** The current beat's injects while they can still arrive (its decision is open, or it has none), else none. */
export function openBeatInjects(index: ScenarioIndex, s: RunState): readonly KeyedInject[] {
  const beat = s.beat ? index.beats.get(s.beat) : undefined;
  return beat && (s.posedAt !== null || !beat.decision) ? (index.keyedBeatInjects.get(beat.id) ?? NONE) : NONE;
}

const NONE: readonly KeyedInject[] = [];

/** The next game minute, after now and no later than `until`, at which something is scheduled. */
export function nextScheduled(index: ScenarioIndex, s: RunState, until: number): number {
  let next = until;
  const delivered = deliveredSlots(index, s);
  for (const { inject, slot } of index.keyedGlobalInjects) {
    if (inject.at !== undefined && inject.at > s.clock && inject.at < next && delivered[slot] === 0) next = inject.at;
  }
  for (const { inject, slot } of openBeatInjects(index, s)) {
    const at = inject.at === undefined ? undefined : s.beatEnteredAt + inject.at;
    if (at !== undefined && at > s.clock && at < next && delivered[slot] === 0) next = at;
  }
  for (const id in s.regulators) {
    const clock = s.regulators[id]!;
    if (clock.deadline !== null && clock.notifiedAt === null && !clock.missed && clock.deadline + 1 > s.clock && clock.deadline + 1 < next) {
      next = clock.deadline + 1;
    }
  }
  return next;
}

/** Moves the clock `span` minutes on, nothing being due in between, and adds what the outage costs meanwhile. Changes `s`. */
export function accrue(index: ScenarioIndex, s: RunState, span: number): void {
  const { revenuePerHour, customers } = index.scenario.company;
  const rates = outageRates(index, s);
  s.metrics.revenueLost = round2(s.metrics.revenueLost + (revenuePerHour / 60) * rates.revenueFraction * span);
  s.metrics.downtimeMinutes += span * rates.downtimeWeight;
  s.metrics.customersAffected = Math.max(s.metrics.customersAffected, Math.round(customers * rates.customerFraction));
  const fatiguePerHour = rates.anyOutage ? FATIGUE_PER_HOUR_IN_OUTAGE : FATIGUE_PER_HOUR_OTHERWISE;
  s.metrics.fatigue = clamp(round2(s.metrics.fatigue + (fatiguePerHour * span) / 60), 0, 100);
  s.clock += span;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
