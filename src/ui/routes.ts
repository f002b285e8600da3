import type { GameStore, Screen } from '../store/game-store.ts';

// URL routes for the screens, so the browser's Back and Forward (and the Android back gesture)
// move between screens instead of leaving the game. The store stays the one source of truth:
// a screen change pushes its route; a Back or Forward asks the store for the screen the URL
// names, and when the store refuses (no run to brief, a run that has moved on), the URL is
// put back to the screen actually shown. Hash routes work on any static host and offline.

export const ROUTES: Record<Screen, string> = {
  title: '#/',
  picker: '#/scenarios',
  briefing: '#/briefing',
  preparation: '#/preparation',
  incident: '#/incident',
  debrief: '#/debrief',
};

/** The screen a location hash names, or null for a hash that is not a screen route. */
export function screenForHash(hash: string): Screen | null {
  const wanted = hash === '' || hash === '#' ? ROUTES.title : hash;
  for (const [screen, route] of Object.entries(ROUTES) as [Screen, string][]) {
    if (route === wanted) return screen;
  }
  return null;
}

/** Asks the store for a screen the way the screens' own buttons do. */
export function navigate(store: GameStore, screen: Screen): void {
  const state = store.getState();
  // Leaving a live incident by Back stops its clock, as leaving it for the title does.
  if (state.screen === 'incident' && screen !== 'incident' && state.view?.phase === 'incident') state.pause('player');
  switch (screen) {
    case 'title':
      state.showTitle();
      return;
    case 'picker':
      state.showPicker();
      return;
    case 'briefing':
      state.showBriefing();
      return;
    case 'preparation':
      state.showPreparation();
      return;
    case 'incident':
      if (state.view?.phase === 'incident') state.continueRun();
      return;
    case 'debrief':
      state.showDebrief();
      return;
    default: {
      const unreachable: never = screen;
      throw new Error(`unknown screen ${String(unreachable)}`);
    }
  }
}

export interface RouterWindow {
  location: { hash: string };
  history: Pick<History, 'pushState' | 'replaceState'>;
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
}

/** Keeps the URL and the store's screen in step. Returns the function that stops it. */
export function startRouting(store: GameStore, win: RouterWindow = window): () => void {
  let fromUrl = false;
  const sync = (screen: Screen, push: boolean): void => {
    const route = ROUTES[screen];
    if (win.location.hash === route) return;
    if (push) win.history.pushState({ screen }, '', route);
    else win.history.replaceState({ screen }, '', route);
  };
  const onPop = (): void => {
    const wanted = screenForHash(win.location.hash);
    if (wanted && wanted !== store.getState().screen) {
      fromUrl = true;
      try {
        navigate(store, wanted);
      } finally {
        fromUrl = false;
      }
    }
    // Refused or unknown: show the URL of the screen that is actually on show.
    sync(store.getState().screen, false);
  };
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.screen !== prev.screen && !fromUrl) sync(state.screen, true);
  });
  sync(store.getState().screen, false);
  win.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onPop);
  };
}
