import { overviewFacts, type AarFinding, type AarIp } from './aar.ts';
import { CSV_DIALECTS, csvText } from './csv.ts';
import { planDate } from './report-files.ts';
import { reportWords } from './report-words.ts';

// The AAR/IP as Markdown (section for section what the DOCX and the print say) and the
// improvement plan as CSV, for the client's tracker; both in the language the report was built in.

const md = (s: string): string => s.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\r?\n/g, ' ');

export function aarMarkdown(a: AarIp): string {
  const t = reportWords(a.lang);
  const out: string[] = [];
  const push = (...lines: string[]): void => void out.push(...lines);
  const finding = (f: AarFinding, n: number): void => {
    push(`${n}. **${md(f.title)}**`, `   - ${t('f.reference')}: ${md(f.reference)}`, `   - ${t('f.analysis')}: ${md(f.analysis)}`);
    if (f.rootCause) push(`   - ${t('f.rootCause')}: ${md(f.rootCause)}`);
  };
  push(`_${md(a.cover.handling)}_`, '', `# ${md(a.cover.title)}`, '', `**${t('doc.kind')}**`, '', `${md(a.cover.company)} · ${md(a.cover.team)} · ${md(a.cover.dates)}`, '');
  push(`## ${t('h.summary')}`, '', md(a.executiveSummary), '');
  push(`## ${t('h.overview')}`, '');
  for (const [k, v] of overviewFacts(a)) push(`- **${k}:** ${md(v)}`);
  push('', `## ${t('h.analysis')}`, '');
  for (const o of a.analysis) {
    push(`### ${md(o.text)}`, '', `${t('coreCapability')}: ${md(o.capability)}`, '');
    if (o.rating) push(`${t('rating')}: **${t(`rating.${o.rating}`)}**${o.overrideReason ? `. ${md(t('override', { suggested: o.suggested ?? '', reason: o.overrideReason }))}` : ''}`, '');
    push(`#### ${t('h.strengths')}`, '');
    if (o.strengths.length === 0) push(t('noneRecorded'));
    o.strengths.forEach((f, i) => finding(f, i + 1));
    push('', `#### ${t('h.improvements')}`, '');
    if (o.improvements.length === 0) push(t('noneRecorded'));
    o.improvements.forEach((f, i) => finding(f, i + 1));
    push('');
  }
  if (a.partnerGaps.length) {
    push(`### ${t('h.gaps')}`, '', t('gaps.intro'), '');
    a.partnerGaps.forEach((f, i) => finding(f, i + 1));
    push('');
  }
  push(`## ${t('h.hotwash')}`, '', a.hotwash.notes ? md(a.hotwash.notes) : t('noHotwash'), '');
  for (const o of a.hotwash.observations) push(`- ${md(o)}`);
  push('', `## ${t('h.plan')}`, '');
  if (a.plan.length === 0) push(t('noPlan'));
  else {
    push(`| ${planColumns(a).join(' | ')} |`, '|---|---|---|---|---|---|---|---|---|---|');
    for (const row of planRows(a)) push(`| ${row.map(md).join(' | ')} |`);
  }
  if (a.appendix) {
    const x = a.appendix;
    push('', `## ${t('h.appendix')}`, '', `- ${t('ax.seed')}: ${x.seed}`, `- ${t('ax.partner')}: ${md(x.partner)}`, `- ${t('ax.gameTime')}: ${x.gameTime}`, `- ${t('ax.ending')}: ${md(x.ending)}`);
    push(`- ${t('ax.scores')}: ${t('ax.scoresValue', x.scores)}`, `- ${t('ax.verdict')}: ${md(x.verdict)}`, '');
    for (const d of x.decisions) push(`- ${md(t('ax.decision', d))}`);
  }
  push('', `_${md(a.cover.handling)}_`, '');
  return out.join('\n');
}

/** The improvement plan's column heads, as every format shows them. */
export function planColumns(a: AarIp): string[] {
  const t = reportWords(a.lang);
  return [t('plan.n'), t('plan.objective'), t('plan.issue'), t('plan.element'), t('plan.action'), t('plan.org'), t('plan.poc'), t('plan.start'), t('plan.completion'), t('plan.status')];
}

/** The improvement plan's rows as the documents show them: element, status and dates in the report's language. */
export function planRows(a: AarIp): string[][] {
  const t = reportWords(a.lang);
  return a.plan.map((p) => [
    String(p.n),
    `${p.objective} / ${p.capability}`,
    p.issue,
    t(`element.${p.element}`),
    p.action,
    p.org,
    p.poc,
    planDate(p.start, a.lang),
    planDate(p.completion, a.lang),
    t(`status.${p.status}`),
  ]);
}

export function planCsv(a: AarIp): string {
  const t = reportWords(a.lang);
  return csvText(
    [t('csv.n'), t('csv.objective'), t('csv.coreCapability'), t('csv.issue'), t('csv.element'), t('csv.action'), t('csv.org'), t('csv.poc'), t('csv.start'), t('csv.completion'), t('csv.status')],
    a.plan.map((p) => [p.n, p.objective, p.capability, p.issue, t(`element.${p.element}`), p.action, p.org, p.poc, p.start, p.completion, t(`status.${p.status}`)]),
    CSV_DIALECTS[a.lang],
  );
}
