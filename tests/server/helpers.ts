import { ColyseusTestServer } from '@colyseus/testing';
import type { Room as SdkRoom } from '@colyseus/sdk';
import { compileScenario } from '../../src/engine/compile.ts';
import type { RunEvent } from '../../src/engine/machine.ts';
import { applyConsoleDelta, ConsoleDeltaSchema, ConsoleViewMessageSchema } from '../../src/protocol/console-delta.ts';
import { composeView, type ConsoleViewMessage, type BallotMessage, type ParticipantView, type SeatMessage, type ViewMessage, type ViewUpdateMessage, type VoteStateMessage } from '../../src/protocol/views.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import { localizeScenario } from '../../src/scenarios/translation.ts';
import { Translation } from '../../src/scenarios/translation-schema.ts';
import { createRoomServer, type RoomServer } from '../../server/room-server.ts';
import type { RoomStore } from '../../server/storage/log.ts';
import { tinyScenario } from '../fixtures/tiny-scenario.ts';

// A room server on 127.0.0.1 with a scenario built to catch leaks: one inject aimed at Legal,
// one at the CEO, one for everyone, and facilitator-only material with marker words that must
// never reach a phone.

export const SECRET_MARKERS = ['ADVICE-ONLY', 'LOOKFOR-ONLY', 'QUESTION-ONLY', 'EXPECTED-ONLY', 'OVERVIEW-ONLY', 'LATER-INJECT'];
export const LEGAL_MARKER = 'LEGAL-PRIVATE';
export const CEO_MARKER = 'CEO-PRIVATE';

export function leakScenario(): Scenario {
  const s = tinyScenario();
  s.id = 'leak-test';
  s.facilitator = { overview: 'OVERVIEW-ONLY', questions: ['QUESTION-ONLY'] };
  const outage = s.beats[0]!;
  outage.facilitator = { questions: ['QUESTION-ONLY'], lookFor: ['LOOKFOR-ONLY'], expectedActions: ['EXPECTED-ONLY'] };
  outage.injects = [
    { id: 'alert', channel: 'alert', from: 'Monitoring', text: 'DB unreachable' },
    { id: 'legal-memo', channel: 'email', from: 'Counsel', audience: ['legal'], text: `${LEGAL_MARKER}: do not admit liability yet` },
    { id: 'ceo-call', channel: 'call', from: 'Chair', audience: ['ceo'], text: `${CEO_MARKER}: the board wants a call` },
    { id: 'later', channel: 'email', from: 'Press', at: 200, text: 'LATER-INJECT: a journalist asks' },
  ];
  outage.decision!.advice = { option: 'failover', why: 'ADVICE-ONLY: rehearsed failover' };
  s.beats[1]!.decision!.advice = { option: 'tell', why: 'ADVICE-ONLY: silence breeds rumours' };
  return s;
}

/** The German leak markers: a German phone of the wrong role, or any phone, must never get them either. */
export const SECRET_MARKERS_DE = ['NUR-HINWEIS', 'NUR-ACHTEN', 'NUR-FRAGE', 'NUR-ERWARTET', 'NUR-UEBERBLICK', 'SPAETER-INJECT'];
export const LEGAL_MARKER_DE = 'RECHT-PRIVAT';
export const CEO_MARKER_DE = 'VORSTAND-PRIVAT';
/** The first beat's title in each language, to tell which language a phone was sent. */
export const OUTAGE_TITLE = { en: 'The database falls over', de: 'Die Datenbank fällt aus' } as const;
export const OUTCOME_DE = { failover: 'In zehn Minuten wieder da.', tell: 'Die Kundschaft hat es geschätzt.' } as const;

/** A German translation of the leak scenario, private and facilitator-only texts included (with their own markers). */
export function leakTranslation(): Translation {
  const t = (text: string) => ({ text });
  return Translation.parse({
    formatVersion: 1,
    scenario: 'leak-test',
    language: 'de',
    title: t('Kleiner Ausfall'),
    beats: {
      outage: {
        title: t(OUTAGE_TITLE.de),
        narrative: t('Die Wiederherstellung dauert {restore-hours} Stunden.'),
        injects: {
          alert: { text: t('Datenbank nicht erreichbar') },
          'legal-memo': { from: t('Rechtsabteilung'), text: t(`${LEGAL_MARKER_DE}: noch keine Haftung anerkennen`) },
          'ceo-call': { from: t('Aufsichtsratsvorsitz'), text: t(`${CEO_MARKER_DE}: der Aufsichtsrat will ein Gespräch`) },
          later: { text: t('SPAETER-INJECT: eine Journalistin fragt nach') },
        },
        decision: {
          prompt: t('Was nun?'),
          options: { failover: { label: t('Auf die Standby-Datenbank umschalten'), outcome: t(OUTCOME_DE.failover) } },
          advice: { why: t('NUR-HINWEIS: ein geübtes Failover') },
        },
        facilitator: { questions: [t('NUR-FRAGE')], lookFor: [t('NUR-ACHTEN')], expectedActions: [t('NUR-ERWARTET')] },
      },
      update: {
        title: t('Die Kundschaft fragt nach'),
        decision: { prompt: t('Informieren?'), options: { tell: { label: t('Ein ehrliches Update veröffentlichen'), outcome: t(OUTCOME_DE.tell) } }, advice: { why: t('NUR-HINWEIS: Schweigen nährt Gerüchte') } },
      },
    },
    facilitator: { overview: t('NUR-UEBERBLICK'), questions: [t('NUR-FRAGE')] },
  });
}

export interface TestRooms {
  server: RoomServer;
  colyseus: ColyseusTestServer;
  port: number;
  logs: string[];
  close(): Promise<void>;
}

