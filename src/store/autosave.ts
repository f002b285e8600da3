import type { CompiledScenario } from '../engine/compile.ts';
import { isLang, type Lang } from '../i18n/lang.ts';
import { Run, RunError, SAVE_FORMAT } from '../engine/runtime.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { PACES, type Pace, type Speed } from './pace.ts';
import { STORAGE_KEYS, tryRead, tryWrite, type KeyValueStorage } from './storage.ts';

// The autosave is exactly Run.save() as JSON under one key, so it carries the engine's own
// format version. What only the browser needs (pace, speed) sits beside it under another key.

export interface SessionMeta {
  pace: Pace;
  speed: Speed;
  /** Where the player was before the run was saved, when that is not implied by the run's phase. */
  briefing: boolean;
  /** Preparation measures ticked but not yet committed, so a reload keeps them. */
  prep?: string[];
  /** Set while a what-if branch is played: the history run and decision it branched from. */
  branchOf?: { id: string; decision: number };
  /** The language the scenario's text was played in, when not English: the save is of that localized scenario. */
  lang?: Lang;
}

/** Bound on remembered ticked measures: a scenario has far fewer; anything beyond is not ours. */
const MAX_PREP = 64;

export type AutosaveRead =
  | { kind: 'none' }
  | { kind: 'restored'; run: Run; scenario: Scenario; meta: SessionMeta }
  | { kind: 'rejected'; reason: string; keptAs: string | null };

export function writeAutosave(storage: KeyValueStorage, run: Run, meta: SessionMeta): boolean {
  return tryWrite(storage, STORAGE_KEYS.save, JSON.stringify(run.save())) && tryWrite(storage, STORAGE_KEYS.session, JSON.stringify(meta));
}

export function clearAutosave(storage: KeyValueStorage): void {
  try {
    storage.removeItem(STORAGE_KEYS.save);
    storage.removeItem(STORAGE_KEYS.session);
  } catch {
    // A storage that refuses removal only means the finished run is offered again; harmless.
  }
}

/** What the autosave says of itself before it is replayed: null when there is none, or it cannot be read. */
function savedHeader(storage: KeyValueStorage): { scenario?: { id?: unknown }; state?: { phase?: unknown } } | null {
  const raw = tryRead(storage, STORAGE_KEYS.save);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as { scenario?: { id?: unknown }; state?: { phase?: unknown } } | null;
  } catch {
    return null;
  }
}

/** The id of the scenario the autosave is for, so its data can be downloaded before it is read. */
export function savedScenarioId(storage: KeyValueStorage): string | null {
  const id = savedHeader(storage)?.scenario?.id;
  return typeof id === 'string' ? id : null;
}

/** The language the autosaved run's scenario was played in (English when the save says none). */
export function savedScenarioLang(storage: KeyValueStorage): Lang {
  try {
    const lang = (JSON.parse(tryRead(storage, STORAGE_KEYS.session) ?? 'null') as { lang?: unknown } | null)?.lang;
    return isLang(lang) ? lang : 'en';
  } catch {
    return 'en';
  }
}

/**
 * Reads the autosave and replays it. Anything that cannot be resumed is moved aside under a
 * new key (never deleted) and reported with the reason, so the player can start fresh.
 */
export function readAutosave(
  storage: KeyValueStorage,
  scenarioById: (id: string) => Scenario | null,
  compile: (scenario: Scenario) => CompiledScenario,
  stamp: string,
): AutosaveRead {
  const raw = tryRead(storage, STORAGE_KEYS.save);
  if (raw === null) return { kind: 'none' };
  const reject = (reason: string): AutosaveRead => ({ kind: 'rejected', reason, keptAs: setAside(storage, raw, stamp) });

  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return reject('the save is damaged and cannot be read as JSON');
  }
  const header = data as { format?: unknown; scenario?: { id?: unknown } } | null;
  if (typeof header !== 'object' || header === null || header.format !== SAVE_FORMAT) return reject('this is not a War Room save');
  const id = typeof header.scenario?.id === 'string' ? header.scenario.id : null;
  const scenario = id === null ? null : scenarioById(id);
  if (!scenario) return reject(`the save is for scenario "${String(id)}", which this version of the game does not have`);
  try {
    const run = Run.restore(compile(scenario), data);
    return { kind: 'restored', run, scenario, meta: readMeta(storage) };
  } catch (error) {
    // The engine's own refusals are worded for a person; anything else is a damaged save, and
    // its internals (a TypeError's text) would mean nothing to the player.
    return reject(error instanceof RunError ? error.message : 'the save is damaged: its moves could not be replayed');
  }
}

function readMeta(storage: KeyValueStorage): SessionMeta {
  const fallback: SessionMeta = { pace: 'standard', speed: 1, briefing: false };
  try {
    const meta = JSON.parse(tryRead(storage, STORAGE_KEYS.session) ?? 'null') as Partial<SessionMeta> | null;
    if (!meta || typeof meta !== 'object') return fallback;
    return {
      pace: PACES.includes(meta.pace as Pace) ? (meta.pace as Pace) : fallback.pace,
      speed: meta.speed === 2 || meta.speed === 4 ? meta.speed : 1,
      briefing: meta.briefing === true,
      prep: Array.isArray(meta.prep) ? meta.prep.filter((m): m is string => typeof m === 'string').slice(0, MAX_PREP) : [],
      ...(typeof meta.branchOf?.id === 'string' && Number.isInteger(meta.branchOf.decision) ? { branchOf: { id: meta.branchOf.id, decision: meta.branchOf.decision } } : {}),
      ...(isLang(meta.lang) && meta.lang !== 'en' ? { lang: meta.lang } : {}),
    };
  } catch {
    return fallback;
  }
}

/** Moves a bad save to a key of its own and returns that key, or null if storage refused. */
function setAside(storage: KeyValueStorage, raw: string, stamp: string): string | null {
  let key = `${STORAGE_KEYS.badSavePrefix}${stamp}`;
  for (let n = 2; tryRead(storage, key) !== null; n++) key = `${STORAGE_KEYS.badSavePrefix}${stamp}-${n}`;
  if (!tryWrite(storage, key, raw)) return null;
  clearAutosave(storage);
  return key;
}
