import { overviewFacts, type AarFinding, type AarIp } from './aar.ts';
import { csvText } from './csv.ts';

// The AAR/IP as Markdown (section for section what the DOCX and the print say) and the
// improvement plan as CSV, for the client's tracker.

const md = (s: string): string => s.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\r?\n/g, ' ');

export const RATING_NAMES = { P: 'Performed without challenges (P)', S: 'Performed with some challenges (S)', M: 'Performed with major challenges (M)', U: 'Unable to be performed (U)' } as const;

export function aarMarkdown(a: AarIp): string {
  const out: string[] = [];
  const push = (...lines: string[]): void => void out.push(...lines);
  const finding = (f: AarFinding, n: number): void => {
    push(`${n}. **${md(f.title)}**`, `   - Reference: ${md(f.reference)}`, `   - Analysis: ${md(f.analysis)}`);
    if (f.rootCause) push(`   - Root cause: ${md(f.rootCause)}`);
  };
  push(`_${md(a.cover.handling)}_`, '', `# ${md(a.cover.title)}`, '', '**After-Action Report / Improvement Plan**', '', `${md(a.cover.company)} · ${md(a.cover.team)} · ${md(a.cover.dates)}`, '');
  push('## Executive summary', '', md(a.executiveSummary), '');
  const ov = a.overview;
  push('## Exercise overview', '');
  const facts = overviewFacts(ov);
  for (const [k, v] of facts) push(`- **${k}:** ${md(v)}`);
  push('', '## Analysis of capabilities', '');
  for (const o of a.analysis) {
    push(`### ${md(o.text)}`, '', `Core capability: ${md(o.capability)}`, '');
    if (o.rating) push(`Rating: **${RATING_NAMES[o.rating]}**${o.overrideReason ? `. Evaluator's rating; the game suggested ${o.suggested}. Reason: ${md(o.overrideReason)}` : ''}`, '');
    push('#### Strengths', '');
    if (o.strengths.length === 0) push('None recorded.');
    o.strengths.forEach((f, i) => finding(f, i + 1));
    push('', '#### Areas for improvement', '');
    if (o.improvements.length === 0) push('None recorded.');
    o.improvements.forEach((f, i) => finding(f, i + 1));
    push('');
  }
  if (a.partnerGaps.length) {
    push('### IT partner capability gaps', '', 'Options the team could not take because of what its IT partner provides: the partner’s gap, not the team’s choice.', '');
    a.partnerGaps.forEach((f, i) => finding(f, i + 1));
    push('');
  }
  push('## Participant feedback and hotwash', '', a.hotwash.notes ? md(a.hotwash.notes) : 'No hotwash notes recorded.', '');
  for (const o of a.hotwash.observations) push(`- ${md(o)}`);
  push('', '## Improvement plan', '');
  if (a.plan.length === 0) push('No corrective actions agreed yet.');
  else {
    push('| # | Objective / capability | Issue | Capability element | Corrective action | Responsible organisation | Point of contact | Start | Completion | Status |', '|---|---|---|---|---|---|---|---|---|---|');
    for (const p of a.plan) {
      push(`| ${p.n} | ${md(p.objective)} / ${md(p.capability)} | ${md(p.issue)} | ${p.element} | ${md(p.action)} | ${md(p.org)} | ${md(p.poc)} | ${p.start} | ${p.completion} | ${p.status} |`);
    }
  }
  if (a.appendix) {
    const x = a.appendix;
    push('', '## Appendix: exercise artefacts', '', `- Seed: ${x.seed}`, `- IT partner played: ${md(x.partner)}`, `- Game time covered: ${x.gameTime}`, `- Ending: ${md(x.ending)}`);
    push(`- Scores: communication ${x.scores.communication}, proactivity ${x.scores.proactivity}, business impact ${x.scores.businessImpact}, overall ${x.scores.overall}`, `- Verdict: ${md(x.verdict)}`, '');
    for (const d of x.decisions) push(`- ${d.when} “${md(d.beat)}”: ${md(d.choice)} (${d.by})`);
  }
  push('', `_${md(a.cover.handling)}_`, '');
  return out.join('\n');
}

export function planCsv(a: AarIp): string {
  return csvText(
    ['n', 'objective', 'core_capability', 'issue', 'capability_element', 'corrective_action', 'responsible_organisation', 'point_of_contact', 'start_date', 'completion_date', 'status'],
    a.plan.map((p) => [p.n, p.objective, p.capability, p.issue, p.element, p.action, p.org, p.poc, p.start, p.completion, p.status]),
  );
}
