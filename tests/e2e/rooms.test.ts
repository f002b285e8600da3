import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, OUT, type AxeSummary } from './harness.ts';
import { serveRooms, type ServedRooms } from './rooms-harness.ts';

// A workshop with phones: the console opens a room, the presenter shows the code and QR code,
// three phones (390×844) join by the QR link, read the situation, vote, and one reloads mid-vote.
// ransomware-manufacturer's first beat has an inject aimed at the COO (and Operations): only the
// COO's phone gets it. Hana chose German on an earlier visit: her phone's own words are German, and
// the room sends her the scenario's German text (the other phones, in an English room, read English).

const SCENARIO = 'ransomware-manufacturer';
/** The first decision's question as each language's phones read it (scenarios/translations/ransomware-manufacturer.de.yaml). */
const QUESTION = {
  en: 'What do you tell the supervisor and your IT partner right now?',
  de: 'Was sagen Sie dem Schichtleiter und Ihrem IT-Partner jetzt?',
};
const BEAT_DE = 'Der Anruf aus der Nachtschicht';
const PHONE = { width: 390, height: 844 };
const EN = { locale: 'en-GB', name: 'Your name', join: 'Join', in: 'You are in', why: 'Why? One line (optional)', vote: 'Vote', voted: 'Your vote:', closed: 'Voting is closed', chose: 'The room chose', thanks: 'Thank you for taking part' };
const DE = { locale: 'de-DE', name: 'Ihr Name', join: 'Teilnehmen', in: 'Sie sind dabei', why: 'Warum? Eine Zeile (optional)', vote: 'Abstimmen', voted: 'Ihre Stimme:', closed: 'Die Abstimmung ist geschlossen', chose: 'Die Runde hat entschieden', thanks: 'Danke für Ihre Teilnahme' };
const PEOPLE = [
  { key: 'coo', name: 'Chris <b>COO</b>', role: 'COO', words: EN },
  { key: 'hr', name: 'Hana', role: 'Personal', words: DE },
  { key: 'legal', name: 'Lee', role: 'Legal', words: EN },
] as const;
const wordsOf = (key: string) => PEOPLE.find((p) => p.key === key)!.words;

let served: ServedRooms;
let desk: BrowserContext;
let con: Page;
let pres: Page;
let code = '';
const phones: Record<string, { context: BrowserContext; page: Page }> = {};
const errors: string[] = [];
const axeResults: Record<string, AxeSummary> = {};

