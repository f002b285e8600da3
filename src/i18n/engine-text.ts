import { duration } from '../engine/local-time.ts';
import type { PartnerLesson } from '../engine/partner-comparison.ts';
import type { RegulatorEvent } from '../engine/playthrough.ts';
import { rubric } from '../engine/rubric.ts';
import type { DimensionScore, ObjectiveRating, Rating, ScoreItem, ScoreReason, ScoreReport, Verdict, VerdictId } from '../engine/scoring.ts';
import { engineWords as t } from './engine-words.ts';
import { formats } from './format.ts';
import type { Lang } from './lang.ts';
import { dimensionLabel } from './vocabulary.ts';

// The edge where the engine's data becomes words: score reasons, objective ratings, verdicts, the
// partner lesson, regulator events, the "not possible" of a shut option, and the scoring rubric,
// in each language. The engine returns kinds and numbers (src/engine/scoring.ts, rubric.ts,
// partner-comparison.ts, playthrough.ts); every surface words them here, so they read alike.
// Refusals (the run's, the seed check's, the tailoring's) are worded in refusal-text.ts.

/**
 * A count as the language writes it. English keeps the engine's historical wording (toLocaleString
 * 'en-GB'), so the CLI's golden output and existing reports read exactly as before.
 */
const num = (x: number, lang: Lang): string => (lang === 'en' ? x.toLocaleString('en-GB') : formats(lang).number(x));

/** Money in score reasons: "60,000 EUR" in English (as it always read), "60.000 €" in German. */
const reasonMoney = (x: number, currency: string, lang: Lang): string =>
  lang === 'en' ? `${Math.round(x).toLocaleString('en-GB')} ${currency}` : formats(lang).money(x, currency);

/** "+5", "−15" (a real minus sign), as the rubric and the debrief show points. */
const signed = (x: number): string => (x > 0 ? `+${x}` : `−${Math.abs(x)}`);

/** Why a score item moved its score, in `lang`. Option and measure items are the scenario's own words. */
export function reasonText(why: ScoreReason, lang: Lang): string {
  switch (why.kind) {
    case 'scenario':
      return why.text;
    case 'timeout':
      return t(lang, 'reason.timeout', { title: why.title });
    case 'regulator-on-time':
      return t(lang, 'reason.regulatorOnTime', { name: why.name });
    case 'regulator-late':
      return t(lang, 'reason.regulatorLate', { name: why.name });
    case 'regulator-missed':
      return t(lang, 'reason.regulatorMissed', { name: why.name });
    case 'revenue-lost':
      return t(lang, 'reason.revenueLost', { lost: reasonMoney(why.lost, why.currency, lang), atRisk: reasonMoney(why.atRisk, why.currency, lang) });
    case 'customers-affected':
      return t(lang, 'reason.customersAffected', { affected: num(why.affected, lang), customers: num(why.customers, lang) });
    case 'downtime':
      return t(lang, 'reason.downtime', { minutes: String(Math.round(why.minutes)), tolerance: String(why.tolerance) });
    case 'compliance-exposure':
      return t(lang, 'reason.complianceExposure', { exposure: String(Math.round(why.exposure)) });
    case 'stakeholder-confidence':
      return t(lang, 'reason.stakeholderConfidence', { start: String(Math.round(why.start)), end: String(Math.round(why.end)) });
    default: {
      const unreachable: never = why;
      return String(unreachable);
    }
  }
}

/** A score item's reason in `lang`. */
export const scoreReasonText = (item: Pick<ScoreItem, 'why'>, lang: Lang): string => reasonText(item.why, lang);

/** "Performed with some challenges" / "Mit einigen Schwierigkeiten erfüllt". */
export const ratingLabel = (rating: Rating, lang: Lang): string => t(lang, `rating.${rating}`);

/** Why an objective got its rating: the evidence points, or the dimension's score when nothing tested it. */
export function objectiveReasonText(objective: Pick<ObjectiveRating, 'basis' | 'dimension'>, lang: Lang): string {
  const { basis } = objective;
  if (basis.kind === 'evidence') return t(lang, 'objective.fromEvidence', { gained: String(basis.gained), lost: String(basis.lost) });
  const dimension = lang === 'en' ? dimensionLabel(objective.dimension, lang).toLowerCase() : dimensionLabel(objective.dimension, lang);
  return t(lang, 'objective.fromScore', { dimension, score: String(basis.score) });
}

