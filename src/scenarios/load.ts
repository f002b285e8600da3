import { isCollection, isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { formatPath, locate, type PathSegment } from './locate.ts';
import { Scenario } from './schema.ts';
import { allowedFields } from './schema-walk.ts';
import { checkMoneyScale } from './money-scale.ts';
import { checkReferences } from './semantic.ts';
import { didYouMean } from './suggest.ts';

// Turns the bytes of a scenario file into a validated Scenario, or into problems that each name
// the file, line, column and field, and say what to do. Pure: runs in the browser and in Node.

export interface ScenarioProblem {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
}

export interface LoadResult {
  scenario: Scenario | null;
  errors: ScenarioProblem[];
  warnings: ScenarioProblem[];
}

export const MAX_SCENARIO_BYTES = 512 * 1024;
export const MAX_NESTING = 48;
export const MAX_ALIASES = 100;

const fail = (file: string, message: string, line = 1, column = 1, path = '(file)'): LoadResult => ({
  scenario: null,
  errors: [{ file, line, column, path, message }],
  warnings: [],
});

function decode(input: string | Uint8Array, file: string): string | LoadResult {
  if (typeof input === 'string') {
    if (input.length > MAX_SCENARIO_BYTES) return fail(file, tooLarge(input.length));
    if (input.includes('\0')) return fail(file, 'this is a binary file, not YAML text');
    return input;
  }
  if (input.byteLength > MAX_SCENARIO_BYTES) return fail(file, tooLarge(input.byteLength));
  if (input.includes(0)) return fail(file, 'this is a binary file, not YAML text');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return fail(file, 'the file is not UTF-8 text; save it as UTF-8');
  }
}

const tooLarge = (size: number): string =>
  `the file is ${Math.ceil(size / 1024)} KiB; scenario files are limited to ${MAX_SCENARIO_BYTES / 1024} KiB`;

const nestingMessage = `the file is nested more than ${MAX_NESTING} levels deep; a scenario never needs that`;

/**
 * Where flow brackets ([ and {) first nest deeper than the limit, or null. Checked on the raw
 * text because the YAML parser recurses per level and hostile input could exhaust its stack.
 * Quotes and comments are skipped so brackets inside text do not count.
 */
function flowNestingOffset(text: string): number | null {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote && text[i - 1] !== '\\') quote = null;
      else if (c === '\n' && quote === "'") quote = null;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end;
    } else if (c === '"' || (c === "'" && depth > 0)) quote = c;
    else if ((c === '[' || c === '{') && (depth > 0 || startsValue(text, i))) {
      if (++depth > MAX_NESTING) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return null;
}

/** Outside flow collections a bracket opens one only where a value starts, not inside plain text. */
function startsValue(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  return j < 0 || text[j] === '\n' || text[j] === ':' || text[j] === '-';
}

/** The deepest collection in the document, found without recursion so hostile input cannot overflow the stack. */
function tooDeep(doc: Document): Node | null {
  const stack: [unknown, number][] = [[doc.contents, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth > MAX_NESTING) return node;
    for (const item of node.items) {
      if (isPair(item)) stack.push([item.value, depth + 1]);
      else stack.push([item, depth + 1]);
    }
  }
  return null;
}

