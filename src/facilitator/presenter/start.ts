import type { CatalogueEntry } from '../../scenarios/bundled.ts';
import { isLoadProblem, ScenarioLibrary } from '../../store/scenario-library.ts';
import { fetchTranslation } from '../../store/scenario-source.ts';
import { browserStorage } from '../../ui/browser.ts';
import { roomFontsReady } from '../../ui/room-fonts.ts';
import { openArchive } from '../archive.ts';
import { readFrame } from '../frame-store.ts';
import { openSyncChannel } from '../sync.ts';
import { mountPresenter, type WarRoomModule } from './presenter-app.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { Translation } from '../../i18n/messages.ts';
import { addPresenterWords, hasPresenterWords } from './i18n.ts';
import type { PresenterMessages } from './messages.ts';
import GERMAN from './messages-de.json?url&no-inline';

/** Fetches the presenter's words in `lang` once; false when they cannot come. */
async function loadWords(lang: Lang): Promise<boolean> {
  if (hasPresenterWords(lang)) return true;
  try {
    const res = await fetch(GERMAN);
    const words: unknown = res.ok ? await res.json() : null;
    if (typeof words !== 'object' || words === null) return false;
    // Our own build's file, checked against English by tests/i18n.
    addPresenterWords('de', words as Translation<PresenterMessages>);
    return true;
  } catch {
    return false;
  }
}

// The presenter's page (facilitator.html#/presenter), part of the page's own script: it shows
// frames, so it needs neither the engine nor the console; the war room's chunk comes only when it is shown.

// import.meta.glob finds nothing when the Phaser scene is absent; the presenter then shows the
// services as text instead of the war room.
const warRoomChunks = import.meta.glob<WarRoomModule>('../../game/index.ts');
const warRoomChunk = warRoomChunks['../../game/index.ts'];
// The room draws its names in the page's own fonts, loaded first (canvas text is measured once).
const loadWarRoom = warRoomChunk ? () => warRoomChunk().then((m) => roomFontsReady().then(() => m)) : null;

export function startPresenter(el: HTMLElement, catalogue: Promise<CatalogueEntry[]>, consoleUrl: string): void {
  // A scenario opened from a file is read from the console's store when a frame names it.
  const files = openArchive().then((a) => a.files);
  // The presenter shows the last frame at once; the catalogue is needed only for a scenario's data
  // (looked up by id, so the console's sorted card order does not matter here).
  const library = catalogue.then((cards) => new ScenarioLibrary(cards));
  let ready: ScenarioLibrary | null = null;
  void library.then((l) => (ready = l));
  mountPresenter(el, {
    library: { get: (id) => ready?.get(id) ?? null, load: async (id) => (await library).load(id) },
    scenarioFile: async (key) => (await (await files).get(key))?.scenario ?? null,
    cachedFrame: readFrame(browserStorage()),
    openChannel: (onMessage) => openSyncChannel(onMessage),
    newId: () => crypto.randomUUID(),
    loadWarRoom,
    reducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    consoleUrl,
    now: () => Date.now(),
    loadWords,
    async translation(id, lang) {
      if (lang === 'en') return null;
      const entry = (await catalogue).find((e) => e.scenario?.id === id);
      const url = entry?.translations?.[lang];
      if (!url) return null;
      const result = await fetchTranslation(entry.scenario?.title ?? id, url);
      return isLoadProblem(result) ? null : result;
    },
  });
  document.body.dataset.ready = '1';
}
