import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export const ROOT = join(import.meta.dirname, '../..');
const CONFIG = join(ROOT, 'vite.config.ts');

/** Builds the game, or the bare Phaser baseline, with the project's own Vite settings. */
export async function buildApp(which: 'game' | 'bare', outDir: string): Promise<void> {
  await build({
    configFile: CONFIG,
    root: which === 'game' ? ROOT : join(ROOT, 'bench/bare-phaser'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
}

const gz = (path: string): number => gzipSync(readFileSync(path), { level: 9 }).length;

export interface JsSizes {
  /** Gzipped bytes of the scripts index.html loads before anything is clicked. */
  firstLoad: number;
  /** Gzipped bytes of every script in the build. */
  all: number;
  files: number;
  /** Gzipped bytes of JSON data (the scenarios). */
  data: number;
}

export function jsSizes(outDir: string): JsSizes {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const initial = new Set(
    [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!),
  );
  const scripts = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
  let firstLoad = 0;
  let all = 0;
  for (const file of scripts) {
    const size = gz(join(outDir, 'assets', file));
    all += size;
    if (initial.has(`assets/${file}`)) firstLoad += size;
  }
  const data = readdirSync(join(outDir, 'assets'))
    .filter((f) => f.endsWith('.json'))
    .reduce((sum, f) => sum + gz(join(outDir, 'assets', f)), 0);
  return { firstLoad, all, files: scripts.length, data };
}