function firstAlias(doc: Document): Node | null {
  let found: Node | null = null;
  visit(doc, {
    Alias(_, node) {
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

/** A YAML file read safely (size, encoding, nesting, aliases), with what is needed to locate paths in it. */
export interface YamlFile {
  doc: Document;
  lines: LineCounter;
  value: unknown;
}

/**
 * The safe YAML reading scenario files and translation files share: either the parsed
 * mapping, or problems placed in the file. `empty` and `notMapping` say what the file should hold.
 */
export function readYamlMapping(input: string | Uint8Array, file: string, empty: string, notMapping: string): YamlFile | LoadResult {
  const decoded = decode(input, file);
  if (typeof decoded !== 'string') return decoded;
  const text = decoded.replace(/^\uFEFF/, '');
  if (text.replace(/#.*$/gm, '').trim() === '') return fail(file, empty);

  const lines = new LineCounter();
  const flowDepth = flowNestingOffset(text);
  if (flowDepth !== null) {
    const before = text.slice(0, flowDepth).split('\n');
    return fail(file, nestingMessage, before.length, before[before.length - 1]!.length + 1);
  }
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  if (doc.errors.some((e) => /call stack/i.test(e.message))) return fail(file, nestingMessage);
  if (doc.errors.length > 0) {
    return {
      scenario: null,
      errors: doc.errors.map((e) => ({
        file,
        line: e.linePos?.[0].line ?? 1,
        column: e.linePos?.[0].col ?? 1,
        path: '(YAML syntax)',
        message: `YAML syntax: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
      warnings: [],
    };
  }
  const deep = tooDeep(doc);
  if (deep) {
    const pos = lines.linePos(deep.range?.[0] ?? 0);
    return fail(file, nestingMessage, pos.line, pos.col);
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const alias = firstAlias(doc);
    const pos = lines.linePos(alias?.range?.[0] ?? 0);
    const message = /alias/i.test((error as Error).message)
      ? 'YAML aliases expand too much (a possible "billion laughs" file); write the values out instead of using * aliases'
      : `the YAML could not be read: ${(error as Error).message}`;
    return fail(file, message, pos.line, pos.col);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail(file, notMapping);
  return { doc, lines, value };
}

export function parseScenario(input: string | Uint8Array, file: string): LoadResult {
  const read = readYamlMapping(
    input,
    file,
    'the file is empty; a scenario starts with "formatVersion: 1" and an id (see docs/scenario-format.md)',
    'a scenario file is a mapping of fields (formatVersion, id, title, ...), not a single value or a list',
  );
  if (!('doc' in read)) return read;
  const { doc, lines, value } = read;
  const parsed = Scenario.safeParse(value);
  if (!parsed.success) {
    return { scenario: null, errors: sortProblems(schemaProblems(parsed.error.issues, doc, lines, value, file)), warnings: [] };
  }

  const errors: ScenarioProblem[] = [];
  const warnings: ScenarioProblem[] = [];
  for (const problem of [...checkReferences(parsed.data), ...checkMoneyScale(parsed.data)]) {
    const pos = locate(doc, lines, problem.path);
    const located = { file, line: pos.line, column: pos.column, path: formatPath(problem.path), message: problem.message };
    (problem.severity === 'error' ? errors : warnings).push(located);
  }
  return { scenario: errors.length === 0 ? parsed.data : null, errors: sortProblems(errors), warnings: sortProblems(warnings) };
}

export function sortProblems(problems: ScenarioProblem[]): ScenarioProblem[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Quotes a value from the file for a message, cut to QUOTE_LENGTH characters: a 500 KB bad value is not repeated whole. */
export function quote(text: string): string {
  return text.length > QUOTE_LENGTH ? `"${text.slice(0, QUOTE_LENGTH)}…" (${text.length.toLocaleString('en-GB')} characters)` : `"${text}"`;
}

const QUOTE_LENGTH = 80;

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `text ${quote(value)}`;
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of fields',
};

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment as string];
  }
  return current;
}

/**
 * In `{ reason: Fast, cheap and good }` YAML reads "cheap and good" as a field of its own: a
 * comma ends plain text inside a flow mapping. When an unknown field has no value and follows
 * a plain-text value (and is not a near miss of a real field), say to quote the text instead.
 */
function splitByComma(doc: Document, path: readonly PathSegment[], key: string, allowed: readonly string[]): string | null {
  const node = doc.getIn(path, true);
  if (!isMap(node) || !node.flow) return null;
  const at = node.items.findIndex((p) => isScalar(p.key) && p.key.value === key);
  const pair = node.items[at];
  const before = node.items[at - 1];
  if (!pair || pair.value !== null || !before || !isScalar(before.key) || !isScalar(before.value)) return null;
  if (typeof before.value.value !== 'string' || before.value.type !== 'PLAIN') return null;
  if (!/\s/.test(key) && didYouMean(key, allowed) !== '') return null;
  const field = String(before.key.value);
  const whole = `${before.value.value}, ${key}`;
  return `"${key}" is not a field: inside { … } a comma ends unquoted text, so the ${field} was cut at "${before.value.value}"; quote this text: ${field}: "${whole.replace(/"/g, '\\"')}"`;
}

/** Zod's issues as problems placed in the file; `root` is the schema the value was checked against. */
export function schemaProblems(
  issues: z.core.$ZodIssue[],
  doc: Document,
  lines: LineCounter,
  value: unknown,
  file: string,
  root: z.ZodType = Scenario,
): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const unknownAt = new Set(issues.filter((i) => i.code === 'unrecognized_keys').map((i) => formatPath(i.path as PathSegment[])));
  for (const issue of issues) {
    const path = issue.path as PathSegment[];
    const at = (p: PathSegment[], key = false) => locate(doc, lines, p, key);
    const push = (p: PathSegment[], message: string, key = false): void => {
      const pos = at(p, key);
      problems.push({ file, line: pos.line, column: pos.column, path: formatPath(p), message });
    };
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = allowedFields(root, path, value);
        for (const key of issue.keys) {
          const split = splitByComma(doc, path, key, allowed);
          push(
            [...path, key],
            split ?? `unknown field ${quote(key)}${didYouMean(key, allowed)}${allowed.length ? ` (allowed here: ${allowed.join(', ')})` : ''}`,
            true,
          );
        }
        break;
      }
      case 'invalid_type': {
        const actual = valueAt(value, path);
        const expected = EXPECTED[issue.expected] ?? issue.expected;
        if (actual === undefined && path.length > 0) {
          const parent = path.slice(0, -1);
          push(parent, `missing required field "${String(path[path.length - 1])}" (${expected})`);
        } else {
          push(path, `expected ${expected}, found ${describe(actual)}`);
        }
        break;
      }
      case 'invalid_value': {
        const actual = valueAt(value, path);
        const options = issue.values.map(String);
        const hint = typeof actual === 'string' ? didYouMean(actual, options) : '';
        push(path, `${typeof actual === 'string' ? quote(actual) : describe(actual)} is not allowed here${hint} (allowed: ${options.join(', ')})`);
        break;
      }
      case 'invalid_union': {
        if ('discriminator' in issue && issue.discriminator) {
          const actual = valueAt(value, path);
          const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
          const message =
            actual === undefined
              ? `missing "type" (allowed: ${options.join(', ')})`
              : `unknown type ${quote(String(actual))}${didYouMean(String(actual), options)} (allowed: ${options.join(', ')})`;
          push(path, message);
        } else {
          push(path, `expected a number or { var: <variable>, times: <number> }, found ${describe(valueAt(value, path))}`);
        }
        break;
      }
      case 'too_small':
      case 'too_big': {
        const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
        const word = issue.code === 'too_small' ? 'at least' : 'at most';
        const message =
          issue.origin === 'array'
            ? `needs ${word} ${String(bound)} item${bound === 1 ? '' : 's'}`
            : issue.origin === 'string'
              ? issue.code === 'too_small'
                ? 'text must not be empty'
                : `text is longer than ${String(bound)} characters`
              : `must be ${word} ${String(bound)}, found ${describe(valueAt(value, path))}`;
        push(path, message);
        break;
      }
      case 'custom':
        if (unknownAt.has(formatPath(path)) && issue.message.startsWith('a condition needs one of')) break;
        push(path, issue.message);
        break;
      default:
        push(path, issue.message);
    }
  }
  return problems;
}
