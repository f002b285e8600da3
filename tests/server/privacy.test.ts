import { Room as SdkRoom } from '@colyseus/sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunEvent } from '../../src/engine/machine.ts';
import type { ConsoleRoomView, ParticipantView, RoleView } from '../../src/protocol/views.ts';
import {
  CEO_MARKER,
  CEO_MARKER_DE,
  consoleView,
  CREATE,
  last,
  LEGAL_MARKER,
  LEGAL_MARKER_DE,
  OUTCOME_DE,
  phoneView,
  record,
  SECRET_MARKERS,
  SECRET_MARKERS_DE,
  startTestRooms,
  until,
  type TestRooms,
} from './helpers.ts';

// Records every frame each phone receives (messages and any state or patch frame, as raw bytes)
// through a whole exercise, and checks that none carries another role's inject or anything that
// is the facilitator's: advice, notes, upcoming injects, the key, consequences before the reveal,
// scores before the end. The room runs in German with phones in both languages (their own, or
// the room's): privacy holds in each language, and a German phone gets its role's German inject.

const PROTOCOL_ROOM_STATE = 14;
const PROTOCOL_ROOM_STATE_PATCH = 15;

const frames = new Map<SdkRoom, Uint8Array[]>();
// The SDK's frame handler is protected; the test wraps it to see every frame before decoding.
type Tapped = { onMessageCallback(this: SdkRoom, event: MessageEvent): void };
const proto = SdkRoom.prototype as unknown as Tapped;
const original = proto.onMessageCallback;

let rooms: TestRooms;
beforeAll(async () => {
  proto.onMessageCallback = function (this: SdkRoom, event: MessageEvent) {
    const list = frames.get(this) ?? [];
    list.push(new Uint8Array(event.data as ArrayBuffer).slice());
    frames.set(this, list);
    original.call(this, event);
  };
  rooms = await startTestRooms();
});
afterAll(async () => {
  proto.onMessageCallback = original;
  await rooms.close();
});

