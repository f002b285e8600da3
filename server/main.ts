import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import { PROJECT_ROOT } from '../src/scenarios/load-file.ts';
import { lanAddresses } from './lan.ts';
import { createRoomServer, type PageHandler } from './room-server.ts';
import { loadScenarioLibrary } from './scenarios.ts';
import { openStore, type StoreChoice } from './storage/open.ts';

// Starts War Room on one port: the game, the facilitator pages, the phone page (/join) and the
// workshop rooms. `npm start` runs it in development (Vite's hot reload inside the same server);
// `war-room serve` serves a built app (dist/).

export interface StartOptions {
  port: number;
  host: string;
  /** Development: Vite serves the pages from source, with hot reload. */
  dev: boolean;
  /** The built app, for `serve`. */
  dir: string;
  /** Where rooms are stored (SQLite data folder, or a PostgreSQL address). */
  storage: StoreChoice;
  retentionDays?: number;
  /** Several processes: Redis for Colyseus' presence and room listings, and this process's public host:port. */
  redis?: string;
  publicAddress?: string;
}

export const DEFAULT_PORT = 5173;

export async function startWarRoom(options: StartOptions): Promise<{ port: number; storedIn: string; close(): Promise<void> }> {
  const library = await loadScenarioLibrary();
  let closeVite = async () => {};
  let pages: PageHandler = (_req, _res, next) => next();
  const { store, where } = await openStore(options.storage);
  let server;
  try {
    server = await createRoomServer({
      library,
      store,
      ...(options.retentionDays !== undefined ? { retentionDays: options.retentionDays } : {}),
      ...(options.redis ? { redis: options.redis } : {}),
      ...(options.publicAddress ? { publicAddress: options.publicAddress } : {}),
      pages: (req, res, next) => pages(req, res, next),
    });
  } catch (error) {
    await store.shutdown();
    throw error;
  }
  if (options.dev) {
    const { createServer } = await import('vite');
    // Vite's hot reload socket shares the port; the room server leaves its upgrades alone.
    const vite = await createServer({ root: PROJECT_ROOT, server: { middlewareMode: true, ws: { server: server.http } }, appType: 'mpa' });
    closeVite = () => vite.close();
    pages = (req, res, next) => {
      rewriteJoin(req);
      vite.middlewares(req, res, next);
    };
  } else {
    if (!existsSync(join(options.dir, 'index.html'))) {
      await server.close();
      await store.shutdown();
      throw new Error(`no built app in ${options.dir}: run "npm run build" first (or "npm start" for development)`);
    }
    const files = sirv(options.dir, { extensions: ['html'], etag: true });
    pages = (req, res, next) => {
      rewriteJoin(req);
      files(req, res, next);
    };
  }
  const port = await server.listen(options.port, options.host);
  return {
    port,
    storedIn: where,
    close: async () => {
      await server.close();
      await store.shutdown();
      await closeVite();
    },
  };
}

/** /join?code=… is the phone page (join.html), the address the QR code holds. */
function rewriteJoin(req: IncomingMessage): void {
  const url = req.url ?? '/';
  if (url === '/join' || url.startsWith('/join?') || url.startsWith('/join/')) req.url = `/join.html${url.slice('/join'.length).replace(/^\//, '')}`;
}

export function banner(port: number, host: string, storedIn?: string, shared = false): string {
  const lines = [`War Room is running (${shared ? 'one of several processes, sharing rooms through Redis' : 'one process'}, port ${port}).`, `  This laptop:  http://127.0.0.1:${port}   (facilitator: /facilitator.html)`];
  if (storedIn) lines.push(`  Rooms saved:  ${storedIn}`);
  const lan = host === '0.0.0.0' || host === '::' ? lanAddresses() : host === '127.0.0.1' ? [] : [host];
  for (const address of lan) lines.push(`  Phones join:  http://${address}:${port}/join`);
  if (lan.length === 0) lines.push('  No network address: phones cannot reach this laptop (listening on this machine only).');
  return `${lines.join('\n')}\n`;
}

