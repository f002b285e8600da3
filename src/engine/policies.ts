import type { Decision, Option } from '../scenarios/schema.ts';
import type { CompiledScenario } from './compile.ts';
import type { RunEvent } from './machine.ts';
import { canChoose, decisionDeadline, initialState } from './rules.ts';
import { scoreRun, type ScoreReport } from './scoring.ts';
import { mean, round1 } from './stats.ts';
import type { LogEntry, RunState } from './state.ts';
import { isEnded, stepState } from './step.ts';
import { MAX_DEPTH } from './explore.ts';

// Simple strategies a careless or mechanical player might follow. If one of them scores
// well, the scenario rewards a habit rather than judgement (issue 4's balance rules).

/** What a policy does at a pending decision: pick an option, or let the clock decide. */
export type PolicyMove = { option: string } | { wait: true };

export interface PolicyChoiceContext {
  decision: Decision;
  /** Options the player may pick now, with their 1-based position. */
  available: { option: Option; key: number }[];
  state: RunState;
  timed: boolean;
}

export interface Policy {
  name: string;
  /** Simple policies must not score above the threshold; the advice policy is the yardstick. */
  simple: boolean;
  choose(ctx: PolicyChoiceContext): PolicyMove | null;
}

/** Option `n` (1-based); when it is missing or unavailable, the last available option before it, else the first. */
function optionNumber(n: number, ctx: PolicyChoiceContext): PolicyMove | null {
  const atOrBefore = ctx.available.filter((a) => a.key <= n);
  const pick = atOrBefore[atOrBefore.length - 1] ?? ctx.available[0];
  return pick ? { option: pick.option.id } : null;
}

function lowest(ctx: PolicyChoiceContext, ...measures: ((o: Option) => number)[]): PolicyMove | null {
  const sorted = [...ctx.available].sort((a, b) => {
    for (const m of measures) {
      const d = m(a.option) - m(b.option);
      if (d !== 0) return d;
    }
    return a.key - b.key;
  });
  return sorted[0] ? { option: sorted[0].option.id } : null;
}

const cost = (o: Option): number => o.cost ?? 0;
const minutes = (o: Option): number => o.minutes ?? 0;

export const POLICIES: readonly Policy[] = [
  ...[1, 2, 3, 4, 5].map((n) => ({ name: `always option ${n}`, simple: true, choose: (ctx: PolicyChoiceContext) => optionNumber(n, ctx) })),
  { name: 'always the cheapest', simple: true, choose: (ctx) => lowest(ctx, cost, minutes) },
  { name: 'always the fastest', simple: true, choose: (ctx) => lowest(ctx, minutes, cost) },
  {
    name: 'always wait for the default',
    simple: true,
    choose: (ctx) => (ctx.timed && ctx.decision.default !== undefined ? { wait: true } : optionNumber(1, ctx)),
  },
  {
    name: "the strategic partner's advice",
    simple: false,
    choose: (ctx) => {
      const advised = ctx.available.find((a) => a.option.id === ctx.decision.advice.option);
      return advised ? { option: advised.option.id } : optionNumber(1, ctx);
    },
  },
];

export const ADVICE_POLICY = "the strategic partner's advice";

/**
 * The preparation every policy buys: the scenario's `advised` list when it states one (the loader
 * checks it fits the budget), else measures in listed order, skipping any that no longer fit
 * the budget left and going on with the next (a later, cheaper one may still fit).
 */
export function greedyPreparation(compiled: CompiledScenario): string[] {
  const { budget, measures, advised } = compiled.index.scenario.preparation;
  if (advised) return [...advised];
  const bought: string[] = [];
  let left = budget;
  for (const m of measures) {
    if (m.cost <= left) {
      bought.push(m.id);
      left -= m.cost;
    }
  }
  return bought;
}

export interface PolicyRun {
  ended: boolean;
  ending: string | null;
  report: ScoreReport;
  inputs: RunEvent[];
  /** The run's whole log (the checker reads when each beat was reached). */
  log: LogEntry[];
}

export interface PlayPolicyOptions {
  seed: number;
  partner: string;
  prep?: string[];
  /** Game minutes of hesitation before each choice, so timed injects can arrive. */
  hesitation?: number;
  /** Inputs after which the run is cut off and scored as it stands. */
  maxSteps?: number;
}

/** A run answers each decision with at most two inputs (hesitate, choose); the explorer cuts paths at MAX_DEPTH decisions. */
export const MAX_POLICY_STEPS = 2 * MAX_DEPTH + 2;

/**
 * Plays one run with a policy. A run that gets stuck, or takes more than `maxSteps` inputs,
 * is scored as it stands (provisional). The run is stepped with an empty log and each step's
 * entries are appended here, so a long run costs steps, not steps times its log.
 */