it('no phone ever receives another role’s inject or facilitator-only material', async () => {
  const consoleRoom = await rooms.colyseus.sdk.create('workshop', { ...CREATE, lang: 'de' });
  const cGot = record(consoleRoom);
  await until(() => last(cGot, 'secret') !== undefined, 'the key');
  const secret = last<{ secret: string }>(cGot, 'secret')!.secret;
  const control = (type: string, body: object) => consoleRoom.send(type, { secret, ...body });
  const code = consoleRoom.roomId;

  // `lang` null: the phone follows the room's language (German).
  const seats = [
    ['legal', 'de'],
    ['legal', 'en'],
    ['ceo', 'en'],
    ['ceo', null],
    ['cfo', 'en'],
    ['cfo', null],
  ] as const;
  const phones = await Promise.all(
    seats.map(async ([role, own]) => {
      const room = await rooms.colyseus.sdk.joinById(code, { name: `P-${role}-${own}`, role, ...(own ? { lang: own } : {}) });
      const got = record(room);
      await until(() => last(got, 'view') !== undefined, 'a first view');
      return { role, lang: own ?? 'de', room, got, view: () => phoneView(got) };
    }),
  );
  const inputs: RunEvent[] = [];
  /** What the console sends after each change: new run inputs and where the exercise stands. */
  const sync = (stage: string, decision: string, shown: number | null, ...events: RunEvent[]) => {
    control('control.run', { from: inputs.length, events, stage, decision, shown });
    inputs.push(...events);
  };
  const consoleNow = () => consoleView(cGot);

  sync('briefing', 'open', null);
  sync('incident', 'open', null, { type: 'prep.commit', measures: ['replica'] });
  const outcomesSeenTooEarly: string[] = [];
  for (const choice of ['failover', 'tell']) {
    await until(() => phones.every((p) => p.view().vote?.open === true && p.view().decision?.options.some((o) => o.id === choice)), `the vote on ${choice}`);
    const decision = phones[0]!.view().vote!.decision;
    for (const p of phones) p.room.send('vote', { decision, option: choice, confidence: 4, rationale: `${p.role} agrees` });
    await until(() => consoleNow()?.vote?.tally.total === phones.length, 'every phone’s vote');
    const before = inputs.length;
    sync('incident', 'recorded', before, { type: 'player.choose', option: choice, votes: { [choice]: phones.length } });
    await until(() => phones.every((p) => p.view().vote?.open === false), 'the vote to close');
    // Recorded but not revealed: the phones must not have the consequence yet.
    const english = choice === 'failover' ? 'Back in ten minutes.' : 'Customers appreciated it.';
    const german = OUTCOME_DE[choice as keyof typeof OUTCOME_DE];
    for (const p of phones) for (const outcome of [english, german]) if (JSON.stringify(p.got).includes(outcome)) outcomesSeenTooEarly.push(`${p.role}/${p.lang}: ${outcome}`);
    control('control.vote', { action: 'reveal' });
    sync('incident', 'revealed', null);
    await until(() => phones.every((p) => p.view().lastChoice?.outcome === (p.lang === 'de' ? german : english)), 'the revealed outcome in each phone’s language');
    sync('incident', 'open', null);
  }
  await until(() => phones.every((p) => p.view().ending !== null), 'the ending');
  expect(phones[0]!.view().ending!.scores).toBeNull();
  sync('debrief', 'revealed', null);
  await until(() => phones.every((p) => p.view().phase === 'ended' && p.view().ending?.scores !== null), 'the thank-you screen with the debrief');
  expect(outcomesSeenTooEarly).toEqual([]);
  await until(() => last<{ records: unknown[] }>(cGot, 'records')?.records.length === 2, 'both closed votes in the console’s records');

  for (const p of phones) {
    const raw = frames.get(p.room) ?? [];
    expect(raw.length).toBeGreaterThan(5);
    const text = raw.map((f) => Buffer.from(f).toString('latin1')).join('\n');
    expect(raw.filter((f) => f[0] === PROTOCOL_ROOM_STATE || f[0] === PROTOCOL_ROOM_STATE_PATCH)).toEqual([]);
    for (const marker of [...SECRET_MARKERS, ...SECRET_MARKERS_DE]) expect(text, `${p.role}/${p.lang} got ${marker}`).not.toContain(marker);
    expect(text).not.toContain(secret);
    for (const field of ['advice', 'lookFor', 'questions', 'expectedActions', 'audience', 'secret']) expect(text, `${p.role} got field ${field}`).not.toContain(field);
    for (const marker of [LEGAL_MARKER, LEGAL_MARKER_DE]) if (p.role !== 'legal') expect(text, `${p.role}/${p.lang} got Legal's inject`).not.toContain(marker);
    for (const marker of [CEO_MARKER, CEO_MARKER_DE]) if (p.role !== 'ceo') expect(text, `${p.role}/${p.lang} got the CEO's inject`).not.toContain(marker);
    // Each phone reads its role's own inject in its language, and never in the other.
    const own = { legal: [LEGAL_MARKER, LEGAL_MARKER_DE], ceo: [CEO_MARKER, CEO_MARKER_DE] }[p.role as 'legal' | 'ceo'];
    if (own) {
      const [en, de] = own as [string, string];
      expect(text, `${p.role}/${p.lang}`).toContain(p.lang === 'de' ? de : en);
      expect(text, `${p.role}/${p.lang}`).not.toContain(p.lang === 'de' ? en : de);
    }
    // Scores reach a phone only in the views sent after the facilitator ended the exercise.
    // Each screen the phone had, whole views and updates (only what changed) applied in order.
    const views: RoleView[] = [];
    for (const m of p.got) {
      if (m.type === 'view') views.push(m.message as RoleView);
      else if (m.type === 'update') views.push({ ...views.at(-1)!, ...(m.message as Partial<RoleView>) });
    }
    expect(views.length).toBeGreaterThan(3);
    expect(views.filter((v) => v.phase !== 'ended' && v.ending?.scores)).toEqual([]);
  }
  expect(phones.find((p) => p.role === 'legal' && p.lang === 'en')!.got.some((m) => JSON.stringify(m).includes(LEGAL_MARKER))).toBe(true);
  expect(phones.find((p) => p.role === 'legal' && p.lang === 'de')!.got.some((m) => JSON.stringify(m).includes(LEGAL_MARKER_DE))).toBe(true);
  expect(phones.find((p) => p.role === 'ceo' && p.lang === 'de')!.got.some((m) => JSON.stringify(m).includes(CEO_MARKER_DE))).toBe(true);
});
