import { placeholdersIn } from '../engine/text.ts';
import { formatPath, locate, type PathSegment } from './locate.ts';
import { quote, readYamlMapping, schemaProblems, sortProblems, type ScenarioProblem } from './load.ts';
import type { Scenario } from './schema.ts';
import { didYouMean } from './suggest.ts';
import { keyName, scenarioTexts, translatedAt } from './translation.ts';
import { Translation, type TranslationLanguage } from './translation-schema.ts';

// Turns the bytes of a translation file into a Translation checked against its English
// scenario, or into problems that name the file, line, column and field. Pure: no file access.

export interface TranslationLoad {
  translation: Translation | null;
  errors: ScenarioProblem[];
  /** Where a translation-file key is (or would be: its nearest parent) in this file. */
  where: (key: readonly PathSegment[]) => { line: number; column: number; path: string };
}

const nowhere = (): { line: number; column: number; path: string } => ({ line: 1, column: 1, path: '(file)' });

const META_FIELDS = new Set(['$schema', 'formatVersion', 'scenario', 'language']);

/**
 * `language`, when given, is the one the file name says (`<file>.<language>.yaml`): the
 * file must say the same inside.
 */
export function parseTranslation(input: string | Uint8Array, file: string, scenario: Scenario, language?: string): TranslationLoad {
  const read = readYamlMapping(
    input,
    file,
    `the translation file is empty; it starts with "formatVersion: 1", "scenario: ${scenario.id}" and "language: …" (see docs/scenario-format.md)`,
    'a translation file is a mapping of fields (formatVersion, scenario, language, title, ...), not a single value or a list',
  );
  if (!('doc' in read)) return { translation: null, errors: read.errors, where: nowhere };
  const { doc, lines, value } = read;
  const where = (key: readonly PathSegment[]): { line: number; column: number; path: string } => {
    const pos = locate(doc, lines, key);
    return { line: pos.line, column: pos.column, path: formatPath(key) };
  };
  const parsed = Translation.safeParse(value);
  if (!parsed.success) {
    return { translation: null, errors: sortProblems(schemaProblems(parsed.error.issues, doc, lines, value, file, Translation)), where };
  }
  const errors: ScenarioProblem[] = [];
  const push = (path: PathSegment[], message: string, key = false): void => {
    const pos = locate(doc, lines, path, key);
    errors.push({ file, line: pos.line, column: pos.column, path: formatPath(path), message });
  };
  const t = parsed.data;
  if (t.scenario !== scenario.id) push(['scenario'], `this file translates "${t.scenario}", but its English scenario is "${scenario.id}"`);
  if (language !== undefined && t.language !== language) {
    push(['language'], `the file name says the language is "${language}", but the file says ${quote(t.language)}`);
  }
  for (const [path, message] of unknownKeys(value as Record<string, unknown>, scenario)) push(path, message, true);
  for (const english of scenarioTexts(scenario)) {
    const translated = translatedAt(t, english.key)?.text;
    if (translated === undefined) continue;
    const want = placeholdersIn(english.text);
    const got = placeholdersIn(translated);
    if (want.join() !== got.join()) {
      push(
        [...english.key, 'text'],
        `the placeholders must be the English ones, which the game fills in: the English has ${want.length ? want.join(' ') : 'none'}, this has ${got.length ? got.join(' ') : 'none'}`,
      );
    }
  }
  return { translation: errors.length === 0 ? t : null, errors: sortProblems(errors), where };
}

/**
 * Entries of the translation that have no English text to translate: an id the scenario does
 * not have (a renamed beat, a typo), or a field the English leaves out. Reported at the
 * outermost key that is wrong, once.
 */
function unknownKeys(value: Record<string, unknown>, scenario: Scenario): [PathSegment[], string][] {
  const keys = new Set<string>();
  const children = new Map<string, Set<string>>();
  for (const t of scenarioTexts(scenario)) {
    keys.add(keyName(t.key));
    for (let i = 0; i < t.key.length; i++) {
      const parent = keyName(t.key.slice(0, i));
      const set = children.get(parent) ?? new Set<string>();
      set.add(String(t.key[i]));
      children.set(parent, set);
    }
  }
  const out: [PathSegment[], string][] = [];
  const walk = (node: unknown, path: PathSegment[]): void => {
    const name = keyName(path);
    if (keys.has(name)) return;
    if (path.length > 0 && !children.has(name)) {
      const last = path[path.length - 1]!;
      const siblings = children.get(keyName(path.slice(0, -1))) ?? new Set<string>();
      out.push([
        path,
        typeof last === 'number'
          ? `item ${last + 1} has no English to translate: the English list has ${siblings.size}`
          : `${quote(last)} is not in the English scenario here${didYouMean(last, siblings)}${
              siblings.size > 0 ? ` (here it has: ${[...siblings].slice(0, 12).join(', ')}${siblings.size > 12 ? ', …' : ''})` : ''
            }`,
      ]);
      return;
    }
    if (Array.isArray(node)) node.forEach((item, i) => item !== null && walk(item, [...path, i]));
    else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) if (path.length > 0 || !META_FIELDS.has(k)) walk(v, [...path, k]);
    }
  };
  walk(value, []);
  return out;
}
