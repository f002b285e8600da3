import type { SavedRun } from '../engine/runtime.ts';
import type { DebriefData } from './debrief.ts';
import { DIMENSION_LABELS, count, duration, gameTime, money, signed, TIER_LABELS } from './format.ts';

// The debrief as files a player can keep or share: Markdown to read, JSON to replay and check.

/** Scenario text is data: keep Markdown from reading it as markup. */
export function mdText(s: string): string {
  return s.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');
}

export function debriefMarkdown(d: DebriefData): string {
  const r = d.report;
  const lines: string[] = [];
  const push = (...xs: string[]): void => void lines.push(...xs);

  push(`# War Room debrief: ${mdText(d.title)}`, '');
  push(`- Company: ${mdText(d.company)} (${mdText(d.industry)})`);
  push(`- IT partner: ${mdText(d.partner.name)} (${TIER_LABELS[d.partner.tier]})`);
  push(`- Seed: ${d.seed}`);
  push(`- Game time: ${gameTime(d.clock)}`);
  if (d.ending) push(`- Ending: ${mdText(d.ending.title)} (${d.ending.outcome})`);
  push('');

  push('## Scores', '', '| Score | Points |', '| --- | ---: |');
  for (const dim of [r.communication, r.proactivity, r.businessImpact]) push(`| ${DIMENSION_LABELS[dim.dimension]} | ${dim.score} |`);
  push(`| **Overall** | **${r.overall}** |`, '');
  push(`**Verdict: ${mdText(r.verdict.label)}.** ${mdText(r.verdict.text)}`, '');
  if (r.provisional) push('_The run did not reach an ending: business impact uses the figures so far._', '');

  for (const dim of [r.communication, r.proactivity, r.businessImpact]) {
    push(`### ${DIMENSION_LABELS[dim.dimension]}: ${dim.score} (from a base of ${dim.base})`, '');
    if (dim.items.length === 0) push('- Nothing moved this score.');
    for (const item of dim.items) push(`- ${signed(item.points)}: ${mdText(item.reason)}`);
    push('');
  }

  push('## Learning objectives', '', '| Objective | Rating | Why |', '| --- | --- | --- |');
  for (const o of r.objectives) push(`| ${mdText(o.text)} | ${o.rating}: ${o.label} | ${mdText(o.reason)} |`);
  push('');

  push('## Preparation', '');
  if (d.measures.length === 0) push('- No preventive measures were bought.');
  for (const m of d.measures) push(`- ${mdText(m.name)} (${money(m.cost, d.currency)})`);
  push('');

  push('## Decisions', '');
  if (d.timeline.length === 0) push('No decisions were made.', '');
  for (const e of d.timeline) {
    push(`### ${e.n}. ${gameTime(e.t)}: ${mdText(e.beatTitle)}`, '');
    push(`${mdText(e.prompt)}`, '');
    push(`- You chose: ${mdText(e.chosen.label)}${e.by === 'timeout' ? ' (the clock ran out and this was applied)' : ''}, after ${duration(e.waited)}`);
    push(`- What happened: ${mdText(e.chosen.outcome)}`);
    push(
      e.advice.followed
        ? `- A strategic partner would have done the same: ${mdText(e.advice.why)}`
        : `- A strategic partner would have chosen: ${mdText(e.advice.label)}. ${mdText(e.advice.why)}`,
    );
    if (e.notTaken.length > 0) push(`- Not taken: ${e.notTaken.map((o) => mdText(o.label)).join('; ')}`);
    for (const p of e.points) push(`- Score: ${signed(p.points)} ${DIMENSION_LABELS[p.dimension].toLowerCase()}, ${mdText(p.reason)}`);
    push('');
  }

  push('## What it cost', '');
  push(`- Revenue lost: ${money(d.metrics.revenueLost, d.currency)}`);
  push(`- Customers affected: ${count(d.metrics.customersAffected)}`);
  push(`- Downtime: ${duration(d.metrics.downtimeMinutes)}`);
  push(`- Compliance exposure: ${Math.round(d.metrics.complianceExposure)} of 100`);
  push(`- Response spend: ${money(d.metrics.spend, d.currency)}`, '');

  push('## Questions for your own organisation', '');
  d.questions.forEach((q, i) => push(`${i + 1}. ${mdText(q.text)}`));
  push('');
  return lines.join('\n');
}

export const DEBRIEF_JSON_FORMAT = 'war-room.debrief';

/** The run's save (which replays it exactly) next to the scores it earned. */
export function debriefJson(d: DebriefData, save: SavedRun): string {
  return JSON.stringify(
    {
      format: DEBRIEF_JSON_FORMAT,
      version: 1,
      scenario: { id: d.scenarioId, title: d.title },
      seed: d.seed,
      partner: d.partner,
      ending: d.ending,
      scores: {
        communication: d.report.communication.score,
        proactivity: d.report.proactivity.score,
        businessImpact: d.report.businessImpact.score,
        overall: d.report.overall,
        verdict: d.report.verdict,
      },
      report: d.report,
      timeline: d.timeline,
      save,
    },
    null,
    2,
  );
}

/** "war-room-ransomware-manufacturer-seed-42.md" */
export function exportFileName(d: DebriefData, ext: 'md' | 'json'): string {
  return `war-room-${d.scenarioId}-seed-${d.seed}.${ext}`;
}
