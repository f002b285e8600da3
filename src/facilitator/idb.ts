// A minimal promise wrapper over IndexedDB: one database, object stores keyed by a property.
// Just enough for the session archive; no dependency needed.

export interface KeyedStore<T> {
  get(key: string): Promise<T | null>;
  getAll(): Promise<T[]>;
  put(value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

/** Resolves when a write transaction is durable, not merely when its request succeeded. */
const committed = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

export function openDatabase(name: string, version: number, stores: { name: string; keyPath: string }[]): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('this browser has no IndexedDB (private mode can turn it off)'));
      return;
    }
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const store of stores) if (!db.objectStoreNames.contains(store.name)) db.createObjectStore(store.name, { keyPath: store.keyPath });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`IndexedDB "${name}" could not be opened`));
    request.onblocked = () => reject(new Error(`IndexedDB "${name}" is blocked by another window with an older version open`));
  });
}

export function keyedStore<T>(db: IDBDatabase, name: string): KeyedStore<T> {
  return {
    async get(key) {
      const result = await done(db.transaction(name, 'readonly').objectStore(name).get(key));
      return (result as T | undefined) ?? null;
    },
    async getAll() {
      return (await done(db.transaction(name, 'readonly').objectStore(name).getAll())) as T[];
    },
    async put(value) {
      const tx = db.transaction(name, 'readwrite');
      tx.objectStore(name).put(value);
      await committed(tx);
    },
    async delete(key) {
      const tx = db.transaction(name, 'readwrite');
      tx.objectStore(name).delete(key);
      await committed(tx);
    },
  };
}

/** The same interface in memory, for tests and for browsers without IndexedDB. */
export function memoryStore<T>(keyOf: (value: T) => string): KeyedStore<T> {
  const data = new Map<string, T>();
  const copy = (x: T): T => structuredClone(x);
  return {
    get: async (key) => (data.has(key) ? copy(data.get(key)!) : null),
    getAll: async () => [...data.values()].map(copy),
    put: async (value) => void data.set(keyOf(value), copy(value)),
    delete: async (key) => void data.delete(key),
  };
}
