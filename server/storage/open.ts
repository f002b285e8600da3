import { homedir } from 'node:os';
import { join } from 'node:path';
import type { RoomStore } from './log.ts';
import { PostgresStore } from './postgres.ts';
import { SqliteStore } from './sqlite.ts';

// Which store a server uses: PostgreSQL when given a postgres:// address (--db or DATABASE_URL),
// else SQLite in the data folder (--data, or the user's data directory).

export function defaultDataDir(env = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'war-room');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'war-room');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'war-room');
}

export interface StoreChoice {
  data?: string | undefined;
  db?: string | undefined;
}

export async function openStore(choice: StoreChoice, env = process.env): Promise<{ store: RoomStore; where: string }> {
  const url = choice.db ?? env.DATABASE_URL;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`--db must be a postgres:// address, got "${url.slice(0, 60)}"`);
    const store = new PostgresStore({ url });
    try {
      await store.connect();
    } catch (error) {
      await store.shutdown().catch(() => {});
      throw error;
    }
    return { store, where: `PostgreSQL ${new URL(url).host}${new URL(url).pathname}` };
  }
  const dir = choice.data ?? defaultDataDir(env);
  return { store: new SqliteStore(dir), where: join(dir, 'rooms.sqlite') };
}
