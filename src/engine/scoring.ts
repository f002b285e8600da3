import type { DimensionName, ScoreEntry } from '../scenarios/schema.ts';
import type { ScenarioIndex } from './scenario-index.ts';
import { emptyMetrics, type LogEntry, type Metrics } from './state.ts';

// Scores are pure functions of the scenario and a run's event log. Every point is an item
// with a reason, so the debrief can say exactly why. The reasons, ratings and verdicts are data
// (a kind and its numbers); src/i18n/engine-text.ts words them in each language, and
// docs/scoring.md is the rubric in English words.

export type Rating = 'P' | 'S' | 'M' | 'U';
export const RATINGS: readonly Rating[] = ['P', 'S', 'M', 'U'];

/**
 * Why an item moved a score. Option and measure items carry the scenario's own words (a
 * translated scenario carries them in its language); the rules and outcomes carry their numbers,
 * and the names they mention as the scenario writes them.
 */
export type ScoreReason =
  | { kind: 'scenario'; text: string }
  | { kind: 'timeout'; beat: string; title: string }
  | { kind: 'regulator-on-time' | 'regulator-late' | 'regulator-missed'; regulator: string; name: string }
  | { kind: 'revenue-lost'; lost: number; atRisk: number; currency: string }
  | { kind: 'customers-affected'; affected: number; customers: number }
  | { kind: 'downtime'; minutes: number; tolerance: number }
  | { kind: 'compliance-exposure'; exposure: number }
  | { kind: 'stakeholder-confidence'; start: number; end: number };

export interface ScoreItem {
  points: number;
  why: ScoreReason;
  objective: string | null;
  source:
    | { kind: 'option'; beat: string; option: string; t: number }
    | { kind: 'measure'; measure: string }
    | { kind: 'rule'; rule: string; t: number | null }
    | { kind: 'outcome'; metric: string };
}

export interface DimensionScore {
  dimension: DimensionName;
  base: number;
  score: number;
  items: ScoreItem[];
}

export interface ObjectiveRating {
  id: string;
  text: string;
  dimension: DimensionName;
  rating: Rating;
  /** What the rating rests on: the points won and lost on decisions that tested it, or its dimension's score. */
  basis: { kind: 'evidence'; gained: number; lost: number } | { kind: 'score'; score: number };
  evidence: ScoreItem[];
}

export const VERDICT_IDS = ['strategic-partner', 'trusted-advisor', 'dependable-vendor', 'reactive-fixer', 'liability', 'biggest-regret'] as const;
export type VerdictId = (typeof VERDICT_IDS)[number];

/** Where the overall score places the partner; its words are in src/i18n/engine-text.ts (verdictText). */
export interface Verdict {
  id: VerdictId;
}

export interface ScoreReport {
  communication: DimensionScore;
  proactivity: DimensionScore;
  businessImpact: DimensionScore;
  overall: number;
  verdict: Verdict;
  objectives: ObjectiveRating[];
  /** True until the run reaches an ending: business impact then uses the metrics so far. */
  provisional: boolean;
}

/** The scores without their reasons: what a projector, a report header or a summary line shows. */
export interface ScoreSummary {
  communication: number;
  proactivity: number;
  businessImpact: number;
  overall: number;
  verdict: Verdict;
  provisional: boolean;
}

export function summarise(report: ScoreReport): ScoreSummary {
  return {
    communication: report.communication.score,
    proactivity: report.proactivity.score,
    businessImpact: report.businessImpact.score,
    overall: report.overall,
    verdict: report.verdict,
    provisional: report.provisional,
  };
}

export const BASE: Record<DimensionName, number> = { communication: 50, proactivity: 50, businessImpact: 100 };

/** How much of the business-impact score each outcome can take away at its worst. */
export const IMPACT_WEIGHTS = { revenue: 35, customers: 20, downtime: 15, compliance: 15, reputation: 15 } as const;

export const RULE_POINTS = {
  regulatorOnTime: 5,
  /** A late notice still limits the damage of the missed deadline (-15), so it must not score below silence. */
  regulatorLate: 5,
  regulatorMissed: -15,
  timeout: -4,
} as const;

