import scenariosUrl from 'virtual:war-room/scenarios';
import { catalogFrom } from '../store/catalog.ts';
import { ScenarioLibrary } from '../store/scenario-library.ts';
import { fetchScenarios } from '../store/scenario-source.ts';
import { manualTime } from '../store/manual-time.ts';
import { browserStorage, downloadText } from '../ui/browser.ts';
import { registerServiceWorkerWhenSettled } from '../ui/service-worker.ts';
// The same self-hosted fonts as the game: the presenter's text and its war room read alike on
// every projector's computer, and the room's names are laid out for these letters.
import '@fontsource-variable/inter/wght.css';
import '@fontsource-variable/jetbrains-mono/wght.css';
import '../ui/styles.css';
import { roomFontsReady } from '../ui/room-fonts.ts';
import { createConsoleStore } from './console/console-store.ts';
import { mountConsole } from './console/console-app.ts';
import './facilitator.css';
import { keyedStore, memoryStore, openDatabase } from './idb.ts';
import { ARCHIVE_DB, ARCHIVE_STORES, readFrame, type SessionArchive } from './persist.ts';
import { CHECK_BUDGET_MS, type ScenarioFile, type ScenarioFileStore } from './scenario-files.ts';
import type { LoadResult } from '../scenarios/load.ts';
import { mountPresenter, type WarRoomModule } from './presenter/presenter-app.ts';
import type { Session } from './session.ts';
import { openSyncChannel } from './sync.ts';

// Facilitator mode's entry (facilitator.html): #/console is the laptop, #/presenter the projector.
// Both are this one page, so a presenter opened from the console shares its storage and channel.

export const CONSOLE_HASH = '#/console';
export const PRESENTER_HASH = '#/presenter';

const root = document.getElementById('app');
if (!root) throw new Error('facilitator.html has no #app element');
// The page shows from the small catalogue; a scenario's data is fetched when the console chooses it
// or a presenter's frame names it. The service worker precaches every scenario's file (its
// glob takes all JSON), so a workshop can still start any scenario offline.
const library = fetchScenarios(scenariosUrl).then((catalogue) => new ScenarioLibrary(catalogFrom(catalogue)));
const isPresenter = location.hash.startsWith(PRESENTER_HASH);

// Switching between console and presenter in one tab starts the other app cleanly.
window.addEventListener('hashchange', () => {
  if (location.hash.startsWith(PRESENTER_HASH) !== isPresenter) location.reload();
});

// Real time, or with `?test-clock` in the address (as in the game, src/main.ts) a clock that only
// moves when a test calls window.warRoomTestClock.advance(ms): the console's real-time game clock
// then never depends on how fast the machine is. Only the console runs that clock.
const testClock = new URLSearchParams(location.search).has('test-clock') ? manualTime() : null;
if (testClock) (window as Window & { warRoomTestClock?: { advance(ms: number): void } }).warRoomTestClock = { advance: (ms) => testClock.advance(ms) };

const newId = (): string => crypto.randomUUID();
const pageUrl = (hash: string): string => `${location.origin}${location.pathname}${hash}`;

// import.meta.glob finds nothing when the Phaser scene is absent; the presenter then shows the
// services as text instead of the war room.
const warRoomChunks = import.meta.glob<WarRoomModule>('../game/index.ts');
const warRoomChunk = warRoomChunks['../game/index.ts'];
// The room draws its names in the page's own fonts, loaded first (canvas text is measured once).
const loadWarRoom = warRoomChunk ? () => warRoomChunk().then((m) => roomFontsReady().then(() => m)) : null;

