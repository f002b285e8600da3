import { describe, expect, it } from 'vitest';
import { points } from '../../src/cli/text.ts';

describe('CLI text', () => {
  it('prints score changes with a true minus sign, as the debrief does', () => {
    expect(points(-1)).toBe('−1');
    expect(points(12)).toBe('+12');
    expect(points(0)).toBe('0');
  });
});
