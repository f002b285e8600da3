import type { Room as SdkRoom } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BallotMessage, ConsoleRoomView, RoomErrorMessage } from '../../../src/protocol/views.ts';
import type { LogEntry } from '../../../server/storage/log.ts';
import { MemoryStore } from '../../../server/storage/memory.ts';
import { consoleView, CREATE, last, phoneView, record, START_INCIDENT, startTestRooms, until, type TestRooms } from '../helpers.ts';

// A vote is applied when it arrives and logged after. When the log cannot be written, the room
// becomes read-only and must show only what was saved: the refused vote counts nowhere, not in the
// console's tally while its phone is told "not counted".

/** A store whose writes start failing when told to, like a full disk or a lost database. */
class FailingStore extends MemoryStore {
  failing = false;
  override async append(code: string, seq: number, entries: readonly LogEntry[], fingerprint: string | null): Promise<void> {
    if (this.failing) throw new Error('disk full');
    return super.append(code, seq, entries, fingerprint);
  }
}

const store = new FailingStore();
let rooms: TestRooms;
beforeAll(async () => {
  rooms = await startTestRooms({ store });
});
afterAll(async () => {
  await rooms.close();
});

async function join(code: string, name: string, role: string) {
  const room: SdkRoom = await rooms.colyseus.sdk.joinById(code, { name, role });
  const got = record(room);
  await until(() => last(got, 'view') !== undefined, 'the first view');
  return { room, got, view: () => phoneView(got) };
}

describe('a room whose log cannot be written', () => {
  it('counts only the votes it saved, and tells the refused phone which ballot it kept', async () => {
    const consoleRoom = await rooms.colyseus.sdk.create('workshop', { ...CREATE });
    const c = record(consoleRoom);
    await until(() => last(c, 'secret') !== undefined, 'the facilitator key');
    const secret = last<{ secret: string }>(c, 'secret')!.secret;
    const code = consoleRoom.roomId;
    const ana = await join(code, 'Ana', 'cio');
    const bo = await join(code, 'Bo', 'cfo');
    consoleRoom.send('control.run', { secret, from: 0, events: START_INCIDENT, stage: 'incident', decision: 'open', shown: null });
    await until(() => ana.view().vote?.open === true && bo.view().vote?.open === true, 'both phones to see the open vote');
    const decision = ana.view().vote!.decision;
    const ballots = () => consoleView(c)?.vote?.ballots.map((b) => b.option) ?? [];

    ana.room.send('vote', { decision, option: 'restore' });
    await until(() => ana.got.some((m) => m.type === 'ballot'), 'Ana’s vote confirmed');
    await until(() => ballots().length === 1, 'the console to count Ana’s vote');

    store.failing = true;
    bo.room.send('vote', { decision, option: 'failover' });
    await until(() => /Your vote was not saved, so it was not counted/.test(last<RoomErrorMessage>(bo.got, 'error')?.message ?? ''), 'Bo’s refusal');
    await until(() => bo.got.some((m) => m.type === 'ballot'), 'the ballot the room kept for Bo');
    expect(last<BallotMessage>(bo.got, 'ballot')!.mine).toBeNull();
    await until(() => consoleView(c)?.readOnly !== undefined, 'the console to learn the room is read-only');
    expect(consoleView(c)!.readOnly).toMatch(/could not be written: disk full/);
    expect(ballots()).toEqual(['restore']);
    // Both phones keep their seats (connected) after the room went back to its log.
    expect(consoleView(c)!.participants.map((p) => [p.name, p.connected])).toEqual([
      ['Ana', true],
      ['Bo', true],
    ]);
    // A read-only room takes no more votes.
    ana.room.send('vote', { decision, option: 'wait' });
    await until(() => /read-only/.test(last<RoomErrorMessage>(ana.got, 'error')?.message ?? ''), 'the read-only refusal');
    expect(ballots()).toEqual(['restore']);
  });
});
