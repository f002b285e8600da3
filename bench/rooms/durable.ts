import { fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, type Room } from '@colyseus/sdk';
import type { RoleView, TallyMessage, ViewMessage, ViewUpdateMessage, VoteStateMessage } from '../../src/protocol/views.ts';
import { fmt } from '../measure.ts';

// `npm run bench -- rooms` (after the room figures) or `-- rooms-durable [--json]`: the cost of
// writing every input before acknowledging it. 300 voters on loopback vote round after round; the
// tally time (last vote sent → the console's tally counts every vote) with the room logging to
// SQLite and to PostgreSQL, against the same room with no log, in the same run, taking turns. Bounded: fixed
// rounds, every wait has a deadline.

const VOTERS = Number(process.env.ROOMS_BENCH_DURABLE_VOTERS ?? 300);
const ROUNDS = 21;
const WARM_UP = 1;
const MIN_ROUND_MS = 150;
const WAIT_MS = 30_000;
const JOIN_BATCH = 50;
const SCENARIO = { scenarioId: 'invoice-fraud', seed: 7, partner: 'deskside' };
const KINDS = ['memory', 'sqlite', 'postgres'] as const;
const here = dirname(fileURLToPath(import.meta.url));

function until(check: () => boolean, what: string): Promise<void> {
  const end = performance.now() + WAIT_MS;
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (check()) return resolve();
      if (performance.now() > end) return reject(new Error(`durable rooms bench: timed out waiting for ${what}`));
      setImmediate(poll);
    };
    poll();
  });
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

interface Setup {
  /** One round: every voter votes for the round's option; resolves with the tally time in ms. */
  round(round: number): Promise<number>;
  close(): Promise<void>;
}

async function setUp(kind: (typeof KINDS)[number]): Promise<Setup> {
  const child = fork(join(here, 'durable-server.ts'), [kind], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.on('message', (m: { port?: number }) => typeof m?.port === 'number' && resolve(m.port));
    child.once('exit', (code) => reject(new Error(`durable rooms bench server (${kind}) exited (${code})`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.send('stop');
    });
  try {
    const sdk = new Client(`ws://127.0.0.1:${port}`);
    const consoleRoom = await sdk.create('workshop', { ...SCENARIO, cap: VOTERS, seats: { observer: VOTERS } });
    let secret = '';
    let tally: TallyMessage | null = null;
    consoleRoom.onMessage('*', (type, m) => {
      if (type === 'secret') secret = (m as { secret: string }).secret;
      if (type === 'tally') tally = m as TallyMessage;
    });
    await until(() => secret !== '', 'the facilitator key');
    const voters: { room: Room; view: RoleView | null; vote: VoteStateMessage['vote'] }[] = [];
    for (let i = 0; i < VOTERS; i += JOIN_BATCH) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(JOIN_BATCH, VOTERS - i) }, async (_, j) => {
          const room = await sdk.joinById(consoleRoom.roomId, { name: `Voter ${i + j}`, role: 'observer' });
          const phone = { room, view: null as RoleView | null, vote: null as VoteStateMessage['vote'] };
          room.onMessage('*', (type, m) => {
            if (type === 'view') {
              phone.view = m as ViewMessage;
              phone.vote = (m as ViewMessage).vote;
            }
            // An update carries only the fields that changed.
            if (type === 'update' && phone.view) {
              phone.view = { ...phone.view, ...(m as ViewUpdateMessage) };
              phone.vote = (m as ViewUpdateMessage).vote;
            }
            if (type === 'vote') phone.vote = (m as VoteStateMessage).vote;
          });
          return phone;
        }),
      );
      voters.push(...batch);
    }
    consoleRoom.send('control.run', { secret, from: 0, events: [{ type: 'prep.commit', measures: [] }], stage: 'incident', decision: 'open', shown: null });
    await until(() => voters.every((v) => v.vote?.open === true), 'the first decision on every phone');
    const options = voters[0]!.view!.decision!.options.filter((o) => o.available).map((o) => o.id);
    const decision = voters[0]!.vote!.decision;
    return {
      round: async (round) => {
        const option = options[round % options.length]!;
        for (const v of voters) v.room.send('vote', { decision, option });
        const lastSent = performance.now();
        await until(() => {
          const t = tally as TallyMessage | null;
          return t !== null && t.tally.counts[option] === VOTERS;
        }, 'the console tally');
        return performance.now() - lastSent;
      },
      close: async () => {
        await Promise.all([...voters.map((v) => v.room.leave(true).catch(() => 0)), consoleRoom.leave(true).catch(() => 0)]);
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The three rooms are up together and take turns round by round, so a busy moment on the machine
 * falls on all of them alike (on a shared machine the figures still move from run to run).
 */
async function run(): Promise<Record<(typeof KINDS)[number], { p50: number; p95: number }>> {
  const setups: Setup[] = [];
  try {
    for (const kind of KINDS) setups.push(await setUp(kind));
    const tallies: number[][] = KINDS.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [k, setup] of setups.entries()) {
        const started = performance.now();
        const ms = await setup.round(round);
        if (round >= WARM_UP) tallies[k]!.push(ms);
        const left = MIN_ROUND_MS - (performance.now() - started);
        if (left > 0) await new Promise((r) => setTimeout(r, left));
      }
    }
    const at = (k: number) => ({ p50: percentile(tallies[k]!, 50), p95: percentile(tallies[k]!, 95) });
    return { memory: at(0), sqlite: at(1), postgres: at(2) };
  } finally {
    for (const setup of setups) await setup.close();
  }
}

export async function durableBench(options: { json?: boolean } = {}): Promise<void> {
  const figures = await run();
  const base = figures.memory;
  if (options.json) {
    const out: Record<string, number> = { voters: VOTERS };
    for (const kind of KINDS) {
      out[`${kind}TallyP50Ms`] = Math.round(figures[kind].p50 * 10) / 10;
      out[`${kind}TallyP95Ms`] = Math.round(figures[kind].p95 * 10) / 10;
    }
    console.log(JSON.stringify(out));
    return;
  }
  console.log(`rooms, durable: ${VOTERS} voters, tally time with every vote written before it is acknowledged, against the same room with no log (same run)`);
  console.log('store    | tally p50/p95 ms | ratio p50/p95 vs no log');
  for (const kind of KINDS) {
    const f = figures[kind];
    console.log(`${kind.padEnd(8)} | ${`${fmt(f.p50, 1)}/${fmt(f.p95, 1)}`.padEnd(16)} | ${fmt(f.p50 / base.p50, 2)}× / ${fmt(f.p95 / base.p95, 2)}×`);
  }
}
