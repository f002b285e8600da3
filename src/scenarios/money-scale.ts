import type { PathSegment } from './locate.ts';
import type { Scenario } from './schema.ts';
import type { SemanticProblem } from './semantic.ts';

// Money a CFO would believe: the preparation budget and each measure's cost measured against
// the company's annual revenue. A budget of 150 next to 3 million of revenue at risk makes the
// debrief's preparation return absurd, so the checker says so, with the numbers and a fix.
// The bounds are documented in docs/checker.md ("Money in scale"); only warnings, never errors.

/** Hours a year: revenuePerHour × this is the annual revenue when the scenario gives none. */
export const HOURS_PER_YEAR = 8760;
/**
 * What a company spends getting ready for one kind of incident: below 0.01% of a year's revenue
 * it is pocket money, above 1% it is more than most companies spend on all of security in a year.
 */
export const BUDGET_SHARE = { min: 0.0001, max: 0.01 } as const;
/** A measure under 0.001% of a year's revenue reads as a typo for a real purchase. */
export const MEASURE_MIN_SHARE = 0.00001;
/**
 * annualRevenue against revenuePerHour: 8,760 hours is every hour of the year at that rate;
 * 250 allows an hourly rate taken at a peak (Black Friday, a Friday night) far above the average.
 */
export const REVENUE_HOURS = { min: 250, max: HOURS_PER_YEAR } as const;

/** The annual revenue the scales are measured against: the scenario's own, or revenuePerHour all year. */
export function annualRevenueOf(s: Scenario): number {
  return s.company.annualRevenue ?? s.company.revenuePerHour * HOURS_PER_YEAR;
}

export function checkMoneyScale(s: Scenario): SemanticProblem[] {
  const problems: SemanticProblem[] = [];
  const warn = (path: PathSegment[], message: string): void => void problems.push({ path, message, severity: 'warning' });
  const cur = s.company.currency ?? 'EUR';
  const amount = (x: number): string => `${Math.round(x).toLocaleString('en-GB')} ${cur}`;
  const pct = (share: number): string => `${(share * 100).toLocaleString('en-GB', { maximumSignificantDigits: 2 })}%`;
  const { revenuePerHour, annualRevenue } = s.company;
  const annual = annualRevenueOf(s);
  const basis =
    annualRevenue === undefined
      ? `annual revenue (${amount(annual)}: revenuePerHour × ${HOURS_PER_YEAR.toLocaleString('en-GB')} hours, as company.annualRevenue is not given)`
      : `annual revenue (${amount(annual)})`;

  if (annualRevenue !== undefined && revenuePerHour > 0) {
    const hours = annualRevenue / revenuePerHour;
    if (hours < REVENUE_HOURS.min || hours > REVENUE_HOURS.max) {
      warn(
        ['company', 'annualRevenue'],
        `annualRevenue ${amount(annualRevenue)} is ${Math.round(hours).toLocaleString('en-GB')} hours of revenuePerHour (${amount(revenuePerHour)}); ` +
          `a year holds ${REVENUE_HOURS.min}–${REVENUE_HOURS.max.toLocaleString('en-GB')} hours of it: check that both are in whole units of ${cur}`,
      );
    }
  }
  if (annual <= 0) return problems;

  const { budget, measures } = s.preparation;
  const share = budget / annual;
  if (share < BUDGET_SHARE.min || share > BUDGET_SHARE.max) {
    const low = share < BUDGET_SHARE.min;
    warn(
      ['preparation', 'budget'],
      `the budget of ${amount(budget)} is ${pct(share)} of ${basis}; a preparation budget a CFO would sign lies between ` +
        `${pct(BUDGET_SHARE.min)} and ${pct(BUDGET_SHARE.max)} (${amount(annual * BUDGET_SHARE.min)}–${amount(annual * BUDGET_SHARE.max)}): ` +
        (low
          ? `write amounts in whole units of ${cur} (120000, not 120 for 120 thousand) and scale the measures' costs with it`
          : `lower it, or give company.annualRevenue if the company is larger`),
    );
  }
  measures.forEach((m, i) => {
    const path: PathSegment[] = ['preparation', 'measures', i, 'cost'];
    if (m.cost > budget) {
      warn(path, `"${m.id}" costs ${amount(m.cost)}, more than the whole budget of ${amount(budget)}: no player can buy it; lower its cost or raise the budget`);
    } else if (m.cost > 0 && m.cost / annual < MEASURE_MIN_SHARE) {
      warn(
        path,
        `"${m.id}" costs ${amount(m.cost)}, ${pct(m.cost / annual)} of ${basis}; a real purchase costs at least ${pct(MEASURE_MIN_SHARE)} ` +
          `(${amount(annual * MEASURE_MIN_SHARE)}): write it in whole units of ${cur}, scaled like the budget`,
      );
    }
  });
  return problems;
}
