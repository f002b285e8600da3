import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Client } from '@colyseus/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import type { BallotMessage, ConsoleRoomView, RoomErrorMessage, RoleView } from '../../../src/protocol/views.ts';
import type { RoomLogExport } from '../../../src/protocol/room-log.ts';
import { consoleView, START_INCIDENT, until } from '../helpers.ts';
import { joinPhone, openConsole, since, startServer, type PhoneClient, type ServerProcess } from './crash-helpers.ts';

// The crash of issue "Rooms that survive", on one machine with the embedded store: a real server
// process is killed with SIGKILL in the middle of a vote and started again on the same data folder.
// The room must come back with its code, its fingerprint, every acknowledged vote, and the console
// and every phone back in it by themselves (their key and device tokens, no new seats) within 5 s.

const dir = mkdtempSync(join(tmpdir(), 'war-room-crash-'));
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) await s.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const ROLES = ['ceo', 'cfo', 'coo', 'cio', 'ciso', 'comms', 'legal', 'ops', 'hr', 'observer'];

function storedFingerprint(code: string): string | null {
  const db = new DatabaseSync(join(dir, 'rooms.sqlite'), { readOnly: true });
  try {
    return (db.prepare('SELECT fingerprint FROM war_room_rooms WHERE code = ?').get(code) as { fingerprint: string | null } | undefined)?.fingerprint ?? null;
  } finally {
    db.close();
  }
}

let restarted: { code: string; secret: string; device: string; port: number } | null = null;