export async function startTestRooms(options: { joinsPerMinute?: number; store?: RoomStore } = {}): Promise<TestRooms> {
  const compiled = compileScenario(leakScenario());
  const german = compileScenario(localizeScenario(leakScenario(), leakTranslation(), 'de'));
  const logs: string[] = [];
  const server = await createRoomServer({
    library: {
      get: (id) => (id === compiled.index.scenario.id ? compiled : null),
      ids: () => [compiled.index.scenario.id],
      translated: (id, lang) => (id === compiled.index.scenario.id && lang === 'de' ? german : null),
    },
    joinsPerMinute: options.joinsPerMinute ?? 10_000,
    log: (line) => logs.push(line),
    store: options.store,
  });
  const port = await server.listen(0, '127.0.0.1');
  // ColyseusTestServer reads the port the Colyseus server listened on; this server was started by hand.
  (server.colyseus as unknown as { port: number }).port = port;
  const colyseus = new ColyseusTestServer(server.colyseus);
  return { server, colyseus, port, logs, close: () => server.close() };
}

export const CREATE = { scenarioId: 'leak-test', seed: 7, partner: 'ally' };

/** A facilitator console in a test: what it received, its key, and a way to send controls with it. */
export interface TestConsole {
  room: SdkRoom;
  got: { type: string; message: unknown }[];
  secret: string;
  send(type: string, body: object): void;
}

/** Opening rooms, joining phones and starting the incident on the test server `rooms()` gives (set in beforeAll). */
export function roomClients(rooms: () => TestRooms) {
  async function openRoom(options: object = {}): Promise<TestConsole> {
    const room = await rooms().colyseus.sdk.create('workshop', { ...CREATE, ...options });
    const got = record(room);
    await until(() => last(got, 'secret') !== undefined, 'the facilitator key');
    const secret = last<{ secret: string }>(got, 'secret')!.secret;
    return { room, got, secret, send: (type, body) => room.send(type, { secret, ...body }) };
  }
  async function phone(code: string, options: object) {
    const room = await rooms().colyseus.sdk.joinById(code, options);
    const got = record(room);
    await until(() => last(got, 'view') !== undefined, 'the first view');
    return { room, got, view: () => phoneView(got), seat: () => last<SeatMessage>(got, 'seat')! };
  }
  async function startIncident(c: TestConsole): Promise<void> {
    c.send('control.run', { from: 0, events: START_INCIDENT, stage: 'incident', decision: 'open', shown: null });
    await until(() => (consoleView(c.got)?.vote ?? null) !== null, 'the vote to open');
  }
  return { openRoom, phone, startIncident };
}

/** Collects every message a client receives, by type, in order. */
export function record(room: SdkRoom): { type: string; message: unknown }[] {
  const all: { type: string; message: unknown }[] = [];
  room.onMessage('*', (type, message) => all.push({ type: String(type), message }));
  return all;
}

/**
 * Resolves when `check` holds, polling the event loop (no fixed sleeps). The limit only names what
 * never came: it is under the suite's 20 s test timeout, and far above what a condition takes, so a
 * machine starved by a second suite (a room server's child process once went 5 s without answering
 * a refused vote in crash.test.ts, with two full runs on the 2 cores) is not taken for a failure.
 */
export async function until(check: () => boolean, what: string, limitMs = 15_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export function last<T>(messages: { type: string; message: unknown }[], type: string): T | undefined {
  return messages.filter((m) => m.type === type).at(-1)?.message as T | undefined;
}

/**
 * The phone's screen from the messages the room sent it, put together as the phone page does (a
 * view carries the vote's state; an update, the fields that changed and the vote's state; a later
 * `vote` message replaces the vote's state). Only what the room sent: the
 * page's own display of a vote it has just sent is not part of it.
 */
export function phoneView(got: { type: string; message: unknown }[]): ParticipantView {
  let view: ViewMessage | null = null;
  let vote: VoteStateMessage | null = null;
  for (const m of got) {
    if (m.type === 'view') {
      view = m.message as ViewMessage;
      vote = { vote: view.vote };
    } else if (m.type === 'update') {
      // An update carries only what changed; it never comes before the phone's first whole view.
      const before = view as ViewMessage | null;
      if (!before) throw new Error('a phone got a view update before its first view');
      view = { ...before, ...(m.message as ViewUpdateMessage) };
      vote = { vote: view.vote };
    } else if (m.type === 'vote') vote = m.message as VoteStateMessage;
  }
  return composeView(view!, vote, last<SeatMessage>(got, 'seat')!, last<BallotMessage>(got, 'ballot') ?? null);
}

/**
 * The console's view from the messages the room sent it, as the console puts it together: the
 * latest whole view, then each delta checked (as the console checks it) and applied in order. A
 * delta that is malformed or made from another view than the one before it fails the test.
 */
export function consoleView(got: { type: string; message: unknown }[]): ConsoleViewMessage | undefined {
  let view: ConsoleViewMessage | undefined;
  for (const m of got) {
    if (m.type === 'console') view = ConsoleViewMessageSchema.parse(m.message);
    else if (m.type === 'consoleDelta') {
      const delta = ConsoleDeltaSchema.parse(m.message);
      if (!view) throw new Error('the console got a delta before its first whole view');
      const next = applyConsoleDelta(view, delta);
      if (!next) throw new Error(`the console got a delta from version ${delta.base} while it had version ${view.version}`);
      view = next;
    }
  }
  return view;
}

export const START_INCIDENT: RunEvent[] = [{ type: 'prep.commit', measures: ['replica'] }];
