import { parseArgs } from 'node:util';
import { compileScenario } from '../../../src/engine/compile.ts';
import { createRoomServer } from '../../../server/room-server.ts';
import type { RoomStore } from '../../../server/storage/log.ts';
import { PostgresStore } from '../../../server/storage/postgres.ts';
import { SqliteStore } from '../../../server/storage/sqlite.ts';
import { leakScenario } from '../helpers.ts';

// A room server process for the crash tests: the real createRoomServer and stores, with the test
// scenario, on 127.0.0.1. Prints "listening PORT" once rooms are restored and it accepts joins.

const { values } = parseArgs({ options: { port: { type: 'string' }, data: { type: 'string' }, db: { type: 'string' }, schema: { type: 'string' }, redis: { type: 'string' }, 'public-address': { type: 'string' } } });
const compiled = compileScenario(leakScenario());
let store: RoomStore;
if (values.db) {
  const pgStore = new PostgresStore({ url: values.db, ...(values.schema ? { schema: values.schema } : {}) });
  await pgStore.connect();
  store = pgStore;
} else store = new SqliteStore(values.data ?? '.');
const server = await createRoomServer({
  library: { get: (id) => (id === compiled.index.scenario.id ? compiled : null), ids: () => [compiled.index.scenario.id] },
  joinsPerMinute: 10_000,
  store,
  ...(values.redis ? { redis: values.redis } : {}),
  ...(values['public-address'] ? { publicAddress: values['public-address'] } : {}),
  log: (line) => process.stderr.write(`${line}\n`),
});
const port = await server.listen(Number(values.port ?? 0), '127.0.0.1');
process.stdout.write(`listening ${port}\n`);
// The test ends the process with SIGKILL (the crash) or SIGTERM (clean up).
process.once('SIGTERM', () => {
  void server.close().then(() => store.shutdown()).then(() => process.exit(0));
});
