import type { RunState } from './state.ts';

/**
 * A copy of a run that reducers may change before handing it back; the state passed in is
 * never changed, so XState snapshots and the explorer's branches share no mutable data.
 * Only the metrics (which every slice of game time changes) and the log are copied. Every
 * other container (flags, measures, variables, sentiment, regulators, delivered injects,
 * services, runsWithout, lastChoice) is replaced whole when a reducer changes it, never
 * changed in place (effects.ts), so copies share them: a step then allocates for what it
 * changes, not for the whole run, and what depends on services only is computed once per
 * object (services.ts).
 */
export function draft(state: RunState): RunState {
  return { ...state, metrics: { ...state.metrics }, log: [...state.log] };
}
