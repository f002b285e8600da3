import { describe, expect, it } from 'vitest';
import { complianceState } from '../../src/game/compliance.ts';

const clock = (patch: Partial<{ remaining: number | null; notified: boolean; missed: boolean }>) => ({
  id: 'dpa',
  name: 'Data Protection Authority',
  deadline: 100,
  remaining: 60,
  notified: false,
  missed: false,
  ...patch,
});

describe('complianceState', () => {
  it('runs, turns urgent in the last quarter, and is marked when notified or missed', () => {
    expect(complianceState(clock({}), 120)).toEqual({ state: 'running', fraction: 0.5 });
    expect(complianceState(clock({ remaining: 30 }), 120).state).toBe('urgent');
    expect(complianceState(clock({ notified: true }), 120).state).toBe('notified');
    expect(complianceState(clock({ remaining: 0, missed: true }), 120)).toEqual({ state: 'missed', fraction: 0 });
    // A notification after the deadline is late, not a success.
    expect(complianceState(clock({ remaining: 0, missed: true, notified: true }), 120)).toEqual({ state: 'late', fraction: 0 });
  });
});
