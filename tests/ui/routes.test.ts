import { afterEach, describe, expect, it } from 'vitest';
import type { GameStore } from '../../src/store/game-store.ts';
import { ROUTES, screenForHash, startRouting, type RouterWindow } from '../../src/ui/routes.ts';
import { makeStore } from '../store/helpers.ts';

// A browser history in miniature: entries, an index, and popstate on back/forward.
function fakeWindow() {
  const entries = [''];
  let at = 0;
  const listeners = new Set<() => void>();
  const win: RouterWindow & { back(): void; forward(): void; entries: string[] } = {
    location: {
      get hash() {
        return entries[at]!;
      },
    } as { hash: string },
    history: {
      pushState: (_s: unknown, _t: string, url?: string | URL | null) => {
        entries.splice(at + 1, entries.length, String(url));
        at = entries.length - 1;
      },
      replaceState: (_s: unknown, _t: string, url?: string | URL | null) => {
        entries[at] = String(url);
      },
    },
    addEventListener: (_t, l) => void listeners.add(l),
    removeEventListener: (_t, l) => void listeners.delete(l),
    back() {
      at = Math.max(0, at - 1);
      listeners.forEach((l) => l());
    },
    forward() {
      at = Math.min(entries.length - 1, at + 1);
      listeners.forEach((l) => l());
    },
    entries,
  };
  return win;
}

const stores: GameStore[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.getState().dispose()));

describe('screen routes', () => {
  it('maps every screen to its own hash and back', () => {
    for (const [screen, route] of Object.entries(ROUTES)) expect(screenForHash(route)).toBe(screen);
    expect(screenForHash('')).toBe('title');
    expect(screenForHash('#main')).toBeNull();
  });

  it('pushes a route per screen, and Back from the briefing returns to the picker', () => {
    const { store, s } = makeStore();
    stores.push(store);
    const win = fakeWindow();
    const stop = startRouting(store, win);
    expect(win.location.hash).toBe('#/');
    s().showPicker();
    expect(s().beginBriefing()).toBeNull();
    expect(win.entries).toEqual(['#/', '#/scenarios', '#/briefing']);
    win.back();
    expect(s().screen).toBe('picker');
    win.forward();
    expect(s().screen).toBe('briefing');
    stop();
  });

  it('puts the URL back when the store refuses the screen it names, and pauses a live incident left by Back', () => {
    const { store, s } = makeStore();
    stores.push(store);
    const win = fakeWindow();
    startRouting(store, win);
    s().beginBriefing();
    s().showPreparation();
    s().commitPreparation();
    expect(s().screen).toBe('incident');
    win.back(); // to #/preparation: preparation is over, so the incident stays
    expect(s().screen).toBe('incident');
    expect(win.location.hash).toBe('#/incident');
    win.back(); // to #/briefing: also refused
    expect(s().screen).toBe('incident');
    win.back(); // to #/: the title, with the run paused
    expect(s().screen).toBe('title');
    expect(s().paused).toBe(true);
  });
});
