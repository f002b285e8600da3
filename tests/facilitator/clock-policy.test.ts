import { describe, expect, it } from 'vitest';
import { discussionLeft, gameMinutesFor, msPerGameMinute, pacedStep } from '../../src/facilitator/clock-policy.ts';
import { SessionSchema } from '../../src/facilitator/session-schema.ts';
import { newSession } from '../../src/facilitator/session.ts';
import { PACES } from '../../src/store/pace.ts';
import { ok, running, said } from './helpers.ts';

describe('the workshop clock', () => {
  it('never lets a timed decision run out in less than 2 real minutes at the relaxed pace, at any speed', () => {
    for (const limit of [5, 10, 15, 30, 60]) {
      for (const speed of [1, 2, 4] as const) {
        expect(msPerGameMinute('relaxed', speed, limit) * limit).toBeGreaterThanOrEqual(120_000);
      }
    }
    // Outside a decision the pace and speed rule: 5 s a game minute, a quarter of that at 4×.
    expect(msPerGameMinute('relaxed', 4, null)).toBe(1250);
    // A long decision is slower than the minimum needs already: the pace stands.
    expect(msPerGameMinute('standard', 1, 120)).toBe(3000);
    for (const pace of PACES) expect(msPerGameMinute(pace, 1, 10)).toBeGreaterThan(msPerGameMinute(pace, 1, null) - 1);
  });

  it('turns "+5 min" into five minutes of real time', () => {
    expect(gameMinutesFor(5, 12_000) * 12_000).toBeGreaterThanOrEqual(300_000);
    expect(gameMinutesFor(5, 12_000)).toBe(25);
    expect(gameMinutesFor(5, 10 * 60_000)).toBe(1);
  });

  it('stops "time passes" a minute before a decision is due', () => {
    expect(pacedStep(0, null, 120)).toEqual({ minutes: 120, capped: false });
    expect(pacedStep(0, 40, 30)).toEqual({ minutes: 30, capped: false });
    expect(pacedStep(20, 40, 30)).toEqual({ minutes: 19, capped: true });
    expect(pacedStep(39, 40, 30)).toEqual({ minutes: 0, capped: true });
  });

  it('counts a discussion timer down in real seconds', () => {
    const end = '2025-03-14T09:03:00.000Z';
    expect(discussionLeft(end, Date.parse('2025-03-14T09:00:00Z'))).toBe(180);
    expect(discussionLeft(end, Date.parse('2025-03-14T09:05:00Z'))).toBe(0);
    expect(discussionLeft(null, 0)).toBeNull();
  });

  it('makes new exercises facilitator-paced and keeps sessions saved before that on the real-time clock', () => {
    const fresh = newSession({ id: 's', now: '2025-03-14T09:00:00Z', scenarioId: 'tiny', scenarioTitle: 'Tiny', partner: 'ally', seed: 1 });
    expect(fresh.clock).toBe('paced');
    expect(fresh.display).toMatchObject({ scores: false, costs: false });
    const { clock, discussion, display, ...old } = fresh;
    void clock, discussion, display;
    const parsed = SessionSchema.parse(old);
    expect(parsed.clock).toBe('realtime');
    expect(parsed.display.scores).toBe(true);
  });
});

describe('the facilitator-paced exercise', () => {
  it('moves time only by the facilitator, never applies the default by itself, and journals it', () => {
    const { ex } = running();
    ok(ex.setClockMode('paced'));
    expect(ex.clockRunning).toBe(false);
    expect(said(ex.passTime(45))).toBe('time passes in steps of 30 or 120 minutes');
    ok(ex.passTime(30));
    expect(ex.state?.clock).toBe(14);
    expect(ex.session.decision).toBe('open');
    expect(ex.state?.log.some((e) => e.type === 'decision.made')).toBe(false);
    expect(ex.session.journal.at(-1)).toMatchObject({ kind: 'time', text: 'Time passed: T+0:00 to T+0:14 (stopped before the decision is due)' });
  });

  it('runs a discussion timer in real time and stops it when the choice is recorded', () => {
    const h = running();
    const { ex } = h;
    expect(said(ex.startDiscussion())).toBe('set the discussion time first');
    ok(ex.setDiscussion(180));
    ok(ex.startDiscussion());
    expect(ex.session.discussion.endsAt).toBe('2025-03-14T09:03:00.000Z');
    expect(said(ex.setDiscussion(2 * 60 * 60))).toBe('a discussion timer is from 0 to 60 minutes');
    ok(ex.record('restore'));
    expect(ex.session.discussion).toEqual({ seconds: 180, endsAt: null });
  });
});
