import type { InputProblem } from './run-events.ts';

// Why the run refuses an input, as data: no words, JSON-serialisable, so a surface (the game, the
// console, a workshop room, the command line) words it in its own language with
// src/i18n/refusal-text.ts. An option's own `unavailable` text is the scenario's words, carried
// as a value.

/** Why an input cannot be applied now: a malformed input, or one the run's state does not allow. */
export type RunRefusal =
  | InputProblem
  | { readonly why: 'prepOver' }
  | { readonly why: 'unknownMeasures'; readonly measures: readonly string[]; readonly known: readonly string[] }
  | { readonly why: 'measureTwice' }
  | { readonly why: 'overBudget'; readonly cost: number; readonly budget: number }
  | { readonly why: 'notStarted' }
  | { readonly why: 'noDecision' }
  | { readonly why: 'unknownOption'; readonly option: string; readonly beat: string; readonly options: readonly string[] }
  | { readonly why: 'badVotes' }
  | { readonly why: 'optionUnavailable'; readonly option: string; readonly unavailable: string | null }
  | { readonly why: 'cannotChooseNow'; readonly option: string }
  | { readonly why: 'noTimer' }
  | { readonly why: 'noInject' }
  | { readonly why: 'nothingToSkip' };
