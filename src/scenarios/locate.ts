import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

export type PathSegment = string | number;

/** `beats[2].decision.options[0].next` */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out ? `.${segment}` : segment;
  return out || '(top level)';
}

export interface Located {
  line: number;
  column: number;
  /** False when the path does not exist in the file: the position is its nearest parent. */
  exact: boolean;
}

/**
 * Finds where a path lives in the YAML source. When `key` is true the position is the key of
 * the last segment rather than its value (used for unknown fields).
 */
export function locate(doc: Document, lines: LineCounter, path: readonly PathSegment[], key = false): Located {
  let node: Node | null = (doc.contents as Node | null) ?? null;
  let offset = node?.range?.[0] ?? 0;
  let exact = true;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) {
        exact = false;
        break;
      }
      const keyNode = pair.key as Node;
      const value = (pair.value as Node | null) ?? null;
      if (last && key) {
        offset = keyNode.range?.[0] ?? offset;
        node = value;
        break;
      }
      node = value;
      offset = value?.range?.[0] ?? keyNode.range?.[0] ?? offset;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = (node.items[segment] as Node | undefined) ?? null;
      if (!item) {
        exact = false;
        break;
      }
      node = item;
      offset = item.range?.[0] ?? offset;
    } else {
      exact = false;
      break;
    }
  }
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col, exact };
}
