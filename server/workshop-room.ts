import { randomBytes, timingSafeEqual } from 'node:crypto';
import { type Client, getMessageBytes, Protocol, Room, ServerError } from '@colyseus/core';
import { DEFAULT_ROOM_CAP, MAX_MESSAGE_BYTES, MAX_MESSAGES_PER_SECOND } from '../src/protocol/limits.ts';
import {
  ControlMessages,
  CreateOptionsSchema,
  describeIssues,
  isControlType,
  JoinOptionsSchema,
  PhoneLanguageSchema,
  VoteSchema,
  type ControlMessage,
  type ControlType,
} from '../src/protocol/messages.ts';
import { SEAT_NOT_FOUND, type ConsoleRoomView, type RoleView, type ServerMessages, type VoteStateMessage } from '../src/protocol/views.ts';
import { diffConsoleView } from '../src/protocol/console-delta.ts';
import { roomError, type RoomRefused } from '../src/protocol/room-refusals.ts';
import { allocateJoinCode, releaseJoinCode, reserveJoinCode } from './join-codes.ts';
import type { Lang } from '../src/i18n/lang.ts';
import { translationsOf, type ScenarioLibrary } from './scenarios.ts';
import { takeRestoreTicket } from './storage/durable.ts';
import { RoomJournal } from './storage/journal.ts';
import type { LogEntry, LoggedControl, RoomRecord, RoomStore, StoredRoom } from './storage/log.ts';
import { applyControl, ReplayIds, restoreRoom, roomFingerprint } from './storage/replay.ts';
import { phoneWords } from './phone-words.ts';
import { Workshop } from './workshop.ts';

// The Colyseus side of a workshop room: who each connection is (the console or a phone's seat),
// every message checked (size, rate, schema, secret) before the Workshop model sees it, and the
// per-seat views sent after each change. The room has no shared schema state: each client gets
// only messages made for it, so nothing private can ride along in a state patch.
// Each phone reads its role's view in its own language (the one it joined with or switched to),
// or, when it has none, in the room's language, which the facilitator sets (control.language).
// Views are made and encoded once per role and language.

export interface WorkshopRoomConfig {
  library: ScenarioLibrary;
  defaultCap: number;
  /** Where refusals of participants' control attempts are logged. */
  log(line: string): void;
  /** Seconds a dropped phone or console keeps its connection slot for Colyseus' own reconnection. */
  reconnectSeconds: number;
  /** Minutes with nobody connected before the room is closed. */
  idleMinutes: number;
  /** Where rooms log their inputs (server/storage/); null keeps rooms in memory only. */
  store: RoomStore | null;
  /** This process, as the owner of the rooms it opens when the store keeps leases. */
  owner: string;
}

export const roomConfig: WorkshopRoomConfig = {
  library: { get: () => null, ids: () => [] },
  defaultCap: DEFAULT_ROOM_CAP,
  log: (line) => process.stderr.write(`${line}\n`),
  reconnectSeconds: 20,
  idleMinutes: 120,
  store: null,
  owner: 'this-process',
};

/** A phone's `lang` is its own choice; null: it follows the room's language. */
type Who = { kind: 'console' } | { kind: 'phone'; seat: string; lang: Lang | null };

/** Slack over the cap for phones whose old connection has not dropped yet when they rejoin. */
const REJOIN_SLACK = 10;
/** The console sends a change per clock tick and catches a long run up in batches. */
const CONSOLE_MESSAGES_PER_SECOND = 100;
/** How often, at most, every phone gets a fresh view while results are visible and votes pour in. */
const LIVE_TALLY_MS = 250;
/** How long, at most, a logged vote's confirmation waits for the votes still arriving to be counted first. */
const CONFIRM_WITHIN_MS = 50;