async function openArchive(): Promise<{ archive: SessionArchive; files: ScenarioFileStore; problem: string | null }> {
  try {
    const db = await openDatabase(ARCHIVE_DB.name, ARCHIVE_DB.version, ARCHIVE_STORES);
    return { archive: keyedStore<Session>(db, ARCHIVE_DB.store), files: keyedStore<ScenarioFile>(db, ARCHIVE_DB.files), problem: null };
  } catch (error) {
    return {
      archive: memoryStore<Session>((s) => s.id),
      files: memoryStore<ScenarioFile>((f) => f.key),
      problem: `The session history is not available in this browser (${(error as Error).message}). The current exercise is still saved; export it from Sessions to keep it.`,
    };
  }
}

/** Checks a scenario file in a worker of its own, abandoned after CHECK_BUDGET_MS. */
function checkInWorker(bytes: Uint8Array, name: string): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./scenario-check-worker.ts', import.meta.url), { type: 'module' });
    const timer = setTimeout(() => {
      worker.terminate();
      reject(new Error(`checking the file took longer than ${CHECK_BUDGET_MS / 1000} seconds; is it really a scenario file?`));
    }, CHECK_BUDGET_MS);
    worker.onmessage = (event: MessageEvent<LoadResult>) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      clearTimeout(timer);
      worker.terminate();
      reject(new Error(`the scenario checker could not run (${event.message || 'it failed to load'}); reload the page and try again`));
    };
    worker.postMessage({ name, bytes });
  });
}

async function startConsole(el: HTMLElement): Promise<void> {
  const storage = browserStorage();
  const [{ archive, files, problem }, scenarios] = await Promise.all([openArchive(), library]);
  const store = await createConsoleStore({
    library: scenarios,
    storage,
    archive,
    files,
    // The YAML parser and the scenario schema arrive only when a file is opened, in a worker.
    loadParser: async () => checkInWorker,
    archiveProblem: problem,
    openChannel: (onMessage) => openSyncChannel(onMessage),
    now: () => Date.now(),
    monotonic: testClock ? testClock.now : () => performance.now(),
    scheduler: testClock?.scheduler ?? {
      setTimer: (callback, ms) => window.setTimeout(callback, ms),
      clearTimer: (handle) => window.clearTimeout(handle as number),
    },
    newId,
    randomSeed: () => crypto.getRandomValues(new Uint32Array(1))[0]! % 1_000_000,
  });
  mountConsole(el, store, {
    catalog: scenarios.catalog,
    download: downloadText,
    downloadBytes(fileName, mime, bytes) {
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
      const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    print: () => window.print(),
    now: () => Date.now(),
    openPresenter() {
      const opened = window.open(pageUrl(PRESENTER_HASH), 'war-room-presenter', 'popup,width=1280,height=720');
      if (!opened) {
        store.getState().notify({
          tone: 'info',
          text: `The browser blocked the new window. Open ${pageUrl(PRESENTER_HASH)} in a new window and move it to the projector.`,
        });
      }
    },
  });
  window.addEventListener('pagehide', () => store.getState().dispose());
  document.body.dataset.ready = '1';
}

function startPresenter(el: HTMLElement): void {
  // A scenario opened from a file is read from the console's store when a frame names it.
  const files = openArchive().then((a) => a.files);
  // The presenter shows the last frame at once; the catalogue is needed only for a scenario's data.
  let ready: ScenarioLibrary | null = null;
  void library.then((l) => (ready = l));
  mountPresenter(el, {
    library: { get: (id) => ready?.get(id) ?? null, load: async (id) => (await library).load(id) },
    scenarioFile: async (key) => (await (await files).get(key))?.scenario ?? null,
    cachedFrame: readFrame(browserStorage()),
    openChannel: (onMessage) => openSyncChannel(onMessage),
    newId,
    loadWarRoom,
    reducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    consoleUrl: pageUrl(CONSOLE_HASH),
    now: () => Date.now(),
  });
  document.body.dataset.ready = '1';
}

registerServiceWorkerWhenSettled();
if (isPresenter) startPresenter(root);
else
  void startConsole(root).catch((error: Error) => {
    root.textContent = `The facilitator console could not start: ${error.message}`;
  });
