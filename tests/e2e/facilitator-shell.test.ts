import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleShell } from '../../src/facilitator/console/shell.ts';
import { FACILITATOR_KEYS } from '../../src/facilitator/persist.ts';
import type { Markup } from '../../src/ui/markup.ts';
import { axe, OUT, painted, serveGame, type Served } from './harness.ts';

// The facilitator console's shell (top bar, the set-up's title and introduction) comes with
// facilitator.html and paints before any script (the page's LCP); the console's code then takes
// over those same elements: nothing is drawn twice and nothing moves. Scripts are held back by
// the test until the shell has painted, so that order never depends on the machine's speed.

let served: Served;
const errors: string[] = [];

/** The text of every element of the shell's markup with the given tag, in order. */
function textsOf(tag: string, nodes: readonly (Markup | string)[] = consoleShell()): string[] {
  const text = (n: Markup | string): string => (typeof n === 'string' ? n : n.children.map(text).join(''));
  return nodes.flatMap((n) => (typeof n === 'string' ? [] : [...(n.tag === tag ? [text(n)] : []), ...textsOf(tag, n.children)]));
}
const TITLE = textsOf('h1')[0]!;
const INTRO = textsOf('p').find((t) => t.startsWith('Enter the team'))!;

beforeAll(async () => {
  served = await serveGame('dist-facilitator-shell');
}, 180_000);

afterAll(async () => {
  await served?.close();
});