export class WorkshopRoom extends Room {
  workshop!: Workshop;
  private secret = '';
  private creatorSeated = false;
  private readonly who = new Map<string, Who>();
  private readonly consoleClients = new Set<Client>();
  private readonly rate = new Map<string, { resetAt: number; count: number; warned: boolean }>();
  /**
   * What phones were last sent, by role and language (`ceo/de`: the view, each of its fields as
   * JSON, and a version that goes up with each change) and for all (the vote), so a change sends
   * only what differs.
   */
  private readonly sentViews = new Map<string, SentView>();
  private sentVote = '';
  /**
   * The view each phone has, by session id: which role and language's, and its version (0: one
   * that is not the last one sent, as after joining while a change was being logged). A phone one
   * version behind on the same role and language gets only the fields that changed; any other
   * (a language switch included) gets its role's whole view.
   */
  private readonly phoneVersions = new Map<string, { key: string; version: number }>();
  private liveTallyPending = false;
  /** Logged votes whose phones are confirmed after the console's tally (confirmVotes), by seat, and since when the first has waited. */
  private confirmations = new Map<string, Client>();
  private confirmingSince = 0;
  /** Votes were logged since the console's last tally. */
  private tallyDue = false;
  private confirmPending = false;
  private consolePending = false;
  /** The console view last sent, and its version (each one that says something new is one more). */
  private sentConsole: { view: ConsoleRoomView; version: number } | null = null;
  /** The version of the console view each console has, by session id (none: it gets the whole view next). */
  private readonly consoleVersions = new Map<string, number>();
  private sentRecords = 0;
  private idle: { clear(): void } | null = null;
  private ids = new ReplayIds();
  /** The room's log; null when rooms are kept in memory only. */
  private journal: RoomJournal | null = null;
  /** The room's creation record, with which its log is replayed (null in memory-only rooms). */
  private record: RoomRecord | null = null;
  /** Why a restored room cannot go on (its log cannot be replayed); it is then read-only. */
  private restoreFailure: string | null = null;
  private closedWhenIdle = false;
  private rolledBack = false;

  override async onCreate(options: unknown): Promise<void> {
    const stored = takeRestoreTicket(options);
    if (stored) this.restore(stored);
    else await this.open(options);
    this.maxClients = this.workshop.cap + 1 + REJOIN_SLACK;
    // The console may sleep with the laptop: the room waits for it instead of closing when empty.
    this.autoDispose = false;
    this.armIdle();
    this.onMessage('*', (client: Client, type: string | number, message: unknown) => this.receive(client, String(type), message));
  }

  private async open(options: unknown): Promise<void> {
    const parsed = CreateOptionsSchema.safeParse(options);
    if (!parsed.success) throw new Error(`cannot open a room: ${describeIssues(parsed.error)}`);
    const compiled = roomConfig.library.get(parsed.data.scenarioId);
    if (!compiled) throw new Error(`cannot open a room: no scenario "${parsed.data.scenarioId}" on this server`);
    if (!compiled.index.partners.has(parsed.data.partner)) throw new Error(`cannot open a room: no partner "${parsed.data.partner}"`);
    this.secret = randomBytes(24).toString('base64url');
    const store = roomConfig.store;
    // With storage, a code is only ours once the store has it (another process, or an old room, may hold it).
    for (let attempt = 1; ; attempt++) {
      const code = allocateJoinCode();
      this.workshop = new Workshop(code, compiled, parsed.data, roomConfig.defaultCap, this.ids, translationsOf(roomConfig.library, compiled.index.scenario.id));
      this.roomId = code;
      if (!store) return;
      const record = { code, createdAt: Date.now(), options: parsed.data, cap: this.workshop.cap, scenarioFingerprint: compiled.index.fingerprint, secret: this.secret };
      if (await store.create(record, store.leases ? roomConfig.owner : undefined)) {
        this.record = record;
        this.journal = new RoomJournal(store, code, [], () => roomFingerprint(this.workshop));
        return;
      }
      releaseJoinCode(code);
      if (attempt >= 20) throw new Error('cannot open a room: no free join code');
    }
  }

