import { mdText } from '../store/export.ts';
import { duration, gameTime, TIER_LABELS } from '../store/format.ts';
import type { AfterActionReport, Finding } from './report.ts';
import type { Session } from './session.ts';

// The after-action report as Markdown, and the shared wording of dates and times.

export interface TimeOptions {
  /** IANA zone for real times; the browser's own when omitted. */
  timeZone?: string;
}

export function clockTime(iso: string, opts: TimeOptions = {}): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: opts.timeZone }).format(d);
}

export function calendarDate(iso: string, opts: TimeOptions = {}): string {
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: iso.length === 10 ? 'UTC' : opts.timeZone }).format(d);
}

const cell = (s: string): string => mdText(s) || ' ';

export function reportMarkdown(r: AfterActionReport, opts: TimeOptions = {}): string {
  const o = r.overview;
  const lines: string[] = [];
  const push = (...xs: string[]): void => void lines.push(...xs);
  const when = (t: number, at: string | null): string => (at ? `${gameTime(t)} (${clockTime(at, opts)})` : gameTime(t));
  const findings = (list: Finding[], empty: string): void => {
    if (list.length === 0) push(`- ${empty}`);
    for (const f of list) push(`- ${f.t !== null ? `${gameTime(f.t)}: ` : ''}${mdText(f.text)}${f.source === 'note' ? ' _(evaluator note)_' : ''}`);
    push('');
  };

  push(`# After-action report: ${mdText(o.exercise)}`, '');
  push(`_Team ${mdText(o.team)}${o.startedAt ? `, ${calendarDate(o.startedAt, opts)}` : ''}. Improvement plan included._`, '');

  push('## Exercise overview', '');
  push(`- Scenario: ${mdText(o.exercise)} (${mdText(o.industry)}, ${mdText(o.company)})`);
  if (o.setting) push(`- Setting: ${mdText(o.setting)}`);
  push(`- Team: ${mdText(o.team)}`);
  if (o.facilitator) push(`- Facilitator: ${mdText(o.facilitator)}`);
  push(`- IT partner played: ${mdText(o.partner.name)} (${TIER_LABELS[o.partner.tier]})`);
  if (o.startedAt) push(`- Started: ${calendarDate(o.startedAt, opts)} at ${clockTime(o.startedAt, opts)}`);
  if (o.endedAt) push(`- Ended: ${clockTime(o.endedAt, opts)}${o.realMinutes !== null ? ` (${duration(o.realMinutes)} in the room)` : ''}`);
  push(`- Game time covered: ${gameTime(o.gameMinutes)}`);
  push(`- Seed: ${o.seed}`);
  push(o.ending ? `- Ending reached: ${mdText(o.ending.title)} (${o.ending.outcome})` : '- Ending: not reached; the exercise was ended early');
  push('', mdText(o.summary), '');
  if (o.participants.length > 0) {
    push('### Participants', '', '| Name | Role |', '| --- | --- |');
    for (const p of o.participants) push(`| ${cell(p.name)} | ${cell(p.roleLabel)} |`);
    push('');
  }

  push('## Objectives and ratings', '');
  push('Ratings: P performed without challenges, S with some challenges, M with major challenges, U unable to be performed.', '');
  push('| Objective | Rating | Game suggestion |', '| --- | --- | --- |');
  for (const ob of r.objectives) {
    push(`| ${cell(ob.text)} | ${ob.rating}: ${ob.label}${ob.overridden ? ' (evaluator)' : ''} | ${ob.suggested}: ${cell(ob.suggestedReason)} |`);
  }
  push('');
  for (const ob of r.objectives) {
    if (ob.notes.length === 0) continue;
    push(`### ${mdText(ob.text)}`, '');
    for (const n of ob.notes) push(`- ${when(n.t, n.at)}, ${n.kindLabel.toLowerCase()}: ${mdText(n.text)}`);
    push('');
  }

  push('## Scores and verdict', '', '| Score | Points |', '| --- | ---: |');
  push(`| Communication | ${r.scores.communication} |`, `| Proactivity | ${r.scores.proactivity} |`, `| Business impact | ${r.scores.businessImpact} |`);
  push(`| **Overall** | **${r.scores.overall}** |`, '');
  push(`**Verdict on the IT partner: ${mdText(r.scores.verdict.label)}.** ${mdText(r.scores.verdict.text)}`, '');
  if (r.scores.provisional) push('_The run did not reach an ending: business impact uses the figures when the exercise stopped._', '');

  push('## Strengths', '');
  findings(r.strengths, 'None recorded.');
  push('## Areas for improvement', '');
  findings(r.improvements, 'None recorded.');

  push('## Improvement plan', '');
  if (r.actions.length === 0) push('No corrective actions were agreed.', '');
  else {
    push('| Area for improvement | Corrective action | Objective | Owner | Due |', '| --- | --- | --- | --- | --- |');
    for (const a of r.actions) {
      push(`| ${cell(a.issue)} | ${cell(a.action)} | ${cell(a.objectiveText ?? '')} | ${cell(a.owner)} | ${a.due ? calendarDate(a.due) : ' '} |`);
    }
    push('');
  }

  push('## Timeline', '');
  for (const item of r.timeline) {
    push(`- ${when(item.t, item.at)}: ${mdText(item.text)}${item.detail ? `. ${mdText(item.detail)}` : ''}`);
  }
  push('');

  push('## Evaluator notes', '');
  if (r.notes.length === 0) push('No notes were taken.');
  for (const n of r.notes) {
    push(`- ${when(n.t, n.at)}, ${n.kindLabel.toLowerCase()}${n.objectiveText ? ` on “${mdText(n.objectiveText)}”` : ''}: ${mdText(n.text)}`);
  }
  push('', `_Generated by War Room on ${calendarDate(r.generatedAt, opts)} at ${clockTime(r.generatedAt, opts)}._`, '');
  return lines.join('\n');
}

export const REPORT_JSON_FORMAT = 'war-room.after-action-report';

/** The report with the session it came from, whose run inputs replay the exercise exactly. */
export function reportJson(r: AfterActionReport, session: Session): string {
  return JSON.stringify({ format: REPORT_JSON_FORMAT, version: 1, report: r, session }, null, 2);
}

/** "aar-blue-team-2025-03-14.md" */
export function reportFileName(r: AfterActionReport, ext: string, suffix = ''): string {
  const team = r.overview.team.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'team';
  const day = (r.overview.startedAt ?? r.generatedAt).slice(0, 10);
  return `aar-${team}-${day}${suffix}.${ext}`;
}
