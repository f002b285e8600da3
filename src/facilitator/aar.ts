import type { CompiledScenario } from '../engine/compile.ts';
import type { Rating, ScoreReport } from '../engine/scoring.ts';
import type { RunState } from '../engine/state.ts';
import { interpolate } from '../engine/text.ts';
import type { Condition } from '../scenarios/schema.ts';
import { ratingLabel, scoreReasonText, verdictLabel, verdictText } from '../i18n/engine-text.ts';
import { formats } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { tierLabel } from '../i18n/vocabulary.ts';
import { duration, gameTime } from '../store/format.ts';
import { calendarDate, clockTime } from './report-files.ts';
import { buildReport, type AfterActionReport } from './report.ts';
import { reportWords } from './report-words.ts';
import type { ReportTextField } from './exercise.ts';
import { DEFAULT_REPORT_EDITS, type ActionStatus, type CapabilityElement, type FindingEdit, type ReportEdits, type Session } from './session.ts';

// The After-Action Report / Improvement Plan as HSEEP lays it out, for a client: a cover with the
// handling marking, an executive summary, the exercise overview, the analysis per objective and
// core capability with strengths and areas for improvement (each with reference, analysis and root
// cause), the hotwash notes and the improvement plan. It speaks in real time and plain words; the
// game's artefacts (seed, game clock, scores, verdict) go to an appendix only when asked for.
// Every generated finding has a stable id so the facilitator's edits, merges and removals stick:
// it is made from the English wording, so a report rebuilt in another language keeps the edits.

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
export function overviewFacts(a: AarIp): [label: string, value: string][] {
  const t = reportWords(a.lang);
  const ov = a.overview;
  return [
    [t('ov.name'), ov.name],
    [t('ov.dates'), t('ov.datesValue', { dates: ov.dates, duration: ov.duration })],
    [t('ov.scope'), ov.scope],
    [t('ov.missionArea'), ov.missionArea],
    [t('ov.coreCapabilities'), ov.coreCapabilities.join('; ')],
    [t('ov.objectives'), ov.objectives.join('; ')],
    [t('ov.threat'), ov.threat],
    [t('ov.scenario'), ov.scenario],
    [t('ov.sponsor'), ov.sponsor],
    [t('ov.organisations'), ov.organisations],
    [t('ov.participants'), ov.participants.join('; ') || t('notRecorded')],
    [t('ov.poc'), ov.poc || t('notGiven')],
  ];
}

