import type { CompiledScenario } from './compile.ts';
import { figuresOf } from './partner-comparison.ts';
import { planOf, replayDecisions } from './replay-decisions.ts';
import { preparationCost } from './rules.ts';
import type { RunState } from './state.ts';

// What the preparation was worth: the same decisions replayed from the same seed without the
// measures bought (and without each one alone), against what they cost. Pure.

export interface MeasureReturn {
  id: string;
  name: string;
  cost: number;
  /** Revenue lost without this one measure minus revenue lost with all of them. */
  lossAvoided: number;
}

export interface PreparationRoi {
  /** Revenue the measures kept from being lost: without them minus with them. */
  lossAvoided: number;
  /** What the measures cost. */
  spent: number;
  budget: number;
  downtimeAvoided: number;
  staffHoursAvoided: number;
  overallGain: number;
  /** The response's own spend (options taken, scaled by the partner's cost factor). */
  responseSpend: number;
  measures: MeasureReturn[];
  /** False when a replay without the measures could not finish: the figures then compare unlike runs. */
  complete: boolean;
}

export function preparationRoi(compiled: CompiledScenario, state: RunState): PreparationRoi {
  const { index } = compiled;
  const plan = planOf(state);
  const withThem = figuresOf(compiled, state);
  const without = (prep: readonly string[]) => replayDecisions(compiled, { ...plan, prep });
  const none = without([]);
  const bare = figuresOf(compiled, none.state);
  const round2 = (x: number): number => Math.round(x * 100) / 100;
  return {
    lossAvoided: round2(bare.revenueLost - withThem.revenueLost),
    spent: preparationCost(index, state.measures),
    budget: index.scenario.preparation.budget,
    downtimeAvoided: bare.downtimeMinutes - withThem.downtimeMinutes,
    staffHoursAvoided: bare.staffHoursLost - withThem.staffHoursLost,
    overallGain: withThem.scores.overall - bare.scores.overall,
    responseSpend: state.metrics.spend,
    measures:
      state.measures.length < 2
        ? state.measures.map((id) => ({ id, name: index.measures.get(id)?.name ?? id, cost: index.measures.get(id)?.cost ?? 0, lossAvoided: round2(bare.revenueLost - withThem.revenueLost) }))
        : state.measures.map((id) => {
            const m = index.measures.get(id);
            const lacking = figuresOf(compiled, without(state.measures.filter((x) => x !== id)).state);
            return { id, name: m?.name ?? id, cost: m?.cost ?? 0, lossAvoided: round2(lacking.revenueLost - withThem.revenueLost) };
          }),
    complete: none.complete,
  };
}
