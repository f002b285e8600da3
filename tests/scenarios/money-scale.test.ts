import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenarios/load.ts';
import { warRoom } from '../cli/run-cli.ts';

// The checker's money-scale rule (docs/checker.md, "Money in scale"): a preparation budget and
// measures a CFO would believe next to the company's revenue. The toy fixture is the minimal
// scenario with its preparation written in thousands (budget 100, a measure of 40) next to
// 6,000 EUR an hour of revenue, the mistake every shipped scenario used to make.

const FIXTURES = join(import.meta.dirname, '../fixtures/scenarios');
const minimal = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8');
const toy = readFileSync(join(FIXTURES, 'toy-budget.yaml'), 'utf8');

const warnings = (yaml: string): string[] => {
  const r = parseScenario(yaml, 'x.yaml');
  expect(r.errors).toEqual([]);
  return r.warnings.map((w) => `${w.line}:${w.column} ${w.path}: ${w.message}`);
};

/** The minimal scenario with company.annualRevenue given (on the line after revenuePerHour). */
const withAnnual = (yaml: string, annual: number): string =>
  yaml.replace('  revenuePerHour: 6000\n', `  revenuePerHour: 6000\n  annualRevenue: ${annual}\n`);

describe('money in scale with the company', () => {
  it('is quiet for a budget and measure in scale (the minimal fixture: 20,000 and 8,000 EUR next to 52.56 million a year)', () => {
    expect(warnings(minimal)).toEqual([]);
  });

  it('warns where a toy budget and measure are, with the numbers and what to do', () => {
    expect(warnings(toy)).toEqual([
      '41:11 preparation.budget: the budget of 100 EUR is 0.00019% of annual revenue (52,560,000 EUR: revenuePerHour × 8,760 hours, as company.annualRevenue is not given); ' +
        'a preparation budget a CFO would sign lies between 0.01% and 1% (5,256 EUR–525,600 EUR): ' +
        "write amounts in whole units of EUR (120000, not 120 for 120 thousand) and scale the measures' costs with it",
      '46:13 preparation.measures[0].cost: "templates" costs 40 EUR, 0.000076% of annual revenue (52,560,000 EUR: revenuePerHour × 8,760 hours, as company.annualRevenue is not given); ' +
        'a real purchase costs at least 0.001% (526 EUR): write it in whole units of EUR, scaled like the budget',
    ]);
  });

  it("measures against the scenario's own annual revenue when it gives one", () => {
    // 18 million a year (3,000 hours of 6,000): 20,000 is 0.11%, in scale.
    expect(warnings(withAnnual(minimal, 18_000_000))).toEqual([]);
    // 1.5 billion a year is 250,000 hours of 6,000 an hour: out of scale itself, and budget and measure are now too small.
    const found = warnings(withAnnual(minimal, 1_500_000_000));
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^18:18 company\.annualRevenue: annualRevenue 1,500,000,000 EUR is 250,000 hours of revenuePerHour \(6,000 EUR\); a year holds 250–8,760 hours of it/);
    expect(found[1]).toMatch(/^42:11 preparation\.budget: the budget of 20,000 EUR is 0\.0013% of annual revenue \(1,500,000,000 EUR\);/);
    expect(found[2]).toMatch(/^47:13 preparation\.measures\[0\]\.cost: "templates" costs 8,000 EUR, 0\.00053% of annual revenue/);
  });

  it('warns about a budget too large for the company, and a measure no budget can pay', () => {
    const large = minimal.replace('  budget: 20000\n', '  budget: 900000\n');
    expect(warnings(large)).toEqual([
      expect.stringMatching(/^41:11 preparation\.budget: the budget of 900,000 EUR is 1\.7% of annual revenue .*: lower it, or give company\.annualRevenue if the company is larger$/),
    ]);
    const dear = minimal.replace('      cost: 8000\n', '      cost: 25000\n');
    expect(warnings(dear)).toEqual([
      '46:13 preparation.measures[0].cost: "templates" costs 25,000 EUR, more than the whole budget of 20,000 EUR: no player can buy it; lower its cost or raise the budget',
    ]);
  });

  it('holds for every shipped scenario (each gives its annual revenue)', () => {
    const dir = join(import.meta.dirname, '../../scenarios');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const file of files) {
      const r = parseScenario(readFileSync(join(dir, file)), file);
      expect(r.scenario?.company.annualRevenue, file).toBeGreaterThan(0);
      expect(r.warnings, file).toEqual([]);
    }
  });

  it('reaches the author through war-room check, located like a compiler', () => {
    const r = warRoom('check', 'tests/fixtures/scenarios/toy-budget.yaml');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('tests/fixtures/scenarios/toy-budget.yaml:41:11: warning: preparation.budget: the budget of 100 EUR is 0.00019% of annual revenue');
    expect(r.stdout).toContain('tests/fixtures/scenarios/toy-budget.yaml:46:13: warning: preparation.measures[0].cost: "templates" costs 40 EUR');
  });
});
