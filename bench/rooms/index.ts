import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, type Room } from '@colyseus/sdk';
import type { ConsoleRoomView, RoleView, TallyMessage } from '../../src/protocol/views.ts';
import { fmt } from '../measure.ts';

// `npm run bench -- rooms [--json]`: N simulated voters on loopback against a workshop room,
// beside a bare Colyseus 0.18 room that only relays a counter, in the same run and the same
// server process. Per voter count: fan-out (the facilitator opens a decision → every phone has
// it) and tally (the last vote → the console's tally), p50/p95 over rounds; the server's CPU
// time and memory. Bounded: fixed voter counts and rounds, and every wait has a deadline.

const VOTERS = (process.env.ROOMS_BENCH_VOTERS ?? "100,300,1000").split(",").map(Number);
const ROUNDS: Record<number, number> = { 100: 13, 300: 11, 1000: 7 };
/** A phone may send 10 messages a second: rounds are paced so no voter goes over. */
const MIN_ROUND_MS = 150;
const pace = async (started: number) => {
  const left = MIN_ROUND_MS - (performance.now() - started);
  if (left > 0) await new Promise((r) => setTimeout(r, left));
};
/** The first round of each run warms the JIT and is not counted. */
const WARM_UP = 1;
const WAIT_MS = 30_000;
const JOIN_BATCH = 50;
const SCENARIO = { scenarioId: 'invoice-fraud', seed: 7, partner: 'deskside' };

interface Figures {
  fanoutP50Ms: number;
  fanoutP95Ms: number;
  tallyP50Ms: number;
  tallyP95Ms: number;
  joinMs: number;
  serverCpuMs: number;
  serverRssMb: number;
}

interface Row {
  voters: number;
  workshop: Figures;
  bare: Figures;
}

const here = dirname(fileURLToPath(import.meta.url));

function until(check: () => boolean, what: string): Promise<void> {
  const end = performance.now() + WAIT_MS;
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (check()) return resolve();
      if (performance.now() > end) return reject(new Error(`rooms bench: timed out waiting for ${what}`));
      setImmediate(poll);
    };
    poll();
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

class ServerProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static start(): Promise<ServerProcess> {
    const child = fork(join(here, 'server.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new Promise((resolve, reject) => {
      const onMessage = (m: { port?: number }) => {
        if (typeof m?.port !== 'number') return;
        child.off('message', onMessage);
        resolve(new ServerProcess(child, m.port));
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`rooms bench server exited (${code})`)));
    });
  }

  stats(): Promise<{ cpuMs: number; rssMb: number }> {
    return new Promise((resolve) => {
      const onMessage = (m: { cpuMs?: number; rssMb?: number }) => {
        if (typeof m?.cpuMs !== 'number' || typeof m.rssMb !== 'number') return;
        this.child.off('message', onMessage);
        resolve({ cpuMs: m.cpuMs, rssMb: m.rssMb });
      };
      this.child.on('message', onMessage);
      this.child.send('stats');
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.send('stop');
    });
  }
}

async function joinAll<T>(n: number, join: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += JOIN_BATCH) out.push(...(await Promise.all(Array.from({ length: Math.min(JOIN_BATCH, n - i) }, (_, j) => join(i + j)))));
  return out;
}

async function leaveAll(rooms: Room[]): Promise<void> {
  await Promise.all(rooms.map((r) => r.leave(true).catch(() => 0)));
}

