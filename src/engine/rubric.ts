import { BASE, IMPACT_WEIGHTS, RATING_BY_EVIDENCE, RATING_BY_SCORE, RATING_LABELS, RULE_POINTS, VERDICTS } from './scoring.ts';

// The scoring rubric in words a player understands, built from the same constants the scoring
// uses. The game shows it and docs/scoring.md is generated from it, so they cannot drift apart.

export interface RubricSection {
  title: string;
  paragraphs: string[];
  points?: string[];
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const signed = (x: number): string => (x > 0 ? `+${x}` : `−${Math.abs(x)}`);

export function rubric(): RubricSection[] {
  return [
    {
      title: 'Three scores, each out of 100',
      paragraphs: [
        'Every run is scored on how the IT partner communicated, how far ahead it looked, and what the incident cost the business. The overall score is the average of the three.',
        'Every point comes from something that happened in your run: a decision, a preparation measure, a deadline, or the final state of the business. The debrief lists each one with its reason.',
      ],
    },
    {
      title: 'Communication',
      paragraphs: [
        `Starts at ${BASE.communication}. Decisions that give people clear, honest and timely updates about the problem, the options, the costs and the timeline add points; silence, spin and late news take them away.`,
      ],
      points: [
        `Telling a regulator within its deadline: ${signed(RULE_POINTS.regulatorOnTime)}`,
        `Letting a regulator's deadline pass: ${signed(RULE_POINTS.regulatorMissed)}; telling them late still earns ${signed(RULE_POINTS.regulatorLate)}, because late beats silence`,
        'Telling a regulator before anything notifiable has happened earns nothing: the clock had not started',
      ],
    },
    {
      title: 'Proactivity',
      paragraphs: [
        `Starts at ${BASE.proactivity}. Preparation bought before the incident, early detection, rehearsed responses and looking ahead to the next problem add points; waiting for things to get worse takes them away.`,
      ],
      points: [`Letting a timed decision run out so the default happens: ${signed(RULE_POINTS.timeout)} each time`],
    },
    {
      title: 'Business impact',
      paragraphs: [
        `Starts at ${BASE.businessImpact} and loses points for what the incident cost by the end, each up to a limit. Revenue and downtime keep growing while services are down, so slow responses cost more.`,
        "Downtime follows the business: a minute counts by the larger of the shares of revenue and of customers out at that moment (each service's revenue and customer share; a degraded service counts by its own degraded share, half unless the scenario says otherwise). A minute with everything out counts whole; a service that carries neither, such as a database or a network, counts only through the services that depend on it.",
      ],
      points: [
        `Revenue lost, against the revenue at risk in the scenario: up to −${IMPACT_WEIGHTS.revenue}`,
        `Customers affected at the worst moment, against all customers: up to −${IMPACT_WEIGHTS.customers}`,
        `Downtime, against twice what the business can tolerate: up to −${IMPACT_WEIGHTS.downtime}`,
        `Compliance exposure (missed deadlines, unreported breaches): up to −${IMPACT_WEIGHTS.compliance}`,
        `Stakeholder confidence lost (average mood drop, 50 points = the full penalty): up to −${IMPACT_WEIGHTS.reputation}`,
      ],
    },
    {
      title: 'The verdict on your partner',
      paragraphs: ['The overall score places the partner you played on a scale from strategic partner to biggest regret.'],
      points: VERDICTS.map((v) => `${v.min}+: ${v.label}. ${v.text}`),
    },
    {
      title: 'Learning objectives',
      paragraphs: [
        'Each scenario names what it wants you to practise, and each objective belongs to one of the three scores. Decisions that test an objective count as evidence for it.',
        `An objective is rated on the share of evidence points you earned rather than lost: ${RATING_BY_EVIDENCE.map(([r, min]) => `${r} from ${pct(min)}`).join(', ')}. With no evidence in your run, it is rated from its score: ${RATING_BY_SCORE.map(([r, min]) => `${r} from ${min}`).join(', ')}.`,
      ],
      points: (['P', 'S', 'M', 'U'] as const).map((r) => `${r}: ${RATING_LABELS[r]}`),
    },
  ];
}

export function rubricMarkdown(): string {
  const lines = [
    '# How War Room scores a run',
    '',
    '<!-- Generated from src/engine/rubric.ts; tests/engine/rubric.test.ts fails when this file is stale. -->',
    '',
  ];
  for (const section of rubric()) {
    lines.push(`## ${section.title}`, '');
    for (const p of section.paragraphs) lines.push(p, '');
    if (section.points) lines.push(...section.points.map((p) => `- ${p}`), '');
  }
  return lines.join('\n');
}
