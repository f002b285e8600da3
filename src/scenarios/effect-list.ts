import type { Effect } from './schema.ts';

/** Every effect in a list, with those inside conditional effects, for code that reads what effects can do. */
export function flatEffects(effects: readonly Effect[] | undefined): Effect[] {
  const out: Effect[] = [];
  for (const e of effects ?? []) {
    out.push(e);
    if (e.type === 'if') out.push(...e.params.then, ...(e.params.else ?? []));
  }
  return out;
}