export interface AarIp {
  /** The language of the report's own words; every format renders it in this language. */
  lang: Lang;
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

/** A strength that reads as a criticism is not a strength: these openings give it away. */
const CRITICISM = /^(no |not |never |failed|missed|didn['’]t|did not|without |waited|too late|nobody|none )/i;

export function buildAar(compiled: CompiledScenario, session: Session, state: RunState, score: ScoreReport, generatedAt: string, lang: Lang): AarIp {
  const base = buildReport(compiled, session, state, score, generatedAt, lang);
  return aarFromReport(compiled, session, state, score, base);
}

export function aarFromReport(compiled: CompiledScenario, session: Session, state: RunState, score: ScoreReport, r: AfterActionReport): AarIp {
  const { lang } = r;
  const w = reportWords(lang);
  const list = (items: string[]): string => formats(lang).list(items);
  // English names a tier in lower case mid-sentence; German nouns keep their capital.
  const tierWord = (tier: Parameters<typeof tierLabel>[0]): string => (lang === 'en' ? tierLabel(tier, lang).toLowerCase() : tierLabel(tier, lang));
  const { index } = compiled;
  const { scenario } = index;
  const edits = session.report;
  const text = (s: string): string => interpolate(s, state);
  const o = r.overview;
  const partner = index.partners.get(state.partnerId) ?? scenario.partners[0]!;
  const objectiveText = (id: string | null): string => (id ? (scenario.objectives.find((x) => x.id === id)?.text ?? id) : w('general'));
  // The core capability each scoring dimension exercises; coordination for what no objective names.
  const capabilityOf = (id: string | null): string => w(`cap.${(id ? scenario.objectives.find((x) => x.id === id)?.dimension : undefined) ?? 'proactivity'}`);
  const when = (t: number | null): string => (t === null ? w('when.end') : t === 0 ? w('when.first') : w('when.mark', { duration: duration(t) }));

  // Which decisions the team did not make itself: a skip or a timeout is never to its credit.
  const notTheTeams = new Set(r.decisions.filter((d) => d.kept && d.by !== 'player').map((d) => d.beat));
  const raw: AarFinding[] = [];
  const seen = new Map<string, AarFinding>();
  const add = (f: Omit<AarFinding, 'merged' | 'edited'>, sameness = f.title): void => {
    const key = `${f.kind}:${normalise(sameness)}`;
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
      const reference = beat ? w('ref.decision', { beat: index.beats.get(beat)?.title ?? beat, when: when(t) }) : src.kind === 'measure' ? w('ref.preparation') : w('ref.observed', { when: when(t) });
      // Ids and the criticism test read the English wording, the same whatever language the report is in.
      const english = scoreReasonText(item, 'en');
      const reason = scoreReasonText(item, lang);
      if (item.points > 0) {
        if (beat && notTheTeams.has(beat)) continue;
        if (CRITICISM.test(english.trim())) continue;
        add({ id: findingId('s', english), kind: 'strength', objective: item.objective, title: reason, reference, analysis: reason, rootCause: '' }, english);
      } else if (item.points < 0 && (src.kind !== 'outcome' || -item.points >= 5)) {
        add({ id: findingId('i', english), kind: 'improvement', objective: item.objective, title: reason, reference, analysis: reason, rootCause: '' }, english);
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
        title: w('gap.title', { partner: partner.name, option: text(option.label) }),
        reference: w('ref.decision', { beat: d.beatTitle, when: when(d.t) }),
        analysis: [
          w('gap.analysis', { needs: list(missing.map(capabilityWords)), partner: partner.name, tier: tierWord(partner.tier), label: d.label }),
          advised && decision.advice.why ? w('gap.cost', { why: text(decision.advice.why) }) : '',
        ]
          .filter(Boolean)
          .join(' '),
        rootCause: w('gap.rootCause', { missing: missing.map((c) => w('gap.without', { capability: capabilityWords(c) })).join(', ') }),
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
      title: w('advice.title', { beat: d.beatTitle, label: d.label, advised: d.advised }),
      reference: w('ref.decision', { beat: d.beatTitle, when: when(d.t) }),
      analysis: decision.advice.why ? text(decision.advice.why) : w('advice.analysis', { advised: d.advised }),
      rootCause: '',
    });
  }
  for (const n of r.notes) {
    if (n.kind === 'observation') continue;
    const kind = n.kind === 'strength' ? 'strength' : 'improvement';
    add({ id: `note:${n.id}`, kind, objective: n.objective, title: n.text, reference: n.beatTitle ? w('ref.noteDuring', { time: clockTime(n.at, lang), beat: n.beatTitle }) : w('ref.note', { time: clockTime(n.at, lang) }), analysis: n.text, rootCause: '' });
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
    if (missingReason) problems.push(w('problem.override', { objective: obj.text, from: obj.suggested, to: obj.rating }));
    return {
      id: obj.id,
      text: obj.text,
      capability: capabilityOf(obj.id),
      rating: obj.rating,
      ratingLabel: ratingLabel(obj.rating, lang),
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
      text: w('across'),
      capability: w('cap.proactivity'),
      rating: null,
      ratingLabel: null,
      suggested: null,
      overrideReason: null,
      missingReason: false,
      strengths: loose.filter((f) => f.kind === 'strength'),
      improvements: loose.filter((f) => f.kind === 'improvement'),
    });
  }

  const dates = calendarDate(o.startedAt ?? r.generatedAt, lang);
  const realDuration = o.realMinutes !== null ? duration(o.realMinutes) : w('notRecorded');
  const strengths = w('summary.strengths', { count: findings.filter((x) => x.kind === 'strength').length });
  const improvements = w('summary.improvements', { count: findings.filter((x) => x.kind === 'improvement').length });
  const gapsN = findings.filter((x) => x.kind === 'partner-gap').length;
  const ratingsLine = analysis
    .filter((a) => a.rating)
    // An objective written as a sentence ends in a full stop; inside ours it would read "backups.: Performed".
    .map((a) => w('summary.rating', { objective: withoutFullStop(a.text), rating: a.ratingLabel ?? '' }))
    .join('; ');
  const generatedSummary = [
    w('summary.exercised', { team: o.team || w('summary.theTeam'), exercise: o.exercise, dates, duration: realDuration, participants: w('summary.participants', { count: o.participants.length }) }),
    gapsN ? w('summary.foundWithGaps', { strengths, improvements, gaps: w('summary.gaps', { count: gapsN }) }) : w('summary.found', { strengths, improvements }),
    ratingsLine ? w('summary.objectives', { ratings: ratingsLine }) : '',
  ]
    .filter(Boolean)
    .join(' ');

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
  if (plan.some((p) => !p.action.trim())) problems.push(w('problem.noAction'));

  return {
    lang,
    cover: { title: o.exercise, company: o.company, team: o.team, dates, handling: reportText(edits, 'handling', lang) },
    executiveSummary: edits.summary.trim() || generatedSummary,
    overview: {
      name: o.exercise,
      dates,
      duration: realDuration,
      scope: edits.scope || w('default.scope', { team: o.team || w('default.leadership'), company: o.company }),
      missionArea: reportText(edits, 'missionArea', lang) || w('default.missionArea'),
      coreCapabilities: [...new Set(r.objectives.map((x) => capabilityOf(x.id)))],
      objectives: r.objectives.map((x) => x.text.replace(/\.$/, '')),
      threat: edits.threat || `${scenario.industry}: ${scenario.title}`,
      scenario: o.summary,
      sponsor: edits.sponsor || o.company,
      organisations: edits.organisations || w('default.organisations', { company: o.company, partner: partner.name }),
      participants: o.participants.map((p) => w('ov.participant', { name: p.name, role: p.roleLabel })),
      poc: edits.poc || o.facilitator,
    },
    analysis,
    partnerGaps: findings.filter((f) => f.kind === 'partner-gap'),
    hotwash: { notes: edits.hotwash, observations: r.notes.filter((n) => n.kind === 'observation').map((n) => n.text) },
    plan,
    appendix: edits.appendix
      ? {
          seed: o.seed,
          partner: w('ax.partnerValue', { partner: partner.name, tier: tierLabel(partner.tier, lang) }),
          gameTime: gameTime(o.gameMinutes),
          ending: o.ending ? w('ax.endingValue', { title: o.ending.title, outcome: w(`outcome.${o.ending.outcome}`) }) : w('ax.notReached'),
          scores: { communication: r.scores.communication, proactivity: r.scores.proactivity, businessImpact: r.scores.businessImpact, overall: r.scores.overall },
          verdict: w('ax.verdictValue', { label: verdictLabel(r.scores.verdict, lang), text: verdictText(r.scores.verdict, lang).text }),
          decisions: r.decisions.filter((d) => d.kept).map((d) => ({ when: gameTime(d.t), beat: d.beatTitle, choice: d.label, by: w(`ax.by.${d.by}`) })),
        }
      : null,
    problems,
  };
}

/**
 * A text field of the report as the facilitator left it. A new session starts with English
 * defaults for the marking and the mission area; left untouched, they read in the report's language.
 */
export function reportText(edits: ReportEdits, field: ReportTextField, lang: Lang): string {
  const value = edits[field];
  if (value !== DEFAULT_REPORT_EDITS[field]) return value;
  const w = reportWords(lang);
  return field === 'handling' ? w('default.handling') : field === 'missionArea' ? w('default.missionArea') : value;
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

function withoutFullStop(text: string): string {
  return text.trim().replace(/[.。]+$/u, '');
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
