import { RATING_LABELS, type ObjectiveRating, type Rating, type ScoreItem, type Verdict } from '../engine/scoring.ts';
import type { Lang } from './lang.ts';

// The engine's words as the reports and exports show them, one function per kind of sentence.
// Issue 14 moves these sentences out of the engine into keys and numbers with their own catalogue;
// until that lands every report and export reads them through here, so switching to the engine's
// catalogue is a change in this one file. Today each returns the engine's English whatever `lang` is.
// (A score item from a scenario option carries the scenario's own text, already in the scenario's language.)

/** Why a score moved: "Told customers what happened and when". */
export function scoreReason(item: Pick<ScoreItem, 'reason'>, lang: Lang): string {
  void lang;
  return item.reason;
}

/** The objective rating's label: "Performed with some challenges". */
export function ratingLabel(rating: Rating, lang: Lang): string {
  void lang;
  return RATING_LABELS[rating];
}

/** Why the game suggested an objective's rating. */
export function objectiveReason(objective: Pick<ObjectiveRating, 'reason'>, lang: Lang): string {
  void lang;
  return objective.reason;
}

/** The verdict's name: "Trusted advisor". */
export function verdictLabel(verdict: Verdict, lang: Lang): string {
  void lang;
  return verdict.label;
}

/** The verdict's one-line explanation. */
export function verdictText(verdict: Verdict, lang: Lang): string {
  void lang;
  return verdict.text;
}
