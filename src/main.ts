import scenariosUrl from 'virtual:war-room/scenarios';
import { rememberedLang, showLang } from './i18n/browser-lang.ts';
import { savedScenarioId, savedScenarioLang } from './store/autosave.ts';
import { catalogFrom } from './store/catalog.ts';
import { createGameStore } from './store/game-store.ts';
import { manualTime } from './store/manual-time.ts';
import { ScenarioLibrary } from './store/scenario-library.ts';
import { fetchScenarios } from './store/scenario-source.ts';
import { browserStorage, downloadText } from './ui/browser.ts';
import { mountApp } from './ui/app.ts';
import { loadLanguage } from './ui/text.ts';
import type { WarRoomModule } from './ui/context.ts';
import { registerServiceWorkerWhenSettled } from './ui/service-worker.ts';
import { createSound } from './ui/sound.ts';
// Self-hosted variable fonts (Inter for text, JetBrains Mono for figures): the same letters on
// every platform and offline, and canvas text measured with the font it is drawn in.
import '@fontsource-variable/inter/wght.css';
import '@fontsource-variable/jetbrains-mono/wght.css';
import './ui/styles.css';

// The one file that wires the game together: scenarios, storage, real time, sound, the HTML
// screens, and the Phaser war room, which loads in its own chunk when the incident first opens.

function randomSeed(): number {
  const word = new Uint32Array(1);
  crypto.getRandomValues(word);
  return word[0]! % 1_000_000;
}

// import.meta.glob resolves to nothing when the scene is absent, so the game still builds and
// plays (with an HTML-only incident screen) in a checkout without src/game.
const warRoomChunks = import.meta.glob<WarRoomModule>('./game/index.ts');
const loadWarRoomChunk = warRoomChunks['./game/index.ts'];
let warRoom: Promise<WarRoomModule> | null = null;

// Real time, or with `?test-clock` in the address a clock that only moves when a test calls
// window.warRoomTestClock.advance(ms): game time then never depends on how fast the machine is.
const testClock = new URLSearchParams(location.search).has('test-clock') ? manualTime() : null;
if (testClock) (window as Window & { warRoomTestClock?: { advance(ms: number): void } }).warRoomTestClock = { advance: (ms) => testClock.advance(ms) };

const motionQuery = window.matchMedia('(prefers-reduced-motion: reduce)');
const storage = browserStorage();
const resumeId = savedScenarioId(storage);
const loadWarRoom = loadWarRoomChunk ? () => (warRoom ??= loadWarRoomChunk()) : null;
// A saved run resumes mid-game, most often in the war room: its code starts loading now, beside
// the catalogue and the scenario's data, rather than after them (it is the page's biggest file).
// Its Phaser game is created only when the incident's stage mounts it, at the stage's size: booted
// earlier (at a guessed size, resized on mount), the room's first frame came 5% later (bench, 13
// alternating loads each), its set-up competing with the page's own start.
if (resumeId) void loadWarRoom?.().catch(() => undefined);
// Only the catalogue (the picker's cards) comes at start-up; a scenario's data when it is chosen,
// or now if a saved run needs it to resume. The store asks the library for the run it starts,
// resumes or reopens, each time after a load: the last one asked for is all the page keeps.
// The remembered language, else the browser's; its words are fetched beside the catalogue (none for English).
const wanted = rememberedLang();
const words = loadLanguage(wanted);
const library = new ScenarioLibrary(catalogFrom(await fetchScenarios(scenariosUrl)), undefined, { keep: 1 });
// Offline before German was ever fetched: the game opens in English rather than half-translated.
const lang = (await words) ? wanted : 'en';
showLang(lang);
if (resumeId) await library.load(resumeId, savedScenarioLang(storage));
const store = createGameStore({
  library,
  storage,
  now: testClock ? testClock.now : () => performance.now(),
  scheduler: testClock?.scheduler ?? {
    setTimer: (callback, ms) => window.setTimeout(callback, ms),
    clearTimer: (handle) => window.clearTimeout(handle as number),
  },
  randomSeed,
  // Wall-clock time for dating history entries and set-aside saves (now() above is monotonic).
  stamp: () => new Date().toISOString(),
  reducedMotion: motionQuery.matches,
  // With a war room to load, the clock starts only once it has drawn its first frame.
  waitForRoom: loadWarRoomChunk !== undefined,
  lang,
});
motionQuery.addEventListener('change', (e) => store.getState().setReducedMotion(e.matches));

// Screens manage their own scroll position; a reload must not jump past a notice at the top.
history.scrollRestoration = 'manual';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');

mountApp(root, {
  store,
  sound: createSound(),
  loadWarRoom,
  download: downloadText,
  print: () => window.print(),
});
// The page's own loading indicator (index.html) is gone with the first screen.
root.removeAttribute('aria-busy');
document.body.dataset.ready = '1';
// Not while the war room is starting: a page opened on the incident waits for the room's first frame.
registerServiceWorkerWhenSettled(
  new Promise((resolve) => {
    const settled = (s: ReturnType<typeof store.getState>): boolean => s.screen !== 'incident' || s.roomReady;
    if (settled(store.getState())) return resolve();
    const stop = store.subscribe((s) => {
      if (settled(s)) {
        stop();
        resolve();
      }
    });
  }),
);
