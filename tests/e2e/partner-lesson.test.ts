import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, buttonNamed, choicesMade, OUT, openGame, playFirstOpenToEnd, serveGame, shot, tabTo, type Served } from './harness.ts';

// The partner lesson in the browser: a keyboard-only run with the break-fix partner whose debrief
// names the options the partner closed and compares partners; a what-if branch from decision 3
// next to its parent; a debrief reopened from the history equal to the original.

const SCENARIO = 'ransomware-manufacturer';
const SAVE_KEY = 'war-room.save';
let served: Served;

beforeAll(async () => {
  served = await serveGame('dist-partner');
}, 180_000);

afterAll(async () => {
  await served?.close();
});

/** The debrief as a reader sees it, without the buttons. */
async function debriefText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.querySelector('.debrief-screen')!.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('button').forEach((b) => b.remove());
    return copy.innerText;
  });
}

/** Moderate axe findings by rule and target (the harness's summary lists only serious ones). */
async function axeModerate(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } };
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'moderate').flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}`));
  });
}

describe('the partner lesson in the browser', () => {
  it('a keyboard-only run with the break-fix partner names the closed options and compares partners; what-if and history follow', async () => {
    const page = await openGame(served);

    // Title -> picker -> the scenario with its first partner (the break-fix vendor) and seed 11.
    await tabTo(page, 'Choose a scenario', buttonNamed('Choose a scenario'));
    await page.keyboard.press('Enter');
    await page.waitForSelector('.picker-screen');
    await tabTo(page, `the ${SCENARIO} card`, `el.classList.contains('card__choose') && el.closest('[data-scenario]')?.dataset.scenario === ${JSON.stringify(SCENARIO)}`);
    await page.keyboard.press('Enter');
    await tabTo(page, 'the seed field', `el.classList.contains('input--seed')`);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('11');
    await page.keyboard.press('Tab');
    await tabTo(page, 'Open the briefing', buttonNamed('Open the briefing'));
    await page.keyboard.press('Enter');
    await page.waitForSelector('.briefing-screen');
    // Who plays whom: the briefing says what the partner can and cannot do.
    expect(await page.locator('.partner-split').textContent()).toMatch(/You lead the response.*It cannot: 24x7 \(Northgate Managed IT, Meridian Partners can\)/s);
    await page.locator('.partner-split').scrollIntoViewIfNeeded();
    await shot(page, 'partner-1280x720-briefing');
    await tabTo(page, 'Go to preparation', buttonNamed('Go to preparation'));
    await page.keyboard.press('Enter');
    await page.waitForSelector('.prep-screen');
    await tabTo(page, 'the first measure', `el.type === 'checkbox'`);
    await page.keyboard.press('Space');
    await tabTo(page, 'Start the incident', buttonNamed('Start the incident'));
    await page.keyboard.press('Enter');
    await page.waitForSelector('.decision__prompt');
    // An option out of the partner's reach names the capability it needs.
    await expect.poll(() => page.locator('[data-option="isolate"] .option__reason').textContent()).toMatch(/^Out of reach with your IT partner: needs 24x7\./);
    await shot(page, 'partner-1280x720-decision');
    await playFirstOpenToEnd(page);
    await tabTo(page, 'See the debrief', buttonNamed('See the debrief'));
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-score="overall"]');

    // Decisions and partner judged apart; the lesson in money and hours.
    expect(await page.locator('[data-judged="decisions"]').textContent()).toContain('Your decisions');
    expect(await page.locator('[data-judged="partner"]').textContent()).toContain('Your partner held you back');
    expect(await page.locator('.lesson').first().textContent()).toMatch(/^With Meridian Partners the same decisions would have ended .* (sooner|later).*lost revenue\.$/);
    // Every partner side by side, the player's own first.
    expect(await page.locator('table.compare tbody tr').count()).toBe(3);
    expect(await page.locator('tr.compare__own').textContent()).toContain('yours');
    // The advised isolation at the night-shift call needed a partner awake at night.
    const closed = page.locator('[data-closed="isolate"]');
    expect(await closed.textContent()).toMatch(/Needed: 24x7 \(offered by Northgate Managed IT, Meridian Partners\)/);
    // ...and it is never listed as an option the player turned down.
    const notTaken = await page.$$eval('.not-taken:not([data-out-of-reach]) li', (els) => els.map((e) => e.textContent ?? ''));
    expect(notTaken.some((t) => t.startsWith('Isolate now'))).toBe(false);
    expect(await page.locator('[data-out-of-reach] li').first().textContent()).toContain('needs');
    // Uptime, productivity and the preparation's return in the chart area.
    expect(await page.locator('table.uptime tbody tr').count()).toBeGreaterThan(2);
    expect(await page.locator('.lesson-measures').textContent()).toMatch(/staff-hours.*loss avoided/s);

    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      const size = `${viewport.width}x${viewport.height}`;
      await page.locator('#judgement-heading').scrollIntoViewIfNeeded();
      await shot(page, `partner-${size}-judgement`);
      await page.locator('#compare-heading').scrollIntoViewIfNeeded();
      await shot(page, `partner-${size}-comparison`);
      await page.locator('#closed-heading').scrollIntoViewIfNeeded();
      await shot(page, `partner-${size}-closed`);
      await page.locator('table.uptime').scrollIntoViewIfNeeded();
      await shot(page, `partner-${size}-uptime`);
      await page.screenshot({ path: join(OUT, `partner-${size}-debrief-full.png`), fullPage: true });
      const summary = await axe(page);
      expect(summary.serious, `${size} debrief`).toEqual([]);
      expect(await axeModerate(page), `${size} debrief`).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    // The print (A4 PDF) version carries the comparison, the closed options and uptime too.
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(OUT, 'partner-print-debrief-full.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    const original = await debriefText(page);

    // What-if from decision 3: replayed to that point, played on with another choice.
    await page.locator('[data-whatif="3"]').click();
    await page.waitForSelector('.options[data-armed="true"]');
    const keys = await page.$$eval('.option[aria-disabled="false"] .option__key', (els) => els.map((e) => e.textContent ?? ''));
    const before = await choicesMade(page);
    await page.keyboard.press(keys[keys.length - 1]!);
    await expect.poll(() => choicesMade(page)).toBeGreaterThan(before);
    await playFirstOpenToEnd(page);
    await page.getByRole('button', { name: 'See the debrief' }).click();
    await page.waitForSelector('[data-branch]');
    const branchRows = await page.$$eval('[data-branch] tbody th', (rows) => rows.map((r) => r.textContent ?? ''));
    expect(branchRows).toEqual(expect.arrayContaining(['Overall', 'Revenue lost', 'Downtime', 'Ended at', 'Ending']));
    await page.locator('#branch-heading').scrollIntoViewIfNeeded();
    await shot(page, 'partner-1280x720-whatif');
    expect((await axe(page)).serious).toEqual([]);
    expect(await axeModerate(page)).toEqual([]);

    // History: the branch sits under its parent; the parent reopens to the same debrief, after a reload.
    await page.getByRole('button', { name: 'Title' }).first().click();
    await page.reload();
    await page.waitForSelector('body[data-ready="1"]');
    const parentItem = page.locator('.runs > .run-item').first();
    expect(await parentItem.locator('.runs--branches .run__title').textContent()).toBe('What-if from decision 3');
    await shot(page, 'partner-1280x720-history');
    expect((await axe(page)).serious).toEqual([]);
    expect(await axeModerate(page)).toEqual([]);
    await parentItem.locator('.run__actions').first().getByRole('button', { name: /^Open the debrief/ }).click();
    await page.waitForSelector('[data-score="overall"]');
    expect(await debriefText(page)).toBe(original);

    // Replay this seed starts the same scenario, partner and seed.
    await page.getByRole('button', { name: 'Title' }).first().click();
    await page.locator('.runs > .run-item').first().locator('.run__actions').first().getByRole('button', { name: /^Replay this seed/ }).click();
    await page.waitForSelector('.briefing-screen');
    const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!) as { seed: number; partner: string }, SAVE_KEY);
    expect(saved).toMatchObject({ seed: 11, partner: 'quickfix' });
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.context().close();
  }, 400_000);
});