describe('a room server killed mid-vote (SQLite)', () => {
  it('comes back on restart with the same room, every acknowledged vote, and every client reconnected within 5 s', { timeout: 90_000 }, async () => {
    const first = await startServer(['--data', dir]);
    servers.push(first);
    const endpoint = `ws://127.0.0.1:${first.port}`;
    const console_ = await openConsole(endpoint);
    const code = console_.room.roomId;
    console_.send('control.run', { from: 0, events: START_INCIDENT, stage: 'incident', decision: 'open', shown: null });
    await until(() => (console_.view()?.vote ?? null) !== null, 'the vote to open');
    const decision = console_.view()!.vote!.decision;

    const phones: PhoneClient[] = [];
    for (const [i, role] of ROLES.entries()) phones.push(await joinPhone(endpoint, code, `Person ${i}`, role));
    const options = (phones[0]!.got.filter((m) => m.type === 'view').at(-1)!.message as RoleView).decision!.options.filter((o) => o.available);
    const choice = (i: number) => options[i % options.length]!.id;

    // Seven votes acknowledged; three more sent as the process dies.
    for (let i = 0; i < 7; i++) phones[i]!.room.send('vote', { decision, option: choice(i), confidence: 1 + (i % 5), rationale: `reason ${i}` });
    await until(() => phones.slice(0, 7).every((p) => p.ballot()?.mine !== null && p.ballot()?.mine !== undefined), 'seven acknowledged votes');
    for (let i = 7; i < 10; i++) phones[i]!.room.send('vote', { decision, option: choice(i) });
    await first.kill('SIGKILL');
    const atCrash = storedFingerprint(code);
    expect(atCrash).not.toBeNull();

    const second = await startServer(['--data', dir, '--port', String(first.port)]);
    servers.push(second);
    const everyone = [console_, ...phones];
    await until(
      () => console_.joins === 2 && consoleView(console_.got.slice(console_.mark)) !== undefined && phones.every((p) => p.joins === 2 && since(p, 'view') !== undefined),
      'the console and ten phones back in the room',
      15_000,
    );
    const backWithin = Math.max(...everyone.map((c) => c.joinedAt)) - second.upAt;
    expect(backWithin).toBeLessThan(5000);

    // Same code, same state: the restore checked the replay against this fingerprint, and nothing was written since.
    expect(console_.room.roomId).toBe(code);
    expect(storedFingerprint(code)).toBe(atCrash);
    expect(since<RoomErrorMessage>(console_, 'error')).toBeUndefined();
    const view = consoleView(console_.got.slice(console_.mark))!;
    expect(view.participants).toHaveLength(10);
    expect(view.vote?.decision).toBe(decision);
    expect(view.vote?.open).toBe(true);
    for (const [i, phone] of phones.slice(0, 7).entries()) {
      expect(since<BallotMessage>(phone, 'ballot')?.mine).toEqual({ option: choice(i), confidence: 1 + (i % 5), rationale: `reason ${i}` });
    }
    expect(view.vote!.tally.total).toBeGreaterThanOrEqual(7);
    const logged = since<BallotMessage>(phones[9]!, 'ballot');
    if (logged?.mine) expect(logged.mine.option).toBe(choice(9));

    // The room goes on: a vote after the restart is acknowledged and counted, and every phone shows as connected.
    phones[9]!.room.send('vote', { decision, option: choice(3) });
    await until(() => since<BallotMessage>(phones[9]!, 'ballot')?.mine?.option === choice(3), 'a vote after the restart');
    await until(() => consoleView(console_.got.slice(console_.mark))?.participants.every((p) => p.connected) === true, 'every phone connected');
    expect(storedFingerprint(code)).not.toBe(atCrash);

    for (const c of everyone) await c.room.leave(true);
    await second.kill('SIGTERM');
    restarted = { code, secret: console_.state.secret, device: phones[0]!.state.device, port: first.port };
  });

  it('keeps a room whose log no longer matches read-only, tells the console why, and still exports its log', { timeout: 60_000 }, async () => {
    expect(restarted).not.toBeNull();
    const { code, secret, device, port } = restarted!;
    const db = new DatabaseSync(join(dir, 'rooms.sqlite'));
    db.prepare("UPDATE war_room_rooms SET fingerprint = 'edited-by-hand' WHERE code = ?").run(code);
    db.close();
    const third = await startServer(['--data', dir, '--port', String(port)]);
    servers.push(third);
    expect(third.log.join('')).toMatch(new RegExp(`room ${code} is read-only: the replayed room does not match`));

    const endpoint = `ws://127.0.0.1:${port}`;
    const consoleRoom = await new Client(endpoint).joinById(code, { facilitator: secret });
    const got: { type: string; message: unknown }[] = [];
    consoleRoom.onMessage('*', (type, message) => got.push({ type: String(type), message }));
    await until(() => got.some((m) => m.type === 'error'), 'the read-only notice');
    expect((got.find((m) => m.type === 'error')!.message as RoomErrorMessage).message).toMatch(/This room is read-only: .*Its log can still be exported/);
    // The console's room view carries the reason, so the panel shows it for as long as it lasts.
    await until(() => got.some((m) => m.type === 'console'), 'the console view');
    expect((got.find((m) => m.type === 'console')!.message as ConsoleRoomView).readOnly).toMatch(/^the replayed room does not match/);
    const phone = await new Client(endpoint).joinById(code, { device });
    const phoneGot: { type: string; message: unknown }[] = [];
    phone.onMessage('*', (type, message) => phoneGot.push({ type: String(type), message }));
    phone.send('vote', { decision: 'x', option: 'y' });
    await until(() => phoneGot.some((m) => m.type === 'error'), 'the refused vote');
    expect((phoneGot.find((m) => m.type === 'error')!.message as RoomErrorMessage).message).toMatch(/read-only/);
    await expect(new Client(endpoint).joinById(code, { name: 'Late', role: 'ceo' })).rejects.toThrow(/read-only/);

    const wrongKey = await fetch(`http://127.0.0.1:${port}/room-log/${code}`, { headers: { authorization: 'Bearer not-the-key-at-all' } });
    expect(wrongKey.status).toBe(404);
    const res = await fetch(`http://127.0.0.1:${port}/room-log/${code}`, { headers: { authorization: `Bearer ${secret}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    const exported = JSON.parse(text) as RoomLogExport;
    expect(exported.format).toBe('war-room-room-log');
    expect(exported.readOnly).toMatch(/^the replayed room does not match/);
    expect(exported.code).toBe(code);
    expect(exported.entries.filter((e) => e.kind === 'seat')).toHaveLength(10);
    expect(exported.entries.filter((e) => e.kind === 'vote').length).toBeGreaterThanOrEqual(8);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(device);
    // Ending the server ends these connections.
    await third.kill('SIGKILL');
    expect(consoleRoom.roomId).toBe(code);
  });
});
