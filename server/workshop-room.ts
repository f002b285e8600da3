import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { type Client, getMessageBytes, Protocol, Room } from '@colyseus/core';
import { DEFAULT_ROOM_CAP, MAX_MESSAGE_BYTES, MAX_MESSAGES_PER_SECOND } from '../src/protocol/limits.ts';
import {
  ControlMessages,
  CreateOptionsSchema,
  describeIssues,
  isControlType,
  JoinOptionsSchema,
  VoteSchema,
  type ControlMessage,
  type ControlType,
} from '../src/protocol/messages.ts';
import type { RoleView, ServerMessages, VoteStateMessage } from '../src/protocol/views.ts';
import { allocateJoinCode, releaseJoinCode } from './join-codes.ts';
import type { ScenarioLibrary } from './scenarios.ts';
import { Workshop } from './workshop.ts';

// The Colyseus side of a workshop room: who each connection is (the console or a phone's seat),
// every message checked (size, rate, schema, secret) before the Workshop model sees it, and the
// per-seat views sent after each change. The room has no shared schema state: each client gets
// only messages made for it, so nothing private can ride along in a state patch.

export interface WorkshopRoomConfig {
  library: ScenarioLibrary;
  defaultCap: number;
  /** Where refusals of participants' control attempts are logged. */
  log(line: string): void;
  /** Seconds a dropped phone or console keeps its connection slot for Colyseus' own reconnection. */
  reconnectSeconds: number;
  /** Minutes with nobody connected before the room is closed. */
  idleMinutes: number;
}

export const roomConfig: WorkshopRoomConfig = {
  library: { get: () => null, ids: () => [] },
  defaultCap: DEFAULT_ROOM_CAP,
  log: (line) => process.stderr.write(`${line}\n`),
  reconnectSeconds: 20,
  idleMinutes: 120,
};

type Who = { kind: 'console' } | { kind: 'phone'; seat: string };

/** Slack over the cap for phones whose old connection has not dropped yet when they rejoin. */
const REJOIN_SLACK = 10;
/** The console sends a change per clock tick and catches a long run up in batches. */
const CONSOLE_MESSAGES_PER_SECOND = 100;
/** How often, at most, every phone gets a fresh view while results are visible and votes pour in. */
const LIVE_TALLY_MS = 250;

export class WorkshopRoom extends Room {
  workshop!: Workshop;
  private secret = '';
  private creatorSeated = false;
  private readonly who = new Map<string, Who>();
  private readonly consoleClients = new Set<Client>();
  private readonly rate = new Map<string, { resetAt: number; count: number; warned: boolean }>();
  /** What phones were last sent, by role (the view) and for all (the vote), so a change sends only what differs. */
  private readonly sentViews = new Map<string, { view: RoleView; json: string }>();
  private sentVote = '';
  private liveTallyPending = false;
  private tallyPending = false;
  private consolePending = false;
  private sentRecords = 0;
  private idle: { clear(): void } | null = null;

  override onCreate(options: unknown): void {
    const parsed = CreateOptionsSchema.safeParse(options);
    if (!parsed.success) throw new Error(`cannot open a room: ${describeIssues(parsed.error)}`);
    const compiled = roomConfig.library.get(parsed.data.scenarioId);
    if (!compiled) throw new Error(`cannot open a room: no scenario "${parsed.data.scenarioId}" on this server`);
    if (!compiled.index.partners.has(parsed.data.partner)) throw new Error(`cannot open a room: no partner "${parsed.data.partner}"`);
    const code = allocateJoinCode();
    this.roomId = code;
    this.secret = randomBytes(24).toString('base64url');
    this.workshop = new Workshop(code, compiled, parsed.data, roomConfig.defaultCap, { newId: () => randomUUID() });
    this.maxClients = this.workshop.cap + 1 + REJOIN_SLACK;
    // The console may sleep with the laptop: the room waits for it instead of closing when empty.
    this.autoDispose = false;
    this.armIdle();
    this.onMessage('*', (client: Client, type: string | number, message: unknown) => this.receive(client, String(type), message));
  }

