import type { BrowserContext, Page } from 'playwright-core';

// Every new window of headless Chromium builds its own omnibox popup, a WebUI page in a renderer
// of its own ("browser_ui" targets, chrome://omnibox-popup.top-chrome/): about a second of CPU on
// a 2-core machine, right when a measured page starts loading in that window. It slowed both the
// game and the bare app, by different amounts from run to run (resumed war room: 1240-1960 ms for
// one build). A player opens the game in a browser that is already running; so the bench opens
// each page in a tab whose window has finished building its own interface.

const IDLE_BUDGET_MS = 10_000;

interface TargetInfo {
  targetId: string;
}

/** A new page in `context`, returned once every browser_ui page of the browser has loaded and gone idle (or after IDLE_BUDGET_MS). */
export async function openIdleTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const browser = context.browser();
  if (!browser) return page;
  const cdp = await browser.newBrowserCDPSession();
  try {
    // Not in Playwright's protocol types: browser_ui targets and messages to unflattened sessions.
    const send = cdp.send.bind(cdp) as (method: string, params?: object) => Promise<unknown>;
    const { targetInfos } = (await send('Target.getTargets', { filter: [{ type: 'browser_ui' }] })) as { targetInfos: TargetInfo[] };
    const replies = new Map<number, () => void>();
    (cdp as unknown as { on(event: string, listener: (e: { message: string }) => void): void }).on('Target.receivedMessageFromTarget', (e) => {
      const reply = JSON.parse(e.message) as { id?: number };
      if (reply.id !== undefined) replies.get(reply.id)?.();
    });
    // The page's own idle callback: it runs once the renderer has nothing left to do, or at the budget.
    const idle = `new Promise((resolve) => { const wait = () => requestIdleCallback(() => resolve(true), { timeout: ${IDLE_BUDGET_MS} }); if (document.readyState === 'complete') wait(); else addEventListener('load', wait); })`;
    await Promise.all(
      targetInfos.map(async ({ targetId }, i) => {
        const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
        const answered = new Promise<void>((resolve) => replies.set(i, resolve));
        await send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: i, method: 'Runtime.evaluate', params: { expression: idle, awaitPromise: true } }) });
        // A budget in case the page never answers; cleared once it has, so no timer outlives the wait.
        let budget: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([answered, new Promise((resolve) => (budget = setTimeout(resolve, IDLE_BUDGET_MS)))]);
        clearTimeout(budget);
        await send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      }),
    );
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  return page;
}
