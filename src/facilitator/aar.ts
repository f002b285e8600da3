import type { CompiledScenario } from '../engine/compile.ts';
import type { Rating, ScoreReport } from '../engine/scoring.ts';
import { ratingLabel, scoreReasonText, verdictText } from '../i18n/engine-text.ts';
import type { RunState } from '../engine/state.ts';
import { interpolate } from '../engine/text.ts';
import type { Condition } from '../scenarios/schema.ts';
import { duration, gameTime, TIER_LABELS } from '../store/format.ts';
import { calendarDate, clockTime } from './report-files.ts';
import { buildReport, type AfterActionReport, type ReportDecision } from './report.ts';
import type { ActionStatus, CapabilityElement, FindingEdit, Session } from './session.ts';

// The After-Action Report / Improvement Plan as HSEEP lays it out, for a client: a cover with the
// handling marking, an executive summary, the exercise overview, the analysis per objective and
// core capability with strengths and areas for improvement (each with reference, analysis and root
// cause), the hotwash notes and the improvement plan. It speaks in real time and plain words; the
// game's artefacts (seed, game clock, scores, verdict) go to an appendix only when asked for.
// Every generated finding has a stable id so the facilitator's edits, merges and removals stick.

export type AarFindingKind = 'strength' | 'improvement' | 'partner-gap';

export interface AarFinding {
  id: string;
  kind: AarFindingKind;
  objective: string | null;
  title: string;
  reference: string;
  analysis: string;
  rootCause: string;
  /** Ids of findings merged into this one. */
  merged: string[];
  edited: boolean;
}

export interface AarObjective {
  id: string | null;
  text: string;
  capability: string;
  rating: Rating | null;
  ratingLabel: string | null;
  suggested: Rating | null;
  overrideReason: string | null;
  /** An override without a reason: the report must not go out like that. */
  missingReason: boolean;
  strengths: AarFinding[];
  improvements: AarFinding[];
}

export interface AarPlanRow {
  n: number;
  objective: string;
  capability: string;
  issue: string;
  element: CapabilityElement;
  action: string;
  org: string;
  poc: string;
  start: string;
  completion: string;
  status: ActionStatus;
}

/** The exercise overview as labelled lines, in the HSEEP order every export and the editor share. */
export function overviewFacts(ov: AarIp['overview']): [label: string, value: string][] {
  return [
    ['Exercise name', ov.name],
    ['Exercise dates', `${ov.dates} (${ov.duration})`],
    ['Scope', ov.scope],
    ['Mission area', ov.missionArea],
    ['Core capabilities', ov.coreCapabilities.join('; ')],
    ['Objectives', ov.objectives.join('; ')],
    ['Threat or hazard', ov.threat],
    ['Scenario', ov.scenario],
    ['Sponsor', ov.sponsor],
    ['Participating organisations', ov.organisations],
    ['Participants', ov.participants.join('; ') || 'not recorded'],
    ['Point of contact', ov.poc || 'not given'],
  ];
}

export interface AarIp {
  cover: { title: string; company: string; team: string; dates: string; handling: string };
  executiveSummary: string;
  overview: {
    name: string;
    dates: string;
    duration: string;
    scope: string;
    missionArea: string;
    coreCapabilities: string[];
    objectives: string[];
    threat: string;
    scenario: string;
    sponsor: string;
    organisations: string;
    participants: string[];
    poc: string;
  };
  analysis: AarObjective[];
  partnerGaps: AarFinding[];
  hotwash: { notes: string; observations: string[] };
  plan: AarPlanRow[];
  appendix: {
    seed: number;
    partner: string;
    gameTime: string;
    ending: string;
    scores: { communication: number; proactivity: number; businessImpact: number; overall: number };
    verdict: string;
    decisions: { when: string; beat: string; choice: string; by: string }[];
  } | null;
  /** What must be fixed before the report is sent, in words. */
  problems: string[];
}

/** The core capability each scoring dimension exercises. */
const CAPABILITIES: Record<string, string> = {
  communication: 'Public information and warning',
  proactivity: 'Operational coordination',
  businessImpact: 'Business continuity and recovery',
};

