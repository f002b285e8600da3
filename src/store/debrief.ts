import type { ChoiceSource } from '../engine/state.ts';
import type { CompiledScenario } from '../engine/compile.ts';
import type { ScoreItem, ScoreReport } from '../engine/scoring.ts';
import type { Metrics, RunState } from '../engine/state.ts';
import { interpolate } from '../engine/text.ts';
import type { DimensionName, OutcomeName, PartnerTierName } from '../scenarios/schema.ts';
import { reflectionQuestions, type ReflectionQuestion } from './reflection.ts';

// Everything the debrief screen and the exports show, derived once from the scenario, the final
// run state and its score report. The screens only lay this out.

export const CHART_METRICS = ['revenueLost', 'customersAffected', 'downtimeMinutes', 'complianceExposure'] as const;
export type ChartMetric = (typeof CHART_METRICS)[number];

export interface ChartSeries {
  metric: ChartMetric;
  label: string;
  /** The value that counts as the worst case (100%), the same scale the business-impact score uses. */
  scale: number;
  points: { t: number; value: number; share: number }[];
}

export interface DecisionMarker {
  n: number;
  t: number;
  label: string;
}

export interface TimelineEntry {
  n: number;
  t: number;
  beatTitle: string;
  prompt: string;
  chosen: { id: string; label: string; outcome: string };
  by: ChoiceSource;
  waited: number;
  advice: { id: string; label: string; why: string; followed: boolean };
  notTaken: { id: string; label: string }[];
  points: { dimension: DimensionName; points: number; reason: string }[];
}

export interface DebriefData {
  scenarioId: string;
  title: string;
  company: string;
  industry: string;
  currency: string;
  seed: number;
  partner: { id: string; name: string; tier: PartnerTierName };
  ending: { title: string; narrative: string; outcome: OutcomeName } | null;
  clock: number;
  measures: { id: string; name: string; cost: number }[];
  budget: number;
  metrics: Metrics;
  report: ScoreReport;
  series: ChartSeries[];
  markers: DecisionMarker[];
  timeline: TimelineEntry[];
  questions: ReflectionQuestion[];
}

export function buildDebrief(compiled: CompiledScenario, state: RunState, report: ScoreReport): DebriefData {
  const { index } = compiled;
  const { scenario } = index;
  const text = (s: string): string => interpolate(s, state);
  const partner = index.partners.get(state.partnerId) ?? scenario.partners[0]!;
  const ending = state.ending ? index.beats.get(state.ending) : undefined;
  const endingEntry = state.log.find((e) => e.type === 'ending.reached');

  const timeline: TimelineEntry[] = [];
  for (const entry of state.log) {
    if (entry.type !== 'decision.made') continue;
    const beat = index.beats.get(entry.beat);
    const decision = beat?.decision;
    const option = index.options.get(entry.beat)?.get(entry.option);
    if (!beat || !decision || !option) continue;
    const advised = decision.options.find((o) => o.id === decision.advice.option);
    timeline.push({
      n: timeline.length + 1,
      t: entry.t,
      beatTitle: beat.title,
      prompt: text(decision.prompt),
      chosen: { id: option.id, label: text(option.label), outcome: text(option.outcome) },
      by: entry.by,
      waited: entry.waited,
      advice: {
        id: decision.advice.option,
        label: advised ? text(advised.label) : decision.advice.option,
        why: text(decision.advice.why),
        followed: decision.advice.option === option.id,
      },
      notTaken: decision.options.filter((o) => o.id !== option.id).map((o) => ({ id: o.id, label: text(o.label) })),
      points: pointsFor(report, entry.beat, option.id, entry.t, entry.by === 'timeout'),
    });
  }

  const scales: Record<ChartMetric, number> = {
    revenueLost: scenario.stakes.revenueAtRisk,
    customersAffected: scenario.company.customers,
    downtimeMinutes: 2 * scenario.stakes.downtimeToleranceMinutes,
    complianceExposure: 100,
  };
  const divergence = timeline.find((d) => !d.advice.followed);

  return {
    scenarioId: scenario.id,
    title: scenario.title,
    company: scenario.company.name,
    industry: scenario.industry,
    currency: scenario.company.currency ?? 'EUR',
    seed: state.seed,
    partner: { id: partner.id, name: partner.name, tier: partner.tier },
    ending: ending && endingEntry?.type === 'ending.reached'
      ? { title: ending.title, narrative: text(ending.narrative), outcome: endingEntry.outcome }
      : null,
    clock: state.clock,
    measures: state.measures.map((id) => {
      const m = index.measures.get(id);
      return { id, name: m?.name ?? id, cost: m?.cost ?? 0 };
    }),
    budget: scenario.preparation.budget,
    metrics: state.metrics,
    report,
    series: metricSeries(state, scales),
    markers: timeline.map((d) => ({ n: d.n, t: d.t, label: d.beatTitle })),
    timeline,
    questions: reflectionQuestions(
      { communication: report.communication.score, proactivity: report.proactivity.score, businessImpact: report.businessImpact.score },
      divergence ? { beatTitle: divergence.beatTitle, chosen: divergence.chosen.label } : null,
    ),
  };
}

export const METRIC_LABELS: Record<ChartMetric, string> = {
  revenueLost: 'Revenue lost',
  customersAffected: 'Customers affected',
  downtimeMinutes: 'Downtime',
  complianceExposure: 'Compliance exposure',
};

/** Metric values over game time, from the clock's own log entries; one point per game minute logged. */
function metricSeries(state: RunState, scales: Record<ChartMetric, number>): ChartSeries[] {
  const samples = new Map<number, Metrics>();
  samples.set(0, { downtimeMinutes: 0, revenueLost: 0, customersAffected: 0, complianceExposure: 0, fatigue: 0, spend: 0 });
  for (const entry of state.log) {
    if (entry.type === 'clock.advanced' || entry.type === 'ending.reached') samples.set(entry.t, entry.metrics);
  }
  if (!samples.has(state.clock)) samples.set(state.clock, state.metrics);
  const times = [...samples.keys()].sort((a, b) => a - b);
  return CHART_METRICS.map((metric) => ({
    metric,
    label: METRIC_LABELS[metric],
    scale: scales[metric],
    points: times.map((t) => {
      const value = samples.get(t)![metric];
      const scale = scales[metric];
      return { t, value, share: scale > 0 ? value / scale : value > 0 ? 1 : 0 };
    }),
  }));
}

function pointsFor(report: ScoreReport, beat: string, option: string, t: number, timedOut: boolean): TimelineEntry['points'] {
  const fromThis = (i: ScoreItem): boolean =>
    (i.source.kind === 'option' && i.source.beat === beat && i.source.option === option && i.source.t === t) ||
    (timedOut && i.source.kind === 'rule' && i.source.rule === 'timeout' && i.source.t === t);
  return [report.communication, report.proactivity, report.businessImpact].flatMap((d) =>
    d.items.filter(fromThis).map((i) => ({ dimension: d.dimension, points: i.points, reason: i.reason })),
  );
}
