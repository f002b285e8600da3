import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { compileScenario } from '../../src/engine/compile.ts';
import { Run } from '../../src/engine/runtime.ts';
import { loadScenarioFile, SCENARIOS_DIR } from '../../src/scenarios/load-file.ts';
import { STORAGE_KEYS } from '../../src/store/storage.ts';
import { buildApp, jsSizes, ROOT } from './build.ts';
import { launchChromium } from './chromium.ts';
import type { HeapParts } from './heap-snapshot.ts';
import { openIdleTab } from './idle-tab.ts';
import { measureMemory } from './memory.ts';
import { FLUSH_LONG_TASKS, longestTaskUntil, MILESTONES_SCRIPT, type Milestones } from './milestones.ts';
import { serve } from './serve.ts';
import { startFromBriefing } from './start-from-briefing.ts';

// Browser benchmarks for the solo game, each next to a bare one-scene Phaser 4 app measured in
// the same run: script sizes, time to the first usable button and first war-room frame, frame
// times during the incident, and the heap after several games back to back.

const REPEATS = 5;
/**
 * Loads measured for the first frames alone, game and bare app in alternating pairs: the five
 * full loads above and more without frame sampling. On the 2 shared cores one load of either
 * varies by ±20%, so five of each moved the ratio by ±0.15 from run to run of the same build.
 */
const FIRST_FRAME_PAIRS = 12;
/** How long each load's frames are recorded, the incident running (the bare app: its scene). */
const FRAME_SAMPLE_MS = 5000;
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

async function milestones(page: Page, until: 'button' | 'frame' | 'pictures', extraMs = 0): Promise<Milestones> {
  await page.waitForFunction((key) => (window as unknown as { __milestones: Milestones }).__milestones[key] !== null, until, {
    timeout: 60_000,
  });
  // The task that drew the milestone has ended by now; its long-task record may not have been delivered.
  await page.evaluate(FLUSH_LONG_TASKS);
  const reached = await page.evaluate(() => (window as unknown as { __milestones: Milestones }).__milestones);
  if (extraMs > 0) {
    // A restored save opens paused; frame times are those of the room while the incident runs.
    // (String evaluation: tsx's helpers do not exist in the page.)
    await page.evaluate(
      `(() => { const resume = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Resume'); if (resume) resume.click(); window.__milestones.frames = []; })()`,
    );
    await page.waitForTimeout(extraMs);
    return { ...reached, frames: await page.evaluate(() => (window as unknown as { __milestones: Milestones }).__milestones.frames) };
  }
  return reached;
}

/** A slow mobile connection: 1.6 Mbps down, 750 kbps up, 150 ms round trip. */
const SLOW_NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

async function load(browser: Browser, url: string, until: 'button' | 'frame' | 'pictures', save: string | null, extraMs = 0, slow = false): Promise<Milestones> {
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
  const page = await openIdleTab(context);
  if (slow) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK);
  }
  await page.goto(url);
  // Frame times are the room's steady state: measured once its pictures are in (their arrival
  // lays the room out again, which belongs to start-up, measured above).
  if (save && extraMs > 0) await page.waitForFunction(() => document.body.dataset.warRoomPictures === '1', null, { timeout: 60_000 });
  const result = await milestones(page, until, extraMs);
  await context.close();
  return result;
}

/** Milliseconds between one load's animation frames. */
const frameGaps = (frames: number[]): number[] => frames.slice(1).map((t, i) => t - frames[i]!);

function frameStats(gaps: number[]): { p50: number; p95: number; count: number } {
  return { p50: percentile(gaps, 50), p95: percentile(gaps, 95), count: gaps.length };
}

