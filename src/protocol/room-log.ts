import type { CreateOptions } from './messages.ts';
import type { VoteRecord } from './views.ts';

// A room's log as the facilitator downloads it (GET /room-log/CODE) and the offline console
// imports it: what the room ran and every accepted input, without the facilitator key or any
// phone's device token. The server writes it; the console checks it field by field on import.

export const ROOM_LOG_FORMAT = 'war-room-room-log';
export const ROOM_LOG_VERSION = 1;

/** One logged input as exported: seats without their device token. */
export type ExportedLogEntry =
  | { kind: 'seat'; id: string; name: string; role: string }
  | { kind: 'vote'; seat: string; vote: { decision: string; option: string; confidence?: number | null; rationale?: string } }
  | { kind: 'control'; control: { type: string; [field: string]: unknown } };

export interface RoomLogExport {
  format: typeof ROOM_LOG_FORMAT;
  version: typeof ROOM_LOG_VERSION;
  code: string;
  createdAt: string;
  closedAt: string | null;
  scenario: { id: string; fingerprint: string };
  options: CreateOptions;
  cap: number;
  fingerprint: { seq: number; value: string } | null;
  entries: ExportedLogEntry[];
  /**
   * The closed votes as the room's report keeps them, from replaying the log on the server; null
   * when the server could not replay it (its scenario changed or is gone).
   */
  records: VoteRecord[] | null;
  /** Why the room is read-only, or null. */
  readOnly: string | null;
}
