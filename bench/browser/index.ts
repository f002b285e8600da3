import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { compileScenario } from '../../src/engine/compile.ts';
import { Run } from '../../src/engine/runtime.ts';
import { loadScenarioFile, SCENARIOS_DIR } from '../../src/scenarios/load-file.ts';
import { STORAGE_KEYS } from '../../src/store/storage.ts';
import { buildApp, jsSizes, ROOT } from './build.ts';
import { launchChromium } from './chromium.ts';
import { measureMemory } from './memory.ts';
import { MILESTONES_SCRIPT, type Milestones } from './milestones.ts';
import { serve } from './serve.ts';

// Browser benchmarks for the solo game, each next to a bare one-scene Phaser 4 app measured in
// the same run: script sizes, time to the first usable button and first war-room frame, frame
// times during the incident, and the heap after several games back to back.

const REPEATS = 5;
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (x: number): string => `${x.toFixed(0)} ms`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

/** A save of a run a few minutes into the incident, so a page load opens straight on the war room. */
async function midIncidentSave(): Promise<string> {
  const loaded = await loadScenarioFile(join(SCENARIOS_DIR, 'ransomware-manufacturer.yaml'));
  if (!loaded.scenario) throw new Error('the benchmark needs scenarios/ransomware-manufacturer.yaml');
  const run = Run.start(compileScenario(loaded.scenario), { seed: 1, partner: loaded.scenario.partners[0]!.id });
  run.commitPreparation([]);
  run.advance(2);
  return JSON.stringify(run.save());
}

async function milestones(page: Page, until: 'button' | 'frame', extraMs = 0): Promise<Milestones> {
  await page.waitForFunction((key) => (window as unknown as { __milestones: Milestones }).__milestones[key] !== null, until, {
    timeout: 60_000,
  });
  if (extraMs > 0) await page.waitForTimeout(extraMs);
  return page.evaluate(() => (window as unknown as { __milestones: Milestones }).__milestones);
}

async function load(browser: Browser, url: string, until: 'button' | 'frame', save: string | null, extraMs = 0): Promise<Milestones> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(MILESTONES_SCRIPT);
  if (save) {
    await context.addInitScript(
      ([key, value]) => {
        if (!sessionStorage.getItem('bench-seeded')) {
          localStorage.setItem(key, value);
          sessionStorage.setItem('bench-seeded', '1');
        }
      },
      [STORAGE_KEYS.save, save] as const,
    );
  }
  const page = await context.newPage();
  await page.goto(url);
  const result = await milestones(page, until, extraMs);
  await context.close();
  return result;
}

function frameStats(frames: number[]): { p50: number; p95: number; count: number } {
  const deltas = frames.slice(1).map((t, i) => t - frames[i]!);
  return { p50: percentile(deltas, 50), p95: percentile(deltas, 95), count: deltas.length };
}

export async function browserBench(): Promise<void> {
  const out = join(ROOT, 'bench/out');
  const gameDir = join(out, 'game');
  const bareDir = join(out, 'bare');
  await buildApp('game', gameDir);
  await buildApp('bare', bareDir);
  const game = jsSizes(gameDir);
  const bare = jsSizes(bareDir);
  console.log('\n## Browser: script sizes (gzip -9)');
  console.log(`game first load ${kib(game.firstLoad)} (before Phaser)   game all JS ${kib(game.all)} in ${game.files} files`);
  console.log(`facilitator page's own scripts (never loaded by the game) ${kib(game.otherPages)}`);
  console.log(`bare Phaser app all JS ${kib(bare.all)}   ratio game/bare ${(game.all / bare.all).toFixed(3)} (budget 1.25)`);
  console.log(`scenario data (JSON, fetched at start-up, not script) ${kib(game.data)}`);

  const save = await midIncidentSave();
  const gameServer = await serve(gameDir);
  const bareServer = await serve(bareDir);
  const browser = await launchChromium();
  try {
    const button: number[] = [];
    const warRoom: number[] = [];
    const bareFrame: number[] = [];
    let gameFrames: number[] = [];
    let bareFrames: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      button.push((await load(browser, gameServer.url, 'button', null)).button!);
      const w = await load(browser, gameServer.url, 'frame', save, i === 0 ? 5000 : 0);
      warRoom.push(w.frame!);
      if (i === 0) gameFrames = w.frames;
      const b = await load(browser, bareServer.url, 'frame', null, i === 0 ? 5000 : 0);
      bareFrame.push(b.frame!);
      if (i === 0) bareFrames = b.frames;
    }
    console.log(`\n## Browser: time from navigation (median of ${REPEATS}, headless Chromium, SwiftShader)`);
    console.log(`first usable button ${ms(median(button))}   first war-room frame ${ms(median(warRoom))}   bare Phaser first frame ${ms(median(bareFrame))}`);
    console.log(`war-room first frame / bare first frame ${(median(warRoom) / median(bareFrame)).toFixed(2)}`);
    const g = frameStats(gameFrames);
    const b = frameStats(bareFrames);
    console.log('\n## Browser: frame time over 5 s (ms between animation frames)');
    console.log(`war room p50 ${g.p50.toFixed(1)} p95 ${g.p95.toFixed(1)} (${g.count} frames)   bare p50 ${b.p50.toFixed(1)} p95 ${b.p95.toFixed(1)} (${b.count} frames)`);
    console.log(`ratio p50 ${(g.p50 / b.p50).toFixed(2)}  p95 ${(g.p95 / b.p95).toFixed(2)}`);

    const games = ['payments-friday-night', 'invoice-fraud', 'dns-cdn-outage', 'endpoint-agent-crash', 'departing-admin'];
    const memory = await measureMemory(browser, gameServer.url, games);
    const [first] = memory.afterGame;
    console.log(`\n## Browser: JS heap after each of ${games.length} games back to back (MiB, after GC, at the title)`);
    console.log(`${memory.afterGame.map((m) => m.toFixed(1)).join(' → ')}   last/first ${(memory.afterGame.at(-1)! / first!).toFixed(2)} (budget 1.2)   peak while playing ${memory.peak.toFixed(1)}`);
  } finally {
    await browser.close();
    await gameServer.close();
    await bareServer.close();
  }
}
