import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import type { RunEvent } from '../../src/engine/machine.ts';
import { Run } from '../../src/engine/runtime.ts';
import { scoreRun } from '../../src/engine/scoring.ts';
import { parseScenario } from '../../src/scenarios/load.ts';
import { buildDebrief } from '../../src/store/debrief.ts';
import { debriefMarkdown } from '../../src/store/export.ts';
import { advanceGameClock, axe, buttonNamed, OUT, openGame, painted, roomReady, serveGame, shot, tabTo, type AxeSummary, type Served } from './harness.ts';
import { verdictLabel } from '../../src/i18n/engine-text.ts';

// The browser game end to end: built with `vite build`, served by `vite preview`, played in
// headless Chromium. Scores in the browser must equal a headless replay of the same inputs.

const SCENARIO = 'ransomware-manufacturer';
const SAVE_KEY = 'war-room.save';
let served: Served;

beforeAll(async () => {
  served = await serveGame();
}, 180_000);

afterAll(async () => {
  await served?.close();
});

function compiledScenario() {
  const file = `${SCENARIO}.yaml`;
  const text = served.scenarioTexts.get(file);
  if (!text) throw new Error(`scenarios/${file} is missing`);
  const { scenario, errors } = parseScenario(text, file);
  if (!scenario) throw new Error(`scenarios/${file} does not load: ${errors.map((e) => e.message).join('; ')}`);
  return compileScenario(scenario);
}

interface SavedInputs {
  seed: number;
  partner: string;
  inputs: RunEvent[];
}

async function savedRun(page: Page): Promise<SavedInputs | null> {
  return page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as SavedInputs) : null;
  }, SAVE_KEY);
}

async function choicesMade(page: Page): Promise<number> {
  return ((await savedRun(page))?.inputs ?? []).filter((i) => i.type === 'player.choose').length;
}

async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.textContent ?? '');
}

async function download(page: Page, kind: 'md' | 'json'): Promise<string> {
  await tabTo(page, `the ${kind} export button`, `el.dataset.export === ${JSON.stringify(kind)}`);
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  return readFileSync((await file.path())!, 'utf8');
}

/** Title to the first decision by mouse, for the tests that are not about the keyboard. */
async function startIncident(page: Page, measures = 1): Promise<void> {
  await page.getByRole('button', { name: 'Choose a scenario' }).click();
  await page.locator(`[data-scenario="${SCENARIO}"] .card__choose`).click();
  await page.getByRole('button', { name: 'Open the briefing' }).click();
  await page.getByRole('button', { name: 'Go to preparation' }).click();
  for (let i = 0; i < measures; i++) await page.locator('.measure input').nth(i).check();
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await page.waitForSelector('.option');
}

async function chooseByKey(page: Page, pick: (available: number[]) => number): Promise<void> {
  const before = await choicesMade(page);
  // A new decision ignores input for a moment after it is drawn (the double-click guard).
  await page.waitForSelector('.options[data-armed="true"]');
  const keys = await page.$$eval('.option[aria-disabled="false"] .option__key', (els) => els.map((e) => Number(e.textContent)));
  expect(keys.length).toBeGreaterThan(0);
  await page.keyboard.press(String(pick(keys)));
  await page.waitForFunction(
    ([key, n]) => (JSON.parse(localStorage.getItem(key as string) ?? '{"inputs":[]}').inputs as { type: string }[]).filter((i) => i.type === 'player.choose').length > (n as number),
    [SAVE_KEY, before],
  );
}

async function playToEnd(page: Page, pick: (available: number[], turn: number) => number): Promise<number> {
  let turn = 0;
  while (!(await page.locator('.ending:not([hidden])').count())) {
    await chooseByKey(page, (keys) => pick(keys, turn));
    turn += 1;
    if (turn > 60) throw new Error('the scenario did not end within 60 decisions');
  }
  return turn;
}

