import { describe, expect, it } from 'vitest';
import { teamLabel } from '../../src/facilitator/presenter/team-label.ts';

describe("the presenter's team line", () => {
  it('says "Team" before a bare name', () => {
    expect(teamLabel('Blue')).toBe('Team Blue');
    expect(teamLabel('Teamsters')).toBe('Team Teamsters');
  });

  it('does not double "team" when the name has it', () => {
    expect(teamLabel('Blue team')).toBe('Blue team');
    expect(teamLabel('Team Blue')).toBe('Team Blue');
    expect(teamLabel('Leadership team, Plant North')).toBe('Leadership team, Plant North');
    expect(teamLabel(' TEAM red ')).toBe('TEAM red');
  });
});