  /** A stored room again, rebuilt from its log, with the same code and facilitator key. */
  private restore(stored: StoredRoom): void {
    const compiled = roomConfig.library.get(stored.record.options.scenarioId);
    if (!compiled || !roomConfig.store) throw new Error(`cannot restore room ${stored.record.code}`);
    const restored = restoreRoom(compiled, stored, translationsOf(roomConfig.library, stored.record.options.scenarioId));
    reserveJoinCode(stored.record.code);
    this.roomId = stored.record.code;
    this.secret = stored.record.secret;
    this.workshop = restored.workshop;
    this.ids = restored.ids;
    this.creatorSeated = true;
    this.restoreFailure = restored.readOnly;
    if (restored.readOnly) roomConfig.log(`room ${this.roomId} is read-only: ${restored.readOnly}`);
    else {
      this.record = stored.record;
      this.journal = new RoomJournal(roomConfig.store, this.roomId, stored.entries, () => roomFingerprint(this.workshop));
    }
  }

  /** Why the room takes no more inputs, or null. */
  get readOnly(): string | null {
    return this.restoreFailure ?? this.journal?.failure ?? null;
  }

  /** Runs `then` once the input is stored (at once without storage); a failed write is refused to the sender. */
  private logged(client: Client, type: string, entry: LogEntry, then: () => void): void {
    if (!this.journal) return then();
    this.journal.write(entry).then(then, (error: Error) => {
      roomConfig.log(`room ${this.roomId}: ${error.message}`);
      this.rollBackToLog();
      if (this.isPhone(client)) this.refuse(client, type, phoneWords({ key: 'voteNotSaved' }, this.langOf(client)));
      else this.refuseConsole(client, type, { code: 'roomRefused.notSaved', params: { reason: error.message } });
      if (entry.kind === 'vote') this.sendBallot(client, entry.seat);
      this.sendConsole();
    });
  }

  /**
   * Inputs are applied as they arrive and logged after; once a write fails (the room is then
   * read-only), the room goes back to what its log holds, so the console's tally and every phone
   * show only what was saved, and the refused senders are not counted anywhere.
   */
  private rollBackToLog(): void {
    const compiled = this.record && roomConfig.library.get(this.record.options.scenarioId);
    if (!this.journal || !this.record || !compiled || this.rolledBack) return;
    this.rolledBack = true;
    const restored = restoreRoom(
      compiled,
      { record: this.record, entries: [...this.journal.written], fingerprint: null, closedAt: null },
      translationsOf(roomConfig.library, this.record.options.scenarioId),
    );
    this.workshop = restored.workshop;
    this.ids = restored.ids;
    for (const who of this.who.values()) if (who.kind === 'phone') this.workshop.setConnected(who.seat, true);
    this.sendChanges();
  }

