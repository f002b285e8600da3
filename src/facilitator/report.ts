import type { CompiledScenario } from '../engine/compile.ts';
import { summarise, type Rating, type ScoreReport, type ScoreSummary } from '../engine/scoring.ts';
import type { ChoiceSource, RunState } from '../engine/state.ts';
import { interpolate } from '../engine/text.ts';
import type { DimensionName, OutcomeName, PartnerTierName } from '../scenarios/schema.ts';
import { gameTime } from '../store/format.ts';
import { objectiveReasonText, ratingLabel, scoreReasonText } from '../i18n/engine-text.ts';
import type { Lang } from '../i18n/lang.ts';
import { roleName } from '../i18n/roles.ts';
import { reportWords, type ReportWords } from './report-words.ts';
import type { NoteKind, Session } from './session.ts';

// The after-action report and improvement plan, in the spirit of HSEEP: what the exercise was, how
// each objective went, what happened when, what went well, what to improve, and who does what by
// when. Built only from the scenario, the run's log and the session, so it is the same every time.
// It is written in one language, given when it is built; scenario text is the scenario's own.

export interface ReportNote {
  id: string;
  at: string;
  t: number;
  beat: string | null;
  beatTitle: string | null;
  objective: string | null;
  objectiveText: string | null;
  kind: NoteKind;
  kindLabel: string;
  text: string;
}

export interface ReportObjective {
  id: string;
  text: string;
  dimension: DimensionName;
  suggested: Rating;
  suggestedReason: string;
  rating: Rating;
  label: string;
  overridden: boolean;
  notes: ReportNote[];
}

export type TimelineKind = 'beat' | 'inject' | 'decision' | 'undone' | 'timer' | 'regulator' | 'note' | 'ending';

export interface TimelineItem {
  /** Game minutes. */
  t: number;
  /** Real time (ISO) when known. */
  at: string | null;
  kind: TimelineKind;
  text: string;
  detail: string | null;
}

export interface ReportDecision {
  n: number;
  t: number;
  beat: string;
  beatTitle: string;
  prompt: string;
  option: string;
  label: string;
  by: ChoiceSource;
  votes: { option: string; label: string; count: number }[];
  advised: string;
  followed: boolean;
  /** False for a choice the facilitator took back. */
  kept: boolean;
  /** Real time (ISO) it was taken back, when known. */
  undoneAt: string | null;
}

export interface Finding {
  text: string;
  objective: string | null;
  source: 'score' | 'note' | 'advice';
  t: number | null;
}

export interface ReportAction {
  id: string;
  issue: string;
  action: string;
  objective: string | null;
  objectiveText: string | null;
  owner: string;
  due: string;
}

export interface AfterActionReport {
  /** The language the report's own words are in. */
  lang: Lang;
  generatedAt: string;
  overview: {
    exercise: string;
    scenarioId: string;
    summary: string;
    industry: string;
    company: string;
    setting: string | null;
    team: string;
    facilitator: string;
    participants: { name: string; role: string; roleLabel: string }[];
    partner: { name: string; tier: PartnerTierName };
    seed: number;
    startedAt: string | null;
    endedAt: string | null;
    /** Real minutes from start to end, when both are known. */
    realMinutes: number | null;
    gameMinutes: number;
    ending: { title: string; outcome: OutcomeName } | null;
    facilitatorOverview: string | null;
  };
  objectives: ReportObjective[];
  timeline: TimelineItem[];
  decisions: ReportDecision[];
  strengths: Finding[];
  improvements: Finding[];
  actions: ReportAction[];
  notes: ReportNote[];
  scores: ScoreSummary;
}

/** Business-impact deductions smaller than this are not worth an improvement line of their own. */
const IMPACT_FINDING_MIN = 5;

