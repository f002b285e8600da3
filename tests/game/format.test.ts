import { describe, expect, it } from 'vitest';
import { formatCompact, formatGameClock, formatMoney, formatPercent, formatRemaining, formatRingTime, shortName, truncate } from '../../src/game/format.ts';

describe('formatGameClock', () => {
  it('shows T+ hours and minutes, past a day too', () => {
    expect(formatGameClock(0)).toBe('T+0:00');
    expect(formatGameClock(83)).toBe('T+1:23');
    expect(formatGameClock(26 * 60 + 5)).toBe('T+26:05');
    expect(formatGameClock(-3)).toBe('T+0:00');
  });
});

describe('formatRemaining', () => {
  it('counts down in minutes, hours and days', () => {
    expect(formatRemaining(0)).toBe('0m');
    expect(formatRemaining(45)).toBe('45m');
    expect(formatRemaining(125)).toBe('2h 05m');
    expect(formatRemaining(4320)).toBe('72h 00m');
    expect(formatRemaining(44.2)).toBe('45m');
  });
});

describe('formatRingTime', () => {
  it('fits the decision ring with at most four characters', () => {
    expect(['0m', '45m', '99m', '1h40', '2h05', '30h']).toEqual([0, 45, 99, 100, 125, 1800].map(formatRingTime));
    for (const m of [0, 59, 99, 100, 599, 600, 5000]) expect(formatRingTime(m).length).toBeLessThanOrEqual(4);
  });
});

describe('money and counts', () => {
  it('abbreviates large amounts with the currency symbol', () => {
    expect(formatMoney(950, 'EUR')).toBe('€950');
    expect(formatMoney(12_340, 'EUR')).toBe('€12.3k');
    expect(formatMoney(1_250_000, 'GBP')).toBe('£1.25M');
    expect(formatMoney(270_000, 'USD')).toBe('$270k');
    expect(formatMoney(5, 'CHF')).toBe('5 CHF');
  });

  it('keeps small counts exact with separators', () => {
    expect(formatCompact(9_999)).toBe('9,999');
    expect(formatCompact(10_400)).toBe('10.4k');
    expect(formatPercent(0.876)).toBe('88%');
    expect(formatPercent(1.2)).toBe('100%');
  });

  it('writes them as German does in a German room', () => {
    expect(formatMoney(24_000, 'EUR', 'de')).toBe('24.000\u00a0€');
    expect(formatMoney(3_000_000, 'EUR', 'de')).toBe('3\u00a0Mio.\u00a0€');
    expect(formatMoney(5, 'CHF', 'de')).toBe('5\u00a0CHF');
    expect(formatCompact(1_250_000, 'de')).toBe('1,3\u00a0Mio.');
    expect(formatCompact(9_999, 'de')).toBe('9999');
    expect(formatPercent(0.3, 'de')).toBe('30\u00a0%');
  });
});

describe('names', () => {
  it('turns long names into initials and cuts what has none', () => {
    expect(shortName('Data Protection Authority')).toBe('DPA');
    expect(shortName('National Cyber Incident Office')).toBe('NCIO');
    expect(shortName('Acquiring bank, card security team', 12)).toBe('ABCST');
    expect(shortName('Short name')).toBe('Short name');
    expect(truncate('Supercalifragilistic', 6)).toBe('Super…');
  });
});
