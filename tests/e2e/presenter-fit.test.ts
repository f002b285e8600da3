import { readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAME, frameMessage } from '../../src/facilitator/sync.ts';
import { OUT, serveGame, type Served } from './harness.ts';
import { SCENARIOS_DIR } from '../../src/scenarios/load-file.ts';
import { framesForEveryBeat, loadScenario, type NamedFrame } from './presenter-frames.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTranslation } from '../../src/scenarios/translation-load.ts';
import { localizeScenario } from '../../src/scenarios/translation.ts';

// The projector never cuts text off: for every beat of every shipped scenario (the open decision
// with all its injects, the recorded choice, the reveal), at the three usual
// projector sizes, no text node is clipped, ellipsised, outside the screen or under 12 px. The
// frames are built in Node by the console's own code and sent over the presenter's channel.

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

let served: Served;
let page: Page;
/** The frames of every beat, per scenario, so each scenario is its own test with its own budget. */
const byScenario = new Map<string, NamedFrame[]>();
const errors: string[] = [];
const smallest = new Map<number, number>();

beforeAll(async () => {
  served = await serveGame('dist-presenter-fit');
  const context = await served.browser.newContext({ viewport: SIZES[0], reducedMotion: 'reduce' });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${served.url}facilitator.html#/presenter`);
  await page.waitForSelector('body[data-ready="1"]');
}, 240_000);

afterAll(async () => {
  await served?.close();
});

let rev = 0;
/**
 * Shows a frame on the presenter as the console would send it, waits until the presenter has fitted
 * it, and returns every visible text node that is cut off, ellipsised, off screen or smaller than
 * 12 px, with the type scale the fit chose. One browser round trip per frame: on a starved machine
 * the round trips, not the checks, were most of the time.
 */
function showAndCheck(frame: NamedFrame['frame']): Promise<{ bad: string[]; fit: number }> {
  rev += 1;
  const message = frameMessage('fit-test', { ...frame, sessionId: `fit-${rev}`, rev });
  return page.evaluate(
    async ([name, m, r]) => {
      const channel = new BroadcastChannel(name as string);
      channel.postMessage(m);
      channel.close();
      while (document.body.dataset.fitted !== String(r)) await new Promise((done) => requestAnimationFrame(done));
      const bad: string[] = [];
      const shell = document.querySelector('.pres')!;
      const walker = document.createTreeWalker(shell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        const el = node.parentElement;
        if (!text || !el || el.closest('.visually-hidden') || !el.checkVisibility()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const rect = range.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        const what = `"${text.slice(0, 50)}"`;
        if (parseFloat(getComputedStyle(el).fontSize) < 11.5) bad.push(`${what} is ${getComputedStyle(el).fontSize}`);
        let clip = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
        for (let a: HTMLElement | null = el; a && a !== document.body; a = a.parentElement) {
          const cs = getComputedStyle(a);
          if (cs.textOverflow === 'ellipsis' && a.scrollWidth > a.clientWidth + 1) bad.push(`${what} ends in an ellipsis`);
          if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') {
            const ar = a.getBoundingClientRect();
            clip = { left: Math.max(clip.left, ar.left), top: Math.max(clip.top, ar.top), right: Math.min(clip.right, ar.right), bottom: Math.min(clip.bottom, ar.bottom) };
          }
        }
        if (rect.left < clip.left - 1 || rect.top < clip.top - 1 || rect.right > clip.right + 1 || rect.bottom > clip.bottom + 1) {
          bad.push(`${what} is cut off (${Math.round(rect.bottom)} > ${Math.round(clip.bottom)})`);
        }
      }
      return { bad, fit: Number(document.documentElement.dataset.fit) };
    },
    [CHANNEL_NAME, message, rev] as const,
  );
}

/**
 * The same beats in German, where the scenario has a German translation: the console and the
 * presenter speak German and the scenario runs on its German text (longer words, longer lines).
 */
const german = new Map<string, NamedFrame[]>();
function germanFrames(file: string): NamedFrame[] {
  if (!german.has(file)) {
    const path = join(SCENARIOS_DIR, 'translations', file.replace(/\.yaml$/, '.de.yaml'));
    let frames: NamedFrame[] = [];
    if (existsSync(path)) {
      const scenario = loadScenario(file, served.scenarioTexts.get(file)!);
      const loaded = parseTranslation(new Uint8Array(readFileSync(path)), path, scenario, 'de');
      if (!loaded.translation) throw new Error(`${path}: ${loaded.errors.map((e) => e.message).join('; ')}`);
      frames = framesForEveryBeat(localizeScenario(scenario, loaded.translation, 'de'), 60, 'de').map((f) => ({ name: `de/${f.name}`, frame: f.frame }));
    }
    german.set(file, frames);
  }
  return german.get(file)!;
}

// FIT_SCENARIOS=a,b narrows the run while working on the layout.
const only = process.env.FIT_SCENARIOS?.split(',');
const files = readdirSync(SCENARIOS_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort().filter((file) => !only || only.some((o) => file.startsWith(o)));

describe('the presenter fits every beat of every scenario', () => {
  it('has the shipped scenarios to check', () => {
    expect(files.length).toBeGreaterThan(only ? 0 : 10);
  });

  for (const size of SIZES) {
    describe(`at ${size.width}×${size.height}`, () => {
      // One test per scenario: the budget grows with the work, so a starved machine is slower, not red.
      for (const file of files) {
        it(file, async () => {
          if (!byScenario.has(file)) byScenario.set(file, framesForEveryBeat(loadScenario(file, served.scenarioTexts.get(file)!)));
          const frames = [...byScenario.get(file)!, ...germanFrames(file)];
          expect(frames.length).toBeGreaterThan(3);
          await page.setViewportSize(size);
          const found: string[] = [];
          for (const { name, frame } of frames) {
            const { bad, fit } = await showAndCheck(frame);
            for (const p of bad) found.push(`${name}: ${p}`);
            if (bad.length && process.env.FIT_SCENARIOS) await page.screenshot({ path: `${OUT}/presenter-fit-${size.width}x${size.height}-${name.replaceAll('/', '-')}.png` });
            smallest.set(size.width, Math.min(smallest.get(size.width) ?? 100, fit));
          }
          expect(errors.slice(0, 5)).toEqual([]);
          expect(found.slice(0, 20)).toEqual([]);
        }, 300_000);
      }
      afterAll(async () => {
        await page.screenshot({ path: `${OUT}/presenter-fit-${size.width}x${size.height}-last.png` });
        console.log(`${size.width}×${size.height}: type shrunk to ${smallest.get(size.width)}% at most`);
      });
    });
  }
});