/** The verdict's name and its one-line meaning, e.g. "Strategic partner" / "In the war room with you: …". */
export function verdictText(verdict: Verdict | VerdictId, lang: Lang): { label: string; text: string } {
  const id = typeof verdict === 'string' ? verdict : verdict.id;
  return { label: t(lang, `verdict.${id}.label`), text: t(lang, `verdict.${id}.text`) };
}

export const verdictLabel = (verdict: Verdict | VerdictId, lang: Lang): string => verdictText(verdict, lang).label;

/** Why a shut option cannot be chosen: the scenario's own reason, else "not possible with what you have in place". */
export const unavailableText = (option: { unavailable: string | null | undefined }, lang: Lang): string =>
  option.unavailable ?? t(lang, 'option.unavailable');

/** A regulator event on a run's timeline: "notification due by T+90 min", "on time", "notification deadline missed". */
export function regulatorEventText(event: RegulatorEvent, lang: Lang): string {
  switch (event.kind) {
    case 'clock-started':
      return t(lang, 'regulator.clockStarted', { deadline: String(event.deadline) });
    case 'notified':
      return t(lang, event.when === 'on-time' ? 'regulator.notifiedOnTime' : event.when === 'late' ? 'regulator.notifiedLate' : 'regulator.notifiedEarly');
    case 'missed':
      return t(lang, 'regulator.missed');
    default: {
      const unreachable: never = event;
      return String(unreachable);
    }
  }
}

/** How a surface writes the lesson's amounts and spans, when not as the language's defaults. */
export interface LessonUnits {
  money?: (amount: number) => string;
  span?: (minutes: number) => string;
}

/**
 * The partner lesson in one sentence: "With Meridian the same decisions would have ended 2 h
 * sooner, idled 120 fewer staff-hours and cost €80,000 less in lost revenue." Money in the
 * scenario's currency and spans as the language writes them, unless the surface brings its own.
 */
export function lessonText(lesson: PartnerLesson, lang: Lang, currency: string, units: LessonUnits = {}): string {
  const money = units.money ?? ((x: number) => formats(lang).money(x, currency));
  const span = units.span ?? ((m: number) => duration(m, lang));
  const time =
    lesson.minutesSooner > 0
      ? t(lang, 'lesson.sooner', { span: span(lesson.minutesSooner) })
      : lesson.minutesSooner < 0
        ? t(lang, 'lesson.later', { span: span(-lesson.minutesSooner) })
        : t(lang, 'lesson.sameTime');
  const cost =
    lesson.revenueLess > 0
      ? t(lang, 'lesson.costLess', { money: money(lesson.revenueLess) })
      : lesson.revenueLess < 0
        ? t(lang, 'lesson.costMore', { money: money(-lesson.revenueLess) })
        : t(lang, 'lesson.costSame');
  const hours = num(Math.abs(lesson.staffHoursLess), lang);
  const staff = lesson.staffHoursLess > 0 ? t(lang, 'lesson.staffFewer', { hours }) : lesson.staffHoursLess < 0 ? t(lang, 'lesson.staffMore', { hours }) : '';
  return t(lang, 'lesson.sentence', { partner: lesson.partner.name, time, staff, cost });
}

/** A score item with its reason in words, as exports and the CLI's JSON carry it. */
export interface ScoreItemText extends ScoreItem {
  reason: string;
}

/** A score report with every reason, rating and verdict in words: the shape reports and JSON exports carry. */
export interface ScoreReportText {
  communication: DimensionScoreText;
  proactivity: DimensionScoreText;
  businessImpact: DimensionScoreText;
  overall: number;
  verdict: { id: VerdictId; label: string; text: string };
  objectives: (ObjectiveRating & { label: string; reason: string; evidence: ScoreItemText[] })[];
  provisional: boolean;
}
export type DimensionScoreText = Omit<DimensionScore, 'items'> & { items: ScoreItemText[] };

