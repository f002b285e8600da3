import type { OutcomeName, PartnerTierName } from '../scenarios/schema.ts';
import type { CompiledScenario } from './compile.ts';
import { planOf, replayDecisions, type ChangedDecision, type ClosedAt, type PlayedDecision, type ReplayResult } from './replay-decisions.ts';
import { scoreRun } from './scoring.ts';
import { serviceUptime } from './service-uptime.ts';
import type { RunState } from './state.ts';

// The partner lesson: the player's own decisions replayed with each of the scenario's IT partners,
// and the moments the run's partner kept a better option out of reach. Pure functions of a run.

export interface RunFigures {
  scores: { communication: number; proactivity: number; businessImpact: number; overall: number };
  revenueLost: number;
  downtimeMinutes: number;
  customersAffected: number;
  staffHoursLost: number;
  /** Game minutes from the start to the ending (or to where the run stopped). */
  endedAt: number;
  ending: { beat: string; title: string; outcome: OutcomeName } | null;
}

export interface PartnerOutcome extends RunFigures {
  partner: { id: string; name: string; tier: PartnerTierName };
  /** True for the partner the run was played with: its figures are the run's own. */
  own: boolean;
  /** Decisions this partner's replay answered differently, and why. */
  changed: ChangedDecision[];
  complete: boolean;
}

/** The lesson's numbers; the edge words them in its language (lessonText in src/i18n/engine-text.ts). */
export interface PartnerLesson {
  partner: { id: string; name: string; tier: PartnerTierName };
  /** Positive: the other partner's run ended this many minutes sooner. */
  minutesSooner: number;
  /** Positive: the other partner's run lost this much less revenue. */
  revenueLess: number;
  downtimeLess: number;
  staffHoursLess: number;
  overallGain: number;
}

export interface ClosedOption {
  /** 1-based decision number in the run. */
  n: number;
  t: number;
  beat: string;
  beatTitle: string;
  option: { id: string; label: string };
  chosen: { id: string; label: string } | null;
  /** True when this was what a strategic partner advised at this decision. */
  advised: boolean;
  /** Capabilities the run's partner lacked, with the scenario's partners that have them. */
  needs: { capability: string; partners: string[] }[];
  unavailable: string | null;
  /** What taking it would have changed, replayed with a partner that has the capabilities; null when none has. */
  worth: { partner: string; revenueLess: number; downtimeLess: number; overallGain: number } | null;
}

export interface PartnerComparison {
  partners: PartnerOutcome[];
  lesson: PartnerLesson | null;
  /** The better options the run's partner kept out of reach, valued. */
  closed: ClosedOption[];
  /** Every option that was not open in the run, by decision; `needs` names the partner's part in it. */
  outOfReach: ClosedAt[];
}

export function figuresOf(compiled: CompiledScenario, state: RunState): RunFigures {
  const { index } = compiled;
  const report = scoreRun(index, state.log);
  const endBeat = state.ending === null ? undefined : index.beats.get(state.ending);
  return {
    scores: {
      communication: report.communication.score,
      proactivity: report.proactivity.score,
      businessImpact: report.businessImpact.score,
      overall: report.overall,
    },
    revenueLost: state.metrics.revenueLost,
    downtimeMinutes: state.metrics.downtimeMinutes,
    customersAffected: state.metrics.customersAffected,
    staffHoursLost: serviceUptime(index, state.log, state.clock).staffHoursLost,
    endedAt: state.clock,
    ending: endBeat?.ending ? { beat: endBeat.id, title: endBeat.title, outcome: endBeat.ending.outcome } : null,
  };
}

const TIER_RANK: Record<PartnerTierName, number> = { 'break-fix': 0, managed: 1, strategic: 2 };

export function comparePartners(compiled: CompiledScenario, state: RunState): PartnerComparison {
  const { index } = compiled;
  const plan = planOf(state);
  const replays = new Map<string, ReplayResult>();
  const replay = (partner: string, decisions: readonly PlayedDecision[] = plan.decisions): ReplayResult =>
    replayDecisions(compiled, { ...plan, partner, decisions });
  const partners = index.scenario.partners.map((p): PartnerOutcome => {
    const partner = { id: p.id, name: p.name, tier: p.tier };
    if (p.id === state.partnerId) return { partner, own: true, changed: [], complete: state.phase === 'ended', ...figuresOf(compiled, state) };
    const r = replay(p.id);
    replays.set(p.id, r);
    return { partner, own: false, changed: r.changed, complete: r.complete, ...figuresOf(compiled, r.state) };
  });
  const own = partners.find((p) => p.own)!;
  const other = lessonPartner(partners, own);
  const lesson = other
    ? {
        partner: other.partner,
        minutesSooner: own.endedAt - other.endedAt,
        revenueLess: round2(own.revenueLost - other.revenueLost),
        downtimeLess: own.downtimeMinutes - other.downtimeMinutes,
        staffHoursLess: own.staffHoursLost - other.staffHoursLost,
        overallGain: other.scores.overall - own.scores.overall,
      }
    : null;
  const ownReplay = replay(state.partnerId);
  return { partners, lesson, closed: closedOptions(compiled, state, ownReplay, replay, replays), outOfReach: ownReplay.closed };
}

