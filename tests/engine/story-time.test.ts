import { describe, expect, it } from 'vitest';
import { localTime, parseSetting } from '../../src/engine/local-time.ts';
import { timelineOf } from '../../src/engine/playthrough.ts';
import { Run } from '../../src/engine/runtime.ts';
import { checkScenario } from '../../src/engine/check.ts';
import { aheadTimes, beatArrivals, claimedMinutes, timeClaims, timeOfDayClaims, timeOfDayMessage } from '../../src/engine/time-claims.ts';
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

describe('text that looks forward to a time of day the engine has passed', () => {
  it('reads times still ahead, not times that already happened or narrated ones', () => {
    expect(aheadTimes('Ada wants it before 08:00 and the press by 13.30; the 07:00 shift is late.').map((t) => [t.said, t.minuteOfDay])).toEqual([
      ['before 08:00', 480],
      ['by 13.30', 810],
      ['the 07:00 shift', 420],
    ]);
    expect(aheadTimes('Leave it for the 08:00 management meeting').map((t) => t.said)).toEqual(['the 08:00 management meeting']);
    expect(aheadTimes('The change at 14:05 broke it; down since 14:05. By 10:00 the staff have walked out.')).toEqual([]);
  });

  it('flags a beat some run reaches after the time its text looks forward to, and only then', () => {
    const s = Scenario.parse(tinyScenario());
    s.setting = 'Sunday 23:30, head office';
    s.beats[1]!.narrative = 'The board meets by 00:15.';
    const claims = timeOfDayClaims(s, new Map([['update', { earliest: 10, latest: 60, latestPartner: 'FixIt' }]]));
    // 00:15 is the next day, 45 game minutes in; the slow run is here at 60.
    expect(claims).toEqual([{ beat: 1, field: ['narrative'], said: 'by 00:15', statedAt: 45, reachedAt: 60, partner: 'FixIt' }]);
    expect(timeOfDayMessage(claims[0]!, s)).toContain('is here only at Mon 00:30');
    expect(timeOfDayClaims(s, new Map([['update', { earliest: 10, latest: 44, latestPartner: 'FixIt' }]]))).toEqual([]);
    // An option's label is read from the beat's arrival too.
    s.beats[1]!.narrative = 'People want to know.';
    s.beats[1]!.decision!.options[0]!.label = 'Tell them before the 00:15 board meeting';
    expect(timeOfDayClaims(s, new Map([['update', { earliest: 10, latest: 60, latestPartner: 'FixIt' }]])).map((c) => c.field)).toEqual([['decision', 'options', 0, 'label']]);
    s.setting = 'a stormy night';
    expect(timeOfDayClaims(s, new Map([['update', { earliest: 10, latest: 60, latestPartner: 'FixIt' }]]))).toEqual([]);
  });

  it('finds when runs reach each beat, and the checker warns where the slow partner is late', () => {
    const compiled = compiledTiny((s) => {
      s.setting = 'Friday 18:40';
      s.beats[1]!.narrative = 'Ada wants a statement by 19:30.';
    });
    const update = beatArrivals(compiled).get('update')!;
    expect(update.earliest).toBeLessThan(50);
    expect(update.latest).toBeGreaterThan(50);
    expect(update.latestPartner).toBe('FixIt');
    const warning = checkScenario(compiled).problems.find((p) => p.message.includes('by 19:30'));
    expect(warning).toMatchObject({ severity: 'warning', path: ['beats', 1, 'narrative'] });
  });
});
