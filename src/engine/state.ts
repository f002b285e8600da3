import type { MetricName, OutcomeName, ServiceStatusName } from '../scenarios/schema.ts';

// Everything a run is, as plain JSON: a snapshot can be saved, restored, replayed and sent.

export type Metrics = Record<MetricName, number>;

export interface RegulatorClock {
  startedAt: number | null;
  deadline: number | null;
  notifiedAt: number | null;
  missed: boolean;
}

export type ChoiceSource = 'player' | 'timeout' | 'facilitator';

export type LogEntry =
  | { t: number; type: 'run.started'; seed: number; partner: string }
  | { t: number; type: 'variable.drawn'; variable: string; value: string | number }
  | { t: number; type: 'preparation.committed'; measures: string[]; spent: number }
  | { t: number; type: 'beat.entered'; beat: string }
  | { t: number; type: 'inject.delivered'; inject: string; beat: string | null }
  | { t: number; type: 'decision.made'; beat: string; option: string; by: ChoiceSource; waited: number; votes?: Record<string, number> }
  | { t: number; type: 'timer.extended'; beat: string; minutes: number }
  | { t: number; type: 'timer.held'; beat: string }
  | { t: number; type: 'clock.advanced'; minutes: number; metrics: Metrics }
  | { t: number; type: 'sentiment.changed'; stakeholder: string; by: number; value: number }
  | { t: number; type: 'service.changed'; service: string; status: ServiceStatusName }
  | { t: number; type: 'regulator.clock-started'; regulator: string; deadline: number }
  | { t: number; type: 'regulator.notified'; regulator: string; when: 'early' | 'on-time' | 'late' }
  | { t: number; type: 'regulator.deadline-missed'; regulator: string }
  | { t: number; type: 'ending.reached'; beat: string; outcome: OutcomeName; metrics: Metrics; sentiment: Record<string, number> };

export type LogEntryType = LogEntry['type'];

export interface RunState {
  scenarioId: string;
  partnerId: string;
  seed: number;
  rng: number;
  phase: 'preparation' | 'incident' | 'ended';
  /** Game minutes since the incident began (T+). */
  clock: number;
  beat: string | null;
  beatEnteredAt: number;
  /** When the pending decision was put to the player; null when none is pending. */
  posedAt: number | null;
  /** Minutes a facilitator added to the pending decision's time limit. */
  timerExtension: number;
  /** True when a facilitator stopped the pending decision's timer. */
  timerHeld: boolean;
  lastChoice: { beat: string; option: string; by: ChoiceSource } | null;
  budgetLeft: number;
  measures: string[];
  flags: string[];
  vars: Record<string, string | number>;
  services: Record<string, ServiceStatusName>;
  /**
   * Failover: per service, the dependencies it runs without (sorted). Absent until a `service`
   * effect with `without` sets it, so runs and saves of scenarios without failover are unchanged.
   */
  runsWithout?: Record<string, string[]>;
  metrics: Metrics;
  sentiment: Record<string, number>;
  regulators: Record<string, RegulatorClock>;
  /** Keys of injects already delivered: `beatId/injectId`, or `*\/injectId` for scenario-wide ones. */
  delivered: string[];
  ending: string | null;
  log: LogEntry[];
}

export function emptyMetrics(): Metrics {
  return { downtimeMinutes: 0, revenueLost: 0, customersAffected: 0, complianceExposure: 0, fatigue: 0, spend: 0 };
}
