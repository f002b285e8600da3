import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceGameClock, axe, bodyData, OUT, openFacilitatorPage, painted, serveGame, type AxeSummary, type Served, consoleUrl, presenterUrl } from './harness.ts';

// Facilitator mode end to end: the console and the presenter as two pages of one browser
// context, against `vite build` + `vite preview`. The console steers; the presenter follows.
// The console runs on the test clock (`?test-clock`): its real-time game clock moves only when
// the test advances it, so nothing here waits on wall time.

const SCENARIO = 'ransomware-manufacturer';
let served: Served;
let context: BrowserContext;
let con: Page;
let pres: Page;
const errors: string[] = [];
const axeResults: Record<string, AxeSummary> = {};

/** Runs axe-core on both windows and keeps the results for the last test. */
async function checkA11y(name: string): Promise<void> {
  axeResults[`console ${name}`] = await axe(con);
  axeResults[`presenter ${name}`] = await axe(pres);
}

beforeAll(async () => {
  served = await serveGame('dist-facilitator');
  context = await served.browser.newContext({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true, reducedMotion: 'reduce' });
}, 180_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await served?.close();
});


const open = (url: string, name: string): Promise<Page> => openFacilitatorPage(context, url, name, errors);

const presClock = async (): Promise<number> => Number(await bodyData(pres, 'clock'));
const text = (page: Page, selector: string): Promise<string> => page.locator(selector).first().innerText();

/** Waits until the presenter shows the console's current revision (the test's own budget bounds it: a starved presenter can take more than 10 s). */
async function presenterCaughtUp(): Promise<void> {
  const rev = await bodyData(con, 'rev');
  await pres.waitForFunction((r) => document.body.dataset.rev === r, rev, { timeout: 0 });
}

async function key(k: string): Promise<void> {
  await con.keyboard.press(k);
}

async function shoot(page: Page, name: string, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  // The war room re-lays itself out after a resize: wait until that is drawn.
  await painted(page);
  await page.screenshot({ path: `${OUT}/facilitator-${size.width}x${size.height}-${name}.png` });
}

async function shootBoth(name: string): Promise<void> {
  await presenterCaughtUp();
  for (const size of [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }]) {
    await shoot(con, `console-${name}`, size);
    await shoot(pres, `presenter-${name}`, size);
  }
  // Projectors also run at 1024x768 (issue 10): the presenter's graphic stacks its panels there.
  await shoot(pres, `presenter-${name}`, { width: 1024, height: 768 });
  await con.setViewportSize({ width: 1920, height: 1080 });
  await pres.setViewportSize({ width: 1920, height: 1080 });
}

/** Moves the exercise on by one decision: reveal or continue if a choice waits, else pick `n`. */
async function step(n = 1): Promise<void> {
  const decision = await bodyData(con, 'decision');
  if (decision === 'recorded') return key('r');
  if (decision === 'revealed') return key('n');
  await key(`Digit${n}`);
  // An unavailable option cannot be marked; fall back to the next one.
  for (let k = n; k <= 5; k++) {
    if ((await con.locator('.fac-option--selected').count()) > 0) break;
    await key(`Digit${k}`);
  }
  await key('c');
}