  override onJoin(client: Client, options: unknown): void {
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
      return;
    }
    let seat = join.device ? this.workshop.seatOfDevice(join.device) : null;
    if (!seat) {
      if (!('name' in join)) throw new Error('Your seat in this workshop was not found: join again with your name and role.');
      const taken = this.workshop.takeSeat(join.name, join.role);
      if (typeof taken === 'string') throw new Error(taken);
      seat = taken;
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
    this.who.set(client.sessionId, { kind: 'phone', seat: seat.id });
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
  }

  override onDispose(): void {
    this.idle?.clear();
    releaseJoinCode(this.roomId);
  }

  // ---- messages -----------------------------------------------------------------------------

  private receive(client: Client, type: string, message: unknown): void {
    const who = this.who.get(client.sessionId);
    if (!who) return this.refuse(client, type, 'join the room first');
    if (!this.withinRate(client, who.kind === 'console' ? CONSOLE_MESSAGES_PER_SECOND : MAX_MESSAGES_PER_SECOND)) return;
    const size = Buffer.byteLength(JSON.stringify(message ?? null) ?? '');
    if (size > MAX_MESSAGE_BYTES) return this.refuse(client, type, `the message is ${size} bytes; the limit is ${MAX_MESSAGE_BYTES}`);
    if (type === 'vote') {
      if (who.kind !== 'phone') return this.refuse(client, type, 'only participants vote');
      const vote = VoteSchema.safeParse(message);
      if (!vote.success) return this.refuseVote(client, who.seat, describeIssues(vote.error));
      const why = this.workshop.castVote(who.seat, vote.data);
      if (why) return this.refuseVote(client, who.seat, why);
      this.afterVote();
      return;
    }
    if (isControlType(type)) {
      if (who.kind !== 'console') {
        roomConfig.log(`room ${this.roomId}: refused "${type}" from participant ${who.seat}: controls are the facilitator's`);
        return this.refuse(client, type, 'only the facilitator controls the exercise');
      }
      return this.control(client, type, message);
    }
    this.refuse(client, type, `unknown message type "${type.slice(0, 40)}"`);
  }

  private control(client: Client, type: ControlType, message: unknown): void {
    const parsed = ControlMessages[type].safeParse(message);
    if (!parsed.success) return this.refuse(client, type, describeIssues(parsed.error));
    if (!this.isSecret(parsed.data.secret)) {
      roomConfig.log(`room ${this.roomId}: refused "${type}": wrong facilitator key`);
      return this.refuse(client, type, 'that is not this room’s facilitator key');
    }
    const why = this.apply(type, parsed.data);
    if (why) return this.refuse(client, type, why);
    this.sendChanges();
    // The console's view (hundreds of participants and ballots in a big room) follows within
    // LIVE_TALLY_MS, once for a burst of controls, rather than after each one.
    this.sendConsole();
  }

  private apply(type: ControlType, data: ControlMessage<ControlType>): string | null {
    switch (type) {
      case 'control.run': {
        const m = data as ControlMessage<'control.run'>;
        return this.workshop.sync(m.from, m.events, m.stage, m.decision, m.shown);
      }
      case 'control.vote':
        return this.workshop.controlVote((data as ControlMessage<'control.vote'>).action);
      case 'control.settings':
        this.workshop.setSettings((data as ControlMessage<'control.settings'>).settings);
        return null;
      default: {
        const unreachable: never = type;
        return `unknown control ${String(unreachable)}`;
      }
    }
  }

  /**
   * A phone shows its vote as sent; an accepted vote is not echoed back (in a big room that doubles
   * the messages). A refused one comes back with the ballot the room does have, which the phone shows.
   */
  private refuseVote(client: Client, seat: string, why: string): void {
    this.refuse(client, 'vote', why);
    this.sendBallot(client, seat);
  }