  override async onJoin(client: Client, options: unknown): Promise<void> {
    this.armIdle();
    if (!this.creatorSeated && CreateOptionsSchema.safeParse(options).success) {
      this.creatorSeated = true;
      this.who.set(client.sessionId, { kind: 'console' });
      this.consoleClients.add(client);
      this.sendTo(client, 'secret', { secret: this.secret });
      this.sendConsoleTo(client);
      return;
    }
    const parsed = JoinOptionsSchema.safeParse(options);
    if (!parsed.success) throw new Error(`cannot join: ${describeIssues(parsed.error)}`);
    const join = parsed.data;
    if ('facilitator' in join) {
      if (!this.isSecret(join.facilitator)) throw new Error('cannot join: that is not this room’s facilitator key');
      this.who.set(client.sessionId, { kind: 'console' });
      this.consoleClients.add(client);
      this.sendConsoleTo(client);
      if (this.readOnly) this.refuseConsole(client, null, { code: 'roomRefused.readOnlyJoined', params: { reason: this.readOnly } });
      return;
    }
    let seat = join.device ? this.workshop.seatOfDevice(join.device) : null;
    if (!seat) {
      const lang = join.lang ?? this.workshop.lang;
      if (!('name' in join)) throw new ServerError(SEAT_NOT_FOUND, phoneWords({ key: 'seatNotFound' }, lang));
      if (this.readOnly) throw new Error(phoneWords({ key: 'readOnlyNoJoin' }, lang));
      const taken = this.workshop.takeSeat(join.name, join.role, lang);
      if ('key' in taken) throw new Error(phoneWords(taken, lang));
      seat = taken;
      // The phone learns its device token only once the seat is stored.
      try {
        await this.journal?.write({ kind: 'seat', id: seat.id, device: seat.device, name: seat.name, role: seat.role });
      } catch (error) {
        roomConfig.log(`room ${this.roomId}: ${(error as Error).message}`);
        this.rollBackToLog();
        this.sendConsole();
        throw new Error(phoneWords({ key: 'seatNotSaved' }, lang));
      }
    } else {
      // The same phone again (reload, sleep): the seat moves to the new connection, never a second seat.
      for (const other of this.clients) {
        const w = this.who.get(other.sessionId);
        if (other !== client && w?.kind === 'phone' && w.seat === seat.id) {
          this.who.delete(other.sessionId);
          other.leave(4000, 'this seat was taken up again by the same device');
        }
      }
    }
    this.who.set(client.sessionId, { kind: 'phone', seat: seat.id, lang: join.lang ?? null });
    this.workshop.setConnected(seat.id, true);
    this.sendTo(client, 'seat', { device: seat.device, name: seat.name, role: seat.role });
    this.sendView(client, seat.id);
    this.sendConsole();
  }

  override async onDrop(client: Client): Promise<void> {
    this.markConnected(client, false);
    try {
      await this.allowReconnection(client, roomConfig.reconnectSeconds);
    } catch {
      // Not back in time: the seat stays, and the device token takes it up again.
    }
  }

  override onReconnect(client: Client): void {
    this.markConnected(client, true);
    const w = this.who.get(client.sessionId);
    // The phone kept its page (and its own vote, which it sends again): it needs only the view.
    if (w?.kind === 'phone') this.sendView(client, w.seat, false);
    else if (w?.kind === 'console') {
      // The reconnected console is a new Client object with the old session id.
      for (const c of this.consoleClients) if (c.sessionId === client.sessionId) this.consoleClients.delete(c);
      this.consoleClients.add(client);
      this.sendConsoleTo(client);
    }
  }

  override onLeave(client: Client): void {
    this.markConnected(client, false);
    this.who.delete(client.sessionId);
    this.consoleClients.delete(client);
    this.rate.delete(client.sessionId);
    this.phoneVersions.delete(client.sessionId);
    this.consoleVersions.delete(client.sessionId);
  }

  override async onDispose(): Promise<void> {
    this.idle?.clear();
    releaseJoinCode(this.roomId);
    if (!this.journal) return;
    await this.journal.drained();
    // Closed for being idle: kept for export until retention removes it, never restored. A server
    // shutting down leaves its rooms open, so the next start brings them back.
    if (this.closedWhenIdle) await roomConfig.store?.close(this.roomId, Date.now()).catch(() => {});
  }

  // ---- messages -----------------------------------------------------------------------------

