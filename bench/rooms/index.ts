import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, type Room } from '@colyseus/sdk';
import type { BallotMessage, ConsoleDelta, ConsoleViewMessage, TallyMessage, ViewMessage, ViewUpdateMessage, VoteStateMessage } from '../../src/protocol/views.ts';
import { fmt } from '../measure.ts';

// `npm run bench -- rooms [--json]`: N simulated voters on loopback against a workshop room, beside
// two bare Colyseus 0.18 rooms, in the same run and the same server process: one that only relays
// a counter (the baseline) and one that delivers what the workshop room delivers (the
// phones' payloads, a confirmation per vote) and does nothing else. All three are full at once and
// their rounds alternate (bare, same, workshop, bare, …), so a busy machine slows them alike. Per
// voter count: fan-out (the facilitator opens a new decision → every phone has it; a bare room:
// one broadcast → every client has it), tally (the last vote sent → the console's tally counts it;
// a bare room: the last increment → the observer's count), ack (the last vote sent → every phone
// has its vote confirmed; the counter relay confirms nothing) and reopen (a closed vote opened
// again; a bare room: a broadcast), p50/p95 over rounds; the server's CPU time per round, and its memory.
// Bounded: at least MIN_ROUNDS and at most MAX_ROUNDS measured rounds per voter count, no new
// round after ROUND_BUDGET_MS, and every wait has a deadline.

const VOTERS = (process.env.ROOMS_BENCH_VOTERS ?? '100,300,1000').split(',').map(Number);
const MIN_ROUNDS = 20;
const MAX_ROUNDS = 60;
const ROUND_BUDGET_MS = 20_000;
/** The first rounds warm the JIT and are not counted. */
const WARM_UP = 3;
/** A phone may send 10 messages a second: a workshop round starts at most this often. */
const MIN_ROUND_MS = 150;
const WAIT_MS = 30_000;
const JOIN_BATCH = 50;
const SCENARIO = { scenarioId: 'invoice-fraud', seed: 7, partner: 'deskside' };

interface Samples {
  fanout: number[];
  reopen: number[];
  tally: number[];
  ack: number[];
  cpuMs: number;
}

interface Figures {
  fanoutP50Ms: number;
  fanoutP95Ms: number;
  reopenP50Ms: number;
  reopenP95Ms: number;
  tallyP50Ms: number;
  tallyP95Ms: number;
  ackP50Ms: number;
  ackP95Ms: number;
  /** Server CPU time per measured round. */
  serverCpuMsPerRound: number;
}

interface Row {
  voters: number;
  rounds: number;
  workshop: Figures;
  bare: Figures;
  same: Figures;
  serverRssMb: number;
  joinMs: number;
}

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Waits on conditions that arriving messages make true: every message handler pokes, and each poke
 * checks the waits (counters, O(1)), so the bench neither polls nor competes with the server for
 * the CPU while it waits. Resolves with the time the condition held; every wait has a deadline.
 */
export class Waits {
  private readonly pending = new Set<{ check(): boolean; done(at: number): void }>();

  until(check: () => boolean, what: string): Promise<number> {
    if (check()) return Promise.resolve(performance.now());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(wait);
        reject(new Error(`rooms bench: timed out waiting for ${what}`));
      }, WAIT_MS);
      const wait = {
        check,
        done: (at: number) => {
          clearTimeout(timer);
          this.pending.delete(wait);
          resolve(at);
        },
      };
      this.pending.add(wait);
    });
  }

  poke(): void {
    if (this.pending.size === 0) return;
    const at = performance.now();
    for (const wait of this.pending) if (wait.check()) wait.done(at);
  }
}

const waits = new Waits();
const until = (check: () => boolean, what: string): Promise<number> => waits.until(check, what);

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

class ServerProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static start(): Promise<ServerProcess> {
    // ROOMS_BENCH_CPU_PROF=dir writes the server's CPU profile there (node --cpu-prof), to see where its time goes.
    const prof = process.env.ROOMS_BENCH_CPU_PROF;
    const execArgv = ['--import', 'tsx', ...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [])];
    const child = fork(join(here, 'server.ts'), [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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

/** What the workshop room's phones last got and sent, which the same-delivery room relays. */
interface Delivered {
  /** A new decision: the whole view, or (once a phone has one) the fields that changed. */
  view: ViewMessage | ViewUpdateMessage | null;
  vote: VoteStateMessage | null;
  ballot: { decision: string; option: string } | null;
}

/** One round of a room: returns its fan-out and tally times, or null while warming up. */
interface Bench {
  /** fanout: a new decision (the bare room: its one broadcast); reopen: a closed vote opened again. */
  round(): Promise<{ fanout: number; reopen: number; tally: number; ack: number }>;
  rooms: Room[];
}

async function workshopBench(sdk: Client, n: number, delivered: Delivered): Promise<Bench> {
  const consoleRoom = await sdk.create('workshop', { ...SCENARIO, cap: n, seats: { observer: n } });
  let secret = '';
  let tally: TallyMessage | null = null;
  consoleRoom.onMessage('secret', (m: { secret: string }) => {
    secret = m.secret;
    waits.poke();
  });
  consoleRoom.onMessage('tally', (m: TallyMessage) => {
    tally = m;
    waits.poke();
  });
  consoleRoom.onMessage('console', (_m: ConsoleViewMessage) => {});
  consoleRoom.onMessage('consoleDelta', (_m: ConsoleDelta) => {});
  consoleRoom.onMessage('records', () => {});
  consoleRoom.onMessage('error', (e: unknown) => console.error('rooms bench: console refused', e));
  await until(() => secret !== '', 'the facilitator key');
  /** How many phones have each decision open (null: none open). */
  const phonesWith = new Map<string | null, number>([[null, 0]]);
  const having = (open: string | null): number => phonesWith.get(open) ?? 0;
  /** What the phones last got: the decision's options and which decision is open. */
  const seen = { decision: null as { options: { id: string; available: boolean }[] } | null, open: null as string | null };
  /** How many phones have this round's vote confirmed. */
  let acked = 0;
  const voters = await joinAll(n, async (i) => {
    const room = await sdk.joinById(consoleRoom.roomId, { name: `Voter ${i}`, role: 'observer' });
    const phone = { room, open: null as string | null };
    phonesWith.set(null, having(null) + 1);
    const seeVote = (vote: VoteStateMessage['vote']) => {
      const now = vote?.open ? vote.decision : null;
      if (now === phone.open) return;
      phonesWith.set(phone.open, having(phone.open) - 1);
      phonesWith.set(now, having(now) + 1);
      phone.open = now;
      seen.open = now;
      waits.poke();
    };
    const onView = (v: ViewMessage | ViewUpdateMessage) => {
      if (v.decision !== undefined) seen.decision = v.decision;
      delivered.view = v;
      seeVote(v.vote);
    };
    room.onMessage('view', onView);
    room.onMessage('update', onView);
    room.onMessage('vote', (v: VoteStateMessage) => {
      delivered.vote = v;
      seeVote(v.vote);
    });
    room.onMessage('seat', () => {});
    room.onMessage('ballot', (b: BallotMessage) => {
      const sent = delivered.ballot;
      if (sent && b.decision === sent.decision && b.mine?.option === sent.option) {
        acked += 1;
        waits.poke();
      }
    });
    room.onMessage('error', (e: { message: string }) => console.error(`rooms bench: voter refused: ${e.message}`));
    return phone;
  });
  const run = (events: object[], from: number) =>
    consoleRoom.send('control.run', { secret, from, events, stage: 'incident', decision: 'open', shown: null });
  run([{ type: 'prep.commit', measures: [] }], 0);
  await until(() => having(null) === 0, 'the first decision on every phone');
  const firstOption = seen.decision!.options.find((o) => o.available)!.id;
  let round = 0;
  return {
    rooms: [...voters.map((v) => v.room), consoleRoom],
    async round() {
      // The facilitator opens the next decision (the room's choice recorded at once), then undoes
      // it, and so on: each round puts a new decision, with its situation, on every phone.
      const before = seen.open;
      const opened = performance.now();
      if (round % 2 === 0) run([{ type: 'player.choose', option: firstOption }], 1);
      else run([], 1);
      round += 1;
      const fanout = (await until(() => having(before) === 0 && having(null) === 0, 'the next decision on every phone')) - opened;
      const now = seen.open!;
      const options = seen.decision!.options.filter((o) => o.available).map((o) => o.id);
      const option = options[round % options.length];
      if (!option) throw new Error(`rooms bench: no option to vote for in ${now}`);
      delivered.ballot = { decision: now, option };
      acked = 0;
      for (const v of voters) v.room.send('vote', delivered.ballot);
      const lastSent = performance.now();
      const counted = await until(() => {
        const t = tally as TallyMessage | null;
        return t !== null && t.decision === now && t.tally.counts[option] === n;
      }, 'the console tally');
      const ack = await until(() => acked === n, 'every vote confirmed');
      // The facilitator closes the vote and opens it again: only the vote's state changes.
      consoleRoom.send('control.vote', { secret, action: 'close' });
      await until(() => having(null) === n, 'the vote to close');
      const reopened = performance.now();
      consoleRoom.send('control.vote', { secret, action: 'reopen' });
      const reopen = (await until(() => having(now) === n, 'the reopened vote')) - reopened;
      return { fanout, reopen, tally: counted - lastSent, ack: ack - lastSent };
    },
  };
}

/**
 * A bare room's rounds: the counter relay (`same` null) broadcasts a number and counts increments;
 * the same-delivery room broadcasts what the workshop's phones last got at that step and confirms
 * each vote to its phone.
 */
async function bareBench(sdk: Client, n: number, same: Delivered | null): Promise<Bench> {
  const observer = await sdk.create(same ? 'bare-same' : 'bare', {});
  let count = { round: -1, count: 0 };
  observer.onMessage('count', (m: { round: number; count: number }) => {
    count = m;
    waits.poke();
  });
  observer.onMessage('open', () => {});
  /** The value last broadcast, and how many clients have it. */
  let value = -1;
  let reached = 0;
  let acked = 0;
  const voters = await joinAll(n, async () => {
    const room = await sdk.joinById(observer.roomId, {});
    room.onMessage('open', (v: number | { round: number }) => {
      if ((typeof v === 'number' ? v : v.round) !== value) return;
      reached += 1;
      waits.poke();
    });
    room.onMessage('ballot', () => {
      acked += 1;
      waits.poke();
    });
    return { room };
  });
  /** One broadcast from the observer; resolves with the time until every client had it. */
  const broadcast = async (payload: unknown): Promise<number> => {
    value += 1;
    reached = 0;
    const sent = performance.now();
    observer.send('open', same ? { round: value, payload } : value);
    return (await until(() => reached === n, 'the bare room fan-out')) - sent;
  };
  return {
    rooms: [...voters.map((v) => v.room), observer],
    async round() {
      // The same steps as a workshop round, each facilitator step one broadcast: open, count, close, reopen.
      const fanout = await broadcast(same?.view);
      const r = value;
      const vote = same ? { round: r, ...same.ballot } : r;
      acked = 0;
      for (const v of voters) v.room.send('inc', vote);
      const lastSent = performance.now();
      const counted = await until(() => count.round === r && count.count === n, 'the bare room count');
      // The counter relay confirms nothing: its votes count as confirmed once counted.
      const ack = same ? await until(() => acked === n, 'every vote confirmed in the bare room') : counted;
      await broadcast(same?.vote);
      const reopen = await broadcast(same?.vote);
      return { fanout, reopen, tally: counted - lastSent, ack: ack - lastSent };
    },
  };
}

/** Rounds of the three rooms, alternating, with the server's CPU time for each. */
async function measure(server: ServerProcess, n: number): Promise<Omit<Row, 'voters'>> {
  const sdk = new Client(`ws://127.0.0.1:${server.port}`);
  const joinStart = performance.now();
  const delivered: Delivered = { view: null, vote: null, ballot: null };
  const bare = await bareBench(sdk, n, null);
  const same = await bareBench(sdk, n, delivered);
  const workshop = await workshopBench(sdk, n, delivered);
  const joinMs = performance.now() - joinStart;
  const empty = (): Samples => ({ fanout: [], reopen: [], tally: [], ack: [], cpuMs: 0 });
  const samples = { bare: empty(), same: empty(), workshop: empty() };
  const started = performance.now();
  let measured = 0;
  for (let round = 0; round < WARM_UP + MAX_ROUNDS; round++) {
    if (measured >= MIN_ROUNDS && performance.now() - started > ROUND_BUDGET_MS) break;
    const roundStart = performance.now();
    for (const [name, bench] of [['bare', bare], ['same', same], ['workshop', workshop]] as const) {
      const before = await server.stats();
      const t = await bench.round();
      const after = await server.stats();
      if (round < WARM_UP) continue;
      samples[name].fanout.push(t.fanout);
      samples[name].reopen.push(t.reopen);
      samples[name].tally.push(t.tally);
      samples[name].ack.push(t.ack);
      samples[name].cpuMs += after.cpuMs - before.cpuMs;
    }
    if (round >= WARM_UP) measured += 1;
    const left = MIN_ROUND_MS - (performance.now() - roundStart);
    if (left > 0) await new Promise((r) => setTimeout(r, left));
  }
  const { rssMb } = await server.stats();
  await leaveAll([...bare.rooms, ...same.rooms, ...workshop.rooms]);
  return {
    rounds: measured,
    workshop: figures(samples.workshop, measured),
    bare: figures(samples.bare, measured),
    same: figures(samples.same, measured),
    serverRssMb: rssMb,
    joinMs,
  };
}

function figures(s: Samples, rounds: number): Figures {
  return {
    fanoutP50Ms: percentile(s.fanout, 50),
    fanoutP95Ms: percentile(s.fanout, 95),
    reopenP50Ms: percentile(s.reopen, 50),
    reopenP95Ms: percentile(s.reopen, 95),
    tallyP50Ms: percentile(s.tally, 50),
    tallyP95Ms: percentile(s.tally, 95),
    ackP50Ms: percentile(s.ack, 50),
    ackP95Ms: percentile(s.ack, 95),
    serverCpuMsPerRound: rounds === 0 ? 0 : s.cpuMs / rounds,
  };
}

export async function roomsBench(options: { json?: boolean } = {}): Promise<void> {
  const json = options.json === true;
  const server = await ServerProcess.start();
  const rows: Row[] = [];
  try {
    for (const n of VOTERS) rows.push({ voters: n, ...(await measure(server, n)) });
  } finally {
    await server.stop();
  }
  const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);
  if (json) {
    const out: Record<string, Record<string, number>> = {};
    for (const r of rows) {
      const w = r.workshop;
      const b = r.bare;
      const m = r.same;
      // Each timed figure of the workshop room at p50 and p95, beside the counter relay's
      // (`bare…`, `…Ratio…`) and the same-delivery room's (`same…`, `…RatioSame…`); the counter
      // relay confirms nothing, so `ack` has no bare figure.
      const figures: Record<string, number> = { rounds: r.rounds };
      for (const metric of ['tally', 'fanout', 'reopen', 'ack'] as const) {
        const Metric = metric[0]!.toUpperCase() + metric.slice(1);
        for (const q of ['P50', 'P95'] as const) {
          const key = `${metric}${q}Ms` as const;
          figures[key] = round(w[key]);
          figures[`same${Metric}${q}Ms`] = round(m[key]);
          figures[`${metric}RatioSame${q}`] = round(ratio(w[key], m[key]), 2);
          if (metric === 'ack') continue;
          figures[`bare${Metric}${q}Ms`] = round(b[key]);
          figures[`${metric}Ratio${q}`] = round(ratio(w[key], b[key]), 2);
        }
      }
      out[String(r.voters)] = {
        ...figures,
        serverCpuMsPerRound: round(w.serverCpuMsPerRound),
        bareServerCpuMsPerRound: round(b.serverCpuMsPerRound),
        serverCpuRatio: round(ratio(w.serverCpuMsPerRound, b.serverCpuMsPerRound), 2),
        sameServerCpuMsPerRound: round(m.serverCpuMsPerRound),
        serverCpuRatioSame: round(ratio(w.serverCpuMsPerRound, m.serverCpuMsPerRound), 2),
        serverRssMb: round(r.serverRssMb),
        joinMs: round(r.joinMs),
      };
    }
    console.log(JSON.stringify(out));
    return;
  }
  console.log('rooms: workshop room vs two bare Colyseus 0.18 rooms, same server process, loopback, rounds alternating');
  console.log('  bare: only relays a counter (one broadcast of a number per facilitator step, each vote counted to the observer)');
  console.log('  same: delivers what the workshop room delivers (its phones\' payloads, each vote also confirmed to its phone) and nothing else');
  console.log('fan-out: a new decision reaches every phone; reopen: a closed vote opened again');
  console.log('voters | rounds | vs   | fan-out ms p50/p95 (base)   ratio    | reopen ms p50/p95 (base)    ratio    | tally ms p50/p95 (base)     ratio    | server CPU ms/round (base) ratio | RSS MB');
  for (const r of rows) {
    const w = r.workshop;
    for (const [name, b] of [['bare', r.bare], ['same', r.same]] as const) {
      const pair = (x50: number, x95: number, b50: number, b95: number) =>
        `${fmt(x50, 1)}/${fmt(x95, 1)} (${fmt(b50, 1)}/${fmt(b95, 1)})`.padEnd(27) + ` ${fmt(ratio(x50, b50), 2)}/${fmt(ratio(x95, b95), 2)}×`.padEnd(10);
      console.log(
        `${String(r.voters).padStart(6)} | ${String(r.rounds).padStart(6)} | ${name} | ` +
          pair(w.fanoutP50Ms, w.fanoutP95Ms, b.fanoutP50Ms, b.fanoutP95Ms) +
          ' | ' +
          pair(w.reopenP50Ms, w.reopenP95Ms, b.reopenP50Ms, b.reopenP95Ms) +
          ' | ' +
          pair(w.tallyP50Ms, w.tallyP95Ms, b.tallyP50Ms, b.tallyP95Ms) +
          ' | ' +
          `${fmt(w.serverCpuMsPerRound, 1)} (${fmt(b.serverCpuMsPerRound, 1)}) ${fmt(ratio(w.serverCpuMsPerRound, b.serverCpuMsPerRound), 2)}×`.padEnd(32) +
          ` | ${fmt(r.serverRssMb)}`,
      );
    }
    console.log(`${' '.repeat(6)} | ack (every vote confirmed) ms p50/p95: workshop ${fmt(w.ackP50Ms, 1)}/${fmt(w.ackP95Ms, 1)}, same ${fmt(r.same.ackP50Ms, 1)}/${fmt(r.same.ackP95Ms, 1)}`);
  }
}

const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