export function scoreReportText(report: ScoreReport, lang: Lang): ScoreReportText {
  const item = (i: ScoreItem): ScoreItemText => ({ ...i, reason: scoreReasonText(i, lang) });
  const dim = (d: DimensionScore): DimensionScoreText => ({ ...d, items: d.items.map(item) });
  return {
    communication: dim(report.communication),
    proactivity: dim(report.proactivity),
    businessImpact: dim(report.businessImpact),
    overall: report.overall,
    verdict: { id: report.verdict.id, ...verdictText(report.verdict, lang) },
    objectives: report.objectives.map((o) => ({ ...o, label: ratingLabel(o.rating, lang), reason: objectiveReasonText(o, lang), evidence: o.evidence.map(item) })),
    provisional: report.provisional,
  };
}

/** A part of the rubric: a heading, its paragraphs and its list. */
export interface RubricSection {
  title: string;
  paragraphs: string[];
  points?: string[];
}

/** The scoring rubric in words a player understands, from the numbers the scoring uses. */
export function rubricText(lang: Lang): RubricSection[] {
  const r = rubric();
  const f = formats(lang);
  const from = (rating: Rating, min: string): string => t(lang, 'rubric.objectives.from', { rating, min });
  return [
    { title: t(lang, 'rubric.scores.title'), paragraphs: [t(lang, 'rubric.scores.what'), t(lang, 'rubric.scores.why')] },
    {
      title: dimensionLabel('communication', lang),
      paragraphs: [t(lang, 'rubric.communication.start', { base: String(r.base.communication) })],
      points: [
        t(lang, 'rubric.communication.onTime', { points: signed(r.rulePoints.regulatorOnTime) }),
        t(lang, 'rubric.communication.missed', { missed: signed(r.rulePoints.regulatorMissed), late: signed(r.rulePoints.regulatorLate) }),
        t(lang, 'rubric.communication.early'),
      ],
    },
    {
      title: dimensionLabel('proactivity', lang),
      paragraphs: [t(lang, 'rubric.proactivity.start', { base: String(r.base.proactivity) })],
      points: [t(lang, 'rubric.proactivity.timeout', { points: signed(r.rulePoints.timeout) })],
    },
    {
      title: dimensionLabel('businessImpact', lang),
      paragraphs: [t(lang, 'rubric.impact.start', { base: String(r.base.businessImpact) }), t(lang, 'rubric.impact.downtime')],
      points: [
        t(lang, 'rubric.impact.revenue', { points: signed(-r.impactWeights.revenue) }),
        t(lang, 'rubric.impact.customers', { points: signed(-r.impactWeights.customers) }),
        t(lang, 'rubric.impact.downtimeLimit', { points: signed(-r.impactWeights.downtime) }),
        t(lang, 'rubric.impact.compliance', { points: signed(-r.impactWeights.compliance) }),
        t(lang, 'rubric.impact.reputation', { points: signed(-r.impactWeights.reputation) }),
      ],
    },
    {
      title: t(lang, 'rubric.verdict.title'),
      paragraphs: [t(lang, 'rubric.verdict.scale')],
      points: r.verdicts.map((v) => t(lang, 'rubric.verdict.step', { min: String(v.min), ...verdictText(v.id, lang) })),
    },
    {
      title: t(lang, 'rubric.objectives.title'),
      paragraphs: [
        t(lang, 'rubric.objectives.what'),
        t(lang, 'rubric.objectives.how', {
          byEvidence: r.ratingByEvidence.map(([rating, min]) => from(rating, f.percent(min))).join(', '),
          byScore: r.ratingByScore.map(([rating, min]) => from(rating, String(min))).join(', '),
        }),
      ],
      points: r.ratings.map((rating) => t(lang, 'rubric.objectives.rating', { rating, label: ratingLabel(rating, lang) })),
    },
  ];
}

/** The rubric as a Markdown page; docs/scoring.md is the English one (`war-room docs`). */
export function rubricMarkdown(lang: Lang = 'en'): string {
  const lines = [
    `# ${t(lang, 'rubric.heading')}`,
    '',
    '<!-- Generated from src/engine/rubric.ts (the numbers) and src/i18n/engine-text-en.ts (the words); tests/engine/rubric.test.ts fails when this file is stale. -->',
    '',
  ];
  for (const section of rubricText(lang)) {
    lines.push(`## ${section.title}`, '');
    for (const p of section.paragraphs) lines.push(p, '');
    if (section.points) lines.push(...section.points.map((p) => `- ${p}`), '');
  }
  return lines.join('\n');
}