  private receive(client: Client, type: string, message: unknown): void {
    const who = this.who.get(client.sessionId);
    if (!who) return this.refuse(client, type, phoneWords({ key: 'joinFirst' }, this.workshop.lang));
    if (!this.withinRate(client, who.kind === 'console' ? CONSOLE_MESSAGES_PER_SECOND : MAX_MESSAGES_PER_SECOND)) return;
    const size = Buffer.byteLength(JSON.stringify(message ?? null) ?? '');
    if (size > MAX_MESSAGE_BYTES) {
      if (who.kind === 'console') return this.refuseConsole(client, type, { code: 'roomRefused.tooLarge', params: { bytes: size, limit: MAX_MESSAGE_BYTES } });
      return this.refuse(client, type, `the message is ${size} bytes; the limit is ${MAX_MESSAGE_BYTES}`);
    }
    // A phone's language is its own reading, not an input: a read-only room still answers it.
    if (type === 'language') return this.language(client, who, message);
    if (this.readOnly) {
      if (who.kind === 'phone') return this.refuse(client, type, phoneWords({ key: 'readOnly' }, this.langOf(client)));
      return this.refuseConsole(client, type, { code: 'roomRefused.readOnly', params: { reason: this.readOnly } });
    }
    if (type === 'vote') {
      if (who.kind !== 'phone') return this.refuseConsole(client, type, { code: 'roomRefused.onlyPhonesVote' });
      const vote = VoteSchema.safeParse(message);
      if (!vote.success) return this.refuseVote(client, who.seat, describeIssues(vote.error));
      const why = this.workshop.castVote(who.seat, vote.data, this.langOf(client));
      if (why) return this.refuseVote(client, who.seat, phoneWords(why, this.langOf(client)));
      this.logged(client, type, { kind: 'vote', seat: who.seat, vote: vote.data }, () => this.afterVote(client, who.seat));
      return;
    }
    if (isControlType(type)) {
      if (who.kind !== 'console') {
        roomConfig.log(`room ${this.roomId}: refused "${type}" from participant ${who.seat}: controls are the facilitator's`);
        return this.refuse(client, type, 'only the facilitator controls the exercise');
      }
      return this.control(client, type, message);
    }
    if (who.kind === 'console') return this.refuseConsole(client, type, { code: 'roomRefused.unknownType', params: { type: type.slice(0, 40) } });
    this.refuse(client, type, `unknown message type "${type.slice(0, 40)}"`);
  }

  /** A phone chose its language: its role's whole view in it now, and its changes in it from now on. */
  private language(client: Client, who: Who, message: unknown): void {
    if (who.kind !== 'phone') return this.refuseConsole(client, 'language', { code: 'roomRefused.phoneLanguage' });
    const chosen = PhoneLanguageSchema.safeParse(message);
    if (!chosen.success) return this.refuse(client, 'language', describeIssues(chosen.error));
    // The phone's own reading, not part of the exercise: not logged; the phone says it again when it rejoins.
    if (who.lang === chosen.data.lang) return;
    who.lang = chosen.data.lang;
    this.sendView(client, who.seat, false);
  }

  private control(client: Client, type: ControlType, message: unknown): void {
    const parsed = ControlMessages[type].safeParse(message);
    if (!parsed.success) return this.refuseConsole(client, type, { code: 'roomRefused.invalid', params: { issues: describeIssues(parsed.error) } });
    if (!this.isSecret(parsed.data.secret)) {
      roomConfig.log(`room ${this.roomId}: refused "${type}": wrong facilitator key`);
      return this.refuseConsole(client, type, { code: 'roomRefused.wrongKey' });
    }
    const { secret: _, ...rest } = parsed.data as ControlMessage<ControlType>;
    const control = { type, ...rest } as LoggedControl;
    const why = applyControl(this.workshop, control);
    // The room's model words its own reasons (server/workshop.ts): passed on as they come.
    if (why) return this.refuseConsole(client, type, { code: 'roomRefused.passedOn', params: { reason: why } });
    this.logged(client, type, { kind: 'control', control }, () => {
      this.sendChanges();
      // The console's view (hundreds of participants and ballots in a big room) follows within
      // LIVE_TALLY_MS, once for a burst of controls, rather than after each one.
      this.sendConsole();
    });
  }

  /**
   * A phone shows its vote as sent; an accepted one is confirmed once logged (afterVote). A refused
   * one comes back with the ballot the room does have, which the phone shows.
   */
  private refuseVote(client: Client, seat: string, why: string): void {
    this.refuse(client, 'vote', why);
    this.sendBallot(client, seat);
  }

