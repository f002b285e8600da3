import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, bodyData, OUT, openFacilitatorPage, painted, presenterFitted, serveGame, type AxeSummary, type Served, consoleUrl, presenterUrl } from './harness.ts';

// A workshop in German: a browser whose language is German opens the console in German, the
// presenter follows the console's language, and the chosen scenario runs on its German text.
// Checked by looking (screenshots), by axe, and by measuring that no button's words overflow it at
// 1280×720 and 390×844 on the console and at 1920×1080 on the projector.

const SCENARIO = 'ransomware-manufacturer';
const GERMAN_TITLE = 'Erpresserbriefe in der Nachtschicht';
const GERMAN_PROMPT = 'Was sagen Sie dem Schichtleiter und Ihrem IT-Partner jetzt?';
const GERMAN_SUMMARY = 'In den frühen Stunden eines Sonntags verschlüsselt Ransomware die Bürosysteme';
/** A scenario with no German: its card stays English, and says so. */
const ENGLISH_ONLY = { id: 'ai-assistant-leak', title: 'The assistant that said too much' };
let served: Served;
let context: BrowserContext;
let con: Page;
let pres: Page;
const errors: string[] = [];
const axeResults: Record<string, AxeSummary> = {};

beforeAll(async () => {
  served = await serveGame('dist-facilitator-german');
  // A German browser, nothing remembered: the console starts in German by itself.
  context = await served.browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'de-DE', reducedMotion: 'reduce' });
}, 180_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await served?.close();
});

// Text as written (innerText would follow the style sheet's capitals).
const text = async (page: Page, selector: string): Promise<string> => (await page.locator(selector).first().textContent()) ?? '';
const htmlLang = (page: Page): Promise<string> => page.evaluate(() => document.documentElement.lang);

/** Buttons (and button-like labels) whose words do not fit inside them, as "text: scrollWidth > clientWidth". */
function overflowingButtons(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, .btn, select')]
      .filter((b) => b.offsetParent !== null && !b.closest('dialog:not([open])'))
      .filter((b) => b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1)
      .map((b) => `${(b.textContent ?? '').trim().slice(0, 60)}: ${b.scrollWidth}x${b.scrollHeight} > ${b.clientWidth}x${b.clientHeight}`),
  );
}

/** Does the page scroll sideways? (Something too wide for the screen.) */
const pageWider = (page: Page): Promise<boolean> => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);

/** The presenter's fitted boxes that still overflow (the fit must leave none). */
function presenterOverflows(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.pres__card, .pres__left, .pres__top, .pres__inject, .pres__spot, .pres__option-label, .pres__badge, .pres__headline')]
      .filter((b) => b.offsetParent !== null && (b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1))
      .map((b) => `${b.className}: ${b.scrollWidth}x${b.scrollHeight} > ${b.clientWidth}x${b.clientHeight}`),
  );
}

async function presenterCaughtUp(): Promise<void> {
  await presenterFitted(con, pres);
}

/** Screenshots and overflow checks of the console at the two sizes the issue names, then back to 1280×720. */
async function checkConsole(name: string): Promise<void> {
  for (const size of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
    await con.setViewportSize(size);
    await painted(con);
    await con.screenshot({ path: `${OUT}/german-console-${size.width}x${size.height}-${name}.png` });
    expect(await overflowingButtons(con), `console ${name} at ${size.width}×${size.height}`).toEqual([]);
    expect(await pageWider(con), `console ${name} wider than ${size.width}`).toBe(false);
  }
  await con.setViewportSize({ width: 1280, height: 720 });
}

async function checkPresenter(name: string): Promise<void> {
  await presenterCaughtUp();
  await pres.setViewportSize({ width: 1920, height: 1080 });
  await painted(pres);
  await presenterCaughtUp();
  await pres.screenshot({ path: `${OUT}/german-presenter-1920x1080-${name}.png` });
  expect(await presenterOverflows(pres), `presenter ${name}`).toEqual([]);
}

