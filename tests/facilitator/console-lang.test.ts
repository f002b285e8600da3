import { afterEach, describe, expect, it } from 'vitest';
import { createConsoleStore, type ConsoleDeps } from '../../src/facilitator/console/console-store.ts';
import { addConsoleWords, sayRefusal, t, useLang } from '../../src/facilitator/console/i18n.ts';
import germanConsole from '../../src/facilitator/console/messages-de.json';
import { memoryStore } from '../../src/facilitator/idb.ts';
import { readFrame } from '../../src/facilitator/frame-store.ts';
import { readCurrent } from '../../src/facilitator/persist.ts';
import type { Session } from '../../src/facilitator/session.ts';
import type { SyncChannel } from '../../src/facilitator/sync.ts';
import type { Lang } from '../../src/i18n/lang.ts';
import { scenarioCard } from '../../src/scenarios/bundled.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import type { Translation } from '../../src/scenarios/translation-schema.ts';
import { ScenarioLibrary } from '../../src/store/scenario-library.ts';
import { memoryStorage } from '../../src/store/storage.ts';
import { Exercise } from '../../src/facilitator/exercise.ts';
import { harness, ok, running, said, workshopScenario } from './helpers.ts';

// The console's language: its own words, the presenter's frame, and the language a scenario's
// text runs in, recorded with the session so a run made on a translation replays on it.

const GERMAN: Translation = {
  formatVersion: 1,
  scenario: 'tiny',
  language: 'de',
  title: { text: 'Kleiner Ausfall' },
  beats: { outage: { title: { text: 'Die Datenbank fällt aus' }, decision: { prompt: { text: 'Was nun?' } } } },
} as Translation;

const silent = (): SyncChannel => ({ post: () => undefined, close: () => undefined });

/** A console on the workshop scenario (with a German translation unless `translated` is false), its storage shared when given. */
function deps(lang: Lang, shared?: { storage: ReturnType<typeof memoryStorage>; archive: ReturnType<typeof memoryStore<Session>> }, translated = true) {
  const scenario: Scenario = workshopScenario();
  const fetched: string[] = [];
  let n = 0;
  const storage = shared?.storage ?? memoryStorage();
  const archive = shared?.archive ?? memoryStore<Session>((s) => s.id);
  const library = new ScenarioLibrary(
    [{ file: 'tiny.yaml', scenario: scenarioCard(scenario, translated ? ['de'] : []), url: '/tiny.json', errors: [], ...(translated ? { translations: { de: '/tiny.de.json' } } : {}) }],
    async () => scenario,
    {
      translationLoader: async (_title, url) => {
        fetched.push(url);
        return GERMAN;
      },
    },
  );
  const d: ConsoleDeps = {
    library,
    storage,
    archive,
    openChannel: silent,
    now: () => Date.parse('2026-12-06T09:00:00Z'),
    monotonic: () => 0,
    scheduler: { setTimer: () => 0, clearTimer: () => undefined },
    newId: () => `id-${shared ? 'b' : 'a'}-${++n}`,
    randomSeed: () => 42,
    lang,
    loadWords: async (l) => {
      if (l === 'de') addConsoleWords('de', germanConsole);
      return true;
    },
  };
  return { deps: d, storage, archive, fetched };
}

afterEach(() => useLang('en'));