/** Objective ratings: from the share of points won on decisions that tested it, or from its dimension's score. */
export const RATING_BY_EVIDENCE: readonly [Rating, number][] = [['P', 0.85], ['S', 0.6], ['M', 0.3], ['U', 0]];
export const RATING_BY_SCORE: readonly [Rating, number][] = [['P', 75], ['S', 55], ['M', 35], ['U', 0]];

const ratingFrom = (table: readonly [Rating, number][], value: number): Rating => table.find(([, min]) => value >= min)?.[0] ?? 'U';

/** The verdict scale, best first: the lowest overall score each verdict needs. */
export const VERDICTS: readonly { id: VerdictId; min: number }[] = [
  { min: 85, id: 'strategic-partner' },
  { min: 70, id: 'trusted-advisor' },
  { min: 55, id: 'dependable-vendor' },
  { min: 40, id: 'reactive-fixer' },
  { min: 25, id: 'liability' },
  { min: 0, id: 'biggest-regret' },
];

export function verdictFor(overall: number): Verdict {
  const found = VERDICTS.find((v) => overall >= v.min) ?? VERDICTS[VERDICTS.length - 1]!;
  return { id: found.id };
}

const clamp100 = (x: number): number => Math.max(0, Math.min(100, x));
const round1 = (x: number): number => Math.round(x * 10) / 10;

function fromEntries(entries: readonly ScoreEntry[] | undefined, source: ScoreItem['source']): Partial<Record<DimensionName, ScoreItem[]>> {
  const out: Partial<Record<DimensionName, ScoreItem[]>> = {};
  for (const e of entries ?? []) {
    (out[e.dimension] ??= []).push({ points: e.points, why: { kind: 'scenario', text: e.reason }, objective: e.objective ?? null, source });
  }
  return out;
}

/** Scores a run from its log. */
export function scoreRun(index: ScenarioIndex, log: readonly LogEntry[]): ScoreReport {
  const { scenario } = index;
  const items: Record<DimensionName, ScoreItem[]> = { communication: [], proactivity: [], businessImpact: [] };
  const add = (part: Partial<Record<DimensionName, ScoreItem[]>>): void => {
    for (const d of Object.keys(part) as DimensionName[]) items[d].push(...(part[d] ?? []));
  };

  let metrics: Metrics = emptyMetrics();
  const sentiment: Record<string, number> = Object.fromEntries(scenario.stakeholders.map((s) => [s.id, s.sentiment]));
  let ended = false;
  const regulatorName = (id: string): string => scenario.regulators?.find((r) => r.id === id)?.name ?? id;
  const regulatorObjective = (id: string): string | null => scenario.regulators?.find((r) => r.id === id)?.objective ?? null;

  for (const entry of log) {
    switch (entry.type) {
      case 'preparation.committed':
        for (const id of entry.measures) add(fromEntries(index.measures.get(id)?.score, { kind: 'measure', measure: id }));
        break;
      case 'decision.made': {
        const option = index.options.get(entry.beat)?.get(entry.option);
        add(fromEntries(option?.score, { kind: 'option', beat: entry.beat, option: entry.option, t: entry.t }));
        if (entry.by === 'timeout') {
          const title = index.beats.get(entry.beat)?.title ?? entry.beat;
          items.proactivity.push({
            points: RULE_POINTS.timeout,
            why: { kind: 'timeout', beat: entry.beat, title },
            objective: null,
            source: { kind: 'rule', rule: 'timeout', t: entry.t },
          });
        }
        break;
      }
      case 'regulator.notified':
        if (entry.when === 'early') break;
        items.communication.push({
          points: entry.when === 'on-time' ? RULE_POINTS.regulatorOnTime : RULE_POINTS.regulatorLate,
          why: { kind: entry.when === 'on-time' ? 'regulator-on-time' : 'regulator-late', regulator: entry.regulator, name: regulatorName(entry.regulator) },
          objective: regulatorObjective(entry.regulator),
          source: { kind: 'rule', rule: 'regulator-notified', t: entry.t },
        });
        break;
      case 'regulator.deadline-missed':
        items.communication.push({
          points: RULE_POINTS.regulatorMissed,
          why: { kind: 'regulator-missed', regulator: entry.regulator, name: regulatorName(entry.regulator) },
          objective: regulatorObjective(entry.regulator),
          source: { kind: 'rule', rule: 'regulator-missed', t: entry.t },
        });
        break;
      case 'clock.advanced':
        metrics = entry.metrics;
        break;
      case 'sentiment.changed':
        sentiment[entry.stakeholder] = entry.value;
        break;
      case 'ending.reached':
        metrics = entry.metrics;
        Object.assign(sentiment, entry.sentiment);
        ended = true;
        break;
      case 'run.started':
      case 'variable.drawn':
      case 'beat.entered':
      case 'inject.delivered':
      case 'service.changed':
      case 'regulator.clock-started':
      case 'timer.extended':
      case 'timer.held':
        break;
      default: {
        const unreachable: never = entry;
        throw new Error(`unknown log entry ${JSON.stringify(unreachable)}`);
      }
    }
  }

  items.businessImpact.unshift(...impactItems(index, metrics, sentiment));

  const dimension = (d: DimensionName): DimensionScore => ({
    dimension: d,
    base: BASE[d],
    score: Math.round(clamp100(BASE[d] + items[d].reduce((sum, i) => sum + i.points, 0))),
    items: items[d],
  });
  const communication = dimension('communication');
  const proactivity = dimension('proactivity');
  const businessImpact = dimension('businessImpact');
  const overall = Math.round((communication.score + proactivity.score + businessImpact.score) / 3);
  const byDimension = { communication, proactivity, businessImpact };

  return {
    communication,
    proactivity,
    businessImpact,
    overall,
    verdict: verdictFor(overall),
    objectives: scenario.objectives.map((o) => rateObjective(o, items[o.dimension], byDimension[o.dimension].score)),
    provisional: !ended,
  };
}

