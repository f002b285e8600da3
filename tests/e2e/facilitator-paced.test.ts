import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText, unzipText } from '../unzip.ts';
import { advanceGameClock, bodyData, OUT, painted, openFacilitatorPage, presenterFitted, serveGame, type Served, consoleUrl, presenterUrl } from './harness.ts';

// A facilitator-paced workshop from set-up to the Word report: game time moves only by the
// facilitator's hand, the projector never shows scores unless asked, and the DOCX carries the
// report's sections with the findings as the facilitator edited them.

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];
let served: Served;
let context: BrowserContext;
let con: Page;
let pres: Page;
const errors: string[] = [];

beforeAll(async () => {
  served = await serveGame('dist-facilitator-paced');
  context = await served.browser.newContext({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true, reducedMotion: 'reduce' });
  // The test clock: real time moves only when the test says, so "nothing moves by itself" is shown, not waited for.
  con = await openFacilitatorPage(context, consoleUrl(served), 'console', errors);
  pres = await openFacilitatorPage(context, presenterUrl(served), 'presenter', errors);
}, 180_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await served?.close();
});

const caughtUp = (): Promise<void> => presenterFitted(con, pres);

describe('a facilitator-paced workshop', () => {
  it('runs by the facilitator’s hand: time passes only when asked, nothing applies by itself', async () => {
    await con.getByLabel('Team name').fill('Board of Aldermoor');
    await con.getByLabel('Scenario').selectOption('ransomware-manufacturer');
    expect(await con.getByLabel('Clock', { exact: true }).inputValue()).toBe('paced');
    await con.getByRole('button', { name: 'Open the briefing' }).click();
    await con.waitForSelector('body[data-stage="briefing"]');
    await con.getByRole('button', { name: /Start the incident/ }).click();
    await con.waitForSelector('body[data-stage="incident"]');
    await caughtUp();
    const clock = await pres.evaluate(() => document.body.dataset.clock);
    // Ten minutes of real time: a real-time clock would have moved; a paced one waits for the facilitator.
    await advanceGameClock(con, 600_000);
    await caughtUp();
    expect(await pres.evaluate(() => document.body.dataset.clock)).toBe(clock);
    await con.getByRole('button', { name: /Time passes \+30 min/ }).click();
    await caughtUp();
    expect(Number(await pres.evaluate(() => document.body.dataset.clock))).toBeGreaterThan(Number(clock));
    expect(await bodyData(con, 'decision')).toBe('open');
    for (const size of SIZES) {
      await pres.setViewportSize(size);
      await caughtUp();
      await painted(pres);
      await pres.screenshot({ path: `${OUT}/paced-presenter-${size.width}x${size.height}-decision.png` });
    }
  }, 90_000);

  it('plays to the end and shows a neutral slide, not the scores', async () => {
    for (let i = 0; i < 40 && (await bodyData(con, 'phase')) !== 'ended'; i++) {
      const rev = await bodyData(con, 'rev');
      const decision = await bodyData(con, 'decision');
      if (decision === 'recorded') await con.keyboard.press('r');
      else if (decision === 'revealed') await con.keyboard.press('n');
      else {
        for (let k = 1; k <= 5 && (await con.locator('.fac-option--selected').count()) === 0; k++) await con.keyboard.press(`Digit${k}`);
        await con.keyboard.press('c');
      }
      await con.waitForFunction((r) => document.body.dataset.rev !== r, rev, { timeout: 0 });
    }
    expect(await bodyData(con, 'phase')).toBe('ended');
    await con.keyboard.press('d');
    await con.getByRole('dialog').getByRole('button', { name: 'End and debrief' }).click();
    await con.waitForSelector('body[data-stage="debrief"]');
    await caughtUp();
    expect(await pres.locator('.pres__headline').innerText()).toBe('Exercise complete');
    expect(await pres.locator('.pres__scores').count()).toBe(0);
    await pres.setViewportSize({ width: 1280, height: 720 });
    await pres.screenshot({ path: `${OUT}/paced-presenter-1280x720-complete.png` });
  }, 240_000);

  it('edits the report and exports a Word file with its sections and the edited findings', async () => {
    await con.waitForSelector('.aar');
    const finding = con.locator('.fac-finding').first();
    const title = finding.getByLabel('Finding', { exact: true });
    await title.fill('The board decided within the hour who speaks to customers');
    await title.press('Tab');
    const rating = con.locator('.fac-report__ratings .fac-rating').first();
    const suggested = (await rating.locator('option').first().innerText()).replace('Game suggests ', '');
    await rating.locator('select').selectOption(suggested === 'U' ? 'S' : 'U');
    // Without a reason the report does not go out.
    await con.getByRole('button', { name: 'Word (DOCX)' }).click();
    await expect.poll(() => con.locator('.fac-message__text').innerText()).toContain('give the reason');
    await rating.getByLabel('Reason for the override').fill('The isolation call came from the night shift, not the board.');
    await con.getByLabel('Executive summary').fill('The board kept the plants running and told customers early.');
    await con.getByLabel('Hotwash and participant feedback').fill('Participants asked for a printed call tree.');
    await expect.poll(() => con.locator('.aar').innerText()).toContain('Participants asked for a printed call tree.');
    const [download] = await Promise.all([con.waitForEvent('download'), con.getByRole('button', { name: 'Word (DOCX)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^aar-board-of-aldermoor-\d{4}-\d\d-\d\d\.docx$/);
    const files = unzipText(readFileSync((await download.path())!));
    const body = docxText(files.get('word/document.xml')!);
    for (const section of ['After-Action Report / Improvement Plan', 'Executive summary', 'Exercise overview', 'Analysis of capabilities', 'Strengths', 'Areas for improvement', 'Participant feedback and hotwash', 'Improvement plan']) {
      expect(body).toContain(section);
    }
    expect(body).toContain('The board decided within the hour who speaks to customers');
    expect(body).toContain('The isolation call came from the night shift, not the board.');
    expect(body).toContain('The board kept the plants running and told customers early.');
    expect(body).toContain('Participants asked for a printed call tree.');
    expect(body).not.toContain('Seed');
    await con.setViewportSize({ width: 1600, height: 1000 });
    await con.screenshot({ path: `${OUT}/paced-console-report.png` });
    expect(errors).toEqual([]);
  }, 90_000);
});
