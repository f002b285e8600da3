import type { RunState } from './state.ts';

/**
 * Placeholders the run fills in, not a scenario variable: `{now}` is the company's local day and
 * time when the text is shown, `{duration}` the option's actual duration with the run's partner.
 * Text that states a time or a duration should use them, so the story agrees with the clock.
 */
export const RUN_PLACEHOLDERS = ['now', 'duration'] as const;
export type RunPlaceholder = (typeof RUN_PLACEHOLDERS)[number];

/** What a placeholder looks like in scenario text: `{name}`, lowercase letters, digits and dashes. */
export const PLACEHOLDER = /\{([a-z0-9][a-z0-9-]*)\}/g;

/** The placeholders a text uses, as written (`{duration}`), sorted. */
export const placeholdersIn = (text: string): string[] => (text.match(PLACEHOLDER) ?? []).sort();

/**
 * Fills `{variable}` placeholders from the run's drawn variables, and the run's own placeholders
 * from `run` when given. The result is plain text: views must insert it as text, never as HTML.
 */
export function interpolate(text: string, state: Pick<RunState, 'vars'>, run: Partial<Record<RunPlaceholder, string>> = {}): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const own = (run as Record<string, string | undefined>)[name];
    if (own !== undefined) return own;
    const value = state.vars[name];
    return value === undefined ? whole : String(value);
  });
}
