import type { CatalogueEntry } from '../../scenarios/bundled.ts';
import { catalogFrom } from '../../store/catalog.ts';
import { ScenarioLibrary } from '../../store/scenario-library.ts';
import { manualTime } from '../../store/manual-time.ts';
import { browserStorage, downloadText } from '../../ui/browser.ts';
import type { LoadResult } from '../../scenarios/load.ts';
import { openArchive } from '../archive.ts';
import { CHECK_BUDGET_MS } from '../scenario-files.ts';
import { openSyncChannel } from '../sync.ts';
import { createConsoleStore } from './console-store.ts';
import { rememberedLang } from '../../i18n/browser-lang.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { Translation } from '../../i18n/messages.ts';
import { addConsoleWords, hasConsoleWords, t } from './i18n.ts';
import type { ConsoleMessages } from './messages.ts';
import GERMAN from './messages-de.json?url&no-inline';
import GERMAN_STORE from '../../store/messages-de.json?url&no-inline';
import { setStoreTranslation, type StoreMessages } from '../../store/messages.ts';
import { mountConsole } from './console-app.ts';

// The console's page (facilitator.html#/console), in a chunk of its own: the presenter's window
// never loads the engine, the exercise or the console's views.

/** Checks a scenario file in a worker of its own, abandoned after CHECK_BUDGET_MS. */
function checkInWorker(bytes: Uint8Array, name: string): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../scenario-check-worker.ts', import.meta.url), { type: 'module' });
    const timer = setTimeout(() => {
      worker.terminate();
      reject(new Error(t('checkTooLong', { seconds: CHECK_BUDGET_MS / 1000 })));
    }, CHECK_BUDGET_MS);
    worker.onmessage = (event: MessageEvent<LoadResult>) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      clearTimeout(timer);
      worker.terminate();
      reject(new Error(t('checkerFailed', { message: event.message || t('checkerLoadFailed') })));
    };
    worker.postMessage({ name, bytes });
  });
}

/** Fetches the console's words in `lang` once; false when they cannot come (offline before they were ever fetched). */
async function loadWords(lang: Lang): Promise<boolean> {
  if (hasConsoleWords(lang)) return true;
  const json = async (url: string): Promise<object | null> => {
    const res = await fetch(url);
    const words: unknown = res.ok ? await res.json() : null;
    return typeof words === 'object' && words !== null ? words : null;
  };
  try {
    // The store's words too: the console says why a scenario's data could not be had in them (sayLoadProblem).
    const [words, storeWords] = await Promise.all([json(GERMAN), json(GERMAN_STORE)]);
    if (!words || !storeWords) return false;
    // Our own build's files, checked against English by tests/i18n; a key they lack reads as English.
    addConsoleWords('de', words as Translation<ConsoleMessages>);
    setStoreTranslation('de', storeWords as Translation<StoreMessages>);
    return true;
  } catch {
    return false;
  }
}

export async function startConsole(el: HTMLElement, catalogue: Promise<CatalogueEntry[]>, presenterUrl: string): Promise<void> {
  // Real time, or with `?test-clock` in the address (as in the game, src/main.ts) a clock that only
  // moves when a test calls window.warRoomTestClock.advance(ms): the console's real-time game clock
  // then never depends on how fast the machine is. Only the console runs that clock.
  const testClock = new URLSearchParams(location.search).has('test-clock') ? manualTime() : null;
  if (testClock) (window as Window & { warRoomTestClock?: { advance(ms: number): void } }).warRoomTestClock = { advance: (ms) => testClock.advance(ms) };

  const storage = browserStorage();
  // A console in German fetches its words along with the archive and the catalogue: no extra wait.
  const wanted = rememberedLang();
  const [{ archive, files, problem }, cards, haveWords] = await Promise.all([openArchive(), catalogue, loadWords(wanted)]);
  const scenarios = new ScenarioLibrary(catalogFrom(cards));
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
    newId: () => crypto.randomUUID(),
    randomSeed: () => crypto.getRandomValues(new Uint32Array(1))[0]! % 1_000_000,
    // The set-up shows from the scenario's card first; its data is asked for after that paint.
    afterFirstPaint: (task) => requestAnimationFrame(() => setTimeout(task, 0)),
    lang: haveWords ? wanted : 'en',
    loadWords,
  });
  // The store is made in one task and the console drawn in the next: neither holds the main thread
  // long enough to delay a click or a key (and the opening scenario's download, afterFirstPaint,
  // is asked for only after the next frame, so still after this).
  await new Promise((resolve) => setTimeout(resolve, 0));
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
      const opened = window.open(presenterUrl, 'war-room-presenter', 'popup,width=1280,height=720');
      if (!opened) {
        store.getState().notify({
          tone: 'info',
          text: t('popupBlocked', { url: presenterUrl }),
        });
      }
    },
  });
  window.addEventListener('pagehide', () => store.getState().dispose());
  document.body.dataset.ready = '1';
}
