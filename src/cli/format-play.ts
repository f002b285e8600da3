import type { CompiledScenario } from '../engine/compile.ts';
import { localAt } from '../engine/run-text.ts';
import type { PlayResult, TimelineEntry } from '../engine/playthrough.ts';
import type { RunLessons } from '../engine/run-lessons.ts';
import type { DimensionScore } from '../engine/scoring.ts';
import { lessonText, objectiveReasonText, ratingLabel, regulatorEventText, scoreReasonText, verdictText } from '../i18n/engine-text.ts';
import { gameTime, money, padEnd, padStart, points } from './text.ts';

// The human-readable `war-room play` output: a timeline, then the debrief's scores.

function wrap(text: string, indent: string, width = 96): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > width - indent.length) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

function entryLines(e: TimelineEntry, local: (t: number) => string | null, currency: string): string[] {
  const when = local(e.t);
  const at = when ? `${when} ${padEnd(gameTime(e.t), 9)}` : padEnd(gameTime(e.t), 9);
  const more = ' '.repeat(at.length + 2);
  switch (e.kind) {
    case 'preparation':
      return [`${at}  Preparation: ${e.measures.length === 0 ? 'nothing bought' : e.measures.map((m) => m.name).join(', ')} (spent ${money(e.spent, currency)})`];
    case 'beat':
      return [`${at}  ▶ ${e.title}`, ...wrap(e.narrative, more)];
    case 'inject':
      return [`${at}  [${e.channel}] ${e.from}:`, ...wrap(e.text, more)];
    case 'choice': {
      const who = e.by === 'timeout' ? `time ran out after ${e.waited} min: ` : e.by === 'facilitator' ? 'the facilitator moved on: ' : '';
      return [`${at}  → ${who}${e.key}. ${e.label}`, ...wrap(e.outcome, more)];
    }
    case 'service':
      return [`${at}  ${e.name} is ${e.status}`];
    case 'regulator':
      return [`${at}  ${e.name}: ${regulatorEventText(e.event, 'en')}`];
    case 'ending':
      return [`${at}  ■ Ending (${e.outcome}): ${e.title}`, ...wrap(e.narrative, more)];
    default: {
      const unreachable: never = e;
      return [JSON.stringify(unreachable)];
    }
  }
}

function dimensionLines(label: string, d: DimensionScore): string[] {
  const lines = [`  ${padEnd(label, 16)}${padStart(d.score, 3)}   (from ${d.base})`];
  for (const item of d.items) {
    if (item.points === 0) continue;
    const points = item.points > 0 ? `+${item.points}` : String(item.points);
    lines.push(`      ${padStart(points, 6)}  ${scoreReasonText(item, 'en')}`);
  }
  return lines;
}

export function formatPlay(compiled: CompiledScenario, r: PlayResult, lessons: RunLessons): string {
  const { scenario } = compiled.index;
  const partner = compiled.index.partners.get(r.partner)!;
  const currency = scenario.company.currency ?? 'EUR';
  const out: string[] = [];
  out.push(`${r.title} (${r.scenario}) · seed ${r.seed} · partner ${partner.name} (${partner.tier})`);
  out.push('');
  for (const e of r.timeline) out.push(...entryLines(e, (t) => localAt(compiled.index, t), currency));
  out.push('');
  const m = r.metrics;
  out.push(
    `Outcome at ${gameTime(r.clock)}: revenue lost ${money(m.revenueLost, currency)} · downtime ${Math.round(m.downtimeMinutes)} min · ` +
      `customers affected ${m.customersAffected.toLocaleString('en-GB')} · compliance exposure ${Math.round(m.complianceExposure)} · ` +
      `fatigue ${Math.round(m.fatigue)} · spend ${money(m.spend, currency)}`,
  );
  out.push('');
  const s = r.scores;
  out.push('Scores');
  out.push(...dimensionLines('communication', s.communication));
  out.push(...dimensionLines('proactivity', s.proactivity));
  out.push(...dimensionLines('business impact', s.businessImpact));
  const verdict = verdictText(s.verdict, 'en');
  out.push(`  ${padEnd('overall', 16)}${padStart(s.overall, 3)}   ${verdict.label}: ${verdict.text}`);
  out.push('');
  out.push('Objectives');
  for (const o of s.objectives) {
    out.push(`  ${o.rating}  ${o.text} (${o.dimension})`);
    out.push(`     ${ratingLabel(o.rating, 'en')}. ${objectiveReasonText(o, 'en')}`);
  }
  out.push('', ...lessonLines(lessons, currency));
  return `${out.join('\n')}\n`;
}

