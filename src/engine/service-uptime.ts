import type { ServiceStatusName } from '../scenarios/schema.ts';
import type { ScenarioIndex } from './scenario-index.ts';
import { effectiveStatuses } from './services.ts';
import type { LogEntry } from './state.ts';

// Uptime per service and productivity lost, from a run's log: the service changes it recorded,
// with each service as bad as what it depends on. Pure.

export interface ServiceUptime {
  id: string;
  name: string;
  upMinutes: number;
  degradedMinutes: number;
  downMinutes: number;
  /** Share of the incident the service was fully up, 0..1 (1 for an incident of no time). */
  uptime: number;
}

export interface UptimeReport {
  minutes: number;
  services: ServiceUptime[];
  /** Employees × hours they could not work: a down service stops its staffShare of staff, a degraded one half of it. */
  staffHoursLost: number;
  employees: number;
}

const STAFF_WEIGHT: Record<ServiceStatusName, number> = { up: 0, degraded: 0.5, down: 1 };

export function serviceUptime(index: ScenarioIndex, log: readonly LogEntry[], endClock: number): UptimeReport {
  const { company } = index.scenario;
  const own: Record<string, ServiceStatusName> = Object.fromEntries(company.services.map((s) => [s.id, s.status ?? 'up']));
  const totals = new Map(company.services.map((s) => [s.id, { up: 0, degraded: 0, down: 0 }]));
  const employees = company.employees ?? 0;
  let staffMinutes = 0;
  const account = (span: number): void => {
    if (span <= 0) return;
    const effective = effectiveStatuses(index, { services: own });
    let idle = 0;
    for (const service of company.services) {
      const status = effective[service.id] ?? 'up';
      totals.get(service.id)![status] += span;
      idle += (service.staffShare ?? service.revenueShare) * STAFF_WEIGHT[status];
    }
    staffMinutes += employees * Math.min(1, idle) * span;
  };
  let from = 0;
  for (const e of log) {
    if (e.type !== 'service.changed') continue;
    const at = Math.min(e.t, endClock);
    account(at - from);
    from = Math.max(from, at);
    own[e.service] = e.status;
  }
  account(endClock - from);
  const minutes = Math.max(0, endClock);
  return {
    minutes,
    services: company.services.map((s) => {
      const t = totals.get(s.id)!;
      return { id: s.id, name: s.name, upMinutes: t.up, degradedMinutes: t.degraded, downMinutes: t.down, uptime: minutes > 0 ? t.up / minutes : 1 };
    }),
    staffHoursLost: Math.round(staffMinutes / 60),
    employees,
  };
}
