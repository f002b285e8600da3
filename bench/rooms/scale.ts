import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, type Room } from '@colyseus/sdk';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { TallyMessage, ViewMessage, ViewUpdateMessage, VoteStateMessage } from '../../src/protocol/views.ts';
import { fmt } from '../measure.ts';
import { percentile, Waits } from './index.ts';
import { freePort } from '../../tests/free-port.ts';

// `npm run bench -- rooms-scale [--json]` (also after the room figures in `rooms`): a day of
// workshops on two server processes sharing Redis (Colyseus' presence and room listings, a database
// number of its own) and PostgreSQL (the rooms' logs, a schema of its own), each process reached at
// its own public address. 20 rooms are created through the two processes in turn (Colyseus puts
// each on the process with fewer rooms); 30 voters join each, half through the process that holds
// the room and half through the other one, which reserves the seat over Redis. Join time: the join
// request sent → the phone has its first view, JOIN_CONCURRENCY joins in flight, the rooms filling
// side by side. Then one vote round per room, one room at a time: the last vote sent → the console's
// tally counts all 30. Bounded: fixed counts, every wait has a deadline, the whole run DEADLINE_MS,
// and the processes, the schema and the Redis entries are removed at the end, on failure too.

const ROOMS = 20;
const VOTERS = 30;
const JOIN_CONCURRENCY = 10;
const DEADLINE_MS = 120_000;
const START_MS = 30_000;
const STOP_MS = 10_000;
const SCENARIO = { scenarioId: 'invoice-fraud', seed: 7, partner: 'deskside' };
const DATABASE_URL = process.env.WAR_ROOM_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Without a database number: the bench picks an empty one. */
const REDIS_URL = process.env.WAR_ROOM_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const here = dirname(fileURLToPath(import.meta.url));

interface ServerProcess {
  port: number;
  processId: string;
  stop(): Promise<void>;
}

interface Phone {
  room: Room;
  /** performance.now() of the first view, 0 until then. */
  viewAt: number;
  vote: VoteStateMessage['vote'];
  options: string[];
}

interface BenchRoom {
  code: string;
  /** Index of the process that holds the room. */
  owner: number;
  console: Room;
  secret: string;
  tally: TallyMessage | null;
  phones: Phone[];
}

/** What a run started, so that it is all stopped and removed however the run ends. */
interface Resources {
  processes: ServerProcess[];
  rooms: Room[];
  schema: string;
  redisUrl: string | null;
}

export interface ScaleFigures {
  rooms: number;
  votersPerRoom: number;
  joinConcurrency: number;
  roomsPerProcess: number[];
  joinP50Ms: number;
  joinP95Ms: number;
  joinViaOwnerP50Ms: number;
  joinViaOwnerP95Ms: number;
  joinViaOtherP50Ms: number;
  joinViaOtherP95Ms: number;
  tallyP50Ms: number;
  tallyP95Ms: number;
  totalS: number;
}

const waits = new Waits();

function startProcess(args: string[]): Promise<ServerProcess> {
  // Its stdout carries Colyseus' debug lines (a health check per join through the other process), not
  // figures, and would break --json's one object: dropped. Its errors go to stderr.
  const child: ChildProcess = fork(join(here, 'scale-server.ts'), args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  let exited = child.exitCode !== null;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exit.then(() => (exited = true));
  const stop = async (): Promise<void> => {
    if (exited) return;
    if (child.connected) child.send('stop');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_MS);
    await exit;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`rooms-scale bench: a server process did not listen within ${START_MS / 1000} s`));
    }, START_MS);
    child.on('message', (m: { port?: number; processId?: string }) => {
      if (typeof m?.port !== 'number' || typeof m.processId !== 'string') return;
      clearTimeout(timer);
      resolve({ port: m.port, processId: m.processId, stop });
    });
    void exit.then(() => {
      clearTimeout(timer);
      reject(new Error(`rooms-scale bench: a server process exited before it listened (${child.exitCode})`));
    });
  });
}

const redisClient = (url: string) => new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 5000 });

