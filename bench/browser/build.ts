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
  /** Gzipped bytes of every script the game page can load (its entry and every chunk it imports, at once or later). */
  all: number;
  files: number;
  /** Gzipped bytes of scripts only other pages load (the facilitator mode). */
  otherPages: number;
  /** Gzipped bytes of JSON data (the catalogue and every scenario's own file). */
  data: number;
  /** Gzipped bytes of the catalogue, the only scenario data fetched at start-up. */
  catalogue: number;
}

/** Chunks a script imports, statically or dynamically (Rolldown writes "./name.js" in any quotes). */
function importsOf(outDir: string, file: string): string[] {
  const code = readFileSync(join(outDir, 'assets', file), 'utf8');
  return [...new Set([...code.matchAll(/["'`]\.\/([A-Za-z0-9_.-]+\.js)["'`]/g)].map((m) => m[1]!))];
}

export function jsSizes(outDir: string): JsSizes {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const reachable = new Set<string>();
  const queue = [...initial];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (reachable.has(file)) continue;
    reachable.add(file);
    queue.push(...importsOf(outDir, file));
  }
  const assets = readdirSync(join(outDir, 'assets'));
  const size = (files: string[]): number => files.reduce((sum, f) => sum + gz(join(outDir, 'assets', f)), 0);
  const scripts = assets.filter((f) => f.endsWith('.js'));
  return {
    firstLoad: size(initial),
    all: size([...reachable]),
    files: reachable.size,
    otherPages: size(scripts.filter((f) => !reachable.has(f))),
    data: size(assets.filter((f) => f.endsWith('.json'))),
    catalogue: size(assets.filter((f) => /^scenarios-.*\.json$/.test(f))),
  };
}