describe('the console’s language', () => {
  it('runs a scenario on its German text when the console speaks German, and tells the presenter both languages', async () => {
    addConsoleWords('de', germanConsole);
    const env = deps('de');
    const store = await createConsoleStore(env.deps);
    await expect.poll(() => store.getState().session.scenarioLang).toBe('de');
    expect(env.fetched).toEqual(['/tiny.de.json']);
    expect(store.getState().lang).toBe('de');
    expect(store.getState().session.scenarioTitle).toBe('Kleiner Ausfall');
    // The tailoring shows the scenario's own names as the room will read them.
    expect(store.getState().baseScenario()?.title).toBe('Kleiner Ausfall');
    expect(t('saved')).toBe('Gespeichert');
    const act = store.getState().act;
    expect(act((x) => x.setTeamName('Vorstand'))).toBeNull();
    expect(act((x) => x.openBriefing())).toBeNull();
    expect(act((x) => x.startIncident())).toBeNull();
    expect(store.getState().view?.decision?.prompt).toBe('Was nun?');
    const frame = readFrame(env.storage);
    expect(frame?.lang).toBe('de');
    expect(frame?.scenarioLang).toBe('de');
    // The console switches to English: its words and the presenter's change; the run's text does not.
    await store.getState().setLang('en');
    expect(t('saved')).toBe('Saved');
    expect(readFrame(env.storage)?.lang).toBe('en');
    expect(store.getState().session.scenarioLang).toBe('de');
    expect(store.getState().view?.decision?.prompt).toBe('Was nun?');
    // The scenario's language is fixed with the run.
    expect(said(store.getState().exercise().setScenarioLang('en'))).toMatch(/fixed once the briefing has started/);
    store.getState().dispose();
  });

  it('words the exercise’s refusals in the console’s language: German in a German console, English as before', async () => {
    // The model gives data; the same refusal reads in whichever language the console shows.
    const { ex, deps: exDeps } = harness();
    const bare = Exercise.open({ ...ex.session, scenarioId: 'gone', team: { ...ex.session.team, name: 'Vorstand' } }, exDeps);
    const noScenario = bare.openBriefing();
    expect(noScenario).toEqual({ key: 'refused.chooseScenario' });
    expect(said(noScenario)).toBe('choose a scenario first');
    addConsoleWords('de', germanConsole);
    useLang('de');
    expect(said(noScenario)).toBe('wählen Sie zuerst ein Szenario');
    // Numbers in a refusal are formatted for the language.
    expect(sayRefusal({ key: 'refused.overBudget', params: { name: 'Notfallhandbuch', cost: 12500, left: 4000 } })).toBe('„Notfallhandbuch“ kostet 12.500, vom Budget sind aber nur noch 4.000 übrig');
    useLang('en');
    expect(sayRefusal({ key: 'refused.overBudget', params: { name: 'Runbook', cost: 12500, left: 4000 } })).toBe('"Runbook" costs 12,500 but only 4,000 of the budget is left');

    // Through a German console: the message it shows and the text act returns are German.
    const german = await createConsoleStore(deps('de').deps);
    await expect.poll(() => german.getState().session.scenarioLang).toBe('de');
    expect(german.getState().act((x) => x.openBriefing())).toBe('geben Sie dem Team zuerst einen Namen (er steht über dem Bericht)');
    expect(german.getState().message?.text).toBe('Geben Sie dem Team zuerst einen Namen (er steht über dem Bericht)');
    expect(german.getState().act((x) => x.setTeamName('Vorstand'))).toBeNull();
    expect(german.getState().act((x) => x.openBriefing())).toBeNull();
    expect(german.getState().act((x) => x.setScenarioLang('en'))).toBe('die Sprache des Szenarios steht fest, sobald das Briefing geöffnet ist');
    expect(german.getState().message?.text).toBe('Die Sprache des Szenarios steht fest, sobald das Briefing geöffnet ist');
    german.getState().dispose();

    // An English console says what it always said.
    const english = await createConsoleStore(deps('en').deps);
    await expect.poll(() => english.getState().session.scenarioId).toBe('tiny');
    expect(english.getState().act((x) => x.setTeamName('Board'))).toBeNull();
    expect(english.getState().act((x) => x.openBriefing())).toBeNull();
    expect(english.getState().act((x) => x.setScenarioLang('de'))).toBe('the scenario’s language is fixed once the briefing has started');
    expect(english.getState().message?.text).toBe('The scenario’s language is fixed once the briefing has started');
    english.getState().dispose();
  });

  it('carries the run’s, the seed check’s and the tailoring’s refusals as data, worded in the console’s language', () => {
    const { ex } = running();
    ok(ex.hold());
    const noTimer = ex.extend();
    const badPerson = ex.setTailoring({ people: { nobody: 'X Y' } });
    const setup = harness().ex;
    const badSeed = setup.setSeed(2 ** 31);
    const yen = setup.setTailoring({ currency: 'JPY' as never });
    const title = ex.scenario!.title;
    expect([noTimer, badPerson, badSeed]).toEqual([
      { key: 'run', run: { why: 'noTimer' } },
      { key: 'tailoring', tailoring: { why: 'unknownPerson', id: 'nobody', scenario: title } },
      { key: 'seed', seed: { why: 'seedOutOfRange', max: 2_147_483_647 } },
    ]);
    const all = [noTimer, badPerson, badSeed, yen];
    expect(all.map(said)).toEqual([
      'no timed decision is running',
      `no person "nobody" in "${title}"`,
      'the seed must be a whole number from 0 to 2,147,483,647',
      'no currency "JPY" (allowed: EUR, USD, GBP)',
    ]);
    addConsoleWords('de', germanConsole);
    useLang('de');
    expect(all.map(said)).toEqual([
      'es läuft keine Entscheidung mit Frist',
      `es gibt keine Person „nobody“ in „${title}“`,
      'erlaubt sind ganze Zahlen von 0 bis 2.147.483.647',
      'es gibt keine Währung „JPY“ (möglich: EUR, USD, GBP)',
    ]);
  });

  it('restores a German run on its German text, and a session saved before languages as English', async () => {
    const first = deps('de');
    const store = await createConsoleStore(first.deps);
    await expect.poll(() => store.getState().session.scenarioLang).toBe('de');
    const act = store.getState().act;
    expect(act((x) => x.setTeamName('Vorstand'))).toBeNull();
    expect(act((x) => x.choosePartner('ally'))).toBeNull();
    expect(act((x) => x.openBriefing())).toBeNull();
    expect(act((x) => x.togglePreparation('replica'))).toBeNull();
    expect(act((x) => x.startIncident())).toBeNull();
    expect(act((x) => x.select('failover'))).toBeNull();
    expect(act((x) => x.record())).toBeNull();
    const saved = readCurrent(first.storage)!;
    expect(saved.scenarioLang).toBe('de');
    store.getState().dispose();

    // Reopened in a console that speaks English: the translation is fetched again and the run replays on it.
    const again = deps('en', { storage: first.storage, archive: first.archive });
    const reopened = await createConsoleStore(again.deps);
    expect(reopened.getState().message).toBeNull();
    expect(again.fetched).toEqual(['/tiny.de.json']);
    expect(reopened.getState().session.rev).toBe(saved.rev);
    expect(reopened.getState().exercise().scenario?.title).toBe('Kleiner Ausfall');
    reopened.getState().dispose();

    // The same run saved before sessions recorded a language: it ran in English and restores so.
    const english = deps('en');
    const first2 = await createConsoleStore(english.deps);
    // The set-up shows from the scenario's card while its data arrives.
    await expect.poll(() => first2.getState().scenarioLoad).toBeNull();
    const a2 = first2.getState().act;
    expect(a2((x) => x.setTeamName('Blue'))).toBeNull();
    expect(a2((x) => x.openBriefing())).toBeNull();
    expect(a2((x) => x.startIncident())).toBeNull();
    const old = structuredClone(readCurrent(english.storage)!) as Partial<Session>;
    first2.getState().dispose();
    delete old.scenarioLang;
    const archive = memoryStore<Session>((s) => s.id);
    await archive.put(old as Session);
    const restore = deps('de', { storage: memoryStorage(), archive });
    const restored = await createConsoleStore(restore.deps);
    expect(restored.getState().message).toBeNull();
    expect(restored.getState().session.id).toBe(old.id);
    expect(restored.getState().session.scenarioLang).toBe('en');
    expect(restored.getState().view?.decision?.prompt).toBe('What now?');
    expect(restore.fetched).toEqual([]);
    restored.getState().dispose();
  });

  it('runs a scenario without German in English, and follows the console while the exercise is set up', async () => {
    const plain = deps('de', undefined, false);
    const store = await createConsoleStore(plain.deps);
    await expect.poll(() => store.getState().scenarioLoad).toBeNull();
    expect(store.getState().session.scenarioLang).toBe('en');
    expect(plain.fetched).toEqual([]);
    store.getState().dispose();

    const env = deps('en');
    const s2 = await createConsoleStore(env.deps);
    await expect.poll(() => s2.getState().scenarioLoad).toBeNull();
    expect(s2.getState().session.scenarioLang).toBe('en');
    await s2.getState().setLang('de');
    expect(s2.getState().lang).toBe('de');
    expect(s2.getState().session.scenarioLang).toBe('de');
    expect(s2.getState().session.scenarioTitle).toBe('Kleiner Ausfall');
    await s2.getState().setLang('en');
    expect(s2.getState().session.scenarioLang).toBe('en');
    expect(s2.getState().session.scenarioTitle).toBe('Tiny outage');
    s2.getState().dispose();
  });
});