describe('facilitator mode', () => {
  it('sets up a team on the console while the presenter waits', async () => {
    con = await open(consoleUrl(served), 'console');
    pres = await open(presenterUrl(served), 'presenter');
    await con.getByLabel('Facilitator').fill('Sam Rivera');
    await con.getByLabel('Team name').fill('Blue team');
    await con.getByLabel('Scenario').selectOption(SCENARIO);
    // A fixed seed keeps the run (and so the game's suggested ratings) the same every time.
    await con.getByLabel('Seed').fill('4242');
    await con.getByLabel('Seed').press('Tab');
    // This run exercises the real-time clock (pause, speed); the paced default has its own test.
    await con.getByLabel('Clock', { exact: true }).selectOption('realtime');
    for (const [name, role] of [['Helena Marsh', 'ceo'], ['Priya Shah', 'cio'], ['Tom Berg', 'coo'], ['Ana Ruiz', 'comms']] as const) {
      await con.getByPlaceholder('Name').fill(name);
      await con.locator('.fac-add-person select').selectOption(role);
      await con.getByRole('button', { name: 'Add participant' }).click();
    }
    await expect.poll(() => con.locator('.fac-person').count()).toBe(4);
    await presenterCaughtUp();
    expect(await text(pres, '.pres__card')).toContain('Welcome, Blue team');
    await shootBoth('01-setup');
    await checkA11y('set-up');
  }, 180_000); // a backstop: opening both windows and running axe on a starved machine takes long

  it('opens the briefing and the presenter follows', async () => {
    await con.getByRole('button', { name: 'Open the briefing' }).click();
    await con.waitForSelector('body[data-stage="briefing"]');
    await con.locator('.fac-measure input').first().check();
    await presenterCaughtUp();
    expect(await pres.evaluate(() => document.querySelector('.pres')?.getAttribute('data-stage'))).toBe('briefing');
    expect(await pres.locator('.pres__measure--bought').count()).toBe(1);
    await shootBoth('02-briefing');
  }, 60_000);

  it('starts the incident with Space; the presenter shows the decision and who is on the spot', async () => {
    await con.locator('#main').focus();
    await key('Space');
    await con.waitForSelector('body[data-stage="incident"]');
    await presenterCaughtUp();
    expect(await text(pres, '.pres__prompt')).toBe(await text(con, '.fac-decision__prompt'));
    await pres.waitForSelector('.pres[data-room="on"]', { timeout: 30_000 });
    await pres.waitForFunction(() => document.body.dataset.warRoomFrame === '1', null, { timeout: 30_000 });
    // Facilitator-only material is on the console and never on the projector.
    const privateText = await text(con, '.fac-private');
    expect(privateText.length).toBeGreaterThan(20);
    expect(await pres.locator('body').innerText()).not.toContain(privateText.split('\n')[1]!.slice(0, 40));
  }, 60_000);

  it('pauses and holds the clock, and runs it again on resume', async () => {
    const start = await presClock();
    await key('s'); // 2×
    await key('s'); // 4×: a game minute every 0.5 s
    // The pace keeps a decision open long enough to discuss; half a minute of real time moves it on.
    await advanceGameClock(con, 30_000);
    await presenterCaughtUp();
    expect(await presClock()).toBeGreaterThan(start);
    await key('Space');
    await con.waitForSelector('.fac-runstate--held');
    await presenterCaughtUp();
    const held = await presClock();
    // A running clock would move 120 game minutes in this minute; a held one stays.
    await advanceGameClock(con, 60_000);
    await presenterCaughtUp();
    expect(await presClock()).toBe(held);
    expect(await text(pres, '.pres__badge')).toMatch(/paused/i);
    await key('Space');
    await advanceGameClock(con, 30_000);
    await presenterCaughtUp();
    expect(await presClock()).toBeGreaterThan(held);
    await key('Space');
    await key('s'); // back to 1×
  }, 60_000);

  it('counts votes, records the team’s choice, and reveals the consequences only when asked', async () => {
    await key('Shift+Digit1');
    await key('Shift+Digit1');
    await key('Shift+Digit1');
    await key('Shift+Digit2');
    await presenterCaughtUp();
    expect(await pres.locator('.pres__tally-n').allInnerTexts()).toEqual(expect.arrayContaining(['3 votes', '1 vote']));
    await shootBoth('03-votes');
    await checkA11y('decision');
    await key('Digit1');
    const chosen = await text(con, '.fac-option--selected .fac-option__label');
    await key('c');
    await con.waitForSelector('body[data-decision="recorded"]');
    await presenterCaughtUp();
    expect(await text(pres, '.pres__chosen')).toBe(chosen);
    const hidden = await text(con, '.fac-private'); // "What will be revealed": the outcome, console only
    const outcome = hidden.split('\n').slice(1).join(' ').replace(/^.*?: /, '').slice(0, 60);
    expect(await pres.locator('body').innerText()).not.toContain(outcome);
    await shootBoth('04-recorded');
    await key('r');
    await con.waitForSelector('body[data-decision="revealed"]');
    await presenterCaughtUp();
    expect(await text(pres, '.pres__outcome')).toContain(outcome);
    await shootBoth('05-revealed');
    await key('n');
    await con.waitForSelector('body[data-decision="open"]');
    await presenterCaughtUp();
  }, 240_000); // a backstop: eight screenshots and two axe runs on a starved machine

  it('takes timestamped notes tied to objectives', async () => {
    await key('o');
    await con.getByLabel('Note', { exact: true }).fill('The CIO isolated the network within minutes; nobody wrote down the time.');
    await con.locator('.fac-note-form select').first().selectOption({ index: 1 });
    await con.locator('.fac-note-form select').nth(1).selectOption('strength');
    await con.keyboard.press('Control+Enter');
    await con.getByLabel('Note', { exact: true }).fill('Nobody owned the message to staff before the morning shift.');
    await con.locator('.fac-note-form select').first().selectOption({ index: 3 });
    await con.locator('.fac-note-form select').nth(1).selectOption('improvement');
    await con.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => con.locator('.fac-note').count()).toBe(2);
    expect(await text(con, '.fac-note__head')).toMatch(/^\d\d:\d\d · T\+\d+:\d\d · /);
  }, 30_000);

  it('resumes exactly where it was when either window reloads mid-run', async () => {
    await con.locator('#main').focus();
    await step();
    await con.waitForSelector('body[data-decision="recorded"]');
    await presenterCaughtUp();
    const before = { rev: await bodyData(con, 'rev'), chosen: await text(pres, '.pres__chosen') };
    await pres.reload();
    await pres.waitForSelector('body[data-ready="1"]');
    await presenterCaughtUp();
    expect(await text(pres, '.pres__chosen')).toBe(before.chosen);

    await con.reload();
    await con.waitForSelector('body[data-ready="1"]');
    expect(await bodyData(con, 'rev')).toBe(before.rev);
    expect(await bodyData(con, 'decision')).toBe('recorded');
    expect(await con.locator('.fac-note').count()).toBe(2);
    await presenterCaughtUp();
    expect(await text(pres, '.pres__chosen')).toBe(before.chosen);
    await con.locator('#main').focus();
    await key('r');
    await key('n');
    await con.waitForSelector('body[data-decision="open"]');
  }, 60_000);

  it('undoes the last choice: the presenter goes back to the decision and the record keeps it', async () => {
    const prompt = await text(con, '.fac-decision__prompt');
    await step(2);
    await con.waitForSelector('body[data-decision="recorded"]');
    await key('u');
    await con.waitForSelector('body[data-decision="open"]');
    await presenterCaughtUp();
    expect(await text(pres, '.pres__prompt')).toBe(prompt);
    expect(await pres.locator('.pres__chosen').count()).toBe(0);
  }, 30_000);

  it('plays on to the ending from the console, with the presenter following', async () => {
    for (let i = 0; i < 80; i++) {
      const phase = await bodyData(con, 'phase');
      const decision = await bodyData(con, 'decision');
      if (phase === 'ended' && decision === 'open') break;
      const rev = await bodyData(con, 'rev');
      await step(1 + (i % 2));
      await con.waitForFunction((r) => document.body.dataset.rev !== r, rev, { timeout: 0 });
      if (i === 6) await shootBoth('06-later');
    }
    expect(await bodyData(con, 'phase')).toBe('ended');
    await presenterCaughtUp();
    expect(await pres.locator('.pres__outcome-badge').count()).toBe(1);
  }, 240_000);

  it('rates objectives, plans corrective actions, and ends into the debrief', async () => {
    // Scores reach the projector only when the facilitator chooses to show them.
    await con.getByLabel('Show scores and verdict at the end').check();
    await con.locator('#main').focus();
    await key('d');
    await con.getByRole('dialog').getByRole('button', { name: 'End and debrief' }).click();
    await con.waitForSelector('body[data-stage="debrief"]');
    await con.waitForSelector('.aar');
    await presenterCaughtUp();
    expect(await pres.locator('.pres__scores dd').count()).toBe(4);

    const first = con.locator('.fac-report__ratings .fac-rating').first();
    const suggested = (await first.locator('option').first().innerText()).replace('Game suggests ', '');
    const override = suggested === 'U' ? 'S' : 'U';
    await first.locator('select').selectOption(override);
    await first.getByLabel('Reason for the override').fill('The isolation was decided by the night shift, not the room.');
    await con.getByRole('button', { name: /^Plan an action for/ }).first().click();
    const action = con.locator('.fac-action').last();
    await action.getByLabel('Corrective action', { exact: true }).fill('Write a one-page isolation runbook and rehearse it each quarter');
    await action.getByLabel('Point of contact', { exact: true }).fill('Priya Shah');
    await action.getByLabel('Completion', { exact: true }).fill('2030-06-30');
    await expect.poll(() => text(con, '.aar')).toContain('2030-06-30');
    const doc = await text(con, '.aar');
    expect(doc).toContain('The CIO isolated the network within minutes');
    expect(doc).toContain('Nobody owned the message to staff');
    expect(doc).toContain('Write a one-page isolation runbook');
    expect(doc).toContain('Priya Shah');
    expect(doc).toContain('2030-06-30');
    expect(doc).toContain('Reason: The isolation was decided by the night shift, not the room.');
    await con.evaluate(() => window.scrollTo(0, 0));
    await shootBoth('07-debrief');
    await checkA11y('debrief');
    await con.getByRole('button', { name: 'Sessions' }).click();
    await con.waitForSelector('.fac-table');
    await shoot(con, 'console-08-sessions', { width: 1280, height: 720 });
    axeResults['console sessions'] = await axe(con);
    // A session file round trip: what is already here is skipped, a broken file is explained.
    const [file] = await Promise.all([con.waitForEvent('download'), con.getByRole('button', { name: 'Export Blue team as a file' }).click()]);
    await con.locator('#fac-import-file').setInputFiles((await file.path())!);
    await expect.poll(() => text(con, '.fac-import-results')).toContain('already in your history, skipped');
    await con.locator('#fac-import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"war-room.sessions","version":1,"sessions":[{"format":"war-room.facilitator-session"}]}') });
    await expect.poll(() => text(con, '.fac-import-results')).toMatch(/session 1: \w+: /);
    expect(await con.locator('.fac-table tbody tr').count()).toBe(1);
    await con.setViewportSize({ width: 1920, height: 1080 });
    await con.getByRole('button', { name: 'Report' }).click();
    await con.waitForSelector('.aar');
  }, 60_000);

  it('exports the report as Markdown and CSV with what was entered', async () => {
    const [md] = await Promise.all([con.waitForEvent('download'), con.getByRole('button', { name: 'Markdown' }).click()]);
    const markdown = readFileSync((await md.path())!, 'utf8');
    expect(markdown).toContain('**After-Action Report / Improvement Plan**');
    expect(markdown).toContain('| Write a one-page isolation runbook and rehearse it each quarter | ');
    expect(markdown).toContain('| Priya Shah |  | 2030-06-30 | not started |');
    expect(markdown).toContain("Evaluator's rating");
    expect(markdown).toContain('The CIO isolated the network within minutes');
    const [csv] = await Promise.all([con.waitForEvent('download'), con.getByRole('button', { name: 'CSV: notes' }).click()]);
    const rows = readFileSync((await csv.path())!, 'utf8').trim().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toBe('taken_at,game_time,beat,kind,objective,note');
  }, 30_000);

  it('still works offline once the service worker is active', async () => {
    await con.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await con.reload();
    await con.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15_000 });
    await pres.reload();
    await pres.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15_000 });
    // Installable: Chromium's own check finds nothing wrong but the test profile being private.
    const cdp = await context.newCDPSession(con);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
    await cdp.detach();
    const rev = await bodyData(con, 'rev');
    await context.setOffline(true);
    try {
      await con.reload();
      await con.waitForSelector('body[data-ready="1"]');
      const notices = await con.locator('.fac-message__text').allInnerTexts();
      const seen = { rev: await bodyData(con, 'rev'), notices };
      if (seen.rev !== rev) {
        console.log('offline reload diagnostics', con.url(), await con.title(), await con.evaluate(() => (localStorage.getItem('war-room.facilitator.current') ?? 'none').slice(0, 300)));
      }
      expect(seen).toEqual({ rev, notices: [] });
      expect(await text(con, '.aar')).toContain('Write a one-page isolation runbook');
      await pres.reload();
      await pres.waitForSelector('body[data-ready="1"]');
      await presenterCaughtUp();
      expect(await pres.locator('.pres__scores dd').count()).toBe(4);
      await pres.waitForFunction(() => document.body.dataset.warRoomFrame === '1', null, { timeout: 30_000 });
    } finally {
      await context.setOffline(false);
    }
  }, 90_000);

  it('raised no page errors and no accessibility violations of any impact', () => {
    expect(errors).toEqual([]);
    const serious = Object.entries(axeResults).flatMap(([where, r]) => r.serious.map((v) => `${where}: ${v.id} (${v.help}) at ${v.targets.join(', ')}`));
    expect(serious).toEqual([]);
    // Moderate and minor ones too (the debrief's two "Improvement plan" landmarks were one).
    const found = Object.entries(axeResults).flatMap(([where, r]) => {
      const nonZero = Object.entries(r.counts).filter(([, n]) => n > 0);
      return nonZero.length ? [`${where}: ${nonZero.map(([impact, n]) => `${n} ${impact}`).join(', ')}`] : [];
    });
    expect(found).toEqual([]);
  });
});