/** A Redis database nobody else is using (tests pick theirs at random): an empty one, tried in random order. */
async function emptyRedisDatabase(): Promise<string> {
  const numbers = Array.from({ length: 15 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
  for (const n of numbers) {
    const url = `${REDIS_URL}/${n}`;
    const client = redisClient(url);
    try {
      await client.connect();
      if ((await client.dbsize()) === 0) return url;
    } catch (error) {
      throw new Error(`rooms-scale bench needs Redis at ${REDIS_URL} (or WAR_ROOM_BENCH_REDIS_URL): ${(error as Error).message}`);
    } finally {
      client.disconnect();
    }
  }
  throw new Error(`rooms-scale bench: no empty Redis database among 1–15 at ${REDIS_URL}`);
}

async function withPostgres<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`rooms-scale bench needs PostgreSQL at ${DATABASE_URL} (or WAR_ROOM_BENCH_DATABASE_URL): ${(error as Error).message}`);
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Removes this run's entries from the shared Redis database: its rooms, its processes, and keys named after them. */
async function cleanRedis(url: string, processIds: string[], roomIds: string[]): Promise<void> {
  const client = redisClient(url);
  await client.connect();
  try {
    const ours = [...processIds, ...roomIds];
    const caches = await client.hgetall('roomcaches');
    const stale = Object.entries(caches)
      .filter(([id, json]) => roomIds.includes(id) || processIds.includes((JSON.parse(json) as { processId?: string }).processId ?? ''))
      .map(([id]) => id);
    if (stale.length > 0) await client.hdel('roomcaches', ...stale);
    if (processIds.length > 0) await client.hdel('roomcount', ...processIds);
    const named = (await client.keys('*')).filter((k) => ours.some((id) => k.includes(id)));
    if (named.length > 0) await client.del(...named);
  } finally {
    client.disconnect();
  }
}

async function cleanUp(res: Resources): Promise<void> {
  const steps: [string, () => Promise<unknown>][] = [
    ['leave the rooms', () => Promise.race([Promise.all(res.rooms.map((r) => r.leave(true).catch(() => 0))), new Promise((r) => setTimeout(r, 5000))])],
    ['stop the server processes', () => Promise.all(res.processes.map((p) => p.stop()))],
    ['drop the schema', () => withPostgres((c) => c.query(`DROP SCHEMA IF EXISTS ${res.schema} CASCADE`))],
    ['clean Redis', () => (res.redisUrl ? cleanRedis(res.redisUrl, res.processes.map((p) => p.processId), res.rooms.map((r) => r.roomId)) : Promise.resolve())],
  ];
  for (const [what, step] of steps) {
    try {
      await step();
    } catch (error) {
      console.error(`rooms-scale bench: could not ${what}: ${(error as Error).message}`);
    }
  }
}

/** Which process holds a room, from Colyseus' room listing in Redis. */
async function ownerOf(redis: Redis, code: string, processes: ServerProcess[]): Promise<number> {
  const json = await redis.hget('roomcaches', code);
  const processId = json ? (JSON.parse(json) as { processId?: string }).processId : undefined;
  const owner = processes.findIndex((p) => p.processId === processId);
  if (owner < 0) throw new Error(`rooms-scale bench: room ${code} is not listed under either process`);
  return owner;
}

async function createRoom(sdk: Client, res: Resources, redis: Redis): Promise<BenchRoom> {
  const consoleRoom = await sdk.create('workshop', { ...SCENARIO, cap: VOTERS, seats: { observer: VOTERS } });
  res.rooms.push(consoleRoom);
  // Its handler goes on before anything is awaited: the room sends the key at once.
  const room: BenchRoom = { code: consoleRoom.roomId, owner: -1, console: consoleRoom, secret: '', tally: null, phones: [] };
  consoleRoom.onMessage('*', (type, m) => {
    if (type === 'secret') room.secret = (m as { secret: string }).secret;
    else if (type === 'tally') room.tally = m as TallyMessage;
    else if (type === 'error') console.error('rooms-scale bench: the console was refused', m);
    waits.poke();
  });
  room.owner = await ownerOf(redis, room.code, res.processes);
  await waits.until(() => room.secret !== '', 'the facilitator key');
  return room;
}

/** One phone joins through the given process; resolves with the time until its first view. */
async function joinPhone(sdk: Client, room: BenchRoom, i: number, res: Resources): Promise<number> {
  const sent = performance.now();
  const joined = await sdk.joinById(room.code, { name: `Voter ${i}`, role: 'observer' });
  res.rooms.push(joined);
  const phone: Phone = { room: joined, viewAt: 0, vote: null, options: [] };
  joined.onMessage('*', (type, m) => {
    if (type === 'view' || type === 'update') {
      // An update carries only the fields that changed.
      const view = m as ViewMessage | ViewUpdateMessage;
      if (type === 'view' && phone.viewAt === 0) phone.viewAt = performance.now();
      phone.vote = view.vote;
      if (view.decision !== undefined) phone.options = view.decision?.options.filter((o) => o.available).map((o) => o.id) ?? [];
    } else if (type === 'vote') phone.vote = (m as VoteStateMessage).vote;
    else if (type === 'error') console.error(`rooms-scale bench: voter ${i} in ${room.code} refused`, m);
    waits.poke();
  });
  room.phones.push(phone);
  return (await waits.until(() => phone.viewAt > 0, `voter ${i}'s first view in ${room.code}`)) - sent;
}

/** The facilitator opens the first decision; every phone votes; resolves with the tally time. */
async function voteRound(room: BenchRoom): Promise<number> {
  room.console.send('control.run', { secret: room.secret, from: 0, events: [{ type: 'prep.commit', measures: [] }], stage: 'incident', decision: 'open', shown: null });
  await waits.until(() => room.phones.every((p) => p.vote?.open === true), `the first decision on every phone in ${room.code}`);
  const decision = room.phones[0]!.vote!.decision;
  const option = room.phones[0]!.options[0];
  if (!option) throw new Error(`rooms-scale bench: no option to vote for in ${decision}`);
  for (const p of room.phones) p.room.send('vote', { decision, option });
  const lastSent = performance.now();
  const counted = await waits.until(() => room.tally?.decision === decision && room.tally.tally.counts[option] === VOTERS, `the console tally in ${room.code}`);
  return counted - lastSent;
}

async function measure(res: Resources): Promise<ScaleFigures> {
  const started = performance.now();
  res.redisUrl = await emptyRedisDatabase();
  await withPostgres(async () => {});
  // One after the other: both create the shared schema if it is missing.
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    res.processes.push(await startProcess(['--port', String(port), '--db', DATABASE_URL, '--schema', res.schema, '--redis', res.redisUrl]));
  }
  const sdks = res.processes.map((p) => new Client(`ws://127.0.0.1:${p.port}`));
  const redis = redisClient(res.redisUrl);
  await redis.connect();
  const rooms: BenchRoom[] = [];
  try {
    for (let r = 0; r < ROOMS; r++) rooms.push(await createRoom(sdks[r % 2]!, res, redis));
  } finally {
    redis.disconnect();
  }
  // Voter j of every room, then voter j + 1: the rooms fill side by side, as on a workshop day.
  const queue = Array.from({ length: ROOMS * VOTERS }, (_, k) => ({ room: rooms[k % ROOMS]!, voter: Math.floor(k / ROOMS) }));
  const viaOwner: number[] = [];
  const viaOther: number[] = [];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const via = (next.room.owner + next.voter) % 2;
      const ms = await joinPhone(sdks[via]!, next.room, next.voter, res);
      (via === next.room.owner ? viaOwner : viaOther).push(ms);
    }
  };
  await Promise.all(Array.from({ length: JOIN_CONCURRENCY }, worker));
  const tallies: number[] = [];
  for (const room of rooms) tallies.push(await voteRound(room));
  const joins = [...viaOwner, ...viaOther];
  return {
    rooms: ROOMS,
    votersPerRoom: VOTERS,
    joinConcurrency: JOIN_CONCURRENCY,
    roomsPerProcess: res.processes.map((_, i) => rooms.filter((r) => r.owner === i).length),
    joinP50Ms: percentile(joins, 50),
    joinP95Ms: percentile(joins, 95),
    joinViaOwnerP50Ms: percentile(viaOwner, 50),
    joinViaOwnerP95Ms: percentile(viaOwner, 95),
    joinViaOtherP50Ms: percentile(viaOther, 50),
    joinViaOtherP95Ms: percentile(viaOther, 95),
    tallyP50Ms: percentile(tallies, 50),
    tallyP95Ms: percentile(tallies, 95),
    totalS: (performance.now() - started) / 1000,
  };
}