/** Opens a facilitator page whose scripts (not the inline ones) wait until `release` is called. */
async function openHeld(context: BrowserContext, hash: string): Promise<{ page: Page; release: () => void }> {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${hash}: ${e.message}`));
  let release!: () => void;
  const released = new Promise<void>((done) => (release = done));
  await page.route(/\/assets\/[^/]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  // Every layout shift from the start, as the page's own observer would see it.
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: number[] };
    w.shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.shifts.push((e as PerformanceEntry & { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // Up to the response only: the shell is in the page itself, and the scripts it asks for once it has painted are held.
  await page.goto(`${served.url}facilitator.html?test-clock${hash}`, { waitUntil: 'commit' });
  await page.waitForSelector('#app > *', { state: 'attached' });
  return { page, release };
}

describe('the facilitator console paints its shell before its scripts', () => {
  it('serves the title and introduction in facilitator.html itself', async () => {
    const html = await (await fetch(`${served.url}facilitator.html`)).text();
    expect(html).toContain(`>${TITLE}</h1>`);
    expect(html).toContain(`>${INTRO}</p>`);
    expect(html).not.toContain('<!-- console shell -->');
  });

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]) {
    it(`at ${viewport.width}×${viewport.height} paints a German console's shell in German before its scripts, and nothing moves when they arrive`, async () => {
      const context = await served.browser.newContext({ viewport, locale: 'de-DE', reducedMotion: 'reduce' });
      try {
        const { page, release } = await openHeld(context, '#/console');
        await painted(page);
        expect(await page.evaluate(() => document.body.dataset.ready)).toBeUndefined();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
        expect(await page.getByRole('heading', { level: 1, name: 'Übung vorbereiten' }).isVisible()).toBe(true);
        expect(await page.locator('#fac-lang').inputValue()).toBe('de');
        const intro = page.locator('.fac-setup__head p');
        const painted_ = await intro.textContent();
        expect(painted_).toMatch(/^Tragen Sie das Team ein/);
        const before = await intro.boundingBox();
        const top = await page.locator('.fac-top').boundingBox();
        await page.screenshot({ path: `${OUT}/facilitator-shell-de-${viewport.width}x${viewport.height}-before-scripts.png` });
        release();
        await page.waitForSelector('body[data-ready="1"]');
        await page.getByRole('button', { name: 'Briefing öffnen' }).waitFor();
        await painted(page);
        await page.screenshot({ path: `${OUT}/facilitator-shell-de-${viewport.width}x${viewport.height}-after-scripts.png` });
        expect(await intro.textContent()).toBe(painted_);
        expect(await intro.boundingBox()).toEqual(before);
        expect(await page.locator('.fac-top').boundingBox()).toEqual(top);
        const shift = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts.reduce((a, b) => a + b, 0));
        expect(shift).toBeLessThan(0.005);
        expect((await axe(page)).serious).toEqual([]);
      } finally {
        await context.close();
      }
    }, 90_000);

    it(`at ${viewport.width}×${viewport.height} shows the shell without scripts, then takes it over without drawing it again or moving it`, async () => {
      const context = await served.browser.newContext({ viewport, reducedMotion: 'reduce' });
      try {
        const { page, release } = await openHeld(context, '#/console');
        await painted(page);
        expect(await page.evaluate(() => document.body.dataset.ready)).toBeUndefined();
        const intro = page.locator('.fac-setup__head p');
        await expect.poll(() => intro.isVisible()).toBe(true);
        expect(await intro.innerText()).toBe(INTRO);
        expect(await page.getByRole('heading', { level: 1, name: TITLE }).isVisible()).toBe(true);
        const before = await intro.boundingBox();
        expect(before!.y + before!.height).toBeLessThanOrEqual(viewport.height);
        await page.screenshot({ path: `${OUT}/facilitator-shell-${viewport.width}x${viewport.height}-before-scripts.png` });
        const shellAxe = await axe(page);
        expect(shellAxe.serious).toEqual([]);
        // Marks the painted elements: the console must keep these very nodes.
        await page.evaluate(() => {
          for (const el of document.querySelectorAll('.fac-top, .fac-setup__head p')) (el as HTMLElement).dataset.painted = '1';
        });

        release();
        await page.waitForSelector('body[data-ready="1"]');
        await page.getByRole('button', { name: 'Open the briefing' }).waitFor();
        await painted(page);
        await page.screenshot({ path: `${OUT}/facilitator-shell-${viewport.width}x${viewport.height}-after-scripts.png` });

        expect(await page.locator('.fac-top[data-painted]').count()).toBe(1);
        expect(await page.locator('.fac-setup__head p[data-painted]').count()).toBe(1);
        const body = await page.locator('body').innerText();
        expect(body.split(INTRO).length - 1).toBe(1);
        expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
        for (const selector of ['.fac-top', '.skip-link', '#main', '.fac-setup', '.brand', 'noscript']) {
          expect(await page.locator(selector).count(), selector).toBe(selector === 'noscript' ? 0 : 1);
        }
        // Nothing the page painted moved when the console arrived (a panel above it would push it down).
        expect(await intro.boundingBox()).toEqual(before);
        const shift = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts.reduce((a, b) => a + b, 0));
        expect(shift).toBeLessThan(0.005);

        // The shell's buttons are the console's now.
        await page.getByRole('button', { name: /^Shortcuts/ }).click();
        await expect.poll(() => page.locator('dialog[open]').count()).toBe(1);
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'Sessions' }).click();
        await expect.poll(() => page.locator('.fac-tab[aria-current="page"]').innerText()).toBe('Sessions');
        expect(await page.locator('.fac-setup').isVisible()).toBe(false);
        const consoleAxe = await axe(page);
        expect(consoleAxe.serious).toEqual([]);
      } finally {
        await context.close();
      }
    }, 90_000);
  }

  it('never shows the console’s shell in the presenter’s window', async () => {
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      const { page, release } = await openHeld(context, '#/presenter');
      await painted(page);
      expect(await page.locator('.fac-top').isVisible()).toBe(false);
      expect(await page.locator('.fac-setup__head p').isVisible()).toBe(false);
      release();
      await page.waitForSelector('body[data-ready="1"]');
      expect(await page.locator('.fac-top, .fac-setup').count()).toBe(0);
      expect(await page.locator('.pres').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('leaves the set-up’s title unpainted when reopened on an exercise past its set-up, until the console decides', async () => {
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      // Only the stage is read before the scripts; this stand-in is no valid session, so the console opens the set-up.
      await context.addInitScript((key) => localStorage.setItem(key, JSON.stringify({ stage: 'incident' })), FACILITATOR_KEYS.current);
      const { page, release } = await openHeld(context, '#/console');
      await painted(page);
      expect(await page.locator('.fac-top').isVisible()).toBe(true);
      expect(await page.getByRole('heading', { level: 1, name: TITLE }).isVisible()).toBe(false);
      release();
      await page.waitForSelector('body[data-ready="1"]');
      expect(await page.evaluate(() => document.body.dataset.stage)).toBe('setup');
      expect(await page.getByRole('heading', { level: 1, name: TITLE }).isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