export function playPolicy(compiled: CompiledScenario, policy: Policy, options: PlayPolicyOptions): PolicyRun {
  const { index } = compiled;
  const hesitation = options.hesitation ?? 2;
  const maxSteps = options.maxSteps ?? MAX_POLICY_STEPS;
  const inputs: RunEvent[] = [];
  let s = initialState(index, { seed: options.seed, partner: options.partner });
  const log: LogEntry[] = s.log;
  let made = 0;
  const send = (event: RunEvent): void => {
    inputs.push(event);
    s = stepState(index, { ...s, log: [] }, event);
    for (const entry of s.log) {
      log.push(entry);
      if (entry.type === 'decision.made') made++;
    }
  };
  send({ type: 'prep.commit', measures: options.prep ?? greedyPreparation(compiled) });

  // Decisions are told apart by how many were made before them (a beat can come back).
  let hesitatedAt = -1;
  for (let step = 0; step < maxSteps && !isEnded(s); step++) {
    const decision = s.beat === null ? undefined : index.beats.get(s.beat)?.decision;
    if (!decision || s.posedAt === null) break;
    if (hesitation > 0 && made !== hesitatedAt) {
      // Hesitate before answering; the clock may decide for us meanwhile.
      hesitatedAt = made;
      send({ type: 'clock.tick', minutes: hesitation });
      continue;
    }
    const available = decision.options.flatMap((option, i) => (canChoose(index, s, option.id) ? [{ option, key: i + 1 }] : []));
    const deadline = decisionDeadline(index, s);
    const timed = deadline !== null && decision.default !== undefined;
    const move = policy.choose({ decision, available, state: s, timed });
    if (move && 'option' in move) send({ type: 'player.choose', option: move.option });
    else if (timed) send({ type: 'clock.tick', minutes: Math.max(1, deadline - s.clock) });
    else break;
  }
  return { ended: isEnded(s), ending: s.ending, report: scoreRun(index, log), inputs, log };
}

export interface PolicyResult {
  name: string;
  simple: boolean;
  /** Mean overall score of the best partner for this policy. */
  overall: number;
  partner: string;
  /** Mean overall per partner, in the scenario's order. */
  byPartner: { partner: string; overall: number; unfinished: number }[];
}

export interface PolicyOptions {
  seeds?: readonly number[];
  hesitation?: number;
  /** Stops starting runs after this many milliseconds of `now`; without `now` there is no time limit. */
  maxMs?: number;
  now?: () => number;
}

export interface PolicyEvaluation {
  results: PolicyResult[];
  /** Runs played, out of `planned`; fewer when the time limit stopped them. */
  runs: number;
  planned: number;
  ms: number;
}

export const POLICY_SEEDS: readonly number[] = Array.from({ length: 20 }, (_, i) => i + 1);

export function evaluatePolicies(compiled: CompiledScenario, options: PolicyOptions = {}): PolicyResult[] {
  return evaluatePoliciesWithin(compiled, options).results;
}

/** Every policy with every partner over the seeds, until the time limit; a policy cut short is left out. */
export function evaluatePoliciesWithin(compiled: CompiledScenario, options: PolicyOptions = {}): PolicyEvaluation {
  const seeds = options.seeds ?? POLICY_SEEDS;
  const prep = greedyPreparation(compiled);
  const partners = compiled.index.scenario.partners;
  const started = options.now?.() ?? 0;
  const outOfTime = (): boolean => options.now !== undefined && options.maxMs !== undefined && options.now() - started > options.maxMs;
  const results: PolicyResult[] = [];
  let runs = 0;
  for (const policy of POLICIES) {
    const byPartner: PolicyResult['byPartner'] = [];
    for (const p of partners) {
      const played: PolicyRun[] = [];
      for (const seed of seeds) {
        if (outOfTime()) break;
        played.push(playPolicy(compiled, policy, { seed, partner: p.id, prep, ...(options.hesitation === undefined ? {} : { hesitation: options.hesitation }) }));
      }
      runs += played.length;
      if (played.length < seeds.length) break;
      byPartner.push({ partner: p.id, overall: mean(played.map((r) => r.report.overall)), unfinished: played.filter((r) => !r.ended).length });
    }
    if (byPartner.length < partners.length) break;
    const best = byPartner.reduce((a, b) => (b.overall > a.overall ? b : a));
    results.push({ name: policy.name, simple: policy.simple, overall: round1(best.overall), partner: best.partner, byPartner });
  }
  return { results, runs, planned: POLICIES.length * partners.length * seeds.length, ms: (options.now?.() ?? 0) - started };
}
