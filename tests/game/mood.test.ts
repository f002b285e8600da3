import { describe, expect, it } from 'vitest';
import { averageSentiment, browTilt, moodOf, MOODS, mouthCurve } from '../../src/game/mood.ts';

describe('moodOf', () => {
  it.each([
    [100, 'confident'],
    [65, 'confident'],
    [64, 'uneasy'],
    [40, 'uneasy'],
    [39, 'worried'],
    [20, 'worried'],
    [19, 'angry'],
    [0, 'angry'],
  ] as const)('sentiment %i is %s', (sentiment, mood) => {
    expect(moodOf(sentiment)).toBe(mood);
  });
});

describe('faces', () => {
  it('bends the mouth from a smile to a frown as the mood worsens', () => {
    const curves = MOODS.map(mouthCurve);
    for (let i = 1; i < curves.length; i++) expect(curves[i]!).toBeLessThan(curves[i - 1]!);
    expect(mouthCurve('confident')).toBeGreaterThan(0);
    expect(mouthCurve('angry')).toBeLessThan(0);
  });

  it('tilts worried and angry brows in opposite directions', () => {
    expect(browTilt('worried')).toBeLessThan(0);
    expect(browTilt('angry')).toBeGreaterThan(0);
  });
});

describe('averageSentiment', () => {
  it('is the mean, and null with nobody to ask', () => {
    expect(averageSentiment([{ sentiment: 70 }, { sentiment: 30 }, { sentiment: 20 }])).toBe(40);
    expect(averageSentiment([])).toBeNull();
  });
});
