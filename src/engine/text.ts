import type { RunState } from './state.ts';

/**
 * Fills `{variable}` placeholders from the run's drawn variables. The result is plain text:
 * views must insert it as text, never as HTML.
 */
export function interpolate(text: string, state: Pick<RunState, 'vars'>): string {
  return text.replace(/\{([a-z0-9][a-z0-9-]*)\}/g, (whole, name: string) => {
    const value = state.vars[name];
    return value === undefined ? whole : String(value);
  });
}
