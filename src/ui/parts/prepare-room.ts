import type { AppContext } from '../context.ts';

// While the player reads the briefing or ticks preparation measures, the war room's code loads and
// its Phaser game boots off the page (src/game/index.ts, prepareWarRoom), when the page is idle:
// starting the incident then costs the room's own set-up only, not Phaser's boot, which blocked
// the page for hundreds of ms at a time on a busy machine.

/** Prepares the war room once the page is idle; returns a cancel for the screen's destroy(). */
export function prepareRoomWhenIdle(ctx: AppContext): () => void {
  const load = ctx.loadWarRoom;
  if (!load) return () => {};
  let cancelled = false;
  const prepare = (): void => {
    if (cancelled) return;
    load()
      .then((mod) => {
        // The player may already have moved on: the incident's stage then mounts the room itself.
        if (!cancelled) mod.prepareWarRoom?.();
      })
      // Not fatal: the incident's stage loads the code again and reports a failure there.
      .catch(() => undefined);
  };
  // requestIdleCallback is missing in some browsers (Safari): a short timeout instead.
  const idle = typeof window.requestIdleCallback === 'function';
  const handle = idle ? window.requestIdleCallback(prepare, { timeout: 2000 }) : window.setTimeout(prepare, 500);
  return () => {
    cancelled = true;
    if (idle) window.cancelIdleCallback(handle);
    else window.clearTimeout(handle);
  };
}
