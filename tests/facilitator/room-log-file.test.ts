import { describe, expect, it } from 'vitest';
import { exportRoomLog } from '../../server/storage/durable.ts';
import type { LogEntry, StoredRoom } from '../../server/storage/log.ts';
import { applyEntry, ReplayIds } from '../../server/storage/replay.ts';
import { Workshop } from '../../server/workshop.ts';
import type { RunEvent } from '../../src/engine/machine.ts';
import { Exercise } from '../../src/facilitator/exercise.ts';
import { checkRoomLog, roomLogToSession } from '../../src/facilitator/room/room-log-file.ts';
import { mergeSessions, readSessionFile } from '../../src/facilitator/session-file.ts';
import type { Session } from '../../src/facilitator/session.ts';
import type { CreateOptions } from '../../src/protocol/messages.ts';
import { ok, replays, running, type Harness } from './helpers.ts';

// A room's log, written by the server's own code from a played exercise, read back by the
// offline console as a session: the same run, the same scores, the votes as the room kept them.


const CODE = 'K7PQ2M';

/** The harness's exercise as a room ran it: two phones, a vote on the first decision, then the recorded choice. */
function roomLogOf(h: Harness): { text: string; inputs: RunEvent[] } {
  ok(h.ex.tick(2));
  const beforeChoice = [...(h.ex.session.run?.inputs ?? [])];
  ok(h.ex.record('failover'));
  const inputs = [...(h.ex.session.run?.inputs ?? [])];
  const options: CreateOptions = { scenarioId: h.ex.session.scenarioId, seed: h.ex.session.seed, partner: h.ex.session.partner };
  const ids = new ReplayIds();
  const workshop = new Workshop(CODE, h.compiled, options, 60, ids);
  const entries: LogEntry[] = [];
  const apply = (entry: LogEntry) => {
    expect(applyEntry(workshop, ids, entry)).toBeNull();
    entries.push(entry);
  };
  apply({ kind: 'seat', id: 'seat-a', device: 'device-a', name: 'Priya Shah', role: 'cio' });
  apply({ kind: 'seat', id: 'seat-b', device: 'device-b', name: 'Tom Berg', role: 'comms' });
  apply({ kind: 'control', control: { type: 'control.run', from: 0, events: beforeChoice, stage: 'incident', decision: 'open', shown: null } });
  const decision = workshop.consoleView().vote?.decision;
  expect(decision).toBeTruthy();
  apply({ kind: 'vote', seat: 'seat-a', vote: { decision: decision!, option: 'failover', confidence: 4, rationale: 'The replica is warm' } });
  apply({ kind: 'vote', seat: 'seat-b', vote: { decision: decision!, option: 'failover', confidence: 2, rationale: '' } });
  apply({ kind: 'control', control: { type: 'control.vote', action: 'close' } });
  apply({
    kind: 'control',
    control: { type: 'control.run', from: beforeChoice.length, events: inputs.slice(beforeChoice.length), stage: 'incident', decision: 'recorded', shown: beforeChoice.length },
  });
  const stored: StoredRoom = {
    record: { code: CODE, createdAt: Date.parse('2025-03-14T09:00:00Z'), options, cap: 60, scenarioFingerprint: h.compiled.index.fingerprint, secret: 'not-exported-ever-0123' },
    entries,
    fingerprint: null,
    closedAt: null,
  };
  const library = { get: (id: string) => (id === options.scenarioId ? h.compiled : null), ids: () => [options.scenarioId] };
  return { text: JSON.stringify(exportRoomLog(stored, library)), inputs };
}

describe('a room log imported into the console', () => {
  it('becomes a session with the room’s run, team and votes, and replays to the same scores', () => {
    const h = running();
    const { text, inputs } = roomLogOf(h);
    expect(text).not.toContain('not-exported-ever');
    expect(text).not.toContain('device-a');
    const read = readSessionFile(text, replays(h), () => 'Tiny drill');
    expect(read.problems).toEqual([]);
    expect(read.sessions).toHaveLength(1);
    const session = read.sessions[0]!;
    expect(session.id).toBe(`room-${CODE}-${Date.parse('2025-03-14T09:00:00Z')}`);
    expect(session.scenarioTitle).toBe('Tiny drill');
    expect([session.seed, session.partner, session.stage, session.decision]).toEqual([7, 'ally', 'incident', 'recorded']);
    expect(session.run?.inputs).toEqual(inputs);
    expect(session.team.participants.map((p) => `${p.name}/${p.role}`)).toEqual(['Priya Shah/cio', 'Tom Berg/comms']);
    expect(Exercise.open(session, h.deps).score()).toEqual(h.ex.score());
    const records = read.voteRecords?.get(session.id) ?? [];
    expect(records).toHaveLength(1);
    expect(records[0]!.tally).toEqual({ counts: { failover: 2 }, total: 2 });
    expect(records[0]!.ballots.map((b) => b.rationale)).toContain('The replica is warm');
  });

  it('is skipped when imported twice, and comes in as a copy when the room went on', () => {
    const h = running();
    const { text } = roomLogOf(h);
    const first = readSessionFile(text, replays(h)).sessions;
    expect(mergeSessions(first, first, () => 'copy').messages[0]).toMatch(/already in your history, skipped$/);
    const changed = { ...first[0]!, stage: 'debrief' as const };
    const merged = mergeSessions(first, [changed], () => 'copy-1');
    expect(merged.added.map((s) => s.id)).toEqual(['copy-1']);
    expect(merged.sources).toEqual([first[0]!.id]);
  });

  it('says which field of a bad log is wrong, and imports nothing', () => {
    const h = running();
    const log = JSON.parse(roomLogOf(h).text) as { entries: { kind: string; vote?: { option: unknown } }[] };
    const vote = log.entries.findIndex((e) => e.kind === 'vote');
    log.entries[vote]!.vote!.option = 42;
    const read = readSessionFile(JSON.stringify(log), replays(h));
    expect(read.sessions).toEqual([]);
    expect(read.problems).toEqual([`room log: entries.${vote}.vote.option: Invalid input: expected string, received number`]);
  });

  it('names the entry where the run stops adding up', () => {
    const h = running();
    const log = JSON.parse(roomLogOf(h).text) as { entries: { kind: string; control?: { type: string; from: number } }[] };
    const last = log.entries.length - 1;
    log.entries[last]!.control!.from = 999;
    const checked = checkRoomLog(log);
    if (!('log' in checked)) throw new Error(checked.problems.join('; '));
    expect(roomLogToSession(checked.log, 'Tiny')).toEqual({ problem: `room log: entries.${last}.control.from: the run has 2 inputs there, so it cannot go on from input 999` });
  });

  it('refuses a log whose run the scenario cannot replay, saying why', () => {
    const h = running();
    const log = JSON.parse(roomLogOf(h).text) as { scenario: { fingerprint: string } };
    log.scenario.fingerprint = 'an-older-version';
    const read = readSessionFile(JSON.stringify(log), replays(h));
    expect(read.sessions).toEqual([]);
    expect(read.problems).toEqual([`room ${CODE}: scenario "tiny" has changed since this run was saved`]);
  });

  it('refuses a file over the size bound before reading it', () => {
    const h = running();
    const read = readSessionFile(`{"format":"war-room-room-log","pad":"${'x'.repeat(21 * 1024 * 1024)}"}`, replays(h));
    expect(read.problems[0]).toMatch(/^the file is 2\d MB; session files are limited to 20 MB$/);
  });
});
