// The store persists through this small slice of the Web Storage API, so tests can pass an
// in-memory map and the browser passes window.localStorage.
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { dump(): Record<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, String(value)),
    removeItem: (key) => void data.delete(key),
    dump: () => Object.fromEntries(data),
  };
}

/** Writes without throwing: a full or blocked storage must not stop the game. Returns false on failure. */
export function tryWrite(storage: KeyValueStorage, key: string, value: string): boolean {
  try {
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export function tryRead(storage: KeyValueStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

export const STORAGE_KEYS = {
  save: 'war-room.save',
  session: 'war-room.session',
  badSavePrefix: 'war-room.save.bad.',
  history: 'war-room.history',
  muted: 'war-room.muted',
  volume: 'war-room.volume',
} as const;
