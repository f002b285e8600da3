import { beforeAll, describe, expect, it } from 'vitest';
import { scenarioCard, type BundledScenario, type CatalogueEntry } from '../../src/scenarios/bundled.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import type { Translation } from '../../src/scenarios/translation-schema.ts';
import { bundleScenarios, catalogueOf } from '../../src/scenarios/vite-plugin.ts';
import { createGameStore } from '../../src/store/game-store.ts';
import { setStoreTranslation, storeText, type StoreMessages } from '../../src/store/messages.ts';
import storeDe from '../../src/store/messages-de.json';
import { ScenarioLibrary } from '../../src/store/scenario-library.ts';
import { memoryStorage, STORAGE_KEYS } from '../../src/store/storage.ts';
import { fakeTime } from './fake-time.ts';

// The game in German: the store holds the language; a scenario with a German translation is
// fetched with it and played localized; a run saved in one language restores in that language
// (the localized scenario has its own fingerprint), whatever the player speaks when reloading.

let bundled: BundledScenario[];
beforeAll(async () => {
  bundled = await bundleScenarios();
}, 60_000);

const withGerman = (): BundledScenario => bundled.find((b) => b.file === 'ransomware-manufacturer.yaml')!;
const withoutGerman = (): BundledScenario => bundled.find((b) => b.scenario && !b.translations?.de)!;

/** A library over the built scenarios, its downloads counted, answering from memory as the server would. */
function libraryOf(entries: BundledScenario[]) {
  const fetched: string[] = [];
  const catalog: CatalogueEntry[] = entries.map((e) => ({
    file: e.file,
    scenario: scenarioCard(e.scenario!, e.translations?.de ? ['de'] : []),
    url: `/scenario/${e.file}`,
    errors: [],
    ...(e.translations?.de ? { translations: { de: `/translation/de/${e.file}` } } : {}),
  }));
  const library = new ScenarioLibrary(
    catalog,
    async (entry) => {
      fetched.push(entry.url);
      return structuredClone(entries.find((e) => e.file === entry.file)!.scenario as Scenario);
    },
    {
      keep: 1,
      translationLoader: async (_title, url) => {
        fetched.push(url);
        return structuredClone(entries.find((e) => url.endsWith(e.file))!.translations!.de as Translation);
      },
    },
  );
  return { library, fetched };
}

function storeOn(library: ScenarioLibrary, storage = memoryStorage(), lang: 'en' | 'de' = 'en') {
  const time = fakeTime(0);
  return createGameStore({ library, storage, now: time.now, scheduler: time.scheduler, randomSeed: () => 7, stamp: () => '2026-12-06T00-00-00Z', lang });
}

