import type { Condition } from '../scenarios/schema.ts';
import { holds } from './conditions.ts';
import type { ScenarioIndex } from './scenario-index.ts';
import type { RunState } from './state.ts';

// Which options depend on the IT partner, and which capabilities keep one out of reach. Pure.

/**
 * The capabilities the run's partner lacks that keep a condition false: empty when the condition
 * holds, or when it would stay false even with every capability (then the partner is not the reason).
 */
export function missingCapabilities(index: ScenarioIndex, state: RunState, condition: Condition | undefined): string[] {
  if (condition === undefined || holds(index, state, condition)) return [];
  if (!holdsWithAnyPartner(index, state, condition)) return [];
  const have = index.partners.get(state.partnerId)?.capabilities ?? [];
  return [...new Set(capabilitiesIn(condition))].filter((c) => !have.includes(c));
}

/** The condition with every capability it asks for granted (capabilities it forbids still apply). */
function holdsWithAnyPartner(index: ScenarioIndex, state: RunState, c: Condition): boolean {
  if (c.capability !== undefined) return true;
  if (c.all !== undefined) return c.all.every((x) => holdsWithAnyPartner(index, state, x));
  if (c.any !== undefined) return c.any.some((x) => holdsWithAnyPartner(index, state, x));
  return holds(index, state, c);
}

/** The partner capabilities a condition asks for (not those it forbids). */
export function capabilitiesIn(c: Condition): string[] {
  if (c.capability !== undefined) return [c.capability];
  return [...(c.all ?? []), ...(c.any ?? [])].flatMap(capabilitiesIn);
}