  /**
   * A vote is acknowledged (its ballot sent back) only once it is in the room's log, so a phone
   * that saw its vote confirmed can count on it surviving a crash (docs/workshop-rooms.md).
   */
  private afterVote(client: Client, seat: string): void {
    // A phone that voted twice in one turn is confirmed once, with the ballot the room has.
    if (this.confirmations.size === 0) this.confirmingSince = performance.now();
    this.confirmations.set(seat, client);
    this.tallyDue = true;
    this.confirmSoon();
    this.sendConsole();
    if (this.workshop.settings.resultsVisible) {
      if (!this.liveTallyPending) {
        this.liveTallyPending = true;
        this.clock.setTimeout(() => {
          this.liveTallyPending = false;
          this.sendChanges();
        }, LIVE_TALLY_MS);
      }
    }
  }

  private confirmSoon(): void {
    if (this.confirmPending) return;
    this.confirmPending = true;
    setImmediate(() => this.confirmVotes());
  }

  /**
   * Votes logged together (one poll of the network, or one journal write) reach the console as one
   * tally, sent first. The phones' confirmations follow once a turn of the event loop brings no
   * more votes (within CONFIRM_WITHIN_MS of the first one waiting): while a room's votes pour in,
   * hundreds of socket writes would otherwise come between reading the last votes and the
   * console's tally, on the server and in the network.
   */
  private confirmVotes(): void {
    this.confirmPending = false;
    if (this.tallyDue) {
      this.tallyDue = false;
      const tally = this.workshop.tally();
      if (tally) for (const c of this.consoles()) this.sendTo(c, 'tally', tally);
      if (performance.now() - this.confirmingSince < CONFIRM_WITHIN_MS) return this.confirmSoon();
    }
    const confirmations = this.confirmations;
    this.confirmations = new Map();
    for (const [seat, client] of confirmations) this.sendBallot(client, seat);
  }

  // ---- sending ------------------------------------------------------------------------------

  private sendTo<K extends keyof ServerMessages>(client: Client, type: K, message: ServerMessages[K]): void {
    client.send(type, message);
  }

  /** One phone's full picture: its role's view with the vote, and its own ballot (after joining). */
  private sendView(client: Client, seatId: string, withBallot = true): void {
    const seat = this.workshop.seat(seatId);
    if (!seat) return;
    // The ballot first: the phone then draws its first screen with its vote already chosen.
    if (withBallot) this.sendBallot(client, seatId);
    const lang = this.langOf(client);
    const key = viewKey(seat.role, lang);
    const view = this.workshop.roleView(seat.role, lang);
    let sent = this.sentViews.get(key);
    if (!sent) {
      // The first phone of this role and language (as after a phone switched language): what it gets is what was sent.
      sent = { view, fields: fieldsOf(view), version: 1 };
      this.sentViews.set(key, sent);
    }
    this.phoneVersions.set(client.sessionId, { key, version: changedFields(sent.fields, fieldsOf(view)).length === 0 ? sent.version : 0 });
    this.sendTo(client, 'view', { ...view, ...this.workshop.voteState() });
  }

  private isPhone(client: Client): boolean {
    return this.who.get(client.sessionId)?.kind === 'phone';
  }

  /** The language a phone reads: its own, else the room's. */
  private langOf(client: Client): Lang {
    const w = this.who.get(client.sessionId);
    return (w?.kind === 'phone' ? w.lang : null) ?? this.workshop.lang;
  }

  private sendBallot(client: Client, seatId: string): void {
    const ballot = this.workshop.ballot(seatId);
    if (ballot) this.sendTo(client, 'ballot', ballot);
  }

