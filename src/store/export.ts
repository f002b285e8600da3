import type { SavedRun } from '../engine/runtime.ts';
import { objectiveReasonText, ratingLabel, scoreReasonText, scoreReportText, verdictLabel, verdictText } from '../i18n/engine-text.ts';
import { formats } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { translator, type Catalogues, type Translate } from '../i18n/messages.ts';
import { dimensionLabel, tierLabel } from '../i18n/vocabulary.ts';
import type { DebriefData } from './debrief.ts';
import { EXPORT_DE } from './export-messages-de.ts';
import { EXPORT_EN, type ExportMessages } from './export-messages.ts';
import { count, duration, gameTime, money, signed } from './format.ts';

// The debrief as files a player can keep or share: Markdown to read, JSON to replay and check.
// The Markdown is written in the language the player plays in; the scenario's text is the scenario's own.

const CATALOGUES: Catalogues<ExportMessages> = { en: EXPORT_EN, de: EXPORT_DE };
const wordsIn = (lang: Lang): Translate<ExportMessages> => translator(CATALOGUES, () => lang);

/** Scenario text is data: keep Markdown from reading it as markup. */
export function mdText(s: string): string {
  return s.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');
}

export function debriefMarkdown(d: DebriefData, lang: Lang): string {
  const t = wordsIn(lang);
  const r = d.report;
  const cash = (amount: number): string => money(amount, d.currency, lang);
  const num = (n: number): string => count(n, lang);
  const points = (n: number): string => signed(n, lang);
  const lines: string[] = [];
  const push = (...xs: string[]): void => void lines.push(...xs);

  push(`# ${t('title', { title: mdText(d.title) })}`, '');
  push(`- ${t('company', { company: mdText(d.company), industry: mdText(d.industry) })}`);
  push(`- ${t('partner', { partner: mdText(d.partner.name), tier: tierLabel(d.partner.tier, lang) })}`);
  push(`- ${t('seed', { seed: String(d.seed) })}`);
  push(`- ${t('gameTime', { time: gameTime(d.clock) })}`);
  if (d.ending) push(`- ${t('ending', { title: mdText(d.ending.title), outcome: t(`outcome.${d.ending.outcome}`) })}`);
  push('');

  push(`## ${t('h.scores')}`, '', `| ${t('col.score')} | ${t('col.points')} |`, '| --- | ---: |');
  for (const dim of [r.communication, r.proactivity, r.businessImpact]) push(`| ${dimensionLabel(dim.dimension, lang)} | ${dim.score} |`);
  push(`| **${t('overall')}** | **${r.overall}** |`, '');
  push(`**${t('verdict', { label: mdText(verdictLabel(r.verdict, lang)) })}** ${mdText(verdictText(r.verdict, lang).text)}`, '');
  push(`## ${t('h.judgement')}`, '');
  push(`- ${t('judgement.decisions')} **${mdText(d.judgement.decisions.label)}.** ${mdText(d.judgement.decisions.text)}`);
  push(`- ${t('judgement.partner')} **${mdText(d.judgement.partner.label)}.** ${mdText(d.judgement.partner.text)}`, '');
  if (d.judgement.partner.lesson) push(`**${mdText(d.judgement.partner.lesson)}**`, '');
  push(...comparisonMarkdown(d, lang));
  if (r.provisional) push(`_${t('provisional')}_`, '');

  for (const dim of [r.communication, r.proactivity, r.businessImpact]) {
    push(`### ${t('dimension', { dimension: dimensionLabel(dim.dimension, lang), score: dim.score, base: dim.base })}`, '');
    if (dim.items.length === 0) push(`- ${t('nothingMoved')}`);
    for (const item of dim.items) push(`- ${points(item.points)}: ${mdText(scoreReasonText(item, lang))}`);
    push('');
  }

  push(`## ${t('h.objectives')}`, '', `| ${t('col.objective')} | ${t('col.rating')} | ${t('col.why')} |`, '| --- | --- | --- |');
  for (const o of r.objectives) push(`| ${mdText(o.text)} | ${o.rating}: ${ratingLabel(o.rating, lang)} | ${mdText(objectiveReasonText(o, lang))} |`);
  push('');

  push(`## ${t('h.preparation')}`, '');
  if (d.measures.length === 0) push(`- ${t('noMeasures')}`);
  for (const m of d.measures) push(`- ${t('measure', { name: mdText(m.name), cost: cash(m.cost) })}`);
  push('');

  push(`## ${t('h.decisions')}`, '');
  if (d.timeline.length === 0) push(t('noDecisions'), '');
  for (const e of d.timeline) {
    push(`### ${e.n}. ${e.local ? `${e.local} (${gameTime(e.t)})` : gameTime(e.t)}: ${mdText(e.beatTitle)}`, '');
    push(`${mdText(e.prompt)}`, '');
    push(`- ${t(e.by === 'timeout' ? 'choseTimeout' : 'chose', { label: mdText(e.chosen.label), duration: duration(e.waited) })}`);
    push(`- ${t('happened', { outcome: mdText(e.chosen.outcome) })}`);
    push(`- ${e.advice.followed ? t('followed', { why: mdText(e.advice.why) }) : t('advised', { label: mdText(e.advice.label), why: mdText(e.advice.why) })}`);
    if (e.notTaken.length > 0) push(`- ${t('notTaken', { options: e.notTaken.map((o) => mdText(o.label)).join('; ') })}`);
    if (e.notOpen.length > 0) push(`- ${t('notOpen', { options: e.notOpen.map((o) => `${mdText(o.label)}${o.why ? ` (${mdText(o.why)})` : ''}`).join('; ') })}`);
    if (e.outOfReach.length > 0) {
      push(`- ${t('outOfReach', { options: e.outOfReach.map((o) => t('needs', { label: mdText(o.label), needs: o.needs.map(mdText).join(', ') })).join('; ') })}`);
    }
    for (const p of e.points) push(`- ${t('scoreLine', { points: points(p.points), dimension: t(`inline.${p.dimension}`), reason: mdText(p.reason) })}`);
    push('');
  }

  push(`## ${t('h.cost')}`, '');
  push(`- ${t('revenueLost', { amount: cash(d.metrics.revenueLost) })}`);
  push(`- ${t('customers', { count: num(d.metrics.customersAffected) })}`);
  push(`- ${t('downtime', { duration: duration(d.metrics.downtimeMinutes) })}`);
  push(`- ${t('compliance', { value: Math.round(d.metrics.complianceExposure) })}`);
  push(`- ${t('spend', { amount: cash(d.metrics.spend) })}`);
  const { uptime, roi } = d.lessons;
  push(`- ${t('productivity', { hours: num(uptime.staffHoursLost), employees: num(uptime.employees) })}`);
  push(`- ${t('roi', { avoided: cash(roi.lossAvoided), spent: cash(roi.spent), budget: cash(roi.budget), gain: points(roi.overallGain) })}`, '');
  push(`### ${t('h.uptime', { duration: duration(uptime.minutes) })}`, '', `| ${t('col.service')} | ${t('col.up')} | ${t('col.down')} | ${t('col.degraded')} |`, '| --- | ---: | ---: | ---: |');
  for (const sv of uptime.services) push(`| ${mdText(sv.name)} | ${formats(lang).percent(Math.round(sv.uptime * 100) / 100)} | ${duration(sv.downMinutes)} | ${duration(sv.degradedMinutes)} |`);
  push('');

  push(`## ${t('h.questions')}`, '');
  d.questions.forEach((q, i) => push(`${i + 1}. ${mdText(q.text)}`));
  push('');
  return lines.join('\n');
}


