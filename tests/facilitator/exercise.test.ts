import { describe, expect, it } from 'vitest';
import { Exercise } from '../../src/facilitator/exercise.ts';
import { MAX_PARTICIPANTS } from '../../src/facilitator/session.ts';
import { harness, ok, running, said } from './helpers.ts';

describe('facilitator exercise: set-up and briefing', () => {
  it('needs a team name before the briefing, and fixes the scenario once it opens', () => {
    const { ex } = harness();
    expect(said(ex.openBriefing())).toBe('give the team a name first (it heads the report)');
    expect(said(ex.addParticipant('   ', 'ceo'))).toBe('give the participant a name');
    ok(ex.setTeamName('  Blue team  '));
    expect(ex.session.team.name).toBe('Blue team');
    ok(ex.openBriefing());
    expect(ex.session.stage).toBe('briefing');
    expect(ex.view()?.phase).toBe('preparation');
    expect(said(ex.chooseScenario('tiny'))).toBe('the scenario is fixed once the briefing has started');
    expect(said(ex.setSeed(3))).toBe('the seed is fixed once the briefing has started');
  });

  it('buys preparation within the budget and commits it when the incident starts', () => {
    const { ex } = harness();
    ok(ex.setTeamName('Blue team'));
    ok(ex.openBriefing());
    ok(ex.togglePreparation('replica'));
    expect(said(ex.togglePreparation('templates'))).toBe('"Status templates" costs 50 but only 40 of the budget is left');
    ok(ex.startIncident());
    expect(ex.state?.measures).toEqual(['replica']);
    expect(ex.session).toMatchObject({ stage: 'incident', decision: 'open', paused: false, startedAt: '2025-03-14T09:00:00.000Z' });
    expect(ex.session.journal.map((j) => j.kind)).toEqual(['briefing', 'started']);
  });

  it('adds the people who joined from phones to the team once each, beside those typed in, within the bound', () => {
    const { ex } = harness();
    ok(ex.addParticipant('Ann', 'ceo'));
    ok(ex.addRoomParticipants([
      { id: 's1', name: ' ann ', role: 'ceo' },
      { id: 's2', name: 'Bo', role: 'legal' },
      { id: 's3', name: 'Ann', role: 'cfo' },
    ]));
    expect(ex.session.team.participants.map((p) => [p.id.startsWith('room-') ? p.id : 'typed', p.name, p.role])).toEqual([
      ['typed', 'Ann', 'ceo'],
      ['room-s2', 'Bo', 'legal'],
      ['room-s3', 'Ann', 'cfo'],
    ]);
    const rev = ex.session.rev;
    ok(ex.addRoomParticipants([{ id: 's2', name: 'Bo', role: 'legal' }]));
    expect(ex.session.rev).toBe(rev);
    ok(ex.addRoomParticipants(Array.from({ length: 300 }, (_, i) => ({ id: `p${i}`, name: `P${i}`, role: 'observer' }))));
    expect(ex.session.team.participants).toHaveLength(MAX_PARTICIPANTS);
  });

  it('goes up one revision per change, so the newest copy can always be told apart', () => {
    const { ex } = harness();
    const revs = [ex.session.rev];
    ok(ex.setTeamName('A'));
    revs.push(ex.session.rev);
    ok(ex.addParticipant('Ann', 'ceo'));
    revs.push(ex.session.rev);
    expect(revs).toEqual([0, 1, 2]);
  });
});