  /**
   * After a change, every phone gets what differs from what it has: the fields of its role's view
   * that changed (with the vote) when the view changed, else the vote's state alone when that
   * changed, else nothing. A phone that missed a version gets the whole view. Each message is
   * encoded once (per role, or once for all) and the same bytes go to every phone.
   */
  private sendChanges(): void {
    const vote = this.workshop.voteState();
    const voteJson = JSON.stringify(vote);
    const voteChanged = voteJson !== this.sentVote;
    this.sentVote = voteJson;
    let voteBytes: Uint8Array | null = null;
    const changes = new Map<string, RoleChange>();
    for (const client of this.clients) {
      const w = this.who.get(client.sessionId);
      if (w?.kind !== 'phone') continue;
      const seat = this.workshop.seat(w.seat);
      if (!seat) continue;
      const lang = w.lang ?? this.workshop.lang;
      const key = viewKey(seat.role, lang);
      let change = changes.get(key);
      if (change === undefined) {
        change = this.roleChange(seat.role, lang, vote);
        changes.set(key, change);
      }
      const had = this.phoneVersions.get(client.sessionId);
      // A view of another role or language (the room's language changed) counts as none.
      const has = had?.key === key ? had.version : 0;
      this.phoneVersions.set(client.sessionId, { key, version: change.version });
      if (has === change.version) {
        if (voteChanged) client.enqueueRaw((voteBytes ??= encode('vote', vote)));
      } else if (change.update && has === change.version - 1) client.enqueueRaw(change.update);
      else client.enqueueRaw(change.whole());
    }
  }

  /** The role's view in `lang` as its phones will have it, and what to send them: the fields that changed, or the whole view. */
  private roleChange(role: string, lang: Lang, vote: VoteStateMessage): RoleChange {
    const key = viewKey(role, lang);
    const view = this.workshop.roleView(role, lang);
    let sent = this.sentViews.get(key);
    let update: Uint8Array | null = null;
    // The workshop keeps a role's view object until something changes; a new object may still say the same.
    if (sent?.view !== view) {
      const fields = fieldsOf(view);
      const changed = sent ? changedFields(sent.fields, fields) : null;
      if (!sent || changed!.length > 0) {
        if (changed) update = encode('update', { ...(Object.fromEntries(changed.map((k) => [k, view[k]])) as Partial<RoleView>), ...vote });
        sent = { view, fields, version: (sent?.version ?? 0) + 1 };
      } else sent = { ...sent, view };
      this.sentViews.set(key, sent);
    }
    let whole: Uint8Array | null = null;
    return { version: sent.version, update, whole: () => (whole ??= encode('view', { ...view, ...vote })) };
  }

  private consoles(): Client[] {
    return [...this.consoleClients];
  }

  /** The workshop's console view, with why the room is read-only when it is (the console shows it for as long as it lasts). */
  private consoleView(): ConsoleRoomView {
    const view = this.workshop.consoleView();
    const readOnly = this.readOnly;
    return readOnly ? { ...view, readOnly } : view;
  }

  /** A console that (re)joined: the whole view (and the others what changed since theirs), and every closed vote. */
  private sendConsoleTo(client: Client): void {
    this.consoleVersions.delete(client.sessionId);
    this.sendConsole(true);
    this.sendTo(client, 'records', { records: this.workshop.voteRecords() });
  }

  /**
   * The console's view, at most every LIVE_TALLY_MS (`now`: the pending one goes out): to a console
   * that has the last one sent, what changed since (nothing when nothing did); to any other, the
   * whole view. The records only when they changed.
   */
  private sendConsole(now = false): void {
    if (!now) {
      if (this.consolePending) return;
      this.consolePending = true;
      this.clock.setTimeout(() => {
        this.consolePending = false;
        this.sendConsole(true);
      }, LIVE_TALLY_MS);
      return;
    }
    const consoles = this.consoles();
    if (consoles.length === 0) return;
    const view = this.consoleView();
    const before = this.sentConsole;
    const delta = before && diffConsoleView(before.view, view, before.version);
    const version = !before ? 1 : delta ? before.version + 1 : before.version;
    this.sentConsole = { view, version };
    let deltaBytes: Uint8Array | null = null;
    let wholeBytes: Uint8Array | null = null;
    for (const c of consoles) {
      const has = this.consoleVersions.get(c.sessionId);
      if (has === version) continue;
      if (delta && has === delta.base) c.enqueueRaw((deltaBytes ??= encode('consoleDelta', delta)));
      else c.enqueueRaw((wholeBytes ??= encode('console', { ...view, version })));
      this.consoleVersions.set(c.sessionId, version);
    }
    if (this.sentRecords !== this.workshop.recordsVersion) {
      this.sentRecords = this.workshop.recordsVersion;
      const records = encode('records', { records: this.workshop.voteRecords() });
      for (const c of consoles) c.enqueueRaw(records);
    }
  }

