import { BASE, IMPACT_WEIGHTS, RATING_BY_EVIDENCE, RATING_BY_SCORE, RATINGS, RULE_POINTS, VERDICTS, type Rating, type VerdictId } from './scoring.ts';

// The scoring rubric as data: the numbers the scoring uses, gathered in the order the rubric
// tells them. src/i18n/engine-text.ts (rubricText) puts them into words per language, and
// docs/scoring.md is generated from the English, so words and scoring cannot drift apart.

export interface Rubric {
  base: typeof BASE;
  rulePoints: typeof RULE_POINTS;
  impactWeights: typeof IMPACT_WEIGHTS;
  /** Best first: the lowest overall score each verdict needs. */
  verdicts: readonly { id: VerdictId; min: number }[];
  /** An objective's rating from the share of evidence points earned (0–1), best first. */
  ratingByEvidence: readonly (readonly [Rating, number])[];
  /** An objective's rating from its dimension's score when no decision tested it, best first. */
  ratingByScore: readonly (readonly [Rating, number])[];
  ratings: readonly Rating[];
}

export function rubric(): Rubric {
  return {
    base: BASE,
    rulePoints: RULE_POINTS,
    impactWeights: IMPACT_WEIGHTS,
    verdicts: VERDICTS,
    ratingByEvidence: RATING_BY_EVIDENCE,
    ratingByScore: RATING_BY_SCORE,
    ratings: RATINGS,
  };
}