describe('a workshop in German', () => {
  it('opens the console in German from the browser’s language, with the presenter following', async () => {
    con = await openFacilitatorPage(context, consoleUrl(served), 'console', errors);
    expect(await htmlLang(con)).toBe('de');
    expect(await con.locator('#fac-lang').inputValue()).toBe('de');
    expect(await text(con, '.fac-setup__head h1')).toBe('Übung vorbereiten');
    expect(await con.getByRole('navigation', { name: 'Konsole' }).innerText()).toContain('Sitzungen');
    pres = await openFacilitatorPage(context, presenterUrl(served), 'presenter', errors);

    // A refused command says why in German (the exercise gives a key; the console words it).
    await con.getByRole('button', { name: 'Briefing öffnen' }).click();
    await con.waitForSelector('.fac-message');
    expect(await text(con, '.fac-message')).toContain('Geben Sie dem Team zuerst einen Namen (er steht über dem Bericht)');
    await con.locator('.fac-message').scrollIntoViewIfNeeded();
    await painted(con);
    await con.screenshot({ path: `${OUT}/german-console-1280x720-00-refusal.png` });

    await con.getByLabel('Moderation', { exact: true }).fill('Sabine Krüger');
    await con.getByLabel('Teamname').fill('Geschäftsführung Werk Nord');
    // The scenario list names each scenario's languages.
    const option = con.locator(`#${await con.getByLabel('Szenario', { exact: true }).getAttribute('id')} option[value="${SCENARIO}"]`);
    expect(await option.innerText()).toContain('EN, DE');
    // Each scenario under the title it has in the console's language (the catalogue's German card), else its English one.
    expect(await option.innerText()).toContain(GERMAN_TITLE);
    const english = con.locator(`#${await con.getByLabel('Szenario', { exact: true }).getAttribute('id')} option[value="${ENGLISH_ONLY.id}"]`);
    expect(await english.innerText()).toContain(ENGLISH_ONLY.title);
    await con.getByLabel('Szenario', { exact: true }).selectOption(SCENARIO);
    await con.waitForFunction((t) => document.querySelector('.fac-top__who')?.textContent?.includes(t), GERMAN_TITLE, { timeout: 0 });
    // What the scenario is about, in German and marked as the page's language (no lang of its own).
    await con.waitForFunction((t) => document.querySelector('.fac-about')?.textContent?.includes(t), GERMAN_SUMMARY, { timeout: 0 });
    expect(await text(con, '.fac-about__meta')).toContain('Fertigungsindustrie');
    expect(await con.locator('.fac-about [lang]').count()).toBe(0);
    // The tailoring names the currencies in German.
    expect(await con.getByLabel('Währung').locator('option').allInnerTexts()).toEqual(['Wie im Szenario: Euro (€)', 'Euro (€)', 'US-Dollar ($)', 'Pfund Sterling (£)']);
    for (const [name, role] of [['Helena Marsch', 'ceo'], ['Priya Schäfer', 'cio'], ['Tom Berger', 'legal']] as const) {
      await con.getByPlaceholder('Name').fill(name);
      await con.locator('.fac-add-person select').selectOption(role);
      await con.getByRole('button', { name: 'Person hinzufügen' }).click();
    }
    await expect.poll(() => con.locator('.fac-person').count()).toBe(3);
    // This server runs no rooms: the console says why in German.
    await con.getByRole('button', { name: 'Raum öffnen' }).click();
    await con.waitForSelector('.room-panel__error');
    expect(await text(con, '.room-panel__error')).toMatch(/^Der Raum ließ sich nicht öffnen: .+ Läuft diese Konsole über „npm start“ oder „war-room serve“\?$/);
    await presenterCaughtUp();
    expect(await htmlLang(pres)).toBe('de');
    expect(await text(pres, '.pres__card')).toContain('Willkommen, Geschäftsführung Werk Nord');
    // Role names in the presenter's language.
    expect(await text(pres, '.pres__card')).toContain('Recht');
    await checkConsole('01-setup');
    await con.locator('.fac-setup__tailor').scrollIntoViewIfNeeded();
    await painted(con);
    await con.screenshot({ path: `${OUT}/german-console-1280x720-01-tailoring.png` });
    await checkPresenter('01-setup');
    axeResults['console set-up'] = await axe(con);
    axeResults['presenter set-up'] = await axe(pres);
  }, 240_000);

  it('runs the briefing and a decision on the German scenario text', async () => {
    await con.getByRole('button', { name: 'Briefing öffnen' }).click();
    await con.waitForSelector('body[data-stage="briefing"]');
    await presenterCaughtUp();
    expect(await text(pres, '.pres__title')).toBe(GERMAN_TITLE);
    expect(await text(pres, '.pres__badge')).toBe('Briefing');
    await checkConsole('02-briefing');
    await checkPresenter('02-briefing');

    await con.keyboard.press('p');
    await con.waitForSelector('body[data-stage="incident"]');
    await presenterCaughtUp();
    expect(await text(pres, '.pres__card')).toContain(GERMAN_PROMPT);
    expect(await text(pres, '.pres__badge')).toBe('Entscheidung');
    expect(await text(con, '.fac-decision')).toContain('Entscheidung im Raum');
    await con.keyboard.press('Shift+Digit1');
    await con.keyboard.press('Shift+Digit2');
    await con.keyboard.press('Digit1');
    await presenterCaughtUp();
    expect(await text(pres, '.pres__card')).toContain('1 Stimme');
    await checkConsole('03-decision');
    await checkPresenter('03-decision');
    axeResults['console decision'] = await axe(con);
    axeResults['presenter decision'] = await axe(pres);

    await con.keyboard.press('c');
    await con.waitForSelector('body[data-decision="recorded"]');
    await presenterCaughtUp();
    expect(await text(pres, '.pres__card')).toContain('Das Team hat entschieden');
    expect(await con.getByRole('button', { name: /Folgen zeigen/ }).isVisible()).toBe(true);
    await con.keyboard.press('r');
    await con.waitForSelector('body[data-decision="revealed"]');
    await presenterCaughtUp();
    expect(await text(pres, '.pres__card')).toContain('Was geschah');
    await checkConsole('04-revealed');
    await checkPresenter('04-revealed');
  }, 240_000);

  it('switches the console to English and back: the presenter follows each time', async () => {
    await con.locator('#fac-lang').selectOption('en');
    await con.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('.fac-tab')?.textContent === 'Exercise', null, { timeout: 0 });
    await pres.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('.pres__badge')?.textContent === 'Consequences', null, { timeout: 0 });
    // The scenario's text stays in the language its run was made in.
    expect(await text(pres, '.pres__title')).toBe(GERMAN_TITLE);
    // ...and says so, for screen readers: German scenario text on an English page is marked lang="de".
    expect(await pres.locator('.pres__title').getAttribute('lang')).toBe('de');
    await pres.locator('.pres__card [lang="de"]').first().waitFor();
    await con.locator('.fac-beat-title[lang="de"]').first().waitFor({ state: 'attached' });
    expect(await con.evaluate(() => document.activeElement?.id)).toBe('fac-lang');
    await con.locator('#fac-lang').selectOption('de');
    await con.waitForFunction(() => document.documentElement.lang === 'de' && document.querySelector('.fac-tab')?.textContent === 'Übung', null, { timeout: 0 });
    await pres.waitForFunction(() => document.documentElement.lang === 'de' && document.querySelector('.pres__badge')?.textContent === 'Folgen', null, { timeout: 0 });
    // Back in the scenario's language: nothing marked as another.
    await pres.waitForFunction(() => document.querySelectorAll('body [lang]').length === 0, null, { timeout: 0 });
    await con.waitForFunction(() => document.querySelectorAll('.fac-beat-title[lang]').length === 0, null, { timeout: 0 });
    expect(await con.evaluate(() => localStorage.getItem('war-room.lang'))).toBe('de');
  }, 120_000);

  it('keeps its language and scenario text across a reload, and ends in German', async () => {
    await con.reload();
    await con.waitForSelector('body[data-ready="1"]');
    expect(await htmlLang(con)).toBe('de');
    await con.waitForSelector('body[data-decision="revealed"]');
    expect(await text(con, '.fac-top__who')).toContain(GERMAN_TITLE);
    await con.keyboard.press('d');
    await con.locator('dialog[open]').getByRole('button', { name: 'Beenden und nachbesprechen' }).click();
    await con.waitForSelector('body[data-stage="debrief"]');
    await presenterCaughtUp();
    expect(await text(pres, '.pres__card')).toContain('Nachbesprechung');
    expect(await text(pres, '.pres__badge')).toBe('Nachbesprechung');
    await checkPresenter('05-debrief');
    await con.getByRole('button', { name: 'Sitzungen' }).click();
    await con.waitForSelector('.fac-sessions');
    expect(await text(con, '.fac-sessions')).toContain('Abgeschlossen');
    await checkConsole('05-sessions');
    axeResults['console sessions'] = await axe(con);
    axeResults['presenter debrief'] = await axe(pres);
  }, 240_000);

  it('says in German why a scenario’s data could not be downloaded', async () => {
    // A browser of its own, without the service worker, so the failed download is what the console gets.
    const fresh = await served.browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'de-DE', reducedMotion: 'reduce', serviceWorkers: 'block' });
    try {
      const page = await fresh.newPage();
      await page.route(/\/scenario-dns-cdn-outage-[^/]*\.json$/, (route) => route.fulfill({ status: 503, body: '' }));
      await page.goto(consoleUrl(served));
      await page.waitForSelector('body[data-ready="1"]');
      await page.getByLabel('Szenario', { exact: true }).selectOption('dns-cdn-outage');
      const alert = page.locator('.fac-message[role="alert"]');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/konnte nicht heruntergeladen werden \(HTTP 503\); versuchen Sie es gleich noch einmal/);
      await page.screenshot({ path: `${OUT}/german-console-1280x720-download-failed.png` });
    } finally {
      await fresh.close();
    }
  }, 120_000);

  it('had no page errors and no serious accessibility problems', () => {
    expect(errors).toEqual([]);
    const serious = Object.entries(axeResults).flatMap(([where, r]) => r.serious.map((v) => `${where}: ${v.id} ${v.targets.join(', ')}`));
    expect(serious).toEqual([]);
    expect(Object.keys(axeResults).length).toBe(6);
  });
});
