import type { RunState } from './state.ts';

/**
 * A copy of a run that reducers may mutate freely before handing it back. Every nested
 * container is copied once, so the state passed in is never changed: XState snapshots
 * and the explorer's branches share no mutable data. `services` and `runsWithout` are the
 * exceptions: effects replace them whole instead of changing them (effects.ts), so copies
 * share them, and what depends on them only is computed once per object (services.ts).
 */
export function draft(state: RunState): RunState {
  const regulators: RunState['regulators'] = {};
  for (const [id, clock] of Object.entries(state.regulators)) regulators[id] = { ...clock };
  return {
    ...state,
    lastChoice: state.lastChoice ? { ...state.lastChoice } : null,
    measures: [...state.measures],
    flags: [...state.flags],
    vars: { ...state.vars },
    metrics: { ...state.metrics },
    sentiment: { ...state.sentiment },
    regulators,
    delivered: [...state.delivered],
    log: [...state.log],
  };
}
