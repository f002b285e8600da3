import { fingerprint } from '../engine/hash.ts';
import type { PathSegment } from './locate.ts';
import type { Beat, Inject, Scenario, ScoreEntry } from './schema.ts';
import type { Language, Translated, Translation } from './translation-schema.ts';

// Every text a player, facilitator or presenter reads in a scenario, where it sits in the
// scenario (`path`) and in a translation file (`key`: lists with ids become mappings by id).
// Merging a translation, and telling what is missing or stale, both walk this one list.
// Pure: runs in the browser and in Node, with no file access.

export interface ScenarioText {
  /** Where the translation sits in a translation file, e.g. ['beats', 'cards-fail', 'title']. */
  key: PathSegment[];
  /** Where the English sits in the scenario, e.g. ['beats', 0, 'title']. */
  path: PathSegment[];
  text: string;
}

/** The fingerprint a translation records of the English text it was made from. */
export const sourceHash = (english: string): string => fingerprint(english);

export function scenarioTexts(s: Scenario): ScenarioText[] {
  const out: ScenarioText[] = [];
  const add = (key: PathSegment[], path: PathSegment[], text: string | undefined): void => {
    if (text !== undefined) out.push({ key, path, text });
  };
  const scores = (key: PathSegment[], path: PathSegment[], entries: readonly ScoreEntry[] | undefined): void =>
    entries?.forEach((e, i) => add([...key, 'score', i], [...path, 'score', i, 'reason'], e.reason));
  const lists = (key: PathSegment[], path: PathSegment[], name: string, items: readonly string[] | undefined): void =>
    items?.forEach((t, i) => add([...key, name, i], [...path, name, i], t));
  const injects = (key: PathSegment[], path: PathSegment[], list: readonly Inject[] | undefined): void =>
    list?.forEach((inject, i) => {
      add([...key, 'injects', inject.id, 'from'], [...path, 'injects', i, 'from'], inject.from);
      add([...key, 'injects', inject.id, 'text'], [...path, 'injects', i, 'text'], inject.text);
    });

  for (const field of ['title', 'summary', 'industry', 'setting'] as const) add([field], [field], s[field]);
  s.objectives.forEach((o, i) => add(['objectives', o.id, 'text'], ['objectives', i, 'text'], o.text));
  add(['company', 'name'], ['company', 'name'], s.company.name);
  add(['company', 'description'], ['company', 'description'], s.company.description);
  s.company.services.forEach((svc, i) => {
    add(['company', 'services', svc.id, 'name'], ['company', 'services', i, 'name'], svc.name);
    add(['company', 'services', svc.id, 'description'], ['company', 'services', i, 'description'], svc.description);
  });
  s.stakeholders.forEach((p, i) => {
    for (const field of ['name', 'role', 'cares'] as const) add(['stakeholders', p.id, field], ['stakeholders', i, field], p[field]);
  });
  s.regulators?.forEach((r, i) => {
    for (const field of ['name', 'description'] as const) add(['regulators', r.id, field], ['regulators', i, field], r[field]);
  });
  s.partners.forEach((p, i) => {
    for (const field of ['name', 'description'] as const) add(['partners', p.id, field], ['partners', i, field], p[field]);
  });
  s.variables?.forEach((v, i) => add(['variables', v.id, 'description'], ['variables', i, 'description'], v.description));
  add(['preparation', 'intro'], ['preparation', 'intro'], s.preparation.intro);
  s.preparation.measures.forEach((m, i) => {
    const key = ['preparation', 'measures', m.id];
    const path = ['preparation', 'measures', i];
    add([...key, 'name'], [...path, 'name'], m.name);
    add([...key, 'description'], [...path, 'description'], m.description);
    scores(key, path, m.score);
  });
  injects([], [], s.injects);
  s.beats.forEach((b, i) => beatTexts(b, ['beats', b.id], ['beats', i], add, scores, lists, injects));
  add(['facilitator', 'overview'], ['facilitator', 'overview'], s.facilitator?.overview);
  lists(['facilitator'], ['facilitator'], 'questions', s.facilitator?.questions);
  return out;
}