  private afterVote(): void {
    // Votes that arrive together (one poll of the network) reach the console as one tally.
    if (!this.tallyPending) {
      this.tallyPending = true;
      setImmediate(() => {
        this.tallyPending = false;
        const tally = this.workshop.tally();
        if (tally) for (const c of this.consoles()) this.sendTo(c, 'tally', tally);
      });
    }
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
    this.sendTo(client, 'view', { ...this.workshop.roleView(seat.role), ...this.workshop.voteState() });
  }

  private sendBallot(client: Client, seatId: string): void {
    const ballot = this.workshop.ballot(seatId);
    if (ballot) this.sendTo(client, 'ballot', ballot);
  }

  /**
   * After a change, every phone gets what differs from what it was sent: its role's view (with the
   * vote) when the view changed, else the vote's state alone when that changed, else nothing. Each
   * message is encoded once (per role, or once for all) and the same bytes go to every phone.
   */
  private sendChanges(): void {
    const vote = this.workshop.voteState();
    const voteJson = JSON.stringify(vote);
    const voteChanged = voteJson !== this.sentVote;
    this.sentVote = voteJson;
    let voteBytes: Uint8Array | null = null;
    const viewBytes = new Map<string, Uint8Array | null>();
    for (const client of this.clients) {
      const w = this.who.get(client.sessionId);
      if (w?.kind !== 'phone') continue;
      const seat = this.workshop.seat(w.seat);
      if (!seat) continue;
      let view = viewBytes.get(seat.role);
      if (view === undefined) {
        view = this.viewIfChanged(seat.role, vote);
        viewBytes.set(seat.role, view);
      }
      if (view) client.enqueueRaw(view);
      else if (voteChanged) client.enqueueRaw((voteBytes ??= encode('vote', vote)));
    }
  }

  /** The role's view with the vote, encoded, when it differs from what the role's phones were last sent. */
  private viewIfChanged(role: string, vote: VoteStateMessage): Uint8Array | null {
    const view = this.workshop.roleView(role);
    const sent = this.sentViews.get(role);
    // The workshop keeps a role's view object until something changes; a new object may still say the same.
    if (sent?.view !== view) {
      const json = JSON.stringify(view);
      const changed = sent?.json !== json;
      this.sentViews.set(role, { view, json });
      if (changed) return encode('view', { ...view, ...vote });
    }
    return null;
  }

  private consoles(): Client[] {
    return [...this.consoleClients];
  }

  /** A console that (re)joined: the room and every closed vote. */
  private sendConsoleTo(client: Client): void {
    this.sendTo(client, 'console', this.workshop.consoleView());
    this.sendTo(client, 'records', { records: this.workshop.voteRecords() });
  }

  /** The console's view, at most every LIVE_TALLY_MS (`now`: the pending one goes out); the records only when they changed. */
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
    const view = encode('console', this.workshop.consoleView());
    for (const c of consoles) c.enqueueRaw(view);
    if (this.sentRecords !== this.workshop.recordsVersion) {
      this.sentRecords = this.workshop.recordsVersion;
      const records = encode('records', { records: this.workshop.voteRecords() });
      for (const c of consoles) c.enqueueRaw(records);
    }
  }

  private refuse(client: Client, type: string | null, message: string): void {
    this.sendTo(client, 'error', { type: type === null ? null : type.slice(0, 40), message });
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
      this.refuse(client, null, `too many messages: at most ${limit} a second`);
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
        if (this.clients.length === 0) void this.disconnect();
        else this.armIdle();
      },
      roomConfig.idleMinutes * 60_000,
    );
  }
}

/** A message framed as Room.broadcast frames it, to send the same bytes to many clients. */
function encode<K extends keyof ServerMessages>(type: K, message: ServerMessages[K]): Uint8Array {
  return getMessageBytes.raw(Protocol.ROOM_DATA, type, message);
}
