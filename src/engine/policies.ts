import type { Decision, Option } from '../scenarios/schema.ts';
import type { CompiledScenario } from './compile.ts';
import type { RunEvent } from './machine.ts';
import { canChoose, decisionDeadline } from './rules.ts';
import { startSnapshot, stepSnapshot } from './runtime.ts';
import { scoreRun, type ScoreReport } from './scoring.ts';
import { mean, round1 } from './stats.ts';
import type { RunState } from './state.ts';

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
}

export interface PlayPolicyOptions {
  seed: number;
  partner: string;
  prep?: string[];
  /** Game minutes of hesitation before each choice, so timed injects can arrive. */
  hesitation?: number;
}

const MAX_STEPS = 10_000;

/** Plays one run with a policy. A run that gets stuck is scored as it stands (provisional). */
export function playPolicy(compiled: CompiledScenario, policy: Policy, options: PlayPolicyOptions): PolicyRun {
  const { index } = compiled;
  const hesitation = options.hesitation ?? 2;
  const inputs: RunEvent[] = [];
  let snapshot = startSnapshot(compiled, { seed: options.seed, partner: options.partner });
  const send = (event: RunEvent): void => {
    inputs.push(event);
    snapshot = stepSnapshot(compiled, snapshot, event);
  };
  send({ type: 'prep.commit', measures: options.prep ?? greedyPreparation(compiled) });

  // Decisions are told apart by how many were made before them (a beat can come back).
  let hesitatedAt = -1;
  for (let step = 0; step < MAX_STEPS && snapshot.status !== 'done'; step++) {
    const s = snapshot.context;
    const decision = s.beat === null ? undefined : index.beats.get(s.beat)?.decision;
    if (!decision || s.posedAt === null) break;
    const made = s.log.reduce((n, e) => (e.type === 'decision.made' ? n + 1 : n), 0);
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
  const state = snapshot.context;
  return { ended: snapshot.status === 'done', ending: state.ending, report: scoreRun(index, state.log), inputs };
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
}

export const POLICY_SEEDS: readonly number[] = Array.from({ length: 20 }, (_, i) => i + 1);

export function evaluatePolicies(compiled: CompiledScenario, options: PolicyOptions = {}): PolicyResult[] {
  const seeds = options.seeds ?? POLICY_SEEDS;
  const prep = greedyPreparation(compiled);
  return POLICIES.map((policy) => {
    const byPartner = compiled.index.scenario.partners.map((p) => {
      const runs = seeds.map((seed) =>
        playPolicy(compiled, policy, { seed, partner: p.id, prep, ...(options.hesitation === undefined ? {} : { hesitation: options.hesitation }) }),
      );
      return {
        partner: p.id,
        overall: mean(runs.map((r) => r.report.overall)),
        unfinished: runs.filter((r) => !r.ended).length,
      };
    });
    const best = byPartner.reduce((a, b) => (b.overall > a.overall ? b : a));
    return { name: policy.name, simple: policy.simple, overall: round1(best.overall), partner: best.partner, byPartner };
  });
}
