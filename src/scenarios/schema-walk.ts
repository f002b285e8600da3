import type { z } from 'zod';
import type { PathSegment } from './locate.ts';

// Zod 4 exposes each schema's definition on `_zod.def`; walking it lets error messages list the
// fields that ARE allowed where an unknown one was found, instead of every field in the format.
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  getter?: () => z.ZodType;
  values?: unknown[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let i = 0; i < 20; i++) {
    const def = defOf(current);
    if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else if (def.type === 'lazy' && def.getter) current = def.getter();
    else break;
  }
  return current;
}

/** The object schemas that may stand at `path`, given the parsed value (to pick union members by `type`). */
function objectsAt(root: z.ZodType, path: readonly PathSegment[], value: unknown): z.ZodType[] {
  let candidates = [root];
  let current: unknown = value;
  for (const segment of path) {
    const next: z.ZodType[] = [];
    for (const candidate of expandUnions(candidates, current)) {
      const def = defOf(candidate);
      if (def.type === 'object' && typeof segment === 'string' && def.shape?.[segment]) next.push(def.shape[segment]!);
      if (def.type === 'array' && typeof segment === 'number' && def.element) next.push(def.element);
      if (def.type === 'record' && typeof segment === 'string' && def.valueType) next.push(def.valueType);
    }
    candidates = next;
    current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[segment as string] : undefined;
  }
  return expandUnions(candidates, current).filter((s) => defOf(s).type === 'object');
}

function expandUnions(schemas: z.ZodType[], value: unknown): z.ZodType[] {
  const out: z.ZodType[] = [];
  for (const schema of schemas.map(unwrap)) {
    const def = defOf(schema);
    if (def.type !== 'union' || !def.options) {
      out.push(schema);
      continue;
    }
    const members = def.options.map(unwrap);
    const tag = value !== null && typeof value === 'object' ? (value as Record<string, unknown>).type : undefined;
    const tagged = members.filter((m) => {
      const typeField = defOf(m).shape?.type;
      return typeField !== undefined && defOf(unwrap(typeField)).values?.includes(tag);
    });
    out.push(...(tagged.length > 0 ? tagged : members));
  }
  return out;
}

/** Field names allowed in the object at `path`. */
export function allowedFields(root: z.ZodType, path: readonly PathSegment[], value: unknown): string[] {
  const names = new Set<string>();
  for (const schema of objectsAt(root, path, value)) for (const key of Object.keys(defOf(schema).shape ?? {})) names.add(key);
  return [...names];
}

/** The literal values of the discriminator `type` in the union at `path` (e.g. effect types). */
export function unionTags(root: z.ZodType, path: readonly PathSegment[], value: unknown): string[] {
  const tags: string[] = [];
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  let candidates = objectsAt(root, parentPath, value).map((o) => (last === undefined ? o : defOf(o).shape?.[last as string]));
  if (typeof last === 'number') {
    const arrays = objectsAt(root, path.slice(0, -2), value)
      .map((o) => defOf(o).shape?.[path[path.length - 2] as string])
      .filter((s): s is z.ZodType => s !== undefined)
      .map(unwrap);
    candidates = arrays.map((a) => defOf(a).element);
  }
  for (const candidate of candidates) {
    if (!candidate) continue;
    const def = defOf(unwrap(candidate));
    for (const member of def.options ?? []) {
      const typeField = defOf(unwrap(member)).shape?.type;
      for (const v of (typeField && defOf(unwrap(typeField)).values) ?? []) tags.push(String(v));
    }
  }
  return tags;
}