/** A weaker partner's run is measured against the strongest; the strongest against the weakest. */
function lessonPartner(partners: PartnerOutcome[], own: PartnerOutcome): PartnerOutcome | undefined {
  const others = partners.filter((p) => !p.own);
  const byStrength = [...others].sort((a, b) => TIER_RANK[b.partner.tier] - TIER_RANK[a.partner.tier] || b.scores.overall - a.scores.overall);
  const strongest = byStrength[0];
  if (!strongest) return undefined;
  return TIER_RANK[strongest.partner.tier] > TIER_RANK[own.partner.tier] ? strongest : byStrength.at(-1);
}

/**
 * The options the run's own partner kept closed, found by replaying its decisions (which gives the
 * state at each decision). Each is valued by replaying the same run, with a partner that has the
 * capabilities, once with the player's answer and once with the closed option.
 */
function closedOptions(
  compiled: CompiledScenario,
  state: RunState,
  own: ReplayResult,
  replay: (partner: string, decisions?: readonly PlayedDecision[]) => ReplayResult,
  replays: Map<string, ReplayResult>,
): ClosedOption[] {
  const { index } = compiled;
  const plan = planOf(state);
  const out: ClosedOption[] = [];
  for (const c of own.closed) {
    if (c.needs.length === 0) continue;
    const beat = index.beats.get(c.beat);
    const decision = beat?.decision;
    const option = index.options.get(c.beat)?.get(c.option);
    if (!beat || !decision || !option) continue;
    const answered = own.applied.find((a) => a.n === c.n);
    const chosen = answered ? index.options.get(c.beat)?.get(answered.option) : undefined;
    const holders = (cap: string): string[] => index.scenario.partners.filter((p) => p.capabilities.includes(cap)).map((p) => p.id);
    const capable = [...index.scenario.partners]
      .sort((a, b) => TIER_RANK[b.tier] - TIER_RANK[a.tier])
      .find((p) => c.needs.every((cap) => p.capabilities.includes(cap)));
    let worth: ClosedOption['worth'] = null;
    // The player's own answer at this decision: the k-th visit to this beat.
    const visit = own.applied.filter((a) => a.beat === c.beat && a.n <= c.n).length;
    const at = nthIndex(plan.decisions, (d) => d.beat === c.beat, visit);
    if (capable && at >= 0) {
      const base = replays.get(capable.id) ?? replay(capable.id);
      replays.set(capable.id, base);
      const decisions = plan.decisions.map((d, i) => (i === at ? { ...d, option: c.option, by: 'player' as const } : d));
      const taken = replay(capable.id, decisions);
      const a = figuresOf(compiled, base.state);
      const b = figuresOf(compiled, taken.state);
      worth = {
        partner: capable.id,
        revenueLess: round2(a.revenueLost - b.revenueLost),
        downtimeLess: a.downtimeMinutes - b.downtimeMinutes,
        overallGain: b.scores.overall - a.scores.overall,
      };
    }
    const advised = decision.advice.option === option.id;
    // Only a better option is a lesson: the advice, or one that would have paid off.
    if (!advised && !(worth && (worth.overallGain > 0 || worth.revenueLess > 0))) continue;
    out.push({
      n: c.n,
      t: c.t,
      beat: beat.id,
      beatTitle: beat.title,
      option: { id: option.id, label: option.label },
      chosen: chosen ? { id: chosen.id, label: chosen.label } : null,
      advised,
      needs: c.needs.map((capability) => ({ capability, partners: holders(capability) })),
      unavailable: option.unavailable ?? null,
      worth,
    });
  }
  return out;
}

function nthIndex<T>(list: readonly T[], match: (x: T) => boolean, nth: number): number {
  let seen = 0;
  for (let i = 0; i < list.length; i++) if (match(list[i]!) && ++seen === nth) return i;
  return -1;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
