import type { RunEvent } from '../../src/engine/machine.ts';
import type { ControlMessage, CreateOptions, RoomSettings, VoteMessage } from '../../src/protocol/messages.ts';

// What a room writes down so it can be rebuilt: its creation record, then every accepted input in
// order. The engine is deterministic, so replaying the inputs through a fresh room rebuilds it; the
// fingerprint saved with each write says whether the rebuilt room is the one that was live.

/** Written once when the room opens. */
export interface RoomRecord {
  code: string;
  /** Milliseconds since 1970; retention counts from here. */
  createdAt: number;
  /** The console's create options: scenario, seed, partner, settings, cap, seats per role, the room's first language (none: English). */
  options: CreateOptions;
  /** The cap the room was opened with (the server's default when the console gave none). */
  cap: number;
  /** The scenario text's fingerprint: a changed scenario file cannot replay an old log. */
  scenarioFingerprint: string;
  /** The facilitator key, so the console takes the room up again after a restart. */
  secret: string;
}

/** A control as logged: the message without its facilitator key. */
export type LoggedControl =
  | ({ type: 'control.run' } & Omit<ControlMessage<'control.run'>, 'secret'>)
  | { type: 'control.vote'; action: ControlMessage<'control.vote'>['action'] }
  | { type: 'control.settings'; settings: RoomSettings }
  | { type: 'control.language'; lang: ControlMessage<'control.language'>['lang'] };

/** One accepted input. Seats carry their ids and device token, so phones rejoin with the same token. */
export type LogEntry =
  | { kind: 'seat'; id: string; device: string; name: string; role: string }
  | { kind: 'vote'; seat: string; vote: VoteMessage }
  | { kind: 'control'; control: LoggedControl };

export interface StoredRoom {
  record: RoomRecord;
  entries: LogEntry[];
  /** The last fingerprint saved, and how many entries it covers (a restore checks the replay there). */
  fingerprint: { seq: number; value: string } | null;
  /** Set when the room was closed on purpose (idle): kept for export, not restored. */
  closedAt: number | null;
}

/**
 * Where rooms are kept. `append` resolves only once the entries are written (the room acknowledges
 * an input after that); `seq` is the index of the first entry, so a lost or repeated write shows.
 */
export interface RoomStore {
  readonly kind: 'memory' | 'sqlite' | 'postgres';
  /** Writes a new room (owned by `owner` when the store keeps leases); false when the code is taken. */
  create(record: RoomRecord, owner?: string): Promise<boolean>;
  /** Present when several processes share the store: one process owns a room at a time. */
  readonly leases?: RoomLeases;
  /** `fingerprint`: the room's state after these entries, or null to keep the last one (a checkpoint at an earlier entry). */
  append(code: string, seq: number, entries: readonly LogEntry[], fingerprint: string | null): Promise<void>;
  load(code: string): Promise<StoredRoom | null>;
  /** Codes of rooms not closed, oldest first. */
  openCodes(): Promise<string[]>;
  close(code: string, at: number): Promise<void>;
  /** Removes rooms created before `before` (ms); returns how many. */
  prune(before: number): Promise<number>;
  shutdown(): Promise<void>;
}

/**
 * Leases in the shared database: the process that owns a room renews its lease; another process
 * may take a room over only once the lease has run out (its owner died).
 */
export interface RoomLeases {
  /** Takes the room for `owner` if nobody else holds a live lease on it; true when it is `owner`'s now. */
  acquire(code: string, owner: string, ms: number): Promise<boolean>;
  /** Extends every lease `owner` holds; returns the codes it still holds. */
  renew(owner: string, ms: number): Promise<string[]>;
  /** Gives up `owner`'s leases (a clean shutdown), so another process may take the rooms at once. */
  release(owner: string): Promise<void>;
}

export type RunInputs = readonly RunEvent[];
