import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText, unzipText } from '../unzip.ts';
import { axe, OUT, openFacilitatorPage, painted, serveGame, type Served, consoleUrl } from './harness.ts';

// The console's report screen in German, end to end: a workshop is set up and ended, the device's
// language is German, and the report screen, its preview and every export it hands out speak
// German, with German dates. Set-up happens in English and the language is switched by the
// remembered choice and a reload (the console keeps its session across reloads), so this test
// does not depend on how the rest of the console is translated.

const SCENARIO = 'ransomware-manufacturer';
let served: Served;
let context: BrowserContext;
let con: Page;
const errors: string[] = [];

beforeAll(async () => {
  served = await serveGame('dist-facilitator-report-de');
  context = await served.browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true, reducedMotion: 'reduce', locale: 'en-GB' });
}, 180_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await served?.close();
});

const download = async (button: string): Promise<{ name: string; bytes: Buffer }> => {
  const [file] = await Promise.all([con.waitForEvent('download'), con.locator('.fac-report__exports button', { hasText: button }).first().click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
};

describe('the console report in German', () => {
  it('runs a short workshop to its debrief', async () => {
    await context.addInitScript(() => localStorage.setItem('war-room.lang', 'en'));
    con = await openFacilitatorPage(context, consoleUrl(served), 'console', errors);
    await con.getByLabel('Facilitator').fill('Sabine Krüger');
    await con.getByLabel('Team name').fill('Führungskreis Süd');
    await con.getByLabel('Scenario').selectOption(SCENARIO);
    await con.getByLabel('Seed').fill('4242');
    await con.getByLabel('Seed').press('Tab');
    for (const [name, role] of [['Jörg Weiß', 'ceo'], ['Aylin Öztürk', 'cio']] as const) {
      await con.getByPlaceholder('Name').fill(name);
      await con.locator('.fac-add-person select').selectOption(role);
      await con.getByRole('button', { name: 'Add participant' }).click();
    }
    await expect.poll(() => con.locator('.fac-person').count()).toBe(2);
    await con.getByRole('button', { name: 'Open the briefing' }).click();
    await con.waitForSelector('body[data-stage="briefing"]');
    await con.locator('#main').focus();
    await con.keyboard.press('Space');
    await con.waitForSelector('body[data-stage="incident"]');
    await con.keyboard.press('d');
    await con.getByRole('dialog').getByRole('button', { name: 'End and debrief' }).click();
    await con.waitForSelector('body[data-stage="debrief"]');
    await con.waitForSelector('.aar');
  }, 240_000);

  it('shows the report screen and its preview in German once the device’s language is German', async () => {
    // Init scripts run in the order they were added: this one, after the English one, wins.
    await context.addInitScript(() => localStorage.setItem('war-room.lang', 'de'));
    await con.reload();
    await con.waitForSelector('body[data-ready="1"]');
    await con.waitForSelector('.aar[lang="de"]');
    expect(await con.locator('.fac-report .fac-title').innerText()).toBe('Auswertungsbericht');
    const exports = await con.locator('.fac-report__exports').innerText();
    for (const label of ['Word (DOCX)', 'CSV: Verbesserungsplan', 'CSV: Entscheidungen', 'CSV: Notizen', 'Drucken oder als PDF speichern']) expect(exports).toContain(label);
    // textContent: panel titles are set in capitals by the stylesheet, which innerText would report.
    const editor = (await con.locator('.fac-report__editor').textContent()) ?? '';
    for (const label of ['Bewertung je Ziel', 'Verbesserungsplan', 'Korrekturmaßnahme hinzufügen', 'Berichtstext', 'Vertraulichkeitsvermerk', 'Feststellungen']) expect(editor).toContain(label);

    // A corrective action with a completion date: the preview writes the date the German way.
    await con.locator('.fac-report__plan button', { hasText: 'Korrekturmaßnahme hinzufügen' }).click();
    const action = con.locator('.fac-action').last();
    await action.getByLabel('Korrekturmaßnahme', { exact: true }).fill('Notfallhandbuch für die Netztrennung schreiben');
    await action.getByLabel('Ansprechperson', { exact: true }).fill('Aylin Öztürk');
    await action.getByLabel('Abschluss', { exact: true }).fill('2030-06-30');
    await expect.poll(() => con.locator('.aar').innerText()).toContain('30.06.2030');
    const doc = (await con.locator('.aar').textContent()) ?? '';
    for (const text of ['Auswertungsbericht und Verbesserungsplan', 'Zusammenfassung für die Geschäftsführung', 'Überblick über die Übung', 'Analyse der Fähigkeiten', 'Feedback der Teilnehmenden', 'Verbesserungsplan', 'Vertraulich: nur für die teilnehmende Organisation', 'Jörg Weiß', 'nicht begonnen']) {
      expect(doc).toContain(text);
    }
    // German long dates ("6. Dezember 2026"), not English ones.
    expect(doc).toMatch(/\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}/);
    for (const english of ['Executive summary', 'Exercise overview', 'Improvement plan', 'Areas for improvement', 'Point of contact', 'not started']) expect(doc).not.toContain(english);

    await con.evaluate(() => window.scrollTo(0, 0));
    await painted(con);
    await con.screenshot({ path: `${OUT}/facilitator-report-de-1280x720.png` });
    await con.locator('.aar').scrollIntoViewIfNeeded();
    await painted(con);
    await con.screenshot({ path: `${OUT}/facilitator-report-de-1280x720-preview.png` });
    await con.locator('.aar__table').scrollIntoViewIfNeeded();
    await painted(con);
    await con.screenshot({ path: `${OUT}/facilitator-report-de-1280x720-plan.png` });
    const a11y = await axe(con);
    expect(a11y.serious).toEqual([]);
  }, 120_000);

  it('hands out German Markdown, CSV and Word files with German names', async () => {
    const md = await download('Markdown');
    expect(md.name).toMatch(/^auswertung-fuhrungskreis-sud-\d{4}-\d{2}-\d{2}\.md$/);
    const markdown = md.bytes.toString('utf8');
    expect(markdown).toContain('**Auswertungsbericht und Verbesserungsplan**');
    expect(markdown).toContain('| Notfallhandbuch für die Netztrennung schreiben | ');
    expect(markdown).toContain('| 30.06.2030 | nicht begonnen |');

    const plan = await download('CSV: Verbesserungsplan');
    expect(plan.name).toMatch(/-verbesserungsplan\.csv$/);
    const csv = plan.bytes.toString('utf8');
    expect(csv.startsWith('\uFEFFNr;Ziel;Kernfähigkeit;')).toBe(true);
    expect(csv).toContain(';2030-06-30;nicht begonnen');

    const word = await download('Word (DOCX)');
    expect(word.name).toMatch(/\.docx$/);
    const files = unzipText(new Uint8Array(word.bytes));
    expect(files.get('word/styles.xml')).toContain('<w:lang w:val="de-DE"/>');
    expect(docxText(files.get('word/document.xml')!)).toContain('Zusammenfassung für die Geschäftsführung');
    expect(errors).toEqual([]);
  }, 60_000);
});
