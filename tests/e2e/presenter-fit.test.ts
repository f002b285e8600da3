import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAME, frameMessage } from '../../src/facilitator/sync.ts';
import { OUT, serveGame, type Served } from './harness.ts';
import { framesForEveryBeat, loadScenario, type NamedFrame } from './presenter-frames.ts';

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
let frames: NamedFrame[] = [];
const errors: string[] = [];

beforeAll(async () => {
  served = await serveGame('dist-presenter-fit');
  // FIT_SCENARIOS=a,b narrows the run while working on the layout.
  const only = process.env.FIT_SCENARIOS?.split(',');
  for (const [file, text] of served.scenarioTexts) {
    if (!only || only.some((o) => file.startsWith(o))) frames.push(...framesForEveryBeat(loadScenario(file, text)));
  }
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
/** Shows a frame on the presenter as the console would send it. */
async function show(frame: NamedFrame['frame']): Promise<void> {
  rev += 1;
  const message = frameMessage('fit-test', { ...frame, sessionId: `fit-${rev}`, rev });
  await page.evaluate(
    ([name, m]) => {
      const channel = new BroadcastChannel(name as string);
      channel.postMessage(m);
      channel.close();
    },
    [CHANNEL_NAME, message] as const,
  );
  await page.waitForFunction((r) => document.body.dataset.fitted === String(r), rev, { timeout: 10_000 });
}

/** Every visible text node that is cut off, ellipsised, off screen or smaller than 12 px. */
function problems(): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const shell = document.querySelector('.pres')!;
    const walker = document.createTreeWalker(shell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const el = node.parentElement;
      if (!text || !el || el.closest('.visually-hidden') || !el.checkVisibility()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
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
      if (r.left < clip.left - 1 || r.top < clip.top - 1 || r.right > clip.right + 1 || r.bottom > clip.bottom + 1) {
        bad.push(`${what} is cut off (${Math.round(r.bottom)} > ${Math.round(clip.bottom)})`);
      }
    }
    return bad;
  });
}

describe('the presenter fits every beat of every scenario', () => {
  for (const size of SIZES) {
    it(`at ${size.width}×${size.height}`, async () => {
      expect(frames.length).toBeGreaterThan(process.env.FIT_SCENARIOS ? 0 : 100);
      await page.setViewportSize(size);
      const found: string[] = [];
      let smallest = 100;
      for (const { name, frame } of frames) {
        await show(frame);
        const seen = await problems();
        for (const p of seen) found.push(`${name}: ${p}`);
        if (seen.length && process.env.FIT_SCENARIOS) await page.screenshot({ path: `${OUT}/presenter-fit-${size.width}x${size.height}-${name.replaceAll('/', '-')}.png` });
        smallest = Math.min(smallest, Number(await page.evaluate(() => document.documentElement.dataset.fit)));
      }
      await page.screenshot({ path: `${OUT}/presenter-fit-${size.width}x${size.height}-last.png` });
      console.log(`${size.width}×${size.height}: ${frames.length} frames, type shrunk to ${smallest}% at most`);
      expect(errors.slice(0, 5)).toEqual([]);
      expect(found.slice(0, 20)).toEqual([]);
    }, 600_000);
  }
});