export function buildReport(
  compiled: CompiledScenario,
  session: Session,
  state: RunState,
  score: ScoreReport,
  generatedAt: string,
  lang: Lang,
): AfterActionReport {
  const t = reportWords(lang);
  const { index } = compiled;
  const { scenario } = index;
  const text = (s: string): string => interpolate(s, state);
  const beatTitle = (id: string | null): string | null => (id ? (index.beats.get(id)?.title ?? id) : null);
  const optionLabel = (beat: string, option: string): string => {
    const o = index.options.get(beat)?.get(option);
    return o ? text(o.label) : option;
  };
  const objectiveText = (id: string | null): string | null => (id ? (scenario.objectives.find((o) => o.id === id)?.text ?? id) : null);
  const partner = index.partners.get(state.partnerId) ?? scenario.partners[0]!;

  const notes: ReportNote[] = [...session.notes]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((n) => ({
      ...n,
      beatTitle: beatTitle(n.beat),
      objectiveText: objectiveText(n.objective),
      kindLabel: t(`note.${n.kind}`),
    }));

  const objectives: ReportObjective[] = score.objectives.map((o) => {
    const override = session.ratings[o.id];
    const rating = override ?? o.rating;
    return {
      id: o.id,
      text: o.text,
      dimension: o.dimension,
      suggested: o.rating,
      suggestedReason: objectiveReasonText(o, lang),
      rating,
      label: ratingLabel(rating, lang),
      overridden: override !== undefined && override !== o.rating,
      notes: notes.filter((n) => n.objective === o.id),
    };
  });

  // Decisions: those the run kept, and those a facilitator took back.
  const decisions: ReportDecision[] = [];
  const decisionRow = (beat: string, option: string, t: number, by: ChoiceSource, votes: Record<string, number> | undefined, kept: boolean): ReportDecision => {
    const decision = index.beats.get(beat)?.decision;
    const advised = decision?.advice.option ?? '';
    return {
      n: 0,
      t,
      beat,
      beatTitle: beatTitle(beat) ?? beat,
      prompt: decision ? text(decision.prompt) : '',
      option,
      label: optionLabel(beat, option),
      by,
      votes: Object.entries(votes ?? {}).map(([id, count]) => ({ option: id, label: optionLabel(beat, id), count })),
      advised: advised ? optionLabel(beat, advised) : '',
      followed: advised === option,
      kept,
      undoneAt: null,
    };
  };
  for (const e of state.log) {
    if (e.type === 'decision.made') decisions.push(decisionRow(e.beat, e.option, e.t, e.by, e.votes, true));
  }
  // The journal logs each undo in the same order as the run's list of undone choices.
  const undoneAt = session.journal.filter((j) => j.kind === 'undone').map((j) => j.at);
  (session.run?.undone ?? []).forEach((u, i) => {
    if (!u.beat) return;
    const row =
      u.event.type === 'player.choose'
        ? decisionRow(u.beat, u.event.option, u.t, 'player', u.event.votes, false)
        : { ...decisionRow(u.beat, '', u.t, 'facilitator', undefined, false), label: t('skippedBeat') };
    decisions.push({ ...row, undoneAt: undoneAt[i] ?? null });
  });
  decisions.sort((a, b) => a.t - b.t || Number(a.kept) - Number(b.kept));
  decisions.forEach((d, i) => (d.n = i + 1));

  const timeline = buildTimeline(compiled, state, decisions, notes, beatTitle, lang);

  const strengths: Finding[] = [];
  const improvements: Finding[] = [];
  const seen = new Set<string>();
  const addFinding = (list: Finding[], f: Finding): void => {
    const key = `${list === strengths ? 's' : 'i'}:${f.text}`;
    if (seen.has(key)) return;
    seen.add(key);
    list.push(f);
  };
  for (const dim of [score.communication, score.proactivity, score.businessImpact]) {
    for (const item of dim.items) {
      const t = item.source.kind === 'option' ? item.source.t : item.source.kind === 'rule' ? item.source.t : null;
      const reason = scoreReasonText(item, lang);
      if (item.points > 0) addFinding(strengths, { text: reason, objective: item.objective, source: 'score', t });
      else if (item.points < 0 && (item.source.kind !== 'outcome' || -item.points >= IMPACT_FINDING_MIN)) {
        addFinding(improvements, { text: reason, objective: item.objective, source: 'score', t });
      }
    }
  }
  for (const d of decisions) {
    if (!d.kept || d.followed || !d.advised) continue;
    const why = index.beats.get(d.beat)?.decision?.advice.why;
    addFinding(improvements, {
      text: [t('advice.finding', { beat: d.beatTitle, label: d.label, advised: d.advised }), why ? text(why) : ''].filter(Boolean).join(' '),
      objective: null,
      source: 'advice',
      t: d.t,
    });
  }
  for (const n of notes) {
    if (n.kind === 'strength') addFinding(strengths, { text: n.text, objective: n.objective, source: 'note', t: n.t });
    if (n.kind === 'improvement') addFinding(improvements, { text: n.text, objective: n.objective, source: 'note', t: n.t });
  }

  // In the order they happened; findings about the final state (no time) come last.
  const byTime = (a: Finding, b: Finding): number => (a.t ?? Infinity) - (b.t ?? Infinity);
  strengths.sort(byTime);
  improvements.sort(byTime);

  const ending = state.ending ? index.beats.get(state.ending) : undefined;
  const endingEntry = state.log.find((e) => e.type === 'ending.reached');
  const startedAt = session.startedAt;
  const endedAt = session.endedAt;

  return {
    lang,
    generatedAt,
    overview: {
      exercise: scenario.title,
      scenarioId: scenario.id,
      summary: scenario.summary,
      industry: scenario.industry,
      company: scenario.company.name,
      setting: scenario.setting ?? null,
      team: session.team.name,
      facilitator: session.facilitator,
      participants: session.team.participants.map((p) => ({ name: p.name, role: p.role, roleLabel: roleName(p.role, lang).label })),
      partner: { name: partner.name, tier: partner.tier },
      seed: state.seed,
      startedAt,
      endedAt,
      realMinutes: startedAt && endedAt ? Math.max(0, Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 60000)) : null,
      gameMinutes: state.clock,
      ending: ending && endingEntry?.type === 'ending.reached' ? { title: ending.title, outcome: endingEntry.outcome } : null,
      facilitatorOverview: scenario.facilitator?.overview ?? null,
    },
    objectives,
    timeline,
    decisions,
    strengths,
    improvements,
    actions: session.actions.map((a) => ({ ...a, objectiveText: objectiveText(a.objective) })),
    notes,
    scores: summarise(score),
  };
}

