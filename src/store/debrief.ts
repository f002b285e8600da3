import type { ChoiceSource } from '../engine/state.ts';
import type { CompiledScenario } from '../engine/compile.ts';
import type { ScoreItem, ScoreReport } from '../engine/scoring.ts';
import type { Metrics, RunState } from '../engine/state.ts';
import { runLessons, type RunLessons } from '../engine/run-lessons.ts';
import { localAt, nowAt, optionDuration } from '../engine/run-text.ts';
import { interpolate } from '../engine/text.ts';
import { capabilityName } from '../i18n/capabilities.ts';
import { lessonText, scoreReasonText } from '../i18n/engine-text.ts';
import { formats } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { debriefText } from './debrief-text.ts';
import type { DimensionName, OutcomeName, PartnerTierName } from '../scenarios/schema.ts';
import { reflectionQuestions, type ReflectionQuestion } from './reflection.ts';

// Everything the debrief screen and the exports show, derived once from the scenario, the final
// run state and its score report, in one language (the scenario's text comes in it already when
// the scenario was localized; the clock, {now}, {duration} and our own words follow `lang`).
// The screens only lay this out.

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
  /** The company's local day and time of the decision ("Sun 02:43"); null when the setting names none. */
  local: string | null;
  beatTitle: string;
  prompt: string;
  chosen: { id: string; label: string; outcome: string };
  by: ChoiceSource;
  waited: number;
  /** `closed`: the advice was out of reach with the run's partner. */
  advice: { id: string; label: string; why: string; followed: boolean; closed: boolean };
  /** Options that were open and not chosen: the player's own call. */
  notTaken: { id: string; label: string }[];
  /** Options closed by the preparation or the situation, not by the partner. */
  notOpen: { id: string; label: string; why: string | null }[];
  /** Options the partner's profile kept out of reach, with the capabilities they needed. */
  outOfReach: { id: string; label: string; needs: string[]; why: string | null }[];
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
  /** The partner comparison, the preparation's return, uptime and productivity. */
  lessons: RunLessons;
  judgement: Judgement;
  /** Per partner id: the decisions its replay answered differently, in words. */
  changes: Record<string, { n: number; beatTitle: string; played: string | null; applied: string }[]>;
}

/** The player's decisions and the partner's capability, judged and worded apart. */
export interface Judgement {
  decisions: { label: string; text: string; followed: number; open: number };
  partner: { label: string; text: string; closed: number; lesson: string | null };
}

export function buildDebrief(compiled: CompiledScenario, state: RunState, report: ScoreReport, lang: Lang = 'en'): DebriefData {
  const { index } = compiled;
  const { scenario } = index;
  const text = (s: string): string => interpolate(s, state);
  const optionText = (s: string, o: { minutes?: number }): string => interpolate(s, state, { duration: optionDuration(index, state.partnerId, o, lang) });
  const partner = index.partners.get(state.partnerId) ?? scenario.partners[0]!;
  const ending = state.ending ? index.beats.get(state.ending) : undefined;
  const endingEntry = state.log.find((e) => e.type === 'ending.reached');

  const lessons = runLessons(compiled, state);
  const currency = scenario.company.currency ?? 'EUR';
  const timeline: TimelineEntry[] = [];
  for (const entry of state.log) {
    if (entry.type !== 'decision.made') continue;
    const beat = index.beats.get(entry.beat);
    const decision = beat?.decision;
    const option = index.options.get(entry.beat)?.get(entry.option);
    if (!beat || !decision || !option) continue;
    const advised = decision.options.find((o) => o.id === decision.advice.option);
    const n = timeline.length + 1;
    const shut = lessons.comparison.outOfReach.filter((c) => c.n === n && c.beat === entry.beat);
    const closedHere = shut.filter((c) => c.needs.length > 0);
    const isClosed = (id: string): boolean => closedHere.some((c) => c.option === id);
    const isShut = (id: string): boolean => shut.some((c) => c.option === id);
    timeline.push({
      n: timeline.length + 1,
      t: entry.t,
      beatTitle: beat.title,
      local: localAt(index, entry.t, lang),
      prompt: interpolate(decision.prompt, state, { now: nowAt(index, entry.t - entry.waited, lang) }),
      chosen: { id: option.id, label: optionText(option.label, option), outcome: optionText(option.outcome, option) },
      by: entry.by,
      waited: entry.waited,
      advice: {
        id: decision.advice.option,
        label: advised ? optionText(advised.label, advised) : decision.advice.option,
        why: text(decision.advice.why),
        followed: decision.advice.option === option.id,
        closed: isClosed(decision.advice.option),
      },
      notTaken: decision.options.filter((o) => o.id !== option.id && !isShut(o.id)).map((o) => ({ id: o.id, label: optionText(o.label, o) })),
      notOpen: decision.options.filter((o) => isShut(o.id) && !isClosed(o.id)).map((o) => ({ id: o.id, label: optionText(o.label, o), why: o.unavailable ? text(o.unavailable) : null })),
      outOfReach: closedHere.flatMap((c) => {
        const o = index.options.get(entry.beat)?.get(c.option);
        return o ? [{ id: o.id, label: optionText(o.label, o), needs: c.needs, why: o.unavailable ? text(o.unavailable) : null }] : [];
      }),
      points: pointsFor(report, entry.beat, option.id, entry.t, entry.by === 'timeout', lang),
    });
  }

  const scales: Record<ChartMetric, number> = {
    revenueLost: scenario.stakes.revenueAtRisk,
    customersAffected: scenario.company.customers,
    downtimeMinutes: 2 * scenario.stakes.downtimeToleranceMinutes,
    complianceExposure: 100,
  };
  const divergence = timeline.find((d) => !d.advice.followed && !d.advice.closed);

  return {
    scenarioId: scenario.id,
    title: scenario.title,
    company: scenario.company.name,
    industry: scenario.industry,
    currency,
    seed: state.seed,
    partner: { id: partner.id, name: partner.name, tier: partner.tier },
    ending: ending && endingEntry?.type === 'ending.reached'
      ? { title: ending.title, narrative: interpolate(ending.narrative, state, { now: nowAt(index, endingEntry.t, lang) }), outcome: endingEntry.outcome }
      : null,
    clock: state.clock,
    measures: state.measures.map((id) => {
      const m = index.measures.get(id);
      return { id, name: m?.name ?? id, cost: m?.cost ?? 0 };
    }),
    budget: scenario.preparation.budget,
    metrics: state.metrics,
    report,
    series: metricSeries(state, scales, lang),
    markers: timeline.map((d) => ({ n: d.n, t: d.t, label: d.beatTitle })),
    timeline,
    questions: reflectionQuestions(
      { communication: report.communication.score, proactivity: report.proactivity.score, businessImpact: report.businessImpact.score },
      divergence ? { beatTitle: divergence.beatTitle, chosen: divergence.chosen.label } : null,
      lang,
    ),
    lessons,
    changes: Object.fromEntries(
      lessons.comparison.partners.map((p) => [
        p.partner.id,
        p.changed.map((c) => {
          const label = (id: string): string => text(index.options.get(c.beat)?.get(id)?.label ?? id);
          return { n: c.n, beatTitle: index.beats.get(c.beat)?.title ?? c.beat, played: c.played === null ? null : label(c.played), applied: label(c.applied) };
        }),
      ]),
    ),
    judgement: judge(timeline, lessons, partner.name, partner.tier, currency, lang),
  };
}