describe('the game in German', () => {
  it('starts in the language it is given and changes when asked', () => {
    const { library } = libraryOf([withGerman()]);
    const store = storeOn(library, memoryStorage(), 'de');
    expect(store.getState().lang).toBe('de');
    store.getState().setLang('en');
    expect(store.getState().lang).toBe('en');
  });

  it('plays a scenario with a German translation in German, fetching scenario and translation', async () => {
    const { library, fetched } = libraryOf([withGerman()]);
    const store = storeOn(library, memoryStorage(), 'de');
    const id = withGerman().scenario!.id;
    store.getState().selectScenario(id);
    expect(await store.getState().loadScenario(id)).toBeNull();
    expect(fetched).toEqual(['/scenario/ransomware-manufacturer.yaml', '/translation/de/ransomware-manufacturer.yaml']);
    expect(store.getState().beginBriefing()).toBeNull();
    const english = withGerman().scenario!;
    const played = store.getState().scenario!;
    expect(store.getState().runLang).toBe('de');
    expect(played.title).toBe(withGerman().translations!.de!.title!.text);
    expect(played.title).not.toBe(english.title);
    // The engine runs the localized scenario: the view's beat text is German too.
    store.getState().showPreparation();
    expect(store.getState().commitPreparation()).toBeNull();
    const beat = english.beats.find((b) => b.id === store.getState().view!.beat!.id)!;
    expect(store.getState().view!.beat!.title).not.toBe(beat.title);
  });

  it('plays a scenario without German in English, and says so through languageOf', async () => {
    const { library, fetched } = libraryOf([withoutGerman()]);
    const store = storeOn(library, memoryStorage(), 'de');
    const id = withoutGerman().scenario!.id;
    expect(library.languageOf(id, 'de')).toBe('en');
    expect(await store.getState().loadScenario(id)).toBeNull();
    expect(fetched).toEqual([`/scenario/${withoutGerman().file}`]);
    expect(store.getState().beginBriefing()).toBeNull();
    expect(store.getState().runLang).toBe('en');
    expect(store.getState().scenario!.title).toBe(withoutGerman().scenario!.title);
  });

  it('restores a run saved in German in German, even when the player has since switched to English', async () => {
    const storage = memoryStorage();
    const first = libraryOf([withGerman()]);
    const store = storeOn(first.library, storage, 'de');
    const id = withGerman().scenario!.id;
    await store.getState().loadScenario(id);
    store.getState().beginBriefing();
    store.getState().showPreparation();
    store.getState().commitPreparation();
    store.getState().tick(2);
    const clock = store.getState().view!.clock;
    const title = store.getState().scenario!.title;
    store.getState().dispose();
    expect(JSON.parse(storage.getItem(STORAGE_KEYS.session)!).lang).toBe('de');

    // A reload: the page downloads the saved run's scenario in the language the save names (main.ts).
    const second = libraryOf([withGerman()]);
    const { savedScenarioLang } = await import('../../src/store/autosave.ts');
    expect(savedScenarioLang(storage)).toBe('de');
    await second.library.load(id, savedScenarioLang(storage));
    const again = storeOn(second.library, storage, 'en');
    expect(again.getState().notice).toBeNull();
    expect(again.getState().screen).toBe('incident');
    expect(again.getState().view!.clock).toBe(clock);
    expect(again.getState().scenario!.title).toBe(title);
    expect(again.getState().runLang).toBe('de');
    // The interface speaks what the player chose now; the run stays in the language it began in.
    expect(again.getState().lang).toBe('en');
  });

  it('a run saved in English restores in English for a German player', async () => {
    const storage = memoryStorage();
    const first = libraryOf([withGerman()]);
    const store = storeOn(first.library, storage, 'en');
    const id = withGerman().scenario!.id;
    await store.getState().loadScenario(id);
    store.getState().beginBriefing();
    store.getState().showPreparation();
    store.getState().commitPreparation();
    store.getState().dispose();
    expect(JSON.parse(storage.getItem(STORAGE_KEYS.session)!).lang).toBeUndefined();
    const second = libraryOf([withGerman()]);
    await second.library.load(id, 'en');
    const again = storeOn(second.library, storage, 'de');
    expect(again.getState().notice).toBeNull();
    expect(again.getState().scenario!.title).toBe(withGerman().scenario!.title);
    expect(again.getState().runLang).toBe('en');
  });

  it('reopens a German run from the history by replaying it on the German scenario', async () => {
    const storage = memoryStorage();
    const { library } = libraryOf([withGerman()]);
    const store = storeOn(library, storage, 'de');
    const id = withGerman().scenario!.id;
    await store.getState().loadScenario(id);
    store.getState().beginBriefing();
    store.getState().showPreparation();
    store.getState().commitPreparation();
    // The first open option at every decision, with time passing between them, carries the run to an ending.
    for (let i = 0; i < 500 && store.getState().view!.phase !== 'ended'; i++) {
      const open = store.getState().view!.decision?.options.find((o) => o.available);
      if (open) store.getState().choose(open.id);
      else store.getState().tick(5);
    }
    expect(store.getState().view!.phase).toBe('ended');
    const entry = store.getState().history[0]!;
    expect(entry.lang).toBe('de');
    store.getState().showTitle();
    store.getState().setLang('en');
    await store.getState().loadScenario(id, entry.lang);
    expect(store.getState().openHistory(entry.id!)).toBeNull();
    expect(store.getState().runLang).toBe('de');
    expect(store.getState().screen).toBe('debrief');
  });

  it('gives the picker each translated scenario’s card in German, before its data is downloaded', () => {
    const catalogue = catalogueOf(bundled, (e) => `/s/${e.file}`, (e, l) => `/t/${l}/${e.file}`);
    const card = catalogue.find((e) => e.file === 'ransomware-manufacturer.yaml')!.scenario!;
    expect(card.languages).toEqual(['en', 'de']);
    expect(card.localized?.de?.title).toBe(withGerman().translations!.de!.title!.text);
    expect(card.localized?.de?.partners.map((p) => p.id)).toEqual(card.partners.map((p) => p.id));
    expect(catalogue.find((e) => e.file === withoutGerman().file)!.scenario!.localized).toBeUndefined();
  });

  it('says its refusals in German once German is registered', () => {
    expect(storeText('de')('gamePaused')).toBe('the game is paused');
    setStoreTranslation('de', storeDe as StoreMessages);
    expect(storeText('de')('gamePaused')).toBe('das Spiel ist pausiert');
    expect(storeText('en')('gamePaused')).toBe('the game is paused');
  });
});
