import type { Condition } from '../scenarios/schema.ts';
import type { ScenarioIndex } from './scenario-index.ts';
import { runStatuses } from './services.ts';
import type { RunState } from './state.ts';

function compare(value: number | string | undefined, c: Condition): boolean {
  if (value === undefined) return false;
  if (c.eq !== undefined && value !== c.eq) return false;
  if (c.gte !== undefined && !(typeof value === 'number' && value >= c.gte)) return false;
  if (c.lte !== undefined && !(typeof value === 'number' && value <= c.lte)) return false;
  return true;
}

/** Evaluates a condition against a run. The schema guarantees exactly one subject. */
export function holds(index: ScenarioIndex, state: RunState, c: Condition): boolean {
  if (c.flag !== undefined) return state.flags.includes(c.flag);
  if (c.measure !== undefined) return state.measures.includes(c.measure);
  if (c.capability !== undefined) return index.partners.get(state.partnerId)?.capabilities.includes(c.capability) ?? false;
  if (c.metric !== undefined) return compare(state.metrics[c.metric], c);
  if (c.var !== undefined) return compare(state.vars[c.var], c);
  if (c.sentiment !== undefined) return compare(state.sentiment[c.sentiment], c);
  if (c.service !== undefined) return runStatuses(index, state)[c.service] === c.is;
  if (c.clock !== undefined) return compare(state.clock, c);
  if (c.not !== undefined) return !holds(index, state, c.not);
  // Loops rather than every/some: this runs for every inject on every slice of game time.
  if (c.all !== undefined) {
    for (const x of c.all) if (!holds(index, state, x)) return false;
    return true;
  }
  if (c.any !== undefined) {
    for (const x of c.any) if (holds(index, state, x)) return true;
    return false;
  }
  return false;
}
