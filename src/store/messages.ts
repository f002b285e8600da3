import { translator, type Catalogue, type Translate, type Translation } from '../i18n/messages.ts';
import type { Lang } from '../i18n/lang.ts';

// What the game store says in its own words: notices and the reasons a command is refused. The
// screens show them as they are. German is registered by the page when it is fetched
// (src/ui/text.ts loads messages-de.json); until then, and in tests that register none, English.

const en = {
  autosaveFailedTitle: 'Autosave failed',
  autosaveFailedText: 'The browser refused to store the game (storage full or blocked). You can keep playing, but reloading the page will not resume this run.',
  saveWaitingTitle: 'Your saved game is waiting',
  saveWaitingText: 'Its scenario could not be downloaded (the connection may be offline). The save is kept: reload the page when you are online to resume it.',
  saveRejectedTitle: 'Your saved game could not be resumed',
  saveRejectedKept: '{reason}. The save was kept aside in this browser’s storage under “{key}”, so nothing is lost. A fresh game is ready.',
  saveRejectedLost: '{reason}. The browser would not keep a copy of it. A fresh game is ready.',
  chooseScenarioFirst: 'choose a scenario first',
  stillDownloading: 'the scenario is still downloading',
  noPartner: '“{title}” has no IT partner to play',
  cannotAfford: '“{measure}” costs {cost} but only {left} of the budget is left. Untick something first.',
  gamePaused: 'the game is paused',
  prepOver: 'preparation is over',
  runGone: 'that run is no longer in the history',
  runTooOld: 'the run of “{title}” was saved before runs could be reopened, so only its scores are kept',
  scenarioGone: 'the scenario “{title}” is no longer in this game',
  scenarioChanged: '“{title}” has changed since this run was played, so its inputs no longer replay',
  noFinishedRun: 'there is no finished run to replay',
  runOrScenarioGone: 'that run or its scenario is no longer here',
  whatIfNeedsEnd: 'what-if starts from a finished run',
  noSuchDecision: 'this run has no decision {decision}',
  runInProgress: 'a run is still in progress: continue it to the end, or start a new one, before opening another',
} as const satisfies Catalogue;

export type StoreMessages = typeof en;

export const STORE_EN: StoreMessages = en;

const catalogues: { en: StoreMessages; de?: Translation<StoreMessages> } = { en: STORE_EN };

/** Registers a language's store words once the page has fetched them. */
export function setStoreTranslation(lang: Exclude<Lang, 'en'>, words: Translation<StoreMessages>): void {
  catalogues[lang] = words;
}

/** The store's words in `lang` (English until that language is registered). */
export function storeText(lang: Lang): Translate<StoreMessages> {
  return translator(catalogues, () => lang);
}