async function run(): Promise<ScaleFigures> {
  const res: Resources = { processes: [], rooms: [], schema: `bench_scale_${randomBytes(4).toString('hex')}`, redisUrl: null };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`rooms-scale bench: not done within ${DEADLINE_MS / 1000} s`)), DEADLINE_MS);
  });
  const work = measure(res);
  // Past the deadline the work is abandoned: its later failure (its processes gone) is not news.
  work.catch(() => {});
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    await cleanUp(res);
  }
}

export async function scaleBench(options: { json?: boolean } = {}): Promise<void> {
  const f = await run();
  const r = (n: number) => Math.round(n * 10) / 10;
  if (options.json) {
    console.log(JSON.stringify(Object.fromEntries(Object.entries(f).map(([k, v]) => [k, typeof v === 'number' ? r(v) : v]))));
    return;
  }
  console.log(
    `rooms, scale-out: ${f.rooms} rooms × ${f.votersPerRoom} voters on two processes sharing Redis and PostgreSQL (rooms per process ${f.roomsPerProcess.join('/')}), ` +
      `${f.joinConcurrency} joins in flight, half of each room's through the process that does not hold it`,
  );
  const pair = (p50: number, p95: number) => `${fmt(p50, 1)}/${fmt(p95, 1)}`;
  console.log(`join → first view ms p50/p95: all ${pair(f.joinP50Ms, f.joinP95Ms)} | via the owner ${pair(f.joinViaOwnerP50Ms, f.joinViaOwnerP95Ms)} | via the other process ${pair(f.joinViaOtherP50Ms, f.joinViaOtherP95Ms)}`);
  console.log(`tally ms p50/p95 (one round per room, last vote sent → console counts all ${f.votersPerRoom}): ${pair(f.tallyP50Ms, f.tallyP95Ms)}; whole run ${fmt(f.totalS, 1)} s`);
}