describe('facilitator exercise: the incident', () => {
  it('runs the clock only while a decision is open and the exercise is not paused', () => {
    const { ex } = running();
    expect(ex.clockRunning).toBe(true);
    ok(ex.tick(2));
    expect(ex.state?.clock).toBe(2);
    ok(ex.pause());
    expect(ex.clockRunning).toBe(false);
    expect(said(ex.tick(1))).toBe('the clock is stopped');
    expect(ex.state?.clock).toBe(2);
    ok(ex.togglePause());
    expect(ex.clockRunning).toBe(true);
  });

  it('records the team’s choice with its votes and hides the consequences from the room until revealed', () => {
    const { ex } = running();
    ok(ex.tick(3));
    ok(ex.setVotes('failover', 4));
    ok(ex.addVote('restore'));
    ok(ex.addVote('restore'));
    expect(said(ex.record())).toBe('mark the option the team chose first (keys 1–5)');
    ok(ex.select('failover'));
    ok(ex.record());

    expect(ex.session).toMatchObject({ decision: 'recorded', votes: {}, selected: null });
    const made = ex.state!.log.findLast((e) => e.type === 'decision.made');
    expect(made).toMatchObject({ option: 'failover', by: 'player', votes: { failover: 4, restore: 2 } });
    // The run has moved on; the room still sees the decision as it was put to them.
    expect(ex.view()?.beat?.id).toBe('update');
    expect(ex.shown()?.view.beat?.id).toBe('outage');
    expect(ex.shown()?.view.clock).toBe(3);
    expect(ex.clockRunning).toBe(false);
    expect(said(ex.extend())).toBe('a choice is waiting: reveal its consequences first (R)');
    expect(said(ex.continue())).toBe('reveal the consequences first (R)');

    ok(ex.reveal());
    // The reveal shows what the choice caused, not the next beat: that waits for "Next decision".
    expect(ex.shown()?.view.beat?.id).toBe('outage');
    expect(ex.shown()?.view.decision).toBeNull();
    expect(ex.shown()?.view.lastChoice?.outcome).toBe('Back in ten minutes.');
    expect(ex.shown()?.view.clock).toBe(ex.view()?.clock);
    expect(ex.clockRunning).toBe(false);
    ok(ex.continue());
    expect(ex.shown()?.view.beat?.id).toBe('update');
    expect(ex.session.decision).toBe('open');
    expect(ex.clockRunning).toBe(true);
    expect(ex.session.journal.map((j) => j.text)).toContain('Recorded the team\'s choice: "Fail over to the standby" (votes: Fail over to the standby 4, Restore from backup 2)');
  });

  it('will not mark an option the team cannot choose, and says why', () => {
    const { ex } = harness();
    ok(ex.setTeamName('Blue team'));
    ok(ex.choosePartner('fixer'));
    ok(ex.openBriefing());
    ok(ex.startIncident());
    expect(said(ex.select('failover'))).toBe('option 1 is not available: Needs a standby and a partner who can run it');
    expect(ex.session.selected).toBeNull();
  });

  it('treats a decision the clock made like a recorded one, and journals it as a timeout', () => {
    const { ex } = running();
    ok(ex.tick(15));
    expect(ex.session.decision).toBe('recorded');
    expect(ex.state!.log.findLast((e) => e.type === 'decision.made')).toMatchObject({ option: 'wait', by: 'timeout' });
    expect(ex.session.journal.at(-1)).toMatchObject({ kind: 'timeout', text: 'The clock ran out: "Wait and see" applied' });
    expect(ex.shown()?.view.decision?.prompt).toBe('What now?');
  });

  it('extends, stops the timer, releases an inject and skips a beat', () => {
    const { ex } = running();
    // Five real minutes at 6 s a game minute (standard pace, a 15-minute decision made to last 90 s).
    expect(ex.msPerGameMinute()).toBe(6000);
    ok(ex.extend());
    expect(ex.view()?.decision?.deadline).toBe(15 + 50);
    ok(ex.release());
    expect(ex.state?.delivered).toContain('*/tweet');
    ok(ex.hold());
    expect(ex.view()?.decision?.timerHeld).toBe(true);
    expect(said(ex.extend())).toBe('no timed decision is running');
    ok(ex.skip());
    expect(ex.state!.log.findLast((e) => e.type === 'decision.made')).toMatchObject({ option: 'wait', by: 'facilitator' });
    expect(ex.session.journal.map((j) => j.kind)).toEqual(['briefing', 'started', 'extended', 'released', 'held', 'skipped']);
  });

  it('undoes the last choice: back to the open decision with its votes, and the undone choice kept', () => {
    const { ex } = running();
    ok(ex.tick(3));
    ok(ex.setVotes('restore', 3));
    ok(ex.select('restore'));
    ok(ex.record());
    ok(ex.reveal());
    ok(ex.continue());
    ok(ex.tick(2));
    ok(ex.undo());
    expect(ex.session).toMatchObject({ decision: 'open', hiddenFrom: null, votes: { restore: 3 }, selected: 'restore' });
    expect(ex.state).toMatchObject({ beat: 'outage', clock: 3 });
    expect(ex.session.run?.undone).toEqual([{ event: { type: 'player.choose', option: 'restore', votes: { restore: 3 } }, t: 3, beat: 'outage' }]);
    expect(ex.session.journal.at(-1)?.text).toBe('Took back "Restore from backup" (chosen at T+0:03)');
    expect(said(ex.undo())).toBe('there is no choice to undo');
  });

  it('reopens from its saved session exactly where it was', () => {
    const h = running();
    const { ex } = h;
    ok(ex.tick(4));
    ok(ex.select('restore'));
    ok(ex.record());
    ok(ex.undo());
    ok(ex.select('failover'));
    ok(ex.record());
    const saved = JSON.parse(JSON.stringify(ex.session));
    const again = Exercise.open(saved, h.deps);
    expect(again.state).toEqual(ex.state);
    expect(again.session.run?.undone).toHaveLength(1);
    expect(again.shown()?.view).toEqual(ex.shown()?.view);
    expect(again.session.decision).toBe('recorded');
  });

  it('refuses to reopen a session whose run no longer replays, saying why', () => {
    const h = running();
    ok(h.ex.tick(1));
    const broken = { ...h.ex.session, run: { ...h.ex.session.run!, fingerprint: 'stale' } };
    expect(() => Exercise.open(broken, h.deps)).toThrow('scenario "tiny" has changed since this run was saved');
  });

  it('ends into the debrief and can go back when the run had not finished', () => {
    const { ex } = running();
    ok(ex.end());
    expect(ex.session).toMatchObject({ stage: 'debrief', paused: true, endedAt: '2025-03-14T09:00:00.000Z' });
    expect(said(ex.undo())).toBe('undo works while the incident runs');
    ok(ex.reopen());
    expect(ex.session.stage).toBe('incident');
  });
});

