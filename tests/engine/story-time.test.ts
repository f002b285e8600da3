import { describe, expect, it } from 'vitest';
import { localTime, parseSetting } from '../../src/engine/local-time.ts';
import { timelineOf } from '../../src/engine/playthrough.ts';
import { Run } from '../../src/engine/runtime.ts';
import { claimedMinutes, timeClaims } from '../../src/engine/time-claims.ts';
import { Scenario } from '../../src/scenarios/schema.ts';
import { tinyScenario } from '../fixtures/tiny-scenario.ts';
import { compiledTiny } from './helpers.ts';

describe('the company clock', () => {
  it('reads the weekday and time from the setting and rolls over midnight and the week', () => {
    const start = parseSetting('Sunday 02:40, main plant')!;
    expect(start).toEqual({ weekday: 6, minutes: 160 });
    expect(localTime(start, 90)).toBe('Sun 04:10');
    expect(localTime(start, 24 * 60)).toBe('Mon 02:40');
    expect(parseSetting('Black Friday, 09:10')).toEqual({ weekday: 4, minutes: 550 });
    expect(parseSetting('a 34°C afternoon')).toBeNull();
  });
});

describe('placeholders filled from the run', () => {
  const compiled = compiledTiny((s) => {
    s.setting = 'Friday 18:40';
    s.beats[0]!.narrative = 'At {now} the database falls over.';
    s.beats[0]!.decision!.options[1]!.outcome = 'The restore took {duration}.';
  });

  it('says how long the option really took with this partner, and the local time', () => {
    for (const [partner, took] of [['ally', '30 min'], ['fixer', '1 h']] as const) {
      const run = Run.start(compiled, { seed: 1, partner });
      run.commitPreparation([]);
      expect(run.view().beat!.narrative).toBe('At Fri 18:40 the database falls over.');
      expect(run.view().localTime).toBe('Fri 18:40');
      run.choose('restore');
      expect(run.view().lastChoice!.outcome).toBe(`The restore took ${took}.`);
      const choice = timelineOf(compiled, run.log).find((e) => e.kind === 'choice');
      expect(choice).toMatchObject({ outcome: `The restore took ${took}.` });
    }
  });

  it('is accepted by the loader, where an unknown placeholder is not', () => {
    const raw = tinyScenario();
    raw.beats[0]!.narrative = 'At {now}, {nope}.';
    expect(Scenario.safeParse(raw).success).toBe(true);
  });
});

describe('text that states a time the engine contradicts', () => {
  it('reads stated durations', () => {
    expect(claimedMinutes('the hour')).toBe(60);
    expect(claimedMinutes('half an hour')).toBe(30);
    expect(claimedMinutes('twenty minutes')).toBe(20);
    expect(claimedMinutes('3 hours')).toBe(180);
  });

  it('flags an outcome that says "within the hour" when the slowest partner takes two', () => {
    const s = Scenario.parse(tinyScenario());
    s.beats[0]!.decision!.options[1]!.outcome = 'Restored within the hour.';
    s.beats[0]!.decision!.options[1]!.minutes = 60;
    // The fixture's failover also says "Back in ten minutes" and takes 20 with FixIt.
    expect(timeClaims(s).map((c) => c.said)).toEqual(['in ten minutes', 'within the hour']);
    expect(timeClaims(s)[1]).toEqual({ beat: 0, option: 1, field: 'outcome', said: 'within the hour', saidMinutes: 60, partner: 'FixIt', actualMinutes: 120 });
    s.beats[0]!.decision!.options[1]!.outcome = 'Restored in {duration}.';
    expect(timeClaims(s).map((c) => c.option)).toEqual([0]);
  });
});
