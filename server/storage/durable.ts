import { randomBytes } from 'node:crypto';
import { matchMaker } from '@colyseus/core';
import { ROOM_NAME } from '../../src/protocol/limits.ts';
import { ROOM_LOG_FORMAT, ROOM_LOG_VERSION, type RoomLogExport } from '../../src/protocol/room-log.ts';
import type { ScenarioLibrary } from '../scenarios.ts';
import type { RoomStore, StoredRoom } from './log.ts';
import { LEASE_MS } from './postgres.ts';
import { restoreRoom as replayRoom } from './replay.ts';

// Bringing stored rooms back when a server starts, retention, and the export of a room's log.

/** Rooms being restored: the room's create options carry only a one-time ticket, never the log. */
const tickets = new Map<string, StoredRoom>();

export function takeRestoreTicket(options: unknown): StoredRoom | null {
  if (typeof options !== 'object' || options === null || !('restore' in options)) return null;
  const ticket = String((options as { restore: unknown }).restore);
  const stored = tickets.get(ticket) ?? null;
  tickets.delete(ticket);
  return stored;
}

/**
 * Opens every stored room that was not closed: each is replayed from its log (a room whose log
 * cannot be replayed comes back read-only). A room whose scenario is no longer on this server
 * cannot be opened at all; it stays stored and exportable, and the log line says why.
 */
export async function restoreRooms(store: RoomStore, library: ScenarioLibrary, owner: string, log: (line: string) => void): Promise<string[]> {
  const restored: string[] = [];
  for (const code of await store.openCodes()) {
    if (await restoreRoom(store, library, owner, code, log)) restored.push(code);
  }
  return restored;
}

/**
 * Opens one stored room in this process, if it is not open here already and (with leases) no live
 * process owns it. True when the room is now open here.
 */
export function restoreRoom(store: RoomStore, library: ScenarioLibrary, owner: string, code: string, log: (line: string) => void): Promise<boolean> {
  if (matchMaker.getLocalRoomById(code)) return Promise.resolve(true);
  // Joins that arrive together for the same orphaned room restore it once.
  let pending = restoring.get(code);
  if (!pending) {
    pending = restoreOnce(store, library, owner, code, log).finally(() => restoring.delete(code));
    restoring.set(code, pending);
  }
  return pending;
}

const restoring = new Map<string, Promise<boolean>>();

async function restoreOnce(store: RoomStore, library: ScenarioLibrary, owner: string, code: string, log: (line: string) => void): Promise<boolean> {
  if (matchMaker.getLocalRoomById(code)) return true;
  if (store.leases && !(await store.leases.acquire(code, owner, LEASE_MS))) return false;
  const stored = await store.load(code);
  if (!stored || stored.closedAt !== null) return false;
  if (!library.get(stored.record.options.scenarioId)) {
    log(`room ${code} is not restored: no scenario "${stored.record.options.scenarioId}" on this server (its log can still be exported)`);
    return false;
  }
  // A process that died left its listing behind in the shared driver: this process's room replaces it.
  if (store.leases) await Promise.resolve(matchMaker.driver.remove(code)).catch(() => false);
  const ticket = randomBytes(16).toString('base64url');
  tickets.set(ticket, stored);
  try {
    await matchMaker.createRoom(ROOM_NAME, { restore: ticket });
    log(`room ${code} restored from its log (${stored.entries.length} inputs)`);
    return true;
  } catch (error) {
    tickets.delete(ticket);
    log(`room ${code} could not be restored: ${(error as Error).message}`);
    return false;
  }
}

/**
 * Renews this process's leases every third of their length. A room whose lease this process lost
 * (it was stalled past the lease and another process took the room over) is closed here, so a room
 * never has two owners writing its log.
 */
export function keepLeases(store: RoomStore, owner: string, log: (line: string) => void): () => Promise<void> {
  const leases = store.leases;
  if (!leases) return async () => {};
  let held = new Set<string>();
  const timer = setInterval(() => {
    leases.renew(owner, LEASE_MS).then(
      (now) => {
        const mine = new Set(now);
        for (const code of held) {
          const room = matchMaker.getLocalRoomById(code);
          if (room && !mine.has(code)) {
            log(`room ${code}: this process lost its lease; closing it here`);
            void room.disconnect();
          }
        }
        held = mine;
      },
      (error: Error) => log(`could not renew room leases: ${error.message}`),
    );
  }, LEASE_MS / 3);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await leases.release(owner).catch(() => {});
  };
}

export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Removes rooms older than the retention now and then every hour; returns a stop function. */
export function keepRetention(store: RoomStore, days: number, log: (line: string) => void, now = () => Date.now()): () => void {
  const prune = () =>
    store.prune(now() - days * DAY_MS).then(
      (n) => {
        if (n > 0) log(`removed ${n} room(s) older than ${days} days`);
      },
      (error: Error) => log(`could not remove old rooms: ${error.message}`),
    );
  void prune();
  const timer = setInterval(prune, 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * A room's log as the facilitator downloads it: no facilitator key, no device tokens. The closed
 * votes come from replaying the log here (the one way rooms are rebuilt), when the scenario it
 * ran is still the same on this server.
 */
export function exportRoomLog(stored: StoredRoom, library: ScenarioLibrary): RoomLogExport {
  const { record } = stored;
  const compiled = library.get(record.options.scenarioId);
  const replayed = compiled ? replayRoom(compiled, stored) : null;
  const readOnly = replayed ? replayed.readOnly : `the scenario "${record.options.scenarioId}" is not on this server, so the log cannot be replayed`;
  return {
    format: ROOM_LOG_FORMAT,
    version: ROOM_LOG_VERSION,
    code: record.code,
    createdAt: new Date(record.createdAt).toISOString(),
    closedAt: stored.closedAt === null ? null : new Date(stored.closedAt).toISOString(),
    scenario: { id: record.options.scenarioId, fingerprint: record.scenarioFingerprint },
    options: record.options,
    cap: record.cap,
    fingerprint: stored.fingerprint,
    entries: stored.entries.map((e) => (e.kind === 'seat' ? { kind: e.kind, id: e.id, name: e.name, role: e.role } : e)),
    records: replayed && compiled?.index.fingerprint === record.scenarioFingerprint ? replayed.workshop.voteRecords() : null,
    readOnly,
  };
}

/**
 * Before a join by code reaches Colyseus (several processes): if no live process has the room, this
 * process takes it over. A room listed for a process that answers is left to Colyseus; a room whose
 * owner died is taken as soon as its lease runs out (the join waits for that, at most a lease).
 */
export async function takeOverIfOrphaned(store: RoomStore, library: ScenarioLibrary, owner: string, code: string, log: (line: string) => void): Promise<void> {
  if (!store.leases || matchMaker.getLocalRoomById(code)) return;
  const deadline = Date.now() + LEASE_MS + 2000;
  for (;;) {
    // A live process answers a health check at once; a dead one's listings are removed by it (2 s).
    const listed = await matchMaker.driver.findOne({ roomId: code });
    if (listed && (await matchMaker.healthCheckProcessId(listed.processId))) return;
    if (await restoreRoom(store, library, owner, code, log)) return;
    const stored = await store.load(code);
    if (!stored || stored.closedAt !== null || Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}