async function workshopRun(server: ServerProcess, n: number): Promise<Figures> {
  const sdk = new Client(`ws://127.0.0.1:${server.port}`);
  const consoleRoom = await sdk.create('workshop', { ...SCENARIO, cap: n, seats: { observer: n } });
  let secret = '';
  let tally: TallyMessage | null = null;
  consoleRoom.onMessage('secret', (m: { secret: string }) => (secret = m.secret));
  consoleRoom.onMessage('tally', (m: TallyMessage) => (tally = m));
  consoleRoom.onMessage('console', (_m: ConsoleRoomView) => {});
  consoleRoom.onMessage('error', (e: unknown) => console.error('rooms bench: console refused', e));
  await until(() => secret !== '', 'the facilitator key');
  const joinStart = performance.now();
  const voters = await joinAll(n, async (i) => {
    const room = await sdk.joinById(consoleRoom.roomId, { name: `Voter ${i}`, role: 'observer' });
    const phone = { room, view: null as RoleView | null, openedAt: 0 };
    room.onMessage('view', (v: RoleView) => {
      if (v.vote?.open && !phone.view?.vote?.open) phone.openedAt = performance.now();
      phone.view = v;
    });
    room.onMessage('seat', () => {});
    room.onMessage('ballot', () => {});
    room.onMessage('error', (e: { message: string }) => console.error(`rooms bench: voter refused: ${e.message}`));
    return phone;
  });
  const joinMs = performance.now() - joinStart;
  consoleRoom.send('control.run', { secret, from: 0, events: [{ type: 'prep.commit', measures: [] }], stage: 'incident', decision: 'open', shown: null });
  await until(() => voters.every((v) => v.view?.vote?.open === true), 'the first decision on every phone');
  const options = voters[0]!.view!.decision!.options.filter((o) => o.available).map((o) => o.id);
  const decision = voters[0]!.view!.vote!.decision;

  const before = await server.stats();
  const fanout: number[] = [];
  const tallies: number[] = [];
  let roundStart = 0;
  for (let round = 0; round < (ROUNDS[n] ?? 5); round++) {
    await pace(roundStart);
    roundStart = performance.now();
    consoleRoom.send('control.vote', { secret, action: 'close' });
    await until(() => voters.every((v) => v.view?.vote?.open === false), 'the vote to close');
    const opened = performance.now();
    consoleRoom.send('control.vote', { secret, action: 'reopen' });
    await until(() => voters.every((v) => v.view?.vote?.open === true), 'the reopened vote');
    if (round >= WARM_UP) fanout.push(Math.max(...voters.map((v) => v.openedAt)) - opened);
    const option = options[round % options.length]!;
    for (const v of voters) v.room.send('vote', { decision, option });
    const lastSent = performance.now();
    await until(() => {
      const t = tally as TallyMessage | null;
      return t !== null && t.tally.counts[option] === n;
    }, 'the console tally');
    if (round >= WARM_UP) tallies.push(performance.now() - lastSent);
  }
  const after = await server.stats();
  await leaveAll([...voters.map((v) => v.room), consoleRoom]);
  return figures(fanout, tallies, joinMs, after.cpuMs - before.cpuMs, after.rssMb);
}

async function bareRun(server: ServerProcess, n: number): Promise<Figures> {
  const sdk = new Client(`ws://127.0.0.1:${server.port}`);
  const observer = await sdk.create('bare', {});
  let count = { round: -1, count: 0 };
  observer.onMessage('count', (m: { round: number; count: number }) => (count = m));
  observer.onMessage('open', () => {});
  const joinStart = performance.now();
  const voters = await joinAll(n, async () => {
    const room = await sdk.joinById(observer.roomId, {});
    const phone = { room, round: -1, at: 0 };
    room.onMessage('open', (round: number) => {
      phone.round = round;
      phone.at = performance.now();
    });
    return phone;
  });
  const joinMs = performance.now() - joinStart;
  const before = await server.stats();
  const fanout: number[] = [];
  const tallies: number[] = [];
  let roundStart = 0;
  for (let round = 0; round < (ROUNDS[n] ?? 5); round++) {
    await pace(roundStart);
    roundStart = performance.now();
    const opened = performance.now();
    observer.send('open', round);
    await until(() => voters.every((v) => v.round === round), 'the bare room fan-out');
    if (round >= WARM_UP) fanout.push(Math.max(...voters.map((v) => v.at)) - opened);
    for (const v of voters) v.room.send('inc', round);
    const lastSent = performance.now();
    await until(() => count.round === round && count.count === n, 'the bare room count');
    if (round >= WARM_UP) tallies.push(performance.now() - lastSent);
  }
  const after = await server.stats();
  await leaveAll([...voters.map((v) => v.room), observer]);
  return figures(fanout, tallies, joinMs, after.cpuMs - before.cpuMs, after.rssMb);
}

