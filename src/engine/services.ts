import type { ServiceStatusName } from '../scenarios/schema.ts';
import type { ScenarioIndex } from './scenario-index.ts';
import type { RunState } from './state.ts';

const SEVERITY: Record<ServiceStatusName, number> = { up: 0, degraded: 1, down: 2 };
const BY_SEVERITY: ServiceStatusName[] = ['up', 'degraded', 'down'];
/** The share of a degraded service's revenue and customers lost when the scenario does not say. */
export const DEFAULT_DEGRADED_SHARE = 0.5;

/**
 * A service is as bad as its own status or anything it depends on: a down database takes
 * the shop down with it. Dependencies that are down make a dependant down too, except those
 * it now runs without (a failover, `runsWithout`).
 */
export function effectiveStatuses(index: ScenarioIndex, state: Pick<RunState, 'services' | 'runsWithout'>): Record<string, ServiceStatusName> {
  const result: Record<string, ServiceStatusName> = {};
  // The loader rejects dependency cycles, so plain memoised recursion terminates.
  const resolve = (id: string): ServiceStatusName => {
    const cached = result[id];
    if (cached) return cached;
    let worst = SEVERITY[state.services[id] ?? 'up'];
    const without = state.runsWithout?.[id];
    for (const dep of index.serviceDeps.get(id) ?? []) {
      if (!without?.includes(dep)) worst = Math.max(worst, SEVERITY[resolve(dep)]);
    }
    const status = BY_SEVERITY[worst] ?? 'down';
    result[id] = status;
    return status;
  };
  for (const id of index.serviceOrder) resolve(id);
  return result;
}

export interface OutageRates {
  /** Fraction of revenue currently lost, 0..1. */
  revenueFraction: number;
  /** Fraction of customers currently affected, 0..1. */
  customerFraction: number;
  /**
   * How much of the business is out, 0..1: the larger of the revenue and customer fractions.
   * A downtime minute counts this much, so a service that carries neither (an infrastructure
   * layer) counts only through the services that depend on it.
   */
  downtimeWeight: number;
  /** True while any service is not up, whatever it carries: the team is fighting an outage. */
  anyOutage: boolean;
}

/**
 * What the clock and the conditions read, for a run's services as they stand. A run's
 * `services` and `runsWithout` are replaced when they change, never changed in place (see
 * effects.ts and draft.ts), so both are computed once per pair of objects, however many
 * states share them: the clock asks at every slice of game time, conditions at every inject.
 */
interface ServiceReadings {
  index: ScenarioIndex;
  runsWithout: RunState['runsWithout'];
  statuses: Record<string, ServiceStatusName>;
  rates: OutageRates | null;
}

const readings = new WeakMap<RunState['services'], ServiceReadings>();

/** The last pair asked about: a step asks about the same services many times in a row. */
let last: { services: RunState['services']; reading: ServiceReadings } | null = null;

function readingsOf(index: ScenarioIndex, state: Pick<RunState, 'services' | 'runsWithout'>): ServiceReadings {
  const { services, runsWithout } = state;
  if (last !== null && last.services === services && last.reading.index === index && last.reading.runsWithout === runsWithout) return last.reading;
  let reading = readings.get(services);
  if (!reading || reading.index !== index || reading.runsWithout !== runsWithout) {
    reading = { index, runsWithout, statuses: effectiveStatuses(index, state), rates: null };
    readings.set(services, reading);
  }
  last = { services, reading };
  return reading;
}

/** `effectiveStatuses` of a run's state; the result is shared and must not be changed. */
export function runStatuses(index: ScenarioIndex, state: Pick<RunState, 'services' | 'runsWithout'>): Readonly<Record<string, ServiceStatusName>> {
  return readingsOf(index, state).statuses;
}

export function outageRates(index: ScenarioIndex, state: RunState): OutageRates {
  const reading = readingsOf(index, state);
  return (reading.rates ??= ratesOf(index, reading.statuses));
}

function ratesOf(index: ScenarioIndex, effective: Readonly<Record<string, ServiceStatusName>>): OutageRates {
  let revenue = 0;
  let customers = 0;
  let anyOutage = false;
  for (const service of index.scenario.company.services) {
    const status = effective[service.id] ?? 'up';
    if (status === 'up') continue;
    anyOutage = true;
    // A degraded service loses its own stated share of what it carries.
    const lost = status === 'down' ? 1 : (service.degradedShare ?? DEFAULT_DEGRADED_SHARE);
    revenue += service.revenueShare * lost;
    customers += service.customerShare * lost;
  }
  const revenueFraction = Math.min(1, revenue);
  const customerFraction = Math.min(1, customers);
  return { revenueFraction, customerFraction, downtimeWeight: Math.max(revenueFraction, customerFraction), anyOutage };
}