/**
 * Decisions are judged only where the player had a real choice (the advice was open to them);
 * the partner is judged by the better options it closed and by what the same decisions would
 * have cost with another partner.
 */
function judge(timeline: TimelineEntry[], lessons: RunLessons, partnerName: string, tier: PartnerTierName, currency: string, lang: Lang): Judgement {
  const t = debriefText(lang);
  const open = timeline.filter((e) => !e.advice.closed);
  const followed = open.filter((e) => e.advice.followed).length;
  const share = open.length === 0 ? 1 : followed / open.length;
  const decisions = {
    label: t(share >= 0.75 ? 'judgement.sound' : share >= 0.5 ? 'judgement.mixed' : 'judgement.revisit'),
    text: open.length === 0 ? t('judgement.neverOpen') : t('judgement.followed', { followed, open: open.length }),
    followed,
    open: open.length,
  };
  const { closed, lesson } = lessons.comparison;
  const sentence = lesson ? lessonText(lesson, lang, currency) : null;
  const needs = [...new Set(closed.flatMap((c) => c.needs.map((n) => capabilityName(n.capability, lang))))];
  const partner = {
    label: t(closed.length > 0 ? 'judgement.heldBack' : tier === 'strategic' ? 'judgement.hadWhatNeeded' : 'judgement.noneClosed'),
    text:
      closed.length > 0
        ? t('judgement.closed', { count: closed.length, partner: partnerName, needs: formats(lang).list(needs) })
        : t('judgement.closedNone', { partner: partnerName }),
    closed: closed.length,
    lesson: sentence,
  };
  return { decisions, partner };
}

/** A chart metric's name in `lang`: "Revenue lost" / "Umsatzverlust". */
export const metricLabel = (metric: ChartMetric, lang: Lang): string => debriefText(lang)(`metric.${metric}`);

/** Metric values over game time, from the clock's own log entries; one point per game minute logged. */
function metricSeries(state: RunState, scales: Record<ChartMetric, number>, lang: Lang): ChartSeries[] {
  const samples = new Map<number, Metrics>();
  samples.set(0, { downtimeMinutes: 0, revenueLost: 0, customersAffected: 0, complianceExposure: 0, fatigue: 0, spend: 0 });
  for (const entry of state.log) {
    if (entry.type === 'clock.advanced' || entry.type === 'ending.reached') samples.set(entry.t, entry.metrics);
  }
  if (!samples.has(state.clock)) samples.set(state.clock, state.metrics);
  const times = [...samples.keys()].sort((a, b) => a - b);
  return CHART_METRICS.map((metric) => ({
    metric,
    label: metricLabel(metric, lang),
    scale: scales[metric],
    points: times.map((t) => {
      const value = samples.get(t)![metric];
      const scale = scales[metric];
      return { t, value, share: scale > 0 ? value / scale : value > 0 ? 1 : 0 };
    }),
  }));
}

function pointsFor(report: ScoreReport, beat: string, option: string, t: number, timedOut: boolean, lang: Lang): TimelineEntry['points'] {
  const fromThis = (i: ScoreItem): boolean =>
    (i.source.kind === 'option' && i.source.beat === beat && i.source.option === option && i.source.t === t) ||
    (timedOut && i.source.kind === 'rule' && i.source.rule === 'timeout' && i.source.t === t);
  return [report.communication, report.proactivity, report.businessImpact].flatMap((d) =>
    d.items.filter(fromThis).map((i) => ({ dimension: d.dimension, points: i.points, reason: scoreReasonText(i, lang) })),
  );
}
