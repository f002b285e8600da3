import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { axe, openGame, painted, ROOT, serveGame, shot, type Served } from './harness.ts';

// A whole German run of ransomware-manufacturer in headless Chromium, from the title's language
// switch to the debrief, at a laptop's 1280x720 and a phone's 390x844: every screen's own words in
// German, the scenario played from its German translation, <html lang="de">, no button or label
// whose text overflows its box, and axe clean. Screenshots of every screen go to tests/e2e/out/.
// (The debrief's body is the debrief's own catalogue; only its title and language are checked here.)

const SCENARIO = 'ransomware-manufacturer';
const GERMAN_TITLE = (parse(readFileSync(join(ROOT, `scenarios/translations/${SCENARIO}.de.yaml`), 'utf8')) as { title: { text: string } }).title.text;
let served: Served;

beforeAll(async () => {
  served = await serveGame('dist-de');
}, 300_000);

afterAll(async () => {
  await served?.close();
});

/** Buttons, labels and chips whose text is wider than their box (clipped or spilling out), as "text (scroll/client)". */
async function overflowing(page: Page): Promise<string[]> {
  return page.$$eval('button, label, .chip, .badge, .tier, .metric__label, .metric__value, .metric__sub, .run-state, legend, summary', (els) =>
    els
      .filter((el) => {
        const box = el as HTMLElement;
        if (box.offsetParent === null && getComputedStyle(box).position !== 'fixed') return false;
        return box.scrollWidth > box.clientWidth + 1;
      })
      .map((el) => `${(el.textContent ?? '').trim().slice(0, 60)} (${(el as HTMLElement).scrollWidth}/${(el as HTMLElement).clientWidth})`),
  );
}

async function checkScreen(page: Page, name: string, size: string): Promise<void> {
  await painted(page);
  expect(await page.evaluate(() => document.documentElement.lang), `${name}: html lang`).toBe('de');
  expect(await overflowing(page), `${name} at ${size}: overflowing text`).toEqual([]);
  // Nor does the page itself scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${name} at ${size}: page wider than the window`).toBeLessThanOrEqual(0);
  const result = await axe(page);
  expect(result.serious, `${name} at ${size}: axe`).toEqual([]);
  await shot(page, `de-${name}-${size}`);
}

async function chooseFirstOpen(page: Page): Promise<void> {
  await page.waitForSelector('.options[data-armed="true"]');
  const before = await page.evaluate(() => JSON.parse(localStorage.getItem('war-room.save') ?? '{"inputs":[]}').inputs.length as number);
  await page.locator('.option[aria-disabled="false"]').first().click();
  await page.waitForFunction((n) => JSON.parse(localStorage.getItem('war-room.save') ?? '{"inputs":[]}').inputs.length > n, before);
}

describe.each([
  { size: '1280x720', viewport: { width: 1280, height: 720 } },
  { size: '390x844', viewport: { width: 390, height: 844 } },
])('a German run at $size', ({ size, viewport }) => {
  it('reads German from the title to the debrief, with nothing overflowing and axe clean', async () => {
    const page = await openGame(served, viewport);
    const errors = (page as Page & { errors: string[] }).errors;

    // Title: the switch, named in its own language, changes the page at once and is remembered.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('radio', { name: 'Deutsch' }).check();
    await page.getByRole('button', { name: 'Szenario wählen' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('war-room.lang'))).toBe('de');
    expect(await page.getByRole('radio', { name: 'Deutsch' }).isChecked()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('value'))).toBe('de');
    await expect.poll(() => page.locator('.hero__lede').textContent()).toContain('Sie entscheiden');
    expect(await page.title()).toBe('War Room');
    await checkScreen(page, 'title', size);

    // Picker: German words, the languages each scenario has, and which language this one is played in.
    await page.getByRole('button', { name: 'Szenario wählen' }).click();
    await page.waitForSelector('.picker-screen');
    expect(await page.title()).toBe('Szenario wählen · War Room');
    const card = page.locator(`[data-scenario="${SCENARIO}"]`);
    expect(await card.locator('.langs [aria-hidden="true"]').textContent()).toBe('EN · DE');
    expect(await card.locator('.langs .visually-hidden').textContent()).toBe('Spielbar auf English, Deutsch');
    await card.locator('.card__choose').click();
    await page.locator('.setup__lang', { hasText: 'Wird auf Deutsch gespielt.' }).waitFor();
    // A scenario without German says plainly that it is played in English.
    const english = page.locator('[data-scenario]').filter({ has: page.locator('.langs [aria-hidden="true"]', { hasText: /^EN$/ }) }).first();
    await english.locator('.card__choose').click();
    await page.locator('.setup__lang--english', { hasText: 'auf Englisch gespielt' }).waitFor();
    await card.locator('.card__choose').click();
    await page.locator('.setup__lang', { hasText: 'Wird auf Deutsch gespielt.' }).waitFor();
    await checkScreen(page, 'picker', size);

    // Briefing: the scenario's own text from its German translation.
    await page.getByRole('button', { name: 'Zum Lagebild' }).click();
    await page.waitForSelector('.briefing-screen');
    expect(await page.locator('.briefing-screen h1').textContent()).toBe(GERMAN_TITLE);
    // Translated: the scenario's text is in the page's language, so nothing says otherwise.
    expect(await page.locator('[lang]:not(html)').count(), 'briefing: elements with their own lang').toBe(0);
    await page.getByRole('heading', { name: 'Was auf dem Spiel steht' }).waitFor();
    await checkScreen(page, 'briefing', size);

    // Preparation.
    await page.getByRole('button', { name: 'Weiter zur Vorbereitung' }).click();
    await page.waitForSelector('.prep-screen');
    await page.locator('.measure input').first().check();
    await page.getByRole('heading', { name: 'Vorbereitung', level: 1 }).waitFor();
    await checkScreen(page, 'preparation', size);

    // Incident: the war room drawn, the panels in German.
    await page.getByRole('button', { name: 'Vorfall starten' }).click();
    await page.waitForSelector('.option');
    await page.waitForSelector('body[data-war-room-frame="1"]');
    await page.getByRole('heading', { name: 'Eingang' }).waitFor();
    expect(await page.locator('.decision-panel .eyebrow').first().textContent()).toBe('Lage');
    expect(await page.title()).toBe('Vorfall · War Room');
    expect(await page.locator('[lang]:not(html)').count(), 'incident: elements with their own lang').toBe(0);
    // The options are dimmed for their first ~400 ms (the double-click guard): read them once armed.
    await page.waitForSelector('.options[data-armed="true"]');
    await checkScreen(page, 'incident', size);
    await chooseFirstOpen(page);
    // After a choice the outcome reads German too.
    expect(await page.locator('.outcome__label').textContent()).toMatch(/^(Ihre Wahl: |Die Zeit ist abgelaufen)/);
    // Paused once the next question is readable (its options dim for a moment while they arm).
    await page.waitForSelector('.options[data-armed="true"]');
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Pausiert' }).waitFor();
    await checkScreen(page, 'incident-paused', size);
    await page.getByRole('button', { name: 'Weiter', exact: true }).first().click();

    for (let turn = 0; !(await page.locator('.ending:not([hidden])').count()); turn++) {
      if (turn > 60) throw new Error('the scenario did not end within 60 decisions');
      await chooseFirstOpen(page);
    }
    await page.getByRole('button', { name: 'Zur Nachbesprechung' }).waitFor();
    await checkScreen(page, 'ending', size);

    // Debrief: its own body is another catalogue's; the page's language and title are ours.
    await page.getByRole('button', { name: 'Zur Nachbesprechung' }).click();
    await page.waitForSelector('.debrief-screen, [data-screen="debrief"]');
    expect(await page.title()).toBe('Nachbesprechung · War Room');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await painted(page);
    await shot(page, `de-debrief-${size}`);

    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);
});