function buildTimeline(
  compiled: CompiledScenario,
  state: RunState,
  decisions: ReportDecision[],
  notes: ReportNote[],
  beatTitle: (id: string | null) => string | null,
  lang: Lang,
): TimelineItem[] {
  const t: ReportWords = reportWords(lang);
  const { index } = compiled;
  const items: TimelineItem[] = [];
  const regulatorName = (id: string): string => index.scenario.regulators?.find((r) => r.id === id)?.name ?? id;
  const injectOf = (beat: string | null, id: string) =>
    (beat === null ? index.globalInjects : (index.beats.get(beat)?.injects ?? [])).find((i) => i.id === id);
  for (const e of state.log) {
    switch (e.type) {
      case 'beat.entered':
        items.push({ t: e.t, at: null, kind: 'beat', text: t('tl.beat', { title: beatTitle(e.beat) ?? e.beat }), detail: null });
        break;
      case 'inject.delivered': {
        const inject = injectOf(e.beat, e.inject);
        if (!inject) break;
        const audience = inject.audience?.length ? `${t('tl.audience', { roles: inject.audience.map((r) => roleName(r, lang).label).join(', ') })} ` : '';
        items.push({ t: e.t, at: null, kind: 'inject', text: t('tl.inject', { channel: t(`channel.${inject.channel}`), from: inject.from }), detail: `${audience}${interpolate(inject.text, state)}` });
        break;
      }
      case 'timer.extended':
        items.push({ t: e.t, at: null, kind: 'timer', text: t('tl.extended', { beat: beatTitle(e.beat) ?? e.beat, count: e.minutes }), detail: null });
        break;
      case 'timer.held':
        items.push({ t: e.t, at: null, kind: 'timer', text: t('tl.held', { beat: beatTitle(e.beat) ?? e.beat }), detail: null });
        break;
      case 'regulator.clock-started':
        items.push({ t: e.t, at: null, kind: 'regulator', text: t('tl.clockStarted', { regulator: regulatorName(e.regulator), deadline: gameTime(e.deadline) }), detail: null });
        break;
      case 'regulator.notified':
        items.push({ t: e.t, at: null, kind: 'regulator', text: t(`tl.notified.${e.when}`, { regulator: regulatorName(e.regulator) }), detail: null });
        break;
      case 'regulator.deadline-missed':
        items.push({ t: e.t, at: null, kind: 'regulator', text: t('tl.missed', { regulator: regulatorName(e.regulator) }), detail: null });
        break;
      case 'ending.reached':
        items.push({ t: e.t, at: null, kind: 'ending', text: t('tl.ending', { title: beatTitle(e.beat) ?? e.beat, outcome: t(`outcome.${e.outcome}`) }), detail: null });
        break;
      case 'run.started':
      case 'variable.drawn':
      case 'preparation.committed':
      case 'decision.made':
      case 'clock.advanced':
      case 'sentiment.changed':
      case 'service.changed':
        break;
      default: {
        const unreachable: never = e;
        throw new Error(`unknown log entry ${JSON.stringify(unreachable)}`);
      }
    }
  }
  for (const d of decisions) {
    const votes = d.votes.length ? `${t('tl.votes', { votes: d.votes.map((v) => t('tl.vote', { label: v.label, count: v.count })).join(', ') })} ` : '';
    if (d.kept) {
      items.push({
        t: d.t,
        at: null,
        kind: 'decision',
        text: t('tl.decision', { beat: d.beatTitle, label: d.label, by: t(`by.${d.by}`) }),
        detail: `${votes}${d.followed ? t('tl.followed') : d.advised ? t('tl.advised', { advised: d.advised }) : ''}`.trim() || null,
      });
    } else {
      items.push({
        t: d.t,
        at: d.undoneAt,
        kind: 'undone',
        text: t('tl.undone', { label: d.label, beat: d.beatTitle }),
        detail: `${votes}${t('tl.undoneDetail')}`,
      });
    }
  }
  for (const n of notes) {
    items.push({ t: n.t, at: n.at, kind: 'note', text: n.objectiveText ? t('tl.noteKind', { kind: n.kindLabel, objective: n.objectiveText }) : n.kindLabel, detail: n.text });
  }
  const order: Record<TimelineKind, number> = { beat: 0, inject: 1, timer: 2, regulator: 3, undone: 4, decision: 5, note: 6, ending: 7 };
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => a.item.t - b.item.t || order[a.item.kind] - order[b.item.kind] || a.i - b.i)
    .map(({ item }) => item);
}