describe('solo play in the browser', () => {
  it('plays a whole scenario by keyboard alone, and the debrief and its exports match a headless replay', async () => {
    const page = await openGame(served);
    const compiled = compiledScenario();

    // Title -> picker.
    await tabTo(page, 'Choose a scenario', buttonNamed('Choose a scenario'));
    await page.keyboard.press('Enter');
    await page.waitForSelector('.picker-screen');
    // Pick the scenario, the strategic partner (last in the list) and a seed.
    await tabTo(page, `the ${SCENARIO} card`, `el.classList.contains('card__choose') && el.closest('[data-scenario]')?.dataset.scenario === ${JSON.stringify(SCENARIO)}`);
    await page.keyboard.press('Enter');
    await tabTo(page, 'the partner choice', `el.name === 'partner'`);
    const partners = compiled.index.scenario.partners;
    for (let i = 1; i < partners.length; i++) await page.keyboard.press('ArrowDown');
    await tabTo(page, 'the seed field', `el.classList.contains('input--seed')`);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('4242');
    await page.keyboard.press('Tab');
    await tabTo(page, 'Open the briefing', buttonNamed('Open the briefing'));
    await page.keyboard.press('Enter');

    // Briefing -> preparation.
    await page.waitForSelector('.briefing-screen');
    await tabTo(page, 'Go to preparation', buttonNamed('Go to preparation'));
    await page.keyboard.press('Enter');
    await page.waitForSelector('.prep-screen');

    // Tick every measure in order with Space: the budget refuses some, with a message.
    await tabTo(page, 'the first measure', `el.type === 'checkbox'`);
    const measureCount = await page.locator('.measure input').count();
    for (let i = 0; i < measureCount; i++) {
      await page.keyboard.press('Space');
      if (i < measureCount - 1) await page.keyboard.press('Tab');
    }
    const budget = compiled.index.scenario.preparation.budget;
    const costs = compiled.index.scenario.preparation.measures.map((m) => m.cost);
    if (costs.reduce((a, b) => a + b, 0) > budget) {
      await expect.poll(() => page.locator('.prep-message').textContent()).toMatch(/costs .* but only .* of the budget is left/);
    }
    const ticked = await page.$$eval('.measure input', (els) => els.filter((e) => (e as HTMLInputElement).checked).length);
    expect(ticked).toBeGreaterThan(0);
    await tabTo(page, 'Start the incident', buttonNamed('Start the incident'));
    await page.keyboard.press('Enter');

    // The incident: focus lands on the decision; keys 1-5 choose; P and Esc pause and resume.
    await page.waitForSelector('.decision__prompt');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('decision__prompt'))).toBe(true);
    await chooseByKey(page, (keys) => keys[0]!);
    await page.keyboard.press('p');
    await expect.poll(() => page.locator('dialog.pause-dialog[open]').count()).toBe(1);
    const whilePaused = await choicesMade(page);
    await page.keyboard.press('1');
    expect(await choicesMade(page)).toBe(whilePaused);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog.pause-dialog[open]').count()).toBe(0);
    // A new decision takes focus to its heading.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('decision__prompt'))).toBe(true);
    const turns = await playToEnd(page, (keys, turn) => keys[turn % keys.length]!);
    expect(turns).toBeGreaterThan(1);

    await expect.poll(() => focusedText(page)).toBe(await page.locator('.ending__title').textContent());
    await tabTo(page, 'See the debrief', buttonNamed('See the debrief'));
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-score="overall"]');

    const score = async (name: string) => Number(await page.locator(`[data-score="${name}"]`).textContent());
    const shown = {
      overall: await score('overall'),
      communication: await score('communication'),
      proactivity: await score('proactivity'),
      businessImpact: await score('businessImpact'),
    };

    // The headless engine replays the same seed and inputs (choices and clock ticks).
    const saved = (await savedRun(page))!;
    expect(saved.seed).toBe(4242);
    expect(saved.partner).toBe(partners[partners.length - 1]!.id);
    const replay = Run.start(compiled, { seed: saved.seed, partner: saved.partner });
    for (const input of saved.inputs) replay.send(input);
    expect(replay.isOver).toBe(true);
    const report = scoreRun(compiled.index, replay.log);
    expect(shown).toEqual({
      overall: report.overall,
      communication: report.communication.score,
      proactivity: report.proactivity.score,
      businessImpact: report.businessImpact.score,
    });
    expect(await page.locator('.verdict__label').textContent()).toBe(verdictLabel(report.verdict, 'en'));
    const ratings = await page.$$eval('.objective .rating', (els) => els.map((e) => e.textContent));
    expect(ratings).toEqual(report.objectives.map((o) => o.rating));

    // Exports, downloaded by keyboard: the JSON replays, the Markdown is the run's debrief.
    const json = JSON.parse(await download(page, 'json'));
    expect(json.save.inputs).toEqual(saved.inputs);
    expect(json.scores.overall).toBe(report.overall);
    const markdown = await download(page, 'md');
    expect(markdown).toBe(debriefMarkdown(buildDebrief(compiled, replay.state, report), 'en'));
    expect(markdown).toContain(`| **Overall** | **${report.overall}** |`);
    for (const entry of replay.log) {
      if (entry.type === 'decision.made') expect(markdown).toContain(compiled.index.options.get(entry.beat)!.get(entry.option)!.label.slice(0, 30));
    }
    await page.context().close();
  }, 240_000);

  it('resumes exactly after a reload mid-incident: same seed, choices, clock and messages', async () => {
    // The test clock: game time moves only when the test says, however slow the machine is.
    const page = await openGame(served, undefined, { testClock: true });
    await startIncident(page, 2);
    await chooseByKey(page, (keys) => keys[keys.length - 1]!);
    const clockBefore = await page.locator('.clock').textContent();
    await roomReady(page);
    await advanceGameClock(page, 3_500); // more than one game minute at the standard pace
    await expect.poll(() => page.locator(".clock").textContent(), { timeout: 30_000 }).not.toBe(clockBefore);
    await page.keyboard.press('p');
    await expect.poll(() => page.locator('dialog.pause-dialog[open]').count()).toBe(1);
    const look = () =>
      page.evaluate(() => ({
        clock: document.querySelector('.clock')?.textContent,
        elapsed: document.querySelector('.clock-elapsed')?.textContent,
        beat: document.querySelector('.beat__title')?.textContent,
        prompt: document.querySelector('.decision__prompt')?.textContent,
        outcome: document.querySelector('.outcome')?.textContent,
        feed: [...document.querySelectorAll('.inject')].map((e) => e.textContent),
        options: [...document.querySelectorAll('.option')].map((e) => `${e.getAttribute('aria-disabled')} ${e.textContent}`),
        metrics: document.querySelector('.metrics')?.textContent,
      }));
    const before = await look();
    const savedBefore = await savedRun(page);
    expect(before.elapsed).not.toBe('T+0:00');
    expect(before.feed.length).toBeGreaterThan(0);

    await page.reload();
    await page.waitForSelector('body[data-ready="1"]');
    await expect.poll(() => page.locator('dialog.pause-dialog[open]').count()).toBe(1);
    expect(await page.locator('dialog.pause-dialog').textContent()).toContain('Welcome back');
    expect(await look()).toEqual(before);
    expect(await savedRun(page)).toEqual(savedBefore);
    // The page's head asked for the saved scenario's data while its script was still on its way
    // (vite.config.ts, warRoomEarlyOnResume), and the script took that one download up.
    const scenarioDownloads = await page.evaluate((id) => performance.getEntriesByType('resource').filter((e) => e.name.includes(`/assets/scenario-${id}-`)).map((e) => (e as PerformanceResourceTiming).initiatorType), SCENARIO);
    expect(scenarioDownloads).toEqual(['link']);

    // Resuming starts the clock again from where it stopped.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog.pause-dialog[open]').count()).toBe(0);
    // The reloaded page rebuilds its room: the clock goes on from its first frame.
    await roomReady(page);
    await advanceGameClock(page, 3_500);
    await expect.poll(() => page.locator('.clock-elapsed').textContent(), { timeout: 30_000 }).not.toBe(before.elapsed);
    await page.context().close();
  }, 120_000);

  it('explains a corrupted save, keeps it aside under another key, and starts fresh', async () => {
    const page = await openGame(served);
    const broken = '{"format":"war-room.run","version":1,"scenario":{"id":"ransomware-manufacturer"},"inputs":[{"type":"player.cho';
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [SAVE_KEY, broken]);
    await page.reload();
    await page.waitForSelector('body[data-ready="1"]');
    const notice = page.locator('.notice[role="alert"]');
    await expect.poll(() => notice.count()).toBe(1);
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('Your saved game could not be resumed');
    expect(text).toContain('cannot be read as JSON');
    const keptAs = /under “([^”]+)”/.exec(text)?.[1];
    expect(keptAs).toMatch(/^war-room\.save\.bad\./);
    const storage = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
    expect(storage[keptAs!]).toBe(broken);
    expect(storage[SAVE_KEY]).toBeUndefined();
    expect(await page.evaluate(() => document.body.dataset.screen)).toBe('title');

    // An incompatible version is explained too, and the earlier bad save is not overwritten.
    await page.evaluate(([key]) => localStorage.setItem(key!, JSON.stringify({ format: 'war-room.run', version: 99, scenario: { id: 'x' } })), [SAVE_KEY]);
    await page.reload();
    await page.waitForSelector('body[data-ready="1"]');
    expect(await page.locator('.notice[role="alert"]').textContent()).toMatch(/not supported|does not have/);
    const after = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('war-room.save.bad.')));
    expect(after).toHaveLength(2);
    expect(await page.evaluate((k) => localStorage.getItem(k), keptAs!)).toBe(broken);

    // The fresh start works.
    await page.getByRole('button', { name: 'Choose a scenario' }).click();
    await page.waitForSelector('.picker-screen');
    await page.context().close();
  }, 60_000);

  it('downloads a scenario only when it is chosen, shows that, and explains a failed download with a retry', async () => {
    // No service worker here: the test decides what each scenario download does.
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce', serviceWorkers: 'block' });
    const page = await context.newPage();
    const asked: string[] = [];
    let mode: 'fail' | 'hold' = 'fail';
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/assets/scenario-*.json', async (route) => {
      asked.push(route.request().url());
      if (mode === 'fail') return route.abort('internetdisconnected');
      await released;
      return route.continue();
    });
    await page.goto(served.url);
    await page.waitForSelector('body[data-ready="1"]');
    expect(asked).toEqual([]);

    await page.getByRole('button', { name: 'Choose a scenario' }).click();
    const status = page.locator('.setup__load');
    await expect.poll(() => status.textContent()).toMatch(/could not be loaded: “.+” could not be downloaded/);
    await shot(page, 'picker-scenario-failed');
    expect(await page.getByRole('button', { name: 'Open the briefing' }).isVisible()).toBe(true);

    mode = 'hold';
    await page.locator(`[data-scenario="${SCENARIO}"] .card__choose`).click();
    await expect.poll(() => status.textContent()).toBe('Downloading this scenario…');
    await shot(page, 'picker-scenario-loading');
    // Asking for the briefing while it downloads waits for it, then opens it.
    await page.getByRole('button', { name: 'Open the briefing' }).click();
    release();
    await page.waitForSelector('body[data-screen="briefing"]');
    expect(asked.filter((u) => u.includes(`scenario-${SCENARIO}-`)).length).toBe(1);

    // Facilitator mode works offline: the service worker precaches every scenario's own file.
    const catalogueUrl = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="preload"][as="fetch"]')?.href ?? '');
    const catalogue = (await (await page.request.get(catalogueUrl)).json()) as { url: string | null }[];
    const worker = await (await page.request.get(new URL('sw.js', served.url).href)).text();
    const files = catalogue.flatMap((e) => (e.url ? [e.url.replace(/^\//, '')] : []));
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const file of files) expect(worker).toContain(file);
    await context.close();
  }, 60_000);

  it('shows the game’s name and a moving bar while its script is slow to come, and none of it once the title is drawn', async () => {
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/main-[\w-]+\.js$/, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(served.url, { waitUntil: 'commit' });
    // Shown once the script is late (it fades in from 300 ms), so a quick start never flashes it.
    await page.waitForFunction(() => {
      const boot = document.querySelector('.boot');
      return boot !== null && getComputedStyle(boot).opacity === '1';
    });
    expect(await page.getAttribute('#app', 'aria-busy')).toBe('true');
    expect(await page.locator('.boot').innerText()).toMatch(/^war room$/i);
    await shot(page, '1280x720-loading');
    release();
    await page.waitForSelector('body[data-ready="1"]');
    expect(await page.locator('.boot').count()).toBe(0);
    expect(await page.getAttribute('#app', 'aria-busy')).toBeNull();
    expect(await page.getByRole('button', { name: 'Choose a scenario' }).isVisible()).toBe(true);
    await context.close();
  }, 60_000);

  it('passes axe-core on every screen at the four common sizes, with screenshots of each', async () => {
    const results: Record<string, Record<string, AxeSummary['counts']>> = {};
    const problems: string[] = [];
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
      { width: 390, height: 844 },
    ]) {
      const size = `${viewport.width}x${viewport.height}`;
      const page = await openGame(served, viewport);
      const check = async (screen: string): Promise<void> => {
        // A decision fades in while its double-press guard runs: judge the settled screen.
        if (await page.locator('.options:visible').count()) await page.waitForSelector('.options[data-armed="true"]');
        await painted(page);
        await shot(page, `${size}-${screen}`);
        const summary = await axe(page);
        (results[screen] ??= {})[size] = summary.counts;
        for (const v of summary.serious) problems.push(`${size} ${screen}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
      };
      await check('01-title');
      await page.getByRole('button', { name: 'Choose a scenario' }).click();
      await check('02-picker');
      await page.locator(`[data-scenario="${SCENARIO}"] .card__choose`).click();
      await page.getByRole('button', { name: 'Open the briefing' }).click();
      await check('03-briefing');
      await page.getByRole('button', { name: 'Go to preparation' }).click();
      const boxes = page.locator('.measure input');
      for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).click();
      await check('04-preparation');
      await page.getByRole('button', { name: 'Start the incident' }).click();
      await page.waitForSelector('.option');
      // The war room has its pictures in before the screen is judged (check() then waits for a painted screen).
      await page.waitForSelector('body[data-war-room-pictures="1"]');
      await check('05-incident');
      await chooseByKey(page, (keys) => keys[0]!);
      await chooseByKey(page, (keys) => keys[keys.length - 1]!);
      await check('06-incident-later');
      await page.keyboard.press('p');
      await check('07-pause');
      await page.keyboard.press('Escape');
      await playToEnd(page, (keys) => keys[0]!);
      await check('08-ending');
      await page.getByRole('button', { name: 'See the debrief' }).click();
      await page.waitForSelector('[data-score="overall"]');
      await check('09-debrief');
      await page.screenshot({ path: join(OUT, `${size}-09-debrief-full.png`), fullPage: true });
      await page.getByRole('button', { name: 'Title' }).first().click();
      await check('10-title-with-history');
      await page.evaluate(() => localStorage.setItem('war-room.save', 'not json'));
      await page.reload();
      await page.waitForSelector('body[data-ready="1"]');
      await page.waitForSelector('.notice[role="alert"]');
      // The message is on screen, not scrolled away.
      expect(await page.evaluate(() => document.querySelector('.notice')!.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
      await check('11-title-bad-save');
      await page.context().close();
    }
    writeFileSync(join(OUT, 'axe.json'), JSON.stringify(results, null, 2));
    // Only screens with violations are worth a line; the full table is in tests/e2e/out/axe.json.
    const found = Object.entries(results).flatMap(([screen, bySize]) =>
      Object.entries(bySize).flatMap(([size, counts]) => {
        const nonZero = Object.entries(counts).filter(([, n]) => n > 0);
        return nonZero.length ? [`${screen} ${size}: ${nonZero.map(([impact, n]) => `${n} ${impact}`).join(', ')}`] : [];
      }),
    );
    if (found.length) console.log(`axe-core violations (nodes) by impact:\n${found.join('\n')}`);
    expect(problems).toEqual([]);
  }, 600_000);
});