// A scenario without German, played with the German interface: our words German, the scenario's
// English text marked lang="en" (on the smallest element holding it) so a screen reader switches
// to an English voice for it, and nothing else marked.
const ENGLISH_ONLY = 'departing-admin';

describe('an English-only scenario with the German interface', () => {
  it('marks the scenario text lang="en" inside <html lang="de">, axe clean', async () => {
    expect(existsSync(join(ROOT, `scenarios/translations/${ENGLISH_ONLY}.de.yaml`)), 'the scenario must have no German').toBe(false);
    const page = await openGame(served);
    const errors = (page as Page & { errors: string[] }).errors;
    await page.getByRole('radio', { name: 'Deutsch' }).check();
    await page.getByRole('button', { name: 'Szenario wählen' }).click();
    await page.waitForSelector('.picker-screen');

    // Picker: this card's words are English; a translated card's are German and unmarked.
    const card = page.locator(`[data-scenario="${ENGLISH_ONLY}"]`);
    expect(await card.locator('.card__title').getAttribute('lang')).toBe('en');
    expect(await card.locator('.card__summary').getAttribute('lang')).toBe('en');
    expect(await card.locator('.card__choose').getAttribute('lang')).toBeNull();
    expect(await page.locator(`[data-scenario="${SCENARIO}"] [lang]`).count()).toBe(0);
    await card.locator('.card__choose').click();
    await page.locator('.setup__lang--english').waitFor();
    expect(await page.locator('.setup__scenario strong').getAttribute('lang')).toBe('en');

    await page.getByRole('button', { name: 'Zum Lagebild' }).click();
    await page.waitForSelector('.briefing-screen');
    expect(await page.locator('.briefing-screen h1').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('heading', { name: 'Was auf dem Spiel steht' }).getAttribute('lang')).toBeNull();
    await page.getByRole('button', { name: 'Weiter zur Vorbereitung' }).click();
    await page.waitForSelector('.prep-screen');
    expect(await page.locator('.measure__name').first().getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'Vorfall starten' }).click();

    // The first decision: the situation, the question and the options are the scenario's English.
    await page.waitForSelector('.options[data-armed="true"]');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await page.locator('#beat-narrative').getAttribute('lang')).toBe('en');
    expect(await page.locator('#beat-heading').getAttribute('lang')).toBe('en');
    expect(await page.locator('.decision__prompt').getAttribute('lang')).toBe('en');
    expect(await page.locator('.option__label').first().getAttribute('lang')).toBe('en');
    // Our own words around them stay German and unmarked.
    expect(await page.locator('.decision-panel .eyebrow').first().textContent()).toBe('Lage');
    expect(await page.locator('.decision-panel .eyebrow').first().getAttribute('lang')).toBeNull();
    expect(await page.locator('.option__meta').first().getAttribute('lang')).toBeNull();
    expect(await page.locator('.options').getAttribute('lang')).toBeNull();
    await painted(page);
    expect((await axe(page)).serious, 'incident: axe').toEqual([]);
    await shot(page, 'de-english-scenario-incident-1280x720');

    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);
});
