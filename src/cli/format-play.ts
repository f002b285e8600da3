import type { CompiledScenario } from '../engine/compile.ts';
import type { PlayResult, TimelineEntry } from '../engine/playthrough.ts';
import type { DimensionScore } from '../engine/scoring.ts';
import { gameTime, money, padEnd, padStart } from './text.ts';

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

function entryLines(e: TimelineEntry): string[] {
  const at = padEnd(gameTime(e.t), 9);
  const more = ' '.repeat(at.length + 2);
  switch (e.kind) {
    case 'preparation':
      return [`${at}  Preparation: ${e.measures.length === 0 ? 'nothing bought' : e.measures.map((m) => m.name).join(', ')} (spent ${e.spent})`];
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
      return [`${at}  ${e.name}: ${e.detail}`];
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
    lines.push(`      ${padStart(points, 6)}  ${item.reason}`);
  }
  return lines;
}

export function formatPlay(compiled: CompiledScenario, r: PlayResult): string {
  const { scenario } = compiled.index;
  const partner = compiled.index.partners.get(r.partner)!;
  const currency = scenario.company.currency ?? 'EUR';
  const out: string[] = [];
  out.push(`${r.title} (${r.scenario}) · seed ${r.seed} · partner ${partner.name} (${partner.tier})`);
  out.push('');
  for (const e of r.timeline) out.push(...entryLines(e));
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
  out.push(`  ${padEnd('overall', 16)}${padStart(s.overall, 3)}   ${s.verdict.label}: ${s.verdict.text}`);
  out.push('');
  out.push('Objectives');
  for (const o of s.objectives) {
    out.push(`  ${o.rating}  ${o.text} (${o.dimension})`);
    out.push(`     ${o.label}. ${o.reason}`);
  }
  return `${out.join('\n')}\n`;
}
