import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEBRIEF_EN } from '../../src/store/debrief-messages.ts';
import UI_DE from '../../src/ui/messages-de.json';
import { axe, buttonNamed, OUT, openGame, playFirstOpenToEnd, serveGame, shot, tabTo, type Served } from './harness.ts';

// The debrief in German: the language chosen as German (the one remembered choice,
// `war-room.lang`), a run played to its end, and the debrief read back: German headings, verdict,
// judgement and lesson, no English sentence of ours left, no button overflowing at 1280×720 or 390×844.

const SCENARIO = 'ransomware-manufacturer';
let served: Served;

beforeAll(async () => {
  served = await serveGame('dist-debrief-de');
}, 180_000);

afterAll(async () => {
  await served?.close();
});

/** Our English sentences (the debrief catalogue's longer texts) that must not show in a German debrief. */
const ENGLISH_SENTENCES = Object.values(DEBRIEF_EN)
  .flatMap((m) => (typeof m === 'string' ? [m] : Object.values(m)))
  .map((m) => m.split('{')[0]!.trim())
  .filter((m) => m.split(' ').length >= 3);

describe('the debrief in German', () => {
  it('reads as German, with nothing of ours left in English, and fits at 1280×720 and 390×844', async () => {
    const page = await openGame(served);
    await page.evaluate(() => localStorage.setItem('war-room.lang', 'de'));
    await page.reload();
    await page.waitForSelector('body[data-ready="1"]');
    await tabTo(page, 'Choose a scenario', buttonNamed(UI_DE.chooseScenario));
    await page.keyboard.press('Enter');
    await page.waitForSelector('.picker-screen');
    await tabTo(page, `the ${SCENARIO} card`, `el.classList.contains('card__choose') && el.closest('[data-scenario]')?.dataset.scenario === ${JSON.stringify(SCENARIO)}`);
    await page.keyboard.press('Enter');
    await tabTo(page, 'the seed field', `el.classList.contains('input--seed')`);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('11');
    await page.keyboard.press('Tab');
    await tabTo(page, 'Open the briefing', buttonNamed(UI_DE.openBriefing));
    await page.keyboard.press('Enter');
    await page.waitForSelector('.briefing-screen');
    await tabTo(page, 'Go to preparation', buttonNamed(UI_DE.goToPreparation));
    await page.keyboard.press('Enter');
    await page.waitForSelector('.prep-screen');
    await tabTo(page, 'Start the incident', buttonNamed(UI_DE.startIncident));
    await page.keyboard.press('Enter');
    await page.waitForSelector('.decision__prompt');
    await playFirstOpenToEnd(page);
    await tabTo(page, 'See the debrief', buttonNamed(UI_DE.seeDebrief));
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-score="overall"]');

    expect(await page.locator('.debrief-screen').getAttribute('lang')).toBe('de');
    expect(await page.locator('h1').textContent()).toMatch(/^Nachbesprechung: /);
    expect(await page.locator('.verdict__label').textContent()).toMatch(
      /^(Strategischer Partner|Vertrauter Berater|Solider Dienstleister|Reaktiver Ticketabarbeiter|Risikofaktor|Größter Fehlgriff)$/,
    );
    expect(await page.locator('#judgement-heading').textContent()).toBe('Ihre Entscheidungen, die Fähigkeiten Ihres Partners');
    expect(await page.locator('[data-judged="partner"]').textContent()).toContain('Ihr Partner hat Sie ausgebremst');
    expect(await page.locator('.lesson').first().textContent()).toMatch(/^Mit Meridian Partners hätten dieselben Entscheidungen den Vorfall .* (früher|später|zur selben Zeit) beendet.* Umsatz gekostet\.$/);
    expect(await page.locator('[data-closed="isolate"]').textContent()).toContain('Erforderlich: 24/7-Bereitschaft (angeboten von Northgate Managed IT, Meridian Partners)');
    expect(await page.locator('.score-card').first().textContent()).toMatch(/Kommunikation.*Beginnt bei 50\./s);
    // Money and numbers as German writes them: "12.345 €".
    expect(await page.locator('table.compare [data-cell="revenue"]').first().textContent()).toMatch(/^\d{1,3}(\.\d{3})*\s€$/);

    const text = await page.locator('.debrief-screen').innerText();
    const leftovers = ENGLISH_SENTENCES.filter((s) => text.includes(s));
    expect(leftovers).toEqual([]);
    expect(text).not.toMatch(/\{[a-zA-Z]+\}/);

    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      const size = `${viewport.width}x${viewport.height}`;
      const overflowing = await page.$$eval('.debrief-screen button', (els) =>
        els.filter((b) => b.scrollWidth > b.clientWidth + 1 || b.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((b) => b.textContent),
      );
      expect(overflowing, `${size} buttons`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1), `${size} no sideways page scroll`).toBe(true);
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, `debrief-de-${size}-top`);
      await page.locator('#judgement-heading').scrollIntoViewIfNeeded();
      await shot(page, `debrief-de-${size}-judgement`);
      await page.locator('#scores-heading').scrollIntoViewIfNeeded();
      await shot(page, `debrief-de-${size}-scores`);
      await page.locator('#compare-heading').scrollIntoViewIfNeeded();
      await shot(page, `debrief-de-${size}-comparison`);
      await page.locator('#chart-heading').scrollIntoViewIfNeeded();
      await shot(page, `debrief-de-${size}-chart`);
      await page.locator('#timeline-heading').scrollIntoViewIfNeeded();
      await shot(page, `debrief-de-${size}-timeline`);
      await page.screenshot({ path: join(OUT, `debrief-de-${size}-full.png`), fullPage: true });
      expect((await axe(page)).serious, `${size} debrief`).toEqual([]);
    }
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
  }, 600_000);
});