/** The figures `npm run bench -- browser --json` prints, for comparing run to run. */
export interface BrowserFigures {
  frameP50: number;
  frameP95: number;
  bareFrameP50: number;
  bareFrameP95: number;
  /** Medians over FIRST_FRAME_PAIRS loads each. */
  firstFrameMs: number;
  bareFirstFrameMs: number;
  /** The median of the pairs' ratios (game ÷ bare, each pair loaded back to back). */
  firstFrameRatio: number;
  /** Longest main-thread task from navigation to the first war-room frame, the frame's own task included: the worst of the repeats. */
  longestTaskMs: number;
  longestTaskMedianMs: number;
  /** The same up to the room's pictures being in (they load after the first frame). */
  longestTaskToPicturesMs: number;
  /** The bare app's longest task up to its first frame, the worst of the repeats. */
  bareLongestTaskMs: number;
  /** From "Start the incident", after reading the briefing, to the first war-room frame (median), and the longest task in between (worst). */
  fromBriefingFrameMs: number;
  fromBriefingLongestTaskMs: number;
  heapMiB: number[];
  /** The heap after each game without V8's compiled code, which grows as more of the app has run (bench/browser/heap-snapshot.ts). */
  heapObjectsMiB: number[];
  heapCodeMiB: number[];
  /** The heap after the same five games played again in the same page, on code that has run once. */
  heapWarmMiB: number[];
  /** That round's last heap ÷ its first, from the unrounded figures, to three decimals (the goal is 1.05). */
  heapWarmRatio: number;
  /** The same without V8's compiled code, which still grows as functions run often enough to be optimised. */
  heapWarmObjectsMiB: number[];
  /** The same five games a third time: V8's compiled code levels off over the second round. */
  heapThirdMiB: number[];
  heapThirdObjectsMiB: number[];
  scriptKiB: { gameFirstLoad: number; gameAll: number; facilitatorOnly: number; bareAll: number };
  scenarioDataKiB: number;
  catalogueKiB: number;
  firstButtonMs: number;
  slowNetworkFirstButtonMs: number;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const round2 = (x: number): number => Math.round(x * 100) / 100;

export async function browserBench(options: { json?: boolean } = {}): Promise<void> {
  // With --json the human-readable lines go to stderr and stdout carries one JSON object.
  const log = options.json ? (...a: unknown[]) => console.error(...a) : (...a: unknown[]) => console.log(...a);
  const out = join(ROOT, 'bench/out');
  const gameDir = join(out, 'game');
  const bareDir = join(out, 'bare');
  await buildApp('game', gameDir);
  await buildApp('bare', bareDir);
  const game = jsSizes(gameDir);
  const bare = jsSizes(bareDir);
  log('\n## Browser: script sizes (gzip -9)');
  log(`game first load ${kib(game.firstLoad)} (before Phaser)   game all JS ${kib(game.all)} in ${game.files} files`);
  log(`facilitator page's own scripts (never loaded by the game) ${kib(game.otherPages)}`);
  log(`bare Phaser app all JS ${kib(bare.all)}   ratio game/bare ${(game.all / bare.all).toFixed(3)} (budget 1.25)`);
  log(`scenario data (JSON) ${kib(game.data)}, of which fetched at start-up (the catalogue) ${kib(game.catalogue)}`);

  const save = await midIncidentSave();
  const gameServer = await serve(gameDir);
  const bareServer = await serve(bareDir);
  const browser = await launchChromium();
  try {
    const button: number[] = [];
    const warRoom: number[] = [];
    const bareFrame: number[] = [];
    const longest: number[] = [];
    const longestToPictures: number[] = [];
    const bareLongest: number[] = [];
    const slowButton: number[] = [];
    const fromBriefing: number[] = [];
    const fromBriefingLongest: number[] = [];
    // Frame times from every load, not from the first one only: that single 5 s sample read 33.3 ms
    // at p95 in one run (December 2026) where the run before it, on the same build, read 16.8, and
    // so did each of four later loads of it: a moment of load on the 2 cores decided the figure.
    const gameGaps: number[] = [];
    const bareGaps: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      button.push((await load(browser, gameServer.url, 'button', null)).button!);
      if (i < 3) slowButton.push((await load(browser, gameServer.url, 'button', null, 0, true)).button!);
      if (i < 3) {
        const started = await startFromBriefing(browser, gameServer.url, 'ransomware-manufacturer');
        fromBriefing.push(started.frameMs);
        fromBriefingLongest.push(started.longestTaskMs);
      }
      // Up to the room's pictures: they load, are decoded and swapped in after the first frame, still part of starting.
      const w = await load(browser, gameServer.url, 'pictures', save, FRAME_SAMPLE_MS);
      warRoom.push(w.frame!);
      longest.push(longestTaskUntil(w, w.frame!));
      longestToPictures.push(longestTaskUntil(w, w.pictures!));
      gameGaps.push(...frameGaps(w.frames));
      const b = await load(browser, bareServer.url, 'frame', null, FRAME_SAMPLE_MS);
      bareFrame.push(b.frame!);
      bareLongest.push(longestTaskUntil(b, b.frame!));
      bareGaps.push(...frameGaps(b.frames));
    }
    // The longest-task figures stay those of the five full loads; these add first frames only.
    for (let i = REPEATS; i < FIRST_FRAME_PAIRS; i++) {
      const game = async (): Promise<number> => (await load(browser, gameServer.url, 'frame', save)).frame!;
      const bareApp = async (): Promise<number> => (await load(browser, bareServer.url, 'frame', null)).frame!;
      // Each goes first every other time, so neither side always loads right after the other.
      if (i % 2 === 0) {
        warRoom.push(await game());
        bareFrame.push(await bareApp());
      } else {
        bareFrame.push(await bareApp());
        warRoom.push(await game());
      }
    }
    const pairRatios = warRoom.map((w, i) => w / bareFrame[i]!);
    log(`\n## Browser: time from navigation (median of ${REPEATS}, first frames of ${FIRST_FRAME_PAIRS}; headless Chromium, SwiftShader)`);
    log(`first usable button ${ms(median(button))}   first war-room frame ${ms(median(warRoom))}   bare Phaser first frame ${ms(median(bareFrame))}`);
    log(`war-room first frame / bare first frame ${(median(warRoom) / median(bareFrame)).toFixed(2)}, median of the ${FIRST_FRAME_PAIRS} pairs' ratios ${median(pairRatios).toFixed(2)} (goal 1.5)`);
    log(
      `longest main-thread task up to the first war-room frame (its own task included) ${ms(Math.max(...longest))} (median ${ms(median(longest))}; goal 200 ms)   bare app up to its first frame ${ms(Math.max(...bareLongest))} (median ${ms(median(bareLongest))})`,
    );
    log(`longest main-thread task up to the room's pictures being in ${ms(Math.max(...longestToPictures))} (median ${ms(median(longestToPictures))})`);
    log(
      `after the briefing (room prepared while it is read): "Start the incident" to the first war-room frame ${ms(median(fromBriefing))} (runs ${fromBriefing.map(ms).join(', ')}), longest task ${ms(Math.max(...fromBriefingLongest))} (median ${ms(median(fromBriefingLongest))})`,
    );
    log(`first usable button on 1.6 Mbps / 150 ms, empty cache ${ms(median(slowButton))} (median of ${slowButton.length}; goal 1200 ms)`);
    const g = frameStats(gameGaps);
    const b = frameStats(bareGaps);
    log(`\n## Browser: frame time over ${FRAME_SAMPLE_MS / 1000} s in each of ${REPEATS} loads with the incident running (ms between animation frames)`);
    log(`war room p50 ${g.p50.toFixed(1)} p95 ${g.p95.toFixed(1)} (${g.count} frames)   bare p50 ${b.p50.toFixed(1)} p95 ${b.p95.toFixed(1)} (${b.count} frames)`);
    log(`ratio p50 ${(g.p50 / b.p50).toFixed(2)}  p95 ${(g.p95 / b.p95).toFixed(2)} (goal 1.5)`);

    const games = ['payments-friday-night', 'invoice-fraud', 'dns-cdn-outage', 'endpoint-agent-crash', 'departing-admin'];
    // The same five games three times in one page. In the first round V8 compiles more of the app
    // with each new scenario (its code part grows with no object kept); the second round, on code
    // that has run once, shows whether anything is kept from game to game; V8 still optimises more
    // of the code through it, and the third round shows where that levels off.
    const memory = await measureMemory(browser, gameServer.url, [...games, ...games, ...games]);
    const cold = memory.afterGame.slice(0, games.length);
    const warm = memory.afterGame.slice(games.length, 2 * games.length);
    const third = memory.afterGame.slice(2 * games.length);
    const parts = memory.partsAfterGame.slice(0, games.length);
    // Three decimals: a goal of 1.05 cannot be read from a ratio rounded to two.
    const ratio = (xs: number[]): string => (xs.at(-1)! / xs[0]!).toFixed(3);
    log(`\n## Browser: JS heap after each of ${games.length} games back to back (MiB, after GC, at the title)`);
    log(`first round ${cold.map((m) => m.toFixed(1)).join(' → ')}   last/first ${ratio(cold)}   peak while playing ${memory.peak.toFixed(1)}`);
    const split = (round: HeapParts[], digits: number): number[] => {
      const objects = round.map((p) => p.objects);
      log(`  of which compiled code ${round.map((p) => p.code.toFixed(1)).join(' → ')}; objects without it ${objects.map((m) => m.toFixed(digits)).join(' → ')}   last/first ${ratio(objects)}`);
      return objects;
    };
    split(parts, 1);
    log(`the same five again ${warm.map((m) => m.toFixed(1)).join(' → ')}   last/first ${ratio(warm)} (goal 1.05)`);
    const warmObjects = split(memory.partsAfterGame.slice(games.length, 2 * games.length), 2);
    log(`a third time ${third.map((m) => m.toFixed(1)).join(' → ')}   last/first ${ratio(third)}`);
    const thirdObjects = split(memory.partsAfterGame.slice(2 * games.length), 2);
    if (options.json) {
      const figures: BrowserFigures = {
        frameP50: round1(g.p50),
        frameP95: round1(g.p95),
        bareFrameP50: round1(b.p50),
        bareFrameP95: round1(b.p95),
        firstFrameMs: Math.round(median(warRoom)),
        bareFirstFrameMs: Math.round(median(bareFrame)),
        firstFrameRatio: round2(median(pairRatios)),
        longestTaskMs: Math.round(Math.max(...longest)),
        longestTaskMedianMs: Math.round(median(longest)),
        longestTaskToPicturesMs: Math.round(Math.max(...longestToPictures)),
        bareLongestTaskMs: Math.round(Math.max(...bareLongest)),
        fromBriefingFrameMs: Math.round(median(fromBriefing)),
        fromBriefingLongestTaskMs: Math.round(Math.max(...fromBriefingLongest)),
        heapMiB: cold.map(round1),
        heapObjectsMiB: parts.map((p) => round1(p.objects)),
        heapCodeMiB: parts.map((p) => round1(p.code)),
        heapWarmMiB: warm.map(round1),
        heapWarmRatio: Number(ratio(warm)),
        heapWarmObjectsMiB: warmObjects.map(round2),
        heapThirdMiB: third.map(round1),
        heapThirdObjectsMiB: thirdObjects.map(round2),
        scriptKiB: { gameFirstLoad: round1(game.firstLoad / 1024), gameAll: round1(game.all / 1024), facilitatorOnly: round1(game.otherPages / 1024), bareAll: round1(bare.all / 1024) },
        scenarioDataKiB: round1(game.data / 1024),
        catalogueKiB: round1(game.catalogue / 1024),
        firstButtonMs: Math.round(median(button)),
        slowNetworkFirstButtonMs: Math.round(median(slowButton)),
      };
      console.log(JSON.stringify(figures));
    }
  } finally {
    await browser.close();
    await gameServer.close();
    await bareServer.close();
  }
}
