import { describe, expect, it } from 'vitest';
import { clockReadout } from '../../src/store/format.ts';

describe('what the clocks show', () => {
  it('puts the company local time first and T+ second', () => {
    expect(clockReadout('Sun 04:10', 90)).toEqual({ main: 'Sun 04:10', elapsed: 'T+1:30' });
  });

  it('falls back to T+ alone when the setting names no day and time', () => {
    expect(clockReadout(null, 90)).toEqual({ main: 'T+1:30', elapsed: null });
  });
});
