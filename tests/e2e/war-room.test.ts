import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUT, advanceGameClock, choicesMade, openGame, painted, roomReady, serveGame, shot, type Served } from './harness.ts';

// The war room as new players meet it: a double-click never makes a second choice, the outcome
// of a choice stays in view, Back moves between screens, ticked preparation survives a reload,
// the room's text stays legible at the common screen sizes, the room's files (assets/) load with
// a progress bar while the game clock waits, and the volume is a keyboard control that is kept.

const SCENARIO = 'ransomware-manufacturer';
let served: Served;

beforeAll(async () => {
  served = await serveGame('dist-war-room');
}, 180_000);

afterAll(async () => {
  await served?.close();
});

async function toPreparation(page: Page, scenario = SCENARIO): Promise<void> {
  await page.getByRole('button', { name: 'Choose a scenario' }).click();
  await page.locator(`[data-scenario="${scenario}"] .card__choose`).click();
  await page.getByRole('button', { name: 'Open the briefing' }).click();
  await page.getByRole('button', { name: 'Go to preparation' }).click();
  await page.waitForSelector('.prep-screen');
}

async function toIncident(page: Page, scenario = SCENARIO): Promise<void> {
  await toPreparation(page, scenario);
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await page.waitForSelector('.options[data-armed="true"]');
}

/** The incident at 1280×720 with motion allowed (openGame asks for reduced motion), its pictures in, `script` run in the page before its own. */
async function incidentInMotion(script: string, scenario = SCENARIO): Promise<Page> {
  const context = await served.browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'no-preference' });
  await context.addInitScript(script);
  const page = await context.newPage();
  await page.goto(served.url);
  await page.waitForSelector('body[data-ready="1"]');
  await toIncident(page, scenario);
  await page.waitForSelector('body[data-war-room-pictures="1"]');
  return page;
}

/** What a heap snapshot of the page holds that only a war room can put there (taken after a full collection). */
interface Leftovers {
  /** The war room's host elements, attached or not (DOM nodes are named by their opening tag). */
  stageHosts: number;
  /** Phaser objects, known by their own fields (the production build renames classes). */
  graphics: number;
  /** War room scenes (their own fields again): a closed run's scene holds its store, its room and its panels. */
  scenes: number;
  /** Phaser scenes of any kind: the war room's, the prepared game's warm-up (src/game/warm-up.ts) and Phaser's own. */
  phaserScenes: number;
  gameObjects: number;
  tweens: number;
  timers: number;
  /** DOM nodes no longer in the document but still reachable: a closed screen someone still holds. */
  detachedDom: number;
  /** Bytes of the page's JavaScript objects, strings, arrays and closures: the heap without compiled code and without the DOM's C++ side. */
  objectBytes: number;
}

/**
 * What a booted Phaser game keeps whatever it has drawn: its scene manager's system scene, and
 * the texture manager's stamp and tile sprite (made in that scene, for drawing into textures).
 */
const PHASER_OWN = { scenes: 1, gameObjects: 2 };

async function warRoomLeftovers(page: Page): Promise<Leftovers> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e: { chunk: string }) => chunks.push(e.chunk));
  // Messages the page logged are kept by the debugging connection, with whatever they refer to.
  await cdp.send('Runtime.discardConsoleEntries');
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  const { snapshot, nodes, edges, strings } = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
    nodes: number[];
    edges: number[];
    strings: string[];
  };
  const fields = snapshot.meta.node_fields;
  const nf = fields.length;
  const ef = snapshot.meta.edge_fields.length;
  const [name, type, selfSize, edgeCount, detachedness] = ['name', 'type', 'self_size', 'edge_count', 'detachedness'].map((f) => fields.indexOf(f)) as [number, number, number, number, number];
  const kinds = snapshot.meta.node_types[0];
  const edgeType = snapshot.meta.edge_fields.indexOf('type');
  const edgeName = snapshot.meta.edge_fields.indexOf('name_or_index');
  const property = snapshot.meta.edge_types[0].indexOf('property');
  const found: Leftovers = { stageHosts: 0, graphics: 0, scenes: 0, phaserScenes: 0, gameObjects: 0, tweens: 0, timers: 0, detachedDom: 0, objectBytes: 0 };
  for (let i = 0, e = 0; i < nodes.length; i += nf) {
    const label = strings[nodes[i + name]!]!;
    const kind = kinds[nodes[i + type]!]!;
    if (label.includes('class="stage__canvas"')) found.stageHosts++;
    // V8 marks DOM wrappers and nodes as attached (1) or detached (2) from the document.
    if (kind === 'native' && nodes[i + detachedness] === 2 && label.startsWith('<')) found.detachedDom++;
    if (kind !== 'native' && kind !== 'synthetic' && kind !== 'code') found.objectBytes += nodes[i + selfSize]!;
    const own = new Set<string>();
    for (const end = e + nodes[i + edgeCount]! * ef; e < end; e += ef) if (edges[e + edgeType] === property) own.add(strings[edges[e + edgeName]!]!);
    if (own.has('commandBuffer') && own.has('defaultFillColor')) found.graphics++;
    if (own.has('widgets') && own.has('laidOut') && own.has('building')) found.scenes++;
    if (own.has('sys') && own.has('cameras') && own.has('children')) found.phaserScenes++;
    if (own.has('renderFlags') && own.has('cameraFilter')) found.gameObjects++;
    if (own.has('totalData') && own.has('loopCounter')) found.tweens++;
    if (own.has('repeatCount') && own.has('hasDispatched')) found.timers++;
  }
  return found;
}

