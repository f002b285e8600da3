import { isLang, type Lang } from '../../i18n/lang.ts';
import type { VoteRecord } from '../../protocol/views.ts';
import type { KeyValueStorage } from '../../store/storage.ts';

// What the console keeps about its room in this browser: the room's code, its facilitator key
// (so a reloaded console takes the room up again; phones never see it), the join address for the
// presenter, and the closed votes for the report. The presenter window reads the code and address.

export interface RoomInfo {
  code: string;
  secret: string;
  sessionId: string;
  joinUrl: string;
  /** Scenario, seed and partner the room runs: the room cannot follow a change of these. */
  run: string;
  /** The room's language as the console last set it (absent in rooms opened before rooms had languages: English). */
  lang?: Lang;
}

export const ROOM_INFO_KEY = 'war-room.room';
const votesKey = (sessionId: string) => `war-room.room-votes.${sessionId}`;

/** This browser's storage; tests and the console store pass their own. */
const browserStorage = (): KeyValueStorage => localStorage;

function read<T>(key: string, storage = browserStorage()): T | null {
  try {
    const raw = storage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown, storage = browserStorage()): void {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the room still runs; a reload then needs a new room.
  }
}

export function loadRoomInfo(): RoomInfo | null {
  const info = read<Partial<RoomInfo>>(ROOM_INFO_KEY);
  return info && typeof info.code === 'string' && typeof info.secret === 'string' && typeof info.sessionId === 'string' && typeof info.joinUrl === 'string' && typeof info.run === 'string'
    ? (info as RoomInfo)
    : null;
}

export function saveRoomInfo(info: RoomInfo): void {
  write(ROOM_INFO_KEY, info);
}

export function clearRoomInfo(): void {
  try {
    localStorage.removeItem(ROOM_INFO_KEY);
  } catch {
    // Nothing stored.
  }
}

/** What the presenter shows: the code, the address and the room's language (which the presenter may follow), never the key. */
export function loadPublicRoomInfo(): { code: string; joinUrl: string; lang: Lang } | null {
  const info = loadRoomInfo();
  return info ? { code: info.code, joinUrl: info.joinUrl, lang: isLang(info.lang) ? info.lang : 'en' } : null;
}

export function saveVoteRecords(sessionId: string, records: readonly VoteRecord[], storage?: KeyValueStorage): void {
  write(votesKey(sessionId), records, storage);
}

export function loadVoteRecords(sessionId: string, storage?: KeyValueStorage): VoteRecord[] {
  const records = read<VoteRecord[]>(votesKey(sessionId), storage);
  return Array.isArray(records) ? records : [];
}