describe('facilitator exercise: evaluation', () => {
  it('timestamps notes with real and game time and ties them to objectives', () => {
    const h = running();
    const { ex } = h;
    ok(ex.tick(6));
    h.advanceRealTime(90_000);
    ok(ex.addNote({ text: '  CIO called the failover within two minutes ', objective: 'prepared', kind: 'strength' }));
    expect(ex.session.notes[0]).toMatchObject({
      at: '2025-03-14T09:01:30.000Z',
      t: 6,
      beat: 'outage',
      objective: 'prepared',
      kind: 'strength',
      text: 'CIO called the failover within two minutes',
    });
    expect(said(ex.addNote({ text: ' ', objective: null, kind: 'observation' }))).toBe('the note is empty');
    expect(said(ex.addNote({ text: 'x', objective: 'nope', kind: 'observation' }))).toBe('no learning objective "nope" in this scenario');
    ok(ex.updateNote(ex.session.notes[0]!.id, { kind: 'observation' }));
    expect(ex.session.notes[0]!.kind).toBe('observation');
  });

  it('overrides a rating and goes back to the game’s suggestion', () => {
    const { ex } = running();
    ok(ex.setRating('tell-early', 'M'));
    expect(ex.session.ratings).toEqual({ 'tell-early': 'M' });
    ok(ex.setRating('tell-early', null));
    expect(ex.session.ratings).toEqual({});
  });

  it('keeps corrective actions with an owner and a real due date', () => {
    const { ex } = running();
    ok(ex.addAction({ issue: 'No failover runbook', action: 'Write and rehearse one', owner: 'Priya', due: '2025-04-30', objective: 'prepared' }));
    const id = ex.session.actions[0]!.id;
    expect(said(ex.updateAction(id, { due: '2025-02-30' }))).toBe('the completion date "2025-02-30" is not a date (use the date picker, or YYYY-MM-DD)');
    ok(ex.updateAction(id, { owner: 'Priya Shah' }));
    expect(ex.session.actions[0]).toMatchObject({ owner: 'Priya Shah', due: '2025-04-30' });
    ok(ex.removeAction(id));
    expect(ex.session.actions).toEqual([]);
  });
});
