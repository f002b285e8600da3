import { scenarioJsonSchema } from './json-schema.ts';

// The field reference in docs/scenario-format.md, generated from the schema (through its JSON
// Schema form) so it lists every field the loader accepts and cannot drift from it.
// `war-room docs` writes it between the markers; tests/docs/scenario-format.test.ts fails when stale.

export const FIELDS_START = '<!-- fields:start (generated from src/scenarios/schema.ts by `npx war-room docs`; do not edit by hand) -->';
export const FIELDS_END = '<!-- fields:end -->';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  $ref?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  $defs?: Record<string, JsonSchema>;
}

/** Sections are titled by where the object sits, e.g. `company.services[]`, or by a shared name. */
interface Section {
  title: string;
  intro?: string;
  rows: string[];
}

const ID_PATTERN = '^[a-z0-9][a-z0-9-]*$';
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to dashes. */
const anchor = (name: string): string => name.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function fieldTableMarkdown(): string {
  const root = scenarioJsonSchema() as JsonSchema;
  const defs = root.$defs ?? {};
  const sections: Section[] = [];
  const defSections = new Map<string, Section[]>();

  const resolve = (s: JsonSchema): JsonSchema => {
    let current = s;
    for (let i = 0; i < 10 && current.$ref; i++) current = defs[current.$ref.replace('#/$defs/', '')] ?? {};
    return current;
  };
  /** The shared name a $ref points at, following aliases like `__schema0` to a named definition. */
  const refName = (s: JsonSchema): string | null => {
    let current = s;
    let name: string | null = null;
    for (let i = 0; i < 10 && current.$ref; i++) {
      const next = current.$ref.replace('#/$defs/', '');
      if (!next.startsWith('__')) name = next;
      current = defs[next] ?? {};
    }
    return name;
  };

  const bounds = (s: JsonSchema): string => {
    const parts: string[] = [];
    const min = s.minimum !== undefined && s.minimum > -MAX_SAFE ? s.minimum : undefined;
    if (min !== undefined && s.maximum !== undefined && s.maximum < MAX_SAFE) parts.push(`${fmt(min)}–${fmt(s.maximum)}`);
    else if (min !== undefined) parts.push(`≥ ${fmt(min)}`);
    else if (s.maximum !== undefined && s.maximum < MAX_SAFE) parts.push(`≤ ${fmt(s.maximum)}`);
    if (s.minItems !== undefined && s.maxItems !== undefined) parts.push(`${s.minItems}–${s.maxItems} items`);
    else if (s.minItems !== undefined) parts.push(`at least ${s.minItems}`);
    else if (s.maxItems !== undefined) parts.push(`at most ${s.maxItems}`);
    if (s.maxLength !== undefined && s.pattern !== ID_PATTERN) parts.push(`up to ${s.maxLength} characters`);
    return parts.length ? ` (${parts.join(', ')})` : '';
  };

  /** A short type for the table; objects and shared definitions get their own section. */
  const typeOf = (s: JsonSchema, path: string, register: (title: string, schema: JsonSchema) => void): string => {
    const named = refName(s);
    if (named) {
      describeDef(named);
      return `[${named}](#${anchor(named)})`;
    }
    const r = resolve(s);
    if (r.const !== undefined) return `\`${JSON.stringify(r.const)}\``;
    if (r.enum) return `one of ${r.enum.map((v) => `\`${String(v)}\``).join(', ')}`;
    if (r.type === 'array' && r.items) return `list of ${typeOf(r.items, `${path}[]`, register)}${bounds(r)}`;
    if (r.type === 'object') {
      register(path, r);
      return `mapping, see [\`${path}\`](#${anchor(path)})`;
    }
    const union = r.anyOf ?? r.oneOf;
    if (union) return union.map((u) => typeOf(u, path, register)).join(' or ');
    if (r.type === 'string') return `${r.pattern === ID_PATTERN ? 'id' : 'text'}${bounds(r)}`;
    if (r.type === 'integer') return `whole number${bounds(r)}`;
    if (r.type === 'number') return `number${bounds(r)}`;
    if (r.type === 'boolean') return 'true or false';
    if (Array.isArray(r.type)) return r.type.map((t) => typeOf({ type: t }, path, register)).join(' or ');
    return 'anything';
  };

  const rowsOf = (s: JsonSchema, path: string, register: (title: string, schema: JsonSchema) => void): string[] =>
    Object.entries(s.properties ?? {})
      .filter(([name]) => name !== '$schema')
      .map(([name, field]) => {
        const required = s.required?.includes(name) ? 'yes' : '';
        const description = field.description ?? resolve(field).description ?? '';
        const shown = description === 'A kebab-case identifier, unique within its list' && name !== 'id' ? '' : description;
        return `| \`${name}\` | ${cell(typeOf(field, path ? `${path}.${name}` : name, register))} | ${required} | ${cell(shown)} |`;
      });

  /** Objects found under `path`, each a section after its parent's, in the order the fields appear. */
  const walk = (title: string, s: JsonSchema, into: Section[], intro?: string): void => {
    const nested: [string, JsonSchema][] = [];
    const section: Section = { title, rows: [], ...(intro ? { intro } : {}) };
    into.push(section);
    section.rows = rowsOf(s, title === 'Top level' ? '' : title, (p, o) => nested.push([p, o]));
    for (const [p, o] of nested) walk(p, o, into);
  };

  function describeDef(name: string): void {
    if (defSections.has(name)) return;
    const list: Section[] = [];
    defSections.set(name, list);
    const def = resolve({ $ref: `#/$defs/${name}` });
    const members = def.oneOf ?? def.anyOf;
    if (def.type === 'object') {
      walk(name, def, list);
    } else if (members && members.every((m) => resolve(m).properties?.type?.const !== undefined)) {
      // A tagged union (effects): one table of params per type.
      list.push({ title: name, rows: [], intro: `Each ${name.toLowerCase()} is \`{ type, params }\`; the params of each type:` });
      for (const member of members) {
        const m = resolve(member);
        const tag = String(m.properties!.type!.const);
        const params = resolve(m.properties!.params ?? {});
        walk(`${name}: ${tag}`, params, list, params.description);
      }
    } else if (members) {
      // A value or a mapping (NumberExpr): the mapping's fields go in the same section.
      const objects = members.map(resolve).filter((m) => m.type === 'object');
      const kinds = members.map((m) => (resolve(m).type === 'object' ? 'a mapping with these fields' : `a ${typeOf(m, name, () => {})}`));
      const section: Section = { title: name, intro: `${def.description ?? ''} Either ${kinds.join(', or ')}:`.trim(), rows: [] };
      list.push(section);
      for (const o of objects) section.rows.push(...rowsOf(o, name, (p, x) => walk(p, x, list)));
    }
  }

  walk('Top level', root, sections);
  const all = [...sections, ...[...defSections.values()].flat()];
  const out: string[] = [FIELDS_START, ''];
  for (const section of all) {
    out.push(`#### ${section.title.includes(' ') || section.title === 'Top level' ? section.title : `\`${section.title}\``}`, '');
    if (section.intro) out.push(section.intro, '');
    if (section.rows.length) out.push('| field | type | required | what it is |', '| --- | --- | --- | --- |', ...section.rows, '');
  }
  out.push(FIELDS_END);
  return out.join('\n');
}

function fmt(n: number): string {
  return n >= 1e6 && Number.isInteger(Math.log10(n)) ? `10^${Math.log10(n)}` : String(n);
}

/** `doc` with the text between the markers replaced by the current field reference. */
export function withFieldTable(doc: string): string {
  const start = doc.indexOf(FIELDS_START);
  const end = doc.indexOf(FIELDS_END);
  if (start < 0 || end < start) throw new Error('docs/scenario-format.md has no field reference markers');
  return doc.slice(0, start) + fieldTableMarkdown() + doc.slice(end + FIELDS_END.length);
}
