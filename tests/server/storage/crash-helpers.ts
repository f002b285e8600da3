import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Client, type Room } from '@colyseus/sdk';
import { limitSdkReconnection, rejoin } from '../../../src/protocol/rejoin.ts';
import type { BallotMessage, ConsoleRoomView, SeatMessage } from '../../../src/protocol/views.ts';
import { consoleView, CREATE, until } from '../helpers.ts';

// Real server processes and clients that come back by themselves, for the crash tests. The clients
// use the same rejoin policy as the phone page and the console (src/protocol/rejoin.ts).

const PROCESS = fileURLToPath(new URL('./room-process.ts', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** Milliseconds (performance.now) when it printed that it listens. */
  upAt: number;
  log: string[];
  kill(signal: NodeJS.Signals): Promise<void>;
}

export async function startServer(args: string[], limitMs = 30_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', PROCESS, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  let port = 0;
  let upAt = 0;
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  child.stderr!.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => {
    const m = /listening (\d+)/.exec(chunk.toString());
    if (m) {
      port = Number(m[1]);
      upAt = performance.now();
    }
  });
  await until(() => port > 0 || exited, 'the server process to listen', limitMs);
  if (!port) throw new Error(`the server process exited before it listened:\n${log.join('')}`);
  return {
    child,
    port,
    upAt,
    log,
    kill: async (signal) => {
      if (exited) return;
      child.kill(signal);
      await until(() => exited, `the server process to exit after ${signal}`, 15_000);
    },
  };
}

interface Tracked<T> {
  room: Room;
  got: { type: string; message: unknown }[];
  /** performance.now() of the latest (re)join. */
  joinedAt: number;
  joins: number;
  /** Where in `got` the latest (re)join starts. */
  mark: number;
  state: T;
}

/** The latest message of a type received since the client's latest (re)join. */
export function since<T>(t: Tracked<unknown>, type: string): T | undefined {
  return t.got.slice(t.mark).filter((m) => m.type === type).at(-1)?.message as T | undefined;
}

function track<T>(t: Tracked<T>, room: Room, again: (t: Tracked<T>) => Promise<Room>): void {
  t.room = room;
  t.joinedAt = performance.now();
  t.joins += 1;
  t.mark = t.got.length;
  limitSdkReconnection(room);
  room.onMessage('*', (type, message) => t.got.push({ type: String(type), message }));
  room.onLeave((code: number) => {
    if (t.room !== room || code === 1000) return;
    void rejoin(() => again(t), { stopped: () => t.room !== room, fatal: (e) => /not found|not this room|was not found/.test((e as Error).message ?? '') }).then((r) => {
      if ('room' in r && t.room === room) track(t, r.room, again);
    });
  });
}

export interface ConsoleClient extends Tracked<{ secret: string }> {
  view(): ConsoleRoomView | undefined;
  send(type: string, body: object): void;
}

export async function openConsole(endpoint: string): Promise<ConsoleClient> {
  const client = new Client(endpoint);
  const room = await client.create('workshop', CREATE);
  const c = { got: [], joins: 0, joinedAt: 0, mark: 0, state: { secret: '' } } as unknown as ConsoleClient;
  track(c, room, (t) => client.joinById(room.roomId, { facilitator: t.state.secret }));
  await until(() => c.got.some((m) => m.type === 'secret'), 'the facilitator key');
  c.state.secret = (c.got.find((m) => m.type === 'secret')!.message as { secret: string }).secret;
  c.view = () => consoleView(c.got.slice(c.mark));
  c.send = (type, body) => c.room.send(type, { secret: c.state.secret, ...body });
  return c;
}

export interface PhoneClient extends Tracked<{ device: string }> {
  ballot(): BallotMessage | undefined;
}

export async function joinPhone(endpoint: string, code: string, name: string, role: string): Promise<PhoneClient> {
  const client = new Client(endpoint);
  const room = await client.joinById(code, { name, role });
  const p = { got: [], joins: 0, joinedAt: 0, mark: 0, state: { device: '' } } as unknown as PhoneClient;
  track(p, room, (t) => client.joinById(code, { device: t.state.device }));
  await until(() => p.got.some((m) => m.type === 'seat') && p.got.some((m) => m.type === 'view'), `${name}'s seat and view`);
  p.state.device = (p.got.find((m) => m.type === 'seat')!.message as SeatMessage).device;
  p.ballot = () => p.got.filter((m) => m.type === 'ballot').at(-1)?.message as BallotMessage | undefined;
  return p;
}
