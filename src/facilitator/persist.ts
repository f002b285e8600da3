import { tryRead, tryWrite, type KeyValueStorage } from '../store/storage.ts';
import { FRAME_KEY } from './frame-store.ts';
import type { KeyedStore } from './idb.ts';
import { SessionSchema } from './session-schema.ts';
import type { Session } from './session.ts';

// Where a session lives. Every change is written twice: synchronously to localStorage (the
// current session only, so a reload or crash a moment after a key press loses nothing) and to
// the IndexedDB archive (every session, for the history, see archive.ts). On opening, the copy
// with the higher revision wins. The presenter's last frame is kept too (frame-store.ts).

export const FACILITATOR_KEYS = {
  current: 'war-room.facilitator.current',
  frame: FRAME_KEY,
  noteDraft: 'war-room.facilitator.note-draft',
} as const;

export type SessionArchive = KeyedStore<Session>;

export function writeCurrent(storage: KeyValueStorage, session: Session): boolean {
  return tryWrite(storage, FACILITATOR_KEYS.current, JSON.stringify(session));
}

export function clearCurrent(storage: KeyValueStorage): void {
  try {
    storage.removeItem(FACILITATOR_KEYS.current);
  } catch {
    // Nothing to do: the next session written replaces it anyway.
  }
}

/** The current session from localStorage, or null when there is none or it does not parse. */
export function readCurrent(storage: KeyValueStorage): Session | null {
  const raw = tryRead(storage, FACILITATOR_KEYS.current);
  if (raw === null) return null;
  try {
    const parsed = SessionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The newer of two copies of the same session; a different session in the archive never wins. */
export function newerCopy(local: Session | null, archived: Session | null): Session | null {
  if (!local) return archived;
  if (!archived || archived.id !== local.id) return local;
  return archived.rev > local.rev ? archived : local;
}

/** The session to resume when the console opens with no current session: the latest unfinished one. */
export function latestUnfinished(sessions: readonly Session[]): Session | null {
  return [...sessions].filter((s) => s.stage !== 'debrief').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0] ?? null;
}