interface Counted {
  __draws: number;
}

/**
 * Runs in the page before its scripts: counts WebGL draw calls (window.__draws); __frames(n)
 * waits n animation frames; __drawsSettle(n, budget) waits until n frames in a row drew nothing,
 * failing after `budget` frames.
 */
const COUNT_DRAWS = `(() => {
  window.__draws = 0;
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced']) {
      const original = proto[name];
      if (!original) continue;
      proto[name] = function (...args) { window.__draws++; return original.apply(this, args); };
    }
  }
  window.__frames = (n) => new Promise((done) => { let k = 0; const f = () => (++k >= n ? done() : requestAnimationFrame(f)); requestAnimationFrame(f); });
  window.__drawsSettle = (n, budget) => new Promise((done, fail) => {
    let quiet = 0, seen = 0, last = window.__draws;
    const f = () => {
      quiet = window.__draws === last ? quiet + 1 : 0;
      last = window.__draws;
      if (quiet >= n) return done();
      if (++seen > budget) return fail(new Error('the war room kept drawing'));
      requestAnimationFrame(f);
    };
    requestAnimationFrame(f);
  });
})()`;

const draws = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as Counted).__draws);

interface PieceCheck {
  /** Frames whose moving things were drawn over pieces of the layer, checked against the whole layer. */
  checked: number;
  /** Of those, frames where the canvas under the moving things was not the whole layer's picture. */
  wrong: number;
  /** The most pixel channels one such frame got wrong. */
  worst: number;
  /** Frames that drew the layer in more than one piece. */
  split: number;
}

/**
 * Runs in the page before its scripts: checks the war room's partial redraw (src/game/redraw.ts)
 * in WebGL terms. The layer is drawn with a blend that replaces pixels (destination factor ZERO),
 * the moving things over it with alpha blending. Just before a frame's first moving thing, the
 * canvas must show the layer alone, every moving thing of the last frame erased: the picture the
 * first frame after a bake (drawing into a texture; the whole layer is then drawn) left there.
 */
const CHECK_PIECES = `(() => {
  const s = (window.__pieces = { checked: 0, wrong: 0, worst: 0, split: 0 });
  let vsync = 0;
  const count = () => { vsync++; requestAnimationFrame(count); };
  requestAnimationFrame(count);
  // rebaked: something was drawn into a texture (the layer baked again) since the picture was taken.
  let target = null, dst = null, frame = null, layer = null, rebaked = false;
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    const bind = proto.bindFramebuffer;
    proto.bindFramebuffer = function (t, f) { target = f; return bind.call(this, t, f); };
    const blend = proto.blendFuncSeparate;
    proto.blendFuncSeparate = function (...a) { dst = a[1]; return blend.apply(this, a); };
    const draw = proto.drawElements;
    proto.drawElements = function (mode, n, type, offset) {
      if (!frame || frame.vsync !== vsync) frame = { vsync, layer: false, done: false };
      if (target !== null) rebaked = true;
      else if (dst === this.ZERO) {
        frame.layer = true;
        if (n > 6) s.split++;
      } else if (frame.layer && !frame.done) {
        frame.done = true;
        const px = new Uint8Array(this.drawingBufferWidth * this.drawingBufferHeight * 4);
        this.readPixels(0, 0, this.drawingBufferWidth, this.drawingBufferHeight, this.RGBA, this.UNSIGNED_BYTE, px);
        if (rebaked) {
          layer = px;
          rebaked = false;
        } else if (layer) {
          let bad = 0;
          for (let i = 0; i < px.length; i++) if (px[i] !== layer[i]) bad++;
          s.checked++;
          if (bad > 0) s.wrong++;
          s.worst = Math.max(s.worst, bad);
        }
      }
      return draw.call(this, mode, n, type, offset);
    };
  }
})()`;

