import { randomBytes } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BallotMessage, ConsoleRoomView, RoleView } from '../../../src/protocol/views.ts';
import { consoleView, START_INCIDENT, until } from '../helpers.ts';
import { joinPhone, openConsole, since, startServer, type PhoneClient, type ServerProcess } from './crash-helpers.ts';
import { clearRedisDatabase, emptyRedisDatabase, postgresUrl, requirePostgres } from './real-servers.ts';
import { freePort } from '../../free-port.ts';

// Issue "Rooms that survive", scale-out: two server processes sharing Redis (Colyseus' presence and
// room listings) and PostgreSQL (the logs and the leases). Clients reach the processes through one
// entry address (a small proxy standing in for the deployment's load balancer) and each process's
// WebSocket at its own public address. The process that owns the room is killed with SIGKILL mid-vote;
// the other one must take the room over with every acknowledged vote, and every client come back.

const schema = `test_scale_${randomBytes(4).toString('hex')}`;
// A Redis database of its own (an empty one, cleared afterwards), so other runs on the same Redis
// neither see these processes nor leave room counts that would send rooms to dead processes.
let redis = '';
const servers: ServerProcess[] = [];
let proxy: Server;
let targets: number[] = [];

/** The entry address: each HTTP request goes to the first process that accepts it (dead ones are skipped). */
function startProxy(): Promise<number> {
  proxy = createServer((req, res) => {
    const body: Buffer[] = [];
    req.on('data', (c: Buffer) => body.push(c));
    req.on('end', () => {
      const tryTarget = (i: number) => {
        const port = targets[i];
        if (port === undefined) {
          res.writeHead(502).end('no process answers');
          return;
        }
        const out = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, (upstream) => {
          res.writeHead(upstream.statusCode ?? 502, upstream.headers);
          upstream.pipe(res);
        });
        out.on('error', () => tryTarget(i + 1));
        out.end(Buffer.concat(body));
      };
      tryTarget(0);
    });
  });
  return new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve((proxy.address() as AddressInfo).port)));
}

async function roomsIn(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return ((await res.json()) as { rooms: number }).rooms;
}

beforeAll(async () => {
  await requirePostgres();
  redis = await emptyRedisDatabase();
});

afterAll(async () => {
  for (const s of servers) await s.kill('SIGKILL');
  proxy?.close();
  if (redis) await clearRedisDatabase(redis);
  const client = new pg.Client({ connectionString: postgresUrl() });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
});

describe('two processes sharing Redis and PostgreSQL', () => {
  it('the owner killed mid-vote: the other process takes the room over with every acknowledged vote, and every client comes back', { timeout: 120_000 }, async () => {
    const ports = [await freePort(), await freePort()];
    for (const port of ports) {
      servers.push(await startServer(['--db', postgresUrl(), '--schema', schema, '--redis', redis, '--port', String(port), '--public-address', `127.0.0.1:${port}`]));
    }
    targets = ports;
    const entry = `ws://127.0.0.1:${await startProxy()}`;

    const console_ = await openConsole(entry);
    const code = console_.room.roomId;
    console_.send('control.run', { from: 0, events: START_INCIDENT, stage: 'incident', decision: 'open', shown: null });
    await until(() => (console_.view()?.vote ?? null) !== null, 'the vote to open');
    const decision = console_.view()!.vote!.decision;
    const phones: PhoneClient[] = [];
    for (let i = 0; i < 10; i++) phones.push(await joinPhone(entry, code, `Person ${i}`, i % 2 === 0 ? 'ceo' : 'legal'));
    const options = (phones[0]!.got.filter((m) => m.type === 'view').at(-1)!.message as RoleView).decision!.options.filter((o) => o.available);
    const choice = (i: number) => options[i % options.length]!.id;

    // Which process holds the room: that one dies.
    const counts = await Promise.all(ports.map(roomsIn));
    const owner = counts.findIndex((n) => n === 1);
    expect(counts.filter((n) => n === 1)).toHaveLength(1);
    const survivor = 1 - owner;

    for (let i = 0; i < 6; i++) phones[i]!.room.send('vote', { decision, option: choice(i), rationale: `reason ${i}` });
    await until(() => phones.slice(0, 6).every((p) => (p.ballot()?.mine ?? null) !== null), 'six acknowledged votes');
    for (let i = 6; i < 10; i++) phones[i]!.room.send('vote', { decision, option: choice(i) });
    await servers[owner]!.kill('SIGKILL');
    targets = [ports[survivor]!];

    try {
      await until(
        () => console_.joins === 2 && consoleView(console_.got.slice(console_.mark)) !== undefined && phones.every((p) => p.joins === 2 && since(p, 'view') !== undefined),
        'the console and ten phones back in the room on the other process',
        60_000,
      );
    } catch (error) {
      // What each side saw, to tell a slow take-over from a lost client.
      throw new Error(`${(error as Error).message}; joins: console ${console_.joins}, phones ${phones.map((p) => p.joins).join(',')}; surviving process said:\n${servers[survivor]!.log.join('').slice(-3000)}`);
    }
    expect(await roomsIn(ports[survivor]!)).toBe(1);
    expect(servers[survivor]!.log.join('')).toMatch(new RegExp(`room ${code} restored from its log`));
    expect(since(console_, 'error')).toBeUndefined();
    const view = consoleView(console_.got.slice(console_.mark))!;
    expect(view.code).toBe(code);
    expect(view.participants).toHaveLength(10);
    expect(view.vote?.decision).toBe(decision);
    for (const [i, phone] of phones.slice(0, 6).entries()) expect(since<BallotMessage>(phone, 'ballot')?.mine?.option).toBe(choice(i));
    expect(view.vote!.tally.total).toBeGreaterThanOrEqual(6);

    // It goes on there: a new vote is acknowledged and counted.
    phones[9]!.room.send('vote', { decision, option: choice(2) });
    await until(() => since<BallotMessage>(phones[9]!, 'ballot')?.mine?.option === choice(2), 'a vote on the new owner');
  });
});
