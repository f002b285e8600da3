import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleStore } from '../../../src/facilitator/console/console-store.ts';
import { DEFAULT_ROOM_SETTINGS, RoomLink, type LinkState } from '../../../src/facilitator/room/room-link.ts';
import { loadPublicRoomInfo } from '../../../src/facilitator/room/room-storage.ts';
import { addConsoleWords, useLang } from '../../../src/facilitator/console/i18n.ts';
import germanConsole from '../../../src/facilitator/console/messages-de.json';
import type { ConsoleRoomView } from '../../../src/protocol/views.ts';
import { memoryStorage } from '../../../src/store/storage.ts';
import type { WorkshopRoom } from '../../../server/workshop-room.ts';
import { CREATE, last, OUTAGE_TITLE, phoneView, record, START_INCIDENT, startTestRooms, until, type TestRooms } from '../../server/helpers.ts';

// The console's room link against a real room server: the view it keeps (whole, then deltas) is
// the room's own console view after every change, and a delta it cannot apply, or a view that
// fails its check, makes it take the room up again and have the whole view.

let rooms: TestRooms;
const saved = { localStorage: globalThis.localStorage, location: globalThis.location };
beforeAll(async () => {
  rooms = await startTestRooms();
  // What the link reads of the browser: its storage (the room's key) and the page's address.
  Object.assign(globalThis, { localStorage: memoryStorage(), location: { origin: `http://127.0.0.1:${rooms.port}` } });
});
afterAll(async () => {
  Object.assign(globalThis, saved);
  await rooms.close();
});

/**
 * Just what the link reads of the console's store: a session in the incident with the first
 * decision open, in a window that is not the authority (no team list changes, no vote count taken).
 */
function fakeStore(said: string[] = []): ConsoleStore {
  const session = { id: 'session-1', scenarioId: CREATE.scenarioId, seed: CREATE.seed, partner: CREATE.partner, run: { inputs: START_INCIDENT }, stage: 'incident', decision: 'open', hiddenFrom: null, votes: {} };
  const state = { session, sync: { authority: false }, notify: (m: { text: string }) => said.push(m.text), act: () => null, exercise: () => ({ shown: () => null }) };
  return { getState: () => state, subscribe: () => () => {} } as unknown as ConsoleStore;
}

type Open = Extract<LinkState, { kind: 'open' }>;

describe('room link', () => {
  it('keeps the room’s console view exactly, from deltas, and takes the room up again when one does not fit', async () => {
    const link = new RoomLink(fakeStore(), `ws://127.0.0.1:${rooms.port}`);
    const states: LinkState[] = [];
    link.onChange((s) => states.push(s));
    await link.open();
    expect(link.state.kind).toBe('open');
    const { code } = (link.state as Open).info;
    const server = matchMaker.getLocalRoomById(code) as unknown as WorkshopRoom & { broadcast(type: string, message: unknown): void };
    const shown = (): ConsoleRoomView | null => {
      const room = (link.state as Open).room;
      if (!room) return null;
      const { version: _, ...view } = room as ConsoleRoomView & { version: number };
      return view;
    };
    const agrees = () => JSON.stringify(shown()) === JSON.stringify(server.workshop.consoleView());

    // The link put the incident to the room; phones join and vote.
    const phones = await Promise.all((['cio', 'ceo', 'legal'] as const).map((role, i) => rooms.colyseus.sdk.joinById(code, { name: `Voter ${i}`, role })));
    await until(() => shown()?.vote !== null && shown()?.participants.length === 3, 'the open vote and three participants');
    const decision = shown()!.vote!.decision;
    for (const [i, p] of phones.entries()) {
      p.send('vote', { decision, option: i === 1 ? 'failover' : 'restore', confidence: 2, rationale: `because ${i}` });
      await until(() => shown()?.vote?.tally.total === i + 1, `vote ${i + 1}`);
    }
    await until(agrees, 'the link to show the room’s console view');
    const before = states.length;

    // A delta made from another version: the link takes the room up again and has the whole view.
    server.broadcast('consoleDelta', { base: 999_999, cap: 1 });
    await until(() => states.slice(before).some((s) => s.kind === 'open' && !s.connected), 'the link to notice');
    phones[0]!.send('vote', { decision, option: 'failover', confidence: 5, rationale: 'changed' });
    await until(() => (link.state as Open).connected && agrees() && shown()!.vote!.tally.counts.failover === 2, 'the link to agree again', 15_000);
    expect(shown()!.cap).not.toBe(1);

    // A view that fails its check: the same.
    const again = states.length;
    server.broadcast('console', { version: 1, code: 'X', participants: 'not a list' });
    await until(() => states.slice(again).some((s) => s.kind === 'open' && !s.connected), 'the link to notice the bad view');
    await until(() => (link.state as Open).connected && agrees(), 'the link to agree after the bad view', 15_000);
    expect(shown()!.code).toBe(code);

    link.close();
    await Promise.all(phones.map((r) => r.leave()));
  });

  it('opens the room in the console’s language and changes it with setLanguage; the presenter’s room info follows', async () => {
    const link = new RoomLink(fakeStore(), `ws://127.0.0.1:${rooms.port}`);
    await link.open(DEFAULT_ROOM_SETTINGS, 'de');
    const { code } = (link.state as Open).info;
    const server = matchMaker.getLocalRoomById(code) as unknown as WorkshopRoom;
    expect(server.workshop.lang).toBe('de');
    expect(loadPublicRoomInfo()?.lang).toBe('de');
    // A phone with no language of its own reads the room's.
    const phone = await rooms.colyseus.sdk.joinById(code, { name: 'Bo', role: 'ceo' });
    const got = record(phone);
    await until(() => last(got, 'view') !== undefined && phoneView(got).beat?.title === OUTAGE_TITLE.de, 'the German view');

    link.setLanguage('en');
    await until(() => server.workshop.lang === 'en', 'the room in English');
    await until(() => phoneView(got).beat?.title === OUTAGE_TITLE.en, 'the phone in English');
    expect((link.state as Open).info.lang).toBe('en');
    expect(loadPublicRoomInfo()?.lang).toBe('en');
    link.close();
    await phone.leave();
  });

  it('says what the room refused in the console’s language', async () => {
    const said: string[] = [];
    const link = new RoomLink(fakeStore(said), `ws://127.0.0.1:${rooms.port}`);
    await link.open(DEFAULT_ROOM_SETTINGS, 'de');
    const { code } = (link.state as Open).info;
    const server = matchMaker.getLocalRoomById(code) as unknown as WorkshopRoom;
    await until(() => server.workshop.consoleView().vote !== null, 'the open vote');
    addConsoleWords('de', germanConsole);
    useLang('de');
    try {
      // The vote is open already: the room refuses to open it again, and the console says so in German.
      link.voteAction('reopen');
      await until(() => said.length > 0, 'the refusal');
      expect(said[0]).toMatch(/^Der Raum hat „control\.vote“ abgelehnt: \S/);
      link.close();
      expect(await link.exportLog()).toBe('Es ist kein Raum geöffnet.');
    } finally {
      useLang('en');
    }
  });
});
