import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRoomServer } from '../../server/room-server.ts';
import { loadScenarioLibrary } from '../../server/scenarios.ts';
import type { RoomStore } from '../../server/storage/log.ts';
import { PostgresStore } from '../../server/storage/postgres.ts';
import { SqliteStore } from '../../server/storage/sqlite.ts';

// The durable-rooms benchmark's server process: the real workshop rooms with one store (argv[2]:
// memory, i.e. no log; sqlite in a throwaway folder; postgres in a throwaway schema), on 127.0.0.1.

const kind = process.argv[2] ?? 'memory';
let store: RoomStore | undefined;
let cleanUp = async () => {};
if (kind === 'sqlite') {
  const dir = mkdtempSync(join(tmpdir(), 'war-room-bench-'));
  store = new SqliteStore(dir);
  cleanUp = async () => rmSync(dir, { recursive: true, force: true });
} else if (kind === 'postgres') {
  const pgStore = new PostgresStore({ url: process.env.WAR_ROOM_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test', schema: `bench_rooms_${process.pid}` });
  await pgStore.connect();
  store = pgStore;
  cleanUp = () => pgStore.dropSchema();
}
const library = await loadScenarioLibrary();
const server = await createRoomServer({ library, joinsPerMinute: 1_000_000, log: () => {}, ...(store ? { store } : {}) });
const port = await server.listen(0, '127.0.0.1');
process.on('message', (m: unknown) => {
  if (m === 'stop') {
    void server
      .close()
      .then(cleanUp)
      .then(() => store?.shutdown())
      .then(() => process.exit(0));
  }
});
process.send!({ port });