/** "−25,000 EUR", "+10,000 EUR", "unchanged": a difference that reads the same either way round. */
function change(delta: number, unit: (x: number) => string): string {
  return delta === 0 ? 'unchanged' : `${delta < 0 ? '−' : '+'}${unit(Math.abs(delta))}`;
}

function hours(minutes: number): string {
  const h = Math.round((minutes / 60) * 10) / 10;
  return `${h.toLocaleString('en-GB')} h`;
}

/** The partner comparison, the options the partner closed, the preparation's return and uptime. */
function lessonLines({ comparison, roi, uptime }: RunLessons, currency: string): string[] {
  const out: string[] = ['The same decisions with each IT partner'];
  out.push(`  ${padEnd('partner', 40)}${padStart('overall', 8)}${padStart('comm', 6)}${padStart('proact', 8)}${padStart('impact', 8)}${padStart('revenue lost', 16)}${padStart('downtime', 10)}${padStart('ended', 10)}  ending`);
  for (const p of comparison.partners) {
    out.push(
      `${p.own ? '* ' : '  '}${padEnd(`${p.partner.name} (${p.partner.tier})`, 40)}${padStart(p.scores.overall, 8)}${padStart(p.scores.communication, 6)}` +
        `${padStart(p.scores.proactivity, 8)}${padStart(p.scores.businessImpact, 8)}${padStart(money(p.revenueLost, currency), 16)}` +
        `${padStart(hours(p.downtimeMinutes), 10)}${padStart(gameTime(p.endedAt), 10)}  ${p.ending ? `${p.ending.title} (${p.ending.outcome})` : 'no ending'}`,
    );
    for (const c of p.changed) {
      out.push(`      decision ${c.n} (${c.beat}): ${c.played === null ? 'not reached in your run' : `${c.played} was out of reach`}, ${c.applied} applied`);
    }
  }
  if (comparison.lesson) out.push(`  ${lessonText(comparison.lesson, 'en', currency, { money: (x) => money(x, currency), span: hours })}`);
  out.push('');
  out.push('Better options your partner kept out of reach');
  if (comparison.closed.length === 0) out.push('  none');
  for (const c of comparison.closed) {
    const needs = c.needs.map((n) => `${n.capability}${n.partners.length ? ` (${n.partners.join(', ')})` : ''}`).join(', ');
    const worth = c.worth
      ? `; with ${c.worth.partner}: revenue lost ${change(-c.worth.revenueLess, (x) => money(x, currency))}, downtime ${change(-c.worth.downtimeLess, hours)}, overall ${points(c.worth.overallGain)}`
      : '';
    out.push(`  decision ${c.n} at ${gameTime(c.t)}, ${c.beatTitle}: "${c.option.label}" needs ${needs}${c.advised ? ' (the advice)' : ''}${worth}`);
  }
  out.push('');
  out.push('Preparation return');
  out.push(
    `  spent ${money(roi.spent, currency)} of ${money(roi.budget, currency)}; loss avoided ${money(roi.lossAvoided, currency)}, downtime avoided ${hours(roi.downtimeAvoided)}, ` +
      `${roi.staffHoursAvoided.toLocaleString('en-GB')} staff-hours saved, ${points(roi.overallGain)} overall; response spend ${money(roi.responseSpend, currency)}`,
  );
  out.push('');
  out.push(`Uptime over ${hours(uptime.minutes)}; productivity lost ${uptime.staffHoursLost.toLocaleString('en-GB')} staff-hours of ${uptime.employees.toLocaleString('en-GB')} employees`);
  for (const s of uptime.services) out.push(`  ${padEnd(s.name, 28)}${padStart(`${Math.round(s.uptime * 100)}%`, 5)} up · down ${hours(s.downMinutes)} · degraded ${hours(s.degradedMinutes)}`);
  return out;
}
