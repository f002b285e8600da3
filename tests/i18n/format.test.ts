import { describe, expect, it } from 'vitest';
import { formats } from '../../src/i18n/format.ts';

describe('formats', () => {
  it('writes money in the scenario’s currency the way each language does', () => {
    expect(formats('en').money(80000, 'EUR')).toBe('€80,000');
    expect(formats('de').money(80000, 'EUR').replace(/\s/g, ' ')).toBe('80.000 €');
    expect(formats('de').money(1499.6, 'GBP').replace(/\s/g, ' ')).toBe('1.500 £');
  });
  it('still reads when the currency is not an ISO code', () => {
    expect(formats('de').money(2500, 'credits')).toBe('2.500 credits');
  });
  it('writes numbers, shares, lists and relative times per language', () => {
    expect(formats('en').number(1234.5)).toBe('1,234.5');
    expect(formats('de').number(1234.5)).toBe('1.234,5');
    expect(formats('de').percent(0.25).replace(/\s/g, ' ')).toBe('25 %');
    expect(formats('de').list(['Recht', 'Finanzen', 'IT'])).toBe('Recht, Finanzen und IT');
    expect(formats('de').relative(3, 'hour')).toBe('in 3 Stunden');
    expect(formats('en').relative(-2, 'day')).toBe('2 days ago');
  });
  it('builds each language’s formatters once', () => {
    expect(formats('de')).toBe(formats('de'));
  });
});