function impactItems(index: ScenarioIndex, m: Metrics, sentiment: Record<string, number>): ScoreItem[] {
  const { scenario } = index;
  const currency = scenario.company.currency ?? 'EUR';
  const share = (value: number, scale: number): number => (scale <= 0 ? (value > 0 ? 1 : 0) : Math.min(1, value / scale));
  const startMood = average(scenario.stakeholders.map((s) => s.sentiment));
  const endMood = average(scenario.stakeholders.map((s) => sentiment[s.id] ?? s.sentiment));
  const moodDrop = Math.max(0, startMood - endMood);
  const tolerance = scenario.stakes.downtimeToleranceMinutes;
  const outcome = (metric: string, points: number, why: ScoreReason): ScoreItem => ({
    points: -round1(points),
    why,
    objective: null,
    source: { kind: 'outcome', metric },
  });
  return [
    outcome('revenueLost', IMPACT_WEIGHTS.revenue * share(m.revenueLost, scenario.stakes.revenueAtRisk),
      { kind: 'revenue-lost', lost: m.revenueLost, atRisk: scenario.stakes.revenueAtRisk, currency }),
    outcome('customersAffected', IMPACT_WEIGHTS.customers * share(m.customersAffected, scenario.company.customers),
      { kind: 'customers-affected', affected: m.customersAffected, customers: scenario.company.customers }),
    outcome('downtimeMinutes', IMPACT_WEIGHTS.downtime * share(m.downtimeMinutes, 2 * tolerance),
      { kind: 'downtime', minutes: m.downtimeMinutes, tolerance }),
    outcome('complianceExposure', IMPACT_WEIGHTS.compliance * share(m.complianceExposure, 100),
      { kind: 'compliance-exposure', exposure: m.complianceExposure }),
    outcome('sentiment', IMPACT_WEIGHTS.reputation * share(moodDrop, 50),
      { kind: 'stakeholder-confidence', start: startMood, end: endMood }),
  ];
}

function average(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

function rateObjective(
  objective: { id: string; text: string; dimension: DimensionName },
  dimensionItems: ScoreItem[],
  dimensionScore: number,
): ObjectiveRating {
  const evidence = dimensionItems.filter((i) => i.objective === objective.id);
  const gained = evidence.filter((i) => i.points > 0).reduce((s, i) => s + i.points, 0);
  const lost = evidence.filter((i) => i.points < 0).reduce((s, i) => s - i.points, 0);
  if (gained + lost === 0) {
    return { ...objective, rating: ratingFrom(RATING_BY_SCORE, dimensionScore), basis: { kind: 'score', score: dimensionScore }, evidence };
  }
  const rating = ratingFrom(RATING_BY_EVIDENCE, gained / (gained + lost));
  return { ...objective, rating, basis: { kind: 'evidence', gained, lost }, evidence };
}