  private refuse(client: Client, type: string | null, message: string): void {
    this.sendTo(client, 'error', { type: type === null ? null : type.slice(0, 40), message });
  }

  /** Refuses the console as data (a code and its values), which the console words in its own language. */
  private refuseConsole(client: Client, type: string | null, refused: RoomRefused): void {
    this.sendTo(client, 'error', roomError(type, refused));
  }

  /** A client over the message rate is refused (one error a second) and stays in the room. */
  private withinRate(client: Client, limit: number): boolean {
    const now = this.clock.currentTime;
    let r = this.rate.get(client.sessionId);
    if (!r || now >= r.resetAt) {
      r = { resetAt: now + 1000, count: 0, warned: false };
      this.rate.set(client.sessionId, r);
    }
    r.count += 1;
    if (r.count <= limit) return true;
    if (!r.warned) {
      r.warned = true;
      if (this.isPhone(client)) this.refuse(client, null, phoneWords({ key: 'tooManyMessages', params: { limit } }, this.langOf(client)));
      else this.refuseConsole(client, null, { code: 'roomRefused.tooManyMessages', params: { limit } });
    }
    return false;
  }

  private markConnected(client: Client, connected: boolean): void {
    const w = this.who.get(client.sessionId);
    if (w?.kind === 'phone') {
      this.workshop.setConnected(w.seat, connected);
      this.sendConsole();
    }
    if (!connected) this.armIdle();
  }

  private isSecret(candidate: string): boolean {
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.secret);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** Closes the room after a long time with nobody in it. */
  private armIdle(): void {
    this.idle?.clear();
    this.idle = this.clock.setTimeout(
      () => {
        if (this.clients.length === 0) {
          this.closedWhenIdle = true;
          void this.disconnect();
        }
        else this.armIdle();
      },
      roomConfig.idleMinutes * 60_000,
    );
  }
}

interface SentView {
  view: RoleView;
  fields: Record<keyof RoleView, string>;
  /** Goes up each time the view says something new (from 1). */
  version: number;
}

/** What a role's phones are sent after a change: `update` (null when the view is as before) takes a phone from version - 1 to `version`. */
interface RoleChange {
  version: number;
  update: Uint8Array | null;
  whole(): Uint8Array;
}

const viewKey = (role: string, lang: Lang): string => `${role}/${lang}`;

/** Each field of a role's view as JSON, to tell which changed. */
function fieldsOf(view: RoleView): Record<keyof RoleView, string> {
  const fields = {} as Record<keyof RoleView, string>;
  for (const key of Object.keys(view) as (keyof RoleView)[]) fields[key] = JSON.stringify(view[key]);
  return fields;
}

function changedFields(before: Record<keyof RoleView, string>, now: Record<keyof RoleView, string>): (keyof RoleView)[] {
  return (Object.keys(now) as (keyof RoleView)[]).filter((key) => before[key] !== now[key]);
}

/** A message framed as Room.broadcast frames it, to send the same bytes to many clients. */
function encode<K extends keyof ServerMessages>(type: K, message: ServerMessages[K]): Uint8Array {
  return getMessageBytes.raw(Protocol.ROOM_DATA, type, message);
}