/** A signed amount of money: "−€12,000" / "−12.000 €". */
function signedMoney(amount: number, currency: string, lang: Lang): string {
  const sign = amount > 0 ? '+' : amount < 0 ? '−' : '';
  return `${sign}${money(Math.abs(amount), currency, lang)}`;
}

/** The same decisions with every partner, and the better options the run's partner closed. */
function comparisonMarkdown(d: DebriefData, lang: Lang): string[] {
  const t = wordsIn(lang);
  const cols = [t('col.partner'), t('col.overall'), t('col.revenueLost'), t('col.downtime'), t('col.customers'), t('col.endedAt'), t('col.ending'), t('col.changed')];
  const out = [`## ${t('h.comparison')}`, '', `| ${cols.join(' | ')} |`, '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |'];
  for (const p of d.lessons.comparison.partners) {
    const changed = (d.changes[p.partner.id] ?? []).map((c) => t('changed', { n: c.n, what: c.played === null ? t('notReached') : t('playedOut', { played: c.played }), applied: c.applied }));
    const name = p.own ? t('yours', { partner: mdText(p.partner.name) }) : mdText(p.partner.name);
    const ending = p.ending ? t('endingValue', { title: mdText(p.ending.title), outcome: t(`outcome.${p.ending.outcome}`) }) : t('noEnding');
    out.push(
      `| ${name} | ${p.scores.overall} | ${money(p.revenueLost, d.currency, lang)} | ${duration(p.downtimeMinutes)} | ${count(p.customersAffected, lang)} | ${gameTime(p.endedAt)} | ` +
        `${ending} | ${p.own ? t('asPlayed') : changed.length ? changed.map(mdText).join('; ') : t('none')} |`,
    );
  }
  out.push('', `## ${t('h.closed')}`, '');
  if (d.lessons.comparison.closed.length === 0) out.push(`- ${t('noClosed', { partner: mdText(d.partner.name) })}`);
  for (const c of d.lessons.comparison.closed) {
    const line = t(c.advised ? 'closedAdvised' : 'closed', { n: c.n, time: gameTime(c.t), beat: mdText(c.beatTitle), option: mdText(c.option.label), needs: c.needs.map((n) => mdText(n.capability)).join(', ') });
    const worth = c.worth ? t('worth', { revenue: signedMoney(-c.worth.revenueLess, d.currency, lang), overall: signed(c.worth.overallGain, lang) }) : '';
    out.push(`- ${[line, worth].filter(Boolean).join(' ')}`);
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

/** "war-room-ransomware-manufacturer-seed-42.md" / "war-room-ransomware-manufacturer-startwert-42.md" */
export function exportFileName(d: DebriefData, ext: 'md' | 'json', lang: Lang): string {
  return wordsIn(lang)('fileName', { scenario: d.scenarioId, seed: String(d.seed), ext });
}
