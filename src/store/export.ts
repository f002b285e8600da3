import type { SavedRun } from '../engine/runtime.ts';
import { scoreReportText } from '../i18n/engine-text.ts';
import type { DebriefData } from './debrief.ts';
import { DIMENSION_LABELS, count, duration, gameTime, money, signed, TIER_LABELS } from './format.ts';

// The debrief as files a player can keep or share: Markdown to read, JSON to replay and check.

/** Scenario text is data: keep Markdown from reading it as markup. */
export function mdText(s: string): string {
  return s.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');
}

export function debriefMarkdown(d: DebriefData): string {
  const r = scoreReportText(d.report, 'en');
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
  push('## Your decisions and your partner’s capability', '');
  push(`- Your decisions: **${mdText(d.judgement.decisions.label)}.** ${mdText(d.judgement.decisions.text)}`);
  push(`- Your partner’s capability: **${mdText(d.judgement.partner.label)}.** ${mdText(d.judgement.partner.text)}`, '');
  if (d.judgement.partner.lesson) push(`**${mdText(d.judgement.partner.lesson)}**`, '');
  push(...comparisonMarkdown(d));
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
    push(`### ${e.n}. ${e.local ? `${e.local} (${gameTime(e.t)})` : gameTime(e.t)}: ${mdText(e.beatTitle)}`, '');
    push(`${mdText(e.prompt)}`, '');
    push(`- You chose: ${mdText(e.chosen.label)}${e.by === 'timeout' ? ' (the clock ran out and this was applied)' : ''}, after ${duration(e.waited)}`);
    push(`- What happened: ${mdText(e.chosen.outcome)}`);
    push(
      e.advice.followed
        ? `- A strategic partner would have done the same: ${mdText(e.advice.why)}`
        : `- A strategic partner would have chosen: ${mdText(e.advice.label)}. ${mdText(e.advice.why)}`,
    );
    if (e.notTaken.length > 0) push(`- Open to you, not taken: ${e.notTaken.map((o) => mdText(o.label)).join('; ')}`);
    if (e.notOpen.length > 0) push(`- Not open to you: ${e.notOpen.map((o) => `${mdText(o.label)}${o.why ? ` (${mdText(o.why)})` : ''}`).join('; ')}`);
    if (e.outOfReach.length > 0) {
      push(`- Out of reach with your partner: ${e.outOfReach.map((o) => `${mdText(o.label)} (needs ${o.needs.map(mdText).join(', ')})`).join('; ')}`);
    }
    for (const p of e.points) push(`- Score: ${signed(p.points)} ${DIMENSION_LABELS[p.dimension].toLowerCase()}, ${mdText(p.reason)}`);
    push('');
  }

  push('## What it cost', '');
  push(`- Revenue lost: ${money(d.metrics.revenueLost, d.currency)}`);
  push(`- Customers affected: ${count(d.metrics.customersAffected)}`);
  push(`- Downtime: ${duration(d.metrics.downtimeMinutes)}`);
  push(`- Compliance exposure: ${Math.round(d.metrics.complianceExposure)} of 100`);
  push(`- Response spend: ${money(d.metrics.spend, d.currency)}`);
  const { uptime, roi } = d.lessons;
  push(`- Productivity lost: ${count(uptime.staffHoursLost)} staff-hours (${count(uptime.employees)} employees)`);
  push(`- Preparation return: ${money(roi.lossAvoided, d.currency)} of loss avoided for ${money(roi.spent, d.currency)} spent (budget ${money(roi.budget, d.currency)}), ${signed(roi.overallGain)} overall`, '');
  push(`### Uptime per service over ${duration(uptime.minutes)}`, '', '| Service | Up | Down | Degraded |', '| --- | ---: | ---: | ---: |');
  for (const sv of uptime.services) push(`| ${mdText(sv.name)} | ${Math.round(sv.uptime * 100)}% | ${duration(sv.downMinutes)} | ${duration(sv.degradedMinutes)} |`);
  push('');

  push('## Questions for your own organisation', '');
  d.questions.forEach((q, i) => push(`${i + 1}. ${mdText(q.text)}`));
  push('');
  return lines.join('\n');
}

/** The same decisions with every partner, and the better options the run's partner closed. */
function comparisonMarkdown(d: DebriefData): string[] {
  const out = ['## The same decisions with each IT partner', '', '| Partner | Overall | Revenue lost | Downtime | Customers affected | Ended at | Ending | Decisions that changed |', '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |'];
  for (const p of d.lessons.comparison.partners) {
    const changed = (d.changes[p.partner.id] ?? []).map((c) => `${c.n}. ${c.played === null ? 'not reached' : `${c.played} out of reach`}: ${c.applied}`);
    out.push(
      `| ${mdText(p.partner.name)}${p.own ? ' (yours)' : ''} | ${p.scores.overall} | ${money(p.revenueLost, d.currency)} | ${duration(p.downtimeMinutes)} | ${count(p.customersAffected)} | ${gameTime(p.endedAt)} | ` +
        `${p.ending ? `${mdText(p.ending.title)} (${p.ending.outcome})` : 'no ending'} | ${p.own ? 'as played' : changed.length ? changed.map(mdText).join('; ') : 'none'} |`,
    );
  }
  out.push('', '## Better options your partner kept out of reach', '');
  if (d.lessons.comparison.closed.length === 0) out.push(`- ${mdText(d.partner.name)} did not keep a better option out of your reach.`);
  for (const c of d.lessons.comparison.closed) {
    const worth = c.worth ? ` With a partner that has it: revenue lost ${signed(-Math.round(c.worth.revenueLess))}, overall ${signed(c.worth.overallGain)}.` : '';
    out.push(`- Decision ${c.n} (${gameTime(c.t)}, ${mdText(c.beatTitle)}): ${mdText(c.option.label)}${c.advised ? ' (advised)' : ''}; needs ${c.needs.map((n) => mdText(n.capability)).join(', ')}.${worth}`);
  }
  out.push('');
  return out;
}

export const DEBRIEF_JSON_FORMAT = 'war-room.debrief';

/** The run's save (which replays it exactly) next to the scores it earned. */
export function debriefJson(d: DebriefData, save: SavedRun): string {
  const report = scoreReportText(d.report, 'en');
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
        verdict: report.verdict,
      },
      report,
      timeline: d.timeline,
      judgement: d.judgement,
      comparison: d.lessons.comparison,
      roi: d.lessons.roi,
      uptime: d.lessons.uptime,
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
