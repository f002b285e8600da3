import { describe, expect, it } from 'vitest';
import { Exercise } from '../../src/facilitator/exercise.ts';
import { mergeSessions, readSessionFile, sessionFileName, sessionFileText } from '../../src/facilitator/session-file.ts';
import type { Session } from '../../src/facilitator/session.ts';
import { ok, replays, running, type Harness } from './helpers.ts';


function played(): Harness {
  const h = running();
  ok(h.ex.tick(2));
  ok(h.ex.record('failover'));
  ok(h.ex.addNote({ text: 'Calm and quick', objective: 'prepared', kind: 'strength' }));
  return h;
}

describe('session files', () => {
  it('round-trips a session exactly', () => {
    const h = played();
    const text = sessionFileText([h.ex.session], '2025-03-14T12:00:00.000Z');
    const read = readSessionFile(text, replays(h));
    expect(read.problems).toEqual([]);
    expect(read.sessions).toEqual([h.ex.session]);
    expect(sessionFileName([h.ex.session], '2025-03-14T12:00:00.000Z')).toBe('war-room-session-blue-team-2025-03-14.json');
  });

  it('also reads a single exported session', () => {
    const h = played();
    expect(readSessionFile(JSON.stringify(h.ex.session), replays(h)).sessions).toHaveLength(1);
  });

  it('says what is wrong with a file that is not a session file', () => {
    const h = played();
    expect(readSessionFile('{not json', replays(h)).problems[0]).toMatch(/^the file is not JSON \(.+\); choose a file exported from War Room's session history$/);
    expect(readSessionFile('{"format":"war-room.run"}', replays(h)).problems).toEqual([
      'this is not a War Room session file (its "format" should be "war-room.sessions")',
    ]);
    expect(readSessionFile('{"format":"war-room.sessions","version":9,"sessions":[]}', replays(h)).problems).toEqual([
      'session file version 9 is not supported (this War Room reads version 1)',
    ]);
    expect(readSessionFile('{"format":"war-room.sessions","version":1,"sessions":[]}', replays(h)).problems).toEqual(['the file contains no sessions']);
  });

  it('names the session and the field of each problem, and keeps the sessions that are fine', () => {
    const h = played();
    const good = h.ex.session;
    const badNote = { ...good, id: 'other', notes: [{ ...good.notes[0]!, kind: 'gossip' }] };
    const badDate = { ...good, id: 'third', actions: [{ id: 'a', issue: '', action: '', objective: null, owner: '', due: '31/12/2025' }] };
    const text = JSON.stringify({ format: 'war-room.sessions', version: 1, exportedAt: 'x', sessions: [good, badNote, badDate] });
    const read = readSessionFile(text, replays(h));
    expect(read.sessions.map((s) => s.id)).toEqual([good.id]);
    expect(read.problems).toHaveLength(2);
    expect(read.problems[0]).toMatch(/^session 2 “Blue team”: notes\.0\.kind: /);
    expect(read.problems[1]).toBe('session 3 “Blue team”: actions.0.due: a due date is YYYY-MM-DD or empty');
  });

  it('says plainly when a field is missing', () => {
    const h = played();
    const { team: _team, ...withoutTeam } = h.ex.session;
    const read = readSessionFile(JSON.stringify(withoutTeam), replays(h));
    expect(read.problems).toEqual(['session 1: team: missing (expected object)']);
  });

  it('rejects a session whose run does not replay, saying why', () => {
    const h = played();
    const tampered = { ...h.ex.session, run: { ...h.ex.session.run!, inputs: [...h.ex.session.run!.inputs, { type: 'player.choose' as const, option: 'nope' }] } };
    const read = readSessionFile(JSON.stringify(tampered), replays(h));
    expect(read.sessions).toEqual([]);
    expect(read.problems[0]).toMatch(/^session 1 “Blue team”: input \d+ of the save cannot be replayed: no option "nope"/);
  });
});

describe('merging imported sessions', () => {
  it('never replaces what is stored: skips identical sessions and adds clashing ones as copies', () => {
    const h = played();
    const mine = h.ex.session;
    const theirs = { ...mine, notes: [] };
    const fresh = { ...mine, id: 'fresh' };
    let n = 0;
    const result = mergeSessions([mine], [mine, theirs, fresh], () => `copy-${++n}`);
    expect(result.added.map((s) => s.id)).toEqual(['copy-1', 'fresh']);
    expect(result.added[0]!.notes).toEqual([]);
    expect(result.messages).toEqual([
      '“Blue team” (Tiny outage, 2025-03-14): already in your history, skipped',
      '“Blue team” (Tiny outage, 2025-03-14): differs from the session with the same id in your history; yours is kept and this one is added as a copy',
      '“Blue team” (Tiny outage, 2025-03-14): imported',
    ]);
  });
});

describe('importing a very long session', () => {
  it('merges consecutive ticks, so 60,000 one-minute ticks replay as two steps of at most 30 days', () => {
    const h = played();
    const session = h.ex.session;
    const ticks = Array.from({ length: 60_000 }, () => ({ type: 'clock.tick' as const, minutes: 1 }));
    const long: Session = { ...session, run: { ...session.run!, inputs: [...session.run!.inputs, ...ticks] } };
    const seen: number[] = [];
    const read = readSessionFile(JSON.stringify(long), (s) => {
      seen.push(s.run!.inputs.length);
      return replays(h)(s);
    });
    expect(read.problems).toEqual([]);
    expect(seen).toEqual([session.run!.inputs.length + 2]);
    expect(read.sessions[0]!.run!.inputs.slice(-2)).toEqual([
      { type: 'clock.tick', minutes: 43_200 },
      { type: 'clock.tick', minutes: 16_800 },
    ]);
    // The imported copy ends where the original would.
    expect(Exercise.open(read.sessions[0]!, h.deps).session.run).toEqual(read.sessions[0]!.run);
  });

  it('skips a stored session that differs from the import only by its merged ticks', () => {
    const h = played();
    const base = h.ex.session;
    const stored: Session = { ...base, run: { ...base.run!, inputs: [...base.run!.inputs, { type: 'clock.tick', minutes: 1 }, { type: 'clock.tick', minutes: 1 }] } };
    const read = readSessionFile(sessionFileText([stored], '2025-03-14T12:00:00.000Z'), replays(h));
    expect(read.sessions[0]!.run!.inputs.length).toBeLessThan(stored.run!.inputs.length);
    const merged = mergeSessions([stored], read.sessions, () => 'new-id');
    expect(merged.added).toEqual([]);
    expect(merged.messages[0]).toMatch(/already in your history, skipped/);
  });

  it('refuses a file with more sessions than an import may hold', () => {
    const h = played();
    const text = sessionFileText(Array.from({ length: 1001 }, () => h.ex.session), '2025-03-14T12:00:00.000Z');
    expect(readSessionFile(text, replays(h)).problems).toEqual(['the file holds 1001 sessions; an import takes at most 1000: export fewer at a time']);
  });
});
