import { randomBytes } from 'node:crypto';
import { matchMaker } from '@colyseus/core';
import { ROOM_NAME } from '../../src/protocol/limits.ts';
import type { ScenarioLibrary } from '../scenarios.ts';
import type { RoomStore, StoredRoom } from './log.ts';

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
export async function restoreRooms(store: RoomStore, library: ScenarioLibrary, log: (line: string) => void): Promise<string[]> {
  const restored: string[] = [];
  for (const code of await store.openCodes()) {
    const stored = await store.load(code);
    if (!stored) continue;
    if (!library.get(stored.record.options.scenarioId)) {
      log(`room ${code} is not restored: no scenario "${stored.record.options.scenarioId}" on this server (its log can still be exported)`);
      continue;
    }
    const ticket = randomBytes(16).toString('base64url');
    tickets.set(ticket, stored);
    try {
      await matchMaker.createRoom(ROOM_NAME, { restore: ticket });
      restored.push(code);
    } catch (error) {
      tickets.delete(ticket);
      log(`room ${code} could not be restored: ${(error as Error).message}`);
    }
  }
  return restored;
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

/** A room's log as the facilitator downloads it: no facilitator key, no device tokens. */
export interface RoomLogExport {
  format: 'war-room-room-log';
  version: 1;
  code: string;
  createdAt: string;
  closedAt: string | null;
  scenario: { id: string; fingerprint: string };
  options: StoredRoom['record']['options'];
  cap: number;
  fingerprint: StoredRoom['fingerprint'];
  entries: unknown[];
}

export function exportRoomLog(stored: StoredRoom): RoomLogExport {
  const { record } = stored;
  return {
    format: 'war-room-room-log',
    version: 1,
    code: record.code,
    createdAt: new Date(record.createdAt).toISOString(),
    closedAt: stored.closedAt === null ? null : new Date(stored.closedAt).toISOString(),
    scenario: { id: record.options.scenarioId, fingerprint: record.scenarioFingerprint },
    options: record.options,
    cap: record.cap,
    fingerprint: stored.fingerprint,
    entries: stored.entries.map((e) => (e.kind === 'seat' ? { kind: e.kind, id: e.id, name: e.name, role: e.role } : e)),
  };
}
