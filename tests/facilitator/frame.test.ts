import { describe, expect, it } from 'vitest';
import { presenterFrame } from '../../src/facilitator/frame.ts';
import type { Exercise } from '../../src/facilitator/exercise.ts';
import { ok, running } from './helpers.ts';

const frameOf = (ex: Exercise) =>
  presenterFrame({
    session: ex.session,
    shown: ex.shown(),
    live: ex.state ? { view: ex.view()!, state: ex.state } : null,
    report: ex.score(),
    lang: 'en',
  });

describe('presenter frame', () => {
  it('carries nothing facilitator-only: no advice, notes, ratings, scores so far or marked option', () => {
    const { ex } = running();
    ok(ex.addNote({ text: 'SECRET-NOTE the CFO hesitated', objective: null, kind: 'observation' }));
    ok(ex.setRating('prepared', 'U'));
    ok(ex.select('restore'));
    const text = JSON.stringify(frameOf(ex));
    expect(text).not.toContain('SECRET-NOTE');
    expect(text).not.toContain('A rehearsed failover is the fastest way back'); // the advice
    expect(text).not.toContain('Who may decide to fail over at night'); // facilitator questions
    expect(text).not.toContain('"ratings"');
    expect(frameOf(ex).debrief).toBeNull();
    expect(text).not.toContain('"selected"');
  });

  it('shows the vote tally only once someone has voted', () => {
    const { ex } = running();
    expect(frameOf(ex).votes).toBeNull();
    ok(ex.setVotes('wait', 2));
    expect(frameOf(ex).votes).toEqual([
      { option: 'failover', key: 1, label: 'Fail over to the standby', count: 0 },
      { option: 'restore', key: 2, label: 'Restore from backup', count: 0 },
      { option: 'wait', key: 3, label: 'Wait and see', count: 2 },
    ]);
  });

  it('shows the recorded choice at once but its outcome only when revealed', () => {
    const { ex } = running();
    ok(ex.setVotes('failover', 5));
    ok(ex.record('failover'));
    let frame = frameOf(ex);
    expect(frame.recorded).toEqual({ option: 'failover', label: 'Fail over to the standby', by: 'player', votes: { failover: 5 } });
    expect(frame.outcome).toBeNull();
    expect(JSON.stringify(frame)).not.toContain('Back in ten minutes.');
    expect(frame.view?.beat?.id).toBe('outage');
    ok(ex.reveal());
    frame = frameOf(ex);
    expect(frame.outcome).toEqual({ label: 'Fail over to the standby', text: 'Back in ten minutes.' });
    ok(ex.continue());
    expect(frameOf(ex).recorded).toBeNull();
  });

  it('names who is on the spot from the roles the beat’s injects are aimed at', () => {
    const { ex } = running();
    expect(frameOf(ex).onTheSpot).toEqual([{ role: 'cio', label: 'CIO', people: ['Priya Shah'] }]);
    ok(ex.release()); // the tweet, aimed at comms and the CEO
    const frame = frameOf(ex);
    expect(frame.latestInject?.id).toBe('tweet');
    expect(frame.onTheSpot).toEqual([
      { role: 'comms', label: 'Comms', people: ['Tom Berg'] },
      { role: 'ceo', label: 'CEO', people: [] },
      { role: 'cio', label: 'CIO', people: ['Priya Shah'] },
    ]);
  });

  it('shows the scores in the debrief only, and only when the facilitator chooses to', () => {
    const { ex } = running();
    ok(ex.setDisplay({ scores: false }));
    ok(ex.end());
    expect(frameOf(ex).debrief).toBeNull();
    ok(ex.setDisplay({ scores: true }));
    const frame = frameOf(ex);
    expect(frame.debrief).toMatchObject({ provisional: true });
    expect(frame.debrief?.overall).toBe(ex.score()?.overall);
  });

  it('keeps the next beat out of the frame until the facilitator moves on, through record and reveal', () => {
    const { ex } = running();
    const next = ['People want to know.', 'Tell them?', 'Customers ask', 'Post an honest update'];
    ok(ex.record('restore'));
    for (const text of next) expect(JSON.stringify(frameOf(ex))).not.toContain(text);
    ok(ex.reveal());
    const revealed = frameOf(ex);
    for (const text of next) expect(JSON.stringify(revealed)).not.toContain(text);
    expect(revealed.outcome?.text).toBe('Slow, but it worked.');
    // The consequences are on screen: the database is back.
    expect(revealed.view?.services.find((s) => s.id === 'db')?.status).toBe('up');
    ok(ex.continue());
    expect(frameOf(ex).view?.decision?.prompt).toBe('Tell them?');
  });

  it('carries every inject since the last decision, not only the newest', () => {
    const { ex } = running();
    ok(ex.release());
    const frame = frameOf(ex);
    expect(frame.injects.map((i) => i.id)).toEqual(['alert', 'tweet']);
    expect(frame.latestInject?.id).toBe('tweet');
  });
});
