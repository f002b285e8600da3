import { describe, expect, it } from 'vitest';
import { buildReport, type AfterActionReport } from '../../src/facilitator/report.ts';
import { reportJson } from '../../src/facilitator/report-files.ts';
import type { Exercise } from '../../src/facilitator/exercise.ts';
import { ok, running, type Harness } from './helpers.ts';

const reportOf = (h: Harness): AfterActionReport =>
  buildReport(h.compiled, h.ex.session, h.ex.state!, h.ex.score()!, '2025-03-14T10:30:00.000Z', 'en');

/** A whole workshop: a vote, an undo, notes, a rating override, a corrective action, the end. */
function workshop(): Harness {
  const h = running();
  const ex: Exercise = h.ex;
  ok(ex.tick(3));
  ok(ex.setVotes('restore', 4));
  ok(ex.setVotes('wait', 1));
  ok(ex.record('restore'));
  ok(ex.undo());
  ok(ex.clearVotes());
  ok(ex.setVotes('failover', 5));
  ok(ex.record('failover'));
  ok(ex.reveal());
  ok(ex.continue());
  h.advanceRealTime(5 * 60_000);
  ok(ex.addNote({ text: 'The CIO knew the failover runbook by heart', objective: 'prepared', kind: 'strength' }));
  ok(ex.addNote({ text: 'Nobody owned the customer update | *urgent*', objective: 'tell-early', kind: 'improvement' }));
  ok(ex.record('hide'));
  ok(ex.reveal());
  ok(ex.continue());
  ok(ex.setRating('tell-early', 'S'));
  ok(ex.addAction({ issue: 'No owner for customer updates', action: 'Name a comms lead on every incident call', owner: 'Tom Berg', due: '2025-04-30', objective: 'tell-early' }));
  h.advanceRealTime(40 * 60_000);
  ok(ex.end());
  return h;
}

describe('after-action report', () => {
  it('gives each objective the game’s suggestion unless the evaluator overrode it, with its notes', () => {
    const h = workshop();
    const r = reportOf(h);
    const score = h.ex.score()!;
    const tell = r.objectives.find((o) => o.id === 'tell-early')!;
    expect(tell).toMatchObject({ suggested: 'U', rating: 'S', label: 'Performed with some challenges', overridden: true });
    expect(score.objectives.find((o) => o.id === 'tell-early')!.rating).toBe('U');
    expect(tell.notes.map((n) => n.text)).toEqual(['Nobody owned the customer update | *urgent*']);
    const prepared = r.objectives.find((o) => o.id === 'prepared')!;
    expect(prepared).toMatchObject({ overridden: false, rating: prepared.suggested });
  });

  it('lists decisions with votes, the undone one included and marked', () => {
    const r = reportOf(workshop());
    expect(r.decisions.map((d) => [d.label, d.kept, d.votes.map((v) => `${v.option}:${v.count}`).join(' ')])).toEqual([
      ['Restore from backup', false, 'restore:4 wait:1'],
      ['Fail over to the standby', true, 'failover:5'],
      ['Say nothing', true, ''],
    ]);
    expect(r.decisions[0]!.undoneAt).toBe('2025-03-14T09:00:00.000Z');
    expect(r.decisions.map((d) => d.n)).toEqual([1, 2, 3]);
  });

  it('builds a timeline in game-time order with injects aimed at roles, the undo and the notes', () => {
    const r = reportOf(workshop());
    const kinds = r.timeline.map((i) => i.kind);
    expect(kinds[0]).toBe('beat');
    expect(r.timeline.find((i) => i.kind === 'inject')?.detail).toBe('For CIO. DB unreachable');
    const undone = r.timeline.find((i) => i.kind === 'undone')!;
    expect(undone.text).toBe('Taken back: Restore from backup at “The database falls over”');
    expect(undone.detail).toContain('Votes: Restore from backup 4, Wait and see 1.');
    expect(kinds.indexOf('undone')).toBeLessThan(kinds.indexOf('decision'));
    expect(r.timeline.filter((i) => i.kind === 'note')).toHaveLength(2);
    const times = r.timeline.map((i) => i.t);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(kinds.at(-1)).toBe('ending');
  });

  it('draws strengths and areas for improvement from the score, the advice and the notes', () => {
    const r = reportOf(workshop());
    expect(r.strengths.map((s) => s.text)).toEqual(
      expect.arrayContaining(['Paid for a standby before it was needed', 'Used the rehearsed failover', 'The CIO knew the failover runbook by heart']),
    );
    const improvements = r.improvements.map((s) => s.text);
    expect(improvements).toContain('Stayed silent');
    expect(improvements).toContain('Nobody owned the customer update | *urgent*');
    expect(improvements).toContain('At “Customers ask” the team chose “Say nothing”; a strategic partner would have chosen “Post an honest update”. Silence breeds rumours.');
  });

  it('lists findings in the order they happened, findings about the final state last', () => {
    const r = reportOf(workshop());
    for (const list of [r.strengths, r.improvements]) {
      const times = list.map((f) => f.t ?? Infinity);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    }
    expect(r.improvements.at(-1)?.t).toBeNull();
  });

  it('states the overview, scores and the improvement plan', () => {
    const h = workshop();
    const r = reportOf(h);
    expect(r.overview).toMatchObject({
      exercise: 'Tiny outage',
      team: 'Blue team',
      facilitator: 'Sam Rivera',
      realMinutes: 45,
      ending: { title: 'A rough week', outcome: 'bad' },
      facilitatorOverview: 'A short drill on failover and honest updates.',
    });
    expect(r.overview.participants).toEqual([
      { name: 'Priya Shah', role: 'cio', roleLabel: 'CIO' },
      { name: 'Tom Berg', role: 'comms', roleLabel: 'Comms' },
    ]);
    expect(r.scores.overall).toBe(h.ex.score()!.overall);
    expect(r.scores.provisional).toBe(false);
    expect(r.actions[0]).toMatchObject({ owner: 'Tom Berg', due: '2025-04-30', objectiveText: 'Tell customers early.' });
  });

  it('writes JSON that carries the report and the session that replays it', () => {
    const h = workshop();
    const data = JSON.parse(reportJson(reportOf(h), h.ex.session));
    expect(data.format).toBe('war-room.after-action-report');
    expect(data.report.actions[0].owner).toBe('Tom Berg');
    expect(data.session.run.inputs).toEqual(h.ex.session.run!.inputs);
  });
});
