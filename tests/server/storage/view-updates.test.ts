import type { Room as SdkRoom } from '@colyseus/sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SeatMessage, ViewUpdateMessage } from '../../../src/protocol/views.ts';
import type { LogEntry } from '../../../server/storage/log.ts';
import { MemoryStore } from '../../../server/storage/memory.ts';
import { CREATE, last, phoneView, record, START_INCIDENT, startTestRooms, until, type TestRooms } from '../helpers.ts';

// After its first view a phone gets only the fields that changed. A phone that rejoins while a
// change is still being logged has a newer view than the one its role's phones were last sent:
// the update that follows would not take it there, so it gets the whole view instead.

/** A store whose writes wait while held, like a slow database. */
class HeldStore extends MemoryStore {
  private gate: Promise<void> | null = null;
  private open = () => {};
  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }
  release(): void {
    this.gate = null;
    this.open();
  }
  override async append(code: string, seq: number, entries: readonly LogEntry[], fingerprint: string | null): Promise<void> {
    await this.gate;
    return super.append(code, seq, entries, fingerprint);
  }
}

const store = new HeldStore();
let rooms: TestRooms;
beforeAll(async () => {
  rooms = await startTestRooms({ store });
});
afterAll(async () => {
  store.release();
  await rooms.close();
});

async function join(code: string, options: object) {
  const room: SdkRoom = await rooms.colyseus.sdk.joinById(code, options);
  const got = record(room);
  await until(() => last(got, 'view') !== undefined, 'the first view');
  return { room, got, view: () => phoneView(got) };
}

it('sends the whole view to a phone that rejoined while a change was being logged, and updates after', async () => {
  const consoleRoom = await rooms.colyseus.sdk.create('workshop', { ...CREATE });
  const c = record(consoleRoom);
  await until(() => last(c, 'secret') !== undefined, 'the facilitator key');
  const secret = last<{ secret: string }>(c, 'secret')!.secret;
  const code = consoleRoom.roomId;
  const run = (from: number, events: object[]) => consoleRoom.send('control.run', { secret, from, events, stage: 'incident', decision: 'open', shown: null });
  const ana = await join(code, { name: 'Ana', role: 'cio' });
  const bo = await join(code, { name: 'Bo', role: 'cio' });
  await until(() => last(bo.got, 'seat') !== undefined, 'Bo’s seat');
  const device = last<SeatMessage>(bo.got, 'seat')!.device;
  run(0, START_INCIDENT);
  await until(() => ana.view().vote?.open === true && bo.view().vote?.open === true, 'the open vote on both phones');
  const clock = ana.view().clock;
  await bo.room.leave(true);

  // The tick is applied at once and sent to the phones once logged; Bo rejoins in between.
  store.hold();
  run(START_INCIDENT.length, [{ type: 'clock.tick', minutes: 1 }]);
  const again = await join(code, { device });
  expect(again.view().clock).toBe(clock + 1);
  const joined = again.got.length;
  store.release();
  await until(() => ana.view().clock === clock + 1, 'the tick on Ana’s phone');
  await until(() => again.got.length > joined, 'Bo’s phone brought up to date');
  expect(last<ViewUpdateMessage>(ana.got, 'update')).toMatchObject({ clock: clock + 1 });
  expect(again.got.slice(joined).map((m) => m.type)).toEqual(['view']);
  expect(again.view().clock).toBe(clock + 1);

  // Both phones now have the view last sent: the next change is an update for both.
  run(START_INCIDENT.length + 1, [{ type: 'clock.tick', minutes: 1 }]);
  await until(() => ana.view().clock === clock + 2 && again.view().clock === clock + 2, 'the next tick on both phones');
  for (const p of [ana, again]) expect(Object.keys(last<ViewUpdateMessage>(p.got, 'update')!).sort()).toEqual(['clock', 'vote']);
  expect(again.view()).toEqual({ ...ana.view(), you: again.view().you, vote: again.view().vote });
});
