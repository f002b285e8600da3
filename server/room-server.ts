import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { matchMaker, Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { isLang } from '../src/i18n/lang.ts';
import { isJoinCode } from '../src/protocol/join-code.ts';
import { JOINS_PER_MINUTE, ROOM_NAME } from '../src/protocol/limits.ts';
import { ROLES } from '../src/scenarios/roles.ts';
import type { JoinInfo } from '../src/protocol/views.ts';
import { lanAddresses } from './lan.ts';
import type { ScenarioLibrary } from './scenarios.ts';
import { randomUUID } from 'node:crypto';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { DEFAULT_RETENTION_DAYS, exportRoomLog, keepLeases, keepRetention, restoreRooms, takeOverIfOrphaned } from './storage/durable.ts';
import type { RoomStore } from './storage/log.ts';
import { roomConfig, WorkshopRoom } from './workshop-room.ts';

// One HTTP server for everything: the pages (Vite in development, the built files otherwise),
// GET /healthz, Colyseus' matchmaking routes behind a per-address join limit, and the rooms'
// WebSockets. The pages' handler is passed in, so the server itself knows nothing of the browser code.

export type PageHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface RoomServerOptions {
  library: ScenarioLibrary;
  /** Serves everything that is not /healthz or a room route; without one, such requests get 404. */
  pages?: PageHandler;
  /** Join and create attempts per address per minute. */
  joinsPerMinute?: number;
  defaultCap?: number;
  log?: (line: string) => void;
  /** Where rooms log their inputs; rooms in the store that were not closed are restored at start. Without one, rooms live in memory. */
  store?: RoomStore;
  /** Days a stored room is kept (default 30). */
  retentionDays?: number;
  /**
   * Several processes: Colyseus' presence and room listings in this Redis (redis://…), so a join
   * that reaches any process finds the room. Needs a store with leases (PostgreSQL).
   */
  redis?: string;
  /** host:port where this process's WebSockets are reached (each process its own), for seat reservations. */
  publicAddress?: string;
}

export interface RoomServer {
  http: HttpServer;
  colyseus: Server;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

/** Upgrades that are not the rooms' (Vite's hot reload socket) are left to their own handler. */
const isRoomUpgrade = (req: IncomingMessage): boolean => !String(req.headers['sec-websocket-protocol'] ?? '').includes('vite-hmr');

export async function createRoomServer(options: RoomServerOptions): Promise<RoomServer> {
  roomConfig.library = options.library;
  if (options.defaultCap !== undefined) roomConfig.defaultCap = options.defaultCap;
  if (options.log) roomConfig.log = options.log;
  const store = options.store ?? null;
  roomConfig.store = store;
  const http = createServer();
  // The WebSocket frame limit is the hard stop; the room answers anything over 4 KB below it with an error.
  const transport = new WebSocketTransport({ noServer: true, maxPayload: 64 * 1024 }).attachToServer(http, { filter: isRoomUpgrade });
  if (options.redis && !options.store?.leases) throw new Error('--redis needs rooms stored in PostgreSQL (--db postgres://…), which every process shares');
  const colyseus = new Server({
    transport,
    greet: false,
    gracefullyShutdown: false,
    ...(options.redis ? { presence: new RedisPresence(options.redis), driver: new RedisDriver(options.redis) } : {}),
    ...(options.publicAddress ? { publicAddress: options.publicAddress } : {}),
  });
  colyseus.define(ROOM_NAME, WorkshopRoom);
  await colyseus.serverless();
  const colyseusListeners = http.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  http.removeAllListeners('request');

  // Stored rooms come back before the server listens, so a phone's first reconnection finds its room.
  const stopRetention = store ? keepRetention(store, options.retentionDays ?? DEFAULT_RETENTION_DAYS, roomConfig.log) : () => {};
  const owner = randomUUID();
  roomConfig.owner = owner;
  if (store) await restoreRooms(store, options.library, owner, roomConfig.log);
  const stopLeases = store ? keepLeases(store, owner, roomConfig.log) : async () => {};
  /**
   * First access to a room no live process holds (its owner died): this process takes the lease and
   * restores it from the shared database before the join goes on.
   */
  const ensureRoom = async (code: string): Promise<void> => {
    if (!store?.leases || !isJoinCode(code) || matchMaker.getLocalRoomById(code)) return;
    await takeOverIfOrphaned(store, options.library, owner, code, roomConfig.log).catch((error: Error) => roomConfig.log(`room ${code}: ${error.message}`));
  };

  const limiter = new RateLimiterMemory({ points: options.joinsPerMinute ?? JOINS_PER_MINUTE, duration: 60 });
  const started = Date.now();

  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz') return healthz(res, started);
    if (path === '/join-address') return joinAddress(req, res, http);
    if (path.startsWith('/join-info/') && req.method === 'GET') {
      const address = req.socket.remoteAddress ?? 'unknown';
      const code = decodeURIComponent(path.slice('/join-info/'.length));
      limiter.consume(address).then(
        () => ensureRoom(code).then(() => joinInfo(res, code, new URLSearchParams((req.url ?? '').split('?')[1] ?? '').get('lang'))),
        () => json(res, 429, { error: 'Too many join attempts from this address: wait a minute and try again.' }),
      );
      return;
    }
    if (path.startsWith('/room-log/') && req.method === 'GET') {
      const address = req.socket.remoteAddress ?? 'unknown';
      limiter.consume(address).then(
        () => roomLog(res, store, options.library, decodeURIComponent(path.slice('/room-log/'.length)), String(req.headers.authorization ?? '')),
        () => json(res, 429, { error: 'Too many attempts from this address: wait a minute and try again.' }),
      );
      return;
    }
    if (path.startsWith('/matchmake/')) {
      if (req.method !== 'POST') return forward(colyseusListeners, http, req, res);
      const address = req.socket.remoteAddress ?? 'unknown';
      const joinById = /^\/matchmake\/joinById\/([^/?]+)/.exec(path);
      limiter.consume(address).then(
        () => (joinById ? ensureRoom(decodeURIComponent(joinById[1]!)) : Promise.resolve()).then(() => forward(colyseusListeners, http, req, res)),
        () => json(res, 429, { code: 429, error: 'Too many join attempts from this address: wait a minute and try again.' }),
      );
      return;
    }
    if (options.pages) return options.pages(req, res, () => json(res, 404, { error: `nothing at ${path}` }));
    json(res, 404, { error: `nothing at ${path}` });
  });

  return {
    http,
    colyseus,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          const address = http.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async () => {
      stopRetention();
      await Promise.all(matchMaker.disconnectAll());
      await stopLeases();
      await colyseus.gracefullyShutdown(false);
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** GET /room-log/CODE with `Authorization: Bearer <facilitator key>`: the room's log as JSON, read-only rooms included. */
async function roomLog(res: ServerResponse, store: RoomStore | null, library: ScenarioLibrary, code: string, authorization: string): Promise<void> {
  if (!store) return json(res, 404, { error: 'This server keeps rooms in memory only: there is no log to export.' });
  const stored = isJoinCode(code) ? await store.load(code).catch(() => null) : null;
  const key = Buffer.from(authorization.replace(/^Bearer\s+/i, ''));
  const secret = Buffer.from(stored?.record.secret ?? '');
  if (!stored || key.length !== secret.length || !timingSafeEqual(key, secret)) return json(res, 404, { error: 'No stored room with that code and facilitator key.' });
  json(res, 200, exportRoomLog(stored, library));
}

function forward(listeners: ((req: IncomingMessage, res: ServerResponse) => void)[], http: HttpServer, req: IncomingMessage, res: ServerResponse): void {
  for (const listener of listeners) listener.call(http, req, res);
}

/**
 * What the join page needs before a phone joins: the room's language, the exercise's title (in
 * `asked`, the phone's own language, else the room's, when the scenario has it) and the roles with free seats.
 */
function joinInfo(res: ServerResponse, code: string, asked: string | null): void {
  const room = isJoinCode(code) ? (matchMaker.getLocalRoomById(code) as WorkshopRoom | undefined) : undefined;
  if (!room?.workshop) return json(res, 404, { error: 'No workshop with that code.' });
  const workshop = room.workshop;
  const lang = isLang(asked) ? asked : workshop.lang;
  const translated = lang === 'en' ? null : (roomConfig.library.translated?.(workshop.compiled.index.scenario.id, lang) ?? null);
  const info: JoinInfo = {
    code,
    lang: workshop.lang,
    title: (translated ?? workshop.compiled).index.scenario.title,
    titleLang: translated ? lang : 'en',
    roles: room.workshop.freeSeats(ROLES.map((r) => r.id)).map(({ role, free }) => ({ id: role, free })),
  };
  json(res, 200, info);
}

/**
 * The addresses phones should open, for the presenter's QR code: the laptop's network addresses
 * when the server listens on all of them, else the address the console itself used.
 */
function joinAddress(req: IncomingMessage, res: ServerResponse, http: HttpServer): void {
  const bound = http.address();
  const port = typeof bound === 'object' && bound ? bound.port : 0;
  const everywhere = typeof bound === 'object' && bound !== null && (bound.address === '0.0.0.0' || bound.address === '::');
  const hosts = everywhere ? lanAddresses() : [];
  const urls = hosts.length > 0 ? hosts.map((a) => `http://${a}:${port}/join`) : [`http://${req.headers.host ?? `127.0.0.1:${port}`}/join`];
  json(res, 200, { urls });
}

function healthz(res: ServerResponse, started: number): void {
  const rooms = matchMaker.stats.local;
  json(res, 200, { status: 'ok', rooms: rooms.roomCount, clients: rooms.ccu, uptimeSeconds: Math.round((Date.now() - started) / 1000) });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}
