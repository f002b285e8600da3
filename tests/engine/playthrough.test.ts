import { describe, expect, it } from 'vitest';
import { playScript, ScriptError, type PlayScript } from '../../src/engine/playthrough.ts';
import { compiledTiny } from './helpers.ts';

const compiled = compiledTiny();
const script = (over: Partial<PlayScript>): PlayScript => ({ seed: 1, partner: 'ally', prep: ['replica'], choices: [1, 1], think: 2, ...over });

describe('playScript', () => {
  it('plays the good line: failover, then tell, with two minutes of thought before each choice', () => {
    const r = playScript(compiled, script({}));
    expect(r.ending).toEqual({ beat: 'good-end', title: 'Back in business', outcome: 'good' });
    expect(r.choices).toEqual([
      { beat: 'outage', option: 'failover', key: 1, by: 'player' },
      { beat: 'update', option: 'tell', key: 1, by: 'player' },
    ]);
    // T+2 choose, 10 minutes of failover, T+14 tell.
    expect(r.timeline.filter((e) => e.kind === 'choice').map((e) => e.t)).toEqual([2, 14]);
    expect(r.timeline.find((e) => e.kind === 'inject')).toMatchObject({ channel: 'alert', from: 'Monitoring', text: 'DB unreachable' });
    expect(r.timeline.find((e) => e.kind === 'beat')).toMatchObject({ title: 'The database falls over', narrative: expect.stringMatching(/^Restore will take [1-3] hours\.$/) });
    expect(r.scores.communication.score).toBe(65);
    expect(r).toEqual(playScript(compiled, script({})));
  });

  it('lets a timer run out with "timeout" and records it as such', () => {
    const r = playScript(compiled, script({ choices: ['timeout', 2] }));
    expect(r.choices[0]).toEqual({ beat: 'outage', option: 'wait', key: 3, by: 'timeout' });
    expect(r.timeline.find((e) => e.kind === 'choice')).toMatchObject({ t: 15, by: 'timeout', waited: 15 });
    expect(r.timeline.some((e) => e.kind === 'regulator' && e.event.kind === 'clock-started')).toBe(true);
    expect(r.ending?.beat).toBe('bad-end');
  });

  it('explains every script it cannot play', () => {
    const message = (over: Partial<PlayScript>): string => {
      try {
        playScript(compiled, script(over));
      } catch (error) {
        expect(error).toBeInstanceOf(ScriptError);
        return (error as Error).message;
      }
      throw new Error('expected the script to be refused');
    };
    expect(message({ choices: [4, 1] })).toBe('choice 1 is 4 but decision 1 (beat "outage") has options 1-3');
    expect(message({ choices: [1] })).toBe('the choices ran out at decision 2 (beat "update"): "Tell them?"; add a choice (1-2)');
    expect(message({ choices: [1, 1, 2] })).toBe('the run ended after 2 choices, but 3 were given');
    expect(message({ choices: [1, 'timeout'] })).toBe('choice 2 is "t" but decision 2 (beat "update") has no time limit');
    expect(message({ partner: 'nobody' })).toBe('no partner "nobody" in scenario "tiny"; choose from fixer, ally');
    expect(message({ prep: ['replica', 'templates'] })).toBe('preparation: these measures cost 110 but the budget is 100');
    expect(message({ prep: ['tape'] })).toMatch(/^preparation: no preparation measure "tape"/);
    expect(message({ partner: 'fixer' })).toMatch(/^choice 1 \(1\) at decision 1 \(beat "outage"\): option "failover" is not available: Needs a standby/);
  });
});
