import { afterEach, describe, expect, it } from 'vitest';
import { addConsoleWords, useLang } from '../../../src/facilitator/console/i18n.ts';
import germanConsole from '../../../src/facilitator/console/messages-de.json';
import { sayRoomError } from '../../../src/facilitator/room/room-words.ts';
import { couldNotStart } from '../../../src/facilitator/start-failure.ts';
import { roomError, RoomErrorMessageSchema } from '../../../src/protocol/room-refusals.ts';

// What the room says to the console, in the console's language: the room sends a code and its
// values; the console's catalogue words them, and the sentence around them.

addConsoleWords('de', germanConsole);
afterEach(() => useLang('en'));

describe('the room’s refusals in the console’s words', () => {
  it('words a code with its values filled, in English and in German', () => {
    const tooLarge = roomError('vote', { code: 'roomRefused.tooLarge', params: { bytes: 5012, limit: 4096 } });
    expect(tooLarge.message).toBe('the message is 5,012 bytes; the limit is 4,096');
    expect(sayRoomError(tooLarge)).toBe('The room refused “vote”: the message is 5,012 bytes; the limit is 4,096');
    useLang('de');
    expect(sayRoomError(tooLarge)).toBe('Der Raum hat „vote“ abgelehnt: die Nachricht hat 5.012 Byte; erlaubt sind 4.096');
    expect(sayRoomError(roomError('control.run', { code: 'roomRefused.wrongKey' }))).toBe('Der Raum hat „control.run“ abgelehnt: das ist nicht der Moderationsschlüssel dieses Raums');
    expect(sayRoomError(roomError('control.run', { code: 'roomRefused.notSaved', params: { reason: 'disk full' } }))).toBe(
      'Der Raum hat „control.run“ abgelehnt: nicht gespeichert und daher nicht gezählt: disk full',
    );
  });

  it('says a refusal of no one message as a sentence of its own', () => {
    const flood = roomError(null, { code: 'roomRefused.tooManyMessages', params: { limit: 100 } });
    expect(sayRoomError(flood)).toBe('Too many messages: at most 100 a second');
    const readOnly = roomError(null, { code: 'roomRefused.readOnlyJoined', params: { reason: 'the replayed room does not match' } });
    expect(readOnly.message).toBe('This room is read-only: the replayed room does not match. Its log can still be exported.');
    useLang('de');
    expect(sayRoomError(flood)).toBe('Zu viele Nachrichten: höchstens 100 pro Sekunde');
    expect(sayRoomError(readOnly)).toBe('Dieser Raum ist schreibgeschützt: the replayed room does not match. Sein Protokoll lässt sich weiterhin exportieren.');
  });

  it('passes a reason worded elsewhere on as it came, inside its own sentence', () => {
    useLang('de');
    expect(sayRoomError(roomError('control.vote', { code: 'roomRefused.passedOn', params: { reason: 'the vote is already open' } }))).toBe(
      'Der Raum hat „control.vote“ abgelehnt: the vote is already open',
    );
    // A room without codes (an older server): its own words.
    expect(sayRoomError({ type: 'control.vote', message: 'the vote is already open' })).toBe('Der Raum hat „control.vote“ abgelehnt: the vote is already open');
  });

  it('checks an error as it arrives: an unknown code, or one without the values its words name, is not worded', () => {
    expect(RoomErrorMessageSchema.safeParse({ type: 'vote', message: 'x', code: 'roomRefused.tooLarge', params: { bytes: 1 } }).success).toBe(false);
    expect(RoomErrorMessageSchema.safeParse({ type: 'vote', message: 'x', code: 'roomRefused.nope' }).success).toBe(false);
    expect(RoomErrorMessageSchema.safeParse(roomError('vote', { code: 'roomRefused.tooLarge', params: { bytes: 1, limit: 2 } })).success).toBe(true);
    expect(sayRoomError({ type: 'vote', message: 'x', code: 'roomRefused.tooLarge', params: { bytes: 1 } })).toBe('The room refused a message.');
    useLang('de');
    expect(sayRoomError('not an error')).toBe('Der Raum hat eine Nachricht abgelehnt.');
  });
});

describe('the console’s start-up failure', () => {
  it('is said in the remembered language, without its catalogue', () => {
    expect(couldNotStart('en', 'Failed to fetch')).toBe('The facilitator console could not start: Failed to fetch');
    expect(couldNotStart('de', 'Failed to fetch')).toBe('Die Moderationskonsole konnte nicht starten: Failed to fetch');
    // The reason is text, never a replacement pattern.
    expect(couldNotStart('de', 'cost $& more')).toBe('Die Moderationskonsole konnte nicht starten: cost $& more');
  });
});