beforeAll(async () => {
  served = await serveRooms('dist-rooms');
  desk = await served.browser.newContext({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
}, 180_000);

afterAll(async () => {
  for (const p of Object.values(phones)) await p.context.close().catch(() => {});
  await desk?.close().catch(() => {});
  await served?.close();
});

async function open(context: BrowserContext, url: string, name: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
  await page.goto(url);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${OUT}/rooms-${name}.png`, fullPage: name.startsWith('phone') });
const body = (page: Page) => page.locator('body').innerText();

describe('workshop rooms', () => {
  it('keeps the phone page’s first-load script within 60 KB gzip', () => {
    const dist = join(OUT, 'dist-rooms');
    const html = readFileSync(join(dist, 'join.html'), 'utf8');
    const scripts = [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    const bytes = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0);
    console.log(`phone page first-load script: ${scripts.length} files, ${(bytes / 1024).toFixed(1)} KB gzip`);
    expect(bytes).toBeLessThanOrEqual(60 * 1024);
  });

  it('opens a room from the console; the presenter shows the code, the address and a QR code', async () => {
    con = await open(desk, `${served.url}facilitator.html#/console`, 'console');
    await con.waitForSelector('body[data-ready="1"]');
    await con.getByLabel('Facilitator').fill('Sam Rivera');
    await con.getByLabel('Team name').fill('Green team');
    await con.getByLabel('Scenario').selectOption(SCENARIO);
    await con.getByLabel('Seed').fill('77');
    await con.getByLabel('Seed').press('Tab');
    await con.getByRole('button', { name: 'Open a room' }).click();
    await con.waitForSelector('.room-panel__code-value');
    code = await con.locator('.room-panel__code-value').innerText();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    pres = await open(desk, `${served.url}facilitator.html#/presenter`, 'presenter');
    await pres.waitForSelector('svg.presenter-room__qr');
    expect(await pres.locator('.presenter-room__code').innerText()).toBe(code);
    const box = await pres.locator('svg.presenter-room__qr').boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    await shot(con, 'console-room-open');
    await shot(pres, 'presenter-join-card');
    // The join card speaks the presenter's language, which follows the console's.
    const cardSays = (words: string, qr: string) =>
      pres.waitForFunction(
        ({ w, q }) =>
          document.querySelector('.presenter-room')?.getAttribute('aria-label') === w &&
          document.querySelector('.presenter-room__text')?.textContent?.startsWith(w) &&
          document.querySelector('svg.presenter-room__qr')?.getAttribute('aria-label')?.startsWith(q),
        { w: words, q: qr },
        { timeout: 0 },
      );
    await cardSays('Join from your phone', 'QR code for ');
    await con.locator('#fac-lang').selectOption('de');
    await cardSays('Mit dem Handy teilnehmen', 'QR-Code für ');
    await shot(pres, 'presenter-join-card-de');
    await con.locator('#fac-lang').selectOption('en');
    await cardSays('Join from your phone', 'QR code for ');
  }, 60_000);

  it('a phone with a wrong code is told there is no such workshop', async () => {
    const context = await served.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, reducedMotion: 'reduce' });
    const page = await open(context, `${served.url}join`, 'phone wrong code');
    await page.getByLabel('Workshop code').fill('zz zz 22');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForSelector('text=No workshop with that code.');
    await shot(page, 'phone-wrong-code');
    axeResults['phone wrong code'] = await axe(page);
    // The switch redraws the same screen, the error included, and the choice outlasts a reload.
    await page.getByLabel('Language').selectOption('de');
    await page.waitForSelector('text=Zu diesem Code gibt es keinen Workshop.');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await page.getByLabel('Workshop-Code').inputValue()).toBe('ZZZZ22');
    await shot(page, 'phone-wrong-code-de');
    axeResults['phone wrong code (de)'] = await axe(page);
    await page.reload();
    await page.getByRole('button', { name: 'Weiter' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await context.close();
  }, 60_000);

  it('three phones join by the QR link, each in a role with a free seat', async () => {
    for (const person of PEOPLE) {
      const words = person.words;
      const context = await served.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, reducedMotion: 'reduce', locale: words.locale });
      // A remembered choice (war-room.lang), not the browser's language, is what the room sends a phone in; without one it follows the room's.
      if (words === DE) await context.addInitScript(() => localStorage.getItem('war-room.lang') ?? localStorage.setItem('war-room.lang', 'de'));
      const page = await open(context, `${served.url}join?code=${code}`, `phone ${person.key}`);
      phones[person.key] = { context, page };
      await page.getByLabel(words.name).fill(person.name);
      await page.locator('.role', { has: page.locator('.role-label', { hasText: new RegExp(`^${person.role}$`) }) }).locator('input').check();
      if (person.key === 'coo' || person.key === 'hr') {
        await shot(page, `phone-join-form-${person.key}`);
        axeResults[`phone join form ${person.key}`] = await axe(page);
      }
      await page.getByRole('button', { name: words.join }).click();
      await page.waitForSelector(`text=${words.in}`);
    }
    expect(await phones.hr!.page.evaluate(() => document.documentElement.lang)).toBe('de');
    await shot(phones.coo!.page, 'phone-lobby');
    axeResults['phone lobby'] = await axe(phones.coo!.page);
    await con.waitForFunction(() => document.querySelector('.room-panel__people summary')?.textContent?.startsWith('Joined: 3'));
    // A name is text, never markup: the console shows the angle brackets.
    expect(await con.locator('.room-panel__name').first().innerText()).toBe('Chris <b>COO</b>');
    // Who joined from a phone is on the exercise's team list, with the role, as if typed in.
    for (const person of PEOPLE) await con.getByLabel(`Name of participant ${person.name}`).waitFor({ state: 'attached' });
  }, 90_000);

  it('starts the incident: phones get the situation and the question, each in its language; the COO alone gets the inject aimed at the COO', async () => {
    await con.getByRole('button', { name: 'Open the briefing' }).click();
    await con.waitForSelector('body[data-stage="briefing"]');
    await phones.coo!.page.waitForSelector('text=Briefing');
    await con.locator('#main').focus();
    await con.keyboard.press('Space');
    await con.waitForSelector('body[data-stage="incident"]');
    await con.keyboard.press('p'); // hold the clock so the vote is not overtaken by time
    for (const p of Object.values(phones)) await p.page.waitForSelector('.vote .option');
    const mine = phones.coo!.page.locator('.inject.for-you');
    await expect.poll(() => mine.count()).toBeGreaterThan(0);
    const privateText = (await mine.first().locator('p').nth(1).innerText()).slice(0, 50);
    for (const key of ['hr', 'legal']) expect(await body(phones[key]!.page)).not.toContain(privateText);
    await shot(phones.coo!.page, 'phone-question');
    axeResults['phone question'] = await axe(phones.coo!.page);
    // Hana's phone reads the scenario in German, as German (no lang="en" on it); the English phones read English.
    expect(await phones.hr!.page.locator('#question').innerText()).toBe(QUESTION.de);
    expect(await phones.hr!.page.locator('#beat').innerText()).toContain(BEAT_DE);
    expect(await phones.hr!.page.locator('#question').getAttribute('lang')).toBeNull();
    expect(await phones.hr!.page.locator('[lang="en"]:not(option)').count()).toBe(0);
    expect(await phones.coo!.page.locator('#question').innerText()).toBe(QUESTION.en);
    expect(await phones.coo!.page.locator('#question').getAttribute('lang')).toBeNull();
    await shot(phones.hr!.page, 'phone-question-de');
    axeResults['phone question (de)'] = await axe(phones.hr!.page);
    // Lee switches to German in the room: the room sends the question in German; back to English, English again.
    const lee = phones.legal!.page;
    await lee.getByLabel('Language').selectOption('de');
    await expect.poll(() => lee.locator('#question').innerText()).toBe(QUESTION.de);
    expect(await lee.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await lee.locator('#question').getAttribute('lang')).toBeNull();
    await shot(lee, 'phone-question-switched-de');
    axeResults['phone question (switched to de)'] = await axe(lee);
    await lee.getByLabel('Sprache').selectOption('en');
    await expect.poll(() => lee.locator('#question').innerText()).toBe(QUESTION.en);
  }, 60_000);

  it('takes votes with confidence and rationale; a phone reloaded mid-vote keeps its vote and its seat', async () => {
    const vote = async (key: string, n: number, confidence: number, why: string) => {
      const page = phones[key]!.page;
      await page.locator('.vote .option input:not([disabled])').nth(n).check();
      await page.locator('.confidence label', { hasText: String(confidence) }).locator('input').check();
      const words = wordsOf(key);
      await page.getByLabel(words.why).fill(why);
      await page.getByRole('button', { name: words.vote, exact: true }).click();
      await page.waitForSelector(`text=${words.voted}`);
    };
    await vote('coo', 0, 4, 'Isolate the network first');
    await vote('hr', 1, 2, 'Ask the supplier');
    await vote('legal', 0, 5, 'Preserve evidence');
    const legal = phones.legal!.page;
    const before = await legal.locator('.vote-status').innerText();
    await legal.reload();
    await legal.waitForSelector('.vote-status');
    expect(await legal.locator('.vote-status').innerText()).toBe(before);
    // The reloaded page draws its vote as chosen, not only as the status line.
    expect(await legal.locator('.vote .option input:not([disabled])').nth(0).isChecked()).toBe(true);
    await shot(legal, 'phone-after-reload');
    await con.waitForFunction(() => /3 of 3 voted/.test(document.querySelector('.room-panel__vote')?.textContent ?? ''));
    expect(await con.locator('.room-panel__person').count()).toBe(3);
    // The room's votes are the exercise's tally: option 1 has two votes.
    await expect.poll(() => con.locator('.fac-votes__input').first().inputValue()).toBe('2');
    await shot(con, 'console-votes');
  }, 60_000);

  it('closes the vote when the choice is recorded, shows the outcome after the reveal, and thanks the phones at the end', async () => {
    await con.locator('#main').focus();
    await con.keyboard.press('Digit1');
    await con.keyboard.press('c');
    await phones.hr!.page.waitForSelector(`text=${DE.closed}`);
    await con.keyboard.press('r');
    await phones.hr!.page.waitForSelector(`text=${DE.chose}`);
    await shot(phones.hr!.page, 'phone-outcome-de');
    axeResults['phone outcome (de)'] = await axe(phones.hr!.page);
    await con.keyboard.press('d');
    await con.getByRole('dialog').getByRole('button', { name: 'End and debrief' }).click();
    for (const [key, p] of Object.entries(phones)) await p.page.waitForSelector(`text=${wordsOf(key).thanks}`);
    await shot(phones.coo!.page, 'phone-thanks');
    // The report has the room's votes: the split, the confidence and the reasons.
    await con.waitForSelector('.room-votes h2');
    expect(await con.locator('.room-votes').innerText()).toContain('“Preserve evidence”');
    await con.locator('.room-votes').scrollIntoViewIfNeeded();
    await shot(con, 'console-report-votes');
    axeResults['phone thanks'] = await axe(phones.coo!.page);
    const records = await con.evaluate(() =>
      Object.entries(localStorage)
        .filter(([k]) => k.startsWith('war-room.room-votes.'))
        .map(([, v]) => JSON.parse(v) as { ballots: { confidence: number | null; rationale: string; name: string | null }[] }[]),
    );
    const ballots = records.flat().flatMap((r) => r.ballots);
    expect(ballots.map((b) => b.confidence).sort()).toEqual([2, 4, 5]);
    expect(ballots.every((b) => b.name === null)).toBe(true);
    // The report's overview lists the people who joined from phones; the anonymous votes name nobody.
    expect(await con.locator('.aar').innerText()).toContain('Hana (HR)');
    const votes = await con.locator('.room-votes').innerText();
    for (const person of PEOPLE) expect(votes).not.toContain(person.name);
  }, 90_000);

  it('exports the room’s log from the panel, and the Sessions tab imports it as a session with its votes', async () => {
    const [download] = await Promise.all([con.waitForEvent('download'), con.getByRole('button', { name: 'Export the room’s log' }).click()]);
    const path = await download.path();
    const log = JSON.parse(readFileSync(path, 'utf8')) as { format: string; code: string; entries: { kind: string }[]; records: unknown[] };
    expect([log.format, log.code]).toEqual(['war-room-room-log', code]);
    expect(log.entries.filter((e) => e.kind === 'vote').length).toBeGreaterThanOrEqual(3);
    expect(log.records).toHaveLength(1);
    await shot(con, 'console-room-export');
    await con.locator('.fac-tab[data-tab="sessions"]').click();
    await con.locator('#fac-import-file').setInputFiles(path);
    await con.waitForFunction(() => /imported/.test(document.querySelector('.fac-import-results')?.textContent ?? ''));
    expect(await con.locator('.fac-import-results').innerText()).toContain(`“Workshop room ${code}”`);
    expect(await con.locator('.fac-history').innerText()).toContain(`Workshop room ${code}`);
    await shot(con, 'console-room-log-imported');
  }, 60_000);

  it('raised no page errors and no accessibility violations on the phone screens', () => {
    const found = Object.entries(axeResults).flatMap(([where, r]) => r.serious.map((v) => `${where}: ${v.id} at ${v.targets.join(', ')}`));
    console.log('axe:', Object.entries(axeResults).map(([where, r]) => `${where} ${JSON.stringify(r.counts)}`).join('; '));
    expect(found).toEqual([]);
    const all = Object.entries(axeResults).filter(([, r]) => Object.values(r.counts).some((n) => n > 0));
    expect(all.map(([where, r]) => `${where} ${JSON.stringify(r.counts)}`)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
