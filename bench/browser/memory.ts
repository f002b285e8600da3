import type { Browser, Page } from 'playwright-core';
import { heapParts, type HeapParts } from './heap-snapshot.ts';

// Five scenarios played back to back in one page, title to debrief and back, by keyboard.
// The heap is read after a forced collection at the title screen each time: if scenes,
// listeners or subscriptions leaked, it would climb game after game.

export interface MemoryResult {
  /** MiB used after each game, collected at the title screen. */
  afterGame: number[];
  /** The same heap after each game, split into compiled code and the rest (see heap-snapshot.ts). */
  partsAfterGame: HeapParts[];
  peak: number;
}

const mib = (bytes: number): number => bytes / 1024 / 1024;

async function usedHeap(page: Page, collect: boolean): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  if (collect) {
    // Messages the page logged are kept by the debugging connection, with whatever they refer to.
    await cdp.send('Runtime.discardConsoleEntries');
    await cdp.send('HeapProfiler.collectGarbage');
  }
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

/** Clicks through string evaluation: Playwright element handles would be held by the debugging connection and pin old screens. */
async function click(page: Page, selector: string, text?: string): Promise<void> {
  const found = await page.evaluate(
    `(() => { const el = [...document.querySelectorAll(${JSON.stringify(selector)})].find((e) => ${text ? `e.textContent.trim() === ${JSON.stringify(text)}` : 'true'}); if (el) el.click(); return !!el; })()`,
  );
  if (!found) throw new Error(`nothing to click: ${selector} ${text ?? ''}`);
}

async function waitFor(page: Page, expression: string): Promise<void> {
  await page.waitForFunction(`!!(${expression})`, null, { timeout: 20_000 });
}

async function playOne(page: Page, scenarioId: string, sample: (bytes: number) => void): Promise<void> {
  const read = <T>(expression: string): Promise<T> => page.evaluate(expression) as Promise<T>;
  await click(page, 'button', 'Choose a scenario');
  await waitFor(page, `document.querySelector('[data-scenario="${scenarioId}"] .card__choose')`);
  await click(page, `[data-scenario="${scenarioId}"] .card__choose`);
  await click(page, 'button', 'Open the briefing');
  await waitFor(page, `[...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Go to preparation')`);
  await click(page, 'button', 'Go to preparation');
  await waitFor(page, `[...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Start the incident')`);
  await click(page, 'button', 'Start the incident');
  await waitFor(page, `document.querySelector('.option')`);
  for (let turn = 0; !(await read<boolean>('!!document.querySelector(".ending:not([hidden])")')); turn++) {
    if (turn > 80) throw new Error(`${scenarioId} did not end within 80 decisions`);
    const prompt = await read<string | null>('document.querySelector(".decision__prompt")?.textContent ?? null');
    const keys = await read<number[]>('[...document.querySelectorAll(\'.option[aria-disabled="false"] .option__key\')].map((e) => Number(e.textContent))');
    if (keys.length === 0) {
      await page.waitForTimeout(200);
      continue;
    }
    // A new decision ignores input for a moment after it is drawn (the double-click guard).
    await waitFor(page, `document.querySelector('.options[data-armed="true"]')`);
    await page.keyboard.press(String(keys[0]));
    await waitFor(page, `document.querySelector(".decision__prompt")?.textContent !== ${JSON.stringify(prompt)} || document.querySelector(".ending:not([hidden])")`);
    sample(await usedHeap(page, false));
  }
  await click(page, 'button', 'See the debrief');
  await waitFor(page, `document.querySelector('[data-score="overall"]')`);
  await click(page, 'button', 'Title');
  await waitFor(page, `document.body.dataset.screen === 'title'`);
}

export async function measureMemory(browser: Browser, url: string, scenarioIds: readonly string[]): Promise<MemoryResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]');
  let peak = 0;
  const afterGame: number[] = [];
  const partsAfterGame: HeapParts[] = [];
  for (const id of scenarioIds) {
    await playOne(page, id, (bytes) => (peak = Math.max(peak, bytes)));
    afterGame.push(mib(await usedHeap(page, true)));
    partsAfterGame.push(await heapParts(page));
  }
  await context.close();
  return { afterGame, partsAfterGame, peak: mib(peak) };
}
