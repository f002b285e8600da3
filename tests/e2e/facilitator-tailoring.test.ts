import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText, unzipText } from '../unzip.ts';
import { bodyData, OUT, openFacilitatorPage, painted, presenterFitted, serveGame, type Served } from './harness.ts';

// Tailoring for a client in the browser: the console opens a scenario YAML file from disk (a bad
// one first, which shows located problems and changes nothing), the facilitator gives it the
// client's company name, currency and people, and the presenter and the exported report say them.

const FILE = 'payments-friday-night.yaml';
let served: Served;
let context: BrowserContext;
let con: Page;
let pres: Page;
const errors: string[] = [];

beforeAll(async () => {
  served = await serveGame('dist-facilitator-tailoring');
  context = await served.browser.newContext({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true, reducedMotion: 'reduce' });
  con = await openFacilitatorPage(context, `${served.url}facilitator.html#/console`, 'console', errors);
  pres = await openFacilitatorPage(context, `${served.url}facilitator.html#/presenter`, 'presenter', errors);
}, 180_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await served?.close();
});

const caughtUp = (): Promise<void> => presenterFitted(con, pres);

/** The shipped scenario as the client's own file: another id and title, so it is told apart. */
function clientFile(): string {
  return served.scenarioTexts.get(FILE)!.replace(/^id: .*$/m, 'id: client-friday').replace(/^title: .*$/m, 'title: Friday night at the client');
}

describe('a scenario file opened and tailored in the console', () => {
  it('shows a bad file’s problems with line, column and field, and keeps the exercise as it was', async () => {
    await con.getByLabel('Team name').fill('Board of Acme');
    const before = await con.getByLabel('Scenario').inputValue();
    const lines = clientFile().split('\n');
    const at = lines.findIndex((l) => l.startsWith('playMinutes:'));
    lines[at] = 'playMinutes: lots';
    const input = con.locator('input[type="file"]');
    await input.setInputFiles({ name: 'client-bad.yaml', mimeType: 'application/yaml', buffer: Buffer.from(lines.join('\n')) });
    const problems = con.locator('.fac-file-problems');
    await expect.poll(() => problems.innerText(), { timeout: 30_000 }).toContain('client-bad.yaml was not opened');
    expect(await problems.innerText()).toContain(`client-bad.yaml, line ${at + 1}, column 14, field playMinutes: expected a number, found text "lots"`);
    expect(await con.getByLabel('Scenario').inputValue()).toBe(before);
    expect(await con.getByLabel('Team name').inputValue()).toBe('Board of Acme');
  }, 60_000);

  it('opens a good file, tailors it for the client and shows the names on the projector', async () => {
    await con.locator('input[type="file"]').setInputFiles({ name: 'client.yaml', mimeType: 'application/yaml', buffer: Buffer.from(clientFile()) });
    await expect.poll(() => con.getByLabel('Scenario').locator('option:checked').innerText(), { timeout: 30_000 }).toBe('Friday night at the client (from client.yaml)');
    expect(await con.locator('.fac-file-problems').innerText()).toBe('');

    await con.getByLabel('Company name').fill('Acme Bistro Group');
    await con.getByLabel('Currency').selectOption('USD');
    const person = con.locator('.fac-tailor__people input').first();
    const oldName = (await person.getAttribute('placeholder'))!;
    await person.fill('Grace Obi');
    await con.setViewportSize({ width: 1280, height: 900 });
    await con.locator('.fac-setup__tailor').scrollIntoViewIfNeeded();
    await con.screenshot({ path: `${OUT}/tailoring-console-setup.png`, fullPage: true });

    await con.getByRole('button', { name: 'Open the briefing' }).click();
    await con.waitForSelector('body[data-stage="briefing"]');
    await pres.setViewportSize({ width: 1024, height: 768 });
    await caughtUp();
    const slide = await pres.locator('.pres').innerText();
    expect(slide).toContain('Acme Bistro Group');
    expect(slide).toContain('Friday night at the client');
    expect(slide).toMatch(/US\$|\$\d/);
    expect(slide).not.toContain('€');
    await pres.screenshot({ path: `${OUT}/tailoring-presenter-1024x768-briefing-company.png` });
    await con.getByRole('button', { name: 'Stakes and preparation' }).click();
    await caughtUp();
    await pres.screenshot({ path: `${OUT}/tailoring-presenter-1024x768-briefing-preparation.png` });
    const preparation = await pres.locator('.pres').innerText();
    expect(preparation).toMatch(/\$/);
    // The amount the author wrote into the text is said in the client's currency too.
    expect(preparation).toContain('capped at 100 dollars per payment');
    expect(preparation).not.toMatch(/\beuros?\b/i);

    await con.getByRole('button', { name: /Start the incident/ }).click();
    await con.waitForSelector('body[data-stage="incident"]');
    await caughtUp();
    // The war room draws the renamed people; their names reach the canvas through the tailored scenario.
    const names = await pres.evaluate(() => document.querySelector('.pres')?.textContent ?? '');
    expect(names).not.toContain(oldName);
    // The picture is of the room once drawn: a condition, not a guess at how long drawing takes.
    await pres.waitForFunction(() => document.body.dataset.warRoomFrame === '1', null, { timeout: 60_000 });
    await painted(pres);
    await pres.screenshot({ path: `${OUT}/tailoring-presenter-1024x768-incident.png` });
  }, 90_000);

  it('exports a report that names the client, its currency and its people', async () => {
    await con.keyboard.press('d');
    await con.getByRole('dialog').getByRole('button', { name: 'End and debrief' }).click();
    await con.waitForSelector('body[data-stage="debrief"]');
    await con.waitForSelector('.aar');
    const [md] = await Promise.all([con.waitForEvent('download'), con.getByRole('button', { name: 'Markdown' }).click()]);
    const markdown = readFileSync((await md.path())!, 'utf8');
    expect(markdown).toContain('Acme Bistro Group');
    expect(markdown).toContain('Friday night at the client');
    const [docx] = await Promise.all([con.waitForEvent('download'), con.getByRole('button', { name: 'Word (DOCX)' }).click()]);
    const body = docxText(unzipText(readFileSync((await docx.path())!)).get('word/document.xml')!);
    expect(body).toContain('Acme Bistro Group');
    const printed = await con.locator('.aar').innerText();
    expect(printed).toContain('Acme Bistro Group');
    expect(errors).toEqual([]);
  }, 90_000);

  it('keeps the opened file and the tailoring after a reload', async () => {
    await con.reload();
    await con.waitForSelector('body[data-ready="1"]');
    expect(await con.locator('.aar').innerText()).toContain('Acme Bistro Group');
  }, 60_000);
});
