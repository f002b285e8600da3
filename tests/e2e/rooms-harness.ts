import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, OUT, ROOT, run } from './harness.ts';

// Builds the app into its own folder and serves it with `war-room serve` (the room server) on
// 127.0.0.1, so console, presenter and phones talk to real workshop rooms.

export interface ServedRooms {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function serveRooms(outName: string): Promise<ServedRooms> {
  const dist = join(OUT, outName);
  mkdirSync(OUT, { recursive: true });
  await run(['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn']);
  // Rooms are saved in a folder of this run's own, never in the user's data folder.
  const data = mkdtempSync(join(tmpdir(), 'war-room-e2e-rooms-'));
  const server: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin/war-room.mjs'), 'serve', '--port', '0', '--host', '127.0.0.1', '--dir', dist, '--data', data], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    server.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (m) resolve(`http://127.0.0.1:${m[1]}/`);
    });
    server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    server.on('exit', (code) => reject(new Error(`war-room serve exited (${code}):\n${output}`)));
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    url,
    browser,
    async close() {
      await browser.close().catch(() => {});
      server.kill('SIGTERM');
      if (server.exitCode === null && server.signalCode === null) await new Promise((r) => server.once('exit', r));
      rmSync(data, { recursive: true, force: true });
    },
  };
}
