import { afterAll, beforeAll, expect, it } from 'vitest';
import { CREATE, startTestRooms, type TestRooms } from './helpers.ts';

// The HTTP side of the room server: the health check, and the per-address join limit that stops
// a phone (or a script) from guessing codes.

let rooms: TestRooms;
beforeAll(async () => {
  rooms = await startTestRooms({ joinsPerMinute: 4 });
});
afterAll(async () => {
  await rooms.close();
});

it('answers GET /healthz with a small JSON status', async () => {
  const res = await fetch(`http://127.0.0.1:${rooms.port}/healthz`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { status: string; rooms: number };
  expect(body.status).toBe('ok');
  expect(typeof body.rooms).toBe('number');
});

it('limits join attempts per address: wrong codes are “not found” until the limit, then refused', async () => {
  const console = await rooms.colyseus.sdk.create('workshop', CREATE);
  const tries: string[] = [];
  for (let i = 0; i < 5; i++) {
    tries.push(await rooms.colyseus.sdk.joinById('ZZZZZ2', { name: 'Guess', role: 'ceo' }).then(() => 'joined', (e: Error) => e.message));
  }
  expect(tries.slice(0, 3).every((t) => /not found/.test(t))).toBe(true);
  expect(tries[3]).toMatch(/Too many join attempts/);
  // Even the right code is refused until the minute is over.
  const right = await rooms.colyseus.sdk.joinById(console.roomId, { name: 'Ok', role: 'ceo' }).then(() => 'joined', (e: Error) => e.message);
  expect(right).toMatch(/Too many join attempts/);
});