type Add = (key: PathSegment[], path: PathSegment[], text: string | undefined) => void;
type Nested<T> = (key: PathSegment[], path: PathSegment[], items: T) => void;

function beatTexts(
  b: Beat,
  key: PathSegment[],
  path: PathSegment[],
  add: Add,
  scores: Nested<readonly ScoreEntry[] | undefined>,
  lists: (key: PathSegment[], path: PathSegment[], name: string, items: readonly string[] | undefined) => void,
  injects: Nested<readonly Inject[] | undefined>,
): void {
  add([...key, 'title'], [...path, 'title'], b.title);
  add([...key, 'narrative'], [...path, 'narrative'], b.narrative);
  injects(key, path, b.injects);
  const d = b.decision;
  if (d) {
    add([...key, 'decision', 'prompt'], [...path, 'decision', 'prompt'], d.prompt);
    d.options.forEach((o, i) => {
      const k = [...key, 'decision', 'options', o.id];
      const p = [...path, 'decision', 'options', i];
      for (const field of ['label', 'detail', 'unavailable', 'outcome'] as const) add([...k, field], [...p, field], o[field]);
      scores(k, p, o.score);
    });
    add([...key, 'decision', 'advice', 'why'], [...path, 'decision', 'advice', 'why'], d.advice.why);
  }
  for (const name of ['questions', 'lookFor', 'expectedActions'] as const) {
    lists([...key, 'facilitator'], [...path, 'facilitator'], name, b.facilitator?.[name]);
  }
}

/** The entry at a translation-file key, or undefined. */
export function translatedAt(translation: Translation, key: readonly PathSegment[]): Translated | undefined {
  let current: unknown = translation;
  for (const segment of key) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment as string];
  }
  return current === null || typeof current !== 'object' ? undefined : (current as Translated);
}

export interface TranslationStatus {
  language: Language;
  /** English texts in the scenario. */
  total: number;
  /** Keys (as `beats.cards-fail.title`) with no translated text: the English is shown. */
  missing: string[];
  /** Keys whose English changed after they were translated (or that record no fingerprint). */
  stale: string[];
}

export const keyName = (key: readonly PathSegment[]): string => key.map(String).join('.');

/** What a translation lacks: texts not translated, and texts translated from an older English. */
export function translationStatus(scenario: Scenario, translation: Translation): TranslationStatus {
  const status: TranslationStatus = { language: translation.language, total: 0, missing: [], stale: [] };
  for (const t of scenarioTexts(scenario)) {
    status.total++;
    const entry = translatedAt(translation, t.key);
    if (entry?.text === undefined) status.missing.push(keyName(t.key));
    else if (entry.from !== sourceHash(t.text)) status.stale.push(keyName(t.key));
  }
  return status;
}

/**
 * The scenario as players of `language` read it: every translated text replaces its English,
 * and a text with no translation stays English. Stale translations are used too (the checker
 * reports them); English returns the scenario unchanged.
 */
export function localizeScenario(scenario: Scenario, translation: Translation | null, language: Language): Scenario {
  if (language === 'en' || translation === null) return scenario;
  if (translation.language !== language) {
    throw new Error(`the translation of "${translation.scenario}" is in "${translation.language}", not "${language}"`);
  }
  if (translation.scenario !== scenario.id) {
    throw new Error(`the translation is of scenario "${translation.scenario}", not "${scenario.id}"`);
  }
  const copy = structuredClone(scenario);
  for (const t of scenarioTexts(scenario)) {
    const text = translatedAt(translation, t.key)?.text;
    if (text !== undefined) setAt(copy, t.path, text);
  }
  return copy;
}

function setAt(root: unknown, path: readonly PathSegment[], value: string): void {
  let current = root as Record<string, unknown>;
  for (const segment of path.slice(0, -1)) current = current[segment as string] as Record<string, unknown>;
  current[path[path.length - 1] as string] = value;
}
