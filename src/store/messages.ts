import { translateRef, translator, type Catalogue, type MessageRef, type Translate, type Translation } from '../i18n/messages.ts';
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
  noGame: 'no game is running',
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

  // Why a scenario's data (or its translation) could not be had (scenario-source.ts, scenario-library.ts).
  'load.http': '“{title}” could not be downloaded (HTTP {status}); try again in a moment',
  'load.damaged': 'the data of “{title}” is damaged',
  'load.offline': '“{title}” is not stored in this browser yet and you are offline; connect to the internet and try again',
  'load.failed': '“{title}” could not be downloaded ({reason}); check the connection and try again',
  'load.translationHttp': 'the translation of “{title}” could not be downloaded (HTTP {status}); try again in a moment',
  'load.translationDamaged': 'the translation of “{title}” is damaged',
  'load.translationFailed': 'the translation of “{title}” could not be downloaded ({reason}); check the connection and try again',
  'load.notInGame': 'the scenario “{id}” is not in this game',
  'load.noData': 'the data of “{title}” is not available',
  'load.translationMisfit': 'the {lang} translation of “{title}” does not fit it: {reason}',
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

type LoadKey = Extract<keyof StoreMessages, `load.${string}`>;

/** Why a scenario's data could not be had, as data: a `load.` key and the values its text needs. */
export type LoadProblem = MessageRef<Pick<StoreMessages, LoadKey>, 'problem'>;

/** A load problem in `lang` (English until that language is registered). */
export function sayLoadProblem(problem: LoadProblem, lang: Lang): string {
  return translateRef(catalogues, lang, problem.problem, problem.params);
}
