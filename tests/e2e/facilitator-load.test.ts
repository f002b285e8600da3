import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyData, OUT, painted, serveGame, type Served } from './harness.ts';

// Facilitator mode shows its pages from the small scenario catalogue: the console downloads the
// scenario it opens on and each other one when the facilitator chooses it, the presenter the one
// its frame names; the service worker's precache serves any of them offline. Requests are counted
// as the pages make them (Chromium's own), against `vite build` + `vite preview`.

const CHOSEN = 'dns-cdn-outage';
const OFFLINE_CHOICE = 'invoice-fraud';
let served: Served;
let context: BrowserContext;
const errors: string[] = [];

interface Card {
  scenario: { id: string; title: string; summary: string } | null;
}

beforeAll(async () => {
  served = await serveGame('dist-facilitator-load');
  context = await served.browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
}, 180_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await served?.close();
});

/** Opens a facilitator page, recording the scenario data files (not the catalogue) it asks for. */
async function openCounting(ctx: BrowserContext, hash: string, name: string): Promise<{ page: Page; asked: string[] }> {
  const page = await ctx.newPage();
  const asked: string[] = [];
  page.on('request', (r) => {
    const file = new URL(r.url()).pathname.split('/').pop() ?? '';
    if (/^scenario-.+\.json$/.test(file)) asked.push(file);
  });
  page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
  await page.goto(`${served.url}facilitator.html?test-clock${hash}`);
  await page.waitForSelector('body[data-ready="1"]');
  return { page, asked };
}

async function cards(page: Page): Promise<Card[]> {
  const url = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="preload"][as="fetch"]')?.href ?? '');
  expect(url).toMatch(/scenarios-.+\.json$/);
  return (await (await page.request.get(url)).json()) as Card[];
}

const titleOf = (all: Card[], id: string): string => all.find((c) => c.scenario?.id === id)!.scenario!.title;
const summaryOf = (all: Card[], id: string): string => all.find((c) => c.scenario?.id === id)!.scenario!.summary;

describe('facilitator mode loads scenarios when they are needed', () => {
  let con: Page;
  let conAsked: string[];

  it('shows every scenario in the console having downloaded only the one it opens on', async () => {
    ({ page: con, asked: conAsked } = await openCounting(context, '#/console', 'console'));
    const all = await cards(con);
    const shipped = all.filter((c) => c.scenario).length;
    expect(shipped).toBeGreaterThanOrEqual(12);
    expect(await con.getByLabel('Scenario').locator('option').count()).toBe(shipped);
    const opening = await con.getByLabel('Scenario').inputValue();
    expect(conAsked).toHaveLength(1);
    expect(conAsked[0]).toMatch(new RegExp(`^scenario-${opening}-[0-9a-f]+\\.json$`));
    await expect.poll(() => con.locator('.fac-about').innerText()).toContain(summaryOf(all, opening));
  }, 60_000);

  it('downloads a scenario chosen in the console once, and runs it with the presenter following', async () => {
    const all = await cards(con);
    const { page: pres, asked: presAsked } = await openCounting(context, '#/presenter', 'presenter');
    await con.getByLabel('Team name').fill('Blue team');
    await con.getByLabel('Scenario').selectOption(CHOSEN);
    await expect.poll(() => con.locator('.fac-about').innerText()).toContain(summaryOf(all, CHOSEN));
    expect(conAsked.filter((f) => f.startsWith(`scenario-${CHOSEN}-`))).toHaveLength(1);
    expect(conAsked).toHaveLength(2);
    await con.getByRole('button', { name: 'Open the briefing' }).click();
    await con.waitForSelector('body[data-stage="briefing"]');
    await con.locator('#main').focus();
    await con.keyboard.press('Space');
    await con.waitForSelector('body[data-stage="incident"]');
    // The presenter shows the running scenario under its own title, its data fetched for the frame.
    const rev = await bodyData(con, 'rev');
    await pres.waitForFunction((r) => document.body.dataset.rev === r, rev, { timeout: 10_000 });
    await expect.poll(() => pres.locator('.pres__title').innerText()).toBe(titleOf(all, CHOSEN));
    expect(await pres.locator('.pres__prompt').innerText()).toBe(await con.locator('.fac-decision__prompt').innerText());
    // Each scenario a frame named, once: the one the console opened on, then the chosen one.
    expect(presAsked.filter((f) => f.startsWith(`scenario-${CHOSEN}-`))).toHaveLength(1);
    expect(new Set(presAsked).size).toBe(presAsked.length);
    expect(presAsked.every((f) => conAsked.includes(f))).toBe(true);
    for (const [page, name] of [[con, 'console'], [pres, 'presenter']] as const) {
      await painted(page);
      await page.screenshot({ path: `${OUT}/facilitator-load-${name}-incident.png` });
    }
    await pres.close();
  }, 90_000);

  it('starts a scenario it never downloaded while offline, from the service worker', async () => {
    const offline = await served.browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    try {
      const { page, asked } = await openCounting(offline, '#/console', 'offline console');
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.reload();
      await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15_000 });
      await page.waitForSelector('body[data-ready="1"]');
      const all = await cards(page);
      expect(asked.some((f) => f.startsWith(`scenario-${OFFLINE_CHOICE}-`))).toBe(false);
      await offline.setOffline(true);
      await page.getByLabel('Team name').fill('Night shift');
      await page.getByLabel('Scenario').selectOption(OFFLINE_CHOICE);
      await expect.poll(() => page.locator('.fac-about').innerText()).toContain(summaryOf(all, OFFLINE_CHOICE));
      expect(await page.locator('.fac-message__text').allInnerTexts()).toEqual([]);
      await page.getByRole('button', { name: 'Open the briefing' }).click();
      await page.waitForSelector('body[data-stage="briefing"]');
      expect(asked.filter((f) => f.startsWith(`scenario-${OFFLINE_CHOICE}-`))).toHaveLength(1);
      // The running exercise's screen is a chunk of its own, fetched now: offline, from the precache.
      await page.getByRole('heading', { name: 'Running the exercise' }).waitFor({ state: 'attached' });
      expect(await page.locator('.fac-waiting').count()).toBe(0);
    } finally {
      await offline.close();
    }
  }, 90_000);

  it('fetches the screens it does not open on (the exercise, the report, the history) only when one is first shown', async () => {
    // A fresh browser profile: the tests above left an exercise running, which a console resumes on.
    const fresh = await served.browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = await fresh.newPage();
    const later: string[] = [];
    page.on('request', (r) => {
      if (/\/later-screens-[^/]+\.js$/.test(new URL(r.url()).pathname)) later.push(r.url());
    });
    page.on('pageerror', (e) => errors.push(`console (later screens): ${e.message}`));
    await page.goto(`${served.url}facilitator.html?test-clock#/console`);
    await page.waitForSelector('body[data-ready="1"]');
    await page.getByLabel('Team name').waitFor();
    expect(later).toEqual([]);
    await page.getByRole('button', { name: 'Sessions', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sessions', exact: true }).waitFor();
    expect(later).toHaveLength(1);
    // One chunk holds them all: the report comes without another request.
    await page.getByRole('button', { name: 'Report', exact: true }).click();
    await page.locator('.fac-report').waitFor();
    expect(later).toHaveLength(1);
    await fresh.close();
  }, 60_000);

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
