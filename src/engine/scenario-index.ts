import type { Beat, Inject, Option, Partner, Scenario } from '../scenarios/schema.ts';

/** An inject with the key it is recorded under once delivered (see RunState.delivered). */
export interface KeyedInject {
  inject: Inject;
  key: string;
  /** Its position among all the scenario's injects, for the table of those a run has had (clock.ts). */
  slot: number;
}
import { fingerprint } from './hash.ts';

// Lookup tables built once per scenario, so the hot paths (clock ticks, the explorer)
// never scan lists.
export interface ScenarioIndex {
  scenario: Scenario;
  fingerprint: string;
  beats: Map<string, Beat>;
  options: Map<string, Map<string, Option>>;
  partners: Map<string, Partner>;
  measures: Map<string, Scenario['preparation']['measures'][number]>;
  globalInjects: Inject[];
  /** Scenario-wide injects and each beat's injects, with their delivery keys worked out once. */
  keyedGlobalInjects: KeyedInject[];
  keyedBeatInjects: Map<string, KeyedInject[]>;
  /** Delivery key → slot (see KeyedInject). */
  injectSlots: Map<string, number>;
  serviceOrder: string[];
  serviceDeps: Map<string, readonly string[]>;
  /** Metrics referenced by any condition: only these can change what happens next. */
  metricsInConditions: Set<string>;
  clockInConditions: boolean;
}

export function indexScenario(scenario: Scenario): ScenarioIndex {
  const beats = new Map(scenario.beats.map((b) => [b.id, b]));
  const options = new Map(
    scenario.beats.map((b) => [b.id, new Map((b.decision?.options ?? []).map((o) => [o.id, o]))]),
  );
  const metricsInConditions = new Set<string>();
  let clockInConditions = false;
  walkConditions(scenario, (c) => {
    if (c.metric) metricsInConditions.add(c.metric);
    if (c.clock) clockInConditions = true;
  });
  const injectSlots = new Map<string, number>();
  const keyed = (key: string, inject: Inject): KeyedInject => {
    // A duplicate id is refused by the loader; a repeat here keeps its first slot.
    if (!injectSlots.has(key)) injectSlots.set(key, injectSlots.size);
    return { inject, key, slot: injectSlots.get(key)! };
  };
  return {
    scenario,
    fingerprint: fingerprint(JSON.stringify(scenario)),
    beats,
    options,
    partners: new Map(scenario.partners.map((p) => [p.id, p])),
    measures: new Map(scenario.preparation.measures.map((m) => [m.id, m])),
    globalInjects: scenario.injects ?? [],
    keyedGlobalInjects: (scenario.injects ?? []).map((inject) => keyed(`*/${inject.id}`, inject)),
    keyedBeatInjects: new Map(scenario.beats.map((b) => [b.id, (b.injects ?? []).map((inject) => keyed(`${b.id}/${inject.id}`, inject))])),
    injectSlots,
    serviceOrder: scenario.company.services.map((s) => s.id),
    serviceDeps: new Map(scenario.company.services.map((s) => [s.id, s.dependsOn ?? []])),
    metricsInConditions,
    clockInConditions,
  };
}

type AnyCondition = import('../scenarios/schema.ts').Condition;

/** Visits every condition in a scenario, nested ones included. */
export function walkConditions(scenario: Scenario, visit: (c: AnyCondition) => void): void {
  const walk = (c: AnyCondition | undefined): void => {
    if (!c) return;
    visit(c);
    walk(c.not);
    c.all?.forEach(walk);
    c.any?.forEach(walk);
  };
  scenario.regulators?.forEach((r) => walk(r.trigger));
  scenario.injects?.forEach((i) => walk(i.when));
  for (const beat of scenario.beats) {
    beat.injects?.forEach((i) => walk(i.when));
    for (const option of beat.decision?.options ?? []) {
      walk(option.requires);
      option.branches?.forEach((b) => walk(b.when));
    }
  }
}
