import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import type { RoomErrorMessage } from '../../src/protocol/views.ts';
import { localizeScenario } from '../../src/scenarios/translation.ts';
import { MemoryStore } from '../../server/storage/memory.ts';
import { ReplayIds, restoreRoom, roomFingerprint } from '../../server/storage/replay.ts';
import { Workshop } from '../../server/workshop.ts';
import {
  consoleView,
  CREATE,
  LEGAL_MARKER,
  LEGAL_MARKER_DE,
  last,
  leakScenario,
  leakTranslation,
  OUTAGE_TITLE,
  roomClients,
  START_INCIDENT,
  startTestRooms,
  until,
  type TestRooms,
} from './helpers.ts';

// The room's language (the facilitator's, logged and replayed) and each phone's own: every phone
// gets its role's view in its language, English rooms send what they sent before languages.

const store = new MemoryStore();
let rooms: TestRooms;
beforeAll(async () => {
  rooms = await startTestRooms({ store });
});
afterAll(async () => {
  await rooms.close();
});

const { openRoom, phone, startIncident } = roomClients(() => rooms);

const errors = (got: { type: string; message: unknown }[]) => got.filter((m) => m.type === 'error').map((m) => (m.message as RoomErrorMessage).message);

describe('room languages', () => {
  it('sends a German phone and an English phone in one room each its own language, private injects by role in both', async () => {
    const c = await openRoom();
    const de = await phone(c.room.roomId, { name: 'Hana', role: 'legal', lang: 'de' });
    const en = await phone(c.room.roomId, { name: 'Ana', role: 'legal', lang: 'en' });
    const follower = await phone(c.room.roomId, { name: 'Bo', role: 'ceo' });
    await startIncident(c);
    await until(() => [de, en, follower].every((p) => p.view().beat !== null), 'the first beat on every phone');
    expect(de.view().beat!.title).toBe(OUTAGE_TITLE.de);
    expect(de.view().lang).toBe('de');
    expect(de.view().textLang).toBeUndefined();
    expect(de.view().decision!.prompt).toBe('Was nun?');
    expect(de.view().injects.find((i) => i.forYou)!.text).toContain(LEGAL_MARKER_DE);
    expect(en.view().beat!.title).toBe(OUTAGE_TITLE.en);
    expect(en.view().injects.find((i) => i.forYou)!.text).toContain(LEGAL_MARKER);
    // English views carry no language field at all: an English room's bytes are as before.
    for (const m of en.got.filter((x) => x.type === 'view' || x.type === 'update')) expect(Object.keys(m.message as object)).not.toContain('lang');
    // A phone with no language of its own reads the room's (English here).
    expect(follower.view().beat!.title).toBe(OUTAGE_TITLE.en);
    expect(JSON.stringify(follower.got)).not.toContain(LEGAL_MARKER);
    expect(JSON.stringify(follower.got)).not.toContain(LEGAL_MARKER_DE);
  });

  it('takes the room’s language from the facilitator (phones without their own follow it) and refuses it from a participant', async () => {
    const c = await openRoom();
    const own = await phone(c.room.roomId, { name: 'Ana', role: 'cio', lang: 'en' });
    const follower = await phone(c.room.roomId, { name: 'Bo', role: 'cio' });
    await startIncident(c);
    await until(() => follower.view().beat?.title === OUTAGE_TITLE.en, 'the English beat');

    const ownViews = () => own.got.filter((m) => m.type === 'view' || m.type === 'update').length;
    const ownBefore = ownViews();
    follower.room.send('control.language', { secret: c.secret, lang: 'de' });
    await until(() => errors(follower.got).length > 0, 'the refusal');
    expect(errors(follower.got)[0]).toMatch(/only the facilitator/);
    expect(rooms.logs.some((l) => l.includes('refused "control.language" from participant'))).toBe(true);
    c.room.send('control.language', { secret: 'x'.repeat(32), lang: 'de' });
    await until(() => errors(c.got).some((e) => /facilitator key/.test(e)), 'the wrong-key refusal');
    c.send('control.language', { lang: 'fr' });
    await until(() => errors(c.got).some((e) => /lang/.test(e)), 'the unknown language refused');
    expect(follower.view().beat!.title).toBe(OUTAGE_TITLE.en);

    c.send('control.language', { lang: 'de' });
    await until(() => follower.view().beat?.title === OUTAGE_TITLE.de, 'the follower in German');
    expect(follower.view().lang).toBe('de');
    // The vote's state and the ballot stay as they were: only the words changed.
    expect(follower.view().vote?.open).toBe(true);
    // A phone with its own language keeps it.
    expect(own.view().beat!.title).toBe(OUTAGE_TITLE.en);
    expect(ownViews()).toBe(ownBefore);
    // A phone that joins now reads the room's language.
    const late = await phone(c.room.roomId, { name: 'Cy', role: 'hr' });
    expect(late.view().beat!.title).toBe(OUTAGE_TITLE.de);
  });

  it('switches one phone’s language when it asks, refuses a language War Room does not speak, and keeps it over a rejoin', async () => {
    const c = await openRoom();
    const p = await phone(c.room.roomId, { name: 'Ana', role: 'legal', lang: 'en' });
    const other = await phone(c.room.roomId, { name: 'Bo', role: 'legal', lang: 'en' });
    await startIncident(c);
    await until(() => p.view().beat?.title === OUTAGE_TITLE.en, 'the English beat');
    p.room.send('vote', { decision: p.view().vote!.decision, option: 'restore', confidence: 2 });
    await until(() => consoleView(c.got)?.vote?.tally.total === 1, 'the vote');

    p.room.send('language', { lang: 'xx' });
    await until(() => errors(p.got).length > 0, 'the refusal');
    c.room.send('language', { lang: 'de' });
    await until(() => errors(c.got).some((e) => /control\.language/.test(e)), 'the console told to use control.language');

    p.room.send('language', { lang: 'de' });
    await until(() => p.view().beat?.title === OUTAGE_TITLE.de, 'the German view');
    expect(p.view().injects.find((i) => i.forYou)!.text).toContain(LEGAL_MARKER_DE);
    expect(p.view().vote!.mine).toEqual({ option: 'restore', confidence: 2, rationale: '' });
    expect(other.view().beat!.title).toBe(OUTAGE_TITLE.en);

    // A later change reaches each phone in its language, as only what changed.
    c.send('control.run', { from: START_INCIDENT.length, events: [{ type: 'clock.tick', minutes: 3 }], stage: 'incident', decision: 'open', shown: null });
    await until(() => p.view().clock === 3 && other.view().clock === 3, 'the tick');
    expect(last<object>(p.got, 'update')).toEqual(expect.objectContaining({ clock: 3 }));
    expect(Object.keys(last<object>(p.got, 'update')!)).not.toContain('beat');

    const device = p.seat().device;
    await p.room.leave();
    const again = await phone(c.room.roomId, { device, lang: 'de' });
    expect(again.view().beat!.title).toBe(OUTAGE_TITLE.de);
    expect(again.view().vote!.mine?.option).toBe('restore');
  });

  it('keeps the room’s language when the room is restored from its log; a log without one reads as English', async () => {
    const c = await openRoom({ lang: 'de' });
    const follower = await phone(c.room.roomId, { name: 'Bo', role: 'ceo' });
    await startIncident(c);
    await until(() => follower.view().beat?.title === OUTAGE_TITLE.de, 'the German view from the create option');
    c.send('control.language', { lang: 'en' });
    await until(() => follower.view().beat?.title === OUTAGE_TITLE.en, 'English after the control');
    c.send('control.language', { lang: 'de' });
    await until(() => follower.view().beat?.title === OUTAGE_TITLE.de, 'German again');

    const stored = (await store.load(c.room.roomId))!;
    await until(() => stored.entries.filter((e) => e.kind === 'control' && e.control.type === 'control.language').length === 2, 'both language controls logged');
    const compiled = compileScenario(leakScenario());
    const german = compileScenario(localizeScenario(leakScenario(), leakTranslation(), 'de'));
    const restored = restoreRoom(compiled, stored, (lang) => (lang === 'de' ? german : null));
    expect(restored.readOnly).toBeNull();
    expect(restored.workshop.lang).toBe('de');
    expect(restored.workshop.roleView('ceo', restored.workshop.lang).beat!.title).toBe(OUTAGE_TITLE.de);
    // Only the first language control, replayed: English.
    const firstControl = stored.entries.findIndex((e) => e.kind === 'control' && e.control.type === 'control.language');
    const partial = restoreRoom(compiled, { ...stored, entries: stored.entries.slice(0, firstControl + 1), fingerprint: null });
    expect(partial.workshop.lang).toBe('en');

    // A room logged before languages: no lang in its options, no language control. English, and its fingerprint is the one it had.
    const old = new Workshop('OLDONE', compiled, { scenarioId: 'leak-test', seed: 7, partner: 'ally' }, 60, new ReplayIds());
    expect(old.lang).toBe('en');
    const english = new Workshop('OLDONE', compiled, { scenarioId: 'leak-test', seed: 7, partner: 'ally', lang: 'en' }, 60, new ReplayIds());
    expect(roomFingerprint(english)).toBe(roomFingerprint(old));
    english.setLanguage('de');
    expect(roomFingerprint(english)).not.toBe(roomFingerprint(old));
  });

  it('sends a German phone English scenario text, marked as English, when the scenario has no German', () => {
    const workshop = new Workshop('NOTRAN', compileScenario(leakScenario()), { ...CREATE, lang: 'de' }, 60, new ReplayIds());
    workshop.sync(0, START_INCIDENT, 'incident', 'open', null);
    const view = workshop.roleView('legal', workshop.lang);
    expect(view.lang).toBe('de');
    expect(view.textLang).toBe('en');
    expect(view.beat!.title).toBe(OUTAGE_TITLE.en);
    expect(workshop.roleView('legal', 'en')).not.toHaveProperty('textLang');
  });

  it('gives the join page the room’s language and the title in the language asked for', async () => {
    const c = await openRoom({ lang: 'de' });
    const info = async (query: string) => (await fetch(`http://127.0.0.1:${rooms.port}/join-info/${c.room.roomId}${query}`)).json();
    expect(await info('')).toMatchObject({ lang: 'de', title: 'Kleiner Ausfall', titleLang: 'de' });
    expect(await info('?lang=en')).toMatchObject({ lang: 'de', title: 'Tiny outage', titleLang: 'en' });
    expect(await info('?lang=zz')).toMatchObject({ lang: 'de', titleLang: 'de' });
  });

  it('refuses a German phone in German: a taken role on joining, a vote after the facilitator closed it', async () => {
    const c = await openRoom({ seats: { legal: 1 } });
    await phone(c.room.roomId, { name: 'Ana', role: 'legal' });
    await expect(rooms.colyseus.sdk.joinById(c.room.roomId, { name: 'Bo', role: 'legal', lang: 'de' })).rejects.toThrow(
      'Alle Plätze für Recht sind vergeben. Bitte wählen Sie eine andere Rolle.',
    );
    await expect(rooms.colyseus.sdk.joinById(c.room.roomId, { name: 'Cy', role: 'legal' })).rejects.toThrow(/Every Legal seat is taken/);
    const de = await phone(c.room.roomId, { name: 'Dana', role: 'cio', lang: 'de' });
    await startIncident(c);
    await until(() => de.view().vote !== null, 'the vote on the phone');
    const decision = de.view().vote!.decision;
    c.send('control.vote', { action: 'close' });
    await until(() => de.view().vote?.open === false, 'the vote to close');
    de.room.send('vote', { decision, option: de.view().decision!.options[0]!.id });
    await until(() => errors(de.got).length > 0, 'the refusal');
    expect(errors(de.got)).toEqual(['Die Moderation hat diese Abstimmung geschlossen.']);
    await c.room.leave();
  });
});
