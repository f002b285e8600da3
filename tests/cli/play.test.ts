import { describe, expect, it } from 'vitest';
import { warRoom } from './run-cli.ts';

describe('war-room play', () => {
  it('gives byte-identical output for the same seed and choices', () => {
    const args = ['play', 'tests/fixtures/scenarios/minimal.yaml', '--seed', '7', '--prep', 'templates', '--choices', '1', '--json'];
    const first = warRoom(...args);
    const second = warRoom(...args);
    expect(first.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const out = JSON.parse(first.stdout);
    expect(out).toMatchObject({ scenario: 'minimal', seed: 7, partner: 'ally', ending: { beat: 'recovered', outcome: 'good' } });
    expect(out.choices).toEqual([{ beat: 'outage', option: 'tell', key: 1, by: 'player' }]);
    // Two minutes of thought, then the choice.
    expect(out.timeline.find((e: { kind: string }) => e.kind === 'choice')).toMatchObject({ t: 2, label: 'Post an honest status update' });
    expect(out.scores.communication.score).toBe(60);
  });

  it('lets the timer run out with t, and prints a readable timeline', () => {
    const r = warRoom('play', 'tests/fixtures/scenarios/minimal.yaml', '--choices', 't');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('T+0:10     → time ran out after 10 min: 2. Wait and see');
    expect(r.stdout).toContain('■ Ending (good): Back online');
    expect(r.stdout).toMatch(/proactivity\s+46/);
    expect(r.stdout).toContain('Let the clock decide at "The shop is down"');
  });

  it('explains bad arguments in one line with exit code 2', () => {
    const option = warRoom('play', 'tests/fixtures/scenarios/minimal.yaml', '--choices', '3');
    expect(option.status).toBe(2);
    expect(option.stderr).toBe('war-room: choice 1 is 3 but decision 1 (beat "outage") has options 1-2\n');
    const partner = warRoom('play', 'tests/fixtures/scenarios/minimal.yaml', '--partner', 'nobody', '--choices', '1');
    expect(partner.status).toBe(2);
    expect(partner.stderr).toContain('no partner "nobody"');
  });

  it('compares the same decisions across every partner and weighs the preparation', () => {
    const args = ['play', 'scenarios/ransomware-manufacturer.yaml', '--seed', '7', '--partner', 'quickfix', '--prep', 'phishing-training,insurance-review,offline-backups', '--choices', '1,1,2,1,1,1,1,1,1,1,1'];
    const out = JSON.parse(warRoom(...args, '--json').stdout);
    expect(out.comparison.map((p: { partner: string; own: boolean }) => [p.partner, p.own])).toEqual([['quickfix', true], ['northgate', false], ['meridian', false]]);
    const [own, , meridian] = out.comparison;
    expect(Object.keys(own)).toEqual(expect.arrayContaining(['partner', 'scores', 'revenueLost', 'downtimeMinutes', 'ending']));
    expect(own.revenueLost).toBe(out.metrics.revenueLost);
    expect(meridian.revenueLost).toBeLessThan(own.revenueLost);
    expect(out.roi).toMatchObject({ spent: 135_000, budget: 150_000 });
    expect(out.roi.lossAvoided).toBeGreaterThan(0);
    // The break-fix partner closed the advised isolation at the night-shift call: nobody answers at night.
    expect(out.closedByPartner[0]).toMatchObject({ n: 1, beat: 'night-call', option: { id: 'isolate' }, needs: [{ capability: '24x7' }] });

    const text = warRoom(...args).stdout;
    expect(text).toContain('With Meridian Partners the same decisions would have ended');
    expect(text).toMatch(/needs 24x7 \(northgate, meridian\) \(the advice\)/);
    expect(text).toContain('Preparation return');
  });
});

describe('war-room play seeds', () => {
  it('refuses a seed beyond the one seed range instead of wrapping it onto another', () => {
    const r = warRoom('play', 'tests/fixtures/scenarios/minimal.yaml', '--seed', '4294967303');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--seed: the seed must be a whole number from 0 to 2,147,483,647, got "4294967303"');
    const seeds = warRoom('check', '--seeds', '7,4294967303', 'tests/fixtures/scenarios/minimal.yaml');
    expect(seeds.status).toBe(2);
    expect(seeds.stderr).toContain('--seeds: the seed must be a whole number from 0 to 2,147,483,647');
  });
});
