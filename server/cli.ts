import { integer, parse, UsageError } from '../src/cli/args.ts';
import { PROJECT_ROOT } from '../src/scenarios/load-file.ts';
import { join, resolve } from 'node:path';
import { banner, DEFAULT_PORT, startWarRoom } from './main.ts';
import { DEFAULT_RETENTION_DAYS } from './storage/durable.ts';
import { defaultDataDir } from './storage/open.ts';

// `npm start` (development) and `war-room serve` (a built app): parse, start, print the
// addresses, and close cleanly on Ctrl+C.

/** How often the server checks that the process that started it is still there. */
const ORPHAN_CHECK_MS = 1000;

export const SERVE_HELP = `war-room serve [--port N] [--host ADDRESS] [--dir FOLDER] [--data FOLDER | --db postgres://…] [--retention DAYS] [--redis redis://… --public-address HOST:PORT]

Serves the built app (npm run build) with the workshop rooms on one port: the game at /, the
facilitator console at /facilitator.html, the phone page at /join, GET /healthz. Listens on
every network interface by default so phones on the same Wi-Fi can join; it prints the address.

Options:
  --port N          port (default ${DEFAULT_PORT}; 0 picks a free one)
  --host ADDRESS    address to listen on (default 0.0.0.0; 127.0.0.1 keeps it to this machine)
  --dir FOLDER      the built app (default dist/)
  --data FOLDER     where rooms are saved, in SQLite (default: ${defaultDataDir()})
  --db URL          save rooms in PostgreSQL instead (postgres://…; or set DATABASE_URL)
  --retention DAYS  remove saved rooms older than this (default ${DEFAULT_RETENTION_DAYS})
  --redis URL       several processes: share room listings and presence in this Redis (or REDIS_URL);
                    needs --db; see docs/workshop-rooms.md
  --public-address HOST:PORT
                    where clients reach this process's WebSockets (each process its own)
  -h, --help        this help
`;

export async function runServer(args: string[], dev: boolean): Promise<{ output: string; exitCode: number }> {
  const { values, positionals } = parse(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    dir: { type: 'string' },
    data: { type: 'string' },
    db: { type: 'string' },
    retention: { type: 'string' },
    redis: { type: 'string' },
    'public-address': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { output: SERVE_HELP, exitCode: 0 };
  if (positionals.length > 0) throw new UsageError(`serve takes no file arguments, got "${positionals[0]}"`);
  const port = integer(values.port, 'port', DEFAULT_PORT);
  if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`);
  const host = values.host ?? '0.0.0.0';
  const dir = resolve(values.dir ?? join(PROJECT_ROOT, 'dist'));
  const retentionDays = integer(values.retention, 'retention', DEFAULT_RETENTION_DAYS);
  if (retentionDays < 1 || retentionDays > 3650) throw new UsageError(`--retention must be between 1 and 3650 days, got ${retentionDays}`);
  if (values.data !== undefined && values.db !== undefined) throw new UsageError('choose --data (SQLite) or --db (PostgreSQL), not both');
  const storage = { data: values.data === undefined ? undefined : resolve(values.data), db: values.db };
  const redis = values.redis ?? process.env.REDIS_URL;
  if (redis !== undefined && !/^rediss?:\/\//.test(redis)) throw new UsageError(`--redis must be a redis:// address, got "${redis.slice(0, 60)}"`);
  if (redis !== undefined && !(values.db ?? process.env.DATABASE_URL)) throw new UsageError('--redis needs rooms stored in PostgreSQL: add --db postgres://… (or DATABASE_URL)');
  const publicAddress = values['public-address'];
  let server;
  try {
    server = await startWarRoom({ port, host, dev, dir, storage, retentionDays, ...(redis ? { redis } : {}), ...(publicAddress ? { publicAddress } : {}) });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use: choose another with --port`);
    if (e.message.startsWith('no built app') || e.message.startsWith('--db') || e.message.startsWith('cannot use the PostgreSQL')) throw new UsageError(e.message);
    throw error;
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // `npm start` runs this process under a shell that does not pass a SIGTERM on: when whatever
  // started it is gone (this process was handed to another parent), it stops too, so the port is free.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, ORPHAN_CHECK_MS).unref();
  return { output: banner(server.port, host, server.storedIn, redis !== undefined), exitCode: 0 };
}