/** A strength that reads as a criticism is not a strength: these openings give it away. */
const CRITICISM = /^(no |not |never |failed|missed|didn['’]t|did not|without |waited|too late|nobody|none )/i;

const BY_WORDS: Record<ReportDecision['by'], string> = { player: 'the team', timeout: 'time ran out', facilitator: 'skipped by the facilitator' };

export function buildAar(compiled: CompiledScenario, session: Session, state: RunState, score: ScoreReport, generatedAt: string): AarIp {
  const base = buildReport(compiled, session, state, score, generatedAt);
  return aarFromReport(compiled, session, state, score, base);
}

export function aarFromReport(compiled: CompiledScenario, session: Session, state: RunState, score: ScoreReport, r: AfterActionReport): AarIp {
  const { index } = compiled;
  const { scenario } = index;
  const edits = session.report;
  const text = (s: string): string => interpolate(s, state);
  const o = r.overview;
  const partner = index.partners.get(state.partnerId) ?? scenario.partners[0]!;
  const objectiveText = (id: string | null): string => (id ? (scenario.objectives.find((x) => x.id === id)?.text ?? id) : 'General observations');
  const dimensionOf = (id: string | null): string | null => (id ? (scenario.objectives.find((x) => x.id === id)?.dimension ?? null) : null);
  const capabilityOf = (id: string | null): string => CAPABILITIES[dimensionOf(id) ?? ''] ?? 'Operational coordination';
  const when = (t: number | null): string => (t === null ? 'the end of the exercise' : `the ${ordinalMinute(t)} of the incident`);

  // Which decisions the team did not make itself: a skip or a timeout is never to its credit.
  const notTheTeams = new Set(r.decisions.filter((d) => d.kept && d.by !== 'player').map((d) => d.beat));
  const raw: AarFinding[] = [];
  const seen = new Map<string, AarFinding>();
  const add = (f: Omit<AarFinding, 'merged' | 'edited'>): void => {
    const key = `${f.kind}:${normalise(f.title)}`;
    const twin = seen.get(key);
    if (twin) {
      // A duplicate is merged when generated: the first keeps the reference of both.
      if (!twin.reference.includes(f.reference)) twin.reference = `${twin.reference}; ${f.reference}`;
      return;
    }
    const finding = { ...f, merged: [], edited: false };
    seen.set(key, finding);
    raw.push(finding);
  };

  for (const dim of [score.communication, score.proactivity, score.businessImpact]) {
    for (const item of dim.items) {
      const src = item.source;
      const beat = src.kind === 'option' ? src.beat : null;
      const t = src.kind === 'option' || src.kind === 'rule' ? src.t : null;
      const reference = beat ? `Decision at “${index.beats.get(beat)?.title ?? beat}”, ${when(t)}` : src.kind === 'measure' ? 'Preparation before the incident' : `Observed at ${when(t)}`;
      const reason = scoreReasonText(item, 'en');
      if (item.points > 0) {
        if (beat && notTheTeams.has(beat)) continue;
        if (CRITICISM.test(reason.trim())) continue;
        add({ id: findingId('s', reason), kind: 'strength', objective: item.objective, title: reason, reference, analysis: reason, rootCause: '' });
      } else if (item.points < 0 && (src.kind !== 'outcome' || -item.points >= 5)) {
        add({ id: findingId('i', reason), kind: 'improvement', objective: item.objective, title: reason, reference, analysis: reason, rootCause: '' });
      }
    }
  }

  // Advice not followed, unless the advised option was out of reach: then it is the partner's gap.
  const gaps: AarFinding[] = [];
  for (const d of r.decisions) {
    if (!d.kept) continue;
    const beat = index.beats.get(d.beat);
    const decision = beat?.decision;
    if (!decision) continue;
    for (const option of decision.options) {
      if (option.id === d.option || !option.requires) continue;
      const missing = missingCapabilities(option.requires, partner.capabilities);
      if (missing.length === 0) continue;
      const advised = decision.advice.option === option.id;
      gaps.push({
        id: findingId('g', `${d.beat}:${option.id}`),
        kind: 'partner-gap',
        objective: null,
        title: `${partner.name} could not offer “${text(option.label)}”`,
        reference: `Decision at “${d.beatTitle}”, ${when(d.t)}`,
        analysis: `The option needed ${missing.map(capabilityWords).join(' and ')}, which ${partner.name} (${TIER_LABELS[partner.tier].toLowerCase()}) does not provide. The team went with “${d.label}”.${advised && decision.advice.why ? ` What it cost: ${text(decision.advice.why)}` : ''}`,
        rootCause: `The IT partner's service profile: no ${missing.map(capabilityWords).join(', no ')}.`,
        merged: [],
        edited: false,
      });
    }
    if (d.followed || !d.advised || d.by !== 'player') continue;
    const advisedOption = decision.options.find((x) => x.id === decision.advice.option);
    if (advisedOption?.requires && missingCapabilities(advisedOption.requires, partner.capabilities).length > 0) continue;
    add({
      id: findingId('a', d.beat),
      kind: 'improvement',
      objective: null,
      title: `At “${d.beatTitle}” the team chose “${d.label}” where “${d.advised}” was open to it`,
      reference: `Decision at “${d.beatTitle}”, ${when(d.t)}`,
      analysis: decision.advice.why ? text(decision.advice.why) : `A strategic partner would have chosen “${d.advised}”.`,
      rootCause: '',
    });
  }
  for (const n of r.notes) {
    if (n.kind === 'observation') continue;
    const kind = n.kind === 'strength' ? 'strength' : 'improvement';
    add({ id: `note:${n.id}`, kind, objective: n.objective, title: n.text, reference: `Evaluator's note, ${clockTime(n.at)}${n.beatTitle ? `, during “${n.beatTitle}”` : ''}`, analysis: n.text, rootCause: '' });
  }

  // The facilitator's edits: text, removals and merges.
  const all = [...raw, ...gaps];
  const byId = new Map(all.map((f) => [f.id, f]));
  const edited = all.map((f) => applyEdit(f, edits.findings[f.id]));
  const kept = new Map(edited.map((f) => [f.id, f]));
  for (const f of edited) {
    const e = edits.findings[f.id];
    const target = e?.mergedInto ? kept.get(e.mergedInto) : undefined;
    if (target && target !== f && !edits.findings[target.id]?.removed) {
      target.merged.push(f.id);
      if (!edits.findings[target.id]?.analysis) target.analysis = `${target.analysis} ${f.analysis}`.trim();
      if (!target.reference.includes(f.reference)) target.reference = `${target.reference}; ${f.reference}`;
      kept.delete(f.id);
    }
  }
  for (const f of edited) if (edits.findings[f.id]?.removed) kept.delete(f.id);
  void byId;
  const findings = [...kept.values()];

  const problems: string[] = [];
  const analysis: AarObjective[] = r.objectives.map((obj) => {
    const reason = edits.ratingReasons[obj.id]?.trim() || null;
    const missingReason = obj.overridden && !reason;
    if (missingReason) problems.push(`The rating of “${obj.text}” was changed from ${obj.suggested} to ${obj.rating}: give the reason (Report tab, Ratings).`);
    return {
      id: obj.id,
      text: obj.text,
      capability: capabilityOf(obj.id),
      rating: obj.rating,
      ratingLabel: ratingLabel(obj.rating, 'en'),
      suggested: obj.suggested,
      overrideReason: obj.overridden ? reason : null,
      missingReason,
      strengths: findings.filter((f) => f.kind === 'strength' && f.objective === obj.id),
      improvements: findings.filter((f) => f.kind === 'improvement' && f.objective === obj.id),
    };
  });
  const loose = findings.filter((f) => f.kind !== 'partner-gap' && (f.objective === null || !r.objectives.some((x) => x.id === f.objective)));
  if (loose.length > 0) {
    analysis.push({
      id: null,
      text: 'Findings across objectives',
      capability: 'Operational coordination',
      rating: null,
      ratingLabel: null,
      suggested: null,
      overrideReason: null,
      missingReason: false,
      strengths: loose.filter((f) => f.kind === 'strength'),
      improvements: loose.filter((f) => f.kind === 'improvement'),
    });
  }

  const dates = o.startedAt ? calendarDate(o.startedAt) : calendarDate(r.generatedAt);
  const realDuration = o.realMinutes !== null ? duration(o.realMinutes) : 'not recorded';
  const strengthsN = findings.filter((f) => f.kind === 'strength').length;
  const improvementsN = findings.filter((f) => f.kind === 'improvement').length;
  const ratingsLine = analysis
    .filter((a) => a.rating)
    .map((a) => `${a.text}: ${a.ratingLabel}`)
    .join('; ');
  const generatedSummary =
    `${o.team || 'The team'} exercised its response to “${o.exercise}” on ${dates} (${realDuration} in the room), with ${o.participants.length} participant${o.participants.length === 1 ? '' : 's'}. ` +
    `The evaluation found ${strengthsN} strength${strengthsN === 1 ? '' : 's'} and ${improvementsN} area${improvementsN === 1 ? '' : 's'} for improvement` +
    `${gaps.length ? `, and ${findings.filter((f) => f.kind === 'partner-gap').length} gap${gaps.length === 1 ? '' : 's'} in what the IT partner could provide` : ''}. ` +
    (ratingsLine ? `Objectives: ${ratingsLine}.` : '');

  const plan: AarPlanRow[] = session.actions.map((a, i) => ({
    n: i + 1,
    objective: objectiveText(a.objective),
    capability: capabilityOf(a.objective),
    issue: a.issue,
    element: a.element,
    action: a.action,
    org: a.org,
    poc: a.owner,
    start: a.start,
    completion: a.due,
    status: a.status,
  }));
  if (plan.some((p) => !p.action.trim())) problems.push('An improvement plan line has no corrective action.');

  return {
    cover: { title: o.exercise, company: o.company, team: o.team, dates, handling: edits.handling },
    executiveSummary: edits.summary.trim() || generatedSummary,
    overview: {
      name: o.exercise,
      dates,
      duration: realDuration,
      scope: edits.scope || `A facilitated discussion-based tabletop exercise for ${o.team || 'the leadership team'} of ${o.company}.`,
      missionArea: edits.missionArea || 'Response',
      coreCapabilities: [...new Set(r.objectives.map((x) => capabilityOf(x.id)))],
      objectives: r.objectives.map((x) => x.text.replace(/\.$/, '')),
      threat: edits.threat || `${scenario.industry}: ${scenario.title}`,
      scenario: o.summary,
      sponsor: edits.sponsor || o.company,
      organisations: edits.organisations || `${o.company}; ${partner.name} (IT partner, played by the team)`,
      participants: o.participants.map((p) => `${p.name} (${p.roleLabel})`),
      poc: edits.poc || o.facilitator,
    },
    analysis,
    partnerGaps: findings.filter((f) => f.kind === 'partner-gap'),
    hotwash: { notes: edits.hotwash, observations: r.notes.filter((n) => n.kind === 'observation').map((n) => n.text) },
    plan,
    appendix: edits.appendix
      ? {
          seed: o.seed,
          partner: `${partner.name} (${TIER_LABELS[partner.tier]})`,
          gameTime: gameTime(o.gameMinutes),
          ending: o.ending ? `${o.ending.title} (${o.ending.outcome})` : 'not reached',
          scores: { communication: r.scores.communication, proactivity: r.scores.proactivity, businessImpact: r.scores.businessImpact, overall: r.scores.overall },
          verdict: `${verdictText(r.scores.verdict, 'en').label}: ${verdictText(r.scores.verdict, 'en').text}`,
          decisions: r.decisions.filter((d) => d.kept).map((d) => ({ when: gameTime(d.t), beat: d.beatTitle, choice: d.label, by: BY_WORDS[d.by] })),
        }
      : null,
    problems,
  };
}

/** Every finding the report generated, edits applied but removed and merged ones included: what the editor lists. */
export function editableFindings(aar: AarIp): AarFinding[] {
  return [...aar.analysis.flatMap((a) => [...a.strengths, ...a.improvements]), ...aar.partnerGaps];
}

function applyEdit(f: AarFinding, e: FindingEdit | undefined): AarFinding {
  if (!e) return f;
  const pick = (v: string | undefined, d: string): string => (v !== undefined && v.trim() !== '' ? v.trim() : d);
  const next = { ...f, title: pick(e.title, f.title), reference: pick(e.reference, f.reference), analysis: pick(e.analysis, f.analysis), rootCause: pick(e.rootCause, f.rootCause), merged: [] };
  return { ...next, edited: next.title !== f.title || next.reference !== f.reference || next.analysis !== f.analysis || next.rootCause !== f.rootCause };
}

/** The partner capabilities a condition needs and the partner lacks (none when it holds anyway). */
export function missingCapabilities(c: Condition, has: readonly string[]): string[] {
  if (c.capability !== undefined) return has.includes(c.capability) ? [] : [c.capability];
  if (c.all) return [...new Set(c.all.flatMap((x) => missingCapabilities(x, has)))];
  if (c.any) {
    const each = c.any.map((x) => missingCapabilities(x, has));
    return each.every((m) => m.length > 0) ? [...new Set(each.flat())] : [];
  }
  return [];
}

function capabilityWords(id: string): string {
  return id.replaceAll('-', ' ');
}

function normalise(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** A short stable id from text (FNV-1a), so an edit follows its finding across rebuilds. */
export function findingId(prefix: string, s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${prefix}:${h.toString(36)}`;
}

function ordinalMinute(t: number): string {
  return t === 0 ? 'first minute' : `${duration(t)} mark`;
}
