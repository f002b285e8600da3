import type { Browser, Page } from 'playwright-core';

// Five scenarios played back to back in one page, title to debrief and back, by keyboard.
// The heap is read after a forced collection at the title screen each time: if scenes,
// listeners or subscriptions leaked, it would climb game after game.

export interface MemoryResult {
  /** MiB used after each game, collected at the title screen. */
  afterGame: number[];
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

async function playOne(page: Page, scenarioId: string, sample: (bytes: number) => void): Promise<void> {
  await page.getByRole('button', { name: 'Choose a scenario' }).click();
  await page.locator(`[data-scenario="${scenarioId}"] .card__choose`).click();
  await page.getByRole('button', { name: 'Open the briefing' }).click();
  await page.getByRole('button', { name: 'Go to preparation' }).click();
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await page.waitForSelector('.option');
  // Page state is read with string evaluations that return plain values: element handles
  // would be retained by the debugging connection and show up as a leak that is not the game's.
  const read = <T>(expression: string): Promise<T> => page.evaluate(expression) as Promise<T>;
  for (let turn = 0; !(await read<boolean>('!!document.querySelector(".ending:not([hidden])")')); turn++) {
    if (turn > 80) throw new Error(`${scenarioId} did not end within 80 decisions`);
    const prompt = await read<string | null>('document.querySelector(".decision__prompt")?.textContent ?? null');
    const keys = await read<number[]>('[...document.querySelectorAll(\'.option[aria-disabled="false"] .option__key\')].map((e) => Number(e.textContent))');
    if (keys.length === 0) {
      await page.waitForTimeout(200);
      continue;
    }
    await page.keyboard.press(String(keys[0]));
    await page.waitForFunction(
      `document.querySelector(".decision__prompt")?.textContent !== ${JSON.stringify(prompt)} || !!document.querySelector(".ending:not([hidden])")`,
      null,
      { timeout: 20_000 },
    );
    sample(await usedHeap(page, false));
  }
  await page.getByRole('button', { name: 'See the debrief' }).click();
  await page.waitForSelector('[data-score="overall"]');
  await page.getByRole('button', { name: 'Title' }).first().click();
  await page.waitForSelector('body[data-ready="1"]');
}

export async function measureMemory(browser: Browser, url: string, scenarioIds: readonly string[]): Promise<MemoryResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]');
  let peak = 0;
  const afterGame: number[] = [];
  for (const id of scenarioIds) {
    await playOne(page, id, (bytes) => (peak = Math.max(peak, bytes)));
    afterGame.push(mib(await usedHeap(page, true)));
  }
  await context.close();
  return { afterGame, peak: mib(peak) };
}