function figures(fanout: number[], tallies: number[], joinMs: number, serverCpuMs: number, serverRssMb: number): Figures {
  return {
    fanoutP50Ms: percentile(fanout, 50),
    fanoutP95Ms: percentile(fanout, 95),
    tallyP50Ms: percentile(tallies, 50),
    tallyP95Ms: percentile(tallies, 95),
    joinMs,
    serverCpuMs,
    serverRssMb,
  };
}

export async function roomsBench(options: { json?: boolean } = {}): Promise<void> {
  const json = options.json === true;
  const server = await ServerProcess.start();
  const rows: Row[] = [];
  try {
    for (const n of VOTERS) {
      // Bare first, then the workshop room: both on the same warm server process.
      const bare = await bareRun(server, n);
      const workshop = await workshopRun(server, n);
      rows.push({ voters: n, workshop, bare });
    }
  } finally {
    await server.stop();
  }
  if (json) {
    const out: Record<string, Record<string, number>> = {};
    for (const r of rows) {
      out[String(r.voters)] = {
        tallyP95Ms: round(r.workshop.tallyP95Ms),
        bareTallyP95Ms: round(r.bare.tallyP95Ms),
        fanoutP95Ms: round(r.workshop.fanoutP95Ms),
        bareFanoutP95Ms: round(r.bare.fanoutP95Ms),
        tallyP50Ms: round(r.workshop.tallyP50Ms),
        bareTallyP50Ms: round(r.bare.tallyP50Ms),
        fanoutP50Ms: round(r.workshop.fanoutP50Ms),
        bareFanoutP50Ms: round(r.bare.fanoutP50Ms),
        serverCpuMs: round(r.workshop.serverCpuMs),
        bareServerCpuMs: round(r.bare.serverCpuMs),
        serverRssMb: round(r.workshop.serverRssMb),
        joinMs: round(r.workshop.joinMs),
      };
    }
    console.log(JSON.stringify(out));
    return;
  }
  console.log('rooms: workshop room vs a bare Colyseus 0.18 counter-relay room, same server process, loopback');
  console.log('voters | fan-out p50/p95 ms (bare)      | tally p50/p95 ms (bare)        | ratio p95 fan-out / tally | server CPU ms (bare) | RSS MB | join all ms');
  for (const r of rows) {
    const w = r.workshop;
    const b = r.bare;
    console.log(
      `${String(r.voters).padStart(6)} | ${fmt(w.fanoutP50Ms, 1)}/${fmt(w.fanoutP95Ms, 1)} (${fmt(b.fanoutP50Ms, 1)}/${fmt(b.fanoutP95Ms, 1)})`.padEnd(41) +
        ` | ${fmt(w.tallyP50Ms, 1)}/${fmt(w.tallyP95Ms, 1)} (${fmt(b.tallyP50Ms, 1)}/${fmt(b.tallyP95Ms, 1)})`.padEnd(33) +
        ` | ${fmt(w.fanoutP95Ms / b.fanoutP95Ms, 2)}× / ${fmt(w.tallyP95Ms / b.tallyP95Ms, 2)}×`.padEnd(28) +
        ` | ${fmt(w.serverCpuMs)} (${fmt(b.serverCpuMs)})`.padEnd(23) +
        ` | ${fmt(w.serverRssMb)} | ${fmt(w.joinMs)}`,
    );
  }
}

const round = (n: number): number => Math.round(n * 10) / 10;
