import type { Browser, Page } from 'playwright-core';
import { openIdleTab } from './idle-tab.ts';
import { FLUSH_LONG_TASKS, longestTaskUntil, MILESTONES_SCRIPT, type Milestones } from './milestones.ts';

// The way a player meets the war room: title, picker, briefing (read for a few seconds, while the
// page prepares the room's Phaser game, see src/ui/parts/prepare-room.ts), preparation, then
// "Start the incident". Measured from that click: the time to the room's first frame, and the
// longest main-thread task in between (the frame's own task included).

async function click(page: Page, selector: string, text?: string): Promise<void> {
  const found = await page.evaluate(
    `(() => { const el = [...document.querySelectorAll(${JSON.stringify(selector)})].find((e) => ${text ? `e.textContent.trim() === ${JSON.stringify(text)}` : 'true'}); if (el) el.click(); return !!el; })()`,
  );
  if (!found) throw new Error(`nothing to click: ${selector} ${text ?? ''}`);
}

const waitFor = (page: Page, expression: string): Promise<unknown> => page.waitForFunction(`!!(${expression})`, null, { timeout: 60_000 });
const hasButton = (text: string): string => `[...document.querySelectorAll('button')].some((b) => b.textContent.trim() === ${JSON.stringify(text)})`;

/** Reading time on the briefing: long enough for the page to fetch the room's code and boot its game when idle. */
const READING_MS = 4000;

export async function startFromBriefing(browser: Browser, url: string, scenarioId: string): Promise<{ frameMs: number; longestTaskMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(MILESTONES_SCRIPT);
  const page = await openIdleTab(context);
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]');
  await click(page, 'button', 'Choose a scenario');
  await waitFor(page, `document.querySelector('[data-scenario="${scenarioId}"] .card__choose')`);
  await click(page, `[data-scenario="${scenarioId}"] .card__choose`);
  await click(page, 'button', 'Open the briefing');
  await waitFor(page, hasButton('Go to preparation'));
  await page.waitForTimeout(READING_MS);
  await click(page, 'button', 'Go to preparation');
  await waitFor(page, hasButton('Start the incident'));
  await page.waitForTimeout(500);
  const clicked = (await page.evaluate(`(() => { const b = [...document.querySelectorAll('button')].find((e) => e.textContent.trim() === 'Start the incident'); const t = performance.now(); b.click(); return t; })()`)) as number;
  await waitFor(page, `window.__milestones.frame !== null`);
  await page.evaluate(FLUSH_LONG_TASKS);
  const m = (await page.evaluate('window.__milestones')) as Milestones;
  await context.close();
  const since = { ...m, longTasks: m.longTasks.filter(([start, duration]) => start + duration >= clicked) };
  return { frameMs: m.frame! - clicked, longestTaskMs: longestTaskUntil(since, m.frame!) };
}
