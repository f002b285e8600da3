import { parseArgs } from 'node:util';
import { matchMaker } from '@colyseus/core';
import { createRoomServer } from '../../server/room-server.ts';
import { loadScenarioLibrary } from '../../server/scenarios.ts';
import { PostgresStore } from '../../server/storage/postgres.ts';

// One of the scale-out benchmark's two server processes: the real workshop rooms, logging to a
// PostgreSQL schema the two share, with Colyseus' presence and room listings in a shared Redis
// database, listening on 127.0.0.1 at the port its public address names. Tells the parent its port
// and Colyseus process id (to clean its Redis entries up); stops on 'stop', or when the parent goes.

const { values } = parseArgs({ options: { port: { type: 'string' }, db: { type: 'string' }, schema: { type: 'string' }, redis: { type: 'string' } } });
if (!values.port || !values.db || !values.schema || !values.redis) throw new Error('scale-server: needs --port, --db, --schema and --redis');
const store = new PostgresStore({ url: values.db, schema: values.schema });
await store.connect();
const library = await loadScenarioLibrary();
const server = await createRoomServer({ library, joinsPerMinute: 1_000_000, log: () => {}, store, redis: values.redis, publicAddress: `127.0.0.1:${values.port}` });
const port = await server.listen(Number(values.port), '127.0.0.1');
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void server
    .close()
    .then(() => store.shutdown())
    .finally(() => process.exit(0));
};
process.on('message', (m: unknown) => m === 'stop' && stop());
process.on('disconnect', stop);
process.send!({ port, processId: matchMaker.processId });
