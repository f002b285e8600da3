import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addConsoleWords, useLang } from '../../src/facilitator/console/i18n.ts';
import germanConsole from '../../src/facilitator/console/messages-de.json';
import { sayRoomError } from '../../src/facilitator/room/room-words.ts';
import type { RoomErrorMessage } from '../../src/protocol/views.ts';
import { consoleView, roomClients, startTestRooms, until, type TestRooms } from './helpers.ts';

// The room refuses the console with a code and its values, never only in English words: a German
// console says each refusal in German. Phones keep getting theirs worded by the room (phone-words).

let rooms: TestRooms;
beforeAll(async () => {
  rooms = await startTestRooms();
  addConsoleWords('de', germanConsole);
});
afterAll(async () => {
  await rooms.close();
});
afterEach(() => useLang('en'));

const { openRoom, phone } = roomClients(() => rooms);
const errors = (got: { type: string; message: unknown }[]): RoomErrorMessage[] => got.filter((m) => m.type === 'error').map((m) => m.message as RoomErrorMessage);

describe('the room’s refusals to the console', () => {
  it('arrive as codes with their values, which a German console words in German', async () => {
    const c = await openRoom({ lang: 'de' });
    c.room.send('control.run', { secret: 'x'.repeat(32), from: 0, events: [], stage: 'debrief', decision: 'open', shown: null });
    c.room.send('vote', { decision: 'x', option: 'y' });
    c.room.send('control.settings', { secret: c.secret, settings: { anonymous: 'yes' } });
    c.room.send('control.vote', { secret: c.secret, action: 'close' });
    c.room.send('hack', {});
    await until(() => errors(c.got).length === 5, 'five refusals');
    const [wrongKey, vote, invalid, passedOn, unknown] = errors(c.got);
    expect(wrongKey).toEqual({ type: 'control.run', code: 'roomRefused.wrongKey', message: 'that is not this room’s facilitator key' });
    expect(vote).toMatchObject({ type: 'vote', code: 'roomRefused.onlyPhonesVote', message: 'only participants vote' });
    expect(invalid).toMatchObject({ type: 'control.settings', code: 'roomRefused.invalid', params: { issues: expect.stringContaining('settings') } });
    // The room's model words its own reasons: they pass through as they come.
    expect(passedOn).toMatchObject({ type: 'control.vote', code: 'roomRefused.passedOn' });
    expect(passedOn!.message).toBe((passedOn!.params as { reason: string }).reason);
    expect(unknown).toMatchObject({ type: 'hack', code: 'roomRefused.unknownType', params: { type: 'hack' } });

    useLang('de');
    expect(sayRoomError(wrongKey)).toBe('Der Raum hat „control.run“ abgelehnt: das ist nicht der Moderationsschlüssel dieses Raums');
    expect(sayRoomError(vote)).toBe('Der Raum hat „vote“ abgelehnt: abstimmen können nur die Teilnehmenden');
    expect(sayRoomError(invalid)).toMatch(/^Der Raum hat „control\.settings“ abgelehnt: die Nachricht passt nicht zum Protokoll des Raums: settings/);
    expect(sayRoomError(passedOn)).toBe(`Der Raum hat „control.vote“ abgelehnt: ${passedOn!.message}`);
    expect(sayRoomError(unknown)).toBe('Der Raum hat „hack“ abgelehnt: unbekannter Nachrichtentyp „hack“');
    useLang('en');
    expect(sayRoomError(wrongKey)).toBe('The room refused “control.run”: that is not this room’s facilitator key');
    await c.room.leave();
  });

  it('says an oversize message and a flood in numbers the console formats; a phone still gets words, no code', async () => {
    const c = await openRoom();
    const p = await phone(c.room.roomId, { name: 'Ana', role: 'cio', lang: 'de' });
    c.send('control.settings', { settings: { resultsVisible: false, anonymous: true, debriefToPhones: true }, pad: 'z'.repeat(5000) });
    await until(() => errors(c.got).some((e) => e.code === 'roomRefused.tooLarge'), 'the oversize refusal');
    const tooLarge = errors(c.got).find((e) => e.code === 'roomRefused.tooLarge')!;
    expect(tooLarge.params).toEqual({ bytes: expect.any(Number), limit: 4096 });
    useLang('de');
    expect(sayRoomError(tooLarge)).toMatch(/^Der Raum hat „control\.settings“ abgelehnt: die Nachricht hat 5\.\d{3} Byte; erlaubt sind 4\.096$/);
    for (let i = 0; i < 120; i++) c.room.send('hack', {});
    await until(() => errors(c.got).some((e) => e.code === 'roomRefused.tooManyMessages'), 'the flood refusal');
    expect(sayRoomError(errors(c.got).find((e) => e.code === 'roomRefused.tooManyMessages'))).toBe('Zu viele Nachrichten: höchstens 100 pro Sekunde');
    // The room carries on for the console, and the phone is refused in its own words.
    p.room.send('language', { lang: 'xx' });
    await until(() => errors(p.got).length > 0, 'the phone’s refusal');
    expect(errors(p.got)[0]!.code).toBeUndefined();
    await until(() => consoleView(c.got)?.participants.length === 1, 'the console’s view of the phone');
    await c.room.leave();
  });
});
