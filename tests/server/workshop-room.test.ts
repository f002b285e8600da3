import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isJoinCode } from '../../src/protocol/join-code.ts';
import { SEAT_NOT_FOUND, type BallotMessage, type ConsoleRoomView, type RecordsMessage, type RoomErrorMessage, type ViewUpdateMessage } from '../../src/protocol/views.ts';
import { consoleView, last, LEGAL_MARKER, record, roomClients, START_INCIDENT, startTestRooms, until, type TestRooms } from './helpers.ts';

let rooms: TestRooms;
beforeAll(async () => {
  rooms = await startTestRooms();
});
afterAll(async () => {
  await rooms.close();
});

const { openRoom, phone, startIncident } = roomClients(() => rooms);

describe('workshop room', () => {
  it('opens with a six-character join code as its id and gives the console a facilitator key', async () => {
    const c = await openRoom();
    expect(isJoinCode(c.room.roomId)).toBe(true);
    expect(c.room.roomId).not.toMatch(/[01OI]/);
    expect(c.secret.length).toBeGreaterThanOrEqual(16);
    await c.room.leave();
  });

  it('seats phones by role, refuses a full role and a full room, and a wrong code finds no room', async () => {
    const c = await openRoom({ cap: 3, seats: { legal: 1 } });
    const a = await phone(c.room.roomId, { name: 'Ana', role: 'legal' });
    expect(a.seat().role).toBe('legal');
    await expect(rooms.colyseus.sdk.joinById(c.room.roomId, { name: 'Bo', role: 'legal' })).rejects.toThrow(/Every Legal seat is taken/);
    await phone(c.room.roomId, { name: 'Bo', role: 'cfo' });
    await phone(c.room.roomId, { name: 'Cy', role: 'ceo' });
    await expect(rooms.colyseus.sdk.joinById(c.room.roomId, { name: 'Di', role: 'ceo' })).rejects.toThrow(/full \(3 people\)/);
    await expect(rooms.colyseus.sdk.joinById('ZZZZZZ', { name: 'Ed', role: 'ceo' })).rejects.toThrow(/not found/);
    await until(() => consoleView(c.got)?.participants.length === 3, 'three participants in the console');
    expect(consoleView(c.got)!.participants.map((p) => p.name)).toEqual(['Ana', 'Bo', 'Cy']);
  });

  it('sends the console its whole view once, then only what changed; a late console and a reconnected one agree with it', async () => {
    const c = await openRoom();
    const code = c.room.roomId;
    const phones = await Promise.all(
      (['cio', 'ceo', 'legal', 'cfo'] as const).map((role, i) => phone(code, { name: `Voter ${i}`, role })),
    );
    await startIncident(c);
    await until(() => phones.every((p) => p.view().vote?.open === true), 'the open vote on every phone');
    const decision = phones[0]!.view().vote!.decision;
    const voted = () => consoleView(c.got)?.participants.filter((p) => p.voted).length ?? 0;
    for (const [i, p] of phones.entries()) {
      p.room.send('vote', { decision, option: i % 2 === 0 ? 'restore' : 'failover', confidence: 1 + i, rationale: `reason ${i}` });
      await until(() => voted() === i + 1, `vote ${i + 1} on the console`);
    }
    // Anonymous (the default): the console has every ballot, sorted, with no names.
    expect(consoleView(c.got)!.vote!.ballots.map((b) => [b.name, b.option, b.rationale])).toEqual([
      [null, 'failover', 'reason 1'],
      [null, 'failover', 'reason 3'],
      [null, 'restore', 'reason 0'],
      [null, 'restore', 'reason 2'],
    ]);
    const types = c.got.filter((m) => m.type === 'console' || m.type === 'consoleDelta').map((m) => m.type);
    expect(types.filter((t) => t === 'console')).toEqual(['console']);
    expect(types[0]).toBe('console');
    expect(types.length).toBeGreaterThanOrEqual(5);
    // A lost delta does not go unnoticed: the next one is made from a version the console lacks.
    const lost = c.got.filter((m) => m.type === 'consoleDelta').at(-2)!;
    expect(() => consoleView(c.got.filter((m) => m !== lost))).toThrow(/delta from version \d+ while it had version/);

    // A second console (another window with the key) gets the whole view, the same as the first put together.
    const late = await rooms.colyseus.sdk.joinById(code, { facilitator: c.secret });
    const lateGot = record(late);
    const agree = () => {
      const a = consoleView(c.got);
      const b = consoleView(lateGot);
      return a !== undefined && b !== undefined && a.version === b.version && JSON.stringify(a) === JSON.stringify(b);
    };
    await until(agree, 'the late console to agree');

    // The first console drops; a vote changes and a phone leaves meanwhile; back, it has the whole view again.
    c.room.reconnection.minUptime = 0;
    const back = new Promise<void>((resolve) => c.room.onReconnect(() => resolve()));
    c.room.connection.close(4010);
    phones[0]!.room.send('vote', { decision, option: 'failover', confidence: 5, rationale: 'changed my mind' });
    await phones[3]!.room.leave();
    await until(() => consoleView(lateGot)?.participants.filter((p) => !p.connected).length === 1, 'the late console to see the phone leave');
    await back;
    await until(agree, 'the reconnected console to agree');
    expect(consoleView(c.got)!.vote!.ballots.filter((b) => b.rationale === 'changed my mind')).toHaveLength(1);
    expect(consoleView(c.got)!.vote!.tally).toEqual({ counts: { failover: 3, restore: 1 }, total: 4 });
    await late.leave();
    await c.room.leave();
  });

  it('takes a vote, lets it change until closed, and keeps confidence and rationale; reveal shows the tally', async () => {
    const c = await openRoom({ settings: { resultsVisible: false, anonymous: false, debriefToPhones: true } });
    const p = await phone(c.room.roomId, { name: 'Ana', role: 'cio' });
    await startIncident(c);
    await until(() => p.view().vote?.open === true, 'the phone to see the open vote');
    const decision = p.view().vote!.decision;
    expect(p.view().decision!.options.map((o) => o.id)).toEqual(['failover', 'restore', 'wait']);
    const consoleBallot = () => consoleView(c.got)?.vote?.ballots[0];
    p.room.send('vote', { decision, option: 'restore', confidence: 2, rationale: 'slow but sure' });
    await until(() => consoleBallot()?.option === 'restore', 'the vote to land');
    p.room.send('vote', { decision, option: 'failover', confidence: 4, rationale: 'we paid for it' });
    await until(() => consoleBallot()?.option === 'failover', 'the changed vote');
    expect(p.view().vote!.tally).toBeNull();
    await until(() => last<{ tally: { total: number } }>(c.got, 'tally')?.tally.total === 1, 'the console tally');
    // Each accepted vote is confirmed to its phone with the ballot the room logged, the last one last.
    const ballots = () => p.got.filter((m) => m.type === 'ballot').map((m) => (m.message as BallotMessage).mine?.option);
    await until(() => ballots().length === 2, 'both votes confirmed');
    expect(ballots()).toEqual(['restore', 'failover']);
    c.send('control.vote', { action: 'close' });
    await until(() => p.view().vote?.open === false, 'the vote to close');
    p.room.send('vote', { decision, option: 'wait' });
    await until(() => /closed this vote/.test(last<RoomErrorMessage>(p.got, 'error')?.message ?? ''), 'the refusal of a late vote');
    // A refused vote comes back with the ballot the room has, so the phone shows that one.
    await until(() => ballots().length === 3, 'the ballot the room kept');
    expect(ballots()[2]).toBe('failover');
    expect(p.view().vote?.mine?.option).toBe('failover');
    c.send('control.vote', { action: 'reveal' });
    await until(() => p.view().vote?.tally !== null, 'the revealed tally');
    expect(p.view().vote!.tally).toEqual({ counts: { failover: 1 }, total: 1 });
    await until(() => last<RecordsMessage>(c.got, 'records')?.records.length === 1, 'the closed vote’s record');
    const records = last<RecordsMessage>(c.got, 'records')!.records;
    expect(records).toHaveLength(1);
    expect(records[0]!.ballots).toEqual([{ name: 'Ana', role: 'cio', option: 'failover', confidence: 4, rationale: 'we paid for it' }]);
  });

  it('sends a phone its view only when it changed, and the vote’s state alone when only that changed', async () => {
    const c = await openRoom();
    const p = await phone(c.room.roomId, { name: 'Ana', role: 'cio' });
    await startIncident(c);
    await until(() => p.view().vote?.open === true, 'the open vote');
    const views = () => p.got.filter((m) => m.type === 'view' || m.type === 'update').length;
    const before = views();
    c.send('control.vote', { action: 'close' });
    await until(() => p.view().vote?.open === false, 'the vote to close');
    c.send('control.vote', { action: 'reopen' });
    await until(() => p.view().vote?.open === true, 'the vote to reopen');
    expect(views()).toBe(before);
    expect(p.got.slice(-2).map((m) => m.type)).toEqual(['vote', 'vote']);
    // Settings that leave the phone's screen as it was send it nothing.
    c.send('control.settings', { settings: { resultsVisible: false, anonymous: false, debriefToPhones: true } });
    await until(() => consoleView(c.got)?.settings.anonymous === false, 'the new settings');
    // A refused vote is answered on the same connection after anything sent before it.
    p.room.send('vote', { decision: 'nope@0', option: 'wait' });
    await until(() => last<RoomErrorMessage>(p.got, 'error') !== undefined, 'the refusal');
    expect(views()).toBe(before);
    // A change on screen (the clock) sends what changed (the clock alone), with the vote's state.
    const clock = p.view().clock;
    c.send('control.run', { from: START_INCIDENT.length, events: [{ type: 'clock.tick', minutes: 1 }], stage: 'incident', decision: 'open', shown: null });
    await until(() => views() === before + 1, 'the new view');
    const update = last<ViewUpdateMessage>(p.got, 'update')!;
    expect(Object.keys(update).sort()).toEqual(['clock', 'vote']);
    expect(update.clock).toBe(clock + 1);
    expect(update.vote).toMatchObject({ open: true });
    expect(p.view().decision?.options.length).toBeGreaterThan(0);
  });

  it('sends an inject aimed at Legal only to the Legal phone', async () => {
    const c = await openRoom();
    const legal = await phone(c.room.roomId, { name: 'Lea', role: 'legal' });
    const cfo = await phone(c.room.roomId, { name: 'Cal', role: 'cfo' });
    await startIncident(c);
    await until(() => legal.view().phase === 'incident' && cfo.view().phase === 'incident', 'both phones in the incident');
    const memo = legal.view().injects.find((i) => i.id === 'legal-memo');
    expect(memo?.forYou).toBe(true);
    expect(memo?.text).toContain(LEGAL_MARKER);
    expect(cfo.view().injects.map((i) => i.id)).toEqual(['alert']);
    expect(JSON.stringify(cfo.got)).not.toContain(LEGAL_MARKER);
  });

  it('shows a latecomer the current beat and the open vote at once', async () => {
    const c = await openRoom();
    await startIncident(c);
    const late = await phone(c.room.roomId, { name: 'Late', role: 'hr' });
    expect(late.view().phase).toBe('incident');
    expect(late.view().beat?.title).toBe('The database falls over');
    expect(late.view().vote?.open).toBe(true);
    expect(late.view().injects.map((i) => i.id)).toEqual(['alert']);
  });

  it('refuses and logs a participant’s control message, and refuses a wrong facilitator key', async () => {
    const c = await openRoom();
    const p = await phone(c.room.roomId, { name: 'Mal', role: 'ops' });
    p.room.send('control.run', { secret: c.secret, from: 0, events: [], stage: 'debrief', decision: 'open', shown: null });
    await until(() => last<RoomErrorMessage>(p.got, 'error') !== undefined, 'the refusal');
    expect(last<RoomErrorMessage>(p.got, 'error')!.message).toMatch(/only the facilitator/);
    expect(rooms.logs.some((l) => l.includes('refused "control.run" from participant'))).toBe(true);
    expect(p.view().phase).toBe('lobby');
    c.room.send('control.run', { secret: 'x'.repeat(32), from: 0, events: [], stage: 'debrief', decision: 'open', shown: null });
    await until(() => /facilitator key/.test(last<RoomErrorMessage>(c.got, 'error')?.message ?? ''), 'the wrong-key refusal');
    await expect(rooms.colyseus.sdk.joinById(c.room.roomId, { facilitator: 'y'.repeat(32) })).rejects.toThrow(/facilitator key/);
  });

  it('lets a phone rejoin its seat with its device token, keeping its vote and adding no seat', async () => {
    const c = await openRoom();
    const p = await phone(c.room.roomId, { name: 'Ana', role: 'cio' });
    await startIncident(c);
    await until(() => p.view().vote?.open === true, 'the open vote');
    p.room.send('vote', { decision: p.view().vote!.decision, option: 'restore', confidence: 3 });
    await until(() => consoleView(c.got)?.participants[0]?.voted === true, 'the vote');
    const device = p.seat().device;
    await p.room.leave();
    const again = await phone(c.room.roomId, { device });
    expect(again.seat().name).toBe('Ana');
    expect(again.view().vote!.mine).toEqual({ option: 'restore', confidence: 3, rationale: '' });
    await until(() => consoleView(c.got)?.participants.every((x) => x.connected) === true, 'connected again');
    expect(consoleView(c.got)!.participants).toHaveLength(1);
    await expect(rooms.colyseus.sdk.joinById(c.room.roomId, { device: 'not-a-known-device' })).rejects.toThrow(/not found: join again/);
    // The phone stops rejoining on the code, whatever language the words are in.
    await expect(rooms.colyseus.sdk.joinById(c.room.roomId, { device: 'not-a-known-device', lang: 'de' })).rejects.toMatchObject({
      code: SEAT_NOT_FOUND,
      message: expect.stringContaining('nicht gefunden'),
    });
  });

  it('answers unknown types, wrong fields, oversize messages and floods with an error, and the room carries on', async () => {
    const c = await openRoom();
    const p = await phone(c.room.roomId, { name: 'Ana', role: 'cio' });
    const errors = () => p.got.filter((m) => m.type === 'error').map((m) => (m.message as RoomErrorMessage).message);
    p.room.send('hack', { x: 1 });
    await until(() => errors().some((e) => /unknown message type "hack"/.test(e)), 'unknown type refusal');
    p.room.send('vote', { decision: 'x', option: 7 });
    await until(() => errors().some((e) => /option:/.test(e)), 'wrong field refusal');
    p.room.send('vote', { decision: 'x', option: 'y', rationale: 'z'.repeat(5000) });
    await until(() => errors().some((e) => /limit is 4096/.test(e)), 'oversize refusal');
    for (let i = 0; i < 30; i++) p.room.send('vote', { decision: 'x', option: 'y' });
    await until(() => errors().some((e) => /too many messages/i.test(e)), 'flood refusal');
    // Still in the room, and the room still works for everyone.
    await startIncident(c);
    await until(() => p.view().phase === 'incident', 'the phone to follow the exercise');
    expect(p.room.connection.isOpen).toBe(true);
  });
});
