import type { ServiceStatusName } from '../scenarios/schema.ts';
import type { ScenarioIndex } from './scenario-index.ts';
import type { RunState } from './state.ts';

const SEVERITY: Record<ServiceStatusName, number> = { up: 0, degraded: 1, down: 2 };
const BY_SEVERITY: ServiceStatusName[] = ['up', 'degraded', 'down'];
/** How much of a service's revenue and customers an outage at this status takes. */
const WEIGHT: Record<ServiceStatusName, number> = { up: 0, degraded: 0.5, down: 1 };

/**
 * A service is as bad as its own status or anything it depends on: a down database takes
 * the shop down with it. Dependencies that are down make a dependant down too.
 */
export function effectiveStatuses(index: ScenarioIndex, state: Pick<RunState, 'services'>): Record<string, ServiceStatusName> {
  const result: Record<string, ServiceStatusName> = {};
  // The loader rejects dependency cycles, so plain memoised recursion terminates.
  const resolve = (id: string): ServiceStatusName => {
    const cached = result[id];
    if (cached) return cached;
    let worst = SEVERITY[state.services[id] ?? 'up'];
    for (const dep of index.serviceDeps.get(id) ?? []) worst = Math.max(worst, SEVERITY[resolve(dep)]);
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
  /** 1 while any service is down, 0.5 while only degraded, 0 when all is up. */
  downtimeWeight: number;
}

export function outageRates(index: ScenarioIndex, state: RunState): OutageRates {
  const effective = effectiveStatuses(index, state);
  let revenue = 0;
  let customers = 0;
  let worst = 0;
  for (const service of index.scenario.company.services) {
    const status = effective[service.id] ?? 'up';
    revenue += service.revenueShare * WEIGHT[status];
    customers += service.customerShare * WEIGHT[status];
    worst = Math.max(worst, SEVERITY[status]);
  }
  return {
    revenueFraction: Math.min(1, revenue),
    customerFraction: Math.min(1, customers),
    downtimeWeight: worst === 2 ? 1 : worst === 1 ? 0.5 : 0,
  };
}