describe('the war room in the browser', () => {
  it('makes exactly one choice from a double-click, and keeps the outcome in view with the next question below it', async () => {
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 390, height: 844 },
    ]) {
      const page = await openGame(served, viewport);
      await toIncident(page);
      const prompt = await page.locator('.decision__prompt').textContent();
      await page.locator('.option[aria-disabled="false"]').first().dblclick();
      await expect.poll(() => choicesMade(page)).toBe(1);
      // The second click landed on the next decision's options, which were not yet accepting input.
      await expect.poll(() => page.locator('.decision__prompt').textContent()).not.toBe(prompt);
      await page.waitForSelector('.options[data-armed="true"]');
      expect(await choicesMade(page)).toBe(1);
      // A number key pressed twice quickly is one choice too.
      const key = await page.$eval('.option[aria-disabled="false"] .option__key', (e) => e.textContent ?? '');
      await page.keyboard.press(key);
      await page.keyboard.press(key);
      await expect.poll(() => choicesMade(page)).toBe(2);
      await page.waitForSelector('.options[data-armed="true"]');
      expect(await choicesMade(page)).toBe(2);

      const box = await page.evaluate(() => {
        const o = document.querySelector('.outcome')!.getBoundingClientRect();
        const p = document.querySelector('.decision__prompt')!.getBoundingClientRect();
        return { top: o.top, bottom: o.bottom, promptTop: p.top, focused: document.activeElement?.classList.contains('outcome') ?? false, height: innerHeight };
      });
      expect(box.focused).toBe(true);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(box.height);
      expect(box.promptTop).toBeGreaterThan(box.top);
      await shot(page, `${viewport.width}x${viewport.height}-outcome-in-view`);
      await page.context().close();
    }
  }, 180_000);

  it('keeps the situation readable while paused, and returns focus to the decision on Resume', async () => {
    const page = await openGame(served);
    await toIncident(page);
    await page.keyboard.press('p');
    await page.waitForSelector('dialog.pause-dialog[open]');
    // The pause panel covers only the war room: the options are visible and not under it.
    const covered = await page.evaluate(() => {
      const d = document.querySelector('dialog.pause-dialog')!.getBoundingClientRect();
      const o = document.querySelector('.option')!.getBoundingClientRect();
      const hit = document.elementFromPoint(o.left + o.width / 2, o.top + o.height / 2);
      return { overlaps: d.right > o.left && d.left < o.right && d.bottom > o.top && d.top < o.bottom, hitsOption: !!hit?.closest('.option') };
    });
    expect(covered).toEqual({ overlaps: false, hitsOption: true });
    await shot(page, '1280x720-paused');
    await page.locator('dialog.pause-dialog').getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('decision__prompt'))).toBe(true);
    await page.context().close();
  }, 60_000);

  it('draws nothing new while paused, and moves again on Resume', async () => {
    const page = await incidentInMotion(COUNT_DRAWS);
    // Running, the room keeps drawing: the radar sweeps, data flows along the links.
    const running = await draws(page);
    await page.waitForFunction((n) => (window as unknown as Counted).__draws > n, running);
    await page.keyboard.press('p');
    await page.waitForSelector('dialog.pause-dialog[open]');
    // Paused, once the pause itself is drawn, the page goes on showing frames but the room draws none.
    await page.evaluate(`window.__drawsSettle(10, 600)`);
    const paused = await draws(page);
    await page.evaluate(`window.__frames(60)`);
    expect(await draws(page)).toBe(paused);
    await page.locator('dialog.pause-dialog').getByRole('button', { name: 'Resume' }).click();
    await page.waitForFunction((n) => (window as unknown as Counted).__draws > n + 10, paused);
    await page.context().close();
  }, 90_000);

  it('draws the room again only where things moved, erasing every moving thing of the frame before', async () => {
    // Its map starts with data flowing along four links (dots that move several pixels a frame)
    // and three services down, whose halos pulse.
    const page = await incidentInMotion(CHECK_PIECES, 'clinic-cooling-failure');
    const pieces = (): Promise<PieceCheck> => page.evaluate(() => (window as unknown as { __pieces: PieceCheck }).__pieces);
    await expect.poll(async () => (await pieces()).checked, { timeout: 60_000 }).toBeGreaterThanOrEqual(40);
    const seen = await pieces();
    expect(seen.split).toBeGreaterThan(0);
    expect({ wrong: seen.wrong, worst: seen.worst }).toEqual({ wrong: 0, worst: 0 });
    await shot(page, '1280x720-war-room-drawn-in-pieces');
    // A new size gives the layer a new texture under the same key: the pieces must be cut from it.
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect.poll(async () => (await pieces()).checked, { timeout: 60_000 }).toBeGreaterThanOrEqual(seen.checked + 40);
    const resized = await pieces();
    expect({ wrong: resized.wrong, worst: resized.worst }).toEqual({ wrong: 0, worst: 0 });
    await shot(page, '1366x768-war-room-drawn-in-pieces');
    await page.context().close();
  }, 150_000);

  it('moves between screens with Back, and keeps ticked preparation across a reload', async () => {
    const page = await openGame(served);
    await toPreparation(page);
    await page.goBack();
    await expect.poll(() => page.evaluate(() => document.body.dataset.screen)).toBe('briefing');
    await page.goBack();
    await expect.poll(() => page.evaluate(() => document.body.dataset.screen)).toBe('picker');
    await page.goForward();
    await expect.poll(() => page.evaluate(() => document.body.dataset.screen)).toBe('briefing');
    await page.getByRole('button', { name: 'Go to preparation' }).click();
    await page.locator('.measure input').nth(0).check();
    await page.locator('.measure input').nth(1).check();
    await page.reload();
    await page.waitForSelector('body[data-ready="1"]');
    await expect.poll(() => page.evaluate(() => document.body.dataset.screen)).toBe('preparation');
    const ticked = await page.$$eval('.measure input', (els) => els.map((e) => (e as HTMLInputElement).checked));
    expect(ticked.slice(0, 2)).toEqual([true, true]);
    expect(ticked.filter(Boolean)).toHaveLength(2);
    await page.context().close();
  }, 60_000);

  it('shows loading progress and holds the game clock until the war room has drawn its first frame, without waiting for its pictures', async () => {
    const page = await openGame(served, { width: 1280, height: 720 }, { testClock: true });
    const files: string[] = [];
    page.on('request', (r) => {
      if (/\/assets\/[\w-]+\.(svg|png|wav)$/.test(r.url())) files.push(r.url().slice(r.url().lastIndexOf('/') + 1));
    });
    // The room's code (the Phaser chunk) is held back until the test has looked at the loading
    // screen, and the backdrop until it has looked at the room drawn without it.
    const gate = (): { held: Promise<void>; release: () => void } => {
      let release = (): void => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      return { held, release };
    };
    const code = gate();
    const backdrop = gate();
    let codeRequested = false;
    await page.route(/\/assets\/game-[\w-]+\.js$/, async (route) => {
      codeRequested = true;
      await code.held;
      await route.continue();
    });
    await page.route(/\/assets\/backdrop-[\w-]+\.png$/, async (route) => {
      await backdrop.held;
      await route.continue();
    });
    await toPreparation(page);
    await page.getByRole('button', { name: 'Start the incident' }).click();
    await page.waitForSelector('.stage__progress', { state: 'visible' });
    await expect.poll(() => codeRequested, { timeout: 60_000 }).toBe(true);
    const clockBefore = await page.locator('.clock-elapsed').textContent();
    // Two real minutes pass while the room loads: dozens of game minutes at any pace, if it ran.
    await advanceGameClock(page, 120_000);
    expect(await page.locator('.clock-elapsed').textContent()).toBe(clockBefore);
    expect(await page.evaluate(() => document.body.dataset.warRoomFrame)).toBeUndefined();
    const progress = await page.$eval('.stage__progress', (e) => (e as HTMLProgressElement).value);
    expect(progress).toBeGreaterThan(0);
    expect(progress).toBeLessThan(100);
    expect(await page.locator('.stage__label').textContent()).toMatch(/Loading/);
    await shot(page, '1280x720-war-room-loading');

    // With its code in, the room draws its first frame while the backdrop is still held: the
    // code-drawn stand-ins fill in, and the clock starts.
    code.release();
    await roomReady(page);
    expect(files.some((f) => f.startsWith('backdrop-'))).toBe(true);
    expect(await page.evaluate(() => document.body.dataset.warRoomPictures)).toBeUndefined();
    await advanceGameClock(page, 10_000);
    await expect.poll(() => page.locator('.clock-elapsed').textContent(), { timeout: 60_000 }).not.toBe(clockBefore);
    await shot(page, '1280x720-war-room-before-pictures');

    // The pictures swap in once they have all loaded.
    backdrop.release();
    await page.waitForSelector('body[data-war-room-pictures="1"]', { timeout: 60_000 });
    await shot(page, '1280x720-war-room-pictures');
    // The scenario's portraits and icons and the backdrop came through the loader, and the four
    // sounds with them (they are not drawn, so they hold nothing up either).
    await expect.poll(() => files.filter((f) => f.endsWith('.wav')).length, { timeout: 30_000 }).toBe(4);
    expect(files.filter((f) => f.endsWith('.svg')).length).toBeGreaterThan(8);
    // The backdrop comes rasterised at build time (assets/scripts/make-backdrop.mjs), not as its SVG.
    expect(files.filter((f) => f.startsWith('backdrop-'))).toEqual([expect.stringMatching(/\.png$/)]);
    // ...and the service worker precaches them for offline workshops.
    const sw = await (await fetch(`${served.url}sw.js`)).text();
    for (const f of files) expect(sw, f).toContain(f);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('warms the prepared game up while the briefing is read, keeps nothing of it, and then draws the room', async () => {
    const page = await openGame(served);
    await page.getByRole('button', { name: 'Choose a scenario' }).click();
    await page.locator(`[data-scenario="${SCENARIO}"] .card__choose`).click();
    await page.getByRole('button', { name: 'Open the briefing' }).click();
    // The page prepares the room's game while the briefing is read, then draws once into a
    // throwaway texture (src/game/warm-up.ts).
    await page.waitForFunction(() => document.body.dataset.warRoomWarmedUp === '1', null, { timeout: 60_000 });
    const warmed = await warRoomLeftovers(page);
    expect(warmed.scenes).toBe(0);
    expect(warmed.phaserScenes).toBe(PHASER_OWN.scenes);
    expect(warmed.gameObjects).toBe(PHASER_OWN.gameObjects);
    await page.getByRole('button', { name: 'Go to preparation' }).click();
    await page.getByRole('button', { name: 'Start the incident' }).click();
    await roomReady(page);
    await page.waitForFunction(() => document.body.dataset.warRoomPictures === '1', null, { timeout: 60_000 });
    await painted(page);
    await shot(page, '1280x720-war-room-after-warm-up');
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('makes one WebGL context for the room, opaque in every pixel, and draws it with the canvas renderer where WebGL is missing', async () => {
    // Counts the WebGL contexts pages get; with `refuse`, a browser without WebGL.
    const contexts = (refuse: boolean): string => `(() => {
      window.__webGLContexts = 0;
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        const webGL = type === 'webgl' || type === 'experimental-webgl' || type === 'webgl2';
        if (webGL && ${refuse}) return null;
        const made = getContext.call(this, type, ...rest);
        if (webGL && made) window.__webGLContexts++;
        return made;
      };
    })()`;
    for (const refuse of [false, true]) {
      const context = await served.browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
      await context.addInitScript(contexts(refuse));
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(served.url);
      await page.waitForSelector('body[data-ready="1"]');
      await toIncident(page);
      await roomReady(page);
      await page.waitForFunction(() => document.body.dataset.warRoomPictures === '1', null, { timeout: 60_000 });
      // Phaser's own test of WebGL, a throwaway context made as its module loaded, is not run (src/game/phaser-core-plugin.ts).
      expect(await page.evaluate(() => (window as unknown as { __webGLContexts: number }).__webGLContexts)).toBe(refuse ? 0 : 1);
      const room = await page.locator('.stage canvas').boundingBox();
      expect(room?.width ?? 0).toBeGreaterThan(300);
      if (!refuse) {
        // Its drawing buffer has an alpha channel (src/game/index.ts, webGLContext): every pixel must still be opaque.
        const leastAlpha = await page.evaluate(() => {
          const canvas = document.querySelector<HTMLCanvasElement>('.stage canvas')!;
          const copy = document.createElement('canvas');
          copy.width = canvas.width;
          copy.height = canvas.height;
          const ctx = copy.getContext('2d')!;
          ctx.drawImage(canvas, 0, 0);
          const pixels = ctx.getImageData(0, 0, copy.width, copy.height).data;
          let least = 255;
          for (let i = 3; i < pixels.length; i += 4) least = Math.min(least, pixels[i]!);
          return least;
        });
        expect(leastAlpha).toBe(255);
      } else {
        await painted(page);
        await shot(page, '1280x720-war-room-canvas-renderer');
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 180_000);

  it('keeps nothing of a closed war room alive: three incidents in a row leave no old screens or drawings behind', async () => {
    // The page keeps one Phaser game for every run; what a run adds to it must go when it closes.
    const page = await openGame(served, undefined, { testClock: true });
    // Waits that return no element handle: the debugging connection would keep those elements (and their screens) alive.
    const waitFor = (selector: string) => page.waitForFunction((s) => document.querySelector(s) !== null, selector);
    const incidentAndBack = async (): Promise<void> => {
      await page.getByRole('button', { name: 'Choose a scenario' }).click();
      await page.locator(`[data-scenario="${SCENARIO}"] .card__choose`).click();
      await page.getByRole('button', { name: 'Open the briefing' }).click();
      await page.getByRole('button', { name: 'Go to preparation' }).click();
      await page.getByRole('button', { name: 'Start the incident' }).click();
      await waitFor('body[data-war-room-frame="1"]');
      await page.keyboard.press('p');
      await page.locator('dialog.pause-dialog').getByRole('button', { name: 'Leave to the title (the run is saved)' }).click();
      await waitFor('body[data-screen="title"]');
    };
    await incidentAndBack();
    const afterOne = await warRoomLeftovers(page);
    await incidentAndBack();
    await incidentAndBack();
    const afterThree = await warRoomLeftovers(page);
    // Each closed incident screen used to stay reachable from a listener left on the game (3
    // stage hosts here), every Graphics ever baked from Phaser's shared drawing camera (46 -> 97),
    // and the last run's scene (its store, room and destroyed panels) from the scene manager, the
    // game's config and that camera. At the title nothing of a war room is left.
    expect(afterOne.stageHosts).toBe(0);
    expect(afterOne.scenes).toBe(0);
    expect(afterOne.phaserScenes).toBe(PHASER_OWN.scenes);
    const { objectBytes: bytesAfterOne, ...countsAfterOne } = afterOne;
    const { objectBytes: bytesAfterThree, ...countsAfterThree } = afterThree;
    expect(countsAfterThree).toEqual(countsAfterOne);
    // Two more runs of the same scenario add next to nothing (a leaked screen was 76 KiB a run);
    // JavaScript's own heap (compiled code) is left out, it grows as more of the app warms up.
    expect(bytesAfterThree - bytesAfterOne).toBeLessThan(2 * 16 * 1024);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('sets the volume from the keyboard and remembers it across a reload', async () => {
    const page = await openGame(served);
    const volume = page.getByRole('slider', { name: 'Volume' });
    const start = Number(await volume.inputValue());
    await volume.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => Number(await volume.inputValue())).toBe(start - 10);
    await page.reload();
    await page.waitForSelector('body[data-ready="1"]');
    expect(Number(await page.getByRole('slider', { name: 'Volume' }).inputValue())).toBe(start - 10);
    // The mute button is a toggle the keyboard reaches too, and is remembered as well.
    await page.getByRole('button', { name: /Sound on/ }).press('Enter');
    await page.reload();
    await page.waitForSelector('body[data-ready="1"]');
    expect(await page.getByRole('button', { name: /Sound off/ }).getAttribute('aria-pressed')).toBe('false');
    await page.context().close();
  }, 60_000);

  it('takes a screenshot of the incident at the four common sizes', async () => {
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
      { width: 390, height: 844 },
    ]) {
      const page = await openGame(served, viewport);
      await toIncident(page);
      // The first frame has the code-drawn stand-ins; the screenshot is of the room with its pictures.
      await page.waitForSelector('body[data-war-room-pictures="1"]');
      await painted(page);
      // The clock reads the company's local day and time, with T+ beside or under it, both whole.
      expect(await page.locator('.clock').textContent()).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d:\d\d$/);
      expect(await page.locator('.clock-elapsed').textContent()).toMatch(/^T\+\d+:\d\d$/);
      const cut = await page.$$eval('.clock, .clock-elapsed', (els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1 || parseFloat(getComputedStyle(e).fontSize) < 12).length);
      expect(cut).toBe(0);
      await shot(page, `${viewport.width}x${viewport.height}-war-room`);
      await page.screenshot({ path: join(OUT, `${viewport.width}x${viewport.height}-war-room-full.png`), fullPage: true });
      expect((page as Page & { errors: string[] }).errors).toEqual([]);
      await page.context().close();
    }
  }, 180_000);
});
